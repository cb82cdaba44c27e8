"""Nottinghamshire County Council workload management (WLM) pro-formas (schemes/notts.toml;
"Children's Social Care - Workload Management (WLM)": the individual pro-forma the team
manager completes in supervision, and the quarterly team pro-forma).

Individual pro-forma: one line per family group: the specific item scores the first child (A)
and every other child (B), up to two additional items are added, the family total is
CASEPOINTS. Personal capacity elements 1 and 2 and extra formal duties give the personal
points; the grand total is banded pro rata to the hours worked. Codes, points and bands come
from schemes/notts.toml.
"""

from . import words
from .cwtemplate import (
    Check,
    Children,
    Choice,
    Codes,
    Date,
    Field,
    Formula,
    Number,
    Points,
    Share,
    Sheet,
    Template,
    Text,
    Total,
    over_maximum,
)
from .history import history_sheet

from caseweight import schemes

SCHEME = schemes.of_file("notts")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
# The points of an hour of extra formal duties, live for the sheet's date.
HOURS_POINTS = words.number("WORKERPOINTS({scheme};;1)")
PERSONAL_MOST = V.rule("at-most", group="worker")["most"]
ADDITIONAL_MOST = V.rule("at-most", group="additional")["most"]
ABOVE = [a["label"] for a in V.bands["above"]]
# The standard working week of the scheme file: FTE = hours worked / it.
FULL_TIME_HOURS = schemes.number_text(V.full_time_hours)
DAYS = (
    (0.5, "Half a day"),
    (1, "1 day"),
    (2, "2 days"),
    (3, "3 days"),
    (4, "4 days"),
    (5, "5 days"),
)


def personal_capacity(builder, lay, index):
    """Personal capacity elements 1 and 2 and extra duties, beside the totals."""
    sh = lay.sheet
    top = lay.block_row
    builder.put(sh, 0, top, "Personal capacity", "cw Header")
    builder.merge(sh, 0, top, 2, top)
    builder.put(sh, 3, top, "Code", "cw Header")
    builder.put(sh, 4, top, "Points", "cw Header")
    source, entries = builder.code_list(
        Codes("personal", "Personal capacity", "worker"), "Personal capacity elements"
    )
    help_text = builder._help(entries)
    for i in range(PERSONAL_MOST):
        r = top + 1 + i
        builder.put(sh, 0, r, "Element %d" % (i + 1), "cw Entry")
        builder.merge(sh, 0, r, 2, r)
        builder.put(sh, 3, r, None, "cw Code")
        builder.validation_list(
            sh.getCellRangeByPosition(3, r, 3, r), source, "Personal capacity", help_text
        )
        builder.put(
            sh,
            4,
            r,
            '=IF(D{r}="";"";WORKERPOINTS({s};D{r}))'.format(r=r + 1, s=lay.cell("scheme")),
            "cw Result",
        )
    r = top + 3
    label = builder.put(
        sh, 0, r, "Extra formal duties (hours a month, %s point an hour)" % HOURS_POINTS, "cw Entry"
    )
    label.IsTextWrapped = True
    builder.merge(sh, 0, r, 2, r)
    builder.put(sh, 3, r, None, "cw Field")
    builder.validation_number(
        sh.getCellRangeByPosition(3, r, 3, r),
        False,
        0,
        200,
        "Extra formal duties",
        "Hours a month of extra formal duties.",
    )
    builder.put(
        sh,
        4,
        r,
        '=IF(D{r}="";"";WORKERPOINTS({s};;D{r}))'.format(r=r + 1, s=lay.cell("scheme")),
        "cw Result",
    )
    lay.names["personal_items"] = "$D$%d:$D$%d" % (top + 2, top + 3)
    lay.names["duty_hours"] = "$D$%d" % (r + 1)
    builder.name("cw_personal_items", lay.sheet_name, 3, top + 1, 3, top + 2)
    builder.name("cw_duty_hours", lay.sheet_name, 3, r)


def part_time_table(builder, lay, index):
    """The pro-forma's table of band limits by days worked, from the scheme file's bands."""
    sh = lay.sheet
    top = lay.next_row
    limits = V.band_limits()
    shown = [x for x in limits if x[0] != V.bands.get("below")]
    builder.put(sh, 0, top, "Days worked", "cw Header")
    for j, (label, lo, hi) in enumerate(shown):
        over = "" if label == V.bands["within"] else "over "
        text = (
            "%s\n%s%g to %g points" % (label, over, lo, hi)
            if hi is not None
            else "%s\nover %g points" % (label, lo)
        )
        builder.put(sh, 1 + 2 * j, top, text, "cw Header")
        builder.merge(sh, 1 + 2 * j, top, 2 + 2 * j, top)
    sh.Rows.getByIndex(top).Height = 900
    for i, (days, name) in enumerate(DAYS):
        r = top + 1 + i
        builder.put(sh, 0, r, name, "cw Entry")
        for j, (label, lo, hi) in enumerate(shown):
            upper = hi if hi is not None else lo
            value = round(upper * days / 5.0, 1)
            text = ("up to %g" if hi is not None else "over %g") % value
            builder.put(sh, 1 + 2 * j, r, text, "cw Entry")
            builder.merge(sh, 1 + 2 * j, r, 2 + 2 * j, r)
    r = top + len(DAYS) + 2
    builder.put(
        sh,
        0,
        r,
        "Comments (context of the workload, action agreed about its future " "management)",
        "cw Label",
    )
    builder.put(sh, 0, r + 1, None, "cw Field")
    builder.merge(sh, 0, r + 1, lay.last_col, r + 4)
    builder.name("cw_comments", lay.sheet_name, 0, r + 1)
    builder.declare("cw_comments", "Text")
    r += 6
    for k, who in enumerate(("Worker", "Team manager")):
        builder.put(sh, 0, r + 2 * k, "Signed (%s):" % who.lower(), "cw Label")
        b = sh.getCellRangeByPosition(1, r + 2 * k, 4, r + 2 * k)
        b.merge(True)
        line = b.BottomBorder
        line.OuterLineWidth = 18
        b.BottomBorder = line
        builder.put(sh, 5, r + 2 * k, "Date:", "cw Label")
        d = sh.getCellRangeByPosition(6, r + 2 * k, 8, r + 2 * k)
        d.merge(True)
        d.BottomBorder = line
    lay.next_row = r + 4


individual = Template(
    file="notts-individual",
    title="Nottinghamshire: individual WLM pro-forma",
    scheme=S,
    description="Nottinghamshire workload management individual pro-forma, completed monthly "
    "in supervision.",
    sheets=[
        Sheet(
            name="Individual pro-forma",
            date_key="date",
            title="Nottinghamshire County Council - Children's Social Care workload management: "
            "individual pro-forma",
            fields=[
                Field("worker", "Name"),
                Field("team", "Team"),
                Field(
                    "hours",
                    "Hours worked per week",
                    "number",
                    minimum=1,
                    maximum=48,
                    note="Empty = full time (%s hours). Bands are pro rata." % FULL_TIME_HOURS,
                ),
                Field("date", "Date", "date", fmt="DD/MM/YYYY"),
            ],
            columns=[
                Text("family", "Family group", 38),
                Children("Number of children", 16),
                Share("Co-worked share"),
                Codes("specific", "Specific item\n(one per family)", "specific", 34),
                Codes("add1", "Additional item 1", "additional", 28),
                Codes("add2", "Additional item 2", "additional", 28),
                Formula(
                    "first",
                    "First child (A)",
                    '=IF({specific}="";"";CASEPOINTS({scheme};{specific};1;{share}))',
                    16,
                    fmt="0.##",
                ),
                Formula(
                    "other",
                    "Other children (B each)",
                    '=IF({specific}="";"";CASEPOINTS({scheme};{specific};{children};{share})'
                    "-{first})",
                    16,
                    fmt="0.##",
                ),
                Formula(
                    "additional",
                    "Additional points",
                    '=IF(COUNTA({add1};{add2})=0;"";{points}-CASEPOINTS({scheme};{specific};'
                    "{children};{share}))",
                    16,
                    fmt="0.##",
                ),
                Points(header="Family total", width=28),
                Check(),
            ],
            rows=15,
            fields_per_row=3,
            totals=[
                Total(
                    "personal",
                    "Points for personal capacity",
                    "=WORKERPOINTS({scheme};{personal_items};{?duty_hours})",
                    fmt="0.##",
                ),
                Total(
                    "case_points", "Points for case responsibility", "=SUM({points})", fmt="0.##"
                ),
                Total(
                    "total",
                    "GRAND TOTAL",
                    "=WORKLOADPOINTS({scheme};{points};{personal})",
                    fmt="0.##",
                ),
                Total(
                    "fte",
                    "FTE (hours worked / %s)" % FULL_TIME_HOURS,
                    '=IF({hours}="";1;MIN(1;{hours}/%s))' % FULL_TIME_HOURS,
                    fmt="0.00",
                ),
                Total(
                    "band",
                    "Workload",
                    "=WORKLOADBAND({scheme};{total};;{fte})",
                    band=True,
                    style="cw Total",
                ),
                Total(
                    "capacity",
                    "Against the top of Sustainable",
                    "=WORKLOADCAPACITY({scheme};{total};;{fte})",
                    fmt="0%",
                ),
            ],
            notes=(
                "One line per family group: the specific item scores the first child and each "
                "other child; at most %d additional items. Co-worked cases: share 50%%."
                % ADDITIONAL_MOST,
                "A row that breaks a rule turns red, its total shows Err:502 and the Check column "
                "says why.",
            ),
            extras=[personal_capacity, part_time_table, over_maximum(V)],
        )
    ],
)


# -- the quarterly team pro-forma -----------------------------------------------------------

POSITIONS = ("SW", "Senior SW", "NQSW", "SWA", "Trainee", "Advanced practitioner")


def team_extras(builder, lay, index):
    sh = lay.sheet
    r = lay.next_row
    builder.put(sh, 0, r, "Unallocated cases", "cw Header")
    builder.merge(sh, 0, r, 1, r)
    for j, h in enumerate(
        ("Number of cases (family groups)", "Number of children", "Points (estimated)")
    ):
        builder.put(sh, 2 + 2 * j, r, h, "cw Header")
        builder.merge(sh, 2 + 2 * j, r, 3 + 2 * j, r)
    sh.Rows.getByIndex(r).Height = 900
    builder.put(sh, 0, r + 1, "At the date completed", "cw Entry")
    builder.merge(sh, 0, r + 1, 1, r + 1)
    for j in range(3):
        builder.put(sh, 2 + 2 * j, r + 1, None, "cw Field")
        builder.merge(sh, 2 + 2 * j, r + 1, 3 + 2 * j, r + 1)
        builder.validation_number(
            sh.getCellRangeByPosition(2 + 2 * j, r + 1, 2 + 2 * j, r + 1),
            True,
            0,
            10000,
            "Unallocated",
            "",
        )
    builder.name("cw_unallocated_cases", lay.sheet_name, 2, r + 1)
    builder.name("cw_unallocated_children", lay.sheet_name, 4, r + 1)
    builder.name("cw_unallocated_points", lay.sheet_name, 6, r + 1)
    r += 3
    builder.put(sh, 0, r, "Service manager's comments and checks", "cw Label")
    builder.put(sh, 0, r + 1, None, "cw Field")
    builder.merge(sh, 0, r + 1, lay.last_col, r + 4)
    builder.name("cw_service_manager_comments", lay.sheet_name, 0, r + 1)
    builder.declare("cw_service_manager_comments", "Text")
    lay.next_row = r + 6


team = Template(
    file="notts-team",
    title="Nottinghamshire: quarterly WLM team pro-forma",
    scheme=S,
    description="Nottinghamshire workload management team pro-forma, returned quarterly to the "
    "service manager.",
    sheets=[
        Sheet(
            name="Team pro-forma",
            date_key="completed",
            title="Nottinghamshire County Council - Children's Social Care workload management: "
            "team pro-forma",
            fields=[
                Field("team", "Team name"),
                Field("manager", "Team manager name"),
                Field("month", "Reporting month"),
                Field("completed", "Date completed", "date", fmt="DD/MM/YYYY"),
            ],
            # two a row: a slot starting at the wide comments column would have no value cell
            fields_per_row=2,
            columns=[
                Date("date", "Date of score", 19),
                Text("initials", "Worker's initials", 16),
                Choice("position", "Position held\n(SW, NQSW, SWA, Trainee ...)", POSITIONS, 24),
                Number(
                    "wte",
                    "Part time / full time\n(WTE, 0.6 = 3 days)",
                    19,
                    minimum=0.01,
                    maximum=1,
                    note="Whole-time equivalent: 1 = full time, 0.6 = 3 days.",
                ),
                Number("personal", "Points for personal capacity", 19, minimum=0, maximum=100),
                Number("cases", "Points for case responsibility", 19, minimum=0, maximum=500),
                Formula(
                    "points",
                    "Total points for worker",
                    '=IF(COUNT({personal};{cases})=0;"";WORKLOADPOINTS({scheme};{cases};'
                    "{personal}))",
                    19,
                    fmt="0.##",
                    style="cw Total",
                ),
                Formula(
                    "band",
                    "Workload",
                    '=IF({points}="";"";WORKLOADBAND({scheme};{points};;{?wte}))',
                    22,
                    band=True,
                ),
                Number("children", "Number of children", 16, whole=True, minimum=0, maximum=200),
                Number(
                    "families",
                    "Number of cases (family groups)",
                    18,
                    whole=True,
                    minimum=0,
                    maximum=200,
                ),
                Text(
                    "comments",
                    "Workload comments\n(is the workload manageable in the hours "
                    "worked, given the worker's skills and experience?)",
                    70,
                ),
            ],
            rows=14,
            check_key="",
            totals=[
                Total("workers", "Workers", "=COUNT({points})"),
                Total("team_total", "Team total points", "=SUM({points})", fmt="0.##"),
                Total(
                    "team_average",
                    "Average per worker",
                    '=IF({workers}=0;"";{team_total}/{workers})',
                    fmt="0.#",
                ),
                Total(
                    "demanding",
                    "Workers with a demanding workload",
                    '=COUNTIF({band};"%s")' % ABOVE[0],
                ),
                Total("high", "Workers with a high workload", '=COUNTIF({band};"%s")' % ABOVE[1]),
                Total("children_total", "Children", "=SUM({children})"),
                Total("families_total", "Cases (family groups)", "=SUM({families})"),
            ],
            notes=(
                "Copy each worker's personal and case points from their individual pro-forma. "
                "Returns are due on the 28th of March, June, September and December.",
            ),
            extras=[team_extras],
        ),
        history_sheet(S, SCHEME.council),
    ],
)

TEMPLATES = [individual, team]
