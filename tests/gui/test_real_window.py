"""What a team manager meets in a real Calc window (needs an X screen: Xvfb, xdotool, import).

One soffice with a real window on a private Xvfb screen (1280x800), the freshly built .oxt
installed in a throw-away profile; soffice also accepts a UNO connection, through which the
test reads what the typing did. Every scenario starts from a fresh document, types and
presses keys with xdotool and takes screenshots into CASEWEIGHT_SCREENSHOTS (default
docs/screenshots/ of the checkout). The office and Xvfb are always stopped.

Checks that fail until work in progress elsewhere lands are listed in PENDING: they are
asserted as they should be, each in its own subTest, so every one is reported and the rest of
the scenario still runs.
"""

import contextlib
import datetime
import os
import re
import unittest
import zipfile

from caseweight.county import template_path
from caseweight.office import file_url, props
from common import OXT, SOURCE_DIR, Office  # tests/integration, on PYTHONPATH
from worker_files import save_from_template, serial, write_worker
from realwindow import SIZE, Screen, Xvfb, missing_tools, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))

SHOTS = os.environ.get("CASEWEIGHT_SCREENSHOTS") or os.path.join(SOURCE_DIR, "docs", "screenshots")
CALC_WINDOW = " - LibreOffice Calc$"

# check name -> what makes it fail today (asserted as it should be all the same)
PENDING = {}  # none at present; e.g. {"CP typed in the CP plan column": "AutoInput ..."}


class RealWindowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = missing_tools()
        if missing:
            raise unittest.SkipTest("needs " + ", ".join(missing) + " (scripts/gui-test.sh)")
        if not os.path.exists(OXT):
            raise unittest.SkipTest("build the .oxt first: " + OXT)
        cls.xvfb = Xvfb(SIZE)
        cls.addClassCleanup(cls.xvfb.stop)
        cls.screen = Screen(cls.xvfb.start(), cls.xvfb.framebuffer)
        cls.office = Office(oxt=OXT, display=cls.xvfb.display)
        cls.addClassCleanup(cls.office.close)  # runs before xvfb.stop
        cls.office.start()
        # the file dialogs open in the office's own documents folder
        paths = cls.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.PathSettings", cls.office.ctx
        )
        paths.Work = file_url(cls.office.docs)

    # -- helpers ------------------------------------------------------------------------
    def check(self, name, got, want):
        """One named check, reported on its own; PENDING ones say why they fail today."""
        note = " [expected to fail today: %s]" % PENDING[name] if name in PENDING else ""
        with self.subTest(check=name):
            self.assertEqual(got, want, name + note)

    def shot(self, name):
        return self.screen.shot(os.path.join(SHOTS, name + ".png"))

    def open_window(self, url="private:factory/scalc", **kw):
        """A new document in a real window filling the screen, focused; closed after the
        test (dialogs and menus left open are dismissed first)."""
        doc = self.office.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=False, **kw))
        self.assertIsNotNone(doc, url)
        self.addCleanup(self.close_window, doc)
        frame = doc.CurrentController.Frame
        frame.ContainerWindow.setPosSize(0, 0, SIZE[0], SIZE[1], 15)  # PosSize.POSSIZE
        self.doc = doc
        self.wid = self.screen.wait_window("^%s$" % re.escape(frame.Title))
        self.screen.focus(self.wid)
        return doc

    def close_window(self, doc):
        self.dismiss_dialogs()
        with contextlib.suppress(Exception):
            doc.close(True)

    def dismiss_dialogs(self):
        """Escape on every open dialog and menu, so that nothing is left for the next test."""
        for _ in range(6):
            dialogs = [
                w
                for w, name in self.screen.visible().items()
                if name and not re.search(CALC_WINDOW, name)
            ]
            if not dialogs:
                break
            with contextlib.suppress(Exception):
                self.screen.focus(dialogs[-1])
                self.screen.key("Escape")
                self.screen.wait_gone(dialogs[-1], timeout=5)
        with contextlib.suppress(Exception):
            self.screen.focus(self.wid)
            self.screen.key("Escape", "Escape")

    def selected(self):
        a = self.doc.CurrentController.getSelection().getRangeAddress()
        return a.Sheet, a.StartColumn, a.StartRow

    def goto(self, cell):
        """Moves the cell cursor with the keyboard: Ctrl+Shift+F5 (the Name Box), the address,
        Enter; then waits until Calc's selection is that cell."""
        target = (cell.CellAddress.Sheet, cell.CellAddress.Column, cell.CellAddress.Row)
        address = cell.AbsoluteName.rsplit(".", 1)[-1].replace("$", "")
        self.screen.focus(self.wid)
        self.screen.key("ctrl+shift+F5", "ctrl+a")
        self.screen.type(address)
        self.screen.key("Return")
        wait_until(lambda: self.selected() == target, 10, "the cursor at " + address)

    def enter(self, cell, text, refusal=None):
        """Types text into cell and presses Enter. Returns the id of the window named refusal
        (a validation's error title) if Calc showed it, else None once the cursor left the
        cell (the entry was taken)."""
        self.goto(cell)
        before = self.selected()
        self.screen.type(text)
        self.screen.key("Return")

        def outcome():
            if refusal and self.screen.find_window("^%s$" % re.escape(refusal)):
                return ("refused", self.screen.find_window("^%s$" % re.escape(refusal)))
            if self.selected() != before:
                return ("taken", None)
            return None

        return wait_until(outcome, 15, "Calc to take or refuse %r" % text)[1]

    def close_dialog(self, wid, key="Escape"):
        self.screen.focus(wid)
        self.screen.key(key)
        self.screen.wait_gone(wid)
        self.screen.focus(self.wid)

    def window_texts(self):
        """The texts of the office's active window (a message box: its title, its message and
        its buttons), read through its accessibility tree as a screen reader reads it."""
        ctx = self.office.ctx
        toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
        texts = []

        def walk(context, depth=0):
            texts.append(context.getAccessibleName())
            if hasattr(context, "getText"):  # XAccessibleText
                texts.append(context.getText())
            for i in range(context.getAccessibleChildCount()):
                if depth < 12:
                    walk(context.getAccessibleChild(i).getAccessibleContext(), depth + 1)

        walk(toolkit.getActiveTopWindow().getAccessibleContext())
        return [t for t in texts if t]

    def open_menu(self, *keys):
        """Presses keys (a menu's accelerator, arrows into a submenu ...) and waits for each
        step to open a new menu window."""
        for k in keys:
            before = self.screen.visible()
            self.screen.key(k)
            if k not in ("Up", "Down"):
                self.screen.wait_new_window(before)

    def template_url(self, file):
        """The .ots in the template folder the extension adds (File > New > Templates)."""
        ctx = self.office.ctx
        smgr = ctx.ServiceManager
        paths = smgr.createInstanceWithContext("com.sun.star.util.PathSettings", ctx)
        sfa = smgr.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", ctx)
        for base in paths.Template_internal:
            folder = base.rstrip("/") + "/Caseweight"
            if sfa.exists(folder):
                for url in sfa.getFolderContents(folder, False):  # file:// URLs
                    if url.endswith("/" + file + ".ots"):
                        return url
        self.fail("template %s not in the template paths" % file)

    def named(self, doc, name, row=0):
        return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, row)

    def text_width(self, cell, text):
        """The width (1/100 mm) text needs in cell's font and margins, measured by Calc: the
        optimal width of a column holding it in a scratch document, less the spare width the
        API adds to an optimal width (STD_EXTRA_WIDTH, 113 twips)."""
        scratch = self.office.new_calc()
        try:
            c = scratch.Sheets.getByIndex(0).getCellByPosition(0, 0)
            c.setString(text)
            for p in (
                "CharFontName",
                "CharHeight",
                "CharWeight",
                "CharPosture",
                "ParaIndent",
                "ParaLeftMargin",
                "ParaRightMargin",
            ):
                c.setPropertyValue(p, cell.getPropertyValue(p))
            col = scratch.Sheets.getByIndex(0).Columns.getByIndex(0)
            col.OptimalWidth = True
            return col.Width - round(113 * 2540 / 1440)
        finally:
            scratch.close(True)

    def assertShownWhole(self, cell, texts):
        """Each of texts fits in cell (its merged area) without being cut or turned into
        ###, whatever its neighbours hold."""
        cursor = cell.Spreadsheet.createCursorByRange(cell)
        cursor.collapseToMergedArea()
        cols = cursor.Columns
        width = sum(cols.getByIndex(i).Width for i in range(cols.Count))
        for text in texts:
            self.assertGreaterEqual(
                width,
                self.text_width(cell, text),
                "%r does not fit in %s" % (text, cell.AbsoluteName),
            )

    # -- the scenarios ------------------------------------------------------------------
    def test_1_function_wizard(self):
        """=CASEPOINTS( typed in a cell, Ctrl+F2: the Function Wizard on its arguments."""
        doc = self.open_window()
        sheet = doc.Sheets.getByIndex(0)
        self.goto(sheet.getCellByPosition(0, 0))
        self.screen.type("=CASEPOINTS(")
        self.screen.key("ctrl+F2")
        wizard = self.screen.wait_window("^Function Wizard$")
        self.shot("function-wizard-casepoints")
        fd = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", self.office.ctx
        )
        desc = {p.Name: p.Value for p in fd.getByName("CASEPOINTS")}
        args = desc["Arguments"]
        self.assertEqual([a.Name for a in args], ["Scheme", "Items", "Children", "Share"])
        self.check(
            "CASEPOINTS required arguments",
            [(a.Name, a.IsOptional) for a in args],
            [("Scheme", False), ("Items", False), ("Children", True), ("Share", True)],
        )
        self.close_dialog(wizard)
        # the whole formula typed in a cell of the window computes
        a2 = sheet.getCellByPosition(0, 1)
        self.enter(a2, '=CASEPOINTS("SWINDON";"CP";4)')
        self.assertEqual(a2.getError(), 0)
        self.assertEqual(a2.getValue(), 54.0)

    def test_2_template_typed_in(self):
        """The Swindon children's template filled in with the keyboard."""
        doc = self.open_window(self.template_url("swindon-children"), AsTemplate=True)
        self.assertEqual(doc.getURL(), "")  # a new document, not the template itself
        row = lambda key, i=0: self.named(doc, "cw_col_" + key, i)  # noqa: E731
        refusal = row("cp").Validation.ErrorTitle
        share_refusal = row("share").Validation.ErrorTitle
        self.assertTrue(refusal and share_refusal)

        self.enter(row("name"), "Smith children")
        self.assertEqual(row("name").getString(), "Smith children")
        dialog = self.enter(row("cp"), "CP", refusal)
        self.shot("template-cp-typed")
        if dialog:
            self.close_dialog(dialog)
        self.check(
            "CP typed in the CP plan column", (dialog is None, row("cp").getString()), (True, "CP")
        )

        dialog = self.enter(row("share"), "0.5", share_refusal)
        self.shot("template-share-typed")
        if dialog:
            self.close_dialog(dialog)
        self.check(
            "0.5 typed in the co-work share", (dialog is None, row("share").getValue()), (True, 0.5)
        )

        # two children in need families: codes that come from the list as typed
        for i, (name, children) in enumerate([("Brown family", "3"), ("Quinn family", "5")], 1):
            self.enter(row("name", i), name)
            self.assertIsNone(self.enter(row("children", i), children, refusal))
            self.assertIsNone(self.enter(row("basic", i), "CIN", refusal))
        self.assertEqual([row("basic", i).getString() for i in (1, 2)], ["CIN", "CIN"])

        # a code the scheme does not have: Calc refuses it with the template's message
        court = row("court", 1)
        dialog = self.enter(court, "XYZ", court.Validation.ErrorTitle)
        self.assertIsNotNone(dialog, "XYZ was taken in the court column")
        self.shot("template-wrong-code-refused")
        self.close_dialog(dialog)
        self.assertEqual(court.getString(), "")

        # the totals: scrolled into view with the keyboard, shown whole
        total, band = self.named(doc, "cw_total"), self.named(doc, "cw_band")
        self.goto(band)
        self.shot("template-filled-totals")
        doc.calculateAll()
        self.check("total after typing", total.getValue(), 16 * 0.5 + 10 + 20)
        self.assertEqual(total.getError(), 0)
        self.assertEqual(band.getString(), "Below band")
        visible = doc.CurrentController.VisibleRange
        for cell in (total, band):
            a = cell.CellAddress
            self.assertTrue(
                visible.StartColumn <= a.Column <= visible.EndColumn
                and visible.StartRow <= a.Row <= visible.EndRow,
                "%s not on screen" % cell.AbsoluteName,
            )
        self.assertShownWhole(total, [total.getString(), "388"])  # three digits
        # the band cell shows any of SWINDON's bands
        self.assertShownWhole(band, ["Below band", "Within band", "Above band"])

    def test_3_add_ons_menu(self):
        """Tools > Add-Ons > Save Values-Only Copy for Sharing..., through the file dialog."""
        doc = self.open_window(self.template_url("swindon-children"), AsTemplate=True)
        row = lambda key, i=0: self.named(doc, "cw_col_" + key, i)  # noqa: E731
        self.enter(row("name"), "Brown family")
        self.enter(row("children"), "3")
        self.enter(row("basic"), "CIN")
        self.screen.focus(self.wid)
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.shot("tools-add-ons-menu")
        ctx = self.office.ctx
        cp = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx
        )
        menu = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.Addons/AddonUI/AddonMenu"),
        )
        entry = menu.getByName("org.caseweight.SaveValuesOnlyCopy")
        self.assertEqual(entry.Title, "Save ~Values-Only Copy for Sharing...")

        # its underlined letter, unique in the menu (the entries' order is not fixed)
        self.screen.key("v")
        picker = self.screen.wait_window("^Save as$")
        self.screen.focus(picker)
        self.shot("values-only-copy-file-dialog")  # with the name it proposes
        out = self.office.doc_path("values-only.ods")
        self.screen.key("ctrl+a")
        self.screen.type(out)
        self.screen.key("Return")
        done = self.screen.wait_window("^caseweight$", timeout=60)
        self.screen.focus(done)
        self.shot("values-only-copy-saved")
        message = " ".join(" ".join(self.window_texts()).split())
        pseudonymised = menu.getByName("org.caseweight.SavePseudonymisedCopy").Title
        self.close_dialog(done, "Return")
        self.assertIn("Saved a values-only copy", message)
        self.assertIn("names remain in this copy", message)
        self.assertIn("share it only within the team", message)
        self.assertIn("Tools > Add-Ons > " + pseudonymised.replace("~", ""), message)
        self.assertTrue(
            os.path.exists(out),
            "the copy was not written: the message is in " "values-only-copy-saved.png",
        )
        copy = self.office.load(out)
        try:
            self.assertEqual(copy.Sheets.getByIndex(0).Name, "About this copy")
            sheet = copy.Sheets.getByName(doc.Sheets.getByIndex(0).Name)
            points = self.named(doc, "cw_col_points").CellAddress
            cell = sheet.getCellByPosition(points.Column, points.Row)
            self.assertEqual(cell.getValue(), 10.0)
            self.assertFalse(cell.getFormula().startswith("="))
        finally:
            copy.close(True)

    def test_4_extension_manager(self):
        """Tools > Extension Manager lists caseweight."""
        self.open_window()
        self.open_menu("alt+t")
        self.screen.key("Up", "Up", "Up", "Up", "Return")  # above Options, Customize, Add-Ons
        manager = self.screen.wait_window("^Extension Manager$")
        self.shot("extension-manager")
        ctx = self.office.ctx
        em = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        found = [
            p
            for p in em.getDeployedExtensions("user", None, None)
            if p.getIdentifier().Value == "org.caseweight.extension"
        ]
        self.assertEqual(len(found), 1)
        registered = found[0].isRegistered(None, None)
        self.assertTrue(registered.IsPresent and registered.Value)
        self.close_dialog(manager)

    def test_5_getting_started(self):
        """Tools > Add-Ons > caseweight: Getting Started opens the guide in a window."""
        self.open_window()
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.screen.key("g")  # caseweight: ~Getting Started
        guide = self.screen.wait_window(r"^getting-started\.ods \(read-only\)", timeout=60)
        self.screen.focus(guide)
        self.shot("getting-started-guide")
        opened = [
            c
            for c in self.office.desktop.Components
            if (getattr(c, "URL", "") or "").endswith("/guide/getting-started.ods")
        ]
        self.assertEqual(len(opened), 1, "the guide is not open")
        self.assertTrue(opened[0].isReadonly())
        opened[0].close(True)
        self.screen.wait_gone(guide)

    def test_6_typed_code_is_scored(self):
        """A code typed under a longer code of the same column stays the code typed (Calc's
        AutoInput would complete LAC into "LAC; COMPLEX", CP into "CP; COMPLEX", S47 into
        S47-ICPC), and the row scores what was typed."""
        ctx = self.office.ctx
        cp = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx
        )
        calc_input = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.Calc/Input"),
        )
        self.check("AutoInput off by the extension", calc_input.AutoInput, False)

        doc = self.open_window(self.template_url("swindon-children"), AsTemplate=True)
        row = lambda key, i=0: self.named(doc, "cw_col_" + key, i)  # noqa: E731
        refusal = row("lac").Validation.ErrorTitle
        for i, (key, longer, code) in enumerate(
            [("lac", "LAC; COMPLEX", "LAC"), ("cp", "CP; COMPLEX", "CP")]
        ):
            above, below = 2 * i, 2 * i + 1
            self.enter(row("name", above), "Family %d" % above)
            self.assertIsNone(self.enter(row(key, above), longer, refusal))
            self.enter(row("name", below), "Family %d" % below)
            self.assertIsNone(self.enter(row(key, below), code, refusal))
            doc.calculateAll()
            self.check(code + " typed under " + longer, row(key, below).getString(), code)
            self.check(longer + " scores 20", row("points", above).getValue(), 20.0)
            self.check(code + " scores 16", row("points", below).getValue(), 16.0)
            self.check(code + " row is OK", row("check", below).getString(), "OK")
        self.goto(row("name", 4))
        self.shot("typed-code-kept-swindon")
        self.goto(row("check", 4))  # scrolls right to the rows' points and checks
        self.shot("typed-code-kept-swindon-points")

        doc = self.open_window(self.template_url("notts-individual"), AsTemplate=True)
        row = lambda key, i=0: self.named(doc, "cw_col_" + key, i)  # noqa: E731
        refusal = row("specific").Validation.ErrorTitle
        for i, code in enumerate(["S47-ICPC", "S47"]):
            self.enter(row("family", i), "Family %d" % i)
            self.enter(row("children", i), "1")
            self.assertIsNone(self.enter(row("specific", i), code, refusal))
        doc.calculateAll()
        self.check("S47 typed under S47-ICPC", row("specific", 1).getString(), "S47")
        self.check("S47-ICPC scores 15", row("points", 0).getValue(), 15.0)
        self.check("S47 scores 8", row("points", 1).getValue(), 8.0)
        self.check("S47 row is OK", row("check", 1).getString(), "OK")
        self.goto(row("family", 2))
        self.shot("typed-code-kept-notts")

    def test_7_refresh_team_summary(self):
        """Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets on a summary
        saved beside a worker's sheet and a damaged file: the extension's Python service runs
        in this office, the worker's row is filled in and a message box says what was done."""
        folder = self.office.doc_path("Team B")
        os.makedirs(folder, exist_ok=True)
        as_at = datetime.date(2026, 10, 30)
        ann = write_worker(
            self.office,
            OXT,
            os.path.join(folder, "ann.ods"),
            fields={"worker": "Ann Able", "as_at": as_at, "grade": "EXPERIENCED"},
            rows=[{"name": "A", "lac": "LAC"}] * 2,
        )
        with open(os.path.join(folder, "eve.ods"), "wb") as f:
            f.write(b"PK\x03\x04 cut off")

        def dated(doc):
            date = doc.NamedRanges.getByName("cw_as_at").ReferredCells.getCellByPosition(0, 0)
            date.setValue(serial(as_at))

        summary = os.path.join(folder, "summary.ods")
        tpl = template_path("swindon-team-summary", OXT, self.office.tmp)
        save_from_template(self.office, tpl, summary, dated)
        owner = os.stat(self.office.docs)
        for f in [folder] + [os.path.join(folder, n) for n in os.listdir(folder)]:
            os.chown(f, owner.st_uid, owner.st_gid)

        doc = self.open_window(file_url(summary))
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.shot("tools-add-ons-menu-team-summary")
        self.screen.key("r")  # caseweight: ~Refresh Team Summary from Worker Sheets
        done = self.screen.wait_window("^caseweight$", timeout=120)
        self.screen.focus(done)
        self.shot("team-summary-refreshed")
        message = " ".join(" ".join(self.window_texts()).split())
        self.close_dialog(done, "Return")
        self.assertIn(
            "1 worker sheets counted from 2 files in the folder; 1 not read or not counted "
            "(see the sheet Could not read).",
            message,
        )
        names = doc.NamedRanges
        first = lambda key: names.getByName(key).ReferredCells.getCellByPosition(0, 0)  # noqa
        self.assertEqual(first("cw_col_worker").getString(), "Ann Able")
        self.assertAlmostEqual(first("cw_col_total").getValue(), ann["cw_total"])
        unread = doc.Sheets.getByName("Could not read").getCellByPosition(0, 1).getString()
        self.assertEqual(unread, "eve.ods")

    def test_8_check_a_scheme_file(self):
        """Tools > Add-Ons > caseweight: Check a Scheme File..., through the file dialog: the
        add-in's own reader says what it finds, with only LibreOffice and caseweight."""
        example = self.office.copy_in(
            os.path.join(SOURCE_DIR, "docs", "examples", "rbwm-court-2027.toml")
        )
        self.open_window()
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.screen.key("h")  # caseweight: C~heck a Scheme File...
        picker = self.screen.wait_window("^Open$")
        self.screen.focus(picker)
        self.shot("check-scheme-file-dialog")
        self.screen.key("ctrl+a")
        self.screen.type(example)
        self.screen.key("Return")
        done = self.screen.wait_window("^caseweight$", timeout=60)
        self.screen.focus(done)
        self.shot("check-scheme-file-result")
        message = " ".join(" ".join(self.window_texts()).split())
        self.close_dialog(done, "Return")
        self.assertIn("No mistakes found in rbwm-court-2027.toml.", message)

    def test_9_make_a_scheme_pack(self):
        """Tools > Add-Ons > caseweight: Make a Scheme Pack...: the file to pack, then where to
        save the pack, through the file dialogs; the pack holds the scheme's worker sheet."""
        scheme = self.office.copy_in(os.path.join(SOURCE_DIR, "tests", "data", "kent-test.toml"))
        out = self.office.doc_path("kent-test-schemes.oxt")
        self.open_window()
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.shot("tools-add-ons-menu-scheme-files")
        self.screen.key("m")  # caseweight: ~Make a Scheme Pack...
        picker = self.screen.wait_window("^Open$")
        self.screen.focus(picker)
        self.screen.key("ctrl+a")
        self.screen.type(scheme)
        self.screen.key("Return")
        saver = self.screen.wait_window("^Save as$", timeout=60)
        self.screen.focus(saver)
        self.shot("make-scheme-pack-save-dialog")  # with the name it proposes
        self.screen.key("Return")
        done = self.screen.wait_window("^caseweight$", timeout=60)
        self.screen.focus(done)
        self.shot("make-scheme-pack-written")
        message = " ".join(" ".join(self.window_texts()).split())
        self.close_dialog(done, "Return")
        self.assertIn("Wrote %s: the extension org.caseweight.schemes.kent-test 1.0" % out, message)
        self.assertTrue(os.path.exists(out), "no pack written: see make-scheme-pack-written.png")
        with zipfile.ZipFile(out) as z:  # the worker sheet, built in this office
            self.assertIn("templates/Caseweight/kent-test.ots", z.namelist())

    def test_10_calibration_exercise(self):
        """File > New > Templates finds the calibration sheet; a manager codes a case on it;
        Tools > Add-Ons > caseweight: Compare Calibration Sheets... compares a folder of them
        into a new document."""
        self.open_window()
        self.screen.key("ctrl+shift+n")  # File > New > Templates
        manager = self.screen.wait_window("^Templates$")
        self.screen.focus(manager)
        self.screen.type("Calibration exercise")
        self.screen.settle()
        self.shot("templates-dialog-calibration")  # one template per set of vignettes
        self.screen.type(": Swindon")
        self.screen.settle()
        self.shot("templates-dialog-calibration-swindon")
        # the one found, opened with a double click on it (the first place of the view)
        self.screen.xdotool("mousemove", "--window", manager, 117, 90, "click", "--repeat", 2, 1)

        def opened():
            doc = self.office.desktop.getCurrentComponent()
            names = getattr(doc, "NamedRanges", None)
            return doc if names is not None and names.hasByName("cw_calibration_set") else None

        doc = wait_until(opened, 30, "the calibration sheet opened from the Templates dialog")
        self.addCleanup(self.close_window, doc)
        self.assertEqual(doc.getURL(), "")  # a new document, not the template itself
        frame = doc.CurrentController.Frame
        frame.ContainerWindow.setPosSize(0, 0, SIZE[0], SIZE[1], 15)
        self.doc = doc
        self.wid = self.screen.wait_window("^%s$" % re.escape(frame.Title))
        self.screen.focus(self.wid)
        self.assertEqual(self.named(doc, "cw_calibration_set").getString(), "swindon-1")
        row = lambda key, i=0: self.named(doc, "cw_col_" + key, i)  # noqa: E731
        self.enter(self.named(doc, "cw_manager"), "Alex Carter")
        refusal = row("cp").Validation.ErrorTitle
        self.assertIsNone(self.enter(row("children"), "2", refusal))
        self.assertIsNone(self.enter(row("cp"), "CP", refusal))
        self.assertIsNone(self.enter(row("travel"), "TRAVEL-1-2H", refusal))
        doc.calculateAll()
        self.goto(row("points"))
        self.shot("calibration-sheet-typed")
        self.check("points of SW01 as typed", row("points").getValue(), 38.0)
        self.assertEqual(row("check").getString(), "OK")
        self.assertTrue(row("vignette_title").IsTextWrapped)  # a long title takes two lines
        cases = doc.Sheets.getByName("Vignettes")
        doc.CurrentController.setActiveSheet(cases)
        self.screen.settle()
        self.shot("calibration-sheet-vignettes")
        doc.CurrentController.setActiveSheet(doc.Sheets.getByIndex(0))

        folder = os.path.dirname(self.office.doc_path("calibration/alex.ods"))
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o777)
        doc.storeToURL(
            file_url(os.path.join(folder, "alex.ods")),
            props(FilterName="calc8"),
        )
        self.open_menu("alt+t", "Up", "Right")  # Add-Ons is the last entry of Tools
        self.shot("tools-add-ons-menu-calibration")
        self.screen.key("l")  # caseweight: Compare Ca~libration Sheets...
        picker = self.screen.wait_window("calibration sheets|Select Path|Select")
        self.screen.focus(picker)
        self.shot("compare-calibration-folder-dialog")
        self.screen.key("ctrl+a")
        self.screen.type(folder)
        self.screen.key("Return")
        done = self.screen.wait_window("^caseweight$", timeout=60)
        self.screen.focus(done)
        self.shot("compare-calibration-done")
        message = " ".join(" ".join(self.window_texts()).split())
        self.close_dialog(done, "Return")
        self.assertIn(
            "Compared the calibration sheets of 1 manager on Swindon calibration set 1", message
        )
        summaries = [
            d
            for d in self.office.desktop.Components
            if hasattr(d, "Sheets") and d.Sheets.hasByName("Agreement")
        ]
        self.assertEqual(len(summaries), 1, "the summary is a new document")
        summary = summaries[0]
        self.addCleanup(self.close_window, summary)
        self.screen.settle()
        self.shot("compare-calibration-summary")
        for name in ("Agreement", "Points"):
            summary.CurrentController.setActiveSheet(summary.Sheets.getByName(name))
            self.screen.settle()
            self.shot("compare-calibration-" + name.lower())


if __name__ == "__main__":
    unittest.main()
