"""Warrington workload management scheme for social work teams, February 2014 (SPEC 3.4; seed
001): every workload has a stable element (15), cases and extra responsibilities; a workload
weight of 1 point per whole 10 case points is added; the total is set against the capacity
(100 for a full-time practitioner, 90 for an ASYE, 60 for a student, pro rata).
"""

from cwtemplate import Check, Children, Codes, Field, Points, Share, Sheet, Template, Text, Total

S = "WARRINGTON"
GRADES = ("PRACTITIONER", "ASYE", "STUDENT")
EXTRA_LINES = 5


def extra_responsibilities(builder, lay, index):
    """Extra responsibilities: one code a line, beside the totals."""
    sh = lay.sheet
    top = lay.block_row
    builder.put(sh, 0, top, "Extra responsibilities", "cw Header")
    builder.put(sh, 1, top, "Code", "cw Header")
    builder.merge(sh, 1, top, 2, top)
    builder.put(sh, 3, top, "Points", "cw Header")
    source, entries = builder.code_list(
        Codes("extra", "Extra responsibilities", "worker"), "Extra responsibilities"
    )
    help_text = builder._help(entries)
    for i in range(EXTRA_LINES):
        r = top + 1 + i
        builder.put(sh, 0, r, "Responsibility %d" % (i + 1), "cw Entry")
        builder.put(sh, 1, r, None, "cw Code")
        builder.merge(sh, 1, r, 2, r)
        builder.validation_list(
            sh.getCellRangeByPosition(1, r, 1, r), source, "Extra responsibility", help_text
        )
        builder.put(
            sh,
            3,
            r,
            '=IF(B{0}="";"";WORKERPOINTS("WARRINGTON";B{0})-WORKERPOINTS('
            '"WARRINGTON"))'.format(r + 1),
            "cw Result",
        )
    lay.names["extra_items"] = "$B$%d:$B$%d" % (top + 2, top + 1 + EXTRA_LINES)
    builder.name("cw_extra_items", lay.sheet_name, 1, top + 1, 1, top + EXTRA_LINES)
    builder.put(
        sh,
        0,
        top + EXTRA_LINES + 1,
        "Repeat a code on another line for each information meeting or ABE interview.",
        "cw Note",
    )


workload = Template(
    file="warrington",
    title="Warrington: workload management sheet",
    scheme=S,
    description="Warrington workload management: stable element, cases, extra "
    "responsibilities, workload weight and capacity.",
    sheets=[
        Sheet(
            name="Workload",
            title="Warrington Children and Young People's Services - workload management",
            fields=[
                Field("worker", "Social worker"),
                Field("team", "Team"),
                Field("month", "Month"),
                Field(
                    "grade",
                    "Grade",
                    "choice",
                    choices=GRADES,
                    note="PRACTITIONER 100 points, ASYE 90, STUDENT 60 (full time). Empty means "
                    "PRACTITIONER.",
                ),
                Field(
                    "fte",
                    "FTE",
                    "number",
                    minimum=0.01,
                    maximum=1,
                    note="Full-time equivalent (empty = 1). Capacity is pro rata.",
                ),
                Field("manager", "Team manager"),
            ],
            fields_per_row=3,
            columns=[
                Text("name", "Child / family / fostering household", 44),
                Children("Children", 14),
                Codes("type", "Case type\n(allocated + statutory)", "case", 30),
                Codes("status", "This month\nnew / transfer / closing", "status", 22),
                Codes("assess1", "Assessment / plan\nlow 1, medium 2, high 3", "assessment", 24),
                Codes("assess2", "Second assessment / plan", "assessment", 24),
                Codes("travel", "Placed over an hour away +1", "travel", 20),
                Share(),
                Points(S, header="Case points"),
                Check(S),
            ],
            rows=16,
            totals=[
                Total("stable", "Stable element", '=WORKERPOINTS("WARRINGTON")', fmt="0.##"),
                Total(
                    "extra",
                    "Extra responsibilities",
                    '=WORKERPOINTS("WARRINGTON";{extra_items})-{stable}',
                    fmt="0.##",
                ),
                Total("case_points", "Cases", "=SUM({points})", fmt="0.##"),
                Total(
                    "weight",
                    "Workload weight (1 per whole 10 case points)",
                    '=WORKLOADPOINTS("WARRINGTON";{points};{stable}+{extra})-{case_points}'
                    "-{stable}-{extra}",
                    fmt="0.##",
                ),
                Total(
                    "total",
                    "Total workload",
                    '=WORKLOADPOINTS("WARRINGTON";{points};{stable}+{extra})',
                    fmt="0.##",
                ),
                Total(
                    "capacity_points",
                    "Capacity (points at this grade and FTE)",
                    '=1/WORKLOADCAPACITY("WARRINGTON";1;{?grade};{?fte})',
                    fmt="0.#",
                ),
                Total(
                    "band",
                    "Against capacity",
                    '=WORKLOADBAND("WARRINGTON";{total};{?grade};{?fte})',
                    band=True,
                ),
                Total(
                    "capacity",
                    "Capacity used",
                    '=WORKLOADCAPACITY("WARRINGTON";{total};' "{?grade};{?fte})",
                    fmt="0%",
                ),
            ],
            notes=(
                "One row per child (CP, CIC, private fostering: Children = N), per CIN family "
                "(points by family size) or per fostering household.",
                "CLOSING scores the row 1 per child (CIN: per group) instead of its other points, "
                "for the month only.",
                "A row that breaks a rule turns red, its total shows Err:502 and the Check column "
                "says why.",
            ),
            extras=[extra_responsibilities],
        )
    ],
)

TEMPLATES = [workload]
