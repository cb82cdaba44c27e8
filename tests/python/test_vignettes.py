"""Calibration vignettes (caseweight.vignettes, schemes/vignettes/*.toml) without an office: the
shipped sets load and cover every built-in scheme, and each kind of mistake in a council's own
file is refused with a sentence that names the file and the vignette."""

import os
import shutil
import unittest

from caseweight import schemes, vignettes
from tempdir import TempDir

# A file of one valid vignette; the tests change one line of it at a time.
ONE = """scheme = "SWINDON"
set = "test-1"
title = "Test set"

[[vignette]]
id = "SW03"
title = "One child on a CP plan"
text = \"\"\"A child is on a child protection plan.
The family live an hour and a half away.\"\"\"
children = 1
answer = { cp = "CP", travel = "TRAVEL-1-2H" }
reason = "travel of 1-2 hours each way"
"""


class Shipped(unittest.TestCase):
    def test_every_shipped_file_loads_with_at_least_12_vignettes_of_unique_ids(self):
        found = vignettes.sets()
        self.assertEqual(len(found), len(schemes.built_in()))
        for s in found:
            with self.subTest(set=s.set):
                self.assertGreaterEqual(len(s.vignettes), 12)
                ids = [v.id.upper() for v in s.vignettes]
                self.assertEqual(len(ids), len(set(ids)))
                for v in s.vignettes:
                    self.assertTrue(v.text and v.reason and v.answer)
                    self.assertLessEqual(len(v.title), vignettes.MOST_TITLE)

    def test_every_shipped_scheme_has_a_vignette_file(self):
        covered = {s.scheme for s in vignettes.sets()}
        self.assertEqual(covered, {s.name for s in schemes.built_in()})

    def test_every_shipped_file_names_its_scheme_and_a_set_of_its_own(self):
        for s in vignettes.sets():
            name = os.path.basename(s.path)
            self.assertEqual(name, s.scheme.lower() + ".toml")
            self.assertEqual(s.set, s.scheme.lower() + "-1")

    def test_find_by_set_id_in_any_case(self):
        s = vignettes.find("NOTTS-1")
        self.assertEqual(s.scheme, "NOTTS")
        self.assertEqual(s.by_id("NT01").answer["first_child"], "S47-ICPC")
        with self.assertRaises(KeyError):
            s.by_id("NT99")
        with self.assertRaises(vignettes.VignetteError) as e:
            vignettes.find("kent-1")
        self.assertEqual(
            str(e.exception),
            "no vignette set kent-1; the sets are notts-1, rbwm-1, swindon-1, warrington-1",
        )


class Mistakes(TempDir):
    def load(self, text, name="test.toml"):
        return vignettes.load_file(self.write(name, text))

    def refused(self, text, message):
        with self.assertRaises(vignettes.VignetteError) as e:
            self.load(text)
        self.assertEqual(str(e.exception), message)

    def changed(self, old, new):
        self.assertIn(old, ONE)
        return ONE.replace(old, new)

    def test_the_valid_file_loads(self):
        s = self.load(ONE)
        self.assertEqual((s.scheme, s.set, s.title), ("SWINDON", "test-1", "Test set"))
        v = s.by_id("SW03")
        self.assertEqual(v.children, 1)
        self.assertEqual(v.share, 1.0)
        self.assertEqual(v.answer, {"cp": "CP", "travel": "TRAVEL-1-2H"})
        # the text is one paragraph, as a sheet's cell shows it
        self.assertEqual(
            v.text,
            "A child is on a child protection plan. The family live an hour and a half away.",
        )

    def test_an_alias_names_the_scheme_by_its_canonical_name(self):
        text = ONE.replace('scheme = "SWINDON"', 'scheme = "swindon"')
        self.assertEqual(self.load(text).scheme, "SWINDON")

    def test_unknown_key(self):
        self.refused(
            self.changed('reason = "', 'reasons = "'),
            'test.toml: vignette SW03: unknown key "reasons"; the keys are id, title, text, '
            "children, answer, reason, share",
        )
        self.refused(
            "sceme = 1\n" + ONE,
            'test.toml: unknown key "sceme"; the keys are scheme, set, title, vignette',
        )

    def test_missing_reason(self):
        self.refused(
            self.changed('reason = "travel of 1-2 hours each way"\n', ""),
            'test.toml: vignette SW03: the key "reason" is missing',
        )

    def test_unknown_column(self):
        self.refused(
            self.changed("travel =", "travle ="),
            'test.toml: vignette SW03: the sheet of SWINDON has no column "travle"; its columns '
            "are basic, lac, cp, court, assessment, pre_proceedings, travel, task, group_work, "
            "s47, family_placements",
        )

    def test_entry_the_column_does_not_offer(self):
        self.refused(
            self.changed('"TRAVEL-1-2H"', '"TRAVEL-3H"'),
            'test.toml: vignette SW03: the column travel has no entry "TRAVEL-3H"; it offers '
            "TRAVEL-NEAR, TRAVEL-1-2H or TRAVEL-2H",
        )
        # a code of the scheme, but in another column
        self.refused(
            self.changed('cp = "CP"', 'cp = "LAC"'),
            'test.toml: vignette SW03: the column cp has no entry "LAC"; it offers CP or '
            "CP; COMPLEX",
        )

    def test_children_0_and_21_and_true(self):
        for value in ("0", "21"):
            self.refused(
                self.changed("children = 1", "children = " + value),
                "test.toml: vignette SW03: children must be 1 to 20, not %s" % value,
            )
        self.refused(
            self.changed("children = 1", "children = true"),
            'test.toml: vignette SW03: "children" must be a whole number, not True',
        )

    def test_share_outside_0_to_1(self):
        halved = self.load(self.changed("children = 1", "children = 1\nshare = 0.5"))
        self.assertEqual(halved.vignettes[0].share, 0.5)
        self.refused(
            self.changed("children = 1", "children = 1\nshare = 1.5"),
            "test.toml: vignette SW03: share must be more than 0 and at most 1, not 1.5",
        )

    def test_duplicate_id(self):
        second = ONE[ONE.index("[[vignette]]") :].replace('id = "SW03"', 'id = "sw03"')
        self.refused(ONE + "\n" + second, "test.toml: the id sw03 is given to two vignettes")

    def test_bad_id_and_long_title(self):
        self.refused(
            self.changed('id = "SW03"', 'id = "SW-03"'),
            'test.toml: vignette SW-03: the id "SW-03" must be 1 to 8 letters or digits',
        )
        self.refused(
            self.changed('title = "One child on a CP plan"', 'title = "%s"' % ("x" * 61)),
            "test.toml: vignette SW03: the title has 61 characters; at most 60 fit a sheet row",
        )

    def test_unknown_scheme(self):
        text = ONE.replace('scheme = "SWINDON"', 'scheme = "KENT"')
        with self.assertRaises(vignettes.VignetteError) as e:
            self.load(text)
        self.assertTrue(str(e.exception).startswith("test.toml: no scheme KENT in "))

    def test_not_toml(self):
        with self.assertRaises(vignettes.VignetteError) as e:
            self.load("scheme = \n")
        self.assertTrue(str(e.exception).startswith("test.toml: "))


class Folder(TempDir):
    """sets() and find() of a schemes folder of a council's own."""

    def setUp(self):
        super().setUp()
        shutil.copy(os.path.join(schemes.BUILT_IN_DIR, "swindon.toml"), self.dir)
        os.mkdir(self.path("vignettes"))

    def test_sets_of_a_folder_sorted_by_set_id(self):
        self.write("vignettes/b.toml", ONE.replace('set = "test-1"', 'set = "alpha"'))
        self.write("vignettes/a.toml", ONE.replace('set = "test-1"', 'set = "beta"'))
        self.write("vignettes/notes.txt", "not a set")
        self.assertEqual([s.set for s in vignettes.sets(self.dir)], ["alpha", "beta"])
        self.assertEqual(vignettes.find("beta", self.dir).path, self.path("vignettes", "a.toml"))

    def test_duplicate_set_id(self):
        self.write("vignettes/a.toml", ONE)
        self.write("vignettes/b.toml", ONE)
        with self.assertRaises(vignettes.VignetteError) as e:
            vignettes.sets(self.dir)
        self.assertEqual(
            str(e.exception),
            "b.toml: the set test-1 is also the set of a.toml; give each file its own set",
        )

    def test_no_vignettes_folder_no_sets(self):
        os.rmdir(self.path("vignettes"))
        self.assertEqual(vignettes.sets(self.dir), [])

    def test_the_scheme_is_looked_up_in_the_folder_then_among_the_built_in(self):
        self.write("vignettes/a.toml", ONE)
        (found,) = vignettes.sets(self.dir)
        self.assertEqual((found.scheme, found.scheme_dir), ("SWINDON", self.dir))
        # a pack's set of a shipped scheme: RBWM is not in this folder but built in
        self.write("vignettes/a.toml", ONE.replace('scheme = "SWINDON"', 'scheme = "RBWM"'))
        (found,) = vignettes.sets(self.dir)
        self.assertEqual((found.scheme, found.scheme_dir), ("RBWM", schemes.BUILT_IN_DIR))
        # a scheme neither here nor built in
        self.write("vignettes/a.toml", ONE.replace('scheme = "SWINDON"', 'scheme = "KENT"'))
        with self.assertRaises(vignettes.VignetteError) as e:
            vignettes.sets(self.dir)
        self.assertEqual(str(e.exception), "a.toml: no scheme KENT in %s" % schemes.BUILT_IN_DIR)


if __name__ == "__main__":
    unittest.main()
