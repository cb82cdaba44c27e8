"""The extension's menu entries that run Python: the UNO service org.caseweight.Menu.

Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets dispatches
service:org.caseweight.Menu?refresh-team (Addons.xcu): LibreOffice creates this service and
calls trigger("refresh-team"), which refreshes the document of the window the menu belongs to
with caseweight.team.refresh_team (the same reading code as caseweight-rollup,
caseweight.worker_sheet) and shows the resulting sentence in a message box.

caseweight: Check a Scheme File... (service:org.caseweight.Menu?check-scheme) asks for .toml
files and shows what the add-in's own reader says of them (SCHEMECHECK: the files read together
beside the schemes and packs this office has loaded). caseweight: Make a Scheme Pack...
(make-pack) checks them the same way and, when they have no mistakes, builds the worker sheet
of each scheme they define in this office (the add-in reads the files for the while) and
writes the scheme pack (caseweight.packing, as caseweight-pack writes it) where the user says.
caseweight: Compare Calibration Sheets... (compare-calibration) asks for the folder of the
managers' calibration sheets and writes the comparison into a new Calc document
(caseweight.calibrate, as caseweight-calibrate writes it).

The same commands as a job (com.sun.star.task.XJob), for macros and scripts:
execute((NamedValue("Command", "refresh-team"), NamedValue("Document", doc))) runs the
command on doc (default: the current document) and returns the sentence instead of showing it;
check-scheme takes NamedValue("Paths", file:// addresses or paths), make-pack also
NamedValue("Out", where to write the .oxt); compare-calibration NamedValue("Folder") and
NamedValue("Document", the Calc document to write into).

The caseweight package is shipped beside this file, in pythonpath/, which LibreOffice's Python
loader puts on the module search path for an extension's component (installed for one user or
for all, unopkg add --shared). It is imported when a command first runs.
"""

import os
import tempfile

import uno
import unohelper
from com.sun.star.task import XJob, XJobExecutor

IMPLEMENTATION = "org.caseweight.MenuImpl"
SERVICE = "org.caseweight.Menu"
TITLE = "caseweight"


ADD_IN = "org.caseweight.AddIn"
SESSION = "org.caseweight.SchemeSession"


def _refresh_team(menu, doc, args):
    from caseweight.team import refresh_team

    return refresh_team(menu._desktop(), doc)


TOML = ("Scheme files (*.toml)", "*.toml")


def _paths(menu, args):
    """The files of the command: its Paths, else those the user picks (None: cancelled)."""
    paths = args.get("Paths")
    if isinstance(paths, str):
        paths = [paths]
    return list(paths) if paths else menu.pick_files(*TOML)


def _check(menu, paths):
    """(lines SCHEMECHECK gives for the files together, whether they have no mistakes: its
    last line says so, after any notes)."""
    addin = menu.ctx.ServiceManager.createInstanceWithContext(ADD_IN, menu.ctx)
    try:
        lines = [row[0] for row in addin.schemeCheck(tuple((p,) for p in paths))]
    except Exception as e:  # noqa: BLE001 - the add-in's refusal is a sentence
        return [getattr(e, "Message", "") or str(e)], False
    return lines, bool(lines) and lines[-1].startswith("No mistakes found")


def _check_scheme(menu, doc, args):
    paths = _paths(menu, args)
    if not paths:
        return None
    return "\n".join(_check(menu, paths)[0])


def _make_pack(menu, doc, args):
    from caseweight import packing

    paths = _paths(menu, args)
    if not paths:
        return None
    every = [uno.fileUrlToSystemPath(p) if p.startswith("file:") else p for p in paths]
    files, sets = packing.split(every)  # schemes, and sets of calibration vignettes
    if files:
        lines, clean = _check(menu, files)
        if not clean:
            return "\n".join(lines + ["No pack written: correct the files and make it again."])
    names = [os.path.basename(f) for f in every]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        return "No pack written: a pack holds one file of each name (%s)." % ", ".join(twice)
    name = packing.name_for(every)
    version = packing.next_version(menu.installed_version(packing.PREFIX + name))
    out = args.get("Out") or menu.pick_save(
        ("Extensions (*.oxt)", "*.oxt"), os.path.dirname(every[0]), name + "-schemes.oxt"
    )
    if not out:
        return None
    if out.startswith("file:"):
        out = uno.fileUrlToSystemPath(out)
    if not out.lower().endswith(".oxt"):
        out += ".oxt"
    # Written beside and renamed into place: a pack half written is never left as the pack.
    part = out + ".part"
    with tempfile.TemporaryDirectory(prefix="caseweight-pack-") as tmp:
        try:
            sheets = _build_sheets(menu, files, sets, tmp)
            packing.write_oxt(part, name, version, files, sheets, sets)
            os.replace(part, out)
        except (OSError, packing.PackError) as e:
            if os.path.exists(part):
                os.remove(part)
            detail = getattr(e, "detail", None)
            return "No pack written: %s%s" % (
                getattr(e, "strerror", None) or e,
                "\n" + detail if detail else " (%s)." % out,
            )
    return (
        "Wrote %s: the extension %s%s %s with %s. Install it with Tools > Extension Manager > "
        "Add... (for every user: unopkg add --shared), then restart LibreOffice."
        % (
            out,
            packing.PREFIX,
            name,
            version,
            ", ".join(os.path.basename(f) for f in files + sets + sheets),
        )
    )


def _compare_calibration(menu, doc, args):
    """Compares the calibration sheets of a folder (its Folder, else the one the user picks)
    into its Document (else a new Calc document), as caseweight-calibrate does."""
    from caseweight import calibrate, vignettes

    folder = args.get("Folder") or menu.pick_folder()
    if not folder:
        return None
    if folder.startswith("file:"):
        folder = uno.fileUrlToSystemPath(folder)
    target = args.get("Document")
    if target is None:
        from caseweight.properties import props

        target = menu._desktop().loadComponentFromURL("private:factory/scalc", "_blank", 0, props())
    try:
        sentence, _ = calibrate.summarise(
            menu._desktop(), folder, target, packs=calibrate.pack_folders(menu.ctx)
        )
    except (ValueError, vignettes.VignetteError) as e:
        return "No comparison made: %s." % str(e).rstrip(".")
    return sentence


class _ThisOffice:
    """The user's office as the sheet builder asks for it: new Calc documents, hidden."""

    def __init__(self, desktop):
        self.desktop = desktop

    def new_calc(self):
        from caseweight.properties import props

        return self.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, props(Hidden=True)
        )


def _build_sheets(menu, files, sets, folder):
    """The worker sheets (.ots in folder) of the schemes the files define and the calibration
    sheets of the sets, built in this office by the same builder as caseweight-pack's. The
    add-in reads the files beside the installed ones while the sheets are built
    (org.caseweight.SchemeSession), then the installed ones only again."""
    from caseweight import packing

    schemes = os.path.join(folder, "schemes")
    os.makedirs(schemes)
    templates = packing.sheet_templates(
        packing.defined_schemes(files, schemes), packing.vignette_sets(sets, schemes)
    )
    if not templates:
        return []
    from caseweight.sheets.cwtemplate import Engine, write_template

    session = menu.ctx.ServiceManager.createInstanceWithContext(SESSION, menu.ctx)
    problems = session.execute((_named("Command", "use"), _named("Paths", tuple(files))))
    out = []
    try:
        if problems:
            raise packing.PackError("the files could not be read for their sheets", problems[0])
        office = _ThisOffice(menu._desktop())
        engine = Engine(office)
        try:
            for t in templates:
                out.append(os.path.join(folder, t.file + ".ots"))
                write_template(office, engine, t, out[-1])
        finally:
            engine.close()
    finally:
        session.execute((_named("Command", "restore"),))
    return out


def _named(name, value):
    v = uno.createUnoStruct("com.sun.star.beans.NamedValue")
    v.Name, v.Value = name, value
    return v


COMMANDS = {
    "refresh-team": _refresh_team,
    "check-scheme": _check_scheme,
    "make-pack": _make_pack,
    "compare-calibration": _compare_calibration,
}


class Menu(unohelper.Base, XJobExecutor, XJob):
    def __init__(self, ctx):
        self.ctx = ctx

    def _desktop(self):
        return self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx
        )

    def run(self, command, doc=None, args=None):
        """The sentence of command run on doc (default: the current document); None when the
        user cancelled it."""
        if doc is None:
            doc = self._desktop().getCurrentComponent()
        action = COMMANDS.get(command)
        if action is None:
            return "caseweight has no command %r." % command
        try:
            return action(self, doc, args or {})
        except Exception as e:  # noqa: BLE001 - a sentence in the box, never a traceback
            return "caseweight could not %s: %s" % (command.replace("-", " "), e)

    # XJobExecutor: the menu entry
    def trigger(self, command):
        desktop = self._desktop()
        frame = desktop.getCurrentFrame()
        doc = None
        if frame is not None and frame.getController() is not None:
            doc = frame.getController().getModel()
        text = self.run(command, doc)
        if text is not None:
            self.show(frame, text)

    # XJob: macros and scripts
    def execute(self, arguments):
        args = {a.Name: a.Value for a in arguments}
        return self.run(args.get("Command", ""), args.get("Document"), args) or ""

    def _picker(self, template, title, pattern):
        picker = self.ctx.ServiceManager.createInstanceWithArgumentsAndContext(
            "com.sun.star.ui.dialogs.FilePicker",
            (uno.getConstantByName("com.sun.star.ui.dialogs.TemplateDescription." + template),),
            self.ctx,
        )
        picker.appendFilter(title, pattern)
        picker.appendFilter("All files (*.*)", "*.*")
        picker.setCurrentFilter(title)
        return picker

    def pick_files(self, title, pattern):
        """The file:// addresses the user chose in an Open dialog (several may be), or None."""
        picker = self._picker("FILEOPEN_SIMPLE", title, pattern)
        picker.setMultiSelectionMode(True)
        if picker.execute() != 1:  # com.sun.star.ui.dialogs.ExecutableDialogResults.OK
            return None
        return list(picker.getSelectedFiles()) or None

    def pick_folder(self):
        """The file:// address of the folder the user chose, or None."""
        picker = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.ui.dialogs.FolderPicker", self.ctx
        )
        picker.setTitle("The folder of the managers' calibration sheets")
        if picker.execute() != 1:
            return None
        return picker.getDirectory() or None

    def pick_save(self, kind, folder, name):
        """The file:// address the user chose in a Save dialog, or None."""
        picker = self._picker("FILESAVE_SIMPLE", *kind)
        if folder:
            picker.setDisplayDirectory(uno.systemPathToFileUrl(folder))
        picker.setDefaultName(name)
        if picker.execute() != 1:
            return None
        files = picker.getSelectedFiles()
        return files[0] if files else None

    def installed_version(self, identifier):
        """The version of an installed extension, or None."""
        info = self.ctx.getValueByName(
            "/singletons/com.sun.star.deployment.PackageInformationProvider"
        )
        for entry in info.getExtensionList():
            if entry and entry[0] == identifier:
                return entry[1]
        return None

    def show(self, frame, text):
        toolkit = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.awt.Toolkit", self.ctx
        )
        parent = frame.getContainerWindow() if frame is not None else None
        if parent is None:
            parent = toolkit.getDesktopWindow()
        box = toolkit.createMessageBox(
            parent,
            uno.Enum("com.sun.star.awt.MessageBoxType", "INFOBOX"),
            1,  # com.sun.star.awt.MessageBoxButtons.BUTTONS_OK
            TITLE,
            text,
        )
        box.execute()
        box.dispose()


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(Menu, IMPLEMENTATION, (SERVICE,))
