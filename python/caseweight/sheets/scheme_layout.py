"""What a worker sheet made from a scheme file holds, worked out from the file alone (no office):
its header fields, its code columns and the codes each offers, its totals and notes.

    v = schemes.load_file("kent.toml").version_at()
    layout = scheme_layout.of(v)
    [(c.key, c.title, c.entries()) for c in layout.columns]

The code columns are the file's `[[column]]` tables in order (the columns of the council's
paper sheet), each with the codes its kind allows; codes no column offers get a column per item
tag (`column` of an item) or group after them. A scheme without `[[column]]` tables has one
column per item tag or group. The optional `[sheet]` table of the file refines the layout
(docs/schemes.md, "Your scheme's worker sheet"); every key of it is checked here. A file with
sheets for its teams gives a `[[sheet]]` table each: `sheets(version)` is one layout per
table, and `of(version)` the layout of the [sheet] table or, with [[sheet]] tables, of every
code (the file alone), which a calibration sheet takes.

Words on a sheet that state points are written in the file with markers, `{points:CP}`,
`{short:COMPLEX}`, `{label:CP}`, `{band:NQSW}` ... (live_text, SCHEMETEXT): the sheet shows
them worked out for its own date.

Nothing here knows a scheme: codes, grades, bands, labels and numbers all come from the file.
scheme_sheet.py turns a layout into a template (cwtemplate), adding the points to the headings.
"""

import itertools
import os
from dataclasses import dataclass, field
from typing import List, Optional

from caseweight import schemes
from caseweight.sheets import words

# The inputs and results every case table has, around the code columns.
FIXED_COLUMNS = ("name", "children", "share", "points", "check")

# What the groups of items are (docs/schemes.md), as the heading of a column of a group's codes.
GROUP_TITLES = {
    "case": "Case type",
    "modifier": "Modifier",
    "specific": "Specific item",
    "additional": "Additional item",
}

# A column of several codes that may stand together (any-of) offers them in combinations while
# there are at most this many entries; beyond, it becomes as many columns of single codes as a
# row may hold (a drop-down of hundreds of combinations helps nobody).
MOST_COMBINATIONS = 40
MAX_ROWS = 500
WORKING_DAYS = 5  # a full-time week, for a table of the bands by days worked
HOURS_IN_A_MONTH = 744  # 31 days x 24 hours: the most Hours a month can hold

# The header fields a sheet may have: key -> (default label, kind). Any other key in
# [sheet] fields is a free-text field.
KNOWN_FIELDS = {
    "team": ("Team", "text"),
    "worker": ("Social worker", "text"),
    "grade": ("Grade", "choice"),
    "fte": ("FTE", "number"),
    "as_at": ("As at", "date"),
    "date": ("Date", "date"),  # the sheet's date under another name (RBWM's sheet: cw_date)
    "supervisor": ("Supervisor", "text"),
    "manager": ("Team manager", "text"),
    "hours": ("Extra duties (hours a month)", "number"),
    "experience": ("Experience", "choice"),  # of the scheme's own caseload policies
}
DEFAULT_FIELDS = ("team", "worker", "grade", "fte", "as_at", "supervisor")

# The totals under the table: kind -> (default key of the named cell cw_KEY, label).
TOTAL_KINDS = {
    "base": ("base", "Points every worker has"),
    "worker": ("worker_points", "Worker's own points"),
    "cases": ("case_points", "Case points"),
    "weight": ("weight", "Workload weight"),
    "total": ("total", "Total score"),
    "band": ("band", "Band"),  # "Band for the grade" on a sheet with a Grade
    "capacity": ("capacity", "Capacity used (100% = top of the band)"),
    "top": ("top", "Top of the band at this FTE"),
    "headroom": ("headroom", "Headroom to the top of the band"),
    # the number of cases against the scheme's own caseload policy for the Experience chosen
    "case_count": ("cases", "Number of cases"),
    "fte": ("fte", "FTE"),  # of the hours worked a week (a field hours of kind "week")
    "cases_policy": ("cases_policy", "Caseload policy for the experience"),
    "cases_from": ("cases_from", "Cases expected: from"),
    "cases_to": ("cases_to", "Cases expected: to"),
    "cases_range": ("cases_range", "Number of cases against the range"),
}
CASELOAD_TOTALS = ("case_count", "cases_policy", "cases_from", "cases_to", "cases_range")

# The keys of every sheet table (a worker's or a team's) and what each must be.
COMMON_KEYS = {
    "file": str,
    "template": str,
    "title": str,
    "description": str,
    "tab": str,
    "rows": int,
    "fields_per_row": int,
    "fields": list,
    "column": list,
    "total": list,
    "notes": list,
    "comments": str,
}
# The keys of a worker sheet's [sheet].
SHEET_KEYS = dict(
    COMMON_KEYS,
    like=str,
    name_key=str,
    name_heading=str,
    name_width=(int, float),
    children=bool,
    children_heading=str,
    children_width=(int, float),
    points_heading=str,
    points_width=(int, float),
    header_height=(int, float),
    worker_heading=str,
    worker_line=str,
    worker_lines=int,
    worker_key=str,
    worker_columns=list,
    duty_label=str,
    band_table=bool,
    caseload_table=bool,
    rule_notes=bool,
    days_table=list,
    signatures=list,
)
COLUMN_KEYS = {
    "key": str,
    "kind": str,
    "choices": list,
    "note": str,
    "of": str,
    "codes": (str, list),
    "plus": str,
    "combos": list,
    "heading": str,
    "width": (int, float),
    "points": bool,
    "times": int,
}
FIELD_KEYS = {"key": str, "label": str, "codes": str, "kind": str}
# A field hours of kind "week": the hours worked a week, of which the sheet's FTE is made
# (the scheme's full-time week); up to the Working Time Regulations' weekly limit.
MOST_WEEK_HOURS = 48
# The parts of a row's points a column may show (Nottinghamshire's "first child (A)", "other
# children (B each)", additional points), of the item in the code column `of`.
POINT_PARTS = {
    "first_child_points": "First child",
    "other_children_points": "Other children",
    "added_points": "Additional points",
}
COLUMN_KINDS = ("codes", "choice", "share") + tuple(POINT_PARTS)
TOTAL_KEYS = {"total": str, "key": str, "label": str}


class LayoutError(schemes.SchemeError):
    """A [sheet] table that does not follow the format, or a scheme no sheet can be made of."""


@dataclass
class CodeColumn:
    """A column of codes: the named cells cw_col_KEY; `title` the heading without its points;
    the drop-down offers `codes` (single codes), then `combos` (several codes in one cell)."""

    key: str
    title: str
    codes: List[str]
    combos: List[str] = field(default_factory=list)
    width: Optional[float] = None
    points: bool = True  # the heading quotes the codes' points
    plus: str = ""  # each-child: the code added to the item ("with COMPLEX +4")

    def entries(self):
        return list(self.codes) + list(self.combos)


@dataclass
class OtherColumn:
    """A column that is not of codes, standing before the code column of index `before`:
    kind "choice", words to choose from that score nothing (a locality, a category: `choices`,
    the help `note`); "share", the co-work share; or a part of the row's points
    (POINT_PARTS) of the item in the code column `of`."""

    key: str
    kind: str
    title: str
    choices: List[str] = field(default_factory=list)
    note: str = ""
    width: Optional[float] = None
    before: int = 0
    of: str = ""


@dataclass
class Total:
    kind: str
    key: str
    label: str


@dataclass
class HeaderField:
    key: str
    label: str
    kind: str  # text | choice | number | date | codes
    codes: str = ""  # codes: the group whose codes the field offers (the worker's items)


@dataclass
class Layout:
    file: str
    template: str
    title: str
    date_key: str  # the header field of the sheet's date
    description: str
    tab: str
    rows: int
    fields_per_row: int
    fields: List[HeaderField]
    columns: List[CodeColumn]
    others: List[OtherColumn]
    headings: dict  # fixed column -> heading ("" for children: no Children column)
    name_width: float
    children_width: Optional[float]
    header_height: Optional[float]
    worker_codes: List[str]
    worker_heading: str
    worker_line: str
    worker_lines: int
    worker_key: str
    totals: List[Total]
    band_table: bool
    caseload_table: bool
    notes: List[str]
    hours_key: str  # the cell of the extra duties' hours a month ("" for none)
    duty_line: bool  # they are on a line of the worker's block
    duty_label: str
    worker_columns: tuple  # the columns of a line's label and of its code
    name_key: str
    points_width: Optional[float]
    days_table: List[float]  # the bands' limits by days worked (5 a week)
    comments: str  # the label of a comments box under the notes
    signatures: List[str]  # who signs the sheet
    policies: dict  # the scheme's own caseload policies: code -> policy (an Experience field)


# -- reading [sheet] -------------------------------------------------------------------------


def in_file(version, what):
    return "%s: %s" % (version.scheme.path, what)


def check_keys(version, table, known, where):
    if not isinstance(table, dict):
        raise LayoutError(in_file(version, "%s must be a table" % where))
    for k, v in table.items():
        if k not in known:
            raise LayoutError(
                in_file(
                    version,
                    'unknown key "%s" in %s; the keys are %s (docs/schemes.md)'
                    % (k, where, ", ".join(sorted(known))),
                )
            )
        want = known[k]
        ok = isinstance(v, want) and (want is bool or not isinstance(v, bool))
        if not ok:
            raise LayoutError(
                in_file(version, '"%s" in %s has the wrong type (%r)' % (k, where, v))
            )
    return table


def _checked(version, sheet):
    """One sheet table, its keys checked."""
    check_keys(version, sheet, SHEET_KEYS, "[sheet]")
    for key, known, where in (
        ("column", COLUMN_KEYS, "a [[sheet.column]]"),
        ("fields", FIELD_KEYS, "a field of [sheet] fields"),
        ("total", TOTAL_KEYS, "a [[sheet.total]]"),
    ):
        for entry in sheet.get(key, []):
            check_keys(version, entry, known, where)
    if "notes" in sheet and not all(isinstance(n, str) for n in sheet["notes"]):
        raise LayoutError(in_file(version, "[sheet] notes must be a list of texts"))
    rows = sheet.get("rows", 20)
    if not 1 <= rows <= MAX_ROWS:
        raise LayoutError(in_file(version, "[sheet] rows must be 1 to %d" % MAX_ROWS))
    if not 1 <= sheet.get("fields_per_row", 4) <= 6:
        raise LayoutError(in_file(version, "[sheet] fields_per_row must be 1 to 6"))
    columns = sheet.get("worker_columns", [1, 2])
    if len(columns) != 2 or not all(isinstance(n, int) and 1 <= n <= 3 for n in columns):
        raise LayoutError(in_file(version, "[sheet] worker_columns: two numbers, 1 to 3"))
    days = sheet.get("days_table", [])
    if not all(isinstance(d, (int, float)) and 0 < d <= WORKING_DAYS for d in days):
        raise LayoutError(
            in_file(version, "[sheet] days_table: days a week, more than 0 up to %d" % WORKING_DAYS)
        )
    if not all(isinstance(w, str) and w for w in sheet.get("signatures", [])):
        raise LayoutError(in_file(version, "[sheet] signatures: a list of who signs"))
    if sheet.get("worker_lines", 1) < 1:
        raise LayoutError(in_file(version, "[sheet] worker_lines must be 1 or more"))
    return sheet


def is_team(table):
    """A team sheet's table (kind = "team"), which team_sheet.py reads."""
    return isinstance(table, dict) and table.get("kind") == "team"


def tables(version):
    """The file's sheet tables, their keys checked: [sheet] is one, [[sheet]] one per team's
    sheet; [{}] for a file without (the sheet of the file alone)."""
    given = version.data.get("sheet", {})
    many = given if isinstance(given, list) else [given]
    many = [t for t in many if not is_team(t)]  # team sheets are team_sheet.py's
    if not many:
        raise LayoutError(in_file(version, "[[sheet]] must list at least one sheet"))
    out = [_checked(version, t) for t in many]
    return [_like(version, t, out) for t in out]


def _like(version, sheet, every):
    """A table with `like = FILE` has every key of that sheet it does not give itself; its
    [[sheet.column]]s replace the columns of the same key where they stand, and columns of
    new keys follow them."""
    if "like" not in sheet:
        return sheet
    bases = [t for t in every if t.get("file") == sheet["like"] and "like" not in t]
    if not bases:
        raise LayoutError(
            in_file(
                version,
                '[[sheet]] like "%s": no other [[sheet]] (without like) has that file'
                % sheet["like"],
            )
        )
    out = dict(bases[0])
    out.update({k: v for k, v in sheet.items() if k not in ("like", "column")})
    if "column" in sheet:
        mine = {c.get("key"): c for c in sheet["column"]}
        columns = [mine.pop(c.get("key"), c) for c in bases[0].get("column", [])]
        out["column"] = columns + [c for c in sheet["column"] if c.get("key") in mine]
    return out


def options(version):
    """The [sheet] table of the file; {} for a file of [[sheet]] tables (a sheet per team,
    none of which need offer every code)."""
    found = tables(version)
    return {} if isinstance(version.data.get("sheet"), list) else found[0]


# -- live words ------------------------------------------------------------------------------


def live_text(version, text):
    """`text` as the file writes it, its markers ({points:CP CIN}, {short:COMPLEX},
    {label:CP}, {band:NQSW}, {most:additional}, {hours_points} ...) left for SCHEMETEXT to word
    on the sheet's own date; a marker naming a code, grade or number the scheme does not have
    is a mistake of the file, said here with the file's name rather than as a cell's error."""
    for found in words.ANY_MARKER.finditer(text):
        m = words.MARKER.fullmatch(found.group(0))
        if not m:
            raise LayoutError(
                in_file(version, "%s is not a marker (docs/schemes.md)" % found.group(0))
            )
        kind, args = m.group(1), (m.group(2) or "").replace(",", " ").split()
        if m.group(3):  # a number of the file's [worker] or [workload] table
            table = {"hours_points": version.worker, "one_point_per": version.workload}
            if m.group(3) in table and not table[m.group(3)].get(m.group(3)):
                raise LayoutError(
                    in_file(version, "%s: the scheme has no %s" % (m.group(0), m.group(3)))
                )
        elif kind == "most":
            if len(args) != 1 or _group_most(version, args[0]) is None:
                raise LayoutError(
                    in_file(version, "%s: no at-most rule of that group" % m.group(0))
                )
        elif kind == "band":
            if len(args) > 1 or (args and args[0] not in version.grade_names()):
                raise LayoutError(
                    in_file(version, "%s: {band:GRADE} names one grade of the scheme" % m.group(0))
                )
        else:
            if not args:
                raise LayoutError(in_file(version, "%s names no code" % m.group(0)))
            for code in args:
                if code not in version.codes():
                    raise LayoutError(
                        in_file(version, '%s: the scheme has no code "%s"' % (m.group(0), code))
                    )
            if kind != "points" and len(args) > 1:
                raise LayoutError(in_file(version, "%s names one code" % m.group(0)))
    return text


# -- the code columns -----------------------------------------------------------------------


def capitalised(words):
    """The first letter in capitals ("significant assessment" -> "Significant assessment")."""
    return words[:1].upper() + words[1:] if words else words


def _tag_title(tag):
    return GROUP_TITLES.get(tag) or capitalised(tag.replace("-", " "))


def _group_most(version, group):
    r = version.rule("at-most", group=group)
    return r["most"] if r else None


def _exclusive(version):
    """Sets of codes of which a row holds at most one (at-most-one-of rules)."""
    return [set(r["codes"]) for r in version.rules if r.get("rule") == "at-most-one-of"]


def _combinations(version, codes, most):
    """Every combination of 2 to `most` different codes, in the file's order, that no
    at-most-one-of rule forbids."""
    exclusive = _exclusive(version)
    out = []
    for n in range(2, min(most, len(codes)) + 1):
        for combo in itertools.combinations(codes, n):
            if any(len(ex & set(combo)) > 1 for ex in exclusive):
                continue
            out.append("; ".join(combo))
    return out


def _item_codes(version, col):
    """The codes a [[column]] names (items, item, or its group's items)."""
    if "items" in col:
        return list(col["items"])
    if "item" in col:
        return [col["item"]]
    if "group" in col:
        return version.codes(group=col["group"])
    return []


def _from_file_column(version, col, taken):
    """The code column(s) of one [[column]] of the file ([] for one that offers nothing new:
    further children after first child)."""
    key, kind = col["key"], col.get("kind", "")
    title = capitalised(col.get("what", key))
    if kind == "each-child":
        item, plus = col["item"], col.get("plus", "")
        combos = ["%s; %s" % (item, plus)] if plus else []
        return [CodeColumn(key, title, [item], combos, plus=plus)]
    if kind == "multiples":
        item = col["item"]
        most = col.get("most", 1)
        return [CodeColumn(key, title, [item], ["; ".join([item] * n) for n in range(2, most + 1)])]
    if kind == "basic":
        others = set()
        for c in version.columns:
            if c is not col and c.get("kind") != "basic":
                others.update(_item_codes(version, c))
        codes = [c for c in version.codes(group="case") if c not in others]
        return [CodeColumn(key, title, codes)] if codes else []
    if kind in ("first-child", "further-children"):
        codes = version.codes(group=col.get("group"))
        if set(codes) <= taken:
            return []
        return [CodeColumn(key, title, codes)]
    codes = _item_codes(version, col)
    if kind == "any-of" and len(codes) > 1:
        most = col.get("most") or _group_most(version, col.get("group")) or len(codes)
        combos = _combinations(version, codes, most)
        if len(codes) + len(combos) <= MOST_COMBINATIONS:
            return [CodeColumn(key, title, codes, combos)]
        # as many columns of single codes as a row may hold
        return [
            CodeColumn(
                key if n == 1 else "%s_%d" % (key, n),
                title if n == 1 else "%s (%s)" % (title, _ordinal(n)),
                codes,
            )
            for n in range(1, min(most, len(codes)) + 1)
        ]
    return [CodeColumn(key, title, codes)] if codes else []


def _ordinal(n):
    return {2: "second", 3: "third", 4: "fourth"}.get(n, "%dth" % n)


def _by_tag(version, codes):
    """[(tag, [codes])]: codes by their item's `column` tag, else their group, in the file's
    order of first appearance."""
    out = {}
    for c in codes:
        item = version.item(c)
        out.setdefault(item.get("column") or item.get("group", ""), []).append(c)
    return list(out.items())


def _case_codes(version):
    """Every code a case row may hold (not the worker's), in the file's order."""
    return [i["code"] for i in version.items if i.get("group") != "worker"]


def _offered(columns):
    out = set()
    for c in columns:
        for e in c.entries():
            out.update(p.strip() for p in e.split(";"))
    return out


def derived_columns(version):
    """The code columns of the file alone: its [[column]]s, then the codes they leave out by
    tag or group (every column by tag or group for a file without [[column]])."""
    columns = []
    for col in version.columns:
        columns += _from_file_column(version, col, _offered(columns))
    left = [c for c in _case_codes(version) if c not in _offered(columns)]
    for tag, codes in _by_tag(version, left):
        columns.append(CodeColumn(tag, _tag_title(tag), codes))
    return columns


def _one_source(version, name, derived):
    """The codes of one name of a [[sheet.column]]'s `codes`: a column of the file, an item
    tag, a group, or an item code (capitals)."""
    if name in version.codes():
        return CodeColumn(_column_key(name.lower()), version.label(name), [name])
    for c in derived:
        if c.key == name:
            return c
    for col in version.columns:
        if col["key"] == name:
            found = _from_file_column(version, col, set())
            if found:
                return found[0]
    codes = [c for c in _case_codes(version) if version.item(c).get("column") == name]
    if not codes:
        codes = [c for c in _case_codes(version) if version.item(c).get("group") == name]
    if not codes:
        raise LayoutError(
            in_file(
                version,
                'a [[sheet.column]] names the codes "%s": no [[column]] key, item column, '
                "group or code of the scheme is called so" % name,
            )
        )
    return CodeColumn(name, _tag_title(name), codes)


def _source(version, names, derived):
    """The codes of a [[sheet.column]]'s `codes`: one name, or several whose codes the column
    offers one after the other (their combinations too)."""
    if isinstance(names, str):
        return _one_source(version, names, derived)
    if not names or not all(isinstance(n, str) for n in names):
        raise LayoutError(in_file(version, "a [[sheet.column]]'s codes: a name or a list of names"))
    parts = [_one_source(version, n, derived) for n in names]
    out = CodeColumn(parts[0].key, parts[0].title, [], [])
    for p in parts:
        out.codes += [c for c in p.codes if c not in out.codes]
        out.combos += [c for c in p.combos if c not in out.combos]
        out.plus = out.plus or p.plus
    return out


OTHER_KEYS = {
    "choice": {"kind", "key", "heading", "choices", "note", "width"},
    "share": {"kind", "heading", "width"},
}


def _other_column(version, entry, before):
    """A [[sheet.column]] that is not of codes (OtherColumn)."""
    kind = entry["kind"]
    allowed = OTHER_KEYS.get(kind, {"kind", "key", "heading", "of", "width"})
    wrong = sorted(set(entry) - allowed)
    if wrong:
        raise LayoutError(
            in_file(version, '"%s" is not for a [[sheet.column]] of kind "%s"' % (wrong[0], kind))
        )
    key = "share" if kind == "share" else entry.get("key")
    if kind == "choice":
        choices = entry.get("choices")
        if not key or not choices or not all(isinstance(c, str) and c for c in choices):
            raise LayoutError(
                in_file(version, 'a [[sheet.column]] of kind "choice" needs a key and its choices')
            )
    elif kind in POINT_PARTS and not (key and entry.get("of")):
        raise LayoutError(
            in_file(version, 'a [[sheet.column]] of kind "%s" needs a key and "of"' % kind)
        )
    default = POINT_PARTS.get(kind) or ("Co-work share" if kind == "share" else "")
    return OtherColumn(
        _column_key(key),
        kind,
        live_text(version, entry.get("heading", default or capitalised(key.replace("_", " ")))),
        list(entry.get("choices", [])),
        live_text(version, entry.get("note", "")),
        entry.get("width"),
        before,
        _column_key(entry.get("of", "")),
    )


def _column_key(key):
    return key.replace("-", "_")


def code_columns(version, sheet=None):
    """The code columns of the sheet: [[sheet.column]] when the file lists them, else the
    derived ones; keys unique and apart from the fixed columns', headings that do not start
    with a code of their own list. With them: the other columns ([] without [[sheet.column]])."""
    sheet = options(version) if sheet is None else sheet
    derived = derived_columns(version)
    others = []
    if "column" in sheet:
        columns = []
        for entry in sheet["column"]:
            kind = entry.get("kind", "codes")
            if kind not in COLUMN_KINDS:
                raise LayoutError(
                    in_file(
                        version,
                        'a [[sheet.column]] kind "%s": one of %s' % (kind, ", ".join(COLUMN_KINDS)),
                    )
                )
            if kind != "codes":
                others.append(_other_column(version, entry, len(columns)))
                continue
            for key in ("choices", "note", "of"):
                if key in entry:
                    raise LayoutError(
                        in_file(version, '"%s" is not for a [[sheet.column]] of codes' % key)
                    )
            name = entry.get("codes") or entry.get("key")
            if not name:
                raise LayoutError(in_file(version, "a [[sheet.column]] needs key or codes"))
            src = _source(version, name, derived)
            heading = live_text(version, entry.get("heading", src.title))
            col = CodeColumn(
                entry.get("key", src.key),
                heading,
                list(src.codes),
                list(src.combos),
                entry.get("width"),
                # a heading with live words says the points itself
                entry.get("points", True) and not words.is_live(heading),
                src.plus,
            )
            if "plus" in entry:  # each code alone or with the modifier
                if entry["plus"] not in version.codes():
                    raise LayoutError(
                        in_file(version, '"plus": the scheme has no code "%s"' % entry["plus"])
                    )
                col.plus = entry["plus"]
                col.combos = ["%s; %s" % (c, col.plus) for c in col.codes]
            if "combos" in entry:  # exactly these entries of several codes
                for combo in entry["combos"]:
                    parts = [p.strip() for p in str(combo).split(";")]
                    if len(parts) < 2 or not set(parts) <= set(version.codes()):
                        raise LayoutError(
                            in_file(
                                version,
                                '"combos": "%s" is not codes of the scheme separated by ";"'
                                % combo,
                            )
                        )
                col.combos = ["; ".join(p.strip() for p in c.split(";")) for c in entry["combos"]]
            if "times" in entry:
                if len(src.codes) != 1 or entry["times"] < 1:
                    raise LayoutError(
                        in_file(version, '"times" is for a column of one code, 1 or more')
                    )
                code = src.codes[0]
                col.combos = ["; ".join([code] * n) for n in range(2, entry["times"] + 1)]
            columns.append(col)
    else:
        columns = derived
    if not columns:
        raise LayoutError(in_file(version, "the scheme has no codes for a case row"))
    if [o.kind for o in others].count("share") > 1:
        raise LayoutError(in_file(version, "a sheet has one column of kind share"))
    seen = set(FIXED_COLUMNS)
    for c in columns + [o for o in others if o.kind != "share"]:
        key = _column_key(c.key)
        base, n = key, 2
        while key in seen:
            key = "%s_%d" % (base, n)
            n += 1
        seen.add(key)
        c.key = key
        if isinstance(c, CodeColumn):
            c.title = heading_without_clash(version, c.title, c.entries())
    keys = [c.key for c in columns]
    for o in others:
        if o.kind in POINT_PARTS and o.of not in keys:
            raise LayoutError(
                in_file(version, '"of" of the column %s: no column of codes "%s"' % (o.key, o.of))
            )
    return columns, others


def clash(text, entries):
    """The entry `text` starts with (ignoring case), or None (as cwtemplate's check)."""
    for e in sorted(entries, key=len, reverse=True):
        if text.strip().upper().startswith(e.upper()):
            return e
    return None


def heading_without_clash(version, title, entries):
    """A heading that starts with a code of its list (a column "court" of the code COURT) would
    make Calc's AutoInput complete the typed code to the heading: such a heading is led by the
    words of the first code's label ("In court proceedings (Court)")."""
    if not clash(title, entries):
        return title
    code = entries[0].split(";")[0].strip()
    words = version.label(code).split(":")[0].split(",")[0].strip()
    better = "%s (%s)" % (words, title)
    if clash(better, entries):
        better = "Codes: %s" % title
    return better


# -- header fields, totals, notes -------------------------------------------------------------


def own_policies(version):
    """{code: policy} of the scheme's own caseload policies (codes NAME-...) in force on the
    version's first day, from the scheme's folder."""
    folder = os.path.dirname(version.scheme.path) or schemes.BUILT_IN_DIR
    return schemes.policies(version.start, directory=folder, prefix=version.name)


def header_fields(version, sheet):
    grades = version.grade_names()
    wanted = sheet.get("fields") or [{"key": k} for k in DEFAULT_FIELDS]
    if version.worker.get("hours_points") and "fields" not in sheet:
        wanted = wanted + [{"key": "hours"}]
    out = []
    for f in wanted:
        key = f["key"]
        if not key.replace("_", "").isalnum() or not key[0].isalpha():
            raise LayoutError(
                in_file(version, 'a header field key "%s": letters, digits and _ only' % key)
            )
        label, kind = KNOWN_FIELDS.get(key, (capitalised(key.replace("_", " ")), "text"))
        if key == "grade" and not grades:
            continue  # one band for every grade: no grade to choose
        if f.get("kind") not in (None, "week") or (f.get("kind") and key != "hours"):
            raise LayoutError(
                in_file(version, 'a header field\'s kind: "week" for the field hours only')
            )
        if f.get("kind") == "week":
            kind = "week"  # the hours worked a week, not extra duties
        elif key == "hours" and not version.worker.get("hours_points"):
            raise LayoutError(in_file(version, "the field hours needs [worker] hours_points"))
        codes = f.get("codes", "")
        if codes:
            if key in KNOWN_FIELDS or not version.codes(group=codes):
                raise LayoutError(
                    in_file(
                        version,
                        "a header field of codes: a key of its own and a group of the scheme "
                        '("%s")' % codes,
                    )
                )
            kind = "codes"
        out.append(HeaderField(key, f.get("label", label), kind, codes))
    keys = [f.key for f in out]
    if len(set(keys)) != len(keys):
        raise LayoutError(in_file(version, "a header field is given twice"))
    if "as_at" in keys and "date" in keys:
        raise LayoutError(in_file(version, "a sheet has one date: as_at or date"))
    if "as_at" not in keys and "date" not in keys:
        # the sheet's date: it scores under the version of the scheme in force on it
        out.append(HeaderField("as_at", KNOWN_FIELDS["as_at"][0], "date"))
    return out


def totals(
    version, sheet, has_worker_items, has_hours, has_experience=False, in_field=False, week=False
):
    def default_total(kind):
        key, label = TOTAL_KINDS[kind]
        if kind == "fte":
            label += " (hours worked / {full_time_hours})"
        if kind == "worker":
            label = sheet.get("worker_heading", label)
        if kind == "band" and version.grade_names():
            label = "Band for the grade"
        return key, label

    has_base = bool(version.worker.get("base"))
    kinds = ["cases"]
    if has_base:
        kinds.insert(0, "base")
    if has_worker_items or has_hours:
        # the worker's items beside the totals come before the case points; chosen in a
        # header field, after them
        kinds.insert(len(kinds) if in_field else kinds.index("cases"), "worker")
    if version.workload.get("one_point_per"):
        kinds.append("weight")
    kinds += ["total"] + (["fte"] if week else []) + ["band", "capacity", "top", "headroom"]
    if "total" not in sheet:
        return [Total(k, *default_total(k)) for k in kinds]
    kinds += ["case_count"] + (list(CASELOAD_TOTALS[1:]) if has_experience else [])
    out = []
    for entry in sheet["total"]:
        kind = entry.get("total")
        if kind not in TOTAL_KINDS:
            raise LayoutError(
                in_file(
                    version,
                    'a [[sheet.total]] total "%s": one of %s' % (kind, ", ".join(TOTAL_KINDS)),
                )
            )
        if kind not in kinds:
            raise LayoutError(in_file(version, 'the scheme has no total "%s"' % kind))
        key, label = default_total(kind)
        out.append(Total(kind, _column_key(entry.get("key", key)), entry.get("label", label)))
    given = [t.kind for t in out]
    needed = {"total", "band"} | ({"weight", "cases"} if "weight" in kinds else set())
    needed |= {k for k in ("base", "worker", "fte") if k in kinds}
    if set(CASELOAD_TOTALS[1:]) & set(given):
        needed |= set(CASELOAD_TOTALS)
    missing = sorted(needed - set(given))
    keys = [t.key for t in out]
    if missing or len(set(given)) != len(given) or len(set(keys)) != len(keys):
        raise LayoutError(
            in_file(
                version,
                "[[sheet.total]] must list each total once, under keys of their own, and %s"
                % ", ".join(sorted(needed)),
            )
        )
    return out


def row_notes(version):
    """What a row is, from the case types' `per` (a child, a family, a case)."""
    cases = [i for i in version.items if i.get("group") == "case"]
    per_child = [i["code"] for i in cases if i.get("per") == "child"]
    family = [i["code"] for i in cases if i.get("per") == "family-size"]
    single = [i["code"] for i in cases if i.get("single_case")]
    rows = [
        i["code"]
        for i in cases
        if i.get("per", "row") == "row" and not i.get("single_case") and i["code"] not in family
    ]
    out = []
    if per_child:
        out.append(
            "One row per child for %s (siblings on one row: Children = N)." % ", ".join(per_child)
        )
    if family:
        out.append("One row per family for %s (Children = the family's size)." % ", ".join(family))
    if rows:
        out.append("One row per case for %s." % ", ".join(rows))
    if single:
        out.append("One row per case for %s (leave Children empty)." % ", ".join(single))
    return out


def rule_notes(version, points_text):
    """The rules of a row in words (only-with, replaces_row); points through points_text."""
    out = []
    for r in version.rules:
        if r.get("rule") == "only-with":
            out.append("%s goes with %s only." % (r["code"], " or ".join(r["with"])))
    for i in version.items:
        if i.get("replaces_row"):
            out.append(
                "%s scores the row %s instead of its other points."
                % (i["code"], points_text(i["code"]))
            )
    return out


ERROR_NOTE = (
    "A row that breaks a rule turns red, its total shows Err:502 and the Check column says why."
)


def of(version, points_text=None):
    """The layout of the worker sheet of `version` (a schemes.Version): of its [sheet] table,
    or of the file alone when it has several sheets (every code on one sheet)."""
    return _layout(version, options(version), points_text)


def sheets(version, points_text=None):
    """The layouts of the scheme's worker sheets, one per sheet table, their files and
    template names apart."""
    out = [_layout(version, t, points_text) for t in tables(version)]
    for what in ("file", "template"):
        seen = [getattr(lay, what) for lay in out]
        if len(set(seen)) != len(seen):
            raise LayoutError(in_file(version, "two [[sheet]] tables give one %s" % what))
    return out


def _layout(version, sheet, points_text=None):
    points_text = points_text or words.points
    name = version.name
    council = version.scheme.council or name
    worker_codes = version.codes(group="worker")
    fields = header_fields(version, sheet)
    # extra duties in a field hours, else on a line of the worker's block (cw_duty_hours)
    has_hours = any(f.key == "hours" and f.kind != "week" for f in fields)
    week = any(f.kind == "week" for f in fields)
    if week and any(f.key == "fte" for f in fields):
        raise LayoutError(in_file(version, "a sheet's FTE is a field fte or of the hours a week"))
    has_experience = any(f.key == "experience" for f in fields)
    policies = own_policies(version) if has_experience else {}
    if has_experience and not policies:
        raise LayoutError(
            in_file(version, "the field experience needs caseload policies %s-..." % version.name)
        )
    # the worker's items are chosen in a header field of their codes, or in a block of lines
    in_field = [f.key for f in fields if f.codes == "worker"]
    most = _group_most(version, "worker")
    lines = 0 if in_field else sheet.get("worker_lines") or most or len(worker_codes)
    duty_line = bool(version.worker.get("hours_points")) and not has_hours and bool(lines)
    file = sheet.get("file", name.lower())
    if not file or not all(ch.isalnum() or ch in "-_" for ch in file):
        raise LayoutError(in_file(version, '[sheet] file "%s": letters, digits, - and _' % file))
    columns, others = code_columns(version, sheet)
    caseload_table = sheet.get("caseload_table", False)
    if caseload_table and not has_experience:
        raise LayoutError(in_file(version, "[sheet] caseload_table needs the field experience"))
    if sheet.get("rule_notes", True):
        notes = row_notes(version) + rule_notes(version, points_text) + [ERROR_NOTE]
        notes += [live_text(version, n) for n in sheet.get("notes", [])]
    else:
        notes = [live_text(version, n) for n in sheet.get("notes", [])] + [ERROR_NOTE]
    return Layout(
        file=file,
        date_key="date" if any(f.key == "date" for f in fields) else "as_at",
        template=sheet.get("template", "%s: caseload weighting sheet" % council),
        title=sheet.get("title", "%s - caseload weighting sheet" % council),
        description=sheet.get(
            "description",
            "%s caseload weighting sheet, made from the scheme file %s."
            % (council, version.scheme.path.rsplit("/", 1)[-1]),
        ),
        tab=sheet.get("tab", "Weighting sheet"),
        rows=sheet.get("rows", 20),
        fields_per_row=sheet.get("fields_per_row", 4),
        fields=fields,
        columns=columns,
        others=others,
        headings={
            "name": sheet.get("name_heading", "Child / family"),
            "children": (
                sheet.get("children_heading", "Children") if sheet.get("children", True) else ""
            ),
            "points": sheet.get("points_heading", "Case points"),
        },
        name_width=sheet.get("name_width", 40),
        children_width=sheet.get("children_width"),
        header_height=sheet.get("header_height"),
        worker_codes=worker_codes,
        worker_heading=sheet.get("worker_heading", TOTAL_KINDS["worker"][1]),
        worker_line=sheet.get("worker_line", "Item"),
        worker_lines=lines if worker_codes else 0,
        worker_key=in_field[0]
        if in_field
        else _column_key(sheet.get("worker_key", "worker_items")),
        totals=totals(
            version, sheet, bool(worker_codes), has_hours, has_experience, bool(in_field), week
        ),
        hours_key="hours" if has_hours else "duty_hours" if duty_line else "",
        duty_line=duty_line,
        duty_label=live_text(
            version,
            sheet.get("duty_label", "Extra duties (hours a month, {hours_points} points an hour)"),
        )
        if duty_line
        else "",
        worker_columns=tuple(sheet.get("worker_columns", (1, 2))),
        name_key=_column_key(sheet.get("name_key", "name")),
        points_width=sheet.get("points_width"),
        days_table=[float(d) for d in sheet.get("days_table", [])],
        comments=sheet.get("comments", ""),
        signatures=list(sheet.get("signatures", [])),
        band_table=sheet.get("band_table", bool(version.grade_names())),
        caseload_table=caseload_table,
        notes=notes,
        policies=policies,
    )
