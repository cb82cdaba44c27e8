"""A team sheet of a scheme file: a `[[sheet]]` table with `kind = "team"` (docs/schemes.md,
"Team sheets"), where a team manager copies each worker's figures from their weighting sheet
and the sheet adds them up: its header fields, its columns (words, numbers, dates, drop-downs
and formulas), its totals, a table per group of workers (an assistant team manager's), boxes
of figures for the team, a comments box and the monthly history sheet.

    scheme = schemes.of_file("swindon")
    [summary] = team_sheet.templates(scheme.version_at())

Formulas are written as on the sheet, with {KEY} for a column's or total's cells (as
cwtemplate reads them) and markers for the scheme's words: {above:N} the Nth band above
(1 the first), {within}, {default_grade}. Nothing here knows a scheme.
"""

import re

from . import scheme_layout
from .cwtemplate import (
    Choice,
    Date,
    Field,
    Formula,
    Number,
    Sheet,
    Template,
    Text,
    Total,
    comments_box,
    put_table,
)
from .history import history_sheet

LayoutError = scheme_layout.LayoutError

TEAM_KEYS = dict(
    scheme_layout.COMMON_KEYS,
    kind=str,
    totals_under=str,
    groups=dict,
    box=list,
    comments_key=str,
    history=bool,
)
COLUMN_KEYS = {
    "key": str,
    "kind": str,
    "heading": str,
    "width": (int, float),
    "choices": list,
    "note": str,
    "minimum": (int, float),
    "maximum": (int, float),
    "whole": bool,
    "formula": str,
    "format": str,
    "band": bool,
    "style": str,
}
COLUMN_KINDS = ("text", "number", "date", "choice", "grade", "formula")
FIELD_KEYS = {"key": str, "label": str, "kind": str}
TOTAL_KEYS = {
    "key": str,
    "label": str,
    "formula": str,
    "format": str,
    "band": bool,
    "array": bool,
    "style": str,
}
GROUP_KEYS = {"column": str, "lines": int, "total": str, "band": str, "above": str}
BOX_KEYS = {"title": str, "line": str, "fields": list}
BOX_FIELD_KEYS = {"key": str, "heading": str}
STYLES = ("cw Result", "cw Total", "cw Check")

MARKER = re.compile(r"\{(above:\d+|within|default_grade)\}")


def words(version, text):
    """`text` with the scheme's words for its markers ({above:1}, {within}, {default_grade})."""

    def one(m):
        what = m.group(1)
        if what == "within":
            return version.bands["within"]
        if what == "default_grade":
            return version.default_grade or ""
        n = int(what.split(":")[1])
        above = version.bands.get("above", [])
        if not 1 <= n <= len(above):
            raise LayoutError(
                scheme_layout.in_file(
                    version, "{%s}: the scheme has %d bands above" % (what, len(above))
                )
            )
        return above[n - 1]["label"]

    return MARKER.sub(one, text)


def _column(version, c):
    scheme_layout.check_keys(version, c, COLUMN_KEYS, "a [[sheet.column]] of a team sheet")
    kind, key = c.get("kind", "text"), c.get("key")
    if kind not in COLUMN_KINDS or not key:
        raise LayoutError(
            scheme_layout.in_file(
                version,
                "a team sheet's column needs a key and a kind: one of %s" % ", ".join(COLUMN_KINDS),
            )
        )
    heading = words(version, c.get("heading", scheme_layout.capitalised(key.replace("_", " "))))
    width = c.get("width", 22)
    note = words(version, c.get("note", ""))
    if kind == "text":
        return Text(key, heading, width)
    if kind == "date":
        return Date(key, heading, width)
    if kind == "grade":
        return Choice(
            key,
            heading,
            version.grade_names(),
            width,
            note=note
            or ("Empty means %s." % version.default_grade if version.default_grade else ""),
        )
    if kind == "choice":
        if not c.get("choices") or not all(isinstance(x, str) for x in c["choices"]):
            raise LayoutError(
                scheme_layout.in_file(version, "the choice column %s needs its choices" % key)
            )
        return Choice(key, heading, c["choices"], width, note=note)
    if kind == "number":
        return Number(
            key,
            heading,
            width,
            whole=c.get("whole", False),
            minimum=c.get("minimum"),
            maximum=c.get("maximum"),
            note=note,
        )
    if "formula" not in c or c.get("style", "cw Result") not in STYLES:
        raise LayoutError(
            scheme_layout.in_file(
                version, "the formula column %s needs a formula (and a style of %s)" % (key, STYLES)
            )
        )
    return Formula(
        key,
        heading,
        words(version, c["formula"]),
        width,
        fmt=c.get("format", ""),
        style=c.get("style", "cw Result"),
        band=c.get("band", False),
    )


def _field(version, f):
    scheme_layout.check_keys(version, f, FIELD_KEYS, "a field of a team sheet")
    key = f["key"]
    label, kind = scheme_layout.KNOWN_FIELDS.get(key, (scheme_layout.capitalised(key), "text"))
    kind = f.get("kind", kind)
    if kind not in ("text", "date"):
        raise LayoutError(
            scheme_layout.in_file(version, "a team sheet's field %s: text or date" % key)
        )
    if kind == "date":
        return Field(key, f.get("label", label), "date", fmt="DD/MM/YYYY")
    return Field(key, f.get("label", label))


def _total(version, t):
    scheme_layout.check_keys(version, t, TOTAL_KEYS, "a [[sheet.total]] of a team sheet")
    if not t.get("key") or not t.get("formula") or t.get("style", "cw Total") not in STYLES:
        raise LayoutError(
            scheme_layout.in_file(version, "a team sheet's total needs a key and a formula")
        )
    return Total(
        t["key"],
        words(version, t.get("label", scheme_layout.capitalised(t["key"].replace("_", " ")))),
        words(version, t["formula"]),
        fmt=t.get("format", ""),
        band=t.get("band", False),
        style=t.get("style", "cw Total"),
        array=t.get("array", False),
    )


def groups_block(version, groups, columns):
    """A line per group of workers (an assistant team manager's): its name typed in, then
    the number of its workers, their total points, the average and how many are above."""
    scheme_layout.check_keys(version, groups, GROUP_KEYS, "groups of a team sheet")
    column, lines = groups.get("column"), groups.get("lines", 4)
    above = words(version, groups.get("above", "{above:1}"))
    headings = [c.header for c in columns if c.key == column]
    if not headings or not 1 <= lines <= 50:
        raise LayoutError(
            scheme_layout.in_file(
                version, "groups: the key of a column of the team sheet, and 1 to 50 lines"
            )
        )
    heading = headings[0]

    def block(builder, lay, index):
        sh = lay.sheet
        top = lay.next_row
        lay.next_row = top + lines + 4
        key, total, band = (
            lay.cell(column),
            lay.cell(groups.get("total", "total")),
            lay.cell(groups.get("band", "band")),
        )
        rows = []
        for i in range(lines):
            r = top + 1 + i + 1  # 1-based row of this line
            line = [
                None,
                '=IF(A{r}="";"";COUNTIF({g};A{r}))',
                '=IF(N(B{r})=0;"";SUMIF({g};A{r};{total}))',
                '=IF(N(B{r})=0;"";SUMIF({g};A{r};{total})/B{r})',
                '=IF(N(B{r})=0;"";COUNTIFS({g};A{r};{band};"%s"))' % above,
            ]
            rows.append(
                [x if x is None else x.format(r=r, g=key, total=total, band=band) for x in line]
            )
        put_table(
            builder,
            lay,
            index,
            top,
            0,
            [heading, "Workers", "Total points", "Average per worker", above],
            rows,
            styles=["cw Field", "cw Result", "cw Result", "cw Result", "cw Result"],
        )
        names = "cw_%s_names" % column
        builder.name(names, lay.sheet_name, 0, top + 1, 0, top + lines)
        builder.declare(names, "Worker")
        for i in range(lines):
            builder.name(
                "cw_%s_%d" % (column, i + 1), lay.sheet_name, 0, top + 1 + i, 4, top + 1 + i
            )
            sh.getCellByPosition(3, top + 1 + i).NumberFormat = builder.fmt("0.#")
        builder.put(
            sh,
            0,
            top + lines + 2,
            "Type each %s's name once here and against their workers." % heading.lower(),
            "cw Note",
        )

    return block


def boxes_block(version, boxes, comments, comments_key):
    """Boxes of whole numbers for the team (unallocated cases ...), each field two columns
    wide under its heading and named cw_KEY; then a comments box (cw_COMMENTS_KEY)."""
    for box in boxes:
        scheme_layout.check_keys(version, box, BOX_KEYS, "a [[sheet.box]] of a team sheet")
        for f in box.get("fields", []):
            scheme_layout.check_keys(version, f, BOX_FIELD_KEYS, "a field of a [[sheet.box]]")

    def block(builder, lay, index):
        sh = lay.sheet
        r = lay.next_row
        for box in boxes:
            builder.put(sh, 0, r, box.get("title", ""), "cw Header")
            builder.merge(sh, 0, r, 1, r)
            for j, f in enumerate(box["fields"]):
                builder.put(sh, 2 + 2 * j, r, f.get("heading", f["key"]), "cw Header")
                builder.merge(sh, 2 + 2 * j, r, 3 + 2 * j, r)
            sh.Rows.getByIndex(r).Height = 900
            builder.put(sh, 0, r + 1, box.get("line", ""), "cw Entry")
            builder.merge(sh, 0, r + 1, 1, r + 1)
            for j, f in enumerate(box["fields"]):
                builder.put(sh, 2 + 2 * j, r + 1, None, "cw Field")
                builder.merge(sh, 2 + 2 * j, r + 1, 3 + 2 * j, r + 1)
                builder.validation_number(
                    sh.getCellRangeByPosition(2 + 2 * j, r + 1, 2 + 2 * j, r + 1),
                    True,
                    0,
                    10000,
                    box.get("title", ""),
                    "",
                )
                builder.name("cw_" + f["key"], lay.sheet_name, 2 + 2 * j, r + 1)
            r += 3
        if comments:
            r = comments_box(builder, lay, r, comments, comments_key)
        lay.next_row = r

    return block


def template(version, table):
    """The Template of one team sheet table of `version`."""
    table = scheme_layout.check_keys(version, table, TEAM_KEYS, "a team [[sheet]]")
    name = version.name
    council = version.scheme.council or name
    for key in ("file", "template", "title", "column", "total"):
        if not table.get(key):
            raise LayoutError(scheme_layout.in_file(version, "a team [[sheet]] needs %s" % key))
    fields = [_field(version, f) for f in table.get("fields", [{"key": "team"}])]
    dates = [f.key for f in fields if f.kind == "date"]
    columns = [_column(version, c) for c in table["column"]]
    extras = []
    if "groups" in table:
        extras.append(groups_block(version, table["groups"], columns))
    if table.get("box") or table.get("comments"):
        extras.append(
            boxes_block(
                version,
                table.get("box", []),
                table.get("comments", ""),
                table.get("comments_key", "comments"),
            )
        )
    sheets = [
        Sheet(
            name=table.get("tab", "Team summary"),
            date_key=dates[0] if dates else "",
            title=table["title"],
            fields=fields,
            fields_per_row=table.get("fields_per_row", 3),
            columns=columns,
            rows=table.get("rows", 12),
            check_key="",
            totals_under=table.get("totals_under", columns[-1].key),
            totals=[_total(version, t) for t in table["total"]],
            notes=tuple(words(version, n) for n in table.get("notes", [])),
            extras=extras,
        )
    ]
    if table.get("history", False):
        sheets.append(history_sheet(name, council, tuple(version.grade_names())))
    return Template(
        file=table["file"],
        title=table["template"],
        scheme=name,
        description=table.get("description", "%s team sheet." % council),
        sheets=sheets,
    )


def templates(version):
    """The Templates of the scheme's team sheets ([[sheet]] tables of kind "team")."""
    given = version.data.get("sheet", [])
    return [
        template(version, t)
        for t in (given if isinstance(given, list) else [])
        if scheme_layout.is_team(t)
    ]
