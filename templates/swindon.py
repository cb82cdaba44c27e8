"""Swindon Borough Council caseload weighting sheets (SPEC 3.1; seed 001, "The Weighting
Sheets" and "Family Placements Service").

The children's teams' sheet keeps the paper sheet's columns in their order: child's name,
locality area of the child's home, basic weight, LAC, CP plan, court, significant assessment,
pre-proceedings, additional travel, time-limited task, group work, total for child. Each column
holds the codes that score it (the LAC column: LAC, or LAC with COMPLEX); the total is
CASEPOINTS over the row's codes. Under the table: the total score, the grade's band and where
the worker stands in it.
"""

from cwtemplate import (
    Check,
    Children,
    Choice,
    Codes,
    Field,
    Formula,
    Number,
    Points,
    Share,
    Sheet,
    Template,
    Text,
    Total,
    put_table,
)
from history import history_sheet

S = "SWINDON"
GRADES = ("NQSW", "EXPERIENCED", "HIGHER-SPECIALIST")
ROWS = 22
# The locality areas of the child's home, as the guidance to the sheet names them (the
# council's CAT areas); no points.
LOCALITIES = (("EN", "East and North"), ("S", "South"), ("W", "West"))


def Locality(header, width):
    return Choice(
        "locality",
        header,
        [code for code, _ in LOCALITIES],
        width,
        note="The locality (CAT) area of the child's home: "
        + ", ".join("%s %s" % x for x in LOCALITIES)
        + ". No points.",
    )


def header_fields():
    return [
        Field("team", "Team"),
        Field("worker", "Social worker"),
        Field(
            "grade",
            "Grade",
            "choice",
            choices=GRADES,
            note="NQSW: up to 300 points; EXPERIENCED: 330-350; HIGHER-SPECIALIST: 350-400. "
            "Empty means EXPERIENCED.",
        ),
        Field(
            "fte",
            "FTE",
            "number",
            minimum=0.01,
            maximum=1,
            note="Full-time equivalent (empty = 1). Bands are pro rata.",
        ),
        Field("as_at", "As at", "date", fmt="DD/MM/YYYY"),
        Field("supervisor", "Supervisor"),
        Field("psw", "Principal social worker tasks", "codes", group="worker"),
    ]


def worker_totals():
    return [
        Total("case_points", "Case points", "=SUM({points})", fmt="0.##"),
        Total(
            "worker_points",
            "Higher specialist allowance (PSW tasks)",
            '=WORKERPOINTS("SWINDON";{psw})',
            fmt="0.##",
        ),
        Total(
            "total",
            "Total score",
            '=WORKLOADPOINTS("SWINDON";{points};{worker_points})',
            fmt="0.##",
        ),
        Total(
            "band",
            "Band for the grade",
            '=WORKLOADBAND("SWINDON";{total};{?grade};{?fte})',
            band=True,
        ),
        Total(
            "capacity",
            "Capacity used (100% = top of the band)",
            '=WORKLOADCAPACITY("SWINDON";{total};{?grade};{?fte})',
            fmt="0%",
        ),
        Total(
            "top",
            "Top of the band at this FTE",
            '=1/WORKLOADCAPACITY("SWINDON";1;{?grade};{?fte})',
            fmt="0.#",
        ),
        Total("headroom", "Headroom to the top of the band", "={top}-{total}", fmt="0.#;-0.#;0"),
    ]


def band_table(builder, lay, index):
    """The grades' bands, as the add-in computes them, beside the totals."""
    sh = lay.sheet
    top = lay.block_row
    builder.put(sh, 0, top, "Grade", "cw Header")
    builder.put(sh, 1, top, "Within band (full time)", "cw Header")
    builder.merge(sh, 1, top, 3, top)
    for i, g in enumerate(GRADES):
        limits = builder.engine.band_limits(S, g)
        within = [x for x in limits if x[0] == "Within band"][0]
        lo = "up to" if within[1] == 0 else "%d to" % within[1]
        builder.put(sh, 0, top + 1 + i, g, "cw Entry")
        builder.put(sh, 1, top + 1 + i, "%s %d points" % (lo, within[2]), "cw Entry")
        builder.merge(sh, 1, top + 1 + i, 3, top + 1 + i)
    builder.put(
        sh,
        0,
        top + len(GRADES) + 1,
        "Part-time: the band is pro rata (FTE x the limits).",
        "cw Note",
    )


SCORING_NOTES = (
    "One row per looked after or child protection child (or a sibling group: Children = N); one "
    "row per family for children in need.",
    "LAC and CP include the basic weight 10; the CP basic part of a sibling group living together "
    "is capped at 30. COMPLEX (+4 per child) goes with LAC or CP only.",
    "A row that breaks a rule turns red, its total shows Err:502 and the Check column says why.",
)

CHILDREN_COLUMNS = [
    Text("name", "Child's name\n(family name for CIN)", 42),
    Children("Children\n(N for a family)", 16),
    Locality("Locality area of child's home", 15),
    Codes(
        "basic", "Basic weight\nCIN family 10\n(4-6 children 20, 7+ 30)", "children", only=("CIN",)
    ),
    Codes(
        "lac",
        "Looked after (LAC)\nstandard 6,\ncomplex +4",
        "children",
        only=("LAC",),
        combos=("LAC; COMPLEX",),
    ),
    Codes(
        "cp",
        "Child protection plan (CP)\nstandard 6,\ncomplex +4",
        "children",
        only=("CP",),
        combos=("CP; COMPLEX",),
    ),
    Codes("court", "In court\n10 initial / final,\n5 if more settled", "court", 25),
    Codes("assessment", "Significant assessment 10", "assessment+s47"),
    Codes("pre", "Work underway in pre-proceedings 4", "pre-proceedings", 25),
    Codes("travel", "Additional travel\n4, 6 or 10", "travel"),
    Codes(
        "task",
        "Time-limited specific task\n(life story ...) 5",
        "task",
        combos=("TASK; TASK", "TASK; TASK; TASK"),
    ),
    Codes("group", "Running group work 10", "group-work", 17),
    Share(),
    Points(S, header="Total for child"),
    Check(S),
]

children_teams = Template(
    file="swindon-children",
    title="Swindon: children's social work weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for children's social work teams.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            title="Swindon Borough Council - caseload weighting sheet: children's social work",
            fields=header_fields(),
            columns=CHILDREN_COLUMNS,
            rows=ROWS,
            totals=worker_totals(),
            notes=SCORING_NOTES,
            extras=[band_table],
        )
    ],
)

disabled_children = Template(
    file="swindon-disabled-children",
    title="Swindon: disabled children's team weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for the disabled children's team: "
    "care-managed cases (5 points) beside social work cases.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            title="Swindon Borough Council - caseload weighting sheet: disabled children's team",
            fields=header_fields(),
            columns=[
                Codes(
                    "basic",
                    "Basic weight\ncare-managed 5;\nCIN family 10 (4-6: 20, 7+: 30)",
                    "cypd+children",
                    only=("CARE-MANAGED", "CIN"),
                )
                if c.key == "basic"
                else c
                for c in CHILDREN_COLUMNS
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=("Care-managed cases: CARE-MANAGED in the basic weight column, 5 points a case.",)
            + SCORING_NOTES[1:],
            extras=[band_table],
        )
    ],
)

leaving_care = Template(
    file="swindon-leaving-care",
    title="Swindon: leaving care weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for leaving care: one row per young person.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            title="Swindon Borough Council - caseload weighting sheet: leaving care",
            fields=header_fields(),
            columns=[
                Text("name", "Young person's name", 42),
                Choice(
                    "category",
                    "Category",
                    ("Eligible", "Relevant", "Former relevant"),
                    22,
                    note="Eligible: still looked after (16-17), score LAC. Relevant: left care at "
                    "16-17. Former relevant: 18 and over.",
                ),
                Locality("Locality area", 13),
                Codes(
                    "basic",
                    "Basic weight\nleaving care 10\n(LAC while looked after)",
                    "leaving-care+children",
                    26,
                    only=("CARE-LEAVER", "LAC"),
                    combos=("LAC; COMPLEX",),
                ),
                Codes("court", "In court\n10 initial / final,\n5 if more settled", "court", 25),
                Codes("assessment", "Significant assessment 10", "assessment"),
                Codes("travel", "Additional travel\n4, 6 or 10", "travel"),
                Codes(
                    "task",
                    "Time-limited specific task 5",
                    "task",
                    combos=("TASK; TASK", "TASK; TASK; TASK"),
                ),
                Codes("group", "Running group work 10", "group-work", 17),
                Share(),
                Points(S, header="Total for young person"),
                Check(S),
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=(
                "Eligible young people are still looked after: score LAC (with COMPLEX when "
                "complex), not CARE-LEAVER.",
                "Relevant and former relevant young people: CARE-LEAVER, basic weight 10.",
                SCORING_NOTES[2],
            ),
            extras=[band_table],
        )
    ],
)

family_placements = Template(
    file="swindon-family-placements",
    title="Swindon: family placements (fostering and adoption) weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for the family placements service.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            title="Swindon Borough Council - caseload weighting sheet: family placements "
            "(fostering and adoption)",
            fields=header_fields(),
            columns=[
                Text("name", "Carer family name and child placed\n(last name first)", 46),
                Children("Children placed"),
                Codes(
                    "basic",
                    "Basic weighting\n10 per child placed;\n10 for carers without a "
                    "full-time placement",
                    "family-placements",
                    30,
                    only=("FP-CHILD", "FP-CARER"),
                ),
                Codes(
                    "assessment",
                    "Assessments\n5, complex 10 (Form F)",
                    "family-placements",
                    30,
                    prefix="FP-ASSESSMENT",
                ),
                Codes(
                    "review",
                    "Approved carer reviews\n5 report, 10 report and attendance",
                    "family-placements",
                    26,
                    prefix="FP-REVIEW",
                ),
                Codes(
                    "support",
                    "Additional support to carer / placement\n5, complex 10",
                    "family-placements",
                    28,
                    prefix="FP-SUPPORT",
                ),
                Codes("travel", "Additional travel\n4, 6 or 10", "travel"),
                Codes(
                    "task",
                    "Time-limited / specific tasks\n5, complex 10",
                    "family-placements",
                    26,
                    prefix="FP-TASK",
                ),
                Codes(
                    "group",
                    "Group / project / non-casework\n5 (under half a day a month), 10",
                    "family-placements",
                    26,
                    prefix="FP-GROUP",
                ),
                Share(),
                Points(S, header="Total"),
                Check(S),
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=(
                "One row per child placed (FP-CHILD, Children placed = N) or per carer household "
                "without a full-time placement (FP-CARER); carers with several placements may "
                "show more than once.",
                SCORING_NOTES[2],
            ),
            extras=[band_table],
        )
    ],
)


# -- the team manager's roll-up ------------------------------------------------------------

ATMS = 4


def atm_table(builder, lay, index):
    """Averages per assistant team manager: names typed in, the rest computed."""
    sh = lay.sheet
    top = lay.next_row
    lay.next_row = top + ATMS + 4
    atm = lay.cell("atm")
    total = lay.cell("total")
    band = lay.cell("band")
    rows = []
    for i in range(ATMS):
        r = top + 1 + i + 1  # 1-based row of this line
        rows.append(
            [
                None,
                '=IF(A{r}="";"";COUNTIF({atm};A{r}))',
                '=IF(N(B{r})=0;"";SUMIF({atm};A{r};{total}))',
                '=IF(N(B{r})=0;"";SUMIF({atm};A{r};{total})/B{r})',
                '=IF(N(B{r})=0;"";COUNTIFS({atm};A{r};{band};"Above band"))',
            ]
        )
        rows[-1] = [
            x if x is None else x.format(r=r, atm=atm, total=total, band=band) for x in rows[-1]
        ]
    put_table(
        builder,
        lay,
        index,
        top,
        0,
        ["Assistant team manager", "Workers", "Total points", "Average per worker", "Above band"],
        rows,
        styles=["cw Field", "cw Result", "cw Result", "cw Result", "cw Result"],
    )
    for i in range(ATMS):
        builder.name("cw_atm_%d" % (i + 1), lay.sheet_name, 0, top + 1 + i, 4, top + 1 + i)
        sh.getCellByPosition(3, top + 1 + i).NumberFormat = builder.fmt("0.#")
    builder.put(
        sh,
        0,
        top + ATMS + 2,
        "Type each assistant team manager's name once here and against their workers.",
        "cw Note",
    )


team_summary = Template(
    file="swindon-team-summary",
    title="Swindon: team summary of caseload weighting",
    scheme=S,
    description="The team manager's roll-up: every worker's total, averages per assistant team "
    "manager, the team's total and who is above band.",
    sheets=[
        Sheet(
            name="Team summary",
            title="Swindon Borough Council - caseload weighting: team summary",
            fields=[
                Field("team", "Team"),
                Field("manager", "Team manager"),
                Field("as_at", "As at", "date", fmt="DD/MM/YYYY"),
            ],
            columns=[
                Text("worker", "Social worker", 40),
                Text("atm", "Assistant team manager", 34),
                Choice("grade", "Grade", GRADES, 26, note="Empty means EXPERIENCED."),
                Number("fte", "FTE", 12, minimum=0.01, maximum=1, note="Empty means 1."),
                Number(
                    "total", "Total score\n(from the worker's sheet)", 22, minimum=0, maximum=2000
                ),
                Formula(
                    "band",
                    "Band",
                    '=IF({total}="";"";WORKLOADBAND("SWINDON";{total};{?grade};{?fte}))',
                    22,
                    band=True,
                ),
                Formula(
                    "capacity",
                    "Capacity used",
                    '=IF({total}="";"";WORKLOADCAPACITY("SWINDON";{total};{?grade};{?fte}))',
                    18,
                    fmt="0%",
                ),
                Formula(
                    "over",
                    "Above the top of the band by",
                    '=IF({total}="";"";MAX(0;{total}-1/WORKLOADCAPACITY("SWINDON";1;{?grade};'
                    "{?fte})))",
                    22,
                    fmt="0.#",
                ),
            ],
            rows=12,
            fields_per_row=3,
            check_key="",
            totals_under="over",
            totals=[
                Total("workers", "Workers scored", "=COUNT({total})"),
                Total(
                    "team_total",
                    "Team total (the team manager's workload)",
                    "=SUM({total})",
                    fmt="0.#",
                ),
                Total(
                    "team_average",
                    "Average per worker",
                    '=IF({workers}=0;"";{team_total}/{workers})',
                    fmt="0.#",
                ),
                Total("above", "Workers above band", '=COUNTIF({band};"Above band")'),
                Total(
                    "above_names",
                    "Above band",
                    '=TEXTJOIN(", ";1;IF({band}="Above band";' '{worker};""))',
                    array=True,
                    style="cw Check",
                ),
                Total(
                    "team_capacity",
                    "Team capacity used (totals / maxima at FTE)",
                    '=IF(COUNT({total})=0;"";TEAMCAPACITY("SWINDON";{total};{grade};{fte}))',
                    fmt="0%",
                ),
                Total(
                    "spread",
                    "Spread between workers (capacity used)",
                    '=IF(COUNT({total})=0;"";TEAMSPREAD("SWINDON";{total};{grade};{fte}))',
                    fmt="0%",
                ),
            ],
            notes=(
                "Totals come from each worker's weighting sheet. The band and capacity follow "
                "the grade and FTE as on the worker's sheet.",
            ),
            extras=[atm_table],
        ),
        history_sheet(S, "Swindon Borough Council", GRADES),
    ],
)

TEMPLATES = [children_teams, family_placements, leaving_care, disabled_children, team_summary]
