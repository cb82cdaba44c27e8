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


POLICIES = """
full_time_hours = 36

[[policy]]
code = "TEST-CIN"
label = "Children in need"
lower = 14
upper = 18
source = "Testshire caseload policy"

[[amendment]]
from = 2027-01-01
note = "lower range"

[[amendment.policy]]
code = "TEST-CIN"
upper = 16
"""


class PoliciesAndTheWeek(unittest.TestCase):
    def test_built_in_policies_and_week(self):
        self.assertEqual(schemes.default_full_time_hours(), 37)
        self.assertEqual(schemes.load("NOTTS").version_at().full_time_hours, 37)
        self.assertEqual(schemes.load("SWINDON").full_time_hours, 37)
        rbwm = schemes.policies(prefix="rbwm")
        self.assertEqual(list(rbwm), ["RBWM-NQSW", "RBWM-AFTER-FIRST-YEAR", "RBWM-EXPERIENCED"])
        self.assertEqual(
            [(p["label"], p["lower"], p["upper"]) for p in rbwm.values()],
            [
                ("Newly qualified", 8, 10),
                ("After first year", 10, 12),
                ("More than two years", 12, 15),
            ],
        )
        every = schemes.policies()
        self.assertEqual(len(every), 29)
        self.assertEqual((every["LAMING"]["lower"], every["LAMING"]["upper"]), (0, 12))
        self.assertEqual(
            list(schemes.policies(prefix="WALSALL")), ["WALSALL-EXPERIENCED", "WALSALL-NQSW"]
        )

    def test_a_folder_with_its_own_file_of_policies(self):
        folder = tempfile.mkdtemp(prefix="caseweight-schemes-test-")
        self.addCleanup(shutil.rmtree, folder)
        with open(os.path.join(folder, "testshire.toml"), "w") as f:
            f.write(textwrap.dedent(AMENDED))
        with open(os.path.join(folder, "policies.toml"), "w") as f:
            f.write(POLICIES)
        with open(os.path.join(folder, "testshire-week.toml"), "w") as f:
            f.write(
                'amends = "TESTSHIRE"\n[[amendment]]\nfrom = 2028-01-01\nfull_time_hours = 35\n'
            )
        s = schemes.load("TESTSHIRE", folder)
        self.assertEqual(s.version_at("2027-06-01").full_time_hours, 36)
        self.assertEqual(s.version_at("2028-01-01").full_time_hours, 35)
        self.assertEqual(schemes.default_full_time_hours(folder), 36)
        self.assertEqual(schemes.policies("2026-12-31", folder)["TEST-CIN"]["upper"], 18)
        self.assertEqual(schemes.policies("2027-01-01", folder)["TEST-CIN"]["upper"], 16)
        self.assertEqual(schemes.policies("2027-01-01", folder)["TEST-CIN"]["lower"], 14)

    def test_an_amendment_of_policies_only_is_no_version_of_the_scheme(self):
        folder = tempfile.mkdtemp(prefix="caseweight-schemes-test-")
        self.addCleanup(shutil.rmtree, folder)
        shutil.copy(os.path.join(schemes.BUILT_IN_DIR, "rbwm.toml"), folder)
        with open(os.path.join(folder, "rbwm-nqsw.toml"), "w") as f:
            f.write(
                'amends = "RBWM"\n[[amendment]]\nfrom = 2027-04-01\n'
                '[[amendment.policy]]\ncode = "RBWM-NQSW"\nupper = 11\n'
            )
        self.assertEqual(len(schemes.load("RBWM", folder).versions), 1)
        self.assertEqual(schemes.policies("2027-03-31", folder)["RBWM-NQSW"]["upper"], 10)
        self.assertEqual(schemes.policies("2027-04-01", folder)["RBWM-NQSW"]["upper"], 11)


if __name__ == "__main__":
    unittest.main()
