"""The contract of a caseweight sheet, declared once: how its cells are named, which of them hold
names or free text (replaced in a pseudonymised copy, every other cell kept), the named
expression that carries that declaration in the document, and the cells a worker's sheet is
read by. The sheet builder (caseweight.sheets) names and declares cells by it; the reader of
workers' sheets (worker_sheet: the roll-up and the team refresh) and the made-up county read by
it; the pseudonymiser (Share.bas) reads the declaration the builder writes into the document.
No office needed."""

PREFIX = "cw_"


def cell(key):
    """The name of a header field, a total or another single cell of a sheet: "cw_total"."""
    return PREFIX + key.replace("-", "_")


def column(key):
    """The name of a column of the case table (its rows): "cw_col_name"."""
    return cell("col_" + key)


# Which input cells hold a person's name, by the key of their column or header field: "Case"
# (a child or family) or "Worker". Every other text input (kind "text": notes, team, month,
# the over-maximum reason and who was informed) is free text. The templates declare these
# cells once, in the document (CONTRACT), and a pseudonymised copy (Share.bas) replaces
# exactly them and keeps every other cell of the template; the styles "cw Input Case" /
# "cw Field Worker" ... mark them for the eye and for sheets copied out of a template.
PERSON_KEYS = {
    "name": "Case",
    "family": "Case",
    "worker": "Worker",
    "h_worker": "Worker",
    "atm": "Worker",
    "initials": "Worker",
    "supervisor": "Worker",
    "manager": "Worker",
}

# The named expression holding the declaration: "1|sheets=A/B|Case=cw_col_name|Worker=...|
# Text=...|valid=123,456". sheets: the template's sheets (their labels are kept); Case,
# Worker, Text: the named ranges of the cells holding names and free text; valid: the signs
# (validation_sign) of the template's own data-validation texts, kept as labels.
CONTRACT = "caseweight_contract"


def declaration(sheets, declared, valid=()):
    """The value of the named expression CONTRACT: the sheets, the named ranges of each kind
    of cell ({"Case": [...], "Worker": [...], "Text": [...]}) and the signs of the
    document's own validation texts."""
    parts = ["1", "sheets=" + "/".join(sheets)]
    parts += ["%s=%s" % (k, ",".join(v)) for k, v in sorted(declared.items())]
    parts.append("valid=" + ",".join(str(h) for h in sorted(valid)))
    return '"%s"' % "|".join(parts)


def holds(key, kind):
    """ "Case", "Worker" or "Text" for an input that holds a name or free text, else ""."""
    return PERSON_KEYS.get(key) or ("Text" if kind == "text" else "")


# The cells a worker's sheet is read by: each field from the first of its names the sheet has.
READ = {
    "date": (cell("as_at"), cell("date")),
    "worker": (cell("worker"),),
    "scheme": (cell("scheme"),),  # SCHEMEAT: "SWINDON@2026-10-30"
    "version": (cell("scheme_version"),),
    "grade": (cell("grade"),),
    "fte": (cell("fte"),),
    "total": (cell("total"),),
    "band": (cell("band"),),
    "capacity": (cell("capacity"),),  # the share of the top of the band in use
    "capacity_points": (cell("capacity_points"),),  # the points at the top (Warrington)
    "headroom": (cell("headroom"),),
    "personal": (cell("personal"),),  # Nottinghamshire: points for personal capacity
    "case_points": (cell("case_points"),),
    "check": (column("check"),),  # the Check column: a row in error says something else than OK
    "over_status": (cell("over_status"),),
    "over_above": (cell("over_above"),),
    "over_why": (cell("over_why"),),
    "over_date": (cell("over_date"),),
    "over_review": (cell("over_review"),),
}
WORKER_SHEET = cell("total")  # a sheet of a worker template has it
SUMMARY_SHEET = cell("team_total")  # a team summary has it
