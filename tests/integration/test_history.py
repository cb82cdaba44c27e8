"""The Swindon team summary's monthly history: one row per worker per month, a table by month
and a chart, with the team functions, in real headless Calc."""

import os
import unittest

from common import (
    SOURCE_DIR,
    OfficeTestCase,
    calculation_off,
    cell_result,
    range_results,
    store,
)

TEMPLATES = os.path.join(
    os.path.dirname(
        os.environ.get("CASEWEIGHT_OXT") or os.path.join(SOURCE_DIR, "build", "caseweight.oxt")
    ),
    "templates",
)


def type_down(cells, values):
    """Types values down cells (a one-column range) from its top, a text as setString and a
    number as setValue would; "" leaves a cell as it is. One call for each run of values: a
    call per cell costs a millisecond (with automatic calculation off: see
    calculation_off)."""
    row = 0
    while row < len(values):
        if values[row] == "":
            row += 1
            continue
        end = row
        while end + 1 < len(values) and values[end + 1] != "":
            end += 1
        cells.getCellRangeByPosition(0, row, 0, end).setDataArray(
            tuple((v if isinstance(v, str) else float(v),) for v in values[row : end + 1])
        )
        row = end + 1


class MonthlyHistory(OfficeTestCase):
    def open_template(self, name="swindon-team-summary"):
        path = os.path.join(TEMPLATES, name + ".ots")
        if not os.path.exists(path):
            self.skipTest("build the templates first: " + path)
        from caseweight.office import props

        doc = self.office.desktop.loadComponentFromURL(
            "file://" + self.office.copy_in(path), "_blank", 0, props(Hidden=True, AsTemplate=True)
        )
        self.addCleanup(doc.close, True)
        return doc

    def test_history_by_month(self):
        doc = self.open_template()
        names = doc.NamedRanges

        def column(key):
            return names.getByName("cw_col_" + key).ReferredCells

        # Three workers over three months (dates as Calc serial numbers: 1 Jan, 1 Feb, 1 Mar
        # 2026); one part-timer; Ben's February total is above his NQSW band (300).
        jan, feb, mar = 46023, 46054, 46082
        rows = [
            (feb, "Asha", "", "", 340),
            (jan, "Asha", "", "", 336),
            (jan, "Ben", "NQSW", "", 223),
            (feb, "Ben", "NQSW", "", 310),
            (jan, "Chloe", "HIGHER-SPECIALIST", 0.8, 345),
            (feb, "Chloe", "HIGHER-SPECIALIST", 0.8, 300),
            (mar, "Asha", "", "", 350),
        ]
        cols = [column(k) for k in ("h_month", "h_worker", "h_grade", "h_fte", "h_total")]
        with calculation_off(doc):
            for k, c in enumerate(cols):
                type_down(c, [row[k] for row in rows])
        doc.calculateAll()
        table = names.getByName("cw_history_by_month").ReferredCells
        # rows 2 to 5 of the table's first seven columns, read at once
        got = range_results(None, table.getCellRangeByPosition(0, 1, 6, 4))
        # Month order, workers, team total, average, above band, team capacity, top of band.
        self.assertEqual(got[0][0], ("value", jan))
        self.assertEqual(got[0][1:3], [("value", 3), ("value", 336 + 223 + 345)])
        self.assertAlmostEqual(got[0][3][1], (336 + 223 + 345) / 3)
        self.assertEqual(got[0][4], ("value", 1))  # Chloe: 345 > 320 at 0.8
        self.assertAlmostEqual(got[0][5][1], (336 + 223 + 345) / (350 + 300 + 320))
        self.assertEqual(got[0][6], ("value", 350))
        self.assertEqual(got[1][0], ("value", feb))
        self.assertEqual(got[1][2], ("value", 340 + 310 + 300))
        self.assertEqual(got[1][4], ("value", 1))  # Ben: 310 > 300
        self.assertEqual(got[2][0], ("value", mar))
        self.assertEqual(got[2][1], ("value", 1))
        self.assertAlmostEqual(got[2][5][1], 1.0)
        self.assertEqual(got[3][0], ("text", ""), "no fourth month")
        # The chart over the table.
        sheet = doc.Sheets.getByName("Monthly history")
        self.assertTrue(sheet.getCharts().hasByName("cw_history_chart"))
        # Team summary lines using the team functions.
        summary = doc.Sheets.getByName("Team summary")
        self.assertTrue(summary is not None)
        # Saved and reopened: still live.
        path = self.office.doc_path("history.ods")
        store(doc, path, "calc8")
        again = self.office.load(path)
        self.addCleanup(again.close, True)
        again.calculateAll()
        t2 = again.NamedRanges.getByName("cw_history_by_month").ReferredCells
        self.assertEqual(cell_result(t2.getCellByPosition(2, 2)), ("value", 950))

    def test_notts_team_history(self):
        doc = self.open_template("notts-team")
        names = doc.NamedRanges

        def column(key):
            return names.getByName("cw_col_" + key).ReferredCells

        # NOTTS bands ignore the grade; capacity is 95 x FTE. March: 80 (full time) and 60 at
        # 0.6 (above its 57); April: 100 (Demanding, above the top of Sustainable).
        mar, apr = 46082, 46113
        rows = [(mar, "AB", "", 80), (mar, "CD", 0.6, 60), (apr, "AB", "", 100)]
        with calculation_off(doc):
            for k, key in enumerate(("h_month", "h_worker", "h_fte", "h_total")):
                type_down(column(key), [r[k] for r in rows])
        doc.calculateAll()
        self.assertEqual(column("h_band").getCellByPosition(0, 1).getString(), "Demanding")
        table = names.getByName("cw_history_by_month").ReferredCells
        # rows 2 and 3 of the table's first seven columns, read at once
        row, april = range_results(None, table.getCellRangeByPosition(0, 1, 6, 2))
        self.assertEqual(row[:3], [("value", mar), ("value", 2), ("value", 140)])
        self.assertEqual(row[4], ("value", 1))
        self.assertAlmostEqual(row[5][1], 140 / (95 + 95 * 0.6))
        self.assertEqual(row[6], ("value", 95))
        self.assertEqual(april[4], ("value", 1))
        self.assertTrue(
            doc.Sheets.getByName("Monthly history").getCharts().hasByName("cw_history_chart")
        )

    def test_team_capacity_and_spread_lines(self):
        doc = self.open_template()
        names = doc.NamedRanges
        total = names.getByName("cw_col_total").ReferredCells
        grade = names.getByName("cw_col_grade").ReferredCells
        for i, (g, t) in enumerate([("", 336), ("NQSW", 223)]):
            if g:
                grade.getCellByPosition(0, i).setString(g)
            total.getCellByPosition(0, i).setValue(t)
        doc.calculateAll()
        cap = names.getByName("cw_team_capacity").ReferredCells.getCellByPosition(0, 0)
        spread = names.getByName("cw_spread").ReferredCells.getCellByPosition(0, 0)
        self.assertAlmostEqual(cap.getValue(), (336 + 223) / (350 + 300))
        self.assertAlmostEqual(spread.getValue(), 336 / 350 - 223 / 300)


if __name__ == "__main__":
    unittest.main()
