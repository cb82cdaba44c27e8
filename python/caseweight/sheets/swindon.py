"""Swindon Borough Council: the team manager's summary of the caseload weighting sheets
(schemes/swindon.toml). The worker sheets of the children's teams, the disabled children's
team, leaving care and family placements are made from the [[sheet]] tables of the scheme
file (scheme_sheet).
"""

from caseweight import schemes
from .cwtemplate import (
    Choice,
    Field,
    Formula,
    Number,
    Sheet,
    Template,
    Text,
    Total,
    put_table,
)
from .history import history_sheet

SCHEME = schemes.of_file("swindon")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
GRADES = tuple(V.grade_names())
WITHIN = V.bands["within"]
ABOVE = V.bands["above"][0]["label"]

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

TEMPLATES = [team_summary]
