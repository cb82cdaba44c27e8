"""COLUMNCHECK and friends in real Calc, as used on an existing hand-made sheet."""

import unittest

from common import ERR_ILLEGAL_ARGUMENT, OfficeTestCase, column_results, set_formulas


class SheetChecksInCalc(OfficeTestCase):
    def test_typed_numbers_of_a_manual_swindon_row(self):
        doc = self.new_doc()
        sh = doc.Sheets.getByIndex(0)
        # A hand-made Swindon row: basic 10, LAC 7 (wrong: 6 or 10), travel 5 (wrong), task 15.
        # A1:F1 in one call ("" leaves C1 empty)
        sh.getCellRangeByPosition(0, 0, 5, 0).setDataArray(
            ((10.0, 7.0, "", 5.0, 15.0, "TO BE CLOSED"),)
        )
        formulas = [
            '=COLUMNCHECK("SWINDON";"basic";A1)',
            '=COLUMNCHECK("SWINDON";"lac";B1)',
            '=COLUMNCHECK("SWINDON";"cp";C1)',
            '=COLUMNCHECK("SWINDON";"travel";D1)',
            '=COLUMNCHECK("SWINDON";"task";E1)',
            '=COLUMNCHECK("SWINDON";"court";F1)',
            '=COLUMNCHECK("SWINDON";"nonsense";A1)',
            '=SUM(COLUMNVALUES("SWINDON";"lac";2))',
            '=ROWS(SHEETCOLUMNS("RBWM"))',
            '=COLUMNCHECK("NOTTS";"other-children";6;4)',
        ]
        set_formulas(sh, 7, formulas, doc=doc)
        doc.calculateAll()
        got = column_results(sh, 7, len(formulas))
        self.assertEqual(got[0], ("text", "OK"))
        self.assertIn("holds 6 or 10 for 1 child; 7 is not one of them", got[1][1])
        self.assertEqual(got[2], ("text", "OK"), "an empty cell scores nothing")
        self.assertIn("4, 6 or 10", got[3][1])
        self.assertEqual(got[4], ("text", "OK"))
        self.assertIn('not the text "TO BE CLOSED"', got[5][1])
        self.assertEqual(got[6], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(got[7], ("value", 12 + 16 + 20))
        self.assertEqual(got[8], ("value", 11))
        self.assertEqual(got[9], ("text", "OK"))


if __name__ == "__main__":
    unittest.main()
