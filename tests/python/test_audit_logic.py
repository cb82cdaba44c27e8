"""caseweight.audit without an office: cell names, texts, the recognition of the Swindon and
RBWM grids (header rows, case rows, Total Score rows, the worker's name, grade and FTE above
a grid) on small hand-made 2-D lists of cell values as getDataArray gives them ("" for an
empty cell, floats for numbers, None for a cell showing an error)."""

import unittest

from caseweight import audit, schemes

# The header row of a Swindon weighting sheet, as the paper sheet words it.
SWINDON_HEADER = [
    "Name",
    "Children",
    "Basic weight",
    "LAC",
    "CP plan",
    "Court",
    "Significant assess- ment",
    "Pre-proceedings",
    "Additional travel",
    "Time-limited specific task",
    "Group work",
    "Total",
]
SWINDON_COLUMNS = {
    "name": 0,
    "children": 1,
    "basic": 2,
    "lac": 3,
    "cp": 4,
    "court": 5,
    "assessment": 6,
    "pre-proceedings": 7,
    "travel": 8,
    "task": 9,
    "group-work": 10,
    "total": 11,
}
RBWM_HEADER = [
    "Name",
    "CIN",
    "CiC / care leaver / foster carer",
    "CP",
    "Single assessment",
    "S47",
    "Court",
    "Other assessment",
    "Reports",
    "Fostering",
    "Travel",
    "FYW",
    "Total",
]
RBWM_COLUMNS = {
    "name": 0,
    "cin": 1,
    "cic": 2,
    "cp": 3,
    "single-assessment": 4,
    "s47": 5,
    "court": 6,
    "other-assessment": 7,
    "reports": 8,
    "fostering": 9,
    "travel": 10,
    "fyw": 11,
    "total": 12,
}
WIDTH = len(SWINDON_HEADER)


def row(*cells):
    """A Swindon grid row: the cells given from column A, then empty cells."""
    return list(cells) + [""] * (WIDTH - len(cells))


class Texts(unittest.TestCase):
    def test_col_name(self):
        self.assertEqual(audit.col_name(0), "A")
        self.assertEqual(audit.col_name(25), "Z")
        self.assertEqual(audit.col_name(26), "AA")
        self.assertEqual(audit.col_name(27), "AB")
        self.assertEqual(audit.col_name(51), "AZ")
        self.assertEqual(audit.col_name(52), "BA")
        self.assertEqual(audit.col_name(701), "ZZ")
        self.assertEqual(audit.col_name(702), "AAA")
        self.assertEqual(audit.col_name(16383), "XFD")  # Excel's last column

    def test_addr(self):
        self.assertEqual(audit.addr(0, 0), "A1")
        self.assertEqual(audit.addr(11, 6), "L7")
        self.assertEqual(audit.addr(27, 99), "AB100")

    def test_sheet_ref(self):
        self.assertEqual(audit.sheet_ref("Sheet1"), "Sheet1")
        self.assertEqual(audit.sheet_ref("Team_North"), "Team_North")
        self.assertEqual(audit.sheet_ref("Team North"), "'Team North'")
        self.assertEqual(audit.sheet_ref("Jo's caseload"), "'Jo''s caseload'")
        self.assertEqual(audit.sheet_ref("2026-12"), "'2026-12'")

    def test_quote(self):
        self.assertEqual(audit.quote("CP"), '"CP"')
        self.assertEqual(audit.quote('the "Smith" family'), '"the ""Smith"" family"')
        self.assertEqual(audit.quote(""), '""')
        self.assertEqual(audit.quote(7), '"7"')

    def test_fmt(self):
        self.assertEqual(audit.fmt("CP"), '"CP"')
        self.assertEqual(audit.fmt(6.0), "6")
        self.assertEqual(audit.fmt(-2.0), "-2")
        self.assertEqual(audit.fmt(0.0), "0")
        self.assertEqual(audit.fmt(7.5), "7.5")
        self.assertEqual(audit.fmt(10.25), "10.25")
        self.assertEqual(audit.fmt(1 / 3), "0.333333")
        self.assertEqual(audit.fmt(0.1 + 0.2), "0.3")
        self.assertEqual(audit.fmt(350.0), "350")

    def test_squash(self):
        self.assertEqual(audit.squash("Signifi- cant assess - ment 10"), "significantassessment10")
        self.assertEqual(audit.squash("Child\u2019s name"), "childsname")
        self.assertEqual(audit.squash("Child's name"), "childsname")
        self.assertEqual(audit.squash("CiC / care leaver"), "ciccareleaver")
        self.assertEqual(audit.squash("  TOTAL SCORE: "), "totalscore")
        self.assertEqual(audit.squash("S47"), "s47")
        self.assertEqual(audit.squash("---"), "")

    def test_differs(self):
        self.assertFalse(audit.differs(22.0, 22.0))
        self.assertFalse(audit.differs(0.1 + 0.2, 0.3))
        self.assertFalse(audit.differs(1.0, 1.0 + 1e-12))
        self.assertTrue(audit.differs(22.0, 22.5))
        self.assertTrue(audit.differs(1.0, 1.00001))
        self.assertTrue(audit.differs(-1.0, 1.0))

    def test_is_num(self):
        self.assertTrue(audit.is_num(6.0))
        self.assertFalse(audit.is_num("6"))
        self.assertFalse(audit.is_num(None))
        self.assertFalse(audit.is_num(""))


class Grades(unittest.TestCase):
    def test_abbreviates(self):
        self.assertTrue(audit.abbreviates("hsp", ["higher", "specialist"]))
        self.assertTrue(audit.abbreviates("hs", ["higher", "specialist"]))
        self.assertTrue(audit.abbreviates("higherspecialist", ["higher", "specialist"]))
        self.assertTrue(audit.abbreviates("exp", ["experienced"]))
        self.assertTrue(audit.abbreviates("", []))
        self.assertFalse(audit.abbreviates("x", []))
        self.assertFalse(audit.abbreviates("h", ["higher", "specialist"]))  # each word in turn
        self.assertFalse(audit.abbreviates("specialist", ["higher", "specialist"]))
        self.assertFalse(audit.abbreviates("hspx", ["higher", "specialist"]))
        self.assertFalse(audit.abbreviates("experiencedsw", ["experienced"]))
        self.assertFalse(audit.abbreviates("", ["experienced"]))

    def test_grade_of_swindon(self):
        self.assertEqual(audit.grade_of("SWINDON", "exp"), "EXPERIENCED")
        self.assertEqual(audit.grade_of("SWINDON", "experienced"), "EXPERIENCED")
        self.assertEqual(audit.grade_of("SWINDON", "hsp"), "HIGHER-SPECIALIST")
        self.assertEqual(audit.grade_of("SWINDON", "higherspec"), "HIGHER-SPECIALIST")
        self.assertEqual(audit.grade_of("SWINDON", "nqsw"), "NQSW")
        self.assertEqual(audit.grade_of("SWINDON", "nqs"), "NQSW")
        # too short to be taken for a grade
        self.assertIsNone(audit.grade_of("SWINDON", "ex"))
        self.assertIsNone(audit.grade_of("SWINDON", ""))
        # BASIC is an invalid grade (no band): never recognised as one
        self.assertIsNone(audit.grade_of("SWINDON", "basic"))
        self.assertIsNone(audit.grade_of("SWINDON", "senior"))
        self.assertIsNone(audit.grade_of("SWINDON", "teamnorth"))

    def test_grade_of_rbwm(self):
        self.assertEqual(audit.grade_of("RBWM", "senior"), "SENIOR")
        self.assertEqual(audit.grade_of("RBWM", "sen"), "SENIOR")
        self.assertEqual(audit.grade_of("RBWM", "exp"), "EXPERIENCED")
        self.assertEqual(audit.grade_of("RBWM", "nqsw"), "NQSW")
        self.assertIsNone(audit.grade_of("RBWM", "hsp"))  # a Swindon grade only

    def test_every_grade_name_is_its_own_grade(self):
        for name in ("SWINDON", "RBWM"):
            for grade in schemes.load(name).version_at().grade_names():
                self.assertEqual(audit.grade_of(name, audit.squash(grade)), grade)

    def test_default_grade(self):
        # SPEC 3.1 and 3.2: the default grade of both is EXPERIENCED
        self.assertEqual(audit.default_grade("SWINDON"), "EXPERIENCED")
        self.assertEqual(audit.default_grade("RBWM"), "EXPERIENCED")
        self.assertEqual(
            audit.default_grade("SWINDON"), schemes.load("SWINDON").version_at().default_grade
        )


class Columns(unittest.TestCase):
    def test_column_words(self):
        self.assertEqual(
            audit.column_words({"key": "cic", "what": "CiC / care leaver / foster carer"}),
            ["cic", "careleaver", "fostercarer"],
        )
        self.assertEqual(audit.column_words({"key": "cp", "what": "CP plan"}), ["cp", "cpplan"])
        self.assertEqual(audit.column_words({"key": "task"}), ["task"])
        self.assertEqual(
            audit.column_words({"key": "pre-proceedings", "what": "pre-proceedings"}),
            ["preproceedings"],
        )

    def test_column_words_of_the_scheme_files(self):
        rbwm = schemes.load("RBWM").version_at()
        self.assertEqual(
            audit.column_words(rbwm.column("fyw")),
            ["fyw", "familyandyouthworker", "supervisedcontact"],
        )
        swindon = schemes.load("SWINDON").version_at()
        self.assertEqual(
            audit.column_words(swindon.column("assessment")),
            ["assessment", "significantassessment"],
        )

    def test_column_rules_start_then_inside(self):
        rules = audit.column_rules(
            [{"key": "cp", "what": "CP plan"}, {"key": "travel", "what": "additional travel"}]
        )
        self.assertEqual([k for k, _ in rules], ["cp", "travel", "cp", "travel"])
        self.assertEqual(
            audit.header_columns(["CP plan", "Additional travel"], rules), {"cp": 0, "travel": 1}
        )
        # a word inside a header counts when it is at least 4 letters long
        self.assertEqual(audit.header_columns(["Is CP", "Extra travel time"], rules), {"travel": 1})

    def test_header_columns_takes_the_first_column_of_a_key(self):
        rules = audit.RULES["SWINDON"]
        cols = audit.header_columns(["Court", 5.0, "", None, "Court (active)", "Total"], rules)
        self.assertEqual(cols, {"court": 0, "total": 5})

    def test_header_columns_generic(self):
        rules = audit.RULES["SWINDON"]
        cols = audit.header_columns(["Child's name", "No. of children", "Total points"], rules)
        self.assertEqual(cols, {"name": 0, "children": 1, "total": 2})
        # a locality is not the name column
        self.assertEqual(audit.header_columns(["Locality name"], rules), {})

    def test_header_scheme_swindon(self):
        self.assertEqual(audit.header_scheme(SWINDON_HEADER), ("SWINDON", SWINDON_COLUMNS))

    def test_header_scheme_rbwm(self):
        self.assertEqual(audit.header_scheme(RBWM_HEADER), ("RBWM", RBWM_COLUMNS))

    def test_header_scheme_needs_five_number_columns(self):
        self.assertIsNone(audit.header_scheme(["Name", "CP", "Court", "Travel", "Total"]))
        # four number columns and the generic ones
        self.assertIsNone(
            audit.header_scheme(["Name", "Children", "LAC", "CP", "Court", "Travel", "Total"])
        )
        self.assertEqual(
            audit.header_scheme(["Name", "LAC", "CP", "Court", "Travel", "Task"])[0], "SWINDON"
        )
        self.assertIsNone(audit.header_scheme([]))
        self.assertIsNone(audit.header_scheme(["", None, 3.0, 4.0, 5.0, 6.0, 7.0]))

    def test_is_worker_total_label(self):
        for label in ("Total Score", "TOTAL", "total points:", "Grand total", "Worker total"):
            self.assertTrue(audit.is_worker_total_label(label), label)
        for v in ("Total for the row", "Subtotal", "", None, 10.0):
            self.assertFalse(audit.is_worker_total_label(v), v)


def two_grids():
    """A sheet of two Swindon workers: the first with a title, two case rows, an empty row and
    a Total Score row; the second without a Total Score row."""
    return [
        row("Social worker: Jo Bloggs"),  # 0
        row("Grade: Exp", "", "FTE 0.8"),  # 1
        list(SWINDON_HEADER),  # 2
        row("Smith family", 2.0, 10.0, "", 12.0, "", "", "", "", "", "", 22.0),  # 3
        row("Jones", "", 10.0, "", "", "", "", "", "", "", "", 10.0),  # 4
        row(),  # 5
        row("Total Score", "", "", "", "", "", "", "", "", "", "", 32.0),  # 6
        row(),  # 7
        row("SW:", "Ann Lee"),  # 8
        row("Grade", "NQSW", "FTE", 0.5),  # 9
        list(SWINDON_HEADER),  # 10
        row("Brown", "", "CP", "", "", "", "", "", "", "", "", ""),  # 11
        row("Team: North"),  # 12
        row("Green", 1.0, None),  # 13: a cell showing an error
        row(),  # 14
    ]


class Grids(unittest.TestCase):
    def test_find_grids(self):
        grids = audit.find_grids(two_grids())
        self.assertEqual(len(grids), 2)
        a, b = grids
        self.assertEqual((a.scheme, a.header_row, a.cols), ("SWINDON", 2, SWINDON_COLUMNS))
        self.assertEqual(a.rows, [3, 4])
        self.assertEqual(a.score_row, (6, 0))
        self.assertEqual(a.end_row, 5)
        self.assertEqual(a.total_col, 11)
        self.assertEqual(
            a.number_cols,
            [
                ("basic", 2),
                ("lac", 3),
                ("cp", 4),
                ("court", 5),
                ("assessment", 6),
                ("pre-proceedings", 7),
                ("travel", 8),
                ("task", 9),
                ("group-work", 10),
            ],
        )
        self.assertEqual((b.header_row, b.rows, b.score_row), (10, [11, 13], None))
        # without a Total Score row the body ends at the last case row
        self.assertEqual(b.end_row, 13)

    def test_find_grids_none(self):
        self.assertEqual(audit.find_grids([]), [])
        self.assertEqual(audit.find_grids([row("Leave rota"), row("A. Smith", "01/12")]), [])

    def test_a_second_header_ends_the_first_grid(self):
        data = [list(SWINDON_HEADER), row("Smith", "", 10.0), list(RBWM_HEADER), row("Jones")]
        a, b = audit.find_grids(data)
        self.assertEqual((a.scheme, a.rows, a.end_row, a.score_row), ("SWINDON", [1], 1, None))
        self.assertEqual((b.scheme, b.header_row, b.rows), ("RBWM", 2, []))
        # no case row and no Total Score row: the body runs to the end of the data
        self.assertEqual(b.end_row, 3)

    def test_is_case_row(self):
        (g,) = audit.find_grids([list(SWINDON_HEADER)])
        # a number in a number column or the total column
        self.assertTrue(audit.is_case_row(g, row("", "", "", "", 6.0)))
        self.assertTrue(audit.is_case_row(g, row("", "", "", "", "", "", "", "", "", "", "", 0.0)))
        # a cell showing an error
        self.assertTrue(audit.is_case_row(g, row("Smith", "", None)))
        # a name and a text in a number column (TO BE CLOSED, a code)
        self.assertTrue(audit.is_case_row(g, row("Smith", "", "", "", "TO BE CLOSED")))
        # a name alone, a text alone, an empty row, a title row
        self.assertFalse(audit.is_case_row(g, row("Smith")))
        self.assertFalse(audit.is_case_row(g, row("", "", "CP")))
        self.assertFalse(audit.is_case_row(g, row()))
        self.assertFalse(audit.is_case_row(g, row("Team: North", "", "CP")))
        self.assertFalse(audit.is_case_row(g, row("Smith", "", "Date: 03/12")))
        # a row shorter than the header
        self.assertFalse(audit.is_case_row(g, ["Smith"]))
        # a number only in the children column (not a checked column)
        self.assertFalse(audit.is_case_row(g, row("", 2.0)))


class Titles(unittest.TestCase):
    def grid(self, data):
        return next(g for g in audit.find_grids(data))

    def test_title_info_of_two_grids(self):
        data = two_grids()
        a, b = audit.find_grids(data)
        self.assertEqual(audit.title_info(data, a, 0), ("Jo Bloggs", "EXPERIENCED", 0.8))
        # from the row after the first worker's Total Score row
        self.assertEqual(audit.title_info(data, b, 7), ("Ann Lee", "NQSW", 0.5))

    def test_title_info_reads_at_most_four_rows_above_the_header(self):
        data = [row("Social worker: Jo Bloggs")] + [row()] * 4 + [list(SWINDON_HEADER)]
        g = self.grid(data)
        self.assertEqual(audit.title_info(data, g, 0), (None, None, None))
        data = [row("Social worker: Jo Bloggs")] + [row()] * 3 + [list(SWINDON_HEADER)]
        self.assertEqual(audit.title_info(data, self.grid(data), 0), ("Jo Bloggs", None, None))

    def test_title_info_from_top(self):
        data = [row("Name: Jo Bloggs"), row("Grade: HSp"), list(SWINDON_HEADER)]
        g = self.grid(data)
        self.assertEqual(audit.title_info(data, g, 0), ("Jo Bloggs", "HIGHER-SPECIALIST", None))
        self.assertEqual(audit.title_info(data, g, 1), (None, "HIGHER-SPECIALIST", None))

    def test_title_info_name_before_other_fields(self):
        data = [row("Social worker: Ann Lee Team: North"), list(SWINDON_HEADER)]
        self.assertEqual(audit.title_info(data, self.grid(data), 0), ("Ann Lee", None, None))

    def test_title_info_no_name(self):
        # a placeholder, a title word after the label, a council's name
        for title in (
            row("SW: xxx"),
            row("Name:", "Grade: Exp"),
            row("Swindon Borough Council"),
        ):
            data = [title, list(SWINDON_HEADER)]
            name, _, _ = audit.title_info(data, self.grid(data), 0)
            self.assertIsNone(name, title[:2])

    def test_title_info_fte(self):
        for cells, fte in (
            (("FTE: 0.5",), 0.5),
            (("FTE", 0.6), 0.6),
            (("FTE 1",), 1.0),
            (("FTE", 1.5), None),  # not a fraction of full time
            (("FTE 0",), None),
            (("FTE", "part time"), None),
        ):
            data = [row(*cells), list(SWINDON_HEADER)]
            self.assertEqual(audit.title_info(data, self.grid(data), 0)[2], fte, cells)

    def test_title_info_of_the_seed_layouts(self):
        # the title rows of the Swindon seed's grids: the label and the grade in cells of
        # their own, and a placeholder title listing every grade
        for title, expected in (
            (
                [
                    "Team: P&P1",
                    "",
                    "",
                    "",
                    "",
                    "SW    Mary Bloggs",
                    "",
                    "NQSW",
                    "",
                    "",
                    "As at: 27",
                ],
                ("Mary Bloggs", "NQSW", None),
            ),
            (
                ["Team:XXX", "", "", "", "", "SW: Ben Carter", "", "Exp", "", "", "As at: xxx"],
                ("Ben Carter", "EXPERIENCED", None),
            ),
            (
                ["Team:XX", "", "", "", "", "SW: XXX", "", "NQSW/Basic/Exp/HSp", "", "", "As at:"],
                (None, None, None),
            ),
        ):
            data = [title, row(), list(SWINDON_HEADER)]
            self.assertEqual(audit.title_info(data, self.grid(data), 0), expected, title[5])
        # the RBWM seed's title row
        data = [
            ["Appendix 1:  ALL CASES \u2013 CASELOAD WEIGHTING"],
            [
                "SOCIAL WORKER: Dana Hill",
                "",
                "",
                "TEAM: West",
                "",
                "DATE: 1 March",
                "",
                "Grade: NQSW",
            ],
            [],
            list(RBWM_HEADER),
        ]
        self.assertEqual(audit.title_info(data, self.grid(data), 0), ("Dana Hill", "NQSW", None))

    def test_title_info_rbwm_grade(self):
        data = [row("Worker: Sam Patel", "Grade: Senior"), list(RBWM_HEADER)]
        g = self.grid(data)
        self.assertEqual(g.scheme, "RBWM")
        self.assertEqual(audit.title_info(data, g, 0), ("Sam Patel", "SENIOR", None))


class Formulas(unittest.TestCase):
    def test_check_formula(self):
        self.assertEqual(
            audit.check_formula("SWINDON", "cp", 6.0),
            'ORG.CASEWEIGHT.ADDIN.COLUMNCHECK("SWINDON";"cp";6)',
        )
        self.assertEqual(
            audit.check_formula("RBWM", "travel", "TO BE CLOSED", 3),
            'ORG.CASEWEIGHT.ADDIN.COLUMNCHECK("RBWM";"travel";"TO BE CLOSED";3)',
        )
        self.assertEqual(
            audit.check_formula("NOTTS", "other-children", 4.5, 2),
            'ORG.CASEWEIGHT.ADDIN.COLUMNCHECK("NOTTS";"other-children";4.5;2)',
        )

    def test_line_formula(self):
        self.assertEqual(audit.line_formula(3, None, 9), "=D10")
        self.assertEqual(audit.line_formula(3, 2, 9), "=MAX(1;C10)*D10")


if __name__ == "__main__":
    unittest.main()
