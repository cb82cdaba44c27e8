"""The pseudonymised values-only copy (`caseweight-share --pseudonymise[-workers]`, Tools >
Add-Ons > Save Pseudonymised Copy for Sharing...): no name and no free text of the original is
left anywhere in the written file (every member of the .ods or .xlsx package), while the
scores, totals, bands and codes are those of the original.

The workbook is made from a shipped template, filled with known names in the cells the template
marks as names, a free-text note, a comment, document properties, a header and footer, a sheet
named after the worker and a hidden sheet; the sample team workbook (no template) is shared too.
"""

import os
import re
import shutil
import tempfile
import unittest
import zipfile

import uno  # noqa: F401 - makes the com.sun.star modules importable
from com.sun.star.table import CellAddress

from common import SOURCE_DIR, OfficeTestCase
from caseweight.fods import cells_of
from worker_files import save_from_template

TEMPLATE = os.path.join(SOURCE_DIR, "build", "templates", "swindon-children.ots")
SAMPLE = os.path.join(SOURCE_DIR, "samples", "swindon-team.fods")

WORKER = "Ada Lovelace"
MANAGER = "Jane Manager"
CHILD = "Tommy Atkins"
FAMILY = "Smith-Jones"
NOTE = "moved to Leeds after the hearing"
HIDDEN = "Grace Hopper"
TRACKED = "Mary Seacole"
CHILDREN_NAMES = [CHILD, FAMILY, NOTE, HIDDEN, TRACKED, "Kitty Fisher"]
NAMES = CHILDREN_NAMES + [WORKER, MANAGER]

# The names in the sample workbook (samples/make_sample.py).
SAMPLE_WORKERS = ["Asha Patel", "Ben Carter", "Chloe Evans", "Dan Okafor"]
SAMPLE_CASES = ["Smith children", "J. Jones", "Taylor twins", "Parenting group", "Z. Zed"]
SAMPLE_CASES += ["Vaughan family", "R. Reid (co-worked)", "Children's Team East"]


def members(path):
    """{member name: bytes} of every member of a zip package."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def xml_text(data):
    """The member as text with XML character references and entities resolved, so that a name
    written as &#39; or &amp; still matches."""
    text = data.decode("utf-8", errors="replace")
    text = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)
    text = re.sub(r"&#x([0-9a-fA-F]+);", lambda m: chr(int(m.group(1), 16)), text)
    for ent, ch in (("&apos;", "'"), ("&quot;", '"'), ("&lt;", "<"), ("&gt;", ">")):
        text = text.replace(ent, ch)
    return text.replace("&amp;", "&")


# com.sun.star.sheet.CellFlags, and FormulaResult.STRING
VALUE, DATETIME, STRING, FORMULA = 1, 2, 4, 16
FORMULA_STRING = 2


def _text_as_is(doc, ranges, formats):
    """Whether the cells of ranges (SheetCellRanges, not empty) show a text unchanged: they
    share one number format that is "@" or has no text section ("@" with literals around it,
    the only part of a format that adds to a text). formats: {key: answer} of the document."""
    if ranges.getPropertyState("NumberFormat").value == "AMBIGUOUS_VALUE":
        return False
    key = ranges.NumberFormat
    if key not in formats:
        code = doc.NumberFormats.getByKey(key).FormatString
        formats[key] = code == "@" or "@" not in code
    return formats[key]


def texts_as_is(doc, rng, formats=None):
    """{(col, row)} on the sheet of the texts of rng (a sheet or a cell range), constants and
    formulas' results, that show as they are (see _text_as_is): getDataArray gives each such
    text as getString shows it, in one call for the range where a cell object costs a
    millisecond. Numbers, dates and errors are shown through their format or as "Err:502":
    read those cell by cell."""
    formats = {} if formats is None else formats
    out = set()
    areas = None
    for ranges in (rng.queryContentCells(STRING), rng.queryFormulaCells(FORMULA_STRING)):
        addresses = ranges.RangeAddresses
        if not addresses:
            continue
        if _text_as_is(doc, ranges, formats):
            out.update(cells_of(addresses))
            continue
        if areas is None:  # texts under more than one format: the ranges of one format each
            areas = []
            unique = rng.getUniqueCellFormatRanges()
            for i in range(unique.Count):
                one = unique.getByIndex(i)
                if _text_as_is(doc, one, formats):
                    areas.extend(one.RangeAddresses)
        for c, r in cells_of(addresses):
            if any(
                a.StartColumn <= c <= a.EndColumn and a.StartRow <= r <= a.EndRow for a in areas
            ):
                out.add((c, r))
    return out


def strings(rng, doc):
    """What each cell of a range (of doc) shows, row by row."""
    a = rng.RangeAddress
    width, height = a.EndColumn - a.StartColumn + 1, a.EndRow - a.StartRow + 1
    if width * height <= 4:  # fewer calls cell by cell
        return [
            [rng.getCellByPosition(x, y).getString() for x in range(width)] for y in range(height)
        ]
    data = rng.getDataArray()
    as_is = texts_as_is(doc, rng)
    out = [[""] * width for _ in range(height)]  # an empty cell shows nothing
    for c, r in cells_of(rng.queryContentCells(VALUE | DATETIME | STRING | FORMULA).RangeAddresses):
        x, y = c - a.StartColumn, r - a.StartRow
        out[y][x] = data[y][x] if (c, r) in as_is else rng.getCellByPosition(x, y).getString()
    return out


class PseudonymisedCopy(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(TEMPLATE):
            raise unittest.SkipTest("build the templates first: " + TEMPLATE)
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-pseudonymise-test-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        office = cls.office
        # the file itself named after the worker
        cls.source = os.path.join(cls.tmp, "%s caseload.ods" % WORKER)
        save_from_template(office, TEMPLATE, cls.source, cls.fill)
        doc = office.load(office.copy_in(cls.source))
        try:
            doc.calculateAll()
            cls.original = cls.results(doc)
        finally:
            doc.close(True)

    @classmethod
    def fill(cls, doc):
        names = doc.NamedRanges
        sh = doc.Sheets.getByName("Weighting sheet")

        def cell(name, row=0):
            a = names.getByName(name).getReferredCells().getCellByPosition(0, row)
            return a

        if sh.isProtected():
            sh.unprotect("")
        cell("cw_worker").setString(WORKER)
        cell("cw_supervisor").setString(MANAGER)
        cell("cw_team").setString("Children's Team East")
        cell("cw_grade").setString("EXPERIENCED")
        cell("cw_col_name", 0).setString(CHILD)
        cell("cw_col_name", 1).setString(FAMILY)
        cell("cw_col_name", 2).setString(CHILD)  # the same child twice: the same reference
        cell("cw_col_name", 3).setString(TRACKED)
        cell("cw_col_children", 1).setValue(3)
        cell("cw_col_basic", 0).setString("CP")
        cell("cw_col_basic", 1).setString("CIN")
        cell("cw_col_basic", 2).setString("LAC")
        cell("cw_col_basic", 3).setString("CP")
        # a free-text note beside the table, in a cell no template marks
        note_cell = names.getByName("cw_col_name").getReferredCells()
        addr = note_cell.getCellByPosition(0, 0).CellAddress
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        free = sh.getCellByPosition(used.RangeAddress.EndColumn + 2, addr.Row)
        free.setString(NOTE)
        # a comment
        where = CellAddress()
        where.Sheet, where.Column, where.Row = 0, addr.Column, addr.Row
        sh.Annotations.insertNew(where, "Spoke to Kitty Fisher about %s" % CHILD)
        # header and footer of the sheet's page style
        ps = doc.StyleFamilies.getByName("PageStyles").getByName(sh.PageStyle)
        ps.HeaderIsOn = True
        header = ps.RightPageHeaderContent
        header.CenterText.setString("Caseload of %s" % WORKER)
        ps.RightPageHeaderContent = header
        footer = ps.RightPageFooterContent
        footer.LeftText.setString("Prepared by %s" % MANAGER)
        ps.RightPageFooterContent = footer
        # a sheet named after the worker, and a hidden sheet with a name
        doc.Sheets.insertNewByName(WORKER, 1)
        named = doc.Sheets.getByName(WORKER)
        named.getCellByPosition(0, 0).setString(CHILD)
        named.getCellByPosition(1, 0).setValue(7)
        doc.Sheets.insertNewByName("Private", 2)
        hidden = doc.Sheets.getByName("Private")
        hidden.getCellByPosition(0, 0).setString(HIDDEN)
        hidden.IsVisible = False
        names.addNewByName("secret_list", "$Private.$A$1", CellAddress(), 0)
        # document properties
        p = doc.DocumentProperties
        p.Title = "Caseload of %s" % WORKER
        p.Subject = "Supervision of %s" % WORKER
        p.Author = MANAGER
        p.ModifiedBy = MANAGER
        p.Keywords = (CHILD, FAMILY)
        p.Description = "Notes on %s: %s" % (CHILD, NOTE)
        p.getUserDefinedProperties().addProperty("Reviewer", 0, MANAGER)
        # a recorded change: the old content is kept in the file
        doc.RecordChanges = True
        cell("cw_col_name", 3).setString(FAMILY)
        doc.calculateAll()

    @classmethod
    def results(cls, doc):
        """What must be the same in the copy: points, checks, codes, totals and bands."""
        out = {}
        names = doc.NamedRanges
        for n in names.getElementNames():
            if not n.startswith("cw_") or n in ("cw_col_name",):
                continue
            if n in ("cw_worker", "cw_supervisor", "cw_team"):
                continue
            rng = names.getByName(n).getReferredCells()
            if rng is None:
                continue
            out[n] = strings(rng, doc)
        return out

    def share(self, src, out, *options):
        r = self.tool("caseweight-share", *options, src, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("pseudonymised", r.stdout)
        return out

    def assert_absent(self, path, names):
        found = []
        for member, data in members(path).items():
            if member.lower().endswith((".png", ".jpeg", ".jpg", ".emf", ".wmf", ".svg")):
                self.assertNotRegex(member.lower(), "thumbnail", "no thumbnail is kept")
                continue
            text = xml_text(data).lower()
            for name in names:
                if name.lower() in text:
                    found.append((member, name))
        self.assertEqual(found, [], "names left in %s" % os.path.basename(path))

    def open_copy(self, path):
        return self.load(self.office.copy_in(path))

    def test_ods_and_xlsx_keep_no_name_and_the_same_scores(self):
        for ext in (".ods", ".xlsx"):
            with self.subTest(ext):
                out = self.share(
                    self.source, os.path.join(self.tmp, "all" + ext), "--pseudonymise-workers"
                )
                self.assert_absent(out, NAMES + ["Children's Team East"])
                doc = self.open_copy(out)
                self.assertEqual(self.results(doc), self.original)
                sheets = list(doc.Sheets.getElementNames())
                self.assertEqual(sheets[0], "About this copy")
                self.assertIn("Weighting sheet", sheets)
                self.assertIn("Worker 01", sheets, "the sheet named after the worker")
                self.assertNotIn("Private", sheets, "the hidden sheet")
                sh = doc.Sheets.getByName("Weighting sheet")
                col = doc.NamedRanges.getByName("cw_col_name").getReferredCells()
                got = [col.getCellByPosition(0, r).getString() for r in range(4)]
                self.assertEqual(got, ["Case 01", "Case 02", "Case 01", "Case 02"])
                worker = doc.NamedRanges.getByName("cw_worker").getReferredCells()
                self.assertEqual(worker.getCellByPosition(0, 0).getString(), "Worker 01")
                self.assertEqual(
                    doc.Sheets.getByName("Worker 01").getCellByPosition(0, 0).getString(),
                    "Case 01",
                )
                self.assertEqual(sh.Annotations.getCount(), 0)
                self.assertEqual(doc.DocumentProperties.Author, "")
                note = doc.Sheets.getByName("About this copy")
                about = " ".join(note.getCellByPosition(0, r).getString() for r in range(10))
                self.assertIn("Pseudonymised", about)
                self.assertIn("Removed", about)
                if ext == ".ods":
                    names = members(out)
                    self.assertFalse([n for n in names if n.startswith("Thumbnails")])
                    self.assertNotIn(b"Thumbnails", names["META-INF/manifest.xml"])
                    self.assertNotIn(b"tracked-changes", names["content.xml"])

    def test_workers_names_stay_unless_asked(self):
        out = self.share(self.source, os.path.join(self.tmp, "cases.ods"), "--pseudonymise")
        self.assert_absent(out, CHILDREN_NAMES)
        doc = self.open_copy(out)
        worker = doc.NamedRanges.getByName("cw_worker").getReferredCells()
        self.assertEqual(worker.getCellByPosition(0, 0).getString(), WORKER)
        self.assertEqual(self.results(doc), self.original)

    def test_sample_workbook_without_template(self):
        office = self.office
        doc = office.load(office.copy_in(SAMPLE))
        try:
            doc.calculateAll()
            team = doc.Sheets.getByName("Team")
            want = strings(team.getCellRangeByName("B4:G7"), doc)
        finally:
            doc.close(True)
        for ext in (".ods", ".xlsx"):
            with self.subTest(ext):
                out = self.share(
                    SAMPLE, os.path.join(self.tmp, "sample" + ext), "--pseudonymise-workers"
                )
                self.assert_absent(out, SAMPLE_WORKERS + SAMPLE_CASES)
                copy = self.open_copy(out)
                team = copy.Sheets.getByName("Team")
                self.assertEqual(strings(team.getCellRangeByName("B4:G7"), copy), want)
                workers = [team.getCellByPosition(0, r).getString() for r in range(3, 7)]
                self.assertEqual(len(set(workers)), 4)
                for w in workers:
                    self.assertIn(w, copy.Sheets.getElementNames(), "sheet renamed alike")

    def test_plain_copy_still_keeps_the_names(self):
        out = os.path.join(self.tmp, "plain.ods")
        r = self.tool("caseweight-share", self.source, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = xml_text(members(out)["content.xml"])
        self.assertIn(CHILD, text)
        self.assertNotIn("pseudonymised", r.stdout)


if __name__ == "__main__":
    unittest.main()
