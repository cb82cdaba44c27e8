"""caseweight.rollup without an office: month arithmetic, the Teams sheet's formulas and the
progress lines (the reading it shares with the team refresh: test_worker_sheet.py)."""

import datetime
import io
import unittest

from caseweight import audit, rollup


class Months(unittest.TestCase):
    def test_month_end(self):
        self.assertEqual(rollup.month_end("2026-12"), datetime.date(2026, 12, 31))
        self.assertEqual(rollup.month_end("2026-11"), datetime.date(2026, 11, 30))
        self.assertEqual(rollup.month_end("2026-02"), datetime.date(2026, 2, 28))
        self.assertEqual(rollup.month_end("2028-02"), datetime.date(2028, 2, 29))
        self.assertEqual(rollup.month_end("2100-02"), datetime.date(2100, 2, 28))
        self.assertEqual(rollup.month_end("2000-02"), datetime.date(2000, 2, 29))

    def test_previous_month(self):
        self.assertEqual(rollup.previous_month("2026-12"), "2026-11")
        self.assertEqual(rollup.previous_month("2026-10"), "2026-09")
        self.assertEqual(rollup.previous_month("2026-01"), "2025-12")
        self.assertEqual(rollup.previous_month("2000-01"), "1999-12")


class TeamFormulas(unittest.TestCase):
    def column(self, header):
        """The Workers sheet's column letter of a header."""
        return audit.col_name(rollup.WORKER_HEADERS.index(header))

    def test_the_workers_columns_the_formulas_read(self):
        self.assertEqual(
            [self.column(h) for h in ("Worker", "Grade", "FTE", "Total", "Rows in error")],
            ["C", "G", "H", "I", "M"],
        )

    def test_team_formulas(self):
        ranges = "Workers.$I$2:$I$9;Workers.$G$2:$G$9;Workers.$H$2:$H$9"
        self.assertEqual(
            rollup.team_formulas("$D2", (2, 9)),
            [
                "=COUNTA(Workers.$C$2:$C$9)",
                "=SUM(Workers.$I$2:$I$9)",
                "=TEAMAVERAGE($D2;%s)" % ranges,
                "=TEAMCAPACITY($D2;%s)" % ranges,
                "=TEAMABOVEBAND($D2;%s)" % ranges,
                "=TEAMSPREAD($D2;%s)" % ranges,
                "=SUM(Workers.$M$2:$M$9)",
            ],
        )

    def test_team_formulas_of_one_worker(self):
        f = rollup.team_formulas("$C5", (12, 12))
        self.assertEqual(f[0], "=COUNTA(Workers.$C$12:$C$12)")
        self.assertEqual(
            f[2], "=TEAMAVERAGE($C5;Workers.$I$12:$I$12;Workers.$G$12:$G$12;Workers.$H$12:$H$12)"
        )
        self.assertEqual(len(f), 7)


class ProgressLines(unittest.TestCase):
    def test_progress_to_a_file(self):
        out = io.StringIO()
        p = rollup.Progress(40, out)
        for done in range(1, 41):
            p.update(done, done * 2)
        lines = out.getvalue().splitlines()
        # every 2 files (a twentieth of 40) and the last
        self.assertEqual(len(lines), 20)
        self.assertEqual(lines[0], "scored 2/40 files (4 worker sheets)")
        self.assertEqual(lines[-1], "scored 40/40 files (80 worker sheets)")


if __name__ == "__main__":
    unittest.main()
