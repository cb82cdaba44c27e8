"""The worker sheet made from a scheme file, without an office: which columns and codes a
scheme yields (caseweight.sheets.scheme_layout), the [sheet] table's keys and mistakes, and the
template description scheme_sheet makes of it. The sheet in real Calc: the integration test
test_scheme_sheet."""

import ast
import os
import re
import unittest

from caseweight import SOURCE_DIR, schemes
from caseweight.sheets import scheme_layout, scheme_sheet, team_sheet, words
from tempdir import TempDir

KENT = os.path.join(SOURCE_DIR, "tests", "data", "kent-test.toml")

# A small scheme for the mistakes: two case types, travel codes of which a row holds one,
# an any-of column over them and a worker item.
SMALL = """name = "SMALL-TEST"
council = "Small Test Council"
source = "Test"
from = 2020-01-01
[[grade]]
name = "SW"
lower = 10
upper = 20
[bands]
within = "Within band"
above = [{ label = "Above band" }]
[[rule]]
rule = "at-most-one-of"
codes = ["NEAR", "FAR"]
what = "travel code"
[[item]]
code = "CP"
group = "case"
points = 6
label = "Child protection"
[[item]]
code = "CIN"
group = "case"
points = 4
label = "Child in need"
[[item]]
code = "NEAR"
group = "modifier"
points = 1
label = "Travel near"
[[item]]
code = "FAR"
group = "modifier"
points = 2
label = "Travel far"
[[item]]
code = "COURT"
group = "modifier"
points = 3
label = "Court"
[[item]]
code = "MENTOR"
group = "worker"
points = 5
label = "Mentoring"
[[column]]
key = "extras"
what = "extras"
kind = "any-of"
items = ["NEAR", "FAR", "COURT"]
"""


def layout_of(path):
    return scheme_layout.of(schemes.load_file(path).version_at())


def columns(layout):
    return [(c.key, c.entries()) for c in layout.columns]


class CouncilScheme(unittest.TestCase):
    """tests/data/kent-test.toml: [[column]]s of every input kind, a code no column offers."""

    @classmethod
    def setUpClass(cls):
        cls.layout = layout_of(KENT)
        cls.version = schemes.load_file(KENT).version_at()

    def test_one_column_per_file_column_in_order_then_the_codes_left_out(self):
        self.assertEqual(
            columns(self.layout),
            [
                ("cp", ["CP", "CP; COMPLEX"]),  # each-child with plus
                ("cic", ["CIC", "CIC; COMPLEX"]),
                ("family", ["CIN", "LEAVER"]),  # one-of
                ("court", ["COURT", "FINAL-HEARING", "COURT; FINAL-HEARING"]),  # any-of
                ("travel", ["TRAVEL-1H", "TRAVEL-2H"]),
                ("visits", ["VISIT", "VISIT; VISIT", "VISIT; VISIT; VISIT"]),  # multiples, most 3
                ("enquiry", ["S47"]),  # in no [[column]]: its item's column tag
            ],
        )

    def test_headings_are_the_columns_what_and_never_start_with_a_code(self):
        titles = [c.title for c in self.layout.columns]
        self.assertEqual(titles[0], "Child protection")
        self.assertEqual(titles[2], "Child in need family or care leaver")
        # "Court" would start with the code COURT: led by the code's own label
        self.assertEqual(titles[3], "In court proceedings (Court)")
        for c in self.layout.columns:
            self.assertIsNone(scheme_layout.clash(c.title, c.entries()), c.title)

    def test_header_fields_from_sheet_and_worker_lines(self):
        self.assertEqual(
            [(f.key, f.label, f.kind) for f in self.layout.fields],
            [
                ("team", "Team", "text"),
                ("worker", "Social worker", "text"),
                ("grade", "Grade", "choice"),
                ("fte", "FTE", "number"),
                ("as_at", "As at", "date"),
                ("supervisor", "Supervisor", "text"),
                ("locality", "Locality office", "text"),
            ],
        )
        self.assertEqual(self.layout.worker_codes, ["MENTOR", "PANEL"])
        self.assertEqual(self.layout.worker_lines, 3)
        self.assertEqual(self.layout.rows, 12)
        self.assertEqual(self.layout.file, "kent-test")
        self.assertEqual(self.layout.template, "Kent Test: caseload weighting sheet")

    def test_totals_of_a_graded_scheme_with_worker_items(self):
        self.assertEqual(
            [t.key for t in self.layout.totals],
            ["worker_points", "case_points", "total", "band", "capacity", "top", "headroom"],
        )
        self.assertTrue(self.layout.band_table)

    def test_notes_come_from_the_file(self):
        notes = self.layout.notes
        self.assertEqual(
            notes[:3],
            [
                "One row per child for CP, CIC (siblings on one row: Children = N).",
                "One row per family for CIN (Children = the family's size).",
                "One row per case for LEAVER.",
            ],
        )
        self.assertIn("COMPLEX goes with CP or CIC only.", notes)
        self.assertEqual(notes[-1], "Score every case in supervision, monthly.")

    def test_template_description(self):
        t = scheme_sheet.template(schemes.load_file(KENT))
        self.assertEqual((t.file, t.scheme), ("kent-test", "KENT-TEST"))
        sheet = t.sheets[0]
        self.assertEqual(sheet.date_key, "as_at")
        self.assertEqual(
            [c.key for c in sheet.columns],
            ["name", "children", "cp", "cic", "family", "court", "travel", "visits", "enquiry"]
            + ["share", "points", "check"],
        )
        cp = sheet.columns[2]
        self.assertEqual(
            (cp.kind, cp.group, cp.only, cp.combos), ("codes", "", ("CP",), ("CP; COMPLEX",))
        )
        # the points in the heading are live words (scored()): worded by the add-in for the
        # sheet's own version
        self.assertEqual(words.plain(cp.header), "Child protection\n,\nwith COMPLEX +")
        self.assertEqual(words.markers(cp.header), ["{points:CP}", "{short:COMPLEX}"])
        self.assertEqual(words.plain(sheet.columns[6].header), "Travel\n")
        self.assertEqual(len(words.markers(sheet.columns[6].header)), 1)
        totals = {x.key: x.formula for x in sheet.totals}
        self.assertEqual(totals["worker_points"], "=WORKERPOINTS({scheme};{worker_items})")
        self.assertEqual(totals["total"], "=WORKLOADPOINTS({scheme};{points};{worker_points})")
        self.assertEqual(totals["band"], "=WORKLOADBAND({scheme};{total};{?grade};{?fte})")
        grade = next(f for f in sheet.fields if f.key == "grade")
        self.assertEqual(grade.choices, ("NQSW", "SW", "SENIOR"))
        self.assertIn("NQSW, SW, SENIOR", grade.note)


class ShippedSchemes(unittest.TestCase):
    def test_every_shipped_scheme_makes_a_sheet_offering_every_case_code(self):
        for scheme in schemes.built_in():
            with self.subTest(scheme.name):
                v = scheme.version_at()
                layout = scheme_layout.of(v)
                keys = [c.key for c in layout.columns]
                self.assertEqual(len(set(keys)), len(keys))
                self.assertFalse(set(keys) & set(scheme_layout.FIXED_COLUMNS))
                offered = set()
                for c in layout.columns:
                    for e in c.entries():
                        offered.update(p.strip() for p in e.split(";"))
                case_codes = [i["code"] for i in v.items if i.get("group") != "worker"]
                self.assertEqual(sorted(set(case_codes) - offered), [])
                t = scheme_sheet.template(scheme)
                self.assertTrue(t.sheets[0].totals)

    def test_a_scheme_without_columns_has_a_column_per_item_tag_or_group(self):
        v = schemes.of_file("warrington").version_at()
        derived = scheme_layout.derived_columns(v)
        self.assertEqual([c.key for c in derived], ["case", "status", "assessment", "travel"])
        self.assertEqual(derived[0].title, "Case type")
        self.assertEqual(derived[1].codes, ["NEW", "TRANSFER", "CLOSING"])

    def test_a_stable_element_and_a_workload_weight_add_their_totals(self):
        v = schemes.of_file("warrington").version_at()
        sheet = dict(v.data.get("sheet", {}))
        sheet.pop("total", None)
        kinds = [t.kind for t in scheme_layout.totals(v, sheet, True, False)]
        self.assertEqual(
            kinds,
            ["base", "worker", "cases", "weight", "total", "band", "capacity", "top", "headroom"],
        )

    def test_one_band_for_every_grade_has_no_grade_field_but_hours(self):
        layout = scheme_layout.of(schemes.of_file("notts").version_at())
        keys = [f.key for f in layout.fields]
        self.assertNotIn("grade", keys)
        self.assertIn("hours", keys)
        self.assertFalse(layout.band_table)
        # too many combinations of additional items: as many columns as a row may hold (2)
        self.assertEqual(
            [c.key for c in layout.columns], ["first_child", "additional", "additional_2"]
        )
        self.assertEqual(layout.columns[2].title, "Additional points (second)")


class SheetTable(TempDir):
    def scheme(self, extra=""):
        return self.write("small.toml", SMALL + extra)

    def test_combinations_leave_out_what_a_rule_forbids(self):
        self.assertEqual(
            columns(layout_of(self.scheme())),
            [
                ("extras", ["NEAR", "FAR", "COURT", "NEAR; COURT", "FAR; COURT"]),
                ("case", ["CP", "CIN"]),
            ],
        )

    def test_sheet_columns_choose_codes_keys_and_headings(self):
        layout = layout_of(
            self.scheme(
                '[sheet]\nfile = "small"\n'
                '[[sheet.column]]\nkey = "type"\ncodes = "case"\nheading = "Case"\npoints = false\n'
                '[[sheet.column]]\nkey = "court1"\ncodes = "extras"\n'
                '[[sheet.column]]\nkey = "court2"\ncodes = "extras"\nwidth = 30\n'
            )
        )
        self.assertEqual(
            [(c.key, c.title, c.points, c.width) for c in layout.columns],
            [
                ("type", "Case", False, None),
                ("court1", "Extras", True, None),
                ("court2", "Extras", True, 30),
            ],
        )
        self.assertEqual(layout.file, "small")

    def test_mistakes_in_the_sheet_table(self):
        cases = [
            ('[sheet]\ntitel = "x"\n', 'unknown key "titel" in [sheet]'),
            ('[sheet]\nrows = "12"\n', '"rows" in [sheet] has the wrong type'),
            ("[sheet]\nrows = 0\n", "rows must be 1 to"),
            ("[sheet]\nband_table = 1\n", '"band_table" in [sheet] has the wrong type'),
            ('[[sheet.column]]\ncodes = "nowhere"\n', 'names the codes "nowhere"'),
            ('[[sheet.column]]\nkey = "x"\ncodes = "case"\nwide = 3\n', 'unknown key "wide"'),
            ('[[sheet.total]]\ntotal = "total"\n', "must list each total once"),
            ('[[sheet.total]]\ntotal = "weight"\n', 'the scheme has no total "weight"'),
            ('[sheet]\nfields = [{ key = "hours" }]\n', "needs [worker] hours_points"),
            ('[sheet]\nfile = "a b"\n', '[sheet] file "a b"'),
        ]
        for extra, said in cases:
            with self.subTest(extra):
                with self.assertRaises(scheme_layout.LayoutError) as cm:
                    layout_of(self.scheme(extra))
                self.assertIn(said, str(cm.exception))
                self.assertIn("small.toml", str(cm.exception))


# Two team sheets of SMALL: the second like the first, with one column replaced and one
# added; a choice column, a column of two sources, live words, the worker's items in a field.
TEAM_SHEETS = """
[[sheet]]
file = "small-children"
template = "Small: children"
fields = [
  { key = "worker" },
  { key = "date" },
  { key = "grade" },
  { key = "tasks", label = "Tasks", codes = "worker" },
]
children = false
rule_notes = false
notes = ["CP scores {points:CP}; COURT adds {short:COURT}."]
[[sheet.column]]
key = "area"
kind = "choice"
choices = ["North", "South"]
note = "No points."
[[sheet.column]]
key = "type"
codes = ["CP", "case"]
heading = "Case {points:CP CIN}"
plus = "COURT"
[[sheet.column]]
key = "travel"
codes = "extras"
combos = ["NEAR; COURT"]

[[sheet]]
like = "small-children"
file = "small-fostering"
template = "Small: fostering"
[[sheet.column]]
key = "type"
codes = "CIN"
heading = "Family"
[[sheet.column]]
key = "court"
codes = "COURT"
"""


class SheetsPerTeam(TempDir):
    def setUp(self):
        super().setUp()
        self.version = schemes.load_file(self.write("small.toml", SMALL + TEAM_SHEETS)).version_at()
        self.children, self.fostering = scheme_layout.sheets(self.version)

    def test_one_layout_per_sheet_table_and_the_calibration_takes_every_code(self):
        self.assertEqual(
            [(s.file, s.template) for s in (self.children, self.fostering)],
            [("small-children", "Small: children"), ("small-fostering", "Small: fostering")],
        )
        # every code on one sheet: the columns of the file alone
        alone = schemes.load_file(self.write("s.toml", SMALL)).version_at()
        self.assertEqual(columns(scheme_layout.of(self.version)), columns(scheme_layout.of(alone)))

    def test_columns_of_several_sources_with_a_modifier_or_exact_combinations(self):
        self.assertEqual(
            columns(self.children),
            [
                ("type", ["CP", "CIN", "CP; COURT", "CIN; COURT"]),
                ("travel", ["NEAR", "FAR", "COURT", "NEAR; COURT"]),
            ],
        )
        # a heading with live words says the points itself
        self.assertFalse(self.children.columns[0].points)
        self.assertEqual(words.markers(self.children.columns[0].title), ["{points:CP CIN}"])
        self.assertTrue(self.children.columns[1].points)

    def test_like_replaces_columns_by_key_and_adds_new_ones(self):
        self.assertEqual(
            columns(self.fostering),
            [
                ("type", ["CIN"]),
                ("travel", ["NEAR", "FAR", "COURT", "NEAR; COURT"]),
                ("court", ["COURT"]),
            ],
        )
        self.assertEqual([c.key for c in self.fostering.others], ["area"])
        self.assertEqual(self.fostering.fields, self.children.fields)

    def test_a_choice_column_stands_where_it_is_listed(self):
        [area] = self.children.others
        self.assertEqual(
            (area.key, area.kind, area.title, area.choices, area.note, area.before),
            ("area", "choice", "Area", ["North", "South"], "No points.", 0),
        )

    def test_the_workers_items_in_a_field_and_the_sheets_own_date(self):
        self.assertEqual(
            [(f.key, f.kind, f.codes) for f in self.children.fields],
            [
                ("worker", "text", ""),
                ("date", "date", ""),
                ("grade", "choice", ""),
                ("tasks", "codes", "worker"),
            ],
        )
        self.assertEqual(self.children.date_key, "date")
        self.assertEqual(self.children.worker_lines, 0)
        self.assertEqual(self.children.worker_key, "tasks")
        # its total follows the case points, labelled as the block would be
        self.assertEqual(
            [(t.kind, t.label) for t in self.children.totals][:3],
            [("cases", "Case points"), ("worker", "Worker's own points"), ("total", "Total score")],
        )
        self.assertEqual(self.children.headings["children"], "")

    def test_notes_with_live_words_and_no_rule_notes(self):
        note, error = self.children.notes
        self.assertEqual(words.markers(note), ["{points:CP}", "{short:COURT}"])
        self.assertEqual(words.plain(note), "CP scores ; COURT adds .")
        self.assertEqual(error, scheme_layout.ERROR_NOTE)

    def test_mistakes(self):
        cases = [
            ('[[sheet]]\nlike = "nowhere"\n', 'like "nowhere"'),
            ('[[sheet]]\nfile = "a"\n[[sheet]]\nfile = "a"\n', "two [[sheet]] tables give one"),
            ('[sheet]\nnotes = ["{points:XX}"]\n', 'the scheme has no code "XX"'),
            ('[sheet]\nnotes = ["{point:CP} {see note}"]\n', "{point:CP} is not a marker"),
            ('[sheet]\nnotes = ["{short:CP CIN}"]\n', "names one code"),
            ('[sheet]\nnotes = ["{band:NOBODY}"]\n', "names one grade"),
            ('[[sheet.column]]\nkey = "a"\nkind = "choice"\n', "needs a key and its choices"),
            ('[[sheet.column]]\nkey = "a"\nkind = "list"\n', 'kind "list"'),
            ('[[sheet.column]]\nkey = "a"\ncodes = "case"\nnote = "x"\n', '"note" is not for'),
            ('[[sheet.column]]\nkey = "a"\nkind = "share"\n', '"key" is not for'),
            ('[[sheet.column]]\nkey = "a"\nkind = "first_child_points"\n', 'needs a key and "of"'),
            (
                '[[sheet.column]]\nkey = "a"\nkind = "added_points"\nof = "x"\n'
                '[[sheet.column]]\ncodes = "case"\n',
                'no column of codes "x"',
            ),
            ('[sheet]\nfields = [{ key = "worker", kind = "week" }]\n', '"week" for the field'),
            (
                '[sheet]\nfields = [{ key = "fte" }, { key = "hours", kind = "week" }]\n',
                "a field fte or of the hours a week",
            ),
            ("[sheet]\ndays_table = [0.5, 6]\n", "days_table"),
            ("[sheet]\nworker_columns = [4, 1]\n", "worker_columns"),
            ("[sheet]\nsignatures = [1]\n", "signatures"),
            ('[sheet]\nnotes = ["{most:case}"]\n', "no at-most rule"),
            ('[sheet]\nnotes = ["{hours_points}"]\n', "no hours_points"),
            ('[[sheet.column]]\ncodes = "case"\nplus = "XX"\n', '"plus": the scheme has no code'),
            ('[[sheet.column]]\ncodes = "case"\ncombos = ["CP"]\n', '"combos": "CP"'),
            ('[sheet]\nfields = [{ key = "tasks", codes = "nogroup" }]\n', "a header field of"),
            ('[sheet]\nfields = [{ key = "experience" }]\n', "needs caseload policies"),
            ('[sheet]\nfields = [{ key = "as_at" }, { key = "date" }]\n', "one date"),
            ("[sheet]\ncaseload_table = true\n", "caseload_table needs the field experience"),
        ]
        for extra, said in cases:
            with self.subTest(extra):
                path = self.write("m.toml", SMALL + extra)
                with self.assertRaises(scheme_layout.LayoutError) as cm:
                    scheme_layout.sheets(schemes.load_file(path).version_at())
                self.assertIn(said, str(cm.exception))


class ShippedTeamSheets(unittest.TestCase):
    def test_rbwm_counts_cases_against_its_own_policies(self):
        v = schemes.of_file("rbwm").version_at()
        [sheet] = scheme_layout.sheets(v)
        self.assertEqual(sorted(sheet.policies), sorted(schemes.policies(prefix="RBWM")))
        self.assertEqual([t.kind for t in sheet.totals][-5:], list(scheme_layout.CASELOAD_TOTALS))
        self.assertTrue(sheet.caseload_table)

    def test_notts_individual_pro_forma(self):
        v = schemes.of_file("notts").version_at()
        [sheet] = scheme_layout.sheets(v)
        self.assertEqual(
            [(o.key, o.kind, o.before, o.of) for o in sheet.others],
            [
                ("share", "share", 0, ""),
                ("first", "first_child_points", 3, "specific"),
                ("other", "other_children_points", 3, "specific"),
                ("additional", "added_points", 3, "specific"),
            ],
        )
        self.assertEqual([f.kind for f in sheet.fields if f.key == "hours"], ["week"])
        # the extra duties on a line of the personal capacity block, not in a field
        self.assertEqual((sheet.duty_line, sheet.hours_key), (True, "duty_hours"))
        self.assertEqual(words.markers(sheet.duty_label), ["{hours_points}"])
        self.assertEqual(
            [t.kind for t in sheet.totals], ["worker", "cases", "total", "fte", "band", "capacity"]
        )
        # the at-most rule's number is live too
        self.assertIn("at most {most:additional} additional items", sheet.notes[0])
        self.assertEqual(sheet.days_table, [0.5, 1, 2, 3, 4, 5])

    def test_swindon_has_a_sheet_per_team(self):
        v = schemes.of_file("swindon").version_at()
        self.assertEqual(
            [s.file for s in scheme_layout.sheets(v)],
            [
                "swindon-children",
                "swindon-disabled-children",
                "swindon-leaving-care",
                "swindon-family-placements",
            ],
        )


class NothingOfASchemeInTheCode(unittest.TestCase):
    def test_no_code_grade_or_band_label_is_written_in_the_builder(self):
        """The builder's texts (its docstrings aside) hold no code, grade or band label of any
        scheme: everything comes from the file."""
        words = set()
        for scheme in schemes.built_in() + [schemes.load_file(KENT)]:
            for v in scheme.versions:
                words.update(i["code"] for i in v.items)
                words.update(g["name"] for g in v.grades)
                words.update(v.band_labels())
        for module in (scheme_layout, scheme_sheet, team_sheet):
            with open(module.__file__, encoding="utf-8") as f:
                tree = ast.parse(f.read())
            docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
            texts = [
                n.value
                for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
            ]
            for text in texts:
                found = [
                    w for w in words if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w), text)
                ]
                self.assertEqual(found, [], "%s: %r" % (module.__name__, text))


if __name__ == "__main__":
    unittest.main()


class LiveWordMarkers(unittest.TestCase):
    def test_the_builder_knows_every_marker_the_engine_words(self):
        """A text is written as a SCHEMETEXT formula when words.MARKER finds a marker in it:
        every marker of the engine's table (functions/src/scheme_text.cpp) must be found, with
        or without its argument as the engine takes it."""
        with open(os.path.join(SOURCE_DIR, "functions", "src", "scheme_text.cpp")) as f:
            table = re.search(r"kMarkers\[\] = \{(.*?)\};", f.read(), re.S).group(1)
        engine = re.findall(r'\{"(\w+)", (true|false),', table)
        self.assertGreaterEqual(len(engine), 8)
        for name, argument in engine:
            marker = "{%s:X}" % name if argument == "true" else "{%s}" % name
            self.assertTrue(words.is_live("a " + marker + " b"), marker)
            self.assertEqual(words.markers(marker), [marker])
        self.assertFalse(words.is_live("{see note} {CP} {}"))
