"""Warrington workload management scheme for social work teams, February 2014: every workload has a
stable element, cases and extra responsibilities; a workload weight of a point per whole so many
case points is added; the total is set against the capacity of the worker's grade, pro rata. Codes,
points, grades and capacities come from schemes/warrington.toml.
"""

from . import words
from .cwtemplate import (
    Check,
    Children,
    Codes,
    Field,
    Points,
    Share,
    Sheet,
    Template,
    Text,
    Total,
    grades_note,
    over_maximum,
)

from caseweight import schemes

SCHEME = schemes.of_file("warrington")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
GRADES = tuple(V.grade_names())
EXTRA_LINES = 5
PER_CHILD = [c for c in V.codes(group="case") if V.item(c).get("per") == "child"]
FAMILY = [c for c in V.codes(group="case") if V.item(c).get("per") == "family-size"]
CLOSING = [c for c in V.codes() if V.item(c).get("replaces_row")]
REPEATED_DUTIES = [c for c in V.codes(group="worker") if V.item(c).get("repeat")]


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
            '=IF(B{r}="";"";WORKERPOINTS({s};B{r})-WORKERPOINTS({s}))'.format(
                r=r + 1, s=lay.cell("scheme")
            ),
            "cw Result",
        )
    lay.names["extra_items"] = "$B$%d:$B$%d" % (top + 2, top + 1 + EXTRA_LINES)
    builder.name("cw_extra_items", lay.sheet_name, 1, top + 1, 1, top + EXTRA_LINES)
    builder.put(
        sh,
        0,
        top + EXTRA_LINES + 1,
        "Repeat a code on another line each time it counts again (%s)."
        % ", ".join(V.label(c).lower() for c in REPEATED_DUTIES),
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
            date_key="as_at",
            title="Warrington Children and Young People's Services - workload management",
            fields=[
                Field("worker", "Social worker"),
                Field("team", "Team"),
                Field("month", "Month"),
                Field("as_at", "As at", "date", fmt="DD/MM/YYYY"),
                Field(
                    "grade",
                    "Grade",
                    "choice",
                    choices=GRADES,
                    note=grades_note(V),
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
                Codes(
                    "assess1",
                    "Assessment / plan\n"
                    + ", ".join(
                        "%s %s" % (V.label(c).split(", ")[-1], words.points(c, form="short"))
                        for c in V.codes(column="assessment")
                    ),
                    "assessment",
                    24,
                ),
                Codes("assess2", "Second assessment / plan", "assessment", 24),
                Codes(
                    "travel",
                    "Placed over an hour away +%s" % words.points(*V.codes(column="travel")),
                    "travel",
                    20,
                ),
                Share(),
                Points(header="Case points"),
                Check(),
            ],
            rows=16,
            totals=[
                Total("stable", "Stable element", "=WORKERPOINTS({scheme})", fmt="0.##"),
                Total(
                    "extra",
                    "Extra responsibilities",
                    "=WORKERPOINTS({scheme};{extra_items})-{stable}",
                    fmt="0.##",
                ),
                Total("case_points", "Cases", "=SUM({points})", fmt="0.##"),
                Total(
                    "weight",
                    "Workload weight (1 per whole %s case points)"
                    % schemes.number_text(V.workload["one_point_per"]),
                    "=WORKLOADPOINTS({scheme};{points};{stable}+{extra})-{case_points}"
                    "-{stable}-{extra}",
                    fmt="0.##",
                ),
                Total(
                    "total",
                    "Total workload",
                    "=WORKLOADPOINTS({scheme};{points};{stable}+{extra})",
                    fmt="0.##",
                ),
                Total(
                    "capacity_points",
                    "Capacity (points at this grade and FTE)",
                    "=1/WORKLOADCAPACITY({scheme};1;{?grade};{?fte})",
                    fmt="0.#",
                ),
                Total(
                    "band",
                    "Against capacity",
                    "=WORKLOADBAND({scheme};{total};{?grade};{?fte})",
                    band=True,
                ),
                Total(
                    "capacity",
                    "Capacity used",
                    "=WORKLOADCAPACITY({scheme};{total};" "{?grade};{?fte})",
                    fmt="0%",
                ),
            ],
            notes=(
                "One row per child (%s: Children = N), per %s family "
                "(points by family size) or per fostering household."
                % (", ".join(PER_CHILD), " or ".join(FAMILY)),
                "%s scores the row %s (%s: per group) instead of its other points, "
                "for the month only."
                % (" or ".join(CLOSING), words.points(CLOSING[0]), " or ".join(FAMILY)),
                "A row that breaks a rule turns red, its total shows Err:502 and the Check column "
                "says why.",
            ),
            extras=[extra_responsibilities, over_maximum(V)],
        )
    ],
)

TEMPLATES = [workload]
