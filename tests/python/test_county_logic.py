"""caseweight.county without an office: the made-up case rows drawn from a seed (the same seed
gives the same county; every code is one the template's column takes, every planted mistake
is one it refuses), a worker's values, and the filling of a template's skeleton."""

import datetime
import random
import unittest

from caseweight import county, schemes

SEEDS = range(40)
AS_AT = datetime.date(2026, 12, 3)


def spec_of(scheme):
    return county.template_sheet(county.TEMPLATES[scheme])[1]


def version(scheme):
    return schemes.load(scheme).version_at(AS_AT)


def allowed(scheme, column):
    """The codes a template's codes column takes: its scheme's items whose `column` or
    `group` is one of the column's groups (a+b; no group: every item), only `only` when it
    lists some."""
    groups = column.group.split("+")
    codes = [
        i["code"]
        for i in version(scheme).items
        if not column.group or i.get("column") in groups or i.get("group") in groups
    ]
    return [c for c in codes if c in column.only] if column.only else codes


def takes(scheme, column, value):
    if column.kind == "choice":
        return value in column.choices
    if column.kind == "number":
        return isinstance(value, (int, float))
    if column.kind == "text":
        return isinstance(value, str) and value.strip() != ""
    if not isinstance(value, str):
        return False
    if value in column.combos:
        return True
    return all(code in allowed(scheme, column) for code in value.split("; "))


class Rows(unittest.TestCase):
    def test_the_same_seed_gives_the_same_rows(self):
        for scheme, make in county.ROWS.items():
            a = [make(random.Random(7)) for _ in range(5)]
            b = [make(random.Random(7)) for _ in range(5)]
            self.assertEqual(a, b, scheme)
            rng = random.Random(7)
            c = [make(rng) for _ in range(5)]
            rng = random.Random(8)
            d = [make(rng) for _ in range(5)]
            self.assertNotEqual(c, d, scheme)

    def test_every_value_is_one_its_template_column_takes(self):
        for scheme, make in county.ROWS.items():
            columns = {c.key: c for c in spec_of(scheme).columns if c.kind in county.INPUT_KINDS}
            for seed in SEEDS:
                rng = random.Random(seed)
                for _ in range(10):
                    for key, value in make(rng).items():
                        self.assertIn(key, columns, (scheme, key))
                        if value is None:
                            continue
                        self.assertTrue(takes(scheme, columns[key], value), (scheme, key, value))

    def test_one_case_type_a_row(self):
        case_keys = {
            "SWINDON": ("basic", "lac", "cp"),
            "RBWM": ("cin", "cic", "cp"),
            "NOTTS": ("specific",),
            "WARRINGTON": ("type",),
        }
        for scheme, make in county.ROWS.items():
            rng = random.Random(3)
            for _ in range(50):
                row = make(rng)
                self.assertEqual(sum(1 for k in case_keys[scheme] if row.get(k)), 1, row)

    def test_swindon_rows(self):
        rng = random.Random(11)
        for _ in range(200):
            row = county.swindon_row(rng)
            self.assertIn(row["children"], (1, 2, 3, 4))
            if row.get("basic"):
                # complex, court and pre-proceedings only on looked-after and CP rows
                self.assertEqual(row["basic"], "CIN")
                self.assertNotIn("court", row)
            if "pre" in row:
                self.assertTrue(row.get("cp"), row)

    def test_family_names(self):
        rng = random.Random(5)
        for _ in range(100):
            name = county._family(rng)
            surname = name.split()[-1] if "." in name else name.split()[0]
            self.assertIn(surname, county.FAMILY, name)
            self.assertRegex(name, r"^([A-Z][a-z]+ (family|children)|[A-Z]\. [A-Z][a-z]+)$")

    def test_maybe(self):
        rng = random.Random(1)
        drawn = [county._maybe(rng, 0.2, "S47") for _ in range(1000)]
        self.assertEqual(set(drawn), {None, "S47"})
        self.assertTrue(120 < drawn.count("S47") < 280, drawn.count("S47"))
        self.assertEqual({county._maybe(rng, 0.0, "S47") for _ in range(50)}, {None})
        self.assertEqual({county._maybe(rng, 1.0, "S47") for _ in range(50)}, {"S47"})


class Mistakes(unittest.TestCase):
    def test_every_planted_mistake_is_refused_by_its_column(self):
        others = {s: set(version(s).codes()) for s in ("SWINDON", "RBWM", "NOTTS", "WARRINGTON")}
        for scheme, mistakes in county.MISTAKES.items():
            columns = {c.key: c for c in spec_of(scheme).columns}
            for key, value in mistakes:
                column = columns[key]
                self.assertEqual(column.kind, "codes", (scheme, key))
                self.assertFalse(takes(scheme, column, value), (scheme, key, value))
                if isinstance(value, str):
                    # a code of another scheme, not of this one
                    self.assertNotIn(value, others[scheme])
                    self.assertTrue(
                        any(value in codes for s, codes in others.items() if s != scheme), value
                    )
                else:
                    # a number where a code belongs, not the points of a code of the column
                    v = version(scheme)
                    points = [v.item(c).get("points") for c in allowed(scheme, column)]
                    self.assertNotIn(value, points, (scheme, key))


class Grades(unittest.TestCase):
    def test_grades_are_the_schemes_and_the_templates(self):
        for scheme, grades in county.GRADES.items():
            fields = {f.key: f for f in spec_of(scheme).fields}
            for g in grades:
                if g is None:
                    self.assertEqual(version(scheme).grade_names(), [])
                    self.assertNotIn("grade", fields)
                    continue
                self.assertIn(g, version(scheme).grade_names(), scheme)
                self.assertIn(g, fields["grade"].choices, scheme)


class WorkerValues(unittest.TestCase):
    def values(self, scheme, seed=1, mistake=False):
        spec = spec_of(scheme)
        rng = random.Random(seed)
        return spec, county.worker_values(
            rng, scheme, spec, "CP North", "Asha Patel", AS_AT, mistake
        )

    def case_rows(self, spec, v):
        return sorted({int(k.rsplit(".", 1)[1]) for k in v if k.startswith("c.")})

    def test_header_fields(self):
        for scheme in county.TEMPLATES:
            spec, v = self.values(scheme)
            self.assertEqual(v["f.worker"], "Asha Patel")
            self.assertEqual(v["f.team"], "CP North")
            self.assertEqual(v["f." + spec.date_key], AS_AT)
            keys = {f.key for f in spec.fields}
            for k in v:
                if k.startswith("f."):
                    self.assertIn(k[2:], keys, (scheme, k))
        _, v = self.values("WARRINGTON")
        self.assertEqual(v["f.month"], "December 2026")
        self.assertIn(v["f.fte"], (1, 0.8, 0.6, 0.5))
        _, v = self.values("NOTTS")
        self.assertIn(v["f.hours"], (37, 29.6, 22.2, 18.5))
        self.assertNotIn("f.fte", v)
        self.assertNotIn("f.grade", v)

    def test_rows_within_the_schemes_count_and_the_template(self):
        for scheme in county.TEMPLATES:
            lo, hi = county.ROW_COUNT[scheme]
            for seed in SEEDS:
                spec, v = self.values(scheme, seed)
                rows = self.case_rows(spec, v)
                self.assertEqual(rows, list(range(len(rows))))
                self.assertTrue(lo <= len(rows) <= min(hi, spec.rows), (scheme, len(rows)))

    def test_deterministic(self):
        for scheme in county.TEMPLATES:
            self.assertEqual(self.values(scheme, 4), self.values(scheme, 4))
            self.assertNotEqual(self.values(scheme, 4)[1], self.values(scheme, 5)[1])

    def test_a_mistake_is_planted(self):
        for scheme in county.TEMPLATES:
            for seed in range(10):
                spec, v = self.values(scheme, seed, mistake=True)
                planted = [
                    (k, val)
                    for k, val in county.MISTAKES[scheme]
                    for i in self.case_rows(spec, v)
                    if v.get("c.%s.%d" % (k, i)) == val
                ]
                self.assertEqual(len(planted), 1, (scheme, seed, planted))
                _, clean = self.values(scheme, seed)
                self.assertFalse(
                    any(
                        clean.get("c.%s.%d" % (k, i)) == val
                        for k, val in county.MISTAKES[scheme]
                        for i in range(spec.rows)
                    ),
                    (scheme, seed),
                )


STRING_CELL = (
    '<table:table-cell table:style-name="ce3" office:value-type="string" '
    'calcext:value-type="string"><text:p>@@%s@@</text:p></table:table-cell>'
)


class Fill(unittest.TestCase):
    def test_text(self):
        out = county.fill(STRING_CELL % "c.cp.0", {"c.cp.0": "CP; COMPLEX"})
        self.assertEqual(
            out,
            '<table:table-cell table:style-name="ce3" office:value-type="string" '
            'calcext:value-type="string"><text:p>CP; COMPLEX</text:p></table:table-cell>',
        )

    def test_text_is_escaped(self):
        out = county.fill(STRING_CELL % "f.team", {"f.team": 'A & B <"North">'})
        self.assertIn('<text:p>A &amp; B &lt;"North"&gt;</text:p>', out)

    def test_number(self):
        out = county.fill(STRING_CELL % "c.children.2", {"c.children.2": 3})
        self.assertEqual(
            out,
            '<table:table-cell table:style-name="ce3" office:value-type="float" office:value="3" '
            'calcext:value-type="float"><text:p>3</text:p></table:table-cell>',
        )
        out = county.fill(STRING_CELL % "f.fte", {"f.fte": 0.8})
        self.assertIn('office:value="0.8"', out)

    def test_date(self):
        out = county.fill(STRING_CELL % "f.as_at", {"f.as_at": AS_AT})
        self.assertEqual(
            out,
            '<table:table-cell table:style-name="ce3" office:value-type="date" '
            'office:date-value="2026-12-03" calcext:value-type="date">'
            "<text:p>03/12/2026</text:p></table:table-cell>",
        )

    def test_missing_or_empty_value_leaves_an_empty_cell(self):
        for values in ({}, {"c.court.1": None}, {"c.court.1": ""}):
            self.assertEqual(
                county.fill(STRING_CELL % "c.court.1", values),
                '<table:table-cell table:style-name="ce3"/>',
            )

    def test_only_marker_cells_change(self):
        other = '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p>'
        other += "</table:table-cell>"
        skeleton = "<table:table-row>%s%s%s</table:table-row>" % (
            STRING_CELL % "c.name.0",
            other,
            "<table:table-cell>\n <text:p>@@c.cp.0@@</text:p>\n</table:table-cell>",
        )
        out = county.fill(skeleton, {"c.name.0": "Smith family", "c.cp.0": "CP"})
        self.assertIn(other, out)
        self.assertNotIn("@@", out)
        self.assertIn("<text:p>Smith family</text:p>", out)
        self.assertIn(
            '<table:table-cell office:value-type="string" calcext:value-type="string">'
            "<text:p>CP</text:p></table:table-cell>",
            out,
        )


if __name__ == "__main__":
    unittest.main()
