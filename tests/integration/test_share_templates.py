"""The pseudonymised copy of a workbook made from each template the build makes: the cells
the template declares as names and free text (caseweight_contract) are replaced, and every
other text the template wrote (its labels, headings, the Codes sheet, the over-maximum
record, results) is kept verbatim, with `--pseudonymise` and with `--pseudonymise-workers`.
"""

import glob
import os
import shutil
import tempfile
import unittest

from common import SOURCE_DIR, OfficeTestCase, store
from caseweight.contract import CONTRACT
from caseweight.fods import cells_of
from test_over_maximum import AS_AT, CASES, DATE_KEY, DAY, serial
from test_share_pseudonymised import (
    DATETIME,
    FORMULA,
    STRING,
    VALUE,
    members,
    texts_as_is,
)

TEMPLATES = sorted(glob.glob(os.path.join(SOURCE_DIR, "build", "templates", "*.ots")))

FIRST = ["Zebedee", "Ottoline", "Barnaby", "Wilhelmina", "Peregrine", "Clementine", "Horatio"]
LAST = ["Quartermaine", "Fotheringay", "Blenkinsop", "Ravenscroft", "Tregothnan", "Abernethy"]
CELLS_PER_RANGE = 3  # of a declared column: enough to see each replaced, quick to run


def made_up_names():
    for last in LAST:
        for first in FIRST:
            yield "%s %s" % (first, last)


def contract(doc):
    """{"sheets": [...], "Case": [...], "Worker": [...], "Text": [...]} of caseweight_contract."""
    text = doc.NamedRanges.getByName(CONTRACT).getContent().strip('"')
    out = {}
    for part in text.split("|")[1:]:
        key, _, value = part.partition("=")
        out[key] = [v for v in value.split("/" if key == "sheets" else ",") if v]
    return out


def declared_cells(doc, decl):
    """{(sheet name, col, row): kind} of every declared cell."""
    cells = {}
    sheets = doc.Sheets.getElementNames()  # in index order: a name without a sheet object
    for kind in ("Case", "Worker", "Text"):
        for name in decl.get(kind, []):
            a = doc.NamedRanges.getByName(name).getReferredCells().RangeAddress
            sheet = sheets[a.Sheet]
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    cells[(sheet, c, r)] = kind
    return cells


def texts(doc, sheet_names):
    """{(sheet, col, row): what it shows} of every cell holding something."""
    out = {}
    formats = {}
    for name in sheet_names:
        sh = doc.Sheets.getByName(name)
        content = sh.queryContentCells(VALUE | DATETIME | STRING | FORMULA).RangeAddresses
        if not content:
            continue
        # the texts read at once, the rest cell by cell (texts_as_is)
        as_is = texts_as_is(doc, sh, formats)
        left = min(a.StartColumn for a in content)
        top = min(a.StartRow for a in content)
        right = max(a.EndColumn for a in content)
        bottom = max(a.EndRow for a in content)
        data = sh.getCellRangeByPosition(left, top, right, bottom).getDataArray() if as_is else ()
        for c, r in cells_of(content):
            if (c, r) in as_is:
                s = data[r - top][c - left]
            else:
                s = sh.getCellByPosition(c, r).getString()
            if s.strip():
                out[(name, c, r)] = s
    return out


class TemplateCopies(OfficeTestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not TEMPLATES:
            raise unittest.SkipTest("build the templates first")
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-share-templates-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)

    def share(self, src, out, option):
        r = self.tool("caseweight-share", option, src, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def fill(self, path):
        """Fills the declared cells of a new workbook from the template with made-up names;
        returns its file, {cell: text} of the template's other texts and {cell: (kind, name)}."""
        office = self.office
        doc = office.load(office.copy_in(path), AsTemplate=True)
        try:
            decl = contract(doc)
            self.assertTrue(decl["sheets"], "the template declares its sheets")
            self.assertTrue(decl.get("Case") or decl.get("Worker"), "and cells of names")
            cells = declared_cells(doc, decl)
            names = made_up_names()
            filled = {}
            per_range = {}
            sheets = {}
            for (sheet, c, r), kind in sorted(cells.items()):
                key = (sheet, c, kind)
                if per_range.get(key, 0) >= CELLS_PER_RANGE:
                    continue  # before making any object: a cursor per cell costs milliseconds
                if sheet not in sheets:
                    sheets[sheet] = doc.Sheets.getByName(sheet)
                sh = sheets[sheet]
                cell = sh.getCellByPosition(c, r)
                cur = sh.createCursorByRange(cell)
                cur.collapseToMergedArea()
                a = cur.RangeAddress
                if (a.StartColumn, a.StartRow) != (c, r):
                    continue  # inside a merged cell: its first cell holds the text
                per_range[key] = per_range.get(key, 0) + 1
                if sh.isProtected():
                    sh.unprotect("")
                name = next(names)
                cell.setString(name)
                filled[(sheet, c, r)] = (kind, name)
            self.record_above_the_maximum(doc, os.path.basename(path)[:-4], cells)
            labels = {k: v for k, v in texts(doc, decl["sheets"]).items() if k not in cells}
            saved = office.doc_path(os.path.basename(path)[:-4] + "-filled.ods")
            store(doc, saved, "calc8")
        finally:
            doc.close(True)
        src = os.path.join(self.tmp, os.path.basename(saved))
        shutil.copyfile(saved, src)
        return src, decl, labels, filled

    def record_above_the_maximum(self, doc, file, cells):
        """A worker template's rows scored and the worker made part-time, so that the sheet is
        above the maximum and its over-maximum record (reason and who was informed already
        filled in) says "Recorded": a result that must stay."""
        doc.calculateAll()
        if file not in CASES:
            return
        row, (key, part, _), _ = CASES[file]
        referred = {}

        def cell(name, r=0):
            if name not in referred:
                referred[name] = doc.NamedRanges.getByName(name).getReferredCells()
            return referred[name].getCellByPosition(0, r)

        for k, value in row.items():
            c = cell("cw_col_" + k)
            a = c.CellAddress
            if (c.Spreadsheet.Name, a.Column, a.Row) in cells:
                continue  # a name column, already filled
            for r in range(CELLS_PER_RANGE):
                cell("cw_col_" + k, r).setString(value)
        cell("cw_" + DATE_KEY.get(file, "as_at")).setValue(serial(AS_AT))
        cell("cw_" + key).setValue(part)
        cell("cw_over_date").setValue(serial(AS_AT - 3 * DAY))
        cell("cw_over_review").setValue(serial(AS_AT + 25 * DAY))
        doc.calculateAll()
        self.assertEqual(cell("cw_over_status").getString(), "Recorded", file)

    def test_labels_kept_and_names_replaced_on_every_template(self):
        for path in TEMPLATES:
            src, decl, labels, filled = self.fill(path)
            for option in ("--pseudonymise", "--pseudonymise-workers"):
                with self.subTest(os.path.basename(path), option=option):
                    out = self.share(src, src[:-4] + option + ".ods", option)
                    doc = self.load(self.office.copy_in(out))
                    got = texts(doc, decl["sheets"])
                    changed = {k: (v, got.get(k)) for k, v in labels.items() if got.get(k) != v}
                    self.assertEqual(changed, {}, "labels of the template changed")
                    workers = option == "--pseudonymise-workers"
                    gone = [n for kind, n in filled.values() if workers or kind != "Worker"]
                    kept = [n for kind, n in filled.values() if not workers and kind == "Worker"]
                    raw = b"".join(members(out).values())
                    left = [n for n in gone if n.encode() in raw]
                    self.assertEqual(left, [], "names left in the copy")
                    for (sheet, c, r), (kind, name) in filled.items():
                        # what texts() read, which is what the cell shows; a cell it left
                        # out (empty or blank) is read again
                        shown = got.get((sheet, c, r))
                        if shown is None:
                            shown = doc.Sheets.getByName(sheet).getCellByPosition(c, r).getString()
                        if name in kept:
                            self.assertEqual(shown, name)
                        else:
                            self.assertRegex(shown, r"^(Case|Worker|Text) \d\d$")
                            self.assertTrue(shown.startswith(kind), (name, shown, kind))


if __name__ == "__main__":
    unittest.main()
