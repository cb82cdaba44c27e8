"""caseweight.schemes: the built-in scheme files, dated versions from amendments and from
`amends` files, and the accessors the templates and the audit use. No office needed."""

import datetime
import os
import shutil
import tempfile
import textwrap
import tomllib
import unittest

from caseweight import schemes


def names_in_folder():
    """The scheme names the files in schemes/ declare, read here without the package."""
    out = []
    for f in sorted(os.listdir(schemes.BUILT_IN_DIR)):
        if f.endswith(".toml"):
            with open(os.path.join(schemes.BUILT_IN_DIR, f), "rb") as fh:
                data = tomllib.load(fh)
            if "name" in data:
                out.append(data["name"])
    return out


BUILT_IN = names_in_folder()


class BuiltIn(unittest.TestCase):
    def test_every_built_in_scheme_loads_by_name_alias_and_file(self):
        self.assertEqual(sorted(s.name for s in schemes.built_in()), sorted(BUILT_IN))
        self.assertEqual(schemes.load("windsor and maidenhead").name, "RBWM")
        self.assertEqual(schemes.load("Nottinghamshire").name, "NOTTS")
        self.assertEqual(schemes.of_file("swindon").name, "SWINDON")
        path = os.path.join(schemes.BUILT_IN_DIR, "warrington.toml")
        self.assertEqual(schemes.load(path).name, "WARRINGTON")
        with self.assertRaises(schemes.SchemeError):
            schemes.load("NOWHERE")

    def test_items_labels_points(self):
        v = schemes.load("SWINDON").version_at(datetime.date(2020, 1, 1))
        self.assertEqual(v.points("CP"), 6)
        self.assertEqual(v.item("CP")["basic_cap"], 30)
        self.assertTrue(v.label("CP").startswith("Child protection plan"))
        self.assertEqual(v.codes(column="travel"), ["TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"])
        notts = schemes.load("NOTTS").version_at()
        self.assertEqual(notts.points("PQ"), 7.5)
        with self.assertRaises(KeyError):
            v.item("NOT-A-CODE")

    def test_grades_and_bands(self):
        v = schemes.load("SWINDON").version_at()
        self.assertEqual(v.grade_names(), ["NQSW", "EXPERIENCED", "HIGHER-SPECIALIST"])
        self.assertEqual(v.default_grade, "EXPERIENCED")
        self.assertEqual(v.within("NQSW"), (None, 300))
        self.assertEqual(
            v.band_limits(),
            [("Below band", 0, 330), ("Within band", 330, 350), ("Above band", 350, None)],
        )
        notts = schemes.load("NOTTS").version_at()
        self.assertEqual(notts.grade_names(), [])
        self.assertEqual(
            notts.band_labels(), ["Below sustainable", "Sustainable", "Demanding", "High"]
        )
        self.assertEqual(notts.band_limits()[2], ("Demanding", 95, 110))
        self.assertEqual(schemes.load("WARRINGTON").version_at().workload["one_point_per"], 10)

    def test_columns_and_rules(self):
        v = schemes.load("RBWM").version_at()
        self.assertEqual(v.column("cic")["plus"], "COMPLEX")
        self.assertEqual(
            v.rule("only-with", code="COMPLEX")["with"],
            ["CIC", "CARE-LEAVER", "FOSTER-CARER", "CP"],
        )
        self.assertIsNone(v.rule("only-with", code="NOTHING"))

    def test_one_version_and_its_texts(self):
        s = schemes.load("RBWM")
        self.assertEqual(len(s.versions), 1)
        v = s.version_at(datetime.date(1999, 1, 1))  # the first version scores earlier dates
        self.assertIs(v, s.first)
        self.assertEqual(v.spec, "RBWM@2014-01-01")
        self.assertEqual(
            v.describe(),
            "RBWM as from 2014-01-01 (RBWM caseload weighting scheme, Appendix 1 and 2)",
        )


AMENDED = """
name = "TESTSHIRE"
article = "a"
source = "Testshire scheme"
from = 2014-01-01
default_grade = "SW"

[[grade]]
name = "SW"
lower = 10
upper = 20

[bands]
below = "Below"
within = "Within"
above = [{ label = "Above" }]

[[item]]
code = "A"
group = "case"
points = 6
per = "child"
label = "Case A"

[[item]]
code = "M"
group = "modifier"
points = 4
label = "Modifier M"

[[amendment]]
from = 2026-04-01
note = "A up"

[[amendment.item]]
code = "A"
points = 8

[[amendment.item]]
code = "N"
group = "modifier"
points = 2
label = "New modifier N"
"""

AMENDS = """
amends = "TESTSHIRE"

[[amendment]]
from = 2027-04-01
note = "bands and M"

[[amendment.grade]]
name = "SW"
upper = 25

[[amendment.item]]
code = "M"
points = 5
"""


class Amendments(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="caseweight-schemes-test-")
        self.addCleanup(shutil.rmtree, self.dir)
        with open(os.path.join(self.dir, "testshire.toml"), "w") as f:
            f.write(textwrap.dedent(AMENDED))
        with open(os.path.join(self.dir, "testshire-2027.toml"), "w") as f:
            f.write(textwrap.dedent(AMENDS))

    def test_dated_versions(self):
        s = schemes.load("TESTSHIRE", self.dir)
        self.assertEqual(
            [v.spec for v in s.versions],
            ["TESTSHIRE@2014-01-01", "TESTSHIRE@2026-04-01", "TESTSHIRE@2027-04-01"],
        )
        first = s.version_at("2026-03-31")
        second = s.version_at(datetime.date(2026, 4, 1))
        third = s.version_at(datetime.date(2030, 1, 1))
        self.assertEqual((first.points("A"), second.points("A"), third.points("A")), (6, 8, 8))
        self.assertEqual(first.codes(), ["A", "M"])
        self.assertEqual(second.codes(), ["A", "M", "N"])
        self.assertEqual(second.label("A"), "Case A")  # unchanged fields stay
        self.assertEqual((second.points("M"), third.points("M")), (4, 5))
        self.assertEqual((second.within("SW"), third.within("SW")), ((10, 20), (10, 25)))
        self.assertEqual(third.note, "bands and M")

    def test_an_amends_file_loads_its_scheme(self):
        s = schemes.load(os.path.join(self.dir, "testshire-2027.toml"))
        self.assertEqual(s.name, "TESTSHIRE")
        self.assertEqual(len(s.versions), 3)

    def test_an_amendment_must_come_after_the_version_it_amends(self):
        with open(os.path.join(self.dir, "testshire-old.toml"), "w") as f:
            f.write('amends = "TESTSHIRE"\n[[amendment]]\nfrom = 2014-01-01\n')
        with self.assertRaises(schemes.SchemeError):
            schemes.load("TESTSHIRE", self.dir)

    def test_a_broken_file_is_a_scheme_error(self):
        path = os.path.join(self.dir, "broken.toml")
        with open(path, "w") as f:
            f.write("name = \n")
        with self.assertRaises(schemes.SchemeError):
            schemes.load(path)


if __name__ == "__main__":
    unittest.main()
