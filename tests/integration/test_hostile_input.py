"""Inputs a careless or hostile user gives, in real headless Calc: empty single cells where an
argument may be left out, ranges over several rows, whole columns, non-finite numbers, and the
reason behind every refusal (CASEREASON)."""

import re
import time
import unittest

from common import (
    ERR_ILLEGAL_ARGUMENT,
    OfficeTestCase,
    error_of,
    range_results,
    readme_signatures,
    set_formulas,
    shown_of,
    shown_results,
)
import test_functions
import test_planning

# One valid call of each function, every argument given; the sweep empties one at a time.
FULL_CALLS = {
    "CASEPOINTS": ['"SWINDON"', '"CP"', "2", "0.5"],
    "CASECHECK": ['"SWINDON"', '"CP"', "2", "0.5"],
    "WORKERPOINTS": ['"NOTTS"', '"NQSW"', "4"],
    "WORKLOADPOINTS": ['"WARRINGTON"', "55", "20"],
    "WORKLOADBAND": ['"SWINDON"', "300", '"NQSW"', "0.5"],
    "WORKLOADCAPACITY": ['"SWINDON"', "300", '"NQSW"', "0.5"],
    "ITEMLABEL": ['"SWINDON"', '"CP"'],
    "SCHEMEITEMS": ['"SWINDON"', '"case"'],
    "AVAILABLEPOINTS": ['"SWINDON"', '"NQSW"', "30", "2", "37"],
    "CAPACITYUSED": ['"SWINDON"', "200", '"NQSW"', "30", "2", "37"],
    "HEADROOM": ['"SWINDON"', "200", '"NQSW"', "30", "2", "37"],
    "REDUCTIONHOURS": ["7.4", "DATE(2024;1;1)", "DATE(2024;12;31)", "DATE(2024;6;1)"],
    "ALLOCATEPOINTS": ['"WARRINGTON"', "55", "20", '"CIN"', "2", "0.5"],
    "TEAMAVERAGE": ['"SWINDON"', "{300;200}", '"NQSW"', "0.5", '{"A";"B"}', '"A"'],
    "TEAMSPREAD": ['"SWINDON"', "{300;200}", '"NQSW"', "0.5", '{"A";"B"}', '"A"'],
    "TEAMABOVEBAND": ['"SWINDON"', "{300;200}", '"NQSW"', "0.5", '{"A";"B"}', '"A"'],
    "TEAMCAPACITY": ['"SWINDON"', "{300;200}", '"NQSW"', "0.5", '{"A";"B"}', '"A"'],
    "CASELOADBAND": ['"RBWM-NQSW"', "10", "0.5", "DATE(2027;4;1)"],
    "CASELOADLIMIT": ['"RBWM-NQSW"', "0.5", "DATE(2027;4;1)", '"lower"'],
    "CASELOADPOLICIES": ['"RBWM"'],
    "STAFFNEEDED": ["100", "18", "2"],
    "STAFFCOST": ["100", "18", "2", "50000"],
    "COLUMNCHECK": ['"SWINDON"', '"lac"', "12", "2"],
    "COLUMNVALUES": ['"SWINDON"', '"lac"', "2"],
    "SHEETCOLUMNS": ['"SWINDON"'],
    "POINTSTEXT": ['"SWINDON"', '"CP"', '"short"'],
    "BANDTEXT": ['"SWINDON"', '"NQSW"'],
    "SCHEMETEXT": ['"SWINDON"', '"CP {short:CP}"'],
}


def optional_positions():
    """{function: set of argument positions shown in [brackets] in the README's heading}."""
    return {
        name: {i for i, a in enumerate(args) if a.startswith("[")}
        for name, args in readme_signatures()
    }


def call(name, args):
    while args and args[-1] == "":
        args = args[:-1]
    return "=%s(%s)" % (name, ";".join(args))


def reason_call(formula):
    """=F(a;b) -> =CASEREASON("F";a;b)"""
    name, rest = re.match(r"=([A-Z]+)\((.*)\)$", formula).groups()
    return '=CASEREASON("%s"%s)' % (name, (";" + rest) if rest else "")


class HostileInput(OfficeTestCase):
    def sheet(self):
        doc = self.new_doc()
        return doc, doc.Sheets.getByIndex(0)

    def results(self, doc, sheet, formulas, column=30, shown=None):
        """[(cell_result, the text the cell shows)] of formulas entered down column; what a
        cell that is not a text shows is read only in the rows `shown` when given."""
        set_formulas(sheet, column, formulas, doc=doc)
        doc.calculateAll()
        # The next column is empty and none of these formulas reads it.
        return shown_results(sheet, column, len(formulas), spare_column=column + 1, rows=shown)

    def test_examples_of_empty_single_cells(self):
        doc, sheet = self.sheet()
        sheet.getCellRangeByName("I1").setValue(7.4)
        sheet.getCellRangeByName("J2").setFormula("=DATE(2024;1;1)")
        cases = [
            ('=WORKLOADPOINTS("WARRINGTON";55;Z1)', ("value", 75)),
            ('=WORKLOADPOINTS("WARRINGTON";55;Z1:Z1)', ("value", 75)),
            ('=WORKLOADPOINTS("WARRINGTON";55)', ("value", 75)),
            ('=WORKLOADPOINTS("WARRINGTON";55;0)', ("value", 75)),
            ('=ALLOCATEPOINTS("WARRINGTON";55;Z1;"CIN")', ("value", 77)),
            ("=REDUCTIONHOURS(I1;J1;K1;DATE(2024;6;1))", ("value", 7.4)),
            ("=REDUCTIONHOURS(I1:I1;J1:J1;K1:K1;DATE(2024;6;1))", ("value", 7.4)),
            ("=REDUCTIONHOURS(I1;J2;K1;DATE(2024;6;1))", ("value", 7.4)),  # open-ended
            ("=REDUCTIONHOURS(I1:I3;J1:J3;K1:K3;Z1)", ("error", ERR_ILLEGAL_ARGUMENT)),
            ('=CASEREASON("REDUCTIONHOURS";I1:I3;J1:J3;K1:K3;Z1)', None),
        ]
        got = self.results(
            doc,
            sheet,
            [f for f, _ in cases],
            shown={i for i, (_, w) in enumerate(cases) if w is None},
        )
        for (formula, want), (result, shown) in zip(cases, got):
            if want is None:
                self.assertIn("AsAt", shown, formula)
                self.assertIn("empty", shown, formula)
            else:
                self.assertEqual(result[0], want[0], formula)
                self.assertAlmostEqual(result[1], want[1], msg=formula)

    def test_every_optional_argument_left_empty_means_left_out(self):
        """An empty single cell (Z1) where an argument may be left out gives what leaving it out
        gives, or a refusal whose reason says the cell is empty."""
        optional = optional_positions()
        self.assertEqual(set(FULL_CALLS) - set(optional), set(), "README headings of the functions")
        pairs = []
        for name, args in FULL_CALLS.items():
            for i in sorted(optional[name]):
                empty_cell = call(name, args[:i] + ["Z1"] + args[i + 1 :])
                left_out = call(name, args[:i] + [""] + args[i + 1 :])
                pairs.append((empty_cell, left_out))
        self.assertGreater(len(pairs), 40)
        doc, sheet = self.sheet()
        formulas = [f for pair in pairs for f in pair] + [reason_call(a) for a, _ in pairs]
        # what a pair's cell shows is read only where it is a text (said below)
        got = self.results(doc, sheet, formulas, shown=range(2 * len(pairs), len(formulas)))
        reasons = got[2 * len(pairs) :]
        failures = []
        for n, (empty_cell, left_out) in enumerate(pairs):
            a, b = got[2 * n], got[2 * n + 1]
            if a[0] == b[0]:
                continue
            said = a[1] if a[0][0] == "text" else reasons[n][1]
            refused = a[0] == ("error", ERR_ILLEGAL_ARGUMENT) or empty_cell.startswith("=CASECHECK")
            if not (refused and "empty" in said):
                failures.append(
                    "%s gives %r but %s gives %r (reason: %s)"
                    % (empty_cell, a[0], left_out, b[0], said)
                )
        self.assertEqual(failures, [], "\n".join(failures))

    def test_a_range_over_several_rows_is_never_one_case(self):
        doc, sheet = self.sheet()
        sheet.getCellRangeByName("A1").setString("CP")
        sheet.getCellRangeByName("A2").setString("LAC")
        sheet.getCellRangeByName("AA1:AA3").setArrayFormula('=CASEPOINTS("SWINDON";A1:A3)')
        sheet.getCellRangeByName("AB1:AB3").setArrayFormula('=CASECHECK("SWINDON";A1:A3)')
        sheet.getCellRangeByName("AC1").setFormula('=CASEPOINTS("SWINDON";A1:A3)')
        sheet.getCellRangeByName("AD1").setFormula('=ALLOCATEPOINTS("SWINDON";300;;A1:A3)')
        sheet.getCellRangeByName("AE1").setFormula('=CASEPOINTS("SWINDON";A1:C1)')  # one row
        doc.calculateAll()
        # AA1:AE3 read at once (AF is empty and no formula reads it); AC2:AE3 hold nothing.
        got = range_results(
            sheet,
            sheet.getCellRangeByName("AA1:AE3"),
            spare_column=31,
            skip={(r, c) for r in (1, 2) for c in (2, 3, 4)},
        )
        for r in range(3):
            self.assertEqual(error_of(got[r][0]), ERR_ILLEGAL_ARGUMENT)
            self.assertIn("one row", shown_of(sheet, got[r][1], 27, r))
        self.assertEqual(error_of(got[0][2]), ERR_ILLEGAL_ARGUMENT)
        self.assertEqual(error_of(got[0][3]), ERR_ILLEGAL_ARGUMENT)
        self.assertEqual(got[0][4], ("value", 16))

    def test_whole_columns_are_refused_with_a_reason_in_bounded_time(self):
        doc, sheet = self.sheet()
        # B1:C10: "CP" and 16 on each row, in one call
        sheet.getCellRangeByPosition(1, 0, 2, 9).setDataArray((("CP", 16.0),) * 10)
        formulas = [
            '=WORKLOADPOINTS("SWINDON";C:C)',
            '=CASEPOINTS("SWINDON";B:B)',
            '=CASECHECK("SWINDON";A:Z)',
            '=CASEREASON("WORKLOADPOINTS";"SWINDON";A:Z)',
            '=CASEREASON("TEAMAVERAGE";"SWINDON";A:B)',
        ]
        start = time.perf_counter()
        got = self.results(doc, sheet, formulas, column=1000)
        seconds = time.perf_counter() - start
        self.assertEqual(got[0][0], ("value", 160))
        self.assertEqual(got[1][0], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("one row", got[2][1])
        self.assertIn("whole columns", got[3][1])
        self.assertIn("Points covers 2097152 cells", got[4][1])
        # Not a timing assertion: a guard against a range being copied cell by cell forever.
        self.assertLess(seconds, 300)

    def test_columncheck_refuses_non_finite_numbers(self):
        doc, sheet = self.sheet()
        sheet.getCellRangeByName("A1").setValue(float("nan"))
        sheet.getCellRangeByName("A2").setValue(float("inf"))
        got = self.results(
            doc,
            sheet,
            [
                '=COLUMNCHECK("SWINDON";"lac";A1)',
                '=COLUMNCHECK("SWINDON";"lac";A2)',
                '=CASEPOINTS("SWINDON";"CP";A1)',
            ],
        )
        self.assertNotEqual(got[0][1], "OK")
        self.assertIn("finite", got[0][1])
        self.assertNotEqual(got[1][1], "OK")
        self.assertEqual(got[2][0], ("error", ERR_ILLEGAL_ARGUMENT))

    def test_every_refusal_has_a_reason(self):
        """CASEREASON of each case: OK for a result, a sentence for Err:502."""
        cases = [
            (f, want)
            for f, want in test_functions.CASES + test_planning.CASES
            if re.match(r"=([A-Z]+)\(.*\)$", f) and f[1 : f.index("(")] in FULL_CALLS
        ]
        self.assertGreater(len(cases), 100)
        doc, sheet = self.sheet()
        got = self.results(doc, sheet, [reason_call(f) for f, _ in cases])
        failures = []
        for (formula, want), (result, shown) in zip(cases, got):
            if want[0] == "error":
                ok = shown != "OK" and shown.endswith(".") and len(shown) > 15
            else:
                ok = shown == "OK"
            if not ok:
                failures.append("%s (%r): CASEREASON says %r" % (formula, want, shown))
        self.assertEqual(failures, [], "\n".join(failures))
        doc2, sheet2 = self.sheet()
        got = self.results(
            doc2,
            sheet2,
            [
                '=CASEREASON("WORKLOADBAND";"SWINDON";300;"BOSS")',
                '=CASEREASON("COLUMNVALUES";"NOTTS";"other-children")',
                '=COLUMNVALUES("NOTTS";"other-children")',
                '=CASEREASON("NOSUCH";1)',
                '=CASEREASON("CASELOADLIMIT";"RBWM-NQSW";1;DATE(2027;4;1);"lower";3)',
                '=CASEREASON("CASELOADLIMIT";"RBWM-NQSW";1;DATE(2027;4;1);3)',
            ],
        )
        self.assertEqual(
            got[0][1],
            '"BOSS" is not a SWINDON grade; use NQSW, EXPERIENCED or ' "HIGHER-SPECIALIST.",
        )
        self.assertIn("2 or more", got[1][1])
        self.assertEqual(got[2][0], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("not a caseweight function", got[3][1])
        self.assertIn("takes 4 arguments", got[4][1])
        self.assertEqual(got[5][1], 'The limit must be "lower" or "upper" (left out: upper).')


if __name__ == "__main__":
    unittest.main()
