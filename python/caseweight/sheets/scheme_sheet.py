"""The worker sheet of any scheme file, made from the file alone: a cwtemplate Template.

    scheme = schemes.load_file("kent.toml")
    template = scheme_sheet.template(scheme)      # the version in force today
    Builder(office, engine, template).build()     # in an office that knows the scheme

scheme_layout.py works out what the sheet holds (header fields, a code column per [[column]]
of the file with the codes its kind allows, totals, notes; refined by the file's [sheet]
table). This module turns that into the vocabulary of cwtemplate: the headings quote their
codes' points through scored(), the grade field's help through grades_note(), the band table
through band_table() and the over-maximum record is over_maximum(), as on the shipped
sheets, so the words that state points are made in one place for every sheet.

caseweight-pack builds these sheets into a council's scheme pack (pack.py).
"""

from caseweight import schemes

from . import scheme_layout, team_sheet
from .cwtemplate import (
    Check,
    Children,
    Choice,
    Codes,
    Field,
    Formula,
    Points,
    Share,
    Sheet,
    Template,
    Text,
    Total,
    band_table,
    col_name,
    comments_box,
    grades_note,
    over_maximum,
    scored,
)

BESIDE_COLUMNS = 4  # the blocks beside the totals take columns A to D


def heading(version, col):
    """A code column's heading: its title, then the points of its codes (scored())."""
    if not col.points:
        return col.title
    if col.plus:
        return scored(col.title, version, col.codes, col.plus)
    return scored(col.title, version, col.codes)


def codes_column(version, col):
    """A cwtemplate Codes column offering exactly the layout's entries."""
    return Codes(
        col.key,
        heading(version, col),
        "",
        col.width or 24,
        only=col.codes,
        combos=col.combos,
    )


def header_field(version, layout, f):
    if f.kind == "codes":
        return Field(f.key, f.label, "codes", group=f.codes)
    if f.key == "experience":
        return Field(
            "experience",
            f.label,
            "choice",
            choices=[p["label"] for p in layout.policies.values()],
            note="For the number of cases: the range of each is in the table beside the totals.",
        )
    if f.key == "grade":
        return Field(
            "grade",
            f.label,
            "choice",
            choices=tuple(version.grade_names()),
            note=grades_note(version),
        )
    if f.kind == "week":
        return Field(
            f.key,
            f.label,
            "number",
            minimum=1,
            maximum=scheme_layout.MOST_WEEK_HOURS,
            note="Empty = full time (%s hours). Bands are pro rata."
            % schemes.number_text(version.full_time_hours),
        )
    if f.key == "fte":
        return Field(
            "fte",
            f.label,
            "number",
            minimum=0.01,
            maximum=1,
            note="Full-time equivalent (empty = 1). %s are pro rata."
            % ("Bands and case numbers" if layout.policies else "Bands"),
        )
    if f.key == "hours":
        return Field(
            "hours",
            f.label,
            "number",
            minimum=0,
            maximum=scheme_layout.HOURS_IN_A_MONTH,
            note="Hours a month of extra formal duties, %s points an hour."
            % schemes.number_text(version.worker["hours_points"]),
        )
    if f.kind == "date":
        return Field(f.key, f.label, "date", fmt="DD/MM/YYYY")
    return Field(f.key, f.label)


def _nested_if(cell, pairs):
    """IF(cell=a1;b1;IF(cell=a2;b2;...;"")) over [(a, b)]: a text to match, b a formula."""
    f = '""'
    for a, b in reversed(pairs):
        f = 'IF(%s="%s";%s;%s)' % (cell, a, b, f)
    return f


def total_lines(version, layout):
    """The cwtemplate Totals of the layout's totals, in its order. In the formulas, {@KIND}
    is the cell of the total of that kind."""
    keys = {t.kind: t.key for t in layout.totals}
    has = set(keys)
    graded = any(f.key == "grade" for f in layout.fields)
    grade = "{?grade}" if graded else ""
    fte = "{?fte}" if any(f.key == "fte" for f in layout.fields) else ""
    if "fte" in has:  # of the hours worked a week
        fte = "{@fte}"
    hours = ";{?%s}" % layout.hours_key if layout.hours_key else ""
    # the hours worked a week, of which the total fte is made (a layout has that total only then)
    week = next((f.key for f in layout.fields if f.kind == "week"), "")
    element = "+".join("{@%s}" % k for k in ("base", "worker") if k in has)
    total = "WORKLOADPOINTS({scheme};{points}%s)" % (";" + element if element else "")
    top = "1/WORKLOADCAPACITY({scheme};1;%s;%s)" % (grade, fte)
    policies = layout.policies.items()
    formulas = {
        "base": ("=WORKERPOINTS({scheme})", "0.##", False),
        "worker": (
            "=WORKERPOINTS({scheme};{%s}%s)%s"
            % (layout.worker_key, hours, "-{@base}" if "base" in has else ""),
            "0.##",
            False,
        ),
        "cases": ("=SUM({points})", "0.##", False),
        "weight": (
            "=%s-{@cases}%s"
            % (total, "".join("-{@%s}" % k for k in ("base", "worker") if k in has)),
            "0.##",
            False,
        ),
        "total": ("=" + total, "0.##", False),
        "band": ("=WORKLOADBAND({scheme};{@total};%s;%s)" % (grade, fte), "", True),
        "capacity": ("=WORKLOADCAPACITY({scheme};{@total};%s;%s)" % (grade, fte), "0%", False),
        "top": ("=" + top, "0.#", False),
        "headroom": (
            "={@top}-{@total}" if "top" in has else "=%s-{@total}" % top,
            "0.#;-0.#;0",
            False,
        ),
        "case_count": ("=COUNTA({%s})" % layout.name_key, "", False),
        "fte": (
            '=IF({%s}="";1;MIN(1;{%s}/%s))'
            % (week, week, schemes.number_text(version.full_time_hours)),
            "0.00",
            False,
        ),
        "cases_policy": (
            "=" + _nested_if("{experience}", [(p["label"], '"%s"' % c) for c, p in policies]),
            "",
            False,
        ),
        "cases_from": (
            '=IF({@cases_policy}="";"";CASELOADLIMIT({@cases_policy};%s;{scheme};"lower"))' % fte,
            "",
            False,
        ),
        "cases_to": (
            '=IF({@cases_policy}="";"";CASELOADLIMIT({@cases_policy};%s;{scheme}))' % fte,
            "",
            False,
        ),
        "cases_range": (
            '=IF({@cases_policy}="";"";CASELOADBAND({@cases_policy};{@case_count};%s;{scheme}))'
            % fte,
            "",
            True,
        ),
    }
    out = []
    for t in layout.totals:
        formula, fmt, band = formulas[t.kind]
        for kind, key in keys.items():
            formula = formula.replace("{@%s}" % kind, "{%s}" % key)
        label = t.label
        if t.kind == "weight" and label == scheme_layout.TOTAL_KINDS["weight"][1]:
            label += " (1 per whole {one_point_per} case points)"
        out.append(Total(t.key, label, formula, fmt=fmt, band=band))
    return out


def worker_block(version, layout, top_of):
    """The worker's own items, one code a line (as many lines as the layout gives), each
    line's points beside it; named cw_WORKER_KEY ([sheet] worker_key, default worker_items).
    A label takes the first columns of a line, its code the next ones ([sheet] worker_columns),
    its points one. Extra duties without a field of their own: a line of hours a month
    (cw_duty_hours)."""
    span, code_span = layout.worker_columns
    code_col, points_col = span, span + code_span

    def across(builder, sh, first, last, r):
        if last > first:
            builder.merge(sh, first, r, last, r)

    def block(builder, lay, index):
        sh = lay.sheet
        top = top_of(lay)
        builder.put(sh, 0, top, layout.worker_heading, "cw Header")
        across(builder, sh, 0, span - 1, top)
        builder.put(sh, code_col, top, "Code", "cw Header")
        across(builder, sh, code_col, points_col - 1, top)
        builder.put(sh, points_col, top, "Points", "cw Header")
        source, entries = builder.code_list(
            Codes(layout.worker_key, layout.worker_heading, "", only=layout.worker_codes),
            layout.worker_heading,
        )
        help_text = builder._help(entries)
        scheme = lay.cell("scheme")
        base = "-WORKERPOINTS({s})" if version.worker.get("base") else ""
        code = col_name(code_col)
        for i in range(layout.worker_lines):
            r = top + 1 + i
            builder.put(sh, 0, r, "%s %d" % (layout.worker_line, i + 1), "cw Entry")
            across(builder, sh, 0, span - 1, r)
            builder.put(sh, code_col, r, None, "cw Code")
            across(builder, sh, code_col, points_col - 1, r)
            builder.validation_list(
                sh.getCellRangeByPosition(code_col, r, code_col, r),
                source,
                layout.worker_heading,
                help_text,
            )
            builder.put(
                sh,
                points_col,
                r,
                ('=IF({c}{r}="";"";WORKERPOINTS({s};{c}{r})' + base + ")").format(
                    c=code, r=r + 1, s=scheme
                ),
                "cw Result",
            )
        last = top + layout.worker_lines
        lay.names[layout.worker_key] = "$%s$%d:$%s$%d" % (code, top + 2, code, last + 1)
        builder.name("cw_" + layout.worker_key, lay.sheet_name, code_col, top + 1, code_col, last)
        r = last + 1
        if layout.duty_line:
            label = builder.put(sh, 0, r, layout.duty_label, "cw Entry")
            label.IsTextWrapped = True
            across(builder, sh, 0, span - 1, r)
            builder.put(sh, code_col, r, None, "cw Field")
            across(builder, sh, code_col, points_col - 1, r)
            builder.validation_number(
                sh.getCellRangeByPosition(code_col, r, code_col, r),
                False,
                0,
                scheme_layout.HOURS_IN_A_MONTH,
                "Extra duties",
                "Hours a month of extra duties.",
            )
            builder.put(
                sh,
                points_col,
                r,
                '=IF({c}{r}="";"";WORKERPOINTS({s};;{c}{r}))'.format(c=code, r=r + 1, s=scheme),
                "cw Result",
            )
            lay.names["duty_hours"] = "$%s$%d" % (code, r + 1)
            builder.name("cw_duty_hours", lay.sheet_name, code_col, r)
            r += 1
        repeated = [c for c in layout.worker_codes if version.item(c).get("repeat")]
        if repeated:
            builder.put(
                sh,
                0,
                r,
                "Repeat a code on another line each time it counts again (%s)."
                % ", ".join(repeated),
                "cw Note",
            )
            r += 1
        return r + 1

    return block


def caseload_block(layout, builder, lay, top):
    """The scheme's own caseload policies: the number of cases at full time for each
    Experience, live for the sheet's date; returns the row after it."""
    sh = lay.sheet
    builder.put(sh, 0, top, "Experience", "cw Header")
    builder.put(sh, 1, top, "Cases (full time)", "cw Header")
    builder.merge(sh, 1, top, 2, top)
    r = top + 1
    scheme = lay.cell("scheme")
    for code, p in layout.policies.items():
        builder.put(sh, 0, r, p["label"], "cw Entry")
        # the limits in force on the sheet's date
        limit = 'CASELOADLIMIT("%s";1;%s%%s)' % (code, scheme)
        builder.put(sh, 1, r, '=%s&" to "&%s' % (limit % ';"lower"', limit % ""), "cw Entry")
        builder.merge(sh, 1, r, 2, r)
        r += 1
    return r


def beside_blocks(version, layout):
    """The blocks beside the totals (the worker's items, the caseload policies, the grades'
    bands), stacked; below the notes instead when the table is too narrow for them beside the
    totals. Under the caseload policies the bands take its two columns, and the FTE field
    says both are pro rata."""
    parts = (["worker"] if layout.worker_lines else []) + (
        ["caseload"] if layout.caseload_table else []
    )
    parts += ["bands"] if layout.band_table else []

    repeated = any(version.item(c).get("repeat") for c in layout.worker_codes)
    part_time_note = not layout.caseload_table
    heights = {
        "worker": 1 + layout.worker_lines + layout.duty_line + (1 if repeated else 0) + 1,
        "caseload": 1 + len(layout.policies),
        "bands": 1 + len(version.grade_names()) + (2 if part_time_note else 0),
    }
    # Beside the totals: from their first line to the line before the notes.
    room = len(layout.totals) + 1

    def blocks(builder, lay, index):
        label_col = max(0, lay.columns["points"] - 4)
        needed = sum(heights[p] for p in parts) - 1
        wide = max(
            [BESIDE_COLUMNS] + ([sum(layout.worker_columns) + 1] if "worker" in parts else [])
        )
        beside = label_col >= wide and needed <= room
        r = lay.block_row if beside else lay.next_row
        for part in parts:
            if part == "bands":
                r = band_table(builder, lay, r, version, span=3 if part_time_note else 2)
                if part_time_note:
                    builder.put(
                        lay.sheet,
                        0,
                        r,
                        "Part-time: the band is pro rata (FTE x the limits).",
                        "cw Note",
                    )
                    r += 2
            elif part == "caseload":
                r = caseload_block(layout, builder, lay, r)
            else:
                start = r
                r = worker_block(version, layout, lambda lay: start)(builder, lay, index)
        if not beside:
            lay.next_row = r + 1

    return blocks


# What CASELOADBAND says of a number of cases above its policy's range.
ABOVE_RANGE = "Above range"


def other_column(layout, c):
    """The cwtemplate column of a layout's OtherColumn."""
    if c.kind == "choice":
        return Choice(c.key, c.title, c.choices, c.width or 16, note=c.note)
    if c.kind == "share":
        return Share(c.title, c.width or 14)
    item = "{%s}" % c.of
    if c.kind == "first_child_points":
        formula = '=IF({i}="";"";CASEPOINTS({scheme};{i};1;{share}))'
    elif c.kind == "other_children_points":
        first = [o.key for o in layout.others if o.kind == "first_child_points" and o.of == c.of]
        formula = '=IF({i}="";"";CASEPOINTS({scheme};{i};{children};{share})-%s)' % (
            "{%s}" % first[0] if first else "CASEPOINTS({scheme};{i};1;{share})"
        )
    else:  # what the other code columns add to the item's points
        added = ";".join("{%s}" % k.key for k in layout.columns if k.key != c.of)
        formula = (
            '=IF(COUNTA(%s)=0;"";{points}-CASEPOINTS({scheme};{i};{children};{share}))' % added
        )
    return Formula(c.key, c.title, formula.replace("{i}", item), c.width or 16, fmt="0.##")


def days_block(version, layout):
    """The bands' limits by days worked (a week of WORKING_DAYS), from the scheme's bands,
    then the comments box and the signatures, below the notes."""

    def block(builder, lay, index):
        sh = lay.sheet
        top = lay.next_row
        if layout.days_table:
            shown = [x for x in version.band_limits() if x[0] != version.bands.get("below")]
            builder.put(sh, 0, top, "Days worked", "cw Header")
            for j, (label, lo, hi) in enumerate(shown):
                over = "" if label == version.bands["within"] else "over "
                text = (
                    "%s\n%s%g to %g points" % (label, over, lo, hi)
                    if hi is not None
                    else "%s\nover %g points" % (label, lo)
                )
                builder.put(sh, 1 + 2 * j, top, text, "cw Header")
                builder.merge(sh, 1 + 2 * j, top, 2 + 2 * j, top)
            sh.Rows.getByIndex(top).Height = 900
            for i, days in enumerate(layout.days_table):
                r = top + 1 + i
                name = (
                    "Half a day" if days == 0.5 else "%g day%s" % (days, "" if days == 1 else "s")
                )
                builder.put(sh, 0, r, name, "cw Entry")
                for j, (label, lo, hi) in enumerate(shown):
                    upper = hi if hi is not None else lo
                    value = round(upper * days / float(scheme_layout.WORKING_DAYS), 1)
                    text = ("up to %g" if hi is not None else "over %g") % value
                    builder.put(sh, 1 + 2 * j, r, text, "cw Entry")
                    builder.merge(sh, 1 + 2 * j, r, 2 + 2 * j, r)
            top += len(layout.days_table) + 2
        r = top
        if layout.comments:
            r = comments_box(builder, lay, r, layout.comments, "comments")
        for k, who in enumerate(layout.signatures):
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
        if layout.signatures:
            r += 2 * len(layout.signatures)
        lay.next_row = r

    return block


def template_of(version, layout):
    """The cwtemplate Template of one layout of `version`."""
    columns = [Text(layout.name_key, layout.headings["name"], layout.name_width)]
    if layout.headings["children"]:
        columns.append(Children(layout.headings["children"], layout.children_width or 13))
    codes = [codes_column(version, c) for c in layout.columns]
    for i, col in enumerate(codes + [None]):
        for c in layout.others:
            if c.before == i:
                columns.append(other_column(layout, c))
        if col is not None:
            columns.append(col)
    if not any(c.kind == "share" for c in layout.others):
        columns.append(Share())
    columns += [Points(header=layout.headings["points"], width=layout.points_width or 20), Check()]
    keys = {t.kind: t.key for t in layout.totals}
    also = []
    if "cases_range" in keys:
        also.append(
            (keys["cases_range"], ABOVE_RANGE, keys["case_count"], "cases above the caseload range")
        )
    extras = {}
    if layout.header_height:
        extras["header_height"] = layout.header_height
    return Template(
        file=layout.file,
        title=layout.template,
        scheme=version.name,
        description=layout.description,
        sheets=[
            Sheet(
                name=layout.tab,
                date_key=layout.date_key,
                title=layout.title,
                fields=[header_field(version, layout, f) for f in layout.fields],
                fields_per_row=layout.fields_per_row,
                columns=columns,
                rows=layout.rows,
                totals=total_lines(version, layout),
                notes=tuple(layout.notes),
                extras=[
                    beside_blocks(version, layout),
                    days_block(version, layout),
                    over_maximum(version, also=also),
                ],
                **extras,
            )
        ],
    )


def templates(scheme, date=None):
    """The Templates of `scheme` (a schemes.Scheme): its worker sheets, one per sheet table of
    its file, with the headings and notes of its version in force on `date` (default today),
    then its team sheets (team_sheet)."""
    version = scheme.version_at(date)
    return [template_of(version, lay) for lay in scheme_layout.sheets(version)] + (
        team_sheet.templates(version)
    )


def template(scheme, date=None):
    """The first worker sheet's Template of `scheme` (a file of one sheet: its only one)."""
    return templates(scheme, date)[0]
