"""caseweight.schemes' pure parts beyond test_schemes: numbers and points in words, every
scheme's bands at full time as the README ("Functions", WORKLOADBAND) states them, and how an
amendment changes a version's data."""

import datetime
import unittest

from caseweight import schemes

AT = datetime.date(2026, 12, 3)


def version(name):
    return schemes.load(name).version_at(AT)


class NumberText(unittest.TestCase):
    def test_number_text(self):
        self.assertEqual(schemes.number_text(6), "6")
        self.assertEqual(schemes.number_text(6.0), "6")
        self.assertEqual(schemes.number_text(7.5), "7.5")
        self.assertEqual(schemes.number_text(0.5), "0.5")
        self.assertEqual(schemes.number_text(0), "0")
        self.assertEqual(schemes.number_text(22.2), "22.2")


class Bands(unittest.TestCase):
    def test_swindon(self):
        v = version("SWINDON")
        # NQSW: up to 300, no lower bound
        self.assertEqual(
            v.band_limits("NQSW"), [("Within band", 0, 300), ("Above band", 300, None)]
        )
        self.assertEqual(
            v.band_limits("HIGHER-SPECIALIST"),
            [("Below band", 0, 350), ("Within band", 350, 400), ("Above band", 400, None)],
        )
        self.assertEqual(v.band_limits(), v.band_limits("EXPERIENCED"))
        # BASIC is a grade of the file, but one without a band
        self.assertNotIn("BASIC", v.grade_names())

    def test_rbwm(self):
        v = version("RBWM")
        self.assertEqual(v.grade_names(), ["NQSW", "EXPERIENCED", "SENIOR"])
        self.assertEqual(
            v.band_limits("NQSW"),
            [("Below band", 0, 220), ("Within band", 220, 250), ("Above band", 250, None)],
        )
        self.assertEqual(v.within("SENIOR"), (350, 400))
        with self.assertRaises(KeyError):
            v.grade("HIGHER-SPECIALIST")

    def test_notts_ignores_the_grade(self):
        v = version("NOTTS")
        expected = [
            ("Below sustainable", 0, 75),
            ("Sustainable", 75, 95),
            ("Demanding", 95, 110),
            ("High", 110, None),
        ]
        self.assertEqual(v.band_limits(), expected)
        self.assertEqual(v.band_limits("ANYTHING"), expected)

    def test_warrington_capacity(self):
        v = version("WARRINGTON")
        self.assertEqual(v.default_grade, "PRACTITIONER")
        self.assertEqual(v.band_labels(), ["Within capacity", "Over capacity"])
        for grade, capacity in (("PRACTITIONER", 100), ("ASYE", 90), ("STUDENT", 60)):
            self.assertEqual(
                v.band_limits(grade),
                [("Within capacity", 0, capacity), ("Over capacity", capacity, None)],
            )


class Amend(unittest.TestCase):
    BASE = {
        "name": "X",
        "default_grade": "SW",
        "item": [{"code": "A", "points": 6, "label": "Case A"}],
        "grade": [{"name": "SW", "lower": 10, "upper": 20}],
        "bands": {"below": "Below", "within": "Within"},
    }

    def test_keyed_lists_change_entry_by_entry(self):
        out = schemes._amend(
            self.BASE,
            {
                "from": datetime.date(2027, 1, 1),
                "note": "n",
                "item": [{"code": "A", "points": 8}, {"code": "B", "points": 2, "label": "B"}],
                "grade": [{"name": "SW", "upper": 25}],
            },
        )
        self.assertEqual(
            out["item"],
            [
                {"code": "A", "points": 8, "label": "Case A"},
                {"code": "B", "points": 2, "label": "B"},
            ],
        )
        self.assertEqual(out["grade"], [{"name": "SW", "lower": 10, "upper": 25}])
        # the amendment's date and note are no fields of the version
        self.assertNotIn("from", out)
        self.assertNotIn("note", out)
        # the data amended is left as it was
        self.assertEqual(self.BASE["item"], [{"code": "A", "points": 6, "label": "Case A"}])
        self.assertEqual(self.BASE["grade"], [{"name": "SW", "lower": 10, "upper": 20}])

    def test_tables_change_field_by_field_and_other_keys_are_replaced(self):
        out = schemes._amend(
            self.BASE,
            {"bands": {"within": "In band"}, "default_grade": "SSW", "worker": {"stable": 15}},
        )
        self.assertEqual(out["bands"], {"below": "Below", "within": "In band"})
        self.assertEqual(out["default_grade"], "SSW")
        self.assertEqual(out["worker"], {"stable": 15})
        self.assertEqual(self.BASE["bands"], {"below": "Below", "within": "Within"})


class Dates(unittest.TestCase):
    def test_date(self):
        d = datetime.date(2026, 4, 1)
        self.assertEqual(schemes._date(d, "f"), d)
        self.assertEqual(schemes._date(datetime.datetime(2026, 4, 1, 9, 30), "f"), d)
        for bad in ("2026-04-01", None, 20260401):
            with self.assertRaises(schemes.SchemeError):
                schemes._date(bad, "f")

    def test_version_at_accepts_text_and_datetime(self):
        s = schemes.load("SWINDON")
        self.assertIs(s.version_at("2026-12-03"), s.version_at(AT))
        self.assertIs(s.version_at(datetime.datetime(2026, 12, 3, 23, 59)), s.version_at(AT))

    def test_the_scheme_answers_for_todays_version(self):
        s = schemes.load("swindon")
        self.assertEqual(s.name, "SWINDON")
        self.assertEqual(s.default_grade, s.version_at().default_grade)
        self.assertEqual(s.points("CP"), s.version_at().points("CP"))
        with self.assertRaises(AttributeError):
            s._nothing


if __name__ == "__main__":
    unittest.main()
