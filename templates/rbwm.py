"""Royal Borough of Windsor and Maidenhead: Appendix 1, "All cases - caseload weighting"
(SPEC 3.2; seed 001, Appendices 1 and 2).

The columns of Appendix 1 in their order: child's name (CP/CiC) or family name (CIN), child in
need, CiC / care leaver / foster carer, CP, single assessment, section 47, court, any other
assessment, reports, fostering, additional travel, family and youth worker work, total. Under the
table: the total against the grade's band, and the number of cases against the caseload ranges
for the worker's experience.
"""

from cwtemplate import Check, Codes, Field, Points, Share, Sheet, Template, Text, Total

S = "RBWM"
GRADES = ("NQSW", "EXPERIENCED", "SENIOR")

# Caseload numbers (cases, not points) by experience, full time (SPEC 3.2); pro rata by FTE.
EXPERIENCE = (
    ("Newly qualified", 8, 10),
    ("After first year", 10, 12),
    ("More than two years", 12, 15),
)


def _by_experience(column):
    """A nested IF picking the lower (1) or upper (2) limit for the chosen experience."""
    f = '""'
    for name, lo, hi in reversed(EXPERIENCE):
        f = 'IF({experience}="%s";%d;%s)' % (name, (lo, hi)[column - 1], f)
    return f


def count_range_table(builder, lay, index):
    sh = lay.sheet
    top = lay.block_row
    builder.put(sh, 0, top, "Experience", "cw Header")
    builder.put(sh, 1, top, "Cases (full time)", "cw Header")
    builder.merge(sh, 1, top, 2, top)
    for i, (name, lo, hi) in enumerate(EXPERIENCE):
        builder.put(sh, 0, top + 1 + i, name, "cw Entry")
        builder.put(sh, 1, top + 1 + i, "%d to %d" % (lo, hi), "cw Entry")
        builder.merge(sh, 1, top + 1 + i, 2, top + 1 + i)
    for j, g in enumerate(GRADES):
        limits = builder.engine.band_limits(S, g)
        within = [x for x in limits if x[0] == "Within band"][0]
        builder.put(sh, 0, top + 5 + j, "%s band" % g, "cw Entry")
        builder.put(sh, 1, top + 5 + j, "%d to %d points" % (within[1], within[2]), "cw Entry")
        builder.merge(sh, 1, top + 5 + j, 2, top + 5 + j)
    builder.put(sh, 0, top + 4, "Grade", "cw Header")
    builder.put(sh, 1, top + 4, "Within band (full time)", "cw Header")
    builder.merge(sh, 1, top + 4, 2, top + 4)


all_cases = Template(
    file="rbwm-all-cases",
    title="RBWM: all cases caseload weighting (Appendix 1)",
    scheme=S,
    description="Royal Borough of Windsor and Maidenhead caseload weighting, all cases.",
    sheets=[
        Sheet(
            name="All cases",
            title="Royal Borough of Windsor and Maidenhead - Appendix 1: all cases, "
            "caseload weighting",
            fields=[
                Field("worker", "Social worker"),
                Field("team", "Team"),
                Field("date", "Date", "date", fmt="DD/MM/YYYY"),
                Field(
                    "grade",
                    "Grade",
                    "choice",
                    choices=GRADES,
                    note="NQSW 220-250, EXPERIENCED 330-350, SENIOR 350-400 points. Empty means "
                    "EXPERIENCED.",
                ),
                Field(
                    "fte",
                    "FTE",
                    "number",
                    minimum=0.01,
                    maximum=1,
                    note="Full-time equivalent (empty = 1). Bands and case numbers are pro rata.",
                ),
                Field(
                    "experience",
                    "Experience",
                    "choice",
                    choices=[e[0] for e in EXPERIENCE],
                    note="For the number of cases: newly qualified 8-10, after the first year "
                    "10-12, more than two years 12-15.",
                ),
            ],
            fields_per_row=3,
            columns=[
                Text("name", "Child's name (CP / CiC)\nor family name (CIN)", 40),
                Codes("cin", "Child in need\n(family)\n10", "case", 17, only=("CIN",)),
                Codes(
                    "cic",
                    "Child in care (CiC) / care leaver / foster carer\nstandard 6, complex +4",
                    "case",
                    30,
                    only=("CIC", "CARE-LEAVER", "FOSTER-CARER"),
                    combos=("CIC; COMPLEX", "CARE-LEAVER; COMPLEX", "FOSTER-CARER; COMPLEX"),
                ),
                Codes(
                    "cp",
                    "Child protection plan (CP)\nstandard 6,\ncomplex +4",
                    "case",
                    18,
                    only=("CP",),
                    combos=("CP; COMPLEX",),
                ),
                Codes(
                    "single", "Single assessment\n10", "assessment", 22, only=("SINGLE-ASSESSMENT",)
                ),
                Codes("s47", "Section 47 enquiries\n10", "s47", 17),
                Codes(
                    "court",
                    "Court\npre-proceedings / initial statement 5, ongoing +3, final " "hearing +3",
                    "pre-proceedings",
                    36,
                    combos=("PRE-PROCEEDINGS; COURT", "PRE-PROCEEDINGS; COURT; FINAL-HEARING"),
                ),
                Codes(
                    "court_extra",
                    "Court: complex issues +5, directions 10",
                    "court",
                    24,
                    only=("COURT-COMPLEX", "DIRECTIONS"),
                    combos=("COURT-COMPLEX; DIRECTIONS",),
                ),
                Codes(
                    "other",
                    "Any other assessment\n10",
                    "assessment",
                    22,
                    only=("OTHER-ASSESSMENT",),
                    combos=("OTHER-ASSESSMENT; OTHER-ASSESSMENT",),
                ),
                Codes(
                    "report",
                    "Written reports\n(CPR, Annex B, Form F, SGO, s7/s37 ...)\n10",
                    "report",
                    24,
                    combos=("REPORT; REPORT", "REPORT; REPORT; REPORT"),
                ),
                Codes(
                    "fostering",
                    "Fostering\nfamily finding 3, panel 3, private fostering 3",
                    "fostering",
                    24,
                    combos=("FAMILY-FINDING; PANEL",),
                ),
                Codes("travel", "Additional travel\n4, 6 or 10", "travel", 20),
                Codes(
                    "task",
                    "Family and youth worker work, supervised contact\n5",
                    "task",
                    22,
                    combos=("FYW; CONTACT",),
                ),
                Share(),
                Points(S, header="TOTAL for child / young person"),
                Check(S),
            ],
            rows=20,
            header_height=24,
            totals=[
                Total("total", "Total points", '=WORKLOADPOINTS("RBWM";{points})', fmt="0.##"),
                Total(
                    "band",
                    "Band for the grade",
                    '=WORKLOADBAND("RBWM";{total};{?grade};{?fte})',
                    band=True,
                ),
                Total(
                    "capacity",
                    "Capacity used (100% = top of the band)",
                    '=WORKLOADCAPACITY("RBWM";{total};{?grade};{?fte})',
                    fmt="0%",
                ),
                Total(
                    "headroom",
                    "Headroom to the top of the band",
                    '=1/WORKLOADCAPACITY("RBWM";1;{?grade};{?fte})-{total}',
                    fmt="0.#;-0.#;0",
                ),
                Total("cases", "Number of cases", "=COUNTA({name})"),
                Total(
                    "cases_from",
                    "Cases expected: from",
                    '=IF(%s="";"";ROUND(%s*IF({fte}="";1;{fte});1))'
                    % (_by_experience(1), _by_experience(1)),
                ),
                Total(
                    "cases_to",
                    "Cases expected: to",
                    '=IF(%s="";"";ROUND(%s*IF({fte}="";1;{fte});1))'
                    % (_by_experience(2), _by_experience(2)),
                ),
                Total(
                    "cases_range",
                    "Number of cases against the range",
                    '=IF({cases_from}="";"";IF({cases}<{cases_from};"Below range";'
                    'IF({cases}>{cases_to};"Above range";"Within range")))',
                    band=True,
                ),
            ],
            notes=(
                "One row per child in care, care leaver or child on a CP plan; one row per family "
                "for children in need; one row per foster carer. COMPLEX (+4) goes with the case "
                "type in its column.",
                "Court: choose the stage reached (pre-proceedings 5, then +3 in court, +3 at final "
                "hearing); complex issues and demanding directions go in the next column.",
                "A row that breaks a rule turns red, its total shows Err:502 and the Check column "
                "says why.",
            ),
            extras=[count_range_table],
        )
    ],
)

TEMPLATES = [all_cases]
