"""caseweight.team without an office: the summary's month, the sentence of the message box,
what the worker table and the sheet "Worker sheets" get from a worker read."""

import datetime
import unittest

from caseweight import team


def worker(**kw):
    w = {
        "file": "ann.ods",
        "worker": "Ann Able",
        "version": "SWINDON as from 2014-01-01",
        "date": datetime.date(2026, 10, 30),
        "grade": "EXPERIENCED",
        "fte": 0.8,
        "total": 312.0,
        "band": "Within band",
        "capacity": 0.9,
        "headroom": 38.0,
        "errors": 0,
        "personal": None,
        "case_points": None,
    }
    w.update(kw)
    return w


class SummaryMonth(unittest.TestCase):
    def test_a_date(self):
        self.assertEqual(
            team.summary_month(46325.0),
            ("2026-10", "the month of the summary's As at date (10/2026)"),
        )

    def test_no_date_is_any_month(self):
        for v in (None, "30/10/2026", ("error", "Err:502"), 0.0):
            self.assertEqual(team.summary_month(v), (None, None))


class Message(unittest.TestCase):
    def test_all_placed(self):
        self.assertEqual(
            team.message(3, 9, 6, 3),
            "3 worker sheets counted from 9 files in the folder; 6 not read or not counted "
            "(see the sheet Could not read).",
        )

    def test_more_workers_than_rows(self):
        self.assertEqual(
            team.message(25, 26, 1, 20),
            "25 worker sheets counted from 26 files in the folder; 1 not read or not counted "
            "(see the sheet Could not read). The worker table holds 20 rows: the others are on "
            "the sheet Worker sheets.",
        )


class TableValues(unittest.TestCase):
    def test_the_worker_table(self):
        w = worker(personal=("error", "Err:502"), case_points=40.0, grade="")
        self.assertEqual(team.table_value(w, "worker"), "Ann Able")
        self.assertEqual(team.table_value(w, "fte"), 0.8)
        self.assertEqual(team.table_value(w, "date"), 46325.0)
        self.assertEqual(team.table_value(w, "case_points"), 40.0)
        self.assertIsNone(team.table_value(w, "personal"))  # an error is left out
        self.assertIsNone(team.table_value(w, "grade"))  # nothing typed over an empty cell
        self.assertIsNone(team.table_value(worker(date=None), "date"))
        self.assertIsNone(team.table_value(worker(band="Err:502"), "band"))

    def test_every_table_field_is_read(self):
        fields = set(worker())
        for key, field in team.TABLE:
            self.assertIn(field, fields, key)

    def test_worker_sheets_row(self):
        row = team.read_row(worker(headroom=None, band=("error", "#N/A")))
        self.assertEqual(dict(zip(team.READ_HEADERS, row))["As at"], 46325.0)
        self.assertEqual(
            row,
            [
                "ann.ods",
                "Ann Able",
                "SWINDON as from 2014-01-01",
                46325.0,
                "EXPERIENCED",
                0.8,
                312.0,
                "#N/A",
                0.9,
                "",
                0.0,
            ],
        )


class Why(unittest.TestCase):
    def test_one_line(self):
        self.assertEqual(team.why(ValueError("a\n  b")), "a b")
        self.assertEqual(team.why(ValueError()), "ValueError")


if __name__ == "__main__":
    unittest.main()
