"""Swindon Borough Council caseload weighting sheets (schemes/swindon.toml; the council's
"The Weighting Sheets" and "Family Placements Service").

The children's teams' sheet keeps the paper sheet's columns in their order: child's name,
locality area of the child's home, basic weight, LAC, CP plan, court, significant assessment,
pre-proceedings, additional travel, time-limited task, group work, total for child. Each column
holds the codes that score it (the looked-after column: its case type alone or with the complex
modifier); the total is CASEPOINTS over the row's codes. Codes, points, grades and bands come
from schemes/swindon.toml. Under the table: the total score, the grade's band and where
the worker stands in it.
"""

from caseweight import schemes
from . import words
from .cwtemplate import (
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
    band_table,
    grades_note,
    over_maximum,
    put_table,
    repeats,
    scored,
    with_plus,
)
from .history import history_sheet

SCHEME = schemes.of_file("swindon")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
GRADES = tuple(V.grade_names())
WITHIN = V.bands["within"]
ABOVE = V.bands["above"][0]["label"]

# The paper sheet's columns, as the scheme file describes them.
LAC = V.column("lac")
CP = V.column("cp")
COMPLEX = LAC["plus"]
TASK = V.column("task")["item"]
FAMILY = [c for c in V.codes(column="children") if V.item(c).get("per") == "family-size"]
CASE_TYPES_WITH_COMPLEX = V.rule("only-with", code=COMPLEX)["with"]
# Family placements: the carer's case types, then the modifiers in pairs (plain, complex).
FP_CASES = V.codes(group="case", column="family-placements")
FP_MODIFIERS = V.codes(group="modifier", column="family-placements")
FP_PAIRS = [FP_MODIFIERS[i : i + 2] for i in range(0, len(FP_MODIFIERS), 2)]
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
        Field("grade", "Grade", "choice", choices=GRADES, note=grades_note(V)),
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
            "=WORKERPOINTS({scheme};{psw})",
            fmt="0.##",
        ),
        Total(
            "total",
            "Total score",
            "=WORKLOADPOINTS({scheme};{points};{worker_points})",
            fmt="0.##",
        ),
        Total(
            "band",
            "Band for the grade",
            "=WORKLOADBAND({scheme};{total};{?grade};{?fte})",
            band=True,
        ),
        Total(
            "capacity",
            "Capacity used (100% = top of the band)",
            "=WORKLOADCAPACITY({scheme};{total};{?grade};{?fte})",
            fmt="0%",
        ),
        Total(
            "top",
            "Top of the band at this FTE",
            "=1/WORKLOADCAPACITY({scheme};1;{?grade};{?fte})",
            fmt="0.#",
        ),
        Total("headroom", "Headroom to the top of the band", "={top}-{total}", fmt="0.#;-0.#;0"),
    ]


def grade_bands(builder, lay, index):
    """The grades' bands, as the scheme file gives them, beside the totals."""
    r = band_table(builder, lay, lay.block_row, V)
    builder.put(lay.sheet, 0, r, "Part-time: the band is pro rata (FTE x the limits).", "cw Note")


SCORING_NOTES = (
    "One row per looked after or child protection child (or a sibling group: Children = N); one "
    "row per family for children in need.",
    "%s and %s include the basic weight: %s %s; %s %s (the basic part of a sibling group living "
    "together). %s (+%s per child) goes with %s only."
    % (
        LAC["item"],
        CP["item"],
        LAC["item"],
        words.points(LAC["item"]),
        CP["item"],
        words.points(CP["item"]),
        COMPLEX,
        words.points(COMPLEX, form="short"),
        " or ".join(CASE_TYPES_WITH_COMPLEX),
    ),
    "A row that breaks a rule turns red, its total shows Err:502 and the Check column says why.",
)


def each_child_column(key, title, column, width=24):
    """A column of one case type per child, alone or with its modifier (the paper sheet's LAC
    and CP columns)."""
    return Codes(
        key,
        scored(title, V, [column["item"]], column["plus"]),
        "children",
        width,
        only=(column["item"],),
        combos=with_plus([column["item"]], column["plus"]),
    )


COURT = scored("In court", V, V.codes(column="court"))
TRAVEL = scored("Additional travel", V, V.codes(column="travel"))
TASK_HEADER = scored("Time-limited specific task\n(life story ...)", V, [TASK])
GROUP_HEADER = scored("Running group work", V, V.codes(column="group-work"))
ASSESSMENT = scored("Significant assessment", V, V.codes(column="assessment"))

CHILDREN_COLUMNS = [
    Text("name", "Child's name\n(family name for %s)" % "/".join(FAMILY), 42),
    Children("Children\n(N for a family)", 16),
    Locality("Locality area of child's home", 15),
    Codes(
        "basic",
        "Basic weight\n" + "; ".join("%s %s" % (c, words.points(c)) for c in FAMILY),
        "children",
        only=FAMILY,
    ),
    each_child_column("lac", "Looked after (%s)" % LAC["item"], LAC),
    each_child_column("cp", "Child protection plan (%s)" % CP["item"], CP),
    Codes("court", COURT, "court", 25),
    Codes(
        "assessment",
        scored("Significant assessment", V, V.codes(column="assessment") + V.codes(column="s47")),
        "assessment+s47",
    ),
    Codes(
        "pre",
        scored("Work underway in pre-proceedings", V, V.codes(column="pre-proceedings")),
        "pre-proceedings",
        25,
    ),
    Codes("travel", TRAVEL, "travel"),
    Codes("task", TASK_HEADER, "task", combos=repeats(TASK)),
    Codes("group", GROUP_HEADER, "group-work", 17),
    Share(),
    Points(header="Total for child"),
    Check(),
]

children_teams = Template(
    file="swindon-children",
    title="Swindon: children's social work weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for children's social work teams.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            date_key="as_at",
            title="Swindon Borough Council - caseload weighting sheet: children's social work",
            fields=header_fields(),
            columns=CHILDREN_COLUMNS,
            rows=ROWS,
            totals=worker_totals(),
            notes=SCORING_NOTES,
            extras=[grade_bands, over_maximum(V)],
        )
    ],
)

CARE_MANAGED = V.codes(group="case", column="cypd")

disabled_children = Template(
    file="swindon-disabled-children",
    title="Swindon: disabled children's team weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for the disabled children's team: "
    "care-managed cases beside social work cases.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            date_key="as_at",
            title="Swindon Borough Council - caseload weighting sheet: disabled children's team",
            fields=header_fields(),
            columns=[
                (
                    Codes(
                        "basic",
                        "Basic weight\ncare-managed %s;\n%s"
                        % (
                            words.points(*CARE_MANAGED),
                            "; ".join("%s %s" % (c, words.points(c)) for c in FAMILY),
                        ),
                        "cypd+children",
                        only=CARE_MANAGED + FAMILY,
                    )
                    if c.key == "basic"
                    else c
                )
                for c in CHILDREN_COLUMNS
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=(
                "Care-managed cases: %s in the basic weight column, %s points a case."
                % (" or ".join(CARE_MANAGED), words.points(*CARE_MANAGED)),
            )
            + SCORING_NOTES[1:],
            extras=[grade_bands, over_maximum(V)],
        )
    ],
)

CARE_LEAVER = V.codes(group="case", column="leaving-care")

leaving_care = Template(
    file="swindon-leaving-care",
    title="Swindon: leaving care weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for leaving care: one row per young person.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            date_key="as_at",
            title="Swindon Borough Council - caseload weighting sheet: leaving care",
            fields=header_fields(),
            columns=[
                Text("name", "Young person's name", 42),
                Choice(
                    "category",
                    "Category",
                    ("Eligible", "Relevant", "Former relevant"),
                    22,
                    note="Eligible: still looked after (16-17), score %s. Relevant: left care at "
                    "16-17. Former relevant: 18 and over." % LAC["item"],
                ),
                Locality("Locality area", 13),
                Codes(
                    "basic",
                    scored("Basic weight", V, CARE_LEAVER)
                    + "\n(%s while looked after)" % LAC["item"],
                    "leaving-care+children",
                    26,
                    only=CARE_LEAVER + [LAC["item"]],
                    combos=with_plus([LAC["item"]], COMPLEX),
                ),
                Codes("court", COURT, "court", 25),
                Codes("assessment", ASSESSMENT, "assessment"),
                Codes("travel", TRAVEL, "travel"),
                Codes(
                    "task",
                    scored("Time-limited specific task", V, [TASK]),
                    "task",
                    combos=repeats(TASK),
                ),
                Codes("group", GROUP_HEADER, "group-work", 17),
                Share(),
                Points(header="Total for young person"),
                Check(),
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=(
                "Eligible young people are still looked after: score %s (with %s when "
                "complex), not %s." % (LAC["item"], COMPLEX, " or ".join(CARE_LEAVER)),
                "Relevant and former relevant young people: %s, basic weight %s."
                % (" or ".join(CARE_LEAVER), words.points(*CARE_LEAVER)),
                SCORING_NOTES[2],
            ),
            extras=[grade_bands, over_maximum(V)],
        )
    ],
)


def fp_codes(key, title, codes, width=26):
    """A family placements column: its codes from the scheme file, their points after the
    title."""
    return Codes(key, scored(title, V, codes), "family-placements", width, only=codes)


family_placements = Template(
    file="swindon-family-placements",
    title="Swindon: family placements (fostering and adoption) weighting sheet",
    scheme=S,
    description="Swindon caseload weighting sheet for the family placements service.",
    sheets=[
        Sheet(
            name="Weighting sheet",
            date_key="as_at",
            title="Swindon Borough Council - caseload weighting sheet: family placements "
            "(fostering and adoption)",
            fields=header_fields(),
            columns=[
                Text("name", "Carer family name and child placed\n(last name first)", 46),
                Children("Children placed"),
                Codes(
                    "basic",
                    "Basic weighting\n"
                    + ";\n".join("%s %s" % (c, words.points(c)) for c in FP_CASES),
                    "family-placements",
                    30,
                    only=FP_CASES,
                ),
                fp_codes("assessment", "Assessments\n(complex: Form F)", FP_PAIRS[0], 30),
                fp_codes("review", "Approved carer reviews\n(report; attendance)", FP_PAIRS[1]),
                fp_codes("support", "Additional support to carer / placement", FP_PAIRS[2], 28),
                Codes("travel", TRAVEL, "travel"),
                fp_codes("task", "Time-limited / specific tasks", FP_PAIRS[3]),
                fp_codes(
                    "group",
                    "Group / project / non-casework\n(under half a day a month; more)",
                    FP_PAIRS[4],
                ),
                Share(),
                Points(header="Total"),
                Check(),
            ],
            rows=ROWS,
            totals=worker_totals(),
            notes=(
                "One row per child placed (%s, Children placed = N) or per carer household "
                "without a full-time placement (%s); carers with several placements may "
                "show more than once." % tuple(FP_CASES[:2]),
                SCORING_NOTES[2],
            ),
            extras=[grade_bands, over_maximum(V)],
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
                '=IF(N(B{r})=0;"";COUNTIFS({atm};A{r};{band};"%s"))' % ABOVE,
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
        ["Assistant team manager", "Workers", "Total points", "Average per worker", ABOVE],
        rows,
        styles=["cw Field", "cw Result", "cw Result", "cw Result", "cw Result"],
    )
    builder.name("cw_atm_names", lay.sheet_name, 0, top + 1, 0, top + ATMS)
    builder.declare("cw_atm_names", "Worker")
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
            date_key="as_at",
            title="Swindon Borough Council - caseload weighting: team summary",
            fields=[
                Field("team", "Team"),
                Field("manager", "Team manager"),
                Field("as_at", "As at", "date", fmt="DD/MM/YYYY"),
            ],
            columns=[
                Text("worker", "Social worker", 40),
                Text("atm", "Assistant team manager", 34),
                Choice("grade", "Grade", GRADES, 26, note="Empty means %s." % V.default_grade),
                Number("fte", "FTE", 12, minimum=0.01, maximum=1, note="Empty means 1."),
                Number(
                    "total", "Total score\n(from the worker's sheet)", 22, minimum=0, maximum=2000
                ),
                Formula(
                    "band",
                    "Band",
                    '=IF({total}="";"";WORKLOADBAND({scheme};{total};{?grade};{?fte}))',
                    22,
                    band=True,
                ),
                Formula(
                    "capacity",
                    "Capacity used",
                    '=IF({total}="";"";WORKLOADCAPACITY({scheme};{total};{?grade};{?fte}))',
                    18,
                    fmt="0%",
                ),
                Formula(
                    "over",
                    "Above the top of the band by",
                    '=IF({total}="";"";MAX(0;{total}-1/WORKLOADCAPACITY({scheme};1;{?grade};'
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
                Total("above", "Workers above band", '=COUNTIF({band};"%s")' % ABOVE),
                Total(
                    "above_names",
                    ABOVE,
                    '=TEXTJOIN(", ";1;IF({band}="%s";{worker};""))' % ABOVE,
                    array=True,
                    style="cw Check",
                ),
                Total(
                    "team_capacity",
                    "Team capacity used (totals / maxima at FTE)",
                    '=IF(COUNT({total})=0;"";TEAMCAPACITY({scheme};{total};{grade};{fte}))',
                    fmt="0%",
                ),
                Total(
                    "spread",
                    "Spread between workers (capacity used)",
                    '=IF(COUNT({total})=0;"";TEAMSPREAD({scheme};{total};{grade};{fte}))',
                    fmt="0%",
                ),
            ],
            notes=(
                "Totals come from each worker's weighting sheet. The band and capacity follow "
                "the grade and FTE as on the worker's sheet.",
            ),
            extras=[atm_table],
        ),
        history_sheet(S, SCHEME.council, GRADES),
    ],
)

TEMPLATES = [children_teams, family_placements, leaving_care, disabled_children, team_summary]
