"""The weighting-sheet templates. Every scheme file in schemes/ gets its worker sheets
(`scheme_sheet`: one per [[sheet]] table of the file, or the sheet of the file alone) and its
team sheets (`team_sheet`: [[sheet]] tables of kind "team"), so a new scheme file brings its
sheets with no other change. Each set of calibration vignettes
(schemes/vignettes/) gets its calibration sheet (`calibration_sheet`): CALIBRATION. `build`
builds them all through a headless office with the add-in installed, so their code lists and
bands come from the engine."""


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

    from . import scheme_sheet

    globals()["TEMPLATES"] = [t for s in schemes.built_in() for t in scheme_sheet.templates(s)]
    return globals()["TEMPLATES"]
