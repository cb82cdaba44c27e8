"""The team sheets of scheme files ([[sheet]] tables of kind "team"), without an office: the
description team_sheet makes of a table, the scheme's words in its formulas and labels, and
the mistakes it names. The sheets in real Calc: test_templates (Swindon's team summary,
Nottinghamshire's team pro-forma)."""

import unittest

from caseweight import schemes
from caseweight.sheets import scheme_layout, team_sheet
from tempdir import TempDir
from test_scheme_layout import SMALL

TEAM = """
[[sheet]]
file = "small"

[[sheet]]
kind = "team"
file = "small-team"
template = "Small: team"
title = "Small - team summary"
fields = [{ key = "team" }, { key = "done", label = "Done on", kind = "date" }]
groups = { column = "lead", lines = 3 }
box = [{ title = "Waiting", line = "Today", fields = [{ key = "waiting", heading = "Cases" }] }]
comments = "Comments"
history = true
notes = ["Above means {above:1}; within, {within}."]
[[sheet.column]]
key = "worker"
[[sheet.column]]
key = "lead"
heading = "Lead"
[[sheet.column]]
key = "grade"
kind = "grade"
[[sheet.column]]
key = "total"
kind = "number"
minimum = 0
[[sheet.column]]
key = "band"
kind = "formula"
formula = '=IF({total}="";"";WORKLOADBAND({scheme};{total};{?grade}))'
band = true
[[sheet.total]]
key = "above"
label = "{above:1}"
formula = '=COUNTIF({band};"{above:1}")'
"""


class TeamSheets(TempDir):
    def version(self, text):
        return schemes.load_file(self.write("small.toml", SMALL + text)).version_at()

    def test_a_team_table_makes_a_team_template_and_no_worker_sheet(self):
        v = self.version(TEAM)
        self.assertEqual([s.file for s in scheme_layout.sheets(v)], ["small"])
        [t] = team_sheet.templates(v)
        self.assertEqual((t.file, t.title, t.scheme), ("small-team", "Small: team", "SMALL-TEST"))
        summary, history = t.sheets
        self.assertEqual(history.name, "Monthly history")
        self.assertEqual(summary.date_key, "done")
        self.assertEqual(
            [(c.key, c.kind) for c in summary.columns],
            [
                ("worker", "text"),
                ("lead", "text"),
                ("grade", "choice"),
                ("total", "number"),
                ("band", "formula"),
            ],
        )
        self.assertEqual(summary.columns[2].choices, ("SW",))
        self.assertEqual(summary.columns[2].note, "")  # the scheme has no default grade
        self.assertEqual(summary.check_key, "")
        self.assertEqual(summary.totals_under, "band")
        self.assertEqual(len(summary.extras), 2)  # the groups' table, the box and comments

    def test_the_schemes_words_in_labels_formulas_and_notes(self):
        [t] = team_sheet.templates(self.version(TEAM))
        summary = t.sheets[0]
        [above] = summary.totals
        self.assertEqual(above.label, "Above band")
        self.assertEqual(above.formula, '=COUNTIF({band};"Above band")')
        self.assertEqual(summary.notes, ("Above means Above band; within, Within band.",))

    def test_mistakes(self):
        cases = [
            ("{above:2}", "the scheme has 1 bands above"),
        ]
        for text, said in cases:
            with self.subTest(text):
                v = self.version(TEAM.replace("Above means {above:1}", text, 1))
                with self.assertRaises(scheme_layout.LayoutError) as cm:
                    team_sheet.templates(v)
                self.assertIn(said, str(cm.exception))
        for old, new, said in [
            ('column = "lead"', 'column = "nobody"', "groups: the key of a column"),
            ('kind = "grade"', 'kind = "colour"', "needs a key and a kind"),
            ('kind = "formula"\nformula', 'kind = "formula"\nformula2', 'unknown key "formula2"'),
            ('key = "worker"\n', 'key = "worker"\nwidth2 = 3\n', 'unknown key "width2"'),
            ('title = "Small - team summary"\n', "", "needs title"),
            ('kind = "date"', 'kind = "number"', "text or date"),
        ]:
            with self.subTest(new):
                v = self.version(TEAM.replace(old, new, 1))
                with self.assertRaises(scheme_layout.LayoutError) as cm:
                    team_sheet.templates(v)
                self.assertIn(said, str(cm.exception))
                self.assertIn("small.toml", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
