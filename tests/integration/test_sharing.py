"""What a colleague without the extension sees, and the values-only copy made for them.

Found in real LibreOffice (and asserted below):
- ODS opened without the extension: every add-in cell with a number, and every total using
  one, shows #NAME? at once; texts (CASECHECK, WORKLOADBAND) keep their saved result until
  recalculated, and what was typed stays as it was.
- XLSX opened without the extension: the saved values show until a recalculation, then #NAME?.
- XLS (Excel 97-2003) cannot store add-in functions: saved and reopened, even with the
  extension, every caseweight cell shows #MACRO? once recalculated.
- The values-only copy (Tools > Add-Ons > Save Values-Only Copy for Sharing..., or
  tools/caseweight-share) opens with the same numbers, texts and error texts everywhere, and
  a first sheet saying it is a values-only copy.
"""

import os
import subprocess
import sys
import unittest

from common import (
    ERR_ILLEGAL_ARGUMENT,
    ERR_NAME,
    OXT,
    SOURCE_DIR,
    Office,
    cell_result,
    set_formulas,
    store,
)

FORMULAS = [
    '=CASEPOINTS("SWINDON";"CP";4)',  # A1 54
    '=CASEPOINTS("SWINDON";"LAC;COMPLEX";2)',  # A2 40
    '=CASEPOINTS("SWINDON";"CIN;COMPLEX")',  # A3 Err:502
    "=SUM(A1:A2)",  # A4 94
    '=WORKLOADBAND("SWINDON";A4)',  # A5 Below band
    "=SUM(A1:A3)",  # A6 Err:502: a total over a bad row
    '=CASECHECK("SWINDON";"CIN;COMPLEX")',  # A7 the reason
]


def results(doc, n=len(FORMULAS), sheet=None):
    sh = doc.Sheets.getByName(sheet) if sheet else doc.Sheets.getByIndex(0)
    return [cell_result(sh.getCellByPosition(0, r)) for r in range(n)]


class Sharing(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(OXT):
            raise unittest.SkipTest("build the .oxt first")
        cls.files = {}
        office = Office(oxt=OXT)
        cls.addClassCleanup(office.close)
        office.start()
        doc = office.new_calc()
        try:
            doc.Sheets.getByIndex(0).Name = "Caseload"
            set_formulas(doc.Sheets.getByIndex(0), 0, FORMULAS)
            doc.calculateAll()
            cls.original = results(doc)
            for ext, filt in (
                (".ods", "calc8"),
                (".xlsx", "Calc Office Open XML"),
                (".xls", "MS Excel 97"),
            ):
                path = office.doc_path("sheet" + ext)
                store(doc, path, filt)
                cls.files[ext] = path
        finally:
            doc.close(True)
        # .xls cannot hold add-in functions: reopened even with the extension, they are gone.
        xls = office.load(cls.files[".xls"])
        try:
            cls.xls_with_extension = results(xls)
            xls.calculateAll()
            cls.xls_recalculated = [
                xls.Sheets.getByIndex(0).getCellByPosition(0, r).getString()
                for r in range(len(FORMULAS))
            ]
        finally:
            xls.close(True)
        office.stop()
        # The copy for sharing, made by the command a manager runs (same code as the menu).
        for ext in (".ods", ".xlsx"):
            out = os.path.join(office.dir, "shared" + ext)
            subprocess.run(
                [
                    sys.executable,
                    os.path.join(SOURCE_DIR, "tools", "caseweight-share"),
                    cls.files[".ods"],
                    out,
                    "--oxt",
                    OXT,
                ],
                check=True,
                timeout=300,
            )
            cls.files["shared" + ext] = out
        cls.colleague = Office()  # no extension
        cls.addClassCleanup(cls.colleague.close)
        cls.colleague.start()

    def open(self, key):
        doc = self.colleague.load(self.colleague.copy_in(self.files[key]))
        self.addCleanup(doc.close, True)
        return doc

    def test_original_values(self):
        self.assertEqual(
            self.original[:6],
            [
                ("value", 54),
                ("value", 40),
                ("error", ERR_ILLEGAL_ARGUMENT),
                ("value", 94),
                ("text", "Below band"),
                ("error", ERR_ILLEGAL_ARGUMENT),
            ],
        )
        self.assertIn("COMPLEX only to LAC or CP", self.original[6][1])

    def test_ods_without_extension_shows_name_errors(self):
        got = results(self.open(".ods"))
        self.assertEqual(got[0], ("error", ERR_NAME))
        self.assertEqual(got[1], ("error", ERR_NAME))
        self.assertEqual(got[3], ("error", ERR_NAME), "a SUM of add-in cells is unreadable too")

    def test_ods_without_extension_keeps_texts_and_typed_cells(self):
        got = results(self.open(".ods"))
        self.assertEqual(got[4], ("text", "Below band"), "a text result keeps its saved value")
        self.assertEqual(got[6], self.original[6])

    def test_xls_loses_the_functions_even_with_the_extension(self):
        add_in_rows = [0, 1, 2, 4, 6]
        for r in add_in_rows:
            self.assertEqual(self.xls_recalculated[r], "#MACRO?", FORMULAS[r])

    def test_xlsx_without_extension_shows_cached_values_until_recalculated(self):
        doc = self.open(".xlsx")
        got = results(doc)
        self.assertEqual(got[0], ("value", 54))
        self.assertEqual(got[1], ("value", 40))
        doc.calculateAll()
        self.assertEqual(results(doc)[0], ("error", ERR_NAME))

    def test_values_only_copy_reads_the_same_without_extension(self):
        for key in ("shared.ods", "shared.xlsx"):
            doc = self.open(key)
            doc.calculateAll()  # nothing left to recalculate: the copy holds no add-in formula
            self.assertEqual(doc.Sheets.getByIndex(0).Name, "About this copy", key)
            note = doc.Sheets.getByIndex(0).getCellByPosition(0, 1).getString()
            self.assertIn("fixed values, not live formulas", note)
            sh = doc.Sheets.getByName("Caseload")
            cells = [sh.getCellByPosition(0, r) for r in range(len(FORMULAS))]
            for c in cells:
                self.assertEqual(c.getError(), 0, key)
                self.assertFalse(c.getFormula().startswith("="), key + ": no formula is left")
            self.assertEqual([c.getValue() for c in cells[:2]], [54, 40], key)
            self.assertEqual(cells[2].getString(), "Err:502", "the error is kept, as text")
            self.assertEqual(cells[3].getValue(), 94)
            self.assertEqual(cells[4].getString(), "Below band")
            self.assertEqual(cells[5].getString(), "Err:502", "the broken total stays broken")
            self.assertEqual(cells[6].getString(), self.original[6][1])


if __name__ == "__main__":
    unittest.main()
