"""The calibration sheet of a set of vignettes (caseweight.vignettes): one row per vignette,
with the scheme's code columns, drop-downs and live points as on its worker sheet (the columns
of scheme_layout, headed as scheme_sheet heads them), and a second sheet with the cases as
the managers read them. The reference coding is not on it.

    template(vignettes.find("swindon-1"))   -> a cwtemplate Template, built like any other

A manager fills one in their own file; caseweight-calibrate compares the files
(caseweight.calibrate).
"""

from caseweight import contract, schemes

from . import scheme_layout
from .cwtemplate import Check, Children, Field, Fixed, Points, Share, Sheet, Template
from .scheme_sheet import codes_column

PREFIX = "calibration-"  # the template's file: calibration-swindon-1.ots
TAB = "Calibration"
CASES_TAB = "Vignettes"
SET_KEY = "calibration_set"  # the named cell holding the set's identifier
ID_KEY, TITLE_KEY = "vignette", "vignette_title"  # the columns of the cases' ids and titles
NOTES = (
    "Read each case on the sheet Vignettes, then code it here as you would on a worker's "
    "sheet: choose from the drop-downs, give the children and the co-work share.",
    "Score on your own: the exercise compares how managers read the scheme. Leave a case "
    "empty if you cannot score it; it is then counted as not answered.",
)


def file_of(set_id):
    return PREFIX + set_id


def set_line(vset):
    """The block under the table naming the set (cw_calibration_set), which the comparison
    reads to tell a sheet of this set from one of another."""

    def block(b, lay, index):
        sh = lay.sheet
        r = lay.next_row
        b.put(sh, 0, r, "Calibration set", "cw Label")
        b.put(sh, 1, r, vset.set, "cw Entry")
        b.name(contract.cell(SET_KEY), lay.sheet_name, 1, r)
        lay.next_row = r + 2

    return block


def cases_sheet(vset):
    """The sheet Vignettes: each case's identifier, title and text, as the managers read it."""

    def block(b, lay, index):
        sheets = b.doc.Sheets
        sheets.insertNewByName(CASES_TAB, index + 1)
        sh = sheets.getByName(CASES_TAB)
        b.put(sh, 0, 0, "%s: the cases" % vset.title, "cw Title")
        widths = (1600, 5200, 17000)
        for j, (head, w) in enumerate(zip(("Vignette", "Case", "What the manager knows"), widths)):
            b.put(sh, j, 2, head, "cw Header")
            sh.Columns.getByIndex(j).Width = w
        for i, v in enumerate(vset.vignettes):
            for j, text in enumerate((v.id, v.title, v.text)):
                b.put(sh, j, 3 + i, text, "cw Entry")
        body = sh.getCellRangeByPosition(0, 3, 2, 2 + len(vset.vignettes))
        body.IsTextWrapped = True
        body.VertJustify = 1  # com.sun.star.table.CellVertJustify.TOP
        body.Rows.OptimalHeight = True
        b.page_setup(sh, CASES_TAB, 0, 2, 2, 2 + len(vset.vignettes))

    return block


def template(vset, scheme_dir=None, date=None):
    """The calibration sheet's Template of the set `vset` (a vignettes.VignetteSet), with the
    headings of its scheme's version in force on `date` (default today)."""
    scheme = schemes.load(vset.scheme, scheme_dir or vset.scheme_dir or schemes.BUILT_IN_DIR)
    version = scheme.version_at(date)
    layout = scheme_layout.of(version)
    rows = vset.vignettes
    columns = [
        Fixed(ID_KEY, "Vignette", [v.id for v in rows], 13),
        Fixed(TITLE_KEY, "Case", [v.title for v in rows], 46),
        Children(layout.headings["children"]),
    ]
    columns += [codes_column(version, c) for c in layout.columns]
    columns += [Share(), Points(header="Points"), Check()]
    title = "Calibration exercise: %s" % vset.title
    return Template(
        file=file_of(vset.set),
        title=title,
        scheme=version.name,
        description="%s. Each manager codes the same cases on their own; "
        "caseweight-calibrate compares the sheets." % title,
        sheets=[
            Sheet(
                name=TAB,
                date_key="as_at",
                title="%s - calibration sheet" % vset.title,
                fields=[
                    Field("manager", "Manager"),
                    Field("team", "Team"),
                    Field("as_at", "Date", "date", fmt="DD/MM/YYYY"),
                ],
                fields_per_row=3,
                columns=columns,
                rows=len(rows),
                header_height=21,  # a heading of the scheme's words and points, four lines
                notes=NOTES,
                extras=[set_line(vset), cases_sheet(vset)],
            )
        ],
    )
