"""The weighting-sheet templates. A scheme with a description of its own here (swindon, rbwm,
notts: several sheets and a team summary each, in the terms of `cwtemplate`) is built from it;
every other scheme file in schemes/ gets the worker sheet of any scheme file (`scheme_sheet`,
refined by the file's [sheet] table), so a new scheme file brings its sheet with no other
change. Each set of calibration vignettes (schemes/vignettes/) gets its calibration sheet
(`calibration_sheet`): CALIBRATION. `build` builds them all through a headless office with the
add-in installed, so their code lists and bands come from the engine."""


def __getattr__(name):
    """TEMPLATES, worked out on first use: importing one module of the package (the sheet
    builder, in the user's office) reads no scheme file."""
    if name == "CALIBRATION":
        from caseweight import vignettes

        from . import calibration_sheet

        globals()[name] = [calibration_sheet.template(s) for s in vignettes.sets()]
        return globals()[name]
    if name != "TEMPLATES":
        raise AttributeError(name)
    from caseweight import schemes

    from . import notts, rbwm, scheme_sheet, swindon

    described = swindon.TEMPLATES + rbwm.TEMPLATES + notts.TEMPLATES
    globals()["TEMPLATES"] = described + [
        scheme_sheet.template(s)
        for s in schemes.built_in()
        if s.name not in {t.scheme for t in described}
    ]
    return globals()["TEMPLATES"]
