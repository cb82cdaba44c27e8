"""The weighting-sheet templates shipped in caseweight.oxt, in real headless LibreOffice.

Each template is found where File > New > Templates finds it (the template paths the extension
adds), opened as a new document, filled with a realistic caseload through the API and
recalculated. The expected totals and bands are worked out by hand from SPEC in the comments.
Then: saved as .ods and reopened (still live), saved as .xlsx (values cached, formulas under the
add-in's programmatic names), drop-down lists, print set-up, conditional formats, and a PDF and
PNG of each.

Set CASEWEIGHT_UPDATE_DOCS=1 to copy the PNGs to docs/templates/.
"""

import datetime
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

import uno

from common import ERR_ILLEGAL_ARGUMENT, SOURCE_DIR, OfficeTestCase, store, template_urls
from caseweight import sheets
from caseweight.fods import cells_of, col
from caseweight.contract import CONTRACT

VALUE_OR_TEXT = 1 | 2 | 4  # com.sun.star.sheet.CellFlags VALUE, DATETIME, STRING
# The date field of each template's first sheet, and 1 May 2020 as Calc's date number.
DATE_FIELDS = {t.file: t.sheets[0].date_key for t in sheets.TEMPLATES + sheets.CALIBRATION}
SERIAL_2020_05_01 = (datetime.date(2020, 5, 1) - datetime.date(1899, 12, 30)).days

# Every template the package describes (worker and team sheets, calibration sheets), and the
# header field that dates its sheet.
TEMPLATE_FILES = [t.file for t in sheets.TEMPLATES + sheets.CALIBRATION]


class FormatGroup:
    """One of a sheet's UniqueCellFormatRanges. The groups cover the sheet and the cells of a
    group share every attribute (validation, protection, cell style, wrapping, number format),
    so a property read once from the group is that property of each of its cells."""

    def __init__(self, ranges):
        self.ranges = ranges
        self.addresses = ranges.RangeAddresses
        self._props = {}

    def get(self, name):
        if name not in self._props:
            self._props[name] = getattr(self.ranges, name)
        return self._props[name]

    def meets(self, a):
        """Whether the group has a cell in the CellRangeAddress a."""
        return any(_overlap(ra, a) for ra in self.addresses)


class SheetText:
    """The text a sheet's cells show (what cell.getString() gives), from one getDataArray of
    the sheet's content and its format groups, instead of a cell object per cell."""

    def __init__(self, doc, sheet, groups, formats):
        self.sheet = sheet
        self.filled = set()
        content = sheet.queryContentCells(1 | 2 | 4 | 16).RangeAddresses  # and FORMULA: all
        self.filled.update(cells_of(content))
        # one column past the content: a neighbour read beside the last column
        end_col = max((ra.EndColumn for ra in content), default=0) + 1
        end_row = max((ra.EndRow for ra in content), default=0)
        self.data = sheet.getCellRangeByPosition(0, 0, end_col, end_row).getDataArray()
        self.group = {}
        for g in groups:
            for ra in g.addresses:
                for c in range(ra.StartColumn, min(ra.EndColumn, end_col) + 1):
                    for r in range(ra.StartRow, min(ra.EndRow, end_row) + 1):
                        self.group[c, r] = g
        self.formats = formats

    def shown(self, c, r):
        if (c, r) not in self.filled:
            return ""  # an empty cell shows nothing, whatever its format
        v = self.data[r][c]
        # a text (or a formula's text) shows as it is unless its number format has a text
        # section ("@", or a fourth section); anything else is read from the cell
        if isinstance(v, str) and self.formats.plain_text(self.group[c, r].get("NumberFormat")):
            return v
        return self.sheet.getCellByPosition(c, r).getString()


class NumberFormats:
    """Whether a number format key shows a text unchanged; each key looked up once."""

    def __init__(self, doc):
        self.doc = doc
        self.plain = {}

    def plain_text(self, key):
        if key not in self.plain:
            code = self.doc.NumberFormats.getByKey(key).FormatString
            self.plain[key] = "@" not in code and code.count(";") < 3
        return self.plain[key]


def _protection(p):
    return p.IsLocked, p.IsFormulaHidden, p.IsHidden, p.IsPrintHidden


def _overlap(a, b):
    return (
        a.StartColumn <= b.EndColumn
        and b.StartColumn <= a.EndColumn
        and a.StartRow <= b.EndRow
        and b.StartRow <= a.EndRow
    )


class TemplatesTest(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-templates-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.urls = None
        # the templates opened once for the tests that only read them (see template())
        cls.shared = {}
        cls.addClassCleanup(cls.close_shared)
        # objects fetched once per document, by doc.RuntimeUID: each fetch of a named
        # range's cells costs calls that return new objects
        cls.held = {}

    @classmethod
    def close_shared(cls):
        for doc in cls.shared.values():
            doc.close(True)

    # -- finding and filling ------------------------------------------------------------
    def load_template(self, file):
        if self.urls is None:
            type(self).urls = template_urls(self.office)
        from caseweight.office import props

        doc = self.office.desktop.loadComponentFromURL(
            self.urls[file], "_blank", 0, props(Hidden=True, AsTemplate=True)
        )
        self.assertIsNotNone(doc, file)
        return doc

    def open_template(self, file, snapshot=False):
        """A new document from the template, for this test alone. snapshot: keep its
        constants for assertOnlyInputsWritten."""
        doc = self.load_template(file)
        self.addCleanup(doc.close, True)
        if snapshot:
            self.snapshots[doc.RuntimeUID] = self.constants(doc)
        return doc

    def template(self, file):
        """A new document from the template, opened once and shared by the tests that only
        read it (a recalculation at most); a test that writes to it opens its own."""
        if file not in self.shared:
            self.shared[file] = self.load_template(file)
        return self.shared[file]

    def setUp(self):
        self.snapshots = {}

    @staticmethod
    def constants(doc):
        """{(sheet, col, row): text} of every cell holding a value or text (no formula)."""
        out = {}
        sheets = doc.Sheets
        for k in range(sheets.Count):
            sh = sheets.getByIndex(k)
            name = sh.Name
            addresses = sh.queryContentCells(VALUE_OR_TEXT).RangeAddresses
            if not addresses:
                continue
            # one read of the box around them: a range object per address costs a call each
            c0 = min(ra.StartColumn for ra in addresses)
            r0 = min(ra.StartRow for ra in addresses)
            data = sh.getCellRangeByPosition(
                c0,
                r0,
                max(ra.EndColumn for ra in addresses),
                max(ra.EndRow for ra in addresses),
            ).getDataArray()
            for c, r in cells_of(addresses):
                out[(name, c, r)] = data[r - r0][c - c0]
        return out

    def assertOnlyInputsWritten(self, doc):
        """Every cell the test filled in (or emptied) is an input cell, unlocked on the
        protected sheet; no label was written over."""
        before = self.snapshots[doc.RuntimeUID]
        now = self.constants(doc)
        changed = {k for k in set(before) | set(now) if before.get(k) != now.get(k)}
        self.assertTrue(changed)
        sheets, by_name = doc.Sheets, {}
        for name, c, r in sorted(changed):
            if name not in by_name:
                by_name[name] = sheets.getByName(name)
            cell = by_name[name].getCellByPosition(c, r)
            self.assertFalse(
                cell.CellProtection.IsLocked,
                "%s.%s%d is locked but was written" % (name, col(c), r + 1),
            )

    def hold(self, doc, key, fetch):
        """fetch(), once per document and key."""
        key = (doc.RuntimeUID,) + key
        if key not in self.held:
            self.held[key] = fetch()
        return self.held[key]

    def rng(self, doc, name):
        names = self.hold(doc, ("names",), lambda: doc.NamedRanges)
        named = self.hold(doc, ("named", name), lambda: names.getByName(name))
        return self.hold(doc, ("range", name), lambda: named.ReferredCells)

    def address(self, doc, name):
        """The CellRangeAddress of a named range: from its formula tokens when they are one
        absolute reference (no object to fetch), else from its ReferredCells."""
        names = self.hold(doc, ("names",), lambda: doc.NamedRanges)
        tokens = self.hold(doc, ("named", name), lambda: names.getByName(name)).getTokens()
        refs = None
        if len(tokens) == 1 and tokens[0].OpCode == 0:  # a push of one operand
            data = tokens[0].Data
            kind = getattr(data, "typeName", "")
            if kind == "com.sun.star.sheet.SingleReference":
                refs = (data, data)
            elif kind == "com.sun.star.sheet.ComplexReference":
                refs = (data.Reference1, data.Reference2)
        # any ReferenceFlags but SHEET_3D (64), such as a relative or deleted part, and
        # ReferredCells works it out
        if refs is None or any(ref.Flags & ~64 for ref in refs) or refs[0].Sheet != refs[1].Sheet:
            return self.rng(doc, name).RangeAddress
        a = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
        a.Sheet = refs[0].Sheet
        a.StartColumn, a.EndColumn = sorted((refs[0].Column, refs[1].Column))
        a.StartRow, a.EndRow = sorted((refs[0].Row, refs[1].Row))
        return a

    def cell(self, doc, name, row=None):
        row = 0 if row is None else row
        return self.hold(
            doc, ("cell", name, row), lambda: self.rng(doc, name).getCellByPosition(0, row)
        )

    def fill(self, doc, rows):
        """rows: [{column key: value}]; codes and text as strings, numbers as numbers."""
        for i, row in enumerate(rows):
            for key, value in row.items():
                c = self.cell(doc, "cw_col_" + key, i)
                if isinstance(value, str):
                    c.setString(value)
                else:
                    c.setValue(value)

    def set_field(self, doc, key, value):
        c = self.cell(doc, "cw_" + key)
        if value is None:
            c.setString("")
        elif isinstance(value, str):
            c.setString(value)
        else:
            c.setValue(value)

    def value(self, doc, name, row=None):
        c = self.cell(doc, name, row)
        if c.getError():
            return ("error", c.getError())
        if c.FormulaResultType2 == 2:
            return c.getString()
        return round(c.getValue(), 4)

    def assertTotals(self, doc, expected):
        doc.calculateAll()
        for name, want in expected.items():
            got = self.value(doc, name)
            if isinstance(want, float):
                self.assertAlmostEqual(got, want, places=3, msg=name)
            else:
                self.assertEqual(got, want, name)

    def assertRowPoints(self, doc, points):
        doc.calculateAll()
        got = [self.value(doc, "cw_col_points", i) for i in range(len(points))]
        self.assertEqual(got, [round(float(p), 4) for p in points])

    # -- checks shared by every template -------------------------------------------------
    def check_validation(self, doc, column, expected):
        """The column's cells drop down exactly these entries, from the Codes sheet."""
        rng = self.rng(doc, "cw_col_" + column)
        v = rng.getCellByPosition(0, 0).Validation
        self.assertEqual(v.Type.value, "LIST", column)
        self.assertTrue(v.ShowErrorMessage, column)  # free typing is refused
        src = v.getFormula1()
        m = re.match(r"^\$?'?Codes'?\.\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$", src)
        self.assertIsNotNone(m, src)
        codes = (
            doc.Sheets.getByName("Codes")
            .getCellRangeByName("%s%s:%s%s" % m.groups())
            .getDataArray()
        )
        self.assertEqual([c for (c,) in codes], list(expected), column)
        # the last cell of the column has the same list
        last = rng.getCellByPosition(0, rng.Rows.Count - 1).Validation
        self.assertEqual(last.getFormula1(), src)
        self.assertTrue(v.ShowInputMessage and v.InputMessage, column)

    def check_print_and_formats(self, doc, sheet_name, band_cells):
        sheet = doc.Sheets.getByName(sheet_name)
        page = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        self.assertTrue(page.IsLandscape)
        # A4 landscape (in 1/100 mm; Calc stores twips, so allow rounding)
        self.assertAlmostEqual(page.Width, 29700, delta=5)
        self.assertAlmostEqual(page.Height, 21000, delta=5)
        self.assertTrue(sheet.PrintTitleRows)
        header_row = (
            self.rng(doc, "cw_col_" + band_cells[0]).RangeAddress.StartRow - 1
            if band_cells[0]
            else None
        )
        titles = sheet.getTitleRows()
        self.assertEqual(titles.StartRow, 0)
        if header_row is not None:
            self.assertEqual(titles.EndRow, header_row)
        for name in band_cells[1:]:
            cf = self.rng(doc, name).ConditionalFormat
            styles = {cf.getByIndex(i).StyleName for i in range(cf.Count)}
            self.assertTrue(any("Band" in s for s in styles), name)

    def check_error_row_format(self, doc):
        cf = self.rng(
            doc, "cw_col_name" if doc.NamedRanges.hasByName("cw_col_name") else "cw_col_family"
        ).ConditionalFormat
        entries = [cf.getByIndex(i) for i in range(cf.Count)]
        self.assertTrue(any(e.StyleName == "cw Error" and "OK" in e.getFormula1() for e in entries))

    def save_reopen_live(self, doc, file, edit_cell, edit_value, total_name, before, after):
        """.ods round trip: reopened, still computing (a change moves the total)."""
        self.assertOnlyInputsWritten(doc)
        path = self.office.doc_path(file + ".ods")
        store(doc, path, "calc8")
        again = self.office.load(path)
        self.addCleanup(again.close, True)
        again.calculateAll()
        self.assertAlmostEqual(self.value(again, total_name), before, places=3)
        c = self.cell(again, *edit_cell)
        if isinstance(edit_value, str):
            c.setString(edit_value)
        else:
            c.setValue(edit_value)
        again.calculateAll()
        self.assertAlmostEqual(self.value(again, total_name), after, places=3)

    def save_xlsx(self, doc, file, total_name, total):
        """.xlsx: the cached value is stored beside the formula's programmatic name, which
        Excel does not know (it shows #NAME? once it recalculates)."""
        path = self.office.doc_path(file + ".xlsx")
        store(doc, path, "Calc Office Open XML")
        c = self.rng(doc, total_name).getCellByPosition(0, 0)
        ref = "%s%d" % (col(c.CellAddress.Column), c.CellAddress.Row + 1)
        with zipfile.ZipFile(path) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        m = re.search(r'<c r="%s"[^>]*>(.*?)</c>' % ref, xml)
        self.assertIsNotNone(m, ref)
        self.assertRegex(m.group(1), r"<f[^>]*>[^<]*ORG\.CASEWEIGHT", m.group(1))
        v = re.search(r"<v>([^<]*)</v>", m.group(1))
        self.assertAlmostEqual(float(v.group(1)), total, places=3)
        # the drop-downs (lists on the Codes sheet) and the colours go along
        self.assertRegex(xml, r'<dataValidation [^>]*type="list"')
        self.assertRegex(xml, r"<formula1>\$?'?Codes'?!")
        self.assertIn("<conditionalFormatting", xml)
        # and Calc reading it back shows the stored values
        back = self.office.load(path)
        self.addCleanup(back.close, True)
        self.assertAlmostEqual(
            back.Sheets.getByIndex(0)
            .getCellByPosition(c.CellAddress.Column, c.CellAddress.Row)
            .getValue(),
            total,
            places=3,
        )

    def render(self, doc, file):
        """PDF export, then the first page as a PNG at 100 dpi (pdftoppm)."""
        pdf = self.office.doc_path(file + ".pdf")
        store(doc, pdf, "calc_pdf_Export")
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        base = os.path.join(self.tmp, file)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, base],
            check=True,
        )
        png = base + ".png"
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(png), 10000)
        if os.environ.get("CASEWEIGHT_UPDATE_DOCS") == "1":
            dest = os.path.join(SOURCE_DIR, "docs", "templates")
            os.makedirs(dest, exist_ok=True)
            shutil.copyfile(png, os.path.join(dest, file + ".png"))
        return png

    def render_empty(self, file):
        doc = self.open_template(file)
        doc.calculateAll()
        return self.render(doc, file)

    # -- the tests ------------------------------------------------------------------------
    def test_all_templates_are_in_the_template_paths(self):
        self.assertEqual(sorted(template_urls(self.office)), sorted(TEMPLATE_FILES))
        for file in TEMPLATE_FILES:
            doc = self.template(file)
            self.assertTrue(doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"))
            self.assertTrue(doc.DocumentProperties.Title)
            # opened as a template: a new untitled document, not the .ots itself
            self.assertEqual(doc.getURL(), "")
            self.render(doc, file)

    def test_every_template_scores_under_its_dated_scheme(self):
        """Each worker or team sheet holds cw_scheme, =SCHEMEAT(scheme; its date, or today while
        the date is empty), which every formula of the sheet passes as its Scheme, and shows
        SCHEMEVERSION of it in its header; the monthly history bands each month under that
        month's version."""
        today = datetime.date.today()
        for file in TEMPLATE_FILES:
            with self.subTest(file=file):
                doc = self.open_template(file)
                scheme = doc.DocumentProperties.Keywords[1]
                doc.calculateAll()
                at = self.cell(doc, "cw_scheme")
                self.assertEqual(at.getString(), "%s@%s" % (scheme, today.isoformat()))
                version = self.cell(doc, "cw_scheme_version").getString()
                self.assertTrue(version.startswith(scheme + " as from "), version)
                self.set_field(doc, DATE_FIELDS[file], SERIAL_2020_05_01)
                doc.calculateAll()
                self.assertEqual(at.getString(), scheme + "@2020-05-01")
                for k in range(doc.Sheets.Count):
                    sh = doc.Sheets.getByIndex(k)
                    if sh.Name == "Codes":
                        continue
                    cursor = sh.createCursor()
                    cursor.gotoEndOfUsedArea(False)
                    a = cursor.RangeAddress
                    formulas = sh.getCellRangeByPosition(
                        0, 0, a.EndColumn, a.EndRow
                    ).getFormulaArray()
                    # (live words name the scheme with the sheet's date cell beside it: see
                    # words_formula)
                    literal = re.compile(
                        r'(?<!SCHEMEAT\()(?<!="";)"%s"(?!;SCHEMEAT)' % re.escape(scheme)
                    )
                    dated_words = re.compile(
                        r'SCHEMETEXT\("%s";"(?:[^"]|"")*";\$[^;()]+\)' % re.escape(scheme)
                    )
                    bad = [
                        f for row in formulas for f in row if literal.search(dated_words.sub("", f))
                    ]
                    self.assertEqual(bad, [], "%s: a literal scheme name" % sh.Name)
                    if sh.Name == "Monthly history":
                        band = self.cell(doc, "cw_col_h_band").getFormula()
                        self.assertIn('SCHEMEAT("%s";IF(A' % scheme, band)

    def test_swindon_children(self):
        doc = self.open_template("swindon-children", snapshot=True)
        self.check_validation(doc, "basic", ["CIN"])
        self.check_validation(doc, "lac", ["LAC", "LAC; COMPLEX"])
        self.check_validation(doc, "cp", ["CP", "CP; COMPLEX"])
        self.check_validation(doc, "court", ["COURT", "COURT-ACTIVE"])
        self.check_validation(doc, "assessment", ["ASSESSMENT", "S47"])
        self.check_validation(doc, "pre", ["PRE-PROCEEDINGS"])
        self.check_validation(doc, "travel", ["TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"])
        self.check_validation(doc, "task", ["TASK", "TASK; TASK", "TASK; TASK; TASK"])
        self.check_validation(doc, "group", ["GROUP"])
        self.check_print_and_formats(doc, "Weighting sheet", ["name", "cw_band"])
        self.check_error_row_format(doc)
        self.set_field(doc, "worker", "Asha Patel")
        self.set_field(doc, "grade", "EXPERIENCED")
        self.fill(
            doc,
            [
                dict(name="Smith children", children=4, locality="EN", cp="CP"),  # 30 + 4x6 = 54
                dict(name="J. Jones", lac="LAC; COMPLEX", court="COURT-ACTIVE"),  # 10+6+4+10 = 30
                dict(name="Brown family", children=3, basic="CIN"),  # 10
                dict(
                    name="Taylor twins", children=2, cp="CP; COMPLEX", pre="PRE-PROCEEDINGS"
                ),  # 2x20 + 4 = 44
                dict(name="K. Wilson", lac="LAC", travel="TRAVEL-2H"),  # 16 + 10 = 26
                dict(name="Evans children", children=3, cp="CP", assessment="S47"),  # 48 + 10 = 58
                dict(
                    name="Khan family", children=2, basic="CIN", assessment="ASSESSMENT"
                ),  # 10 + 10 = 20
                dict(name="L. Green", lac="LAC", task="TASK; TASK"),  # 16 + 10 = 26
                dict(name="Quinn family", children=5, basic="CIN"),  # 4-6 children: 20
                dict(name="Parenting group", group="GROUP"),  # 10
                dict(name="R. Reid (co-worked)", cp="CP", share=0.5),  # 16 x 0.5 = 8
            ],
        )
        self.assertRowPoints(doc, [54, 30, 10, 44, 26, 58, 20, 26, 20, 10, 8])
        # 306: below the experienced band 330-350; 306/350 of its top
        self.assertTotals(
            doc,
            {
                "cw_case_points": 306.0,
                "cw_worker_points": 0.0,
                "cw_total": 306.0,
                "cw_band": "Below band",
                "cw_capacity": 306 / 350,
                "cw_top": 350.0,
                "cw_headroom": 44.0,
            },
        )
        self.assertEqual(self.value(doc, "cw_col_check", 0), "OK")
        self.assertEqual(self.value(doc, "cw_col_check", 15), "")  # an empty row
        # one more looked after child with an assessment: 16 + 10 -> 332, within band
        self.fill(doc, [{}] * 11 + [dict(name="M. Wright", lac="LAC", assessment="ASSESSMENT")])
        self.assertTotals(doc, {"cw_total": 332.0, "cw_band": "Within band"})
        # a higher specialist doing principal social worker tasks: +50 -> 382, 350-400
        self.set_field(doc, "grade", "HIGHER-SPECIALIST")
        self.set_field(doc, "psw", "HIGHER-SPECIALIST")
        self.assertTotals(
            doc,
            {
                "cw_worker_points": 50.0,
                "cw_total": 382.0,
                "cw_band": "Within band",
                "cw_top": 400.0,
            },
        )
        # part time at 0.8: band 280-320 -> above band
        self.set_field(doc, "fte", 0.8)
        self.assertTotals(doc, {"cw_band": "Above band", "cw_top": 320.0})
        self.set_field(doc, "fte", None)
        # a row that breaks a rule: LAC and CP on one row -> error, reason, no wrong total
        self.fill(doc, [{}] * 12 + [dict(name="Mistake", lac="LAC", cp="CP")])
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", 12), ("error", ERR_ILLEGAL_ARGUMENT))
        reason = self.value(doc, "cw_col_check", 12)
        self.assertNotEqual(reason, "OK")
        self.assertIn("LAC", reason)
        # the error travels on: the case points show Err:502, the total an error too (Calc
        # gives Err:504 when a range handed to an add-in holds an error)
        self.assertEqual(self.value(doc, "cw_case_points"), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(self.value(doc, "cw_total")[0], "error")
        # under the totals, why the first one in error is: here a row above
        self.assertIn("a row above", self.value(doc, "cw_why"))
        # a grade typed past the drop-down: the reason names the grades
        self.cell(doc, "cw_col_lac", 12).setString("")
        self.set_field(doc, "grade", "BOSS")
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_top"), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn('"BOSS" is not a SWINDON grade', self.value(doc, "cw_why"))
        self.set_field(doc, "grade", "HIGHER-SPECIALIST")
        self.assertEqual(self.value(doc, "cw_why"), "")
        self.cell(doc, "cw_col_lac", 12).setString("LAC")
        doc.calculateAll()
        self.render(doc, "swindon-children-filled")  # the red row, as the docs show it
        self.set_field(doc, "grade", "HIGHER-SPECIALIST")
        self.cell(doc, "cw_col_cp", 12).setString("")
        self.assertTotals(doc, {"cw_total": 382.0 + 16})
        self.save_reopen_live(
            doc, "swindon-children", ("cw_col_travel", 1), "TRAVEL-NEAR", "cw_total", 398.0, 402.0
        )
        self.save_xlsx(doc, "swindon-children", "cw_total", 398.0)

    def test_swindon_family_placements(self):
        doc = self.open_template("swindon-family-placements", snapshot=True)
        self.check_validation(doc, "basic", ["FP-CHILD", "FP-CARER"])
        self.check_validation(doc, "assessment", ["FP-ASSESSMENT", "FP-ASSESSMENT-COMPLEX"])
        self.check_validation(doc, "review", ["FP-REVIEW", "FP-REVIEW-ATTEND"])
        self.check_validation(doc, "support", ["FP-SUPPORT", "FP-SUPPORT-COMPLEX"])
        self.check_validation(doc, "task", ["FP-TASK", "FP-TASK-COMPLEX"])
        self.check_validation(doc, "group", ["FP-GROUP-SHORT", "FP-GROUP"])
        self.check_print_and_formats(doc, "Weighting sheet", ["name", "cw_band"])
        self.fill(
            doc,
            [
                dict(
                    name="Fox carers / Amy and Ben",
                    children=2,
                    basic="FP-CHILD",
                    review="FP-REVIEW-ATTEND",
                ),  # 2x10 + 10 = 30
                dict(
                    name="Green carers", basic="FP-CARER", assessment="FP-ASSESSMENT-COMPLEX"
                ),  # 10 + 10 = 20
                dict(
                    name="Hill carers / Cara",
                    basic="FP-CHILD",
                    support="FP-SUPPORT",
                    travel="TRAVEL-NEAR",
                ),  # 10 + 5 + 4 = 19
                dict(
                    name="Ives carers / Dan",
                    basic="FP-CHILD",
                    task="FP-TASK-COMPLEX",
                    group="FP-GROUP-SHORT",
                ),  # 10 + 10 + 5 = 25
            ],
        )
        self.assertRowPoints(doc, [30, 20, 19, 25])
        self.assertTotals(doc, {"cw_total": 94.0, "cw_band": "Below band"})
        self.save_reopen_live(
            doc, "swindon-family-placements", ("cw_col_children", 0), 3, "cw_total", 94.0, 104.0
        )

    def test_swindon_leaving_care(self):
        doc = self.open_template("swindon-leaving-care", snapshot=True)
        self.check_validation(doc, "basic", ["CARE-LEAVER", "LAC", "LAC; COMPLEX"])
        v = self.rng(doc, "cw_col_category").getCellByPosition(0, 0).Validation
        self.assertEqual(v.getFormula1(), '"Eligible";"Relevant";"Former relevant"')
        self.set_field(doc, "grade", "NQSW")
        self.fill(
            doc,
            [
                dict(
                    name="A. Ahmed",
                    category="Former relevant",
                    basic="CARE-LEAVER",
                    travel="TRAVEL-1-2H",
                ),  # 10 + 6 = 16
                dict(
                    name="B. Bell", category="Eligible", basic="LAC; COMPLEX", task="TASK"
                ),  # 10+6+4 + 5 = 25
                dict(
                    name="C. Cole",
                    category="Relevant",
                    basic="CARE-LEAVER",
                    assessment="ASSESSMENT",
                ),  # 10 + 10 = 20
            ],
        )
        self.assertRowPoints(doc, [16, 25, 20])
        # NQSW: up to 300, no lower limit
        self.assertTotals(
            doc, {"cw_total": 61.0, "cw_band": "Within band", "cw_capacity": 61 / 300}
        )
        # group work on a care leaver's row: 10 + 5 + 10
        self.fill(
            doc, [{}] * 3 + [dict(name="D. Dunn", basic="CARE-LEAVER", task="TASK", group="GROUP")]
        )
        self.assertRowPoints(doc, [16, 25, 20, 25])
        self.assertTotals(doc, {"cw_total": 86.0})
        self.assertOnlyInputsWritten(doc)

    def test_swindon_disabled_children(self):
        doc = self.open_template("swindon-disabled-children", snapshot=True)
        self.check_validation(doc, "basic", ["CARE-MANAGED", "CIN"])
        self.fill(
            doc,
            [
                dict(name="A. Allen", basic="CARE-MANAGED"),  # 5
                dict(name="B. Barr", basic="CARE-MANAGED", travel="TRAVEL-NEAR"),  # 5 + 4 = 9
                dict(name="Cross family", children=2, basic="CIN"),  # 10
                dict(name="D. Day", lac="LAC"),  # 16
            ],
        )
        self.assertRowPoints(doc, [5, 9, 10, 16])
        self.assertTotals(doc, {"cw_total": 40.0})
        self.assertOnlyInputsWritten(doc)

    def test_swindon_team_summary(self):
        doc = self.open_template("swindon-team-summary", snapshot=True)
        self.check_print_and_formats(doc, "Team summary", ["worker", "cw_col_band"])
        self.set_field(doc, "team", "Children's Team East")
        self.fill(
            doc,
            [
                dict(worker="Asha Patel", atm="Jo Hart", grade="EXPERIENCED", fte=1, total=340),
                dict(worker="Ben Carter", atm="Jo Hart", grade="NQSW", fte=1, total=310),
                dict(
                    worker="Chloe Evans",
                    atm="Sam Lee",
                    grade="HIGHER-SPECIALIST",
                    fte=0.8,
                    total=300,
                ),
                dict(worker="Dan Okafor", atm="Sam Lee", grade="EXPERIENCED", total=360),
                dict(worker="Eve Fox", atm="Sam Lee", total=320),
            ],
        )
        doc.calculateAll()
        # bands: 330-350 within; NQSW up to 300 -> 310 above; HS at 0.8: 280-320 within;
        # 360 above; empty grade = EXPERIENCED: 320 below
        self.assertEqual(
            [self.value(doc, "cw_col_band", i) for i in range(6)],
            ["Within band", "Above band", "Within band", "Above band", "Below band", ""],
        )
        self.assertEqual([self.value(doc, "cw_col_over", i) for i in range(5)], [0, 10, 0, 10, 0])
        self.assertTotals(
            doc,
            {
                "cw_workers": 5.0,
                "cw_team_total": 1630.0,
                "cw_team_average": 326.0,
                "cw_above": 2.0,
                "cw_above_names": "Ben Carter, Dan Okafor",
            },
        )
        atm = self.rng(doc, "cw_atm_1")
        atm.getCellByPosition(0, 0).setString("Jo Hart")
        self.rng(doc, "cw_atm_2").getCellByPosition(0, 0).setString("Sam Lee")
        doc.calculateAll()
        jo = self.rng(doc, "cw_atm_1").getDataArray()[0]
        sam = self.rng(doc, "cw_atm_2").getDataArray()[0]
        self.assertEqual(jo[1:], (2.0, 650.0, 325.0, 1.0))
        self.assertEqual(sam[1:3], (3.0, 980.0))
        self.assertAlmostEqual(sam[3], 980 / 3)
        self.assertEqual(sam[4], 1.0)
        self.assertEqual(self.rng(doc, "cw_atm_3").getDataArray()[0][1:], ("", "", "", ""))
        self.save_reopen_live(
            doc, "swindon-team-summary", ("cw_col_total", 4), 400, "cw_team_total", 1630.0, 1710.0
        )

    def test_rbwm_all_cases(self):
        doc = self.open_template("rbwm-all-cases", snapshot=True)
        self.check_validation(doc, "cin", ["CIN"])
        self.check_validation(
            doc,
            "cic",
            [
                "CIC",
                "CARE-LEAVER",
                "FOSTER-CARER",
                "CIC; COMPLEX",
                "CARE-LEAVER; COMPLEX",
                "FOSTER-CARER; COMPLEX",
            ],
        )
        self.check_validation(
            doc,
            "court",
            ["PRE-PROCEEDINGS", "PRE-PROCEEDINGS; COURT", "PRE-PROCEEDINGS; COURT; FINAL-HEARING"],
        )
        self.check_validation(
            doc, "court_extra", ["COURT-COMPLEX", "DIRECTIONS", "COURT-COMPLEX; DIRECTIONS"]
        )
        self.check_validation(
            doc,
            "fostering",
            ["FAMILY-FINDING", "PANEL", "PRIVATE-FOSTERING", "FAMILY-FINDING; PANEL"],
        )
        self.check_validation(doc, "task", ["FYW", "CONTACT", "FYW; CONTACT"])
        self.check_print_and_formats(doc, "All cases", ["name", "cw_band", "cw_cases_range"])
        self.check_error_row_format(doc)
        self.set_field(doc, "grade", "EXPERIENCED")
        self.set_field(doc, "experience", "After first year")
        self.fill(
            doc,
            [
                dict(name="A. Adams", cic="CIC; COMPLEX", report="REPORT"),  # 6+4+10 = 20
                dict(name="B. Brown", cp="CP", single="SINGLE-ASSESSMENT"),  # 6+10 = 16
                dict(name="Clark family", cin="CIN", single="SINGLE-ASSESSMENT"),  # 10+10 = 20
                dict(
                    name="D. Dean",
                    cp="CP",
                    court="PRE-PROCEEDINGS; COURT; FINAL-HEARING",
                    court_extra="COURT-COMPLEX",
                ),  # 6+5+3+3+5 = 22
                dict(name="E. Ellis", cic="CARE-LEAVER", travel="TRAVEL-1-2H"),  # 6+6 = 12
                dict(
                    name="Fox (foster carers)",
                    cic="FOSTER-CARER; COMPLEX",
                    fostering="FAMILY-FINDING; PANEL",
                ),  # 6+4+3+3 = 16
                dict(name="Green family", cin="CIN", s47="S47"),  # 10+10 = 20
                dict(
                    name="H. Hart", cic="CIC", other="OTHER-ASSESSMENT", task="FYW; CONTACT"
                ),  # 6+10+5+5 = 26
                dict(name="I. Irwin (co-worked)", cp="CP", share=0.5),  # 3
            ],
        )
        self.assertRowPoints(doc, [20, 16, 20, 22, 12, 16, 20, 26, 3])
        # 155 points: below 330-350; 9 cases against 10-12 after the first year
        self.assertTotals(
            doc,
            {
                "cw_total": 155.0,
                "cw_band": "Below band",
                "cw_capacity": 155 / 350,
                "cw_headroom": 195.0,
                "cw_cases": 9.0,
                "cw_cases_from": 10.0,
                "cw_cases_to": 12.0,
                "cw_cases_range": "Below range",
            },
        )
        # half time: band 165-175, cases 5-6
        self.set_field(doc, "fte", 0.5)
        self.assertTotals(
            doc,
            {
                "cw_band": "Below band",
                "cw_cases_from": 5.0,
                "cw_cases_to": 6.0,
                "cw_cases_range": "Above range",
            },
        )
        self.set_field(doc, "fte", None)
        # CIN and CP on one row: error
        self.fill(doc, [{}] * 9 + [dict(name="Mistake", cin="CIN", cp="CP")])
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", 9), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertNotEqual(self.value(doc, "cw_col_check", 9), "OK")
        self.cell(doc, "cw_col_cp", 9).setString("")
        self.assertTotals(
            doc, {"cw_total": 165.0, "cw_cases": 10.0, "cw_cases_range": "Within range"}
        )
        self.save_reopen_live(
            doc, "rbwm-all-cases", ("cw_col_s47", 1), "S47", "cw_total", 165.0, 175.0
        )
        self.save_xlsx(doc, "rbwm-all-cases", "cw_total", 165.0)

    def test_notts_individual(self):
        doc = self.open_template("notts-individual", snapshot=True)
        specific = [
            "S17-ASSESSMENT",
            "S47",
            "S47-ICPC",
            "PF-NEW",
            "PF",
            "CIN-ORDER",
            "CIN-STABLE",
            "CIN-UNSTABLE",
            "CP-STABLE",
            "CP-UNSTABLE",
            "LAC-NEW",
            "LAC-UNSTABLE",
            "LAC-STABLE",
            "LAC-PERMANENT",
            "CLOSING",
            "TC-LAC-NEW",
            "TC-LAC-UNSTABLE",
            "TC-LAC-STABLE",
            "TC-LAC-PERMANENT",
            "TC-REG24",
            "COURT-S7",
            "COURT-S37",
            "COURT-LAC-ASSESS",
            "COURT-ASSESS",
            "COURT-LAC-UNSTABLE",
            "COURT-LAC-STABLE",
            "COURT-REG24",
            "COURT-CP",
            "PERM-PRE-PLACEMENT",
            "PERM-FAMILY-FINDING",
            "PERM-MATCH-FOUND",
            "PERM-PLACED",
            "PERM-NO-MATCH",
        ]
        self.check_validation(doc, "specific", specific)
        v1 = self.rng(doc, "cw_col_add1").getCellByPosition(0, 0).Validation.getFormula1()
        v2 = self.rng(doc, "cw_col_add2").getCellByPosition(0, 0).Validation.getFormula1()
        self.assertEqual(v1, v2)
        self.check_validation(doc, "add1", _codes_at(doc, v1))
        self.assertEqual(len(_codes_at(doc, v1)), 29)
        self.assertIn("INTERPRETER", _codes_at(doc, v1))
        pv = self.rng(doc, "cw_personal_items").getCellByPosition(0, 0).Validation
        self.assertEqual(
            _codes_at(doc, pv.getFormula1()),
            [
                "NQSW",
                "TRAINEE-TERM",
                "TRAINEE",
                "PQ",
                "ASYE-MENTOR",
                "PRACTICE-EDUCATOR",
                "ONSITE-SUPERVISOR",
            ],
        )
        self.check_print_and_formats(doc, "Individual pro-forma", ["family", "cw_band"])
        self.check_error_row_format(doc)
        self.fill(
            doc,
            [
                dict(family="Green", children=4, specific="S47-ICPC", add1="INTERPRETER"),
                dict(family="Hill", children=2, specific="CP-UNSTABLE"),
                dict(family="Ince", specific="LAC-STABLE"),
                dict(
                    family="Jones",
                    children=3,
                    specific="COURT-LAC-ASSESS",
                    add1="LEGAL-PLANNING",
                    add2="PARENTING-CAPACITY",
                ),
                dict(family="King", children=2, specific="CIN-STABLE", share=0.5),
                dict(family="Lamb", specific="PF-NEW"),
            ],
        )
        # Green: 15 + 3x2 + 1 = 22 (the seed's example); Hill 10 + 2 = 12; Ince 3;
        # Jones 14 + 2x6 + 6 + 3 = 35; King (2 + 1) x 0.5 = 1.5; Lamb 3
        self.assertRowPoints(doc, [22, 12, 3, 35, 1.5, 3])
        doc.calculateAll()
        self.assertEqual([self.value(doc, "cw_col_first", i) for i in range(4)], [15, 10, 3, 14])
        self.assertEqual([self.value(doc, "cw_col_other", i) for i in range(4)], [6, 2, 0, 12])
        self.assertEqual(
            [self.value(doc, "cw_col_additional", i) for i in range(4)], [1, "", "", 9]
        )
        pi = self.rng(doc, "cw_personal_items")
        pi.getCellByPosition(0, 0).setString("NQSW")  # 10
        pi.getCellByPosition(0, 1).setString("PQ")  # 7.5
        self.cell(doc, "cw_duty_hours").setValue(4)  # 4 x 0.5 = 2
        # 76.5 + 19.5 = 96: full time 95 < 96 <= 110 -> Demanding
        self.assertTotals(
            doc,
            {
                "cw_personal": 19.5,
                "cw_case_points": 76.5,
                "cw_total": 96.0,
                "cw_fte": 1.0,
                "cw_band": "Demanding",
                "cw_capacity": 96 / 95,
            },
        )
        # 30 hours a week: FTE 30/37; High starts over 110 x 30/37 = 89.2
        self.set_field(doc, "hours", 30)
        self.assertTotals(
            doc, {"cw_fte": 30 / 37, "cw_band": "High", "cw_capacity": 96 / (95 * 30 / 37)}
        )
        # additional items without a specific item: error and reason
        self.fill(doc, [{}] * 6 + [dict(family="Moss", children=2, add1="INTERPRETER")])
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", 6), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("specific item", self.value(doc, "cw_col_check", 6))
        # the error travels on: the case points show Err:502, the total an error too (Calc
        # gives Err:504 when a range handed to an add-in holds an error)
        self.assertEqual(self.value(doc, "cw_case_points"), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(self.value(doc, "cw_total")[0], "error")
        self.cell(doc, "cw_col_specific", 6).setString("S17-ASSESSMENT")  # 6 + 2 + 1 = 9
        self.assertTotals(doc, {"cw_total": 105.0})
        self.save_reopen_live(
            doc, "notts-individual", ("cw_col_children", 1), 3, "cw_total", 105.0, 107.0
        )
        self.save_xlsx(doc, "notts-individual", "cw_total", 105.0)

    def test_notts_team(self):
        doc = self.open_template("notts-team", snapshot=True)
        self.check_print_and_formats(doc, "Team pro-forma", ["date", "cw_col_band"])
        self.fill(
            doc,
            [
                dict(
                    initials="AB",
                    position="SW",
                    wte=1,
                    personal=5,
                    cases=80,
                    children=22,
                    families=12,
                ),  # 85: Sustainable
                dict(
                    initials="CD",
                    position="NQSW",
                    wte=1,
                    personal=10,
                    cases=90,
                    children=25,
                    families=13,
                ),  # 100: Demanding
                dict(
                    initials="EF",
                    position="SW",
                    wte=0.6,
                    personal=0,
                    cases=70,
                    children=15,
                    families=8,
                ),  # 70 over 66 at 0.6: High
                dict(
                    initials="GH", position="SWA", personal=0, cases=60, children=10, families=6
                ),  # 60: Below sustainable
            ],
        )
        doc.calculateAll()
        self.assertEqual(
            [self.value(doc, "cw_col_points", i) for i in range(5)], [85, 100, 70, 60, ""]
        )
        self.assertEqual(
            [self.value(doc, "cw_col_band", i) for i in range(5)],
            ["Sustainable", "Demanding", "High", "Below sustainable", ""],
        )
        self.assertTotals(
            doc,
            {
                "cw_workers": 4.0,
                "cw_team_total": 315.0,
                "cw_team_average": 78.75,
                "cw_demanding": 1.0,
                "cw_high": 1.0,
                "cw_children_total": 72.0,
                "cw_families_total": 39.0,
            },
        )
        self.cell(doc, "cw_unallocated_cases").setValue(3)
        self.save_reopen_live(
            doc, "notts-team", ("cw_col_cases", 3), 70, "cw_team_total", 315.0, 325.0
        )

    def test_warrington(self):
        doc = self.open_template("warrington", snapshot=True)
        self.check_validation(
            doc,
            "type",
            ["CP", "CIC", "PRIVATE-FOSTERING", "FOSTERING-HOUSEHOLD", "APPROVED-HOUSEHOLD", "CIN"],
        )
        self.check_validation(doc, "status", ["NEW", "TRANSFER", "CLOSING"])
        self.check_validation(doc, "assess1", ["ASSESS-LOW", "ASSESS-MEDIUM", "ASSESS-HIGH"])
        self.check_validation(doc, "assess2", ["ASSESS-LOW", "ASSESS-MEDIUM", "ASSESS-HIGH"])
        self.check_validation(doc, "travel", ["TRAVEL-1H"])
        self.check_print_and_formats(doc, "Workload", ["name", "cw_band"])
        self.check_error_row_format(doc)
        # no case rows yet: no band shown (the stable element alone is no workload to judge)
        self.assertTotals(
            doc, {"cw_stable": 15.0, "cw_total": 15.0, "cw_capacity_points": 100.0, "cw_band": ""}
        )
        self.fill(
            doc,
            [
                dict(name="A. Ash", type="CP"),  # 2+1 = 3
                dict(name="Birch siblings", children=2, type="CIC", status="NEW"),  # 2x3 + 2x1 = 8
                dict(
                    name="Cedar family", children=4, type="CIN", assess1="ASSESS-MEDIUM"
                ),  # 3 (3-6 children) + min(2x2, 3) = 6
                dict(
                    name="Dale household",
                    type="APPROVED-HOUSEHOLD",
                    assess1="ASSESS-HIGH",
                    travel="TRAVEL-1H",
                ),  # 3 + 3 + 1 = 7
                dict(name="Elm children", children=3, type="CP", status="CLOSING"),  # 1 x 3 = 3
                dict(name="F. Fir", type="PRIVATE-FOSTERING", status="TRANSFER"),  # 3 + 2 = 5
                dict(
                    name="G. Gorse", type="CIC", assess1="ASSESS-LOW", assess2="ASSESS-MEDIUM"
                ),  # 3 + 1 + 2 = 6
            ],
        )
        self.assertRowPoints(doc, [3, 8, 6, 7, 3, 5, 6])
        extra = self.rng(doc, "cw_extra_items")
        extra.getCellByPosition(0, 0).setString("PQ")  # 10
        extra.getCellByPosition(0, 1).setString("ABE")  # 2 per case
        extra.getCellByPosition(0, 2).setString("ABE")
        # cases 38, workload weight 3, stable 15, extras 14: 70 of 100
        self.assertTotals(
            doc,
            {
                "cw_case_points": 38.0,
                "cw_weight": 3.0,
                "cw_stable": 15.0,
                "cw_extra": 14.0,
                "cw_total": 70.0,
                "cw_band": "Within capacity",
                "cw_capacity": 0.7,
            },
        )
        # an ASYE at 0.6: capacity 54 -> over capacity
        self.set_field(doc, "grade", "ASYE")
        self.set_field(doc, "fte", 0.6)
        self.assertTotals(doc, {"cw_capacity_points": 54.0, "cw_band": "Over capacity"})
        # CLOSING with a CIN family is fine; two case types are not
        self.fill(
            doc,
            [{}] * 7
            + [
                dict(
                    name="Mistake",
                    type="CP",
                    status="NEW",
                    assess1="ASSESS-LOW",
                    assess2="ASSESS-LOW",
                    travel="TRAVEL-1H",
                    share=0.5,
                )
            ],
        )
        self.assertRowPoints(doc, [3, 8, 6, 7, 3, 5, 6, 3.5])  # (3+1+1+1+1) x 0.5
        self.cell(doc, "cw_col_type", 7).setString("CP; CIC")
        doc.calculateAll()
        self.assertEqual(self.value(doc, "cw_col_points", 7), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertNotEqual(self.value(doc, "cw_col_check", 7), "OK")
        self.cell(doc, "cw_col_type", 7).setString("CP")
        # cases 41.5, weight 4: 41.5 + 4 + 15 + 14 = 74.5
        self.assertTotals(doc, {"cw_total": 74.5})
        self.save_reopen_live(doc, "warrington", ("cw_col_children", 0), 2, "cw_total", 74.5, 77.5)
        self.save_xlsx(doc, "warrington", "cw_total", 74.5)

    # -- what a manager meets typing into a real window ------------------------------------
    def list_entries(self, doc, validation):
        """The entries a LIST validation offers (a range of the Codes sheet or inline)."""
        src = validation.getFormula1()
        if src.startswith('"'):
            return re.findall(r'"([^"]*)"', src)
        # the Codes sheet is never written: each list read once per document
        return self.hold(doc, ("codes", src), lambda: _codes_at(doc, src))

    @staticmethod
    def format_groups(sheet):
        groups = sheet.UniqueCellFormatRanges
        return [FormatGroup(groups.getByIndex(g)) for g in range(groups.Count)]

    def input_lists(self, doc, groups):
        """{column: set of entries} of the cells of a sheet (its format_groups) with a
        drop-down list, and {(col, row): format group} of those cells."""
        lists, cells = {}, {}
        for group in groups:
            v = group.get("Validation")
            if v.Type.value != "LIST":
                continue
            entries = self.list_entries(doc, v)
            for ra in group.addresses:
                for c in range(ra.StartColumn, ra.EndColumn + 1):
                    lists.setdefault(c, set()).update(entries)
                    cells.update(((c, r), group) for r in range(ra.StartRow, ra.EndRow + 1))
        return lists, cells

    def test_no_text_in_a_list_column_starts_with_one_of_its_entries(self):
        """Calc's AutoInput completes what is typed to a text of the same column that starts
        with it: a heading "CP plan ..." turned a typed CP into the heading, which the list
        refused. No text in a column with a drop-down list may start with one of its entries
        (ignoring case), so a valid code typed and Enter is that code."""
        for file in TEMPLATE_FILES:
            doc = self.template(file)
            sheets, formats = doc.Sheets, NumberFormats(doc)
            for k in range(sheets.Count):
                sheet = sheets.getByIndex(k)
                sheet_name = sheet.Name
                if sheet_name == "Codes":
                    continue
                groups = self.format_groups(sheet)
                lists, cells = self.input_lists(doc, groups)
                shown = SheetText(doc, sheet, groups, formats).shown
                for ra in sheet.queryContentCells(4).RangeAddresses:  # STRING
                    for c in range(ra.StartColumn, ra.EndColumn + 1):
                        if c not in lists:
                            continue
                        for r in range(ra.StartRow, ra.EndRow + 1):
                            if (c, r) in cells:
                                continue
                            text = shown(c, r).strip().upper()
                            clash = [e for e in lists[c] if text.startswith(e.upper())]
                            self.assertEqual(
                                clash,
                                [],
                                "%s, %s.%s%d: %r starts with %s"
                                % (file, sheet_name, col(c), r + 1, text, clash),
                            )

    def test_share_is_a_fraction_of_one(self):
        """The co-work share is a plain number: 0.5 and 50% each give half, 50 (or 1.5) is
        refused with a message saying how to type it; never a percentage format in which 0.5
        typed becomes 0.5 % and 1.5 becomes 1.5 % (a row scoring 0.015 of its points)."""
        from com.sun.star.util import NumberFormat

        for file in TEMPLATE_FILES:
            doc = self.template(file)
            if not doc.NamedRanges.hasByName("cw_col_share"):
                continue
            rng = self.rng(doc, "cw_col_share")
            cell = rng.getCellByPosition(0, 0)
            fmt = doc.NumberFormats.getByKey(cell.NumberFormat)
            self.assertFalse(fmt.Type & NumberFormat.PERCENT, file)
            self.assertTrue(fmt.Type & NumberFormat.NUMBER, file)
            v = cell.Validation
            self.assertEqual(v.Type.value, "DECIMAL", file)
            self.assertEqual(v.Operator.value, "BETWEEN", file)
            self.assertEqual((float(v.getFormula1()), float(v.getFormula2())), (0.01, 1.0))
            self.assertTrue(v.ShowErrorMessage, file)
            self.assertEqual(v.ErrorAlertStyle.value, "STOP", file)
            self.assertIn("fraction of 1", v.ErrorMessage)
            self.assertIn("0.5 (or 50%)", v.ErrorMessage)
            self.assertIn("0.5", v.InputMessage)
            # the last row has the same
            self.assertEqual(
                rng.getCellByPosition(0, rng.Rows.Count - 1).Validation.getFormula2(),
                v.getFormula2(),
            )
        # typed as Calc reads input: 0.5 and 50% are half, shown as 0.5
        doc = self.open_template("swindon-children")
        self.fill(doc, [dict(name="R. Reid", cp="CP")])
        share = self.cell(doc, "cw_col_share", 0)
        for typed in ("0.5", "50%"):
            share.setFormula(typed)
            doc.calculateAll()
            self.assertEqual(share.getValue(), 0.5, typed)
            self.assertEqual(share.getString(), "0.5", typed)
            self.assertEqual(self.value(doc, "cw_col_points", 0), 8, typed)  # 16 x 0.5
            self.assertEqual(self.value(doc, "cw_col_check", 0), "OK", typed)
        share.setFormula("1")
        doc.calculateAll()
        self.assertEqual(share.getString(), "1")
        self.assertEqual(self.value(doc, "cw_col_points", 0), 16)

    def test_children_limit_is_the_engines(self):
        """The Children cells accept what CASEPOINTS accepts: 1 up to the engine's maximum,
        which the template builder asked the engine for."""
        probe = self.new_doc().Sheets.getByIndex(0)
        probe.getCellByPosition(0, 0).setFormula('=CASECHECK("SWINDON";"LAC";100)')
        probe.getCellByPosition(0, 1).setFormula('=CASECHECK("SWINDON";"LAC";101)')
        self.assertEqual(probe.getCellByPosition(0, 0).getString(), "OK")
        self.assertIn("between 1 and 100", probe.getCellByPosition(0, 1).getString())
        for file in TEMPLATE_FILES:
            doc = self.template(file)
            if not doc.NamedRanges.hasByName("cw_col_children") or file == "notts-team":
                continue
            v = self.cell(doc, "cw_col_children").Validation
            self.assertEqual(v.Type.value, "WHOLE", file)
            self.assertEqual((v.getFormula1(), v.getFormula2()), ("1", "100"), file)
            self.assertIn("1 to 100", v.ErrorMessage, file)
            self.assertIn("1 to 100", v.InputMessage, file)

    def test_empty_template_shows_no_band(self):
        """With no case rows, the band cells are empty (no amber "Below band" for 0)."""
        for file in TEMPLATE_FILES:
            doc = self.template(file)
            doc.calculateAll()
            for name in ("cw_band", "cw_cases_range"):
                if doc.NamedRanges.hasByName(name):
                    self.assertEqual(self.value(doc, name), "", "%s %s" % (file, name))
        doc = self.open_template("swindon-children")
        self.fill(doc, [dict(name="A. Child", lac="LAC")])
        self.assertTotals(doc, {"cw_band": "Below band"})

    def test_locality_codes_are_explained(self):
        for file in ("swindon-children", "swindon-leaving-care", "swindon-disabled-children"):
            doc = self.template(file)
            v = self.cell(doc, "cw_col_locality").Validation
            self.assertEqual(v.getFormula1(), '"EN";"S";"W"', file)
            self.assertTrue(v.ShowInputMessage, file)
            for words in ("EN East and North", "S South", "W West"):
                self.assertIn(words, v.InputMessage, file)

    def test_every_named_cell_is_inside_the_printed_page(self):
        """Header fields, totals and columns lie inside the print area (a field laid out past
        the table's last column would be neither printed nor seen beside it)."""
        for file in TEMPLATE_FILES:
            doc = self.template(file)
            sheets, printed = doc.Sheets, {}  # {sheet index: (name, print areas)}
            for name in doc.NamedRanges.ElementNames:
                if not name.startswith("cw_"):
                    continue
                a = self.address(doc, name)
                if a.Sheet not in printed:
                    sheet = sheets.getByIndex(a.Sheet)
                    printed[a.Sheet] = sheet.Name, sheet.getPrintAreas()
                sheet_name, areas = printed[a.Sheet]
                self.assertTrue(areas, "%s %s: no print area" % (file, sheet_name))
                self.assertTrue(
                    any(
                        p.StartColumn <= a.StartColumn and a.EndColumn <= p.EndColumn for p in areas
                    ),
                    "%s %s is outside the printed page" % (file, name),
                )

    def test_sheets_are_protected_and_inputs_unlocked(self):
        """Labels, formulas and the Codes sheet are protected (without a password); the
        header fields, the table's entry columns and the extra blocks' inputs are not."""
        for file in TEMPLATE_FILES:
            doc = self.open_template(file)
            sheets = doc.Sheets
            # per sheet index: its name, format groups, formula and text ranges
            names, groups_of, formulas, texts = {}, {}, {}, {}
            for k in range(sheets.Count):
                sheet = sheets.getByIndex(k)
                names[k] = sheet.Name
                where = "%s, %s" % (file, sheet.Name)
                self.assertTrue(sheet.isProtected(), where)
                sheet.unprotect("")  # no password
                self.assertFalse(sheet.isProtected(), where)
                sheet.protect("")
                groups_of[k] = groups = self.format_groups(sheet)
                for group in groups:
                    ranges = group.ranges
                    locked = group.get("CellProtection").IsLocked
                    typed = group.get("Validation").Type.value != "ANY"
                    if typed:  # a drop-down or a number: an input
                        self.assertFalse(locked, "%s %s" % (where, ranges.RangeAddressesAsString))
                    if not locked:  # an input: empty in the template
                        self.assertNotEqual(sheet.Name, "Codes", where)
                        self.assertEqual(
                            ranges.queryContentCells(1023 - 8 - 32 - 64 - 512).RangeAddresses,
                            (),
                            where,
                        )
                # every formula is locked
                formulas[k] = sheet.queryContentCells(16).RangeAddresses  # FORMULA
                texts[k] = sheet.queryContentCells(4).RangeAddresses  # STRING
                for ra in formulas[k]:
                    # cells all of locked groups read as locked (a range of mixed protection
                    # reads as the default, locked): only another range needs its own read
                    if all(g.get("CellProtection").IsLocked for g in groups if g.meets(ra)):
                        continue
                    rng = sheet.getCellRangeByPosition(
                        ra.StartColumn, ra.StartRow, ra.EndColumn, ra.EndRow
                    )
                    self.assertTrue(
                        rng.CellProtection.IsLocked, "%s %s" % (where, rng.AbsoluteName)
                    )
            # every header field and every entry column is an input
            # (the sheet's formula and text ranges met, rather than a query of each range)
            for n in doc.NamedRanges.ElementNames:
                if n == CONTRACT:
                    continue  # a text, not cells
                a = self.address(doc, n)
                if names[a.Sheet] == "Codes" or n == "cw_why":
                    continue
                if any(_overlap(ra, a) for ra in formulas[a.Sheet]):
                    continue  # a formula column or total
                if any(_overlap(ra, a) for ra in texts[a.Sheet]):
                    continue  # labels the template writes (a calibration sheet's vignettes)
                first = n.startswith("cw_atm_")  # the name typed in
                if first:
                    a.EndColumn, a.EndRow = a.StartColumn, a.StartRow
                if n in ("cw_history_by_month",):
                    continue
                # cells of one protection read as it; others need the range's own read
                kinds = {
                    _protection(g.get("CellProtection")) for g in groups_of[a.Sheet] if g.meets(a)
                }
                if len(kinds) == 1:
                    locked = kinds.pop()[0]
                else:
                    cells = self.rng(doc, n)
                    if first:
                        cells = cells.getCellByPosition(0, 0)
                    locked = cells.CellProtection.IsLocked
                self.assertFalse(locked, "%s %s" % (file, n))

    @staticmethod
    def optimal_widths(scratch, texts):
        """{(text, cell style): width} of each text alone in a column of the scratch sheet in
        that style, unwrapped, as Calc's optimal column width makes it: one text at a time in
        the first column, the only one in it (the same cell and column objects throughout: an
        object per text would take most of the time of the test)."""
        widths = {}
        columns = scratch.Columns
        cell, column = scratch.getCellByPosition(0, 0), columns.getByIndex(0)
        style = None
        for text, s in sorted(texts, key=lambda key: (key[1], key[0])):
            if not text:
                # an empty column keeps its width: measured in a column never written
                empty = columns.getByIndex(1)
                empty.OptimalWidth = True
                widths[text, s] = empty.Width
                continue
            if s != style:
                cell.CellStyle = style = s
                cell.IsTextWrapped = False  # after the style, which would replace it
            cell.setString(text)  # as text, never a number
            column.OptimalWidth = True
            widths[text, s] = column.Width
        scratch.clearContents(1023)
        return widths

    def test_every_word_fits_its_cell(self):
        """At 100 % zoom nothing is cut: every word of a wrapped heading or label fits its
        column (Calc would break a longer word inside: "Childre n"), a label that cannot spill
        over fits whole, band cells fit the longest band label and code cells the longest
        code of their list. Widths are measured by Calc's own optimal width of each text in
        the cell's style, on a scratch sheet."""
        for file in TEMPLATE_FILES:
            doc = self.open_template(file)
            doc.Sheets.insertNewByName("scratch", doc.Sheets.Count)
            scratch = doc.Sheets.getByName("scratch")
            fits = []  # (text, style, width it has, message): measured together below

            sheets, formats = doc.Sheets, NumberFormats(doc)
            for k in range(sheets.Count - 1):
                sheet = sheets.getByIndex(k)
                sheet_name = sheet.Name
                cols = sheet.Columns
                groups = self.format_groups(sheet)  # a cell's style and wrapping: its group's
                lists, cells = self.input_lists(doc, groups)
                view = SheetText(doc, sheet, groups, formats)
                col_width = {}
                # one cursor, moved from cell to cell (a range and a cursor per cell would
                # cost two calls that return new objects)
                cur = sheet.createCursor()
                cur.collapseToSize(1, 1)
                at = [0, 0]  # where the cursor starts

                def span(c, r):
                    cur.collapseToSize(1, 1)
                    cur.gotoOffset(c - at[0], r - at[1])
                    cur.collapseToMergedArea()
                    a = cur.RangeAddress
                    at[:] = a.StartColumn, a.StartRow
                    for i in range(c, a.EndColumn + 1):
                        if i not in col_width:
                            col_width[i] = cols.getByIndex(i).Width
                    return a.EndColumn, sum(col_width[i] for i in range(c, a.EndColumn + 1))

                for c, r in cells_of(sheet.queryContentCells(4).RangeAddresses):  # STRING
                    group = view.group[c, r]
                    text = view.shown(c, r)
                    c1, have = span(c, r)
                    if group.get("IsTextWrapped"):
                        parts = text.split()
                    elif c1 > c or view.shown(c1 + 1, r):
                        parts = text.split("\n")
                    else:
                        continue  # spills over empty neighbours
                    style = group.get("CellStyle")
                    for p in parts:
                        fits.append(
                            (
                                p,
                                style,
                                have,
                                "%s, %s.%s%d: %r of %r"
                                % (file, sheet_name, col(c), r + 1, p, text),
                            )
                        )
                # drop-down cells: every code whole on a line (a combination may wrap)
                for c, entries in lists.items():
                    r = min(rr for cc, rr in cells if cc == c)
                    group = cells[c, r]
                    _, have = span(c, r)
                    style = group.get("CellStyle")
                    for e in entries:
                        parts = e.replace(";", "; ").split() if group.get("IsTextWrapped") else [e]
                        for p in parts:
                            fits.append(
                                (
                                    p,
                                    style,
                                    have,
                                    "%s, %s column %s: %s" % (file, sheet_name, col(c), p),
                                )
                            )
            # band cells: the longest label of the scheme's bands
            labels = [
                "Below sustainable",
                "Within capacity",
                "Over capacity",
                "Within band",
                "Above band",
                "Below band",
                "Above range",
                "Within range",
                "Below range",
            ]
            points = range(0, 600, 5)
            for n in doc.NamedRanges.ElementNames:
                if n not in ("cw_band", "cw_cases_range", "cw_col_band", "cw_col_h_band"):
                    continue
                cell = self.rng(doc, n).getCellByPosition(0, 0)
                have = cell.Spreadsheet.Columns.getByIndex(cell.CellAddress.Column).Width
                scheme = doc.DocumentProperties.Subject.split(": ")[-1]
                # every band WORKLOADBAND gives from 0 to 595 points, one probe cell each
                probes = scratch.getCellRangeByPosition(5, 5, 5, 5 + len(points) - 1)
                probes.setFormulaArray(
                    tuple(('=WORKLOADBAND("%s";%d)' % (scheme, pts),) for pts in points)
                )
                doc.calculateAll()
                shown = {
                    v if isinstance(v, str) else probes.getCellByPosition(0, i).getString()
                    for i, (v,) in enumerate(probes.getDataArray())
                }
                shown |= {x for x in labels if x in cell.getFormula()}
                scratch.clearContents(1023)
                style = cell.CellStyle
                for lab in shown:
                    fits.append((lab, style, have, "%s %s: %s" % (file, n, lab)))
            widths = self.optimal_widths(scratch, {(text, style) for text, style, _, _ in fits})
            for text, style, have, message in fits:
                self.assertLessEqual(widths[text, style], have + 10, message)
            # the table's rows grow with a Check sentence or a wrapped combination of codes
            for n in ("cw_col_check",):
                if doc.NamedRanges.hasByName(n):
                    rng = self.rng(doc, n)
                    self.assertTrue(rng.getCellByPosition(0, 0).IsTextWrapped, file)
                    self.assertTrue(rng.Rows.OptimalHeight, file)

    def test_values_only_copy_of_a_protected_sheet(self):
        """caseweight-share writes values over the formulas of its copy: the protected
        template's sheets do not stop it."""
        doc = self.open_template("swindon-children")
        self.fill(doc, [dict(name="A. Child", lac="LAC", court="COURT")])
        doc.calculateAll()
        src = os.path.join(self.tmp, "protected.ods")
        store(doc, self.office.doc_path("protected.ods"), "calc8")
        shutil.copyfile(self.office.doc_path("protected.ods"), src)
        out = os.path.join(self.tmp, "protected-values.ods")
        oxt = os.environ.get("CASEWEIGHT_OXT") or os.path.join(
            SOURCE_DIR, "build", "caseweight.oxt"
        )
        tool = os.path.join(SOURCE_DIR, "tools", "caseweight-share")
        run = subprocess.run(
            ["/usr/bin/python3", tool, src, out, "--oxt", oxt],
            capture_output=True,
            text=True,
            env=self.tool_env(),
        )
        self.assertEqual(run.returncode, 0, run.stderr)
        copy = self.load(self.office.copy_in(out))
        sheet = copy.Sheets.getByName("Weighting sheet")
        points = self.rng(doc, "cw_col_points").getCellByPosition(0, 0).CellAddress
        cell = sheet.getCellByPosition(points.Column, points.Row)
        self.assertEqual(cell.getFormula(), "21")  # 10 + 6 + 5: a value, not a formula


def _codes_at(doc, source):
    m = re.match(r"^\$?'?Codes'?\.\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$", source)
    return [
        c
        for (c,) in doc.Sheets.getByName("Codes")
        .getCellRangeByName("%s%s:%s%s" % m.groups())
        .getDataArray()
    ]


if __name__ == "__main__":
    unittest.main()
