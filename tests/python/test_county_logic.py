"""caseweight.county without an office: the made-up case rows drawn from a seed (the same seed
gives the same county; every value is one the worker template's column takes, one case type a
row, every planted mistake is one its column refuses), grades from the scheme files, a
worker's values, and the filling of a template's skeleton. Whether the rows pass CASECHECK
is tests/integration/test_county.py's, with the add-in."""

import datetime
import random
import unittest

from caseweight import county, schemes, sheets

SEEDS = range(40)
AS_AT = datetime.date(2026, 12, 3)


def version(scheme):
    return schemes.load(scheme).version_at(AS_AT)


def allowed(scheme, column):
    """The codes a template's codes column takes: its scheme's items whose `column` or
    `group` is one of the column's groups (a+b; no group: every item), only `only` when it
    lists some, only those starting with `prefix` when it has one."""
    groups = column.group.split("+")
    codes = [
        i["code"]
        for i in version(scheme).items
        if not column.group or i.get("column") in groups or i.get("group") in groups
    ]
    if column.only:
        codes = [c for c in column.only if c in codes]
    if column.prefix:
        codes = [c for c in codes if c == column.prefix or c.startswith(column.prefix + "-")]
    return codes


def entries(template):
    """{code column key: [entry]} of a worker template, from the scheme file (as SCHEMEITEMS
    gives them in the office), with the column's combinations."""
    return {
        c.key: allowed(template.scheme, c) + list(c.combos)
        for c in template.sheets[0].columns
        if c.kind == "codes"
    }


def forms(seed=1):
    """{scheme: county.Form}, its rows the drawn candidates (no office to check them)."""
    templates = county.worker_templates()
    listed = {s: entries(t) for s, t in templates.items()}
    out = {}
    for s, t in templates.items():
        rng = random.Random("%s:%s" % (seed, s))
        form = county.plan(t, listed[s], AS_AT, county.foreign_codes(s, listed), rng, 100)
        form.rows = form.candidates
        out[s] = form
    return out


FORMS = forms()


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


class Templates(unittest.TestCase):
    def test_every_scheme_has_its_worker_template(self):
        templates = county.worker_templates()
        self.assertEqual(sorted(templates), sorted(s.name for s in schemes.built_in()))
        for scheme, t in templates.items():
            self.assertEqual(t.scheme, scheme)
            self.assertIn(t, sheets.TEMPLATES)
            spec = t.sheets[0]
            self.assertTrue(any(c.kind == "codes" for c in spec.columns), t.file)
            self.assertTrue(any("CASEPOINTS(" in c.formula for c in spec.columns), t.file)
            # the first such template of its scheme
            first = [x for x in sheets.TEMPLATES if x.scheme == scheme]
            before = first[: first.index(t)]
            self.assertFalse(any(county.is_worker_sheet(x.sheets[0]) for x in before), t.file)

    def test_team_summaries_are_not_worker_sheets(self):
        for t in sheets.TEMPLATES:
            if not any(c.kind == "codes" for c in t.sheets[0].columns):
                self.assertFalse(county.is_worker_sheet(t.sheets[0]), t.file)


class Rows(unittest.TestCase):
    def test_the_same_seed_gives_the_same_rows(self):
        a, b, c = forms(7), forms(7), forms(8)
        self.assertEqual(list(a), list(county.worker_templates()))
        for scheme in a:
            self.assertEqual(a[scheme].candidates, b[scheme].candidates, scheme)
            self.assertEqual(a[scheme].mistakes, b[scheme].mistakes, scheme)
            self.assertNotEqual(a[scheme].candidates, c[scheme].candidates, scheme)
            form = FORMS[scheme]
            rows = [county.case_rows(random.Random(7), form) for _ in range(2)]
            self.assertEqual(rows[0], rows[1], scheme)
            self.assertNotEqual(rows[0], county.case_rows(random.Random(8), form), scheme)

    def test_every_value_is_one_its_template_column_takes(self):
        for scheme, form in FORMS.items():
            columns = {c.key: c for c in form.spec.columns if c.kind in county.INPUT_KINDS}
            codes = set(version(scheme).codes())
            for seed in SEEDS:
                rng = random.Random(seed)
                for row in county.case_rows(rng, form):
                    for key, value in row.items():
                        self.assertIn(key, columns, (scheme, key))
                        self.assertTrue(takes(scheme, columns[key], value), (scheme, key, value))
                        if columns[key].kind == "codes":
                            self.assertTrue(set(county.entry_codes(value)) <= codes, value)

    def test_one_case_type_a_row(self):
        for scheme, form in FORMS.items():
            # the case-type columns hold the codes of the scheme's one-case-type group
            rule = version(scheme).rule("one-case-type") or {}
            group = set(version(scheme).codes(group=rule.get("group", "case")))
            self.assertTrue(form.case_keys, scheme)
            for key in form.case_keys:
                self.assertTrue(
                    any(set(county.entry_codes(e)) & group for e in form.entries[key]), key
                )
            others = [k for k in form.entries if k not in form.case_keys]
            for key in others:
                for e in form.entries[key]:
                    self.assertFalse(set(county.entry_codes(e)) & group, (scheme, key, e))
            kinds = set()
            for row in form.candidates:
                filled = [k for k in form.case_keys if row.get(k)]
                self.assertEqual(len(filled), 1, (scheme, row))
                kinds.add(row[filled[0]])
            # the case types of the sheet come up (most of them in 100 rows), and modifiers do
            every = {e for k in form.case_keys for e in form.entries[k]}
            singles = {e for e in every if len(county.entry_codes(e)) == 1}
            self.assertGreater(len(singles & kinds), len(singles) / 2, scheme)
            if others:
                self.assertTrue(any(row.get(k) for row in form.candidates for k in others))

    def test_children_and_share(self):
        for scheme, form in FORMS.items():
            columns = {c.key: c for c in form.spec.columns}
            for row in form.candidates:
                if "children" in columns:
                    self.assertIn(row["children"], county.CHILDREN, scheme)
                    self.assertGreaterEqual(row["children"], columns["children"].minimum)
                else:
                    self.assertNotIn("children", row)
                if "share" in row:
                    self.assertEqual(row["share"], county.SHARE)
                    self.assertIn("share", columns)

    def test_the_case_is_named(self):
        for scheme, form in FORMS.items():
            self.assertEqual(len(form.name_keys), 1, scheme)
            for row in county.case_rows(random.Random(2), form):
                self.assertTrue(row[form.name_keys[0]], scheme)

    def test_family_names(self):
        rng = random.Random(5)
        for _ in range(100):
            name = county._family(rng)
            surname = name.split()[-1] if "." in name else name.split()[0]
            self.assertIn(surname, county.FAMILY, name)
            self.assertRegex(name, r"^([A-Z][a-z]+ (family|children)|[A-Z]\. [A-Z][a-z]+)$")

    def test_maybe(self):
        rng = random.Random(1)
        drawn = [county._maybe(rng, 0.2, "X") for _ in range(1000)]
        self.assertEqual(set(drawn), {None, "X"})
        self.assertTrue(120 < drawn.count("X") < 280, drawn.count("X"))
        self.assertEqual({county._maybe(rng, 0.0, "X") for _ in range(50)}, {None})
        self.assertEqual({county._maybe(rng, 1.0, "X") for _ in range(50)}, {"X"})


class Mistakes(unittest.TestCase):
    def test_every_planted_mistake_is_refused_by_its_column(self):
        others = {s.name: set(county.scheme_codes(s.name)) for s in schemes.built_in()}
        for scheme, form in FORMS.items():
            columns = {c.key: c for c in form.spec.columns}
            kinds = set()
            for key, value in form.mistakes:
                column = columns[key]
                self.assertEqual(column.kind, "codes", (scheme, key))
                self.assertFalse(takes(scheme, column, value), (scheme, key, value))
                kinds.add(type(value))
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
                    self.assertNotEqual(value, 0)  # an empty cell arrives as 0
            # both kinds, in the columns other than the case type's
            self.assertEqual(kinds, {str, int}, scheme)
            self.assertTrue({k for k, _ in form.mistakes}.isdisjoint(form.case_keys), scheme)


class Grades(unittest.TestCase):
    def test_grades_are_the_schemes_and_the_templates(self):
        for scheme, form in FORMS.items():
            fields = {f.key: f for f in form.spec.fields}
            v = version(scheme)
            if not v.grade_names():
                self.assertEqual(form.grades, [None], scheme)
                continue
            self.assertEqual(set(form.grades), set(v.grade_names()), scheme)
            for g in form.grades:
                self.assertIn(g, fields["grade"].choices, scheme)
            # the default grade comes up most often
            self.assertEqual(max(form.grades, key=form.grades.count), v.default_grade)

    def test_a_scheme_whose_grades_are_ignored_gets_none(self):
        ignored = [s.name for s in schemes.built_in() if version(s.name).grades_ignored]
        self.assertTrue(ignored)
        for scheme in ignored:
            self.assertEqual(FORMS[scheme].grades, [None])
            _, v = WorkerValues().values(scheme)
            self.assertNotIn("f.grade", v)


class WorkerValues(unittest.TestCase):
    def values(self, scheme, seed=1, mistake=False):
        form = FORMS[scheme]
        rng = random.Random(seed)
        return form.spec, county.worker_values(rng, form, "CP North", "Asha Patel", AS_AT, mistake)

    def case_rows(self, spec, v):
        return sorted({int(k.rsplit(".", 1)[1]) for k in v if k.startswith("c.")})

    def test_header_fields(self):
        for scheme in FORMS:
            spec, v = self.values(scheme)
            self.assertEqual(v["f.worker"], "Asha Patel")
            self.assertEqual(v["f.team"], "CP North")
            self.assertEqual(v["f." + spec.date_key], AS_AT)
            keys = {f.key for f in spec.fields}
            for k in v:
                if k.startswith("f."):
                    self.assertIn(k[2:], keys, (scheme, k))
            if "fte" in keys:
                self.assertIn(v["f.fte"], (1, 0.8, 0.6, 0.5))
            if "hours" in keys:
                self.assertIn(v["f.hours"], (37, 29.6, 22.2, 18.5))
            if "month" in keys:
                self.assertEqual(v["f.month"], "December 2026")
            if "grade" in keys:
                self.assertIn(v["f.grade"], FORMS[scheme].grades)

    def test_rows_within_the_count_and_the_template(self):
        for scheme in FORMS:
            for seed in SEEDS:
                spec, v = self.values(scheme, seed)
                lo, hi = (min(n, spec.rows) for n in county.CASE_ROWS)
                rows = self.case_rows(spec, v)
                self.assertEqual(rows, list(range(len(rows))))
                self.assertTrue(lo <= len(rows) <= hi, (scheme, len(rows)))

    def test_deterministic(self):
        for scheme in FORMS:
            self.assertEqual(self.values(scheme, 4), self.values(scheme, 4))
            self.assertNotEqual(self.values(scheme, 4)[1], self.values(scheme, 5)[1])

    def test_a_mistake_is_planted(self):
        for scheme, form in FORMS.items():
            for seed in range(10):
                spec, v = self.values(scheme, seed, mistake=True)
                planted = [
                    (k, val)
                    for k, val in form.mistakes
                    for i in self.case_rows(spec, v)
                    if v.get("c.%s.%d" % (k, i)) == val
                ]
                self.assertEqual(len(planted), 1, (scheme, seed, planted))
                _, clean = self.values(scheme, seed)
                self.assertFalse(
                    any(
                        clean.get("c.%s.%d" % (k, i)) == val
                        for k, val in form.mistakes
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
