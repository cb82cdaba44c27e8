"""A council's own scheme brings its worker sheet: tests/data/kent-test.toml (a made-up scheme
written from docs/schemes.md alone, not shipped) packed with caseweight-pack, which builds the
sheet from the file, installed beside caseweight.oxt in real headless Calc.

The sheet is opened where File > New > Templates finds it (category Caseweight, one category
with caseweight's own sheets), filled, recalculated and its totals and band checked against
figures worked out by hand from the file; a wrong code shows an error in its row and in the
totals, with a Check message; the roll-up reads a filled copy; the pseudonymised copy keeps
every label of the template and replaces the names. A pack of amendments only brings no sheet.
"""

import datetime
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from caseweight.office import SHARED_OFFICE, props, store
from caseweight.score import used_range
from common import ERR_ILLEGAL_ARGUMENT, OXT, SOURCE_DIR, template_urls
from test_scheme_packs import EXAMPLE, PackOffice, run_pack
from test_share_pseudonymised import members
from test_share_templates import contract, declared_cells, made_up_names, texts

KENT = os.path.join(SOURCE_DIR, "tests", "data", "kent-test.toml")
FILE = "kent-test"  # the sheet's file name: the scheme's name in lower case
TITLE = "Kent Test: caseload weighting sheet"  # [sheet] template
EPOCH = datetime.date(1899, 12, 30)
AS_AT = datetime.date(2026, 11, 27)
ERR_NO_VALUE = 504  # Err:504: a total over a row in error

# The caseload, one dict a row (column key: value), and each row's points from the file:
ROWS = [
    # CP 5 per child x 2 + COMPLEX 2 per child x 2 + COURT 4 = 18
    dict(name="A. Ash", children=2, cp="CP; COMPLEX", court="COURT"),
    # CIN for 4+ children 9 + TRAVEL-1H 2 = 11
    dict(name="Birch family", children=5, family="CIN", travel="TRAVEL-1H"),
    # CIC 4 + VISIT 1 x 2 + S47 5 = 11
    dict(name="C. Cedar", cic="CIC", visits="VISIT; VISIT", enquiry="S47"),
    # (LEAVER 3 + COURT 4 + FINAL-HEARING 2) x 0.5 = 4.5
    dict(name="D. Dale", family="LEAVER", court="COURT; FINAL-HEARING", share=0.5),
    # CIC 4 x 3 + COMPLEX 2 x 3 + TRAVEL-2H 4 = 22
    dict(name="Elm siblings", children=3, cic="CIC; COMPLEX", travel="TRAVEL-2H"),
]
ROW_POINTS = [18, 11, 11, 4.5, 22]  # 66.5 in all
WORKER_ITEMS = ["MENTOR", "PANEL", "PANEL"]  # 5 + 3 + 3 = 11: total 77.5


def serial(d):
    return float((d - EPOCH).days)


class SchemeSheet(PackOffice):
    maxDiff = None

    @classmethod
    def packs(cls, folder):
        cls.pack = os.path.join(folder, "kent-test.oxt")
        proc = run_pack("--name", "kent-test", "--oxt", OXT, cls.pack, KENT)
        if proc.returncode != 0:
            raise AssertionError("caseweight-pack failed: " + proc.stderr)
        cls.pack_output = proc.stdout
        return [cls.pack]

    # -- helpers --------------------------------------------------------------------------
    def open_sheet(self):
        url = template_urls(self.office).get(FILE)
        self.assertTrue(url, "the pack's sheet is in the template paths")
        doc = self.office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True, AsTemplate=True)
        )
        self.assertIsNotNone(doc)
        self.addCleanup(doc.close, True)
        return doc

    @staticmethod
    def cell(doc, name, row=0):
        return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, row)

    def value(self, doc, name, row=0):
        c = self.cell(doc, name, row)
        if c.getError():
            return ("error", c.getError())
        if c.FormulaResultType2 == 2:
            return c.getString()
        return round(c.getValue(), 4)

    def fill(self, doc, rows=ROWS, worker_items=WORKER_ITEMS):
        for i, row in enumerate(rows):
            for key, v in row.items():
                c = self.cell(doc, "cw_col_" + key, i)
                c.setString(v) if isinstance(v, str) else c.setValue(v)
        for i, code in enumerate(worker_items):
            self.cell(doc, "cw_worker_items", i).setString(code)
        self.cell(doc, "cw_worker").setString("Wendy Walnut")
        self.cell(doc, "cw_team").setString("Canterbury North")
        self.cell(doc, "cw_as_at").setValue(serial(AS_AT))
        doc.calculateAll()

    def list_entries(self, doc, name):
        v = self.cell(doc, name if name.startswith("cw_") else "cw_col_" + name).Validation
        self.assertEqual(v.Type.value, "LIST", name)
        self.assertTrue(v.ShowErrorMessage, name)
        rng = doc.Sheets.getByName("Codes").getCellRangeByName(v.getFormula1().split(".", 1)[1])
        return [c for (c,) in rng.getDataArray()]

    def assertTotals(self, doc, expected):
        doc.calculateAll()
        got = {k: self.value(doc, k) for k in expected}
        self.assertEqual(got, expected)

    # -- the pack -------------------------------------------------------------------------
    def test_pack_holds_the_scheme_its_sheet_and_the_template_path(self):
        self.assertIn("kent-test.ots", self.pack_output)
        with zipfile.ZipFile(self.pack) as z:
            names = sorted(z.namelist())
            manifest = z.read("META-INF/manifest.xml").decode()
            paths = z.read("Paths.xcu").decode()
        self.assertEqual(
            names,
            [
                "META-INF/manifest.xml",
                "Paths.xcu",
                "description.xml",
                "schemes/kent-test.toml",
                "templates/Caseweight/kent-test.ots",
            ],
        )
        self.assertIn('manifest:full-path="Paths.xcu"', manifest)
        self.assertIn("configuration-data", manifest)
        self.assertIn('oor:name="%origin%/templates"', paths)

    def test_one_caseweight_category_holds_both_extensions_sheets(self):
        """Two template paths each with a folder Caseweight (caseweight.oxt's and the pack's)
        are one category under File > New > Templates, holding the sheets of both."""
        urls = template_urls(self.office)
        self.assertIn(FILE, urls)
        self.assertIn("warrington", urls)
        self.assertNotEqual(urls[FILE].rsplit("/", 3)[0], urls["warrington"].rsplit("/", 3)[0])
        ctx = self.office.ctx
        smgr = ctx.ServiceManager
        templates = smgr.createInstanceWithContext("com.sun.star.frame.DocumentTemplates", ctx)
        templates.update()
        sfa = smgr.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", ctx)
        categories = {}
        for folder in sfa.getFolderContents("vnd.sun.star.hier:/templates", True):
            for category in sfa.getFolderContents(folder, True):
                name = category.rsplit("/", 1)[-1]
                categories.setdefault(name, []).append(
                    [t.rsplit("/", 1)[-1] for t in sfa.getFolderContents(category, False)]
                )
        self.assertEqual(len(categories.get("Caseweight", [])), 1, categories.keys())
        shown = categories["Caseweight"][0]
        self.assertIn(TITLE.replace(" ", "%20"), shown)
        self.assertIn("Warrington:%20workload%20management%20sheet", shown)

    def test_amendments_alone_bring_no_sheet(self):
        out = os.path.join(self.folder, "court.oxt")
        proc = run_pack("--name", "rbwm-court", out, EXAMPLE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with zipfile.ZipFile(out) as z:
            names = sorted(z.namelist())
            manifest = z.read("META-INF/manifest.xml").decode()
        self.assertEqual(
            names, ["META-INF/manifest.xml", "description.xml", "schemes/rbwm-court-2027.toml"]
        )
        self.assertNotIn("Paths.xcu", manifest)

    def test_pack_refuses_a_sheet_table_with_a_mistake(self):
        with open(KENT, encoding="utf-8") as f:
            text = f.read()
        for change, said in (
            (("rows = 12", "rows = 0"), "[sheet] rows must be 1 to"),
            (("worker_lines = 3", "worker_line = 3"), '"worker_line" in [sheet] has the wrong'),
            (
                ('template = "Kent Test', 'template = "Warrington: workload management sheet"\n#'),
                "is one of caseweight's templates too; give [sheet] template another one",
            ),
        ):
            with self.subTest(change[1]):
                path = os.path.join(self.folder, "kent-test.toml")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text.replace(*change))
                out = os.path.join(self.folder, "broken.oxt")
                proc = run_pack("--name", "kent-test", "--oxt", OXT, out, path)
                self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
                self.assertIn(said, proc.stderr)
                self.assertFalse(os.path.exists(out))

    def test_help_needs_no_office(self):
        env = dict(os.environ, PATH="/nonexistent")  # no soffice to be found
        env.pop(SHARED_OFFICE, None)
        proc = subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", "caseweight-pack"), "--help"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("--no-sheet", proc.stdout)
        self.assertIn("worker sheet", proc.stdout)

    # -- the sheet ------------------------------------------------------------------------
    def test_columns_offer_the_codes_of_the_file(self):
        doc = self.open_sheet()
        self.assertEqual(self.list_entries(doc, "cp"), ["CP", "CP; COMPLEX"])
        self.assertEqual(self.list_entries(doc, "cic"), ["CIC", "CIC; COMPLEX"])
        self.assertEqual(self.list_entries(doc, "family"), ["CIN", "LEAVER"])
        self.assertEqual(
            self.list_entries(doc, "court"), ["COURT", "FINAL-HEARING", "COURT; FINAL-HEARING"]
        )
        self.assertEqual(self.list_entries(doc, "travel"), ["TRAVEL-1H", "TRAVEL-2H"])
        self.assertEqual(
            self.list_entries(doc, "visits"), ["VISIT", "VISIT; VISIT", "VISIT; VISIT; VISIT"]
        )
        self.assertEqual(self.list_entries(doc, "enquiry"), ["S47"])  # in no [[column]]
        self.assertEqual(self.list_entries(doc, "cw_worker_items"), ["MENTOR", "PANEL"])
        grade = self.cell(doc, "cw_grade").Validation
        self.assertEqual(grade.getFormula1(), '"NQSW";"SW";"SENIOR"')
        self.assertIn("NQSW, SW, SENIOR", grade.InputMessage)
        sheet = doc.Sheets.getByIndex(0)
        # the bands in the table beside the totals, worded for the sheet's date
        shown = {
            sheet.getCellByPosition(c, r).getString() for c in range(0, 14) for r in range(0, 60)
        }
        self.assertIn("60 to 80 points", shown)
        self.assertEqual(sheet.Name, "Weighting sheet")
        self.assertEqual(
            sheet.getCellByPosition(0, 0).getString(),
            "Kent Test County Council - caseload weighting sheet",
        )
        headings = self.cell(doc, "cw_col_cp").Spreadsheet
        row = self.cell(doc, "cw_col_cp").CellAddress.Row - 1
        col = self.cell(doc, "cw_col_cp").CellAddress.Column
        self.assertEqual(
            headings.getCellByPosition(col, row).getString(),
            "Child protection\n5 per child,\nwith COMPLEX +2",
        )
        self.assertEqual(self.rng_rows(doc, "cw_col_name"), 12)  # [sheet] rows
        self.assertEqual(doc.DocumentProperties.Title, TITLE)
        # an empty sheet: nothing in error, no band
        self.assertTotals(doc, {"cw_total": 0.0, "cw_band": "", "cw_top": 80.0})

    def rng_rows(self, doc, name):
        return doc.NamedRanges.getByName(name).ReferredCells.Rows.Count

    def test_filled_sheet_totals_and_bands(self):
        doc = self.open_sheet()
        self.fill(doc)
        got = [self.value(doc, "cw_col_points", i) for i in range(len(ROWS))]
        self.assertEqual(got, ROW_POINTS)
        self.assertEqual(
            [self.value(doc, "cw_col_check", i) for i in range(len(ROWS) + 1)], ["OK"] * 5 + [""]
        )
        # the default grade SW: 60 to 80 points at full time
        self.assertTotals(
            doc,
            {
                "cw_case_points": 66.5,
                "cw_worker_points": 11.0,
                "cw_total": 77.5,
                "cw_band": "Within band",
                "cw_capacity": round(77.5 / 80, 4),
                "cw_top": 80.0,
                "cw_headroom": 2.5,
                "cw_over_above": "No",
                "cw_over_status": "",
                "cw_why": "",
            },
        )
        self.assertIn("KENT-TEST as from 2025-01-01", self.value(doc, "cw_scheme_version"))
        self.assertEqual(self.value(doc, "cw_scheme"), "KENT-TEST@%s" % AS_AT.isoformat())
        # part-time SW at 0.8: 48 to 64
        self.cell(doc, "cw_fte").setValue(0.8)
        self.assertTotals(
            doc,
            {
                "cw_band": "Above band",
                "cw_top": 64.0,
                "cw_headroom": -13.5,
                "cw_over_above": "Yes",
                "cw_over_status": "Record needed",
            },
        )
        # SENIOR full time without the worker's items: 66.5 under 70
        self.cell(doc, "cw_fte").setString("")
        self.cell(doc, "cw_grade").setString("SENIOR")
        for i in range(len(WORKER_ITEMS)):
            self.cell(doc, "cw_worker_items", i).setString("")
        self.assertTotals(
            doc,
            {"cw_worker_points": 0.0, "cw_total": 66.5, "cw_band": "Below band", "cw_top": 90.0},
        )

    def test_wrong_codes_show_errors_and_say_why(self):
        doc = self.open_sheet()
        self.fill(doc)
        extra = len(ROWS)
        # two case types on one row
        self.cell(doc, "cw_col_name", extra).setString("F. Fir")
        self.cell(doc, "cw_col_cp", extra).setString("CP")
        self.cell(doc, "cw_col_cic", extra).setString("CIC")
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", extra), ("error", ERR_ILLEGAL_ARGUMENT))
        check = self.value(doc, "cw_col_check", extra)
        self.assertIn("CP and CIC", check)
        self.assertIn("one case type", check)
        self.assertEqual(self.value(doc, "cw_col_points", 0), 18.0)  # the other rows still score
        for name in ("cw_case_points", "cw_total", "cw_band", "cw_capacity", "cw_headroom"):
            self.assertEqual(self.value(doc, name)[0], "error", name)
        self.assertTrue(self.value(doc, "cw_why").startswith("Why a total shows an error"))
        # the valid rows alone are within the band: not known whether above the maximum
        self.assertEqual(self.value(doc, "cw_over_above"), "Not known")
        # a code the scheme does not have (typed past the drop-down list)
        self.cell(doc, "cw_col_cic", extra).setString("")
        self.cell(doc, "cw_col_enquiry", extra).setString("S48")
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", extra), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("S48", self.value(doc, "cw_col_check", extra))
        self.assertEqual(self.value(doc, "cw_total")[0], "error")
        # fixed: the totals are back
        self.cell(doc, "cw_col_enquiry", extra).setString("S47")
        self.assertTotals(doc, {"cw_total": 87.5, "cw_band": "Above band"})  # + CP 5 + S47 5

    # -- the tools on a filled copy -------------------------------------------------------
    def saved_copy(self, folder, fill=True):
        doc = self.open_sheet()
        if fill:
            self.fill(doc)
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o777)
        tmp = self.office.doc_path("kent-filled.ods")
        store(doc, tmp, "calc8")
        path = os.path.join(folder, "wendy.ods")
        shutil.copyfile(tmp, path)
        return path

    def tool(self, name, *args):
        env = dict(os.environ, **{SHARED_OFFICE: str(self.office.port)})
        return subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", name)]
            + list(args)
            + ["--oxt", OXT],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )

    def test_rollup_reads_a_filled_copy(self):
        root = tempfile.mkdtemp(prefix="cw-kent-rollup-")
        self.addCleanup(shutil.rmtree, root, True)
        os.chmod(root, 0o755)
        self.saved_copy(os.path.join(root, "Children's services", "Canterbury North"))
        out = os.path.join(root, "rollup.ods")
        proc = self.tool("caseweight-rollup", os.path.join(root), out, "--month", "2026-11")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        doc = self.office.load(self.office.copy_in(out))
        self.addCleanup(doc.close, True)
        rng, _, _ = used_range(doc.Sheets.getByName("Workers"))
        rows = [list(r) for r in rng.getDataArray()]
        workers = [dict(zip(rows[0], r)) for r in rows[1:] if any(x != "" for x in r)]
        self.assertEqual(len(workers), 1, workers)
        w = workers[0]
        self.assertEqual(w["Worker"], "Wendy Walnut")
        self.assertEqual(w["Team"], "Canterbury North")
        self.assertEqual(w["Scheme"], "KENT-TEST")
        self.assertEqual(w["Total"], 77.5)
        self.assertEqual(w["Band"], "Within band")
        self.assertAlmostEqual(w["Headroom"], 2.5)
        self.assertIn("KENT-TEST as from 2025-01-01", w["Scheme version"])

    def test_pseudonymised_copy_keeps_labels_and_replaces_names(self):
        folder = tempfile.mkdtemp(prefix="cw-kent-share-")
        self.addCleanup(shutil.rmtree, folder, True)
        os.chmod(folder, 0o777)
        doc = self.open_sheet()
        decl = contract(doc)
        self.assertEqual(decl["sheets"], ["Weighting sheet", "Codes"])
        cells = declared_cells(doc, decl)
        names = made_up_names()
        filled = {}
        for (sheet, c, r), kind in sorted(cells.items()):
            sh = doc.Sheets.getByName(sheet)
            cur = sh.createCursorByRange(sh.getCellRangeByPosition(c, r, c, r))
            cur.collapseToMergedArea()
            if (cur.RangeAddress.StartColumn, cur.RangeAddress.StartRow) != (c, r):
                continue
            if r > self.cell(doc, "cw_col_name").CellAddress.Row + 2 and kind == "Case":
                continue  # three rows of names are enough
            name = next(names)
            sh.getCellByPosition(c, r).setString(name)
            filled[(sheet, c, r)] = (kind, name)
        kinds = {k for k, _ in filled.values()}
        self.assertEqual(kinds, {"Case", "Worker", "Text"})  # locality office: free text
        for i, row in enumerate(ROWS[:4]):
            for key, v in row.items():
                if key != "name":
                    c = self.cell(doc, "cw_col_" + key, i)
                    c.setString(v) if isinstance(v, str) else c.setValue(v)
        for i, code in enumerate(WORKER_ITEMS):
            self.cell(doc, "cw_worker_items", i).setString(code)
        self.cell(doc, "cw_as_at").setValue(serial(AS_AT))
        doc.calculateAll()
        labels = {k: v for k, v in texts(doc, decl["sheets"]).items() if k not in cells}
        self.assertIn("Extra responsibilities", labels.values())
        for code in ("VISIT; VISIT", "LEAVER", "MENTOR"):  # codes of the pack's own
            self.assertIn(code, labels.values())
        tmp = self.office.doc_path("kent-names.ods")
        store(doc, tmp, "calc8")
        src = os.path.join(folder, "kent-names.ods")
        shutil.copyfile(tmp, src)
        out = os.path.join(folder, "kent-shared.ods")
        proc = self.tool("caseweight-share", "--pseudonymise", src, out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        copy = self.office.load(self.office.copy_in(out))
        self.addCleanup(copy.close, True)
        got = texts(copy, decl["sheets"])
        changed = {k: (v, got.get(k)) for k, v in labels.items() if got.get(k) != v}
        self.assertEqual(changed, {}, "labels of the template changed")
        raw = b"".join(members(out).values())
        gone = [n for kind, n in filled.values() if kind != "Worker"]
        self.assertEqual([n for n in gone if n.encode() in raw], [], "names left in the copy")
        for (sheet, c, r), (kind, name) in filled.items():
            shown = copy.Sheets.getByName(sheet).getCellByPosition(c, r).getString()
            if kind == "Worker":
                self.assertEqual(shown, name)  # --pseudonymise keeps the workers' names
            else:
                self.assertRegex(shown, r"^%s \d\d$" % kind)


if __name__ == "__main__":
    unittest.main()
