"""caseweight-audit FILE: finds what is wrong in hand-made caseload weighting sheets.

Opens FILE (ODS, FODS or XLSX) in a private headless LibreOffice with the caseweight
extension, recognises the layouts of the Swindon weighting sheet (one or more workers' grids
on a sheet, each with a "Total Score" row), the RBWM "All cases" template and the
Nottinghamshire individual pro-forma, and prints for each worker every typed number the
scheme does not allow in its column (the sentence of COLUMNCHECK), every total that does not
add up, and the worker's total and band as the scheme computes them.
Exit status: 0 nothing found, 1 findings, 2 the audit could not be done (the file cannot be
read or no layout was found, or the corrected copy cannot be written), 130 on Ctrl+C, 143 on
SIGTERM.
With --fix OUT, also writes a corrected copy (.ods, .fods or .xlsx): totals and bands as
formulas of the extension, and every number cell checked by conditional formatting. FILE is
never changed: OUT must not be FILE itself (nor a link to it), and OUT is written through a
temporary file in its folder renamed into place, so it is never left half written.
"""

import argparse
import os
import re
import sys

from caseweight import schemes
from caseweight.evaluate import Scratch
from caseweight.office import (
    add_oxt_option,
    FILTERS,
    Office,
    ToolError,
    check_input,
    check_writable_folder,
    load_spreadsheet,
    props,
    replace_file,
    run_tool,
    same_file,
    store,
)

NAME = "caseweight-audit"


# -- text ---------------------------------------------------------------------------------


def squash(text):
    """Lower case letters and digits only:
    'Signifi- cant assess - ment 10' -> 'significantassessment10'."""
    return re.sub(r"[^a-z0-9]+", "", str(text).lower().replace("\u2019", "").replace("'", ""))


def fmt(v):
    if isinstance(v, str):
        return '"%s"' % v
    if v == int(v):
        return str(int(v))
    return ("%.6f" % v).rstrip("0").rstrip(".")


def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def addr(c, r):
    return "%s%d" % (col_name(c), r + 1)


def sheet_ref(name):
    """A sheet name as Calc writes it in a reference: quoted unless letters, digits, _."""
    return name if re.fullmatch(r"\w+", name) else "'%s'" % name.replace("'", "''")


def quote(s):
    return '"' + str(s).replace('"', '""') + '"'


def is_num(v):
    return isinstance(v, float)


def differs(a, b):
    return abs(a - b) > 1e-9


# -- layouts ------------------------------------------------------------------------------
# The paper sheets' columns come from the scheme files ([[column]]): a scheme whose columns
# include a first-child column is a pro-forma (one family a block, NOTTS); the others are
# grids, one column per [[column]]. Each rule: (column key, test on the squashed header text).
# The first rule that matches a header cell names it; keys other than name/total/children are
# COLUMNCHECK columns.

GENERIC_FIRST = [
    ("children", lambda s: s in ("children", "noofchildren", "numberofchildren", "nochildren")),
    ("name", lambda s: "name" in s and "locality" not in s),
]
GENERIC_LAST = [("total", lambda s: s.startswith("total"))]
SHORTEST_INSIDE = 4  # a column's word found inside a header (not at its start): this long


def column_words(column):
    """The squashed words a header of the column starts with: its key, and each part of its
    description ("CiC / care leaver / foster carer" -> cic, careleaver, fostercarer)."""
    words = [squash(column["key"])]
    words += [squash(part) for part in column.get("what", "").split("/")]
    return [w for w in dict.fromkeys(words) if w]


def column_rules(columns):
    """The rules of the columns: a header starting with a column's word first, then (for
    headers no column's word starts) one holding a word inside."""
    starts = [(c["key"], column_words(c)) for c in columns]
    return [
        (key, lambda s, ws=words: any(s.startswith(w) for w in ws)) for key, words in starts
    ] + [
        (key, lambda s, ws=words: any(len(w) >= SHORTEST_INSIDE and w in s for w in ws))
        for key, words in starts
    ]


def _schemes():
    """{name: version} of the built-in schemes with paper-sheet columns, today's versions."""
    out = {}
    for scheme in schemes.built_in():
        v = scheme.version_at()
        if v.columns:
            out[scheme.name] = v
    return out


SCHEMES = _schemes()
PRO_FORMA = next(
    n for n, v in SCHEMES.items() if any(c["kind"] == "first-child" for c in v.columns)
)
# The pro-forma's "Hours worked per week" -> FTE: hours / the scheme's full-time week.
FULL_TIME_HOURS = float(SCHEMES[PRO_FORMA].full_time_hours)
RULES = {
    name: GENERIC_FIRST + GENERIC_LAST + column_rules(v.columns)
    for name, v in SCHEMES.items()
    if name != PRO_FORMA
}
NOT_NUMBER_COLUMNS = ("name", "total", "children")
MIN_NUMBER_COLUMNS = 5  # header cells a row needs to be taken for a scheme's header row
SHORTEST_GRADE = 3  # a grade written shorter than this is not taken for one


def abbreviates(text, words):
    """Whether `text` is a start of each of `words` in turn ("hsp": higher, specialist)."""
    if not words:
        return not text
    first = words[0]
    return any(
        text.startswith(first[:k]) and abbreviates(text[k:], words[1:])
        for k in range(1, len(first) + 1)
    )


def grade_of(scheme, text):
    """The scheme's grade a squashed text names: its name, or the start of each of its words
    ("exp" EXPERIENCED, "hsp" HIGHER-SPECIALIST); None when it names none."""
    if len(text) < SHORTEST_GRADE:
        return None
    for grade in SCHEMES[scheme].grade_names():
        if abbreviates(text, [squash(w) for w in grade.split("-")]):
            return grade
    return None


def default_grade(scheme):
    return SCHEMES[scheme].default_grade


WORKER_TOTAL_LABELS = ("total", "totalscore", "totalpoints", "grandtotal", "workertotal")
TITLE_WORDS = re.compile(
    r"^\s*(team|sw\b|sw:|social\s*worker|as\s*at|date|grade|name)", re.IGNORECASE
)


def header_columns(row, rules):
    """{key: column} of a row read as a header row of the rules' scheme."""
    found = {}
    for c, v in enumerate(row):
        if not isinstance(v, str) or not v.strip():
            continue
        s = squash(v)
        for key, test in rules:
            if test(s):
                found.setdefault(key, c)
                break
    return found


def header_scheme(row):
    """(scheme, columns) when the row is a Swindon or RBWM header row, else None."""
    best = None
    for scheme, rules in RULES.items():
        cols = header_columns(row, rules)
        n = sum(1 for k in cols if k not in NOT_NUMBER_COLUMNS)
        if n >= MIN_NUMBER_COLUMNS and (best is None or n > best[0]):
            best = (n, scheme, cols)
    return (best[1], best[2]) if best else None


def is_worker_total_label(v):
    return isinstance(v, str) and squash(v) in WORKER_TOTAL_LABELS


# -- findings -----------------------------------------------------------------------------


class Worker:
    def __init__(self, sheet, scheme, name, kind):
        self.sheet = sheet
        self.scheme = scheme
        self.name = name
        self.kind = kind  # "grid" or "pro-forma"
        self.first_row = self.last_row = 0
        self.grade = None
        self.fte = None
        self.findings = []  # (row, column, value text, sentence)
        self.total_formula = None  # formula of the scheme's total, evaluated in Calc
        self.total = None
        self.band = None
        self.fix = None  # what --fix writes


class Calc(Scratch):
    """The scratch sheet of the audit: formulas are given without their "=", and an error
    reads as Calc gives it (Err:502 ...)."""

    def evaluate(self, formulas):
        return self.values(["=" + f for f in formulas], errors=True)


def check_formula(scheme, column, value, children=None):
    v = quote(value) if isinstance(value, str) else fmt(value)
    args = [quote(scheme), quote(column), v]
    if children is not None:
        args.append(str(children))
    return "ORG.CASEWEIGHT.ADDIN.COLUMNCHECK(%s)" % ";".join(args)


# -- Swindon and RBWM grids -----------------------------------------------------------------


class Grid:
    def __init__(self, scheme, header_row, cols):
        self.scheme = scheme
        self.header_row = header_row
        self.cols = cols
        self.number_cols = [
            (k, c)
            for k, c in sorted(cols.items(), key=lambda kc: kc[1])
            if k not in NOT_NUMBER_COLUMNS
        ]
        self.total_col = cols.get("total")
        self.rows = []  # case rows
        self.end_row = None  # last row of the grid's body (before its Total Score row)
        self.score_row = None  # (row, label column)


def find_grids(data):
    headers = []
    for r, row in enumerate(data):
        hs = header_scheme(row)
        if hs:
            headers.append(Grid(hs[0], r, hs[1]))
    for i, g in enumerate(headers):
        limit = headers[i + 1].header_row if i + 1 < len(headers) else len(data)
        g.end_row = limit - 1
        for r in range(g.header_row + 1, limit):
            label = next((c for c, v in enumerate(data[r]) if is_worker_total_label(v)), None)
            if label is not None:
                g.score_row = (r, label)
                g.end_row = r - 1
                break
        for r in range(g.header_row + 1, g.end_row + 1):
            if is_case_row(g, data[r]):
                g.rows.append(r)
        if g.score_row is None and g.rows:
            g.end_row = g.rows[-1]
    return headers


def is_case_row(grid, row):
    def cell(c):
        return row[c] if c is not None and c < len(row) else ""

    checked = [c for _, c in grid.number_cols] + [grid.total_col]
    if any(is_num(cell(c)) or cell(c) is None for c in checked):
        return True
    if any(isinstance(cell(c), str) and TITLE_WORDS.match(cell(c)) for c in range(len(row))):
        return False
    name = cell(grid.cols.get("name"))
    return bool(name and str(name).strip()) and any(
        isinstance(cell(c), str) and cell(c).strip() for _, c in grid.number_cols
    )


def title_info(data, grid, top):
    """Name, grade and FTE stated in the rows above a grid's header (from row `top`)."""
    name = grade = fte = None
    for r in range(max(top, grid.header_row - 4), grid.header_row):
        row = data[r]
        for c, v in enumerate(row):
            if not isinstance(v, str) or not v.strip():
                continue
            after = next((x for x in row[c + 1 :] if isinstance(x, str) and x.strip()), None)
            nxt = next((x for x in row[c + 1 :] if x not in ("", None)), None)
            m = re.match(
                r"^\s*(?:sw(?![a-z])|social\s*worker|worker|name)\s*:?\s*(.*)$", v, re.IGNORECASE
            )
            if m and name is None:
                text = re.split(
                    r"\b(?:team|date|grade|as\s*at)\s*:", m.group(1), flags=re.IGNORECASE
                )[0].strip()
                if not text and after and not TITLE_WORDS.match(after):
                    text = after.strip()
                if text and not re.fullmatch(r"x+", text, re.IGNORECASE):
                    name = text
                continue
            s = squash(v)
            if s.startswith("grade"):
                s = s[5:] or squash(after or "")
            if grade is None and grade_of(grid.scheme, s):
                grade = grade_of(grid.scheme, s)
            if s.startswith("fte"):
                m = re.search(r"(\d+(?:\.\d+)?)", v)
                value = float(m.group(1)) if m else nxt if is_num(nxt) else None
                if value and 0 < value <= 1:
                    fte = value
    return name, grade, fte


def audit_grids(sheet, data, grids, calc):
    workers = []
    top = 0
    for n, g in enumerate(grids, start=1):
        name, grade, fte = title_info(data, g, top)
        top = (g.score_row[0] if g.score_row else g.end_row) + 1
        w = Worker(sheet.Name, g.scheme, name or "grid %d" % n, "grid")
        w.first_row, w.last_row = g.header_row, g.score_row[0] if g.score_row else g.end_row
        w.grade, w.fte, w.grid = grade, fte, g
        children_col = g.cols.get("children")

        def cell(r, c):
            row = data[r]
            return row[c] if c is not None and c < len(row) else ""

        # Typed numbers against the columns, reading each row as the smallest number of
        # children that makes all its numbers allowed (or has the fewest not allowed).
        cells = {
            r: [(k, c, cell(r, c)) for k, c in g.number_cols if cell(r, c) not in ("", 0.0)]
            for r in g.rows
        }
        fixed = {}
        for r in g.rows:
            v = cell(r, children_col)
            if is_num(v) and v >= 1 and v == int(v):
                fixed[r] = int(v)

        def verdicts(r, n):
            vals = [v if v is not None else "#error" for _, _, v in cells[r]]
            return calc.evaluate(
                [check_formula(g.scheme, k, v, n) for (k, _, _), v in zip(cells[r], vals)]
            )

        # one batch with 1 child, then one with 2-12 children for rows that need it
        calc.evaluate(
            [
                check_formula(g.scheme, k, v if v is not None else "#error", fixed.get(r, 1))
                for r in g.rows
                for k, _, v in cells[r]
            ]
        )
        need = [r for r in g.rows if r not in fixed and any(x != "OK" for x in verdicts(r, 1))]
        calc.evaluate(
            [
                check_formula(g.scheme, k, v, n)
                for r in need
                for n in range(2, 13)
                for k, _, v in cells[r]
                if v is not None
            ]
        )
        children = {}
        for r in g.rows:
            if r in fixed:
                children[r] = fixed[r]
                continue
            best = (None, 1)
            for n in [1] if r not in need else range(1, 13):
                bad = sum(1 for x in verdicts(r, n) if x != "OK")
                if best[0] is None or bad < best[0]:
                    best = (bad, n)
            children[r] = best[1]
        w.children = children
        row_sums = {}
        for r in g.rows:
            for (k, c, v), verdict in zip(cells[r], verdicts(r, children[r])):
                if v is None:
                    w.findings.append((r, c, "error", "The %s column shows an error." % k))
                elif verdict != "OK":
                    w.findings.append((r, c, fmt(v), verdict))
            row_sums[r] = sum(v for _, _, v in cells[r] if is_num(v))
            t = cell(r, g.total_col)
            if t is None:
                w.findings.append((r, g.total_col, "error", "Total for the row shows an error."))
            elif is_num(t) and differs(t, row_sums[r]):
                w.findings.append(
                    (
                        r,
                        g.total_col,
                        fmt(t),
                        "The row total does not add up: the row's numbers make %s."
                        % fmt(row_sums[r]),
                    )
                )
        if g.score_row is not None:
            r, label = g.score_row
            vc = (
                g.total_col
                if is_num(cell(r, g.total_col))
                else next((c for c in range(label + 1, len(data[r])) if is_num(cell(r, c))), None)
            )
            typed = [cell(x, g.total_col) for x in g.rows]
            sum_typed = sum(t for t in typed if is_num(t))
            w.score_cell = (r, vc if vc is not None else g.total_col)
            if vc is not None and g.total_col is not None and differs(cell(r, vc), sum_typed):
                w.findings.append(
                    (
                        r,
                        vc,
                        fmt(cell(r, vc)),
                        "The Total Score does not add up: the row totals make %s." % fmt(sum_typed),
                    )
                )
            elif vc is None and cell(r, g.total_col) is None:
                w.findings.append((r, g.total_col, "error", "The Total Score shows an error."))
        else:
            w.score_cell = None
        w.total_formula = "ORG.CASEWEIGHT.ADDIN.WORKLOADPOINTS(%s;%s)" % (
            quote(g.scheme),
            fmt(sum(row_sums.values())),
        )
        workers.append(w)
    return workers


# -- Nottinghamshire pro-forma ------------------------------------------------------------


def find_label(data, test, start=0, stop=None):
    for r in range(start, len(data) if stop is None else stop):
        for c, v in enumerate(data[r]):
            if isinstance(v, str) and v.strip() and test(squash(v)):
                return r, c
    return None


def is_notts(data):
    return (
        find_label(data, lambda s: s in ("1stchild", "firstchild")) is not None
        and find_label(data, lambda s: s.startswith("otherchildren")) is not None
    )


def notts_columns(data, r):
    """Points, Equals and Number columns from the nearest header row at or above row r."""
    for h in range(r, -1, -1):
        found = {}
        for c, v in enumerate(data[h]):
            if isinstance(v, str):
                s = squash(v)
                if s.startswith("points"):
                    found.setdefault("points", c)
                elif s.startswith("equals"):
                    found.setdefault("equals", c)
                elif s.startswith("numberof") or s == "children":
                    found.setdefault("number", c)
                elif s.startswith("family"):
                    found.setdefault("family", (c, h))
        if "points" in found and "equals" in found:
            return found, h
    return None, None


def right_of(row, c, want=lambda v: True):
    return next(
        ((i, v) for i, v in enumerate(row) if i > c and v not in ("", None) and want(v)),
        (None, None),
    )


def line_formula(pc, nc, r):
    """Number x Points, a missing number counting 1 (as the audit reads it)."""
    if nc is None:
        return "=%s" % addr(pc, r)
    return "=MAX(1;%s)*%s" % (addr(nc, r), addr(pc, r))


def audit_notts(sheet, data, calc):
    def cell(r, c):
        row = data[r]
        return row[c] if c is not None and c < len(row) else ""

    name = None
    hit = find_label(data, lambda s: s == "name" or s.startswith("name"))
    if hit:
        r, c = hit
        v = data[r][c]
        m = re.match(r"^\s*name\s*:?\s*(.*)$", v, re.IGNORECASE)
        name = (
            (m.group(1).strip() if m else "")
            or (right_of(data[r], c, lambda x: isinstance(x, str))[1] or "").strip()
            or None
        )
    fte = None
    hours_cell = None
    hit = find_label(data, lambda s: s.startswith("hoursworked"))
    if hit:
        c, v = right_of(data[hit[0]], hit[1], is_num)
        if v and v > 0:
            fte = min(1.0, v / FULL_TIME_HOURS)
            hours_cell = (hit[0], c)
    w = Worker(sheet.Name, PRO_FORMA, name or "pro-forma", "pro-forma")
    w.grade, w.fte, w.hours_cell = None, fte, hours_cell
    w.first_row, w.last_row = 0, len(data) - 1
    fix = {"lines": [], "family_totals": [], "personal": None, "grand": None, "checks": []}
    w.fix = fix

    def line_value(r, cols):
        p, e = cell(r, cols["points"]), cell(r, cols["equals"])
        return p, e

    # personal capacity: Element / Points / Equals rows up to TOTAL
    personal_typed = personal_computed = None
    hit = find_label(data, lambda s: s.startswith("element"))
    if hit:
        cols, h = notts_columns(data, hit[0])
        if cols:
            elements, total_row = [], None
            for r in range(hit[0] + 1, len(data)):
                label = next((squash(v) for v in data[r] if isinstance(v, str) and v.strip()), "")
                if label.startswith("total"):
                    total_row = r
                    break
                if label.startswith("case") or label.startswith("family"):
                    break
                p, e = line_value(r, cols)
                v = e if is_num(e) else p if is_num(p) else None
                if v is not None:
                    elements.append(r)
                    if is_num(p):
                        fix["lines"].append((r, cols["equals"], "=%s" % addr(cols["points"], r)))
                    personal_computed = (personal_computed or 0) + v
            if total_row is not None:
                t = cell(total_row, cols["equals"])
                tc = cols["equals"]
                if not is_num(t) and is_num(cell(total_row, cols["points"])):
                    t, tc = cell(total_row, cols["points"]), cols["points"]
                fix["personal"] = (total_row, cols["equals"], elements)
                if is_num(t):
                    personal_typed = t
                    if differs(t, personal_computed or 0):
                        w.findings.append(
                            (
                                total_row,
                                tc,
                                fmt(t),
                                "The personal capacity TOTAL does not add up: its "
                                "elements make %s." % fmt(personal_computed or 0),
                            )
                        )

    families_typed, families_computed = [], []
    starts = [
        r
        for r in range(len(data))
        if any(isinstance(v, str) and squash(v) in ("1stchild", "firstchild") for v in data[r])
    ]
    for k, start in enumerate(starts, start=1):
        cols, h = notts_columns(data, start)
        if cols is None:
            continue
        fam = "family %d" % k
        if "family" in cols:
            fc, fr = cols["family"]
            c, v = right_of(data[fr], fc, lambda x: isinstance(x, str))
            if v and c < cols.get("number", cols["points"]):
                fam = v.strip()
        label_col = next(
            c
            for c, v in enumerate(data[start])
            if isinstance(v, str) and squash(v) in ("1stchild", "firstchild")
        )
        stop = starts[k] if k < len(starts) else len(data)
        lines, total_row, computed = [], None, 0.0
        additional = 0
        for r in range(start, stop):
            s = squash(cell(r, label_col)) if isinstance(cell(r, label_col), str) else ""
            if s.startswith("grandtotal"):
                break
            if s.startswith("total"):
                total_row = r
                break
            p, e = line_value(r, cols)
            nc = cols.get("number")
            n = cell(r, nc)
            if s in ("1stchild", "firstchild"):
                kind = "first"
            elif s.startswith("otherchildren"):
                kind = "other"
            elif s.startswith("additional"):
                kind = "additional"
            else:
                continue
            lines.append(r)
            pc, ec = cols["points"], cols["equals"]
            if kind == "first":
                count = n if is_num(n) and n > 0 else 1.0
                value = p * count if is_num(p) else 0.0
                if p not in ("", 0.0):
                    fix["checks"].append((r, pc, "first-child", None))
                    w.findings.append(
                        (
                            "check",
                            r,
                            pc,
                            fmt(p) if p is not None else "error",
                            check_formula(
                                PRO_FORMA, "first-child", p if p is not None else "#error"
                            ),
                        )
                    )
                formula = line_formula(pc, nc, r) if is_num(p) else None
                what = "%s x %s" % (fmt(count), fmt(p)) if is_num(p) else None
            elif kind == "other":
                count = n if is_num(n) and n > 0 else 1.0
                value = p * count if is_num(p) else 0.0
                if p not in ("", 0.0):
                    shown = (
                        "%s x %s = %s" % (fmt(count), fmt(p), fmt(value))
                        if is_num(p)
                        else "error"
                        if p is None
                        else fmt(p)
                    )
                    checked = value if is_num(p) else (p if p is not None else "#error")
                    w.findings.append(
                        (
                            "check",
                            r,
                            pc,
                            shown,
                            check_formula(PRO_FORMA, "other-children", checked, int(count) + 1),
                        )
                    )
                    fix["checks"].append((r, pc, "other-children", nc))
                formula = line_formula(pc, nc, r) if is_num(p) else None
                what = "%s x %s" % (fmt(count), fmt(p)) if is_num(p) else None
            else:
                value = p if is_num(p) else e if is_num(e) and not p else 0.0
                src = p if p not in ("", 0.0) else e
                if src not in ("", 0.0):
                    if is_num(src) or src is None:
                        additional += 1
                    w.findings.append(
                        (
                            "check",
                            r,
                            pc if p not in ("", 0.0) else ec,
                            fmt(src) if src is not None else "error",
                            check_formula(
                                PRO_FORMA, "additional", src if src is not None else "#error"
                            ),
                        )
                    )
                    fix["checks"].append((r, pc, "additional", None))
                formula = "=%s" % addr(pc, r) if is_num(p) else None
                what = fmt(p) if is_num(p) else None
            computed += value
            if formula:
                fix["lines"].append((r, ec, formula))
            if is_num(e) and what is not None and differs(e, value):
                w.findings.append(
                    (r, ec, fmt(e), "Equals does not add up: %s makes %s." % (what, fmt(value)))
                )
        most = SCHEMES[PRO_FORMA].rule("at-most", group="additional")["most"]
        if additional > most:
            w.findings.append(
                (
                    lines[0],
                    label_col,
                    fam,
                    "%s allows at most %d additional items on a family; this one has %d."
                    % (PRO_FORMA, most, additional),
                )
            )
        families_computed.append(computed)
        if total_row is not None:
            ec = cols["equals"]
            t = cell(total_row, ec)
            if not is_num(t):
                c, t2 = right_of(data[total_row], label_col, is_num)
                if c is not None:
                    ec, t = c, t2
            typed_lines = sum(
                cell(r, cols["equals"]) if is_num(cell(r, cols["equals"])) else 0.0 for r in lines
            )
            fix["family_totals"].append((total_row, cols["equals"], lines))
            if is_num(t):
                families_typed.append(t)
                if differs(t, typed_lines):
                    w.findings.append(
                        (
                            total_row,
                            ec,
                            fmt(t),
                            "The TOTAL of %s does not add up: its lines make %s."
                            % (fam, fmt(typed_lines)),
                        )
                    )
            else:
                families_typed.append(typed_lines)
    hit = find_label(data, lambda s: s.startswith("grandtotal"))
    if hit:
        r, c = hit
        ec = fix["family_totals"][0][1] if fix["family_totals"] else None
        vc = ec if ec is not None and is_num(cell(r, ec)) else right_of(data[r], c, is_num)[0]
        fix["grand"] = (r, vc if vc is not None else ec)
        if vc is not None:
            g = cell(r, vc)
            expect = (
                personal_typed if personal_typed is not None else personal_computed or 0
            ) + sum(families_typed)
            if differs(g, expect):
                w.findings.append(
                    (
                        r,
                        vc,
                        fmt(g),
                        "The GRAND TOTAL does not add up: the personal capacity and "
                        "the families' totals make %s." % fmt(expect),
                    )
                )
    if not starts:
        return []
    w.total_formula = "ORG.CASEWEIGHT.ADDIN.WORKLOADPOINTS(%s;%s;%s)" % (
        quote(PRO_FORMA),
        fmt(sum(families_computed)),
        fmt(personal_computed or 0),
    )
    # resolve the deferred column checks
    checks = [f for f in w.findings if f[0] == "check"]
    verdicts = calc.evaluate([f[4] for f in checks])
    out = []
    for f in w.findings:
        if f[0] == "check":
            verdict = verdicts[checks.index(f)]
            if verdict != "OK":
                out.append((f[1], f[2], f[3], verdict))
        else:
            out.append(f)
    w.findings = sorted(out, key=lambda f: (f[0], f[1]))
    return [w]


# -- the whole document ---------------------------------------------------------------------


def used_data(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    data = sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).getDataArray()
    return [list(row) for row in data]


def audit(doc, calc):
    workers = []
    sheets = doc.Sheets
    for i in range(sheets.getCount()):
        sheet = sheets.getByIndex(i)
        data = used_data(sheet)
        grids = find_grids(data)
        if grids:
            workers += audit_grids(sheet, data, grids, calc)
        elif is_notts(data):
            workers += audit_notts(sheet, data, calc)
    formulas = []
    for w in workers:
        band_args = [
            quote(w.scheme),
            w.total_formula,
            quote(w.grade) if w.grade else "",
            fmt(w.fte) if w.fte else "",
        ]
        formulas += [
            w.total_formula,
            "ORG.CASEWEIGHT.ADDIN.WORKLOADBAND(%s)" % ";".join(band_args).rstrip(";"),
        ]
    results = calc.evaluate(formulas)
    for k, w in enumerate(workers):
        w.total, w.band = results[2 * k], results[2 * k + 1]
    return workers


def report(workers, out=sys.stdout):
    count = 0
    for w in workers:
        where = "%s, %s %s" % (
            w.sheet,
            w.scheme,
            "pro-forma"
            if w.kind == "pro-forma"
            else "grid, rows %d-%d" % (w.first_row + 1, w.last_row + 1),
        )
        print("%s (%s)" % (w.name, where), file=out)
        for r, c, value, sentence in w.findings:
            print("  %s.%s  %s: %s" % (sheet_ref(w.sheet), addr(c, r), value, sentence), file=out)
            count += 1
        if w.scheme == PRO_FORMA:
            basis = "FTE %s" % fmt(w.fte or 1.0)
        else:
            basis = (
                "grade %s" % w.grade if w.grade else "default grade %s" % default_grade(w.scheme)
            )
            if w.fte:
                basis += ", FTE %s" % fmt(w.fte)
        total = fmt(w.total) if is_num(w.total) else "error"
        print(
            "  Total as the scheme computes it: %s, %s (%s)" % (total, w.band or "error", basis),
            file=out,
        )
    if count:
        print("\n%d finding%s." % (count, "" if count == 1 else "s"), file=out)
    else:
        print("\nNo findings: every typed number is allowed and every total adds up.", file=out)
    return count


# -- the corrected copy ---------------------------------------------------------------------


def add_check_format(sheet, rng_addr, formula):
    rng = sheet.getCellRangeByName(rng_addr)
    cf = rng.ConditionalFormat
    cf.addNew(
        props(
            Operator=uno_enum("com.sun.star.sheet.ConditionOperator", "FORMULA"),
            Formula1=formula,
            StyleName="Bad",
        )
    )
    rng.ConditionalFormat = cf


def uno_enum(type_name, value):
    import uno

    return uno.Enum(type_name, value)


def set_formula(sheet, r, c, formula):
    cell = sheet.getCellByPosition(c, r)
    text = cell.getString() if cell.getType().value == "TEXT" else ""
    if text.strip():
        # keep what was written there (e.g. TO BE CLOSED) as a comment on the cell
        sheet.getAnnotations().insertNew(cell.getCellAddress(), text)
    cell.setFormula(formula)


def write_fix(doc, workers):
    for w in workers:
        sheet = doc.Sheets.getByName(w.sheet)
        if w.scheme == PRO_FORMA:
            fix = w.fix
            for r, c, f in fix["lines"]:
                set_formula(sheet, r, c, f)
            if fix["personal"]:
                r, c, rows = fix["personal"]
                set_formula(
                    sheet, r, c, "=SUM(%s)" % ";".join(addr(c, x) for x in rows) if rows else "=0"
                )
            for r, c, rows in fix["family_totals"]:
                set_formula(sheet, r, c, "=SUM(%s:%s)" % (addr(c, rows[0]), addr(c, rows[-1])))
            for r, c, column, nc in fix["checks"]:
                cell = addr(c, r)
                if column == "other-children" and nc is not None:
                    n = "MAX(1;%s)" % addr(nc, r)
                    f = 'COLUMNCHECK("%s";"other-children";%s*%s;%s+1)<>"OK"' % (
                        PRO_FORMA,
                        n,
                        cell,
                        n,
                    )
                else:
                    f = 'COLUMNCHECK("%s";"%s";%s)<>"OK"' % (PRO_FORMA, column, cell)
                add_check_format(sheet, cell, f)
            if fix["grand"] and fix["grand"][1] is not None:
                r, c = fix["grand"]
                cases = ";".join(addr(x, y) for y, x, _ in fix["family_totals"]) or "0"
                worker = (
                    ";%s" % addr(fix["personal"][1], fix["personal"][0]) if fix["personal"] else ""
                )
                set_formula(
                    sheet, r, c, '=WORKLOADPOINTS("%s";SUM(%s)%s)' % (PRO_FORMA, cases, worker)
                )
                fte = ""
                if w.hours_cell:
                    fte = "MIN(1;%s/%s)" % (
                        addr(w.hours_cell[1], w.hours_cell[0]),
                        fmt(FULL_TIME_HOURS),
                    )
                band_col = c + 1
                set_formula(
                    sheet,
                    r,
                    band_col,
                    '=WORKLOADBAND("%s";%s;;%s)' % (PRO_FORMA, addr(c, r), fte)
                    if fte
                    else '=WORKLOADBAND("%s";%s)' % (PRO_FORMA, addr(c, r)),
                )
            continue
        g = w.grid
        body = range(g.header_row + 1, g.end_row + 1)
        rows = [r for r in body if r in g.rows or g.score_row is not None]
        if g.total_col is not None:
            runs = []
            for _, c in g.number_cols:
                if runs and runs[-1][1] == c - 1:
                    runs[-1][1] = c
                else:
                    runs.append([c, c])
            for r in rows:
                parts = [
                    addr(a, r) if a == b else "%s:%s" % (addr(a, r), addr(b, r)) for a, b in runs
                ]
                set_formula(sheet, r, g.total_col, "=SUM(%s)" % ";".join(parts))
        # conditional formatting: one range per column, cells of rows read as more children
        # get their own entry with that number of children
        if rows:
            for key, c in g.number_cols:
                rng = "%s:%s" % (addr(c, rows[0]), addr(c, rows[-1]))
                if "children" not in g.cols:
                    add_check_format(
                        sheet,
                        rng,
                        'COLUMNCHECK("%s";"%s";%s)<>"OK"' % (g.scheme, key, addr(c, rows[0])),
                    )
                    for r, n in w.children.items():
                        if n != 1:
                            add_check_format(
                                sheet,
                                addr(c, r),
                                'COLUMNCHECK("%s";"%s";%s;%d)<>"OK"'
                                % (g.scheme, key, addr(c, r), n),
                            )
                else:
                    cc = g.cols["children"]
                    add_check_format(
                        sheet,
                        rng,
                        'COLUMNCHECK("%s";"%s";%s;IF(%s="";1;%s))<>"OK"'
                        % (g.scheme, key, addr(c, rows[0]), addr(cc, rows[0]), addr(cc, rows[0])),
                    )
        if g.total_col is None or not rows:
            continue
        totals = "%s:%s" % (addr(g.total_col, rows[0]), addr(g.total_col, rows[-1]))
        if g.score_row is not None:
            r, c = w.score_cell
        else:
            r, c = g.end_row + 1, g.total_col
            below = sheet.getCellRangeByPosition(0, r, g.total_col + 1, r)
            if any(x not in ("", None) for x in below.getDataArray()[0]):
                continue
            label = g.cols.get("name", 0)
            sheet.getCellByPosition(label if label != c else 0, r).setString("Total Score")
        set_formula(sheet, r, c, '=WORKLOADPOINTS("%s";%s)' % (g.scheme, totals))
        band = '=WORKLOADBAND("%s";%s;"%s")' % (
            g.scheme,
            addr(c, r),
            w.grade or default_grade(g.scheme),
        )
        if w.fte:
            band = band[:-1] + ";%s)" % fmt(w.fte)
        for bc in range(c + 1, c + 5):
            if sheet.getCellByPosition(bc, r).getType().value == "EMPTY":
                set_formula(sheet, r, bc, band)
                break


# -- main -----------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument("file", help="the hand-made weighting sheet (.ods, .fods, .xlsx)")
    ap.add_argument(
        "--fix",
        metavar="OUT",
        help="also write a corrected copy with the add-in's formulas (.ods, .fods, .xlsx)",
    )
    add_oxt_option(ap)
    a = ap.parse_args()
    check_input(a.file, "there is nothing to audit")
    if a.fix:
        ext = os.path.splitext(a.fix)[1].lower()
        if ext not in (".ods", ".fods", ".xlsx"):
            raise ToolError("the corrected copy must be .ods, .fods or .xlsx: %s" % a.fix)
        if same_file(a.file, a.fix):
            raise ToolError(
                "the corrected copy %s would replace the sheet being audited; "
                "choose another name" % a.fix
            )
        reason = check_writable_folder(a.fix)
        if reason:
            raise ToolError("cannot write the corrected copy %s: %s" % (a.fix, reason))
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    with Office(oxt=a.oxt) as office:
        doc = load_spreadsheet(office, a.file)
        calc = None
        try:
            doc.calculateAll()
            calc = Calc(office)
            try:
                workers = audit(doc, calc)
            except Exception as e:  # noqa: BLE001 - a layout this tool cannot follow
                raise ToolError(
                    "cannot audit %s (%s: %s)"
                    % (a.file, type(e).__name__, " ".join(str(e).split()))
                )
            if not workers:
                raise ToolError(
                    "no Swindon, RBWM or Nottinghamshire weighting sheet "
                    "recognised in %s" % a.file
                )
            print("%s: %d worker%s" % (a.file, len(workers), "" if len(workers) == 1 else "s"))
            count = report(workers)
            if a.fix:
                write_fix(doc, workers)
                doc.calculateAll()
                out = office.doc_path("caseweight-audit-corrected" + ext)
                store(doc, out, FILTERS[ext])
                try:
                    replace_file(out, a.fix, inputs=[a.file])
                except OSError as e:
                    raise ToolError(
                        "cannot write the corrected copy %s: %s" % (a.fix, e.strerror or e)
                    ) from None
                print("Corrected copy: %s" % a.fix)
        finally:
            if calc:
                calc.close()
            doc.close(True)
    return 1 if count else 0


if __name__ == "__main__":
    run_tool(NAME, main)
