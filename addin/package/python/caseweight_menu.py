"""The extension's menu entries that run Python: the UNO service org.caseweight.Menu.

Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets dispatches
service:org.caseweight.Menu?refresh-team (Addons.xcu): LibreOffice creates this service and
calls trigger("refresh-team"), which refreshes the document of the window the menu belongs to
with caseweight.team.refresh_team (the same reading code as caseweight-rollup,
caseweight.worker_sheet) and shows the resulting sentence in a message box.

caseweight: Check a Scheme File... (service:org.caseweight.Menu?check-scheme) asks for a .toml
file and shows what the add-in's own reader says of it (SCHEMECHECK: the file read beside the
schemes and packs this office has loaded).

The same commands as a job (com.sun.star.task.XJob), for macros and scripts:
execute((NamedValue("Command", "refresh-team"), NamedValue("Document", doc))) runs the
command on doc (default: the current document) and returns the sentence instead of showing it;
check-scheme takes NamedValue("Path", a file:// address or a path).

The caseweight package is shipped beside this file, in pythonpath/, which LibreOffice's Python
loader puts on the module search path for an extension's component (installed for one user or
for all, unopkg add --shared). It is imported when a command first runs.
"""

import uno
import unohelper
from com.sun.star.task import XJob, XJobExecutor

IMPLEMENTATION = "org.caseweight.MenuImpl"
SERVICE = "org.caseweight.Menu"
TITLE = "caseweight"


ADD_IN = "org.caseweight.AddIn"


def _refresh_team(menu, doc, args):
    from caseweight.team import refresh_team

    return refresh_team(menu._desktop(), doc)


def _check_scheme(menu, doc, args):
    """What SCHEMECHECK says of the file (asked for when no Path is given); None: cancelled."""
    path = args.get("Path") or menu.pick_file("Scheme files (*.toml)", "*.toml")
    if not path:
        return None
    addin = menu.ctx.ServiceManager.createInstanceWithContext(ADD_IN, menu.ctx)
    try:
        lines = [row[0] for row in addin.schemeCheck(path)]
    except Exception as e:  # noqa: BLE001 - the add-in's refusal is a sentence
        return getattr(e, "Message", "") or str(e)
    return "\n".join(lines)


COMMANDS = {"refresh-team": _refresh_team, "check-scheme": _check_scheme}


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

    def pick_file(self, title, pattern):
        """The file:// address the user chose in an Open dialog, or None."""
        picker = self.ctx.ServiceManager.createInstanceWithArgumentsAndContext(
            "com.sun.star.ui.dialogs.FilePicker",
            (uno.getConstantByName("com.sun.star.ui.dialogs.TemplateDescription.FILEOPEN_SIMPLE"),),
            self.ctx,
        )
        picker.appendFilter(title, pattern)
        picker.appendFilter("All files (*.*)", "*.*")
        picker.setCurrentFilter(title)
        if picker.execute() != 1:  # com.sun.star.ui.dialogs.ExecutableDialogResults.OK
            return None
        files = picker.getSelectedFiles()
        return files[0] if files else None

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
