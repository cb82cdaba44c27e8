"""The monthly history sheet of the team templates: one row per worker per month, a table by
month (workers, team total, average, above band, team capacity) and a chart of the average
against the top of the band. The team functions (TEAMAVERAGE, TEAMABOVEBAND, TEAMCAPACITY)
take the month as their group, so the same sheet serves every scheme. Every month is scored
under the scheme's version in force in that month: SCHEMEAT with the month's date.
"""

from .cwtemplate import Choice, Date, Field, Formula, Number, Sheet, Text, put_table

HISTORY_ROWS = 240  # e.g. 20 workers x 12 months
HISTORY_MONTHS = 12


def history_sheet(scheme, authority, grades=()):
    """A Sheet for `scheme`; `grades` empty where the scheme's bands ignore the grade."""
    grade_col = (
        [Choice("h_grade", "Grade", grades, 26, note="Empty means the scheme's default grade.")]
        if grades
        else []
    )
    opt_grade = "{?h_grade}" if grades else ""
    # each row scores under the scheme's version in force in its month (today's when empty)
    month_scheme = 'SCHEMEAT("%s";IF({h_month}="";TODAY();{h_month}))' % scheme
    return Sheet(
        name="Monthly history",
        title="%s - caseload weighting: monthly history" % authority,
        fields=[Field("h_team", "Team")],
        columns=[
            Date("h_month", "Month (first day)"),
            Text("h_worker", "Social worker", 40),
            *grade_col,
            Number("h_fte", "FTE", 12, minimum=0.01, maximum=1, note="Empty means 1."),
            Number("h_total", "Total score", 20, minimum=0, maximum=2000),
            Formula(
                "h_band",
                "Band",
                '=IF({h_total}="";"";WORKLOADBAND(%s;{h_total};%s;{?h_fte}))'
                % (month_scheme, opt_grade),
                22,
                band=True,
            ),
            Formula(
                "h_capacity",
                "Capacity used",
                '=IF({h_total}="";"";WORKLOADCAPACITY(%s;{h_total};%s;{?h_fte}))'
                % (month_scheme, opt_grade),
                18,
                fmt="0%",
            ),
        ],
        rows=HISTORY_ROWS,
        fields_per_row=1,
        check_key="",
        totals_under="h_capacity",
        notes=(
            "One row per worker per month: copy each month's totals from the team sheet. "
            "The table and chart below follow each month. Each month is banded under the "
            "version of the scheme in force in it (SCHEMEAT with the month's date).",
        ),
        extras=[lambda builder, lay, index: by_month(builder, lay, index, scheme, bool(grades))],
    )


def by_month(builder, lay, index, scheme, graded):
    """Per month (the first 12 found, in order): workers, team total, average, above band,
    team capacity used and the top of the band; a line chart of the average and the top."""
    sh = lay.sheet
    top = lay.next_row
    month, total, fte = lay.cell("h_month"), lay.cell("h_total"), lay.cell("h_fte")
    grade = lay.cell("h_grade") if graded else ""
    team = 'SCHEMEAT("%s";{m});{total};{grade};{fte};{month};{m}' % scheme
    rows = []
    for i in range(HISTORY_MONTHS):
        r = top + 2 + i  # 1-based row of this line
        first = (
            '=IF(COUNT({month})=0;"";MIN({month}))'
            if i == 0
            else '=IF(A{p}="";"";IF(MINIFS({month};{month};">"&A{p})=0;"";'
            'MINIFS({month};{month};">"&A{p})))'
        )
        line = [
            first,
            '=IF({m}="";"";COUNTIFS({month};{m};{total};"<>"))',
            '=IF({m}="";"";SUMIF({month};{m};{total}))',
            '=IF({m}="";"";TEAMAVERAGE(' + team + "))",
            '=IF({m}="";"";TEAMABOVEBAND(' + team + "))",
            '=IF({m}="";"";TEAMCAPACITY(' + team + "))",
            '=IF({m}="";"";1/WORKLOADCAPACITY(SCHEMEAT("%s";{m});1))' % scheme,
        ]
        rows.append(
            [
                x.format(month=month, total=total, grade=grade, fte=fte, m="A%d" % r, p=r - 1)
                for x in line
            ]
        )
    put_table(
        builder,
        lay,
        index,
        top,
        0,
        [
            "Month",
            "Workers",
            "Team total",
            "Average per worker",
            "Above band",
            "Team capacity used",
            "Top of band (default grade)",
        ],
        rows,
        styles=["cw Result"] * 7,
    )
    for i in range(HISTORY_MONTHS):
        sh.getCellByPosition(0, top + 1 + i).NumberFormat = builder.fmt("MMM YYYY")
        sh.getCellByPosition(3, top + 1 + i).NumberFormat = builder.fmt("0.#")
        sh.getCellByPosition(5, top + 1 + i).NumberFormat = builder.fmt("0%")
    builder.name("cw_history_by_month", lay.sheet_name, 0, top, 6, top + HISTORY_MONTHS)
    sh.Rows.getByIndex(top).IsStartOfNewPage = True  # the table and its chart on one page
    chart(sh, index, top, lay)


def chart(sh, index, top, lay):
    from com.sun.star.awt import Rectangle
    from com.sun.star.table import CellRangeAddress

    ranges = []
    for c in (0, 3, 6):  # month, average per worker, top of band
        a = CellRangeAddress()
        a.Sheet, a.StartColumn, a.EndColumn = index, c, c
        a.StartRow, a.EndRow = top, top + HISTORY_MONTHS
        ranges.append(a)
    rect = Rectangle()
    pos = sh.getCellByPosition(0, top + HISTORY_MONTHS + 2).Position
    width = sum(sh.Columns.getByIndex(c).Width for c in range(7))  # the table's width
    rect.X, rect.Y, rect.Width, rect.Height = pos.X, pos.Y, width, 6500
    charts = sh.getCharts()
    charts.addNewByName("cw_history_chart", rect, tuple(ranges), True, True)
    doc = charts.getByName("cw_history_chart").getEmbeddedObject()
    doc.setDiagram(doc.createInstance("com.sun.star.chart.LineDiagram"))
    doc.HasMainTitle = True
    doc.HasLegend = True
    doc.Title.String = "Average total per worker, and the top of the band"
    lay.next_row = top + HISTORY_MONTHS + 24
