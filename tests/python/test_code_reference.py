"""The code reference the build writes (docs/codes.md in the build folder, printed by the C++
reader: caseweight-scheme codes) against the scheme files as the Python package reads them:
every scheme, every code in the file's order, its group, column and label, the numbers its
points text quotes, and the grades line; and the caseload policies."""

import os
import re
import unittest

from caseweight import SOURCE_DIR, schemes

ROW = re.compile(r"^\| `([A-Z0-9-]+)` \| ([a-z0-9-]*) \| ([a-z0-9-]*) \| (.*) \|$")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
POLICIES = "Caseload policies"
POLICY_ROW = re.compile(
    r"^\| `([A-Z0-9-]+)` \| (.*) \| (?:up to |(\d+(?:\.\d+)?)-)(\d+(?:\.\d+)?) \| "
)


REFERENCE = os.environ.get(
    "CASEWEIGHT_CODE_REFERENCE", os.path.join(SOURCE_DIR, "build", "docs", "codes.md")
)


def reference_tables():
    """{scheme name: ([(code, group, column, what)], grades line)} of the code reference."""
    with open(REFERENCE, encoding="utf-8") as f:
        body = f.read()
    out = {}
    name = None
    for line in body.splitlines():
        if line.startswith("#### "):
            name = line[5:].strip()
            out[name] = ([], "")
        elif name and ROW.match(line):
            out[name][0].append(ROW.match(line).groups())
        elif name and line.startswith("Grades:"):
            out[name] = (out[name][0], line)
    return out


def numbers(text):
    return {float(x) for x in NUMBER.findall(text)}


def item_numbers(item):
    """Every number a points text of the item may quote."""
    out = set()
    for key in ("points", "further", "basic", "basic_cap", "unit_points"):
        if key in item:
            out.add(float(item[key]))
    if "points" in item and "basic" in item:
        out.add(float(item["points"] + item["basic"]))
    for key in ("sizes", "units"):
        entries = item.get(key, [])
        for k, e in enumerate(entries):
            out.update(float(v) for v in e.values())
            if k + 1 < len(entries):
                out.add(float(entries[k + 1]["from"] - 1))
    return out


class CodeReference(unittest.TestCase):
    def setUp(self):
        self.tables = reference_tables()

    def test_every_scheme_has_a_table(self):
        self.assertEqual(
            sorted(self.tables), sorted([POLICIES] + [s.name for s in schemes.built_in()])
        )

    def test_caseload_policies_match_the_files(self):
        with open(REFERENCE, encoding="utf-8") as f:
            body = f.read().split("#### " + POLICIES, 1)[1]
        rows = [
            POLICY_ROW.match(line).groups() for line in body.splitlines() if POLICY_ROW.match(line)
        ]
        files = schemes.policies()
        self.assertEqual([r[0] for r in rows], list(files))
        for code, label, lower, upper in rows:
            with self.subTest(code=code):
                p = files[code]
                self.assertEqual(label, p["label"])
                self.assertEqual(float(lower or 0), float(p["lower"]))
                self.assertEqual(float(upper), float(p["upper"]))

    def test_codes_groups_columns_labels_and_points_match_the_files(self):
        for scheme in schemes.built_in():
            v = scheme.version_at()
            rows, _ = self.tables[scheme.name]
            with self.subTest(scheme=scheme.name):
                self.assertEqual([r[0] for r in rows], v.codes(), "codes and their order")
            for code, group, column, what in rows:
                with self.subTest(scheme=scheme.name, code=code):
                    item = v.item(code)
                    self.assertEqual(group, item["group"])
                    self.assertEqual(column, item.get("column", ""))
                    self.assertTrue(
                        what.startswith(item["label"] + ": "), "%r: not the file's label" % what
                    )
                    quoted = numbers(what[len(item["label"]) + 2 :])
                    allowed = item_numbers(item)
                    self.assertLessEqual(quoted, allowed, "numbers the file does not give")
                    main = item.get("points", item.get("sizes", [{}])[0].get("points"))
                    self.assertIn(float(main), quoted, "the item's points are not quoted")

    def test_grades_lines_match_the_files(self):
        for scheme in schemes.built_in():
            v = scheme.version_at()
            _, line = self.tables[scheme.name]
            with self.subTest(scheme=scheme.name):
                if v.grades_ignored:
                    self.assertIn("ignored", line)
                    continue
                said = dict(re.findall(r"`([A-Z-]+)` (\d+-\d+)", line))
                want = {}
                for g in v.grade_names():
                    lower, upper = v.within(g)
                    want[g] = "%d-%d" % (lower or 0, upper)
                self.assertEqual(said, want)
                self.assertIn("(default `%s`)" % v.default_grade, line)


if __name__ == "__main__":
    unittest.main()
