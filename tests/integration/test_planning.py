"""Capacity, allocation, team view and caseload policies in real headless Calc."""

import unittest

from common import (
    ERR_ILLEGAL_ARGUMENT,
    E,
    OfficeTestCase,
    T,
    V,
    case_failures,
    column_results,
    set_formulas,
)

# Expected values worked out by hand from the README's "Capacity, allocation and the team
# view" and docs/schemes.md, "Caseload policies".
CASES = [
    ('=AVAILABLEPOINTS("SWINDON")', V(350)),
    ('=AVAILABLEPOINTS("SWINDON";"NQSW";18.5)', V(150)),
    ('=AVAILABLEPOINTS("NOTTS";;37;7.4)', V(76)),
    ('=AVAILABLEPOINTS("WARRINGTON";"ASYE";30;;40)', V(67.5)),
    ('=AVAILABLEPOINTS("SWINDON";;40)', E),
    ('=AVAILABLEPOINTS("SWINDON";;20;25)', E),
    ('=CAPACITYUSED("NOTTS";19;;18.5;3.7)', V(0.5)),
    ('=CAPACITYUSED("SWINDON";350)', V(1)),
    ('=CAPACITYUSED("SWINDON";-1)', E),
    ('=HEADROOM("SWINDON";300)', V(50)),
    ('=HEADROOM("SWINDON";360)', V(-10)),
    ('=HEADROOM("SWINDON";"lots")', E),
    ('=ALLOCATEPOINTS("SWINDON";300;;"CP";4)', V(354)),
    ('=ALLOCATEPOINTS("WARRINGTON";55;;"CP";2)', V(61 + 15 + 6)),
    ('=WORKLOADBAND("SWINDON";ALLOCATEPOINTS("SWINDON";300;;"CP";4))', T("Above band")),
    ('=ALLOCATEPOINTS("SWINDON";300;;"CP;LAC")', E),
    ('=CASELOADBAND("WALSALL-EXPERIENCED";15)', T("Within range")),
    ('=CASELOADBAND("WALSALL-EXPERIENCED";16)', T("Above range")),
    ('=CASELOADBAND("RBWM-NQSW";7)', T("Below range")),
    ('=CASELOADBAND("DONCASTER-2022";9;0.5)', T("Within range")),
    ('=CASELOADBAND("KENT";9)', E),
    ('=CASELOADLIMIT("BARNSLEY")', V(18)),
    ('=CASELOADLIMIT("WEST-SUSSEX-CPA";0.5)', V(47.5)),
    ('=ROWS(CASELOADPOLICIES("WALSALL"))', V(2)),
    ('=INDEX(CASELOADPOLICIES("RBWM");3)', T("RBWM-EXPERIENCED")),
    ('=CASELOADBAND("RBWM-NQSW";7;;DATE(2027;4;1))', T("Below range")),
    ('=CASELOADLIMIT("RBWM-NQSW";0.5;SCHEMEAT("RBWM";DATE(2027;4;1)))', V(5)),
    ('=CASELOADLIMIT("RBWM-NQSW@2027-04-01")', V(10)),
    ('=CASELOADLIMIT("RBWM-NQSW";0.5;;"lower")', V(4)),
    ('=CASELOADLIMIT("RBWM-NQSW";;;"middle")', E),
    ('=CASELOADLIMIT("RBWM-NQSW";;0)', E),
    # Barnsley cabinet report: 21.7 per FTE -> 18 needs 14.47 more FTE (team of 70.4 FTE).
    ("=ROUND(STAFFNEEDED(21.7*70.4;18;70.4);2)", V(14.47)),
    ("=ROUND(STAFFNEEDED(21.7*70.4;18;70.4);0)*41839", V(585746)),
    ("=ROUND(STAFFCOST(21.7*70.4;18;70.4;41839);0)", V(round(14.47111 * 41839))),
    ("=STAFFNEEDED(100;0;5)", E),
]


class PlanningInCalc(OfficeTestCase):
    def test_functions(self):
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        # Costs in pounds: within 50p; everything else exact. No case reads a cell: column B
        # is free for the error codes.
        failures = case_failures(
            doc,
            sheet,
            CASES,
            lambda got, want: abs(got - want) < 0.5 if want > 1000 else abs(got - want) < 1e-9,
            spare_column=1,
        )
        self.assertEqual(failures, [], "\n".join(failures))

    def test_team_sheet_with_reductions_and_groups(self):
        doc = self.new_doc()
        sh = doc.Sheets.getByIndex(0)
        # A team table: worker, ATM, grade, FTE, total.
        rows = [
            ("Asha", "ATM Ann", "EXPERIENCED", 1, 336),
            ("Ben", "ATM Bob", "NQSW", 1, 223),
            ("", "", "", "", ""),  # a blank line in the table
            ("Chloe", "ATM Ann", "HIGHER-SPECIALIST", 0.8, 345),
        ]
        # A1:E4 in one call: a text is typed as text, a number as a value, "" leaves the cell
        # empty.
        sh.getCellRangeByPosition(0, 0, 4, len(rows) - 1).setDataArray(
            tuple(tuple(v if isinstance(v, str) else float(v) for v in row) for row in rows)
        )
        formulas = [
            '=TEAMAVERAGE("SWINDON";E1:E4;C1:C4;D1:D4)',
            '=TEAMABOVEBAND("SWINDON";E1:E4;C1:C4;D1:D4)',
            '=TEAMCAPACITY("SWINDON";E1:E4;C1:C4;D1:D4)',
            '=TEAMSPREAD("SWINDON";E1:E4;C1:C4;D1:D4)',
            '=TEAMAVERAGE("SWINDON";E1:E4;C1:C4;D1:D4;B1:B4;"ATM Ann")',
            '=TEAMABOVEBAND("SWINDON";E1:E4;C1:C4;D1:D4;B1:B4;"ATM Bob")',
            '=TEAMAVERAGE("SWINDON";E1:E4;C1:C3;D1:D4)',
            # Reductions table: 7.4 h from 1 Jan to 31 Mar 2026, 3 h open-ended.
            "=REDUCTIONHOURS(H1:H2;I1:I2;J1:J2;DATE(2026;2;1))",
            '=CAPACITYUSED("NOTTS";60;;37;REDUCTIONHOURS(H1:H2;I1:I2;J1:J2;DATE(2026;2;1)))',
            "=REDUCTIONHOURS(H1:H2;I1:I2;J1:J2;DATE(2026;4;1))",
        ]
        sh.getCellRangeByPosition(7, 0, 7, 1).setDataArray(((7.4,), (3.0,)))
        sh.getCellRangeByPosition(8, 0, 9, 0).setFormulaArray(
            (("=DATE(2026;1;1)", "=DATE(2026;3;31)"),)
        )
        set_formulas(sh, 11, formulas, doc=doc)
        doc.calculateAll()
        # column M is empty and no formula reads it
        got = column_results(sh, 11, len(formulas), spare_column=12)
        self.assertAlmostEqual(got[0][1], (336 + 223 + 345) / 3)
        self.assertEqual(got[1], ("value", 1))
        self.assertAlmostEqual(got[2][1], (336 + 223 + 345) / (350 + 300 + 320))
        self.assertAlmostEqual(got[3][1], 345 / 320 - 223 / 300)
        self.assertAlmostEqual(got[4][1], (336 + 345) / 2)
        self.assertEqual(got[5], ("value", 0))
        self.assertEqual(got[6], ("error", ERR_ILLEGAL_ARGUMENT), "Grades of the wrong size")
        self.assertAlmostEqual(got[7][1], 10.4)
        self.assertAlmostEqual(got[8][1], 60 / (95 * (37 - 10.4) / 37))
        self.assertAlmostEqual(got[9][1], 3)


if __name__ == "__main__":
    unittest.main()
