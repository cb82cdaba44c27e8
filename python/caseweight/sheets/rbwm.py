"""Royal Borough of Windsor and Maidenhead: Appendix 1, "All cases - caseload weighting"
(schemes/rbwm.toml; the scheme's Appendices 1 and 2).

The columns of Appendix 1 in their order: child's name (CP/CiC) or family name (CIN), child in
need, CiC / care leaver / foster carer, CP, single assessment, section 47, court, any other
assessment, reports, fostering, additional travel, family and youth worker work, total. Under the
table: the total against the grade's band, and the number of cases against the caseload ranges
for the worker's experience. Codes, points, grades and bands come from schemes/rbwm.toml.
"""

from . import words
from .cwtemplate import (
    Check,
    Codes,
    Field,
    Points,
    Share,
    Sheet,
    Template,
    Text,
    Total,
    band_table,
    grades_note,
    over_maximum,
    repeats,
    scored,
    with_plus,
)

from caseweight import schemes

SCHEME = schemes.of_file("rbwm")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
GRADES = tuple(V.grade_names())


def pts(code):
    return words.points(code, form="short")


# Appendix 1's columns, as the scheme file describes them.
CIN = V.column("cin")["items"]
CP = V.column("cp")
COMPLEX = CP["plus"]
IN_CARE = [c for c in V.rule("only-with", code=COMPLEX)["with"] if c != CP["item"]]
PRE = V.codes(column="pre-proceedings")
# The court codes in the file's order: in court, the extras (complex issues, directions), the
# final hearing.
IN_COURT, *COURT_EXTRA, FINAL_HEARING = V.codes(column="court")
OTHER = V.column("other-assessment")["item"]
REPORT = V.column("reports")["item"]
FOSTERING = V.column("fostering")["items"]
FYW = V.column("fyw")["items"]

# Caseload numbers (cases, not points) by experience: the scheme file's own caseload policies
# (codes, labels; their limits, pro rata by FTE, come from CASELOADBAND on the sheet's date).
POLICIES = schemes.policies(SCHEME.versions[0].start, prefix=S)
EXPERIENCE = [p["label"] for p in POLICIES.values()]


def _nested_if(cell, pairs):
    """IF(cell=a1;b1;IF(cell=a2;b2;...;"")) over [(a, b)]: a text to match, b a formula."""
    f = '""'
    for a, b in reversed(pairs):
        f = 'IF(%s="%s";%s;%s)' % (cell, a, b, f)
    return f


def _policy_of(experience):
    """The policy code of the experience chosen ("" when none is)."""
    return _nested_if(experience, [(p["label"], '"%s"' % c) for c, p in POLICIES.items()])


def _lower_of(policy):
    """The lower limit of a policy at full time (CASELOADLIMIT gives the upper)."""
    return _nested_if(policy, [(c, schemes.number_text(p["lower"])) for c, p in POLICIES.items()])


def count_range_table(builder, lay, index):
    sh = lay.sheet
    top = lay.block_row
    builder.put(sh, 0, top, "Experience", "cw Header")
    builder.put(sh, 1, top, "Cases (full time)", "cw Header")
    builder.merge(sh, 1, top, 2, top)
    for i, (code, p) in enumerate(POLICIES.items()):
        builder.put(sh, 0, top + 1 + i, p["label"], "cw Entry")
        builder.put(
            sh,
            1,
            top + 1 + i,
            "%s to %s" % (schemes.number_text(p["lower"]), schemes.number_text(p["upper"])),
            "cw Entry",
        )
        builder.merge(sh, 1, top + 1 + i, 2, top + 1 + i)
    band_table(builder, lay, top + 1 + len(POLICIES), V, span=2)


all_cases = Template(
    file="rbwm-all-cases",
    title="RBWM: all cases caseload weighting (Appendix 1)",
    scheme=S,
    description="Royal Borough of Windsor and Maidenhead caseload weighting, all cases.",
    sheets=[
        Sheet(
            name="All cases",
            date_key="date",
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
                    note=grades_note(V),
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
                    choices=EXPERIENCE,
                    note="For the number of cases: the range of each is in the table beside "
                    "the totals.",
                ),
            ],
            fields_per_row=3,
            columns=[
                Text(
                    "name",
                    "Child's name (%s / CiC)\nor family name (%s)" % (CP["item"], "/".join(CIN)),
                    40,
                ),
                Codes("cin", scored("Child in need\n(family)", V, CIN), "case", 17, only=CIN),
                Codes(
                    "cic",
                    scored("Child in care (CiC) / care leaver / foster carer", V, IN_CARE, COMPLEX),
                    "case",
                    30,
                    only=IN_CARE,
                    combos=with_plus(IN_CARE, COMPLEX),
                ),
                Codes(
                    "cp",
                    scored("Child protection plan (%s)" % CP["item"], V, [CP["item"]], COMPLEX),
                    "case",
                    18,
                    only=(CP["item"],),
                    combos=with_plus([CP["item"]], COMPLEX),
                ),
                Codes(
                    "single",
                    scored("Single assessment", V, [V.column("single-assessment")["item"]]),
                    "assessment",
                    22,
                    only=(V.column("single-assessment")["item"],),
                ),
                Codes("s47", scored("Section 47 enquiries", V, V.codes(column="s47")), "s47", 17),
                Codes(
                    "court",
                    "Court\npre-proceedings / initial statement %s, ongoing +%s, final hearing +%s"
                    % (words.points(*PRE), pts(IN_COURT), pts(FINAL_HEARING)),
                    "pre-proceedings",
                    36,
                    combos=(
                        "; ".join(PRE + [IN_COURT]),
                        "; ".join(PRE + [IN_COURT, FINAL_HEARING]),
                    ),
                ),
                Codes(
                    "court_extra",
                    "Court: complex issues +%s, directions %s" % tuple(map(pts, COURT_EXTRA)),
                    "court",
                    24,
                    only=COURT_EXTRA,
                    combos=("; ".join(COURT_EXTRA),),
                ),
                Codes(
                    "other",
                    scored("Any other assessment", V, [OTHER]),
                    "assessment",
                    22,
                    only=(OTHER,),
                    combos=repeats(OTHER, 2),
                ),
                Codes(
                    "report",
                    scored("Written reports\n(CPR, Annex B, Form F, SGO, s7/s37 ...)", V, [REPORT]),
                    "report",
                    24,
                    combos=repeats(REPORT),
                ),
                Codes(
                    "fostering",
                    "Fostering\n"
                    + ", ".join("%s %s" % (V.label(c).lower(), pts(c)) for c in FOSTERING),
                    "fostering",
                    24,
                    combos=("; ".join(FOSTERING[:2]),),
                ),
                Codes(
                    "travel", scored("Additional travel", V, V.codes(column="travel")), "travel", 20
                ),
                Codes(
                    "task",
                    scored("Family and youth worker work, supervised contact", V, FYW),
                    "task",
                    22,
                    combos=("; ".join(FYW),),
                ),
                Share(),
                Points(header="TOTAL for child / young person"),
                Check(),
            ],
            rows=20,
            header_height=24,
            totals=[
                Total("total", "Total points", "=WORKLOADPOINTS({scheme};{points})", fmt="0.##"),
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
                    "headroom",
                    "Headroom to the top of the band",
                    "=1/WORKLOADCAPACITY({scheme};1;{?grade};{?fte})-{total}",
                    fmt="0.#;-0.#;0",
                ),
                Total("cases", "Number of cases", "=COUNTA({name})"),
                Total(
                    "cases_policy",
                    "Caseload policy for the experience",
                    "=" + _policy_of("{experience}"),
                ),
                Total(
                    "cases_from",
                    "Cases expected: from",
                    '=IF({cases_policy}="";"";ROUND(%s*IF({fte}="";1;{fte});1))'
                    % _lower_of("{cases_policy}"),
                ),
                Total(
                    "cases_to",
                    "Cases expected: to",
                    '=IF({cases_policy}="";"";CASELOADLIMIT({cases_policy};{?fte};{scheme}))',
                ),
                Total(
                    "cases_range",
                    "Number of cases against the range",
                    '=IF({cases_policy}="";"";CASELOADBAND({cases_policy};{cases};{?fte};'
                    "{scheme}))",
                    band=True,
                ),
            ],
            notes=(
                "One row per child in care, care leaver or child on a CP plan; one row per family "
                "for children in need; one row per foster carer. %s (+%s) goes with the case "
                "type in its column." % (COMPLEX, pts(COMPLEX)),
                "Court: choose the stage reached (pre-proceedings %s, then +%s in court, +%s at "
                "final hearing); complex issues and demanding directions go in the next column."
                % (words.points(*PRE), pts(IN_COURT), pts(FINAL_HEARING)),
                "A row that breaks a rule turns red, its total shows Err:502 and the Check column "
                "says why.",
            ),
            extras=[
                count_range_table,
                over_maximum(
                    V,
                    also=[
                        ("cases_range", "Above range", "cases", "cases above the caseload range")
                    ],
                ),
            ],
        )
    ],
)

TEMPLATES = [all_cases]
