"""caseweight-score FILE: scores a team's weighting workbook in a private headless LibreOffice.

Installs the caseweight extension into a throw-away profile, opens FILE (ODS, FODS or XLSX),
recalculates every formula and prints the team summary (the sheet named "Team": each worker's
total and band), then every case row whose Check column is not OK, with the reason, and every
formula cell that shows an error (Err:502, #NAME? ...) on a row no Check explains.
Exit status: 0 when every row is OK, 1 when a row needs fixing, 2 when FILE cannot be scored
(not readable, not a spreadsheet, or nothing in it to score), 130 on Ctrl+C, 143 on SIGTERM.
"""

import argparse
import os

from caseweight.fods import col
from caseweight.office import (
    add_oxt_option,
    Office,
    ToolError,
    check_input,
    load_spreadsheet,
    office_stopped,
    run_tool,
)
from caseweight.worker_sheet import FORMULA_ERROR, error_positions, used_range

NAME = "caseweight-score"
FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA
FILL_DOWN = 0  # com.sun.star.sheet.FillDirection.TO_BOTTOM


def text(v):
    """A value of getDataArray as the text compared with (numbers without a trailing .0)."""
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else repr(v)
    return v


def error_cells(rng, doc=None):
    """{(row, column): displayed error} of the formula cells of rng that show an error.

    Read one by one they cost two calls to the office each (20,000 error cells took 27 s):
    with doc, the error numbers are read in blocks instead, from ERRORTYPE formulas filled
    down a scratch sheet, and the text shown for each number from one cell that shows it."""
    if doc is not None:
        try:
            return _error_cells_in_blocks(rng, doc)
        except Exception as e:  # noqa: BLE001 - a sheet structure locked with a password
            if office_stopped(e):
                raise
    found = {}
    for r, c in error_positions(rng):
        cell = rng.getCellByPosition(c, r)
        found[(r, c)] = cell.getString() or "Err:%d" % cell.getError()
    return found


def _error_cells_in_blocks(rng, doc):
    blocks = rng.queryFormulaCells(FORMULA_ERROR).getRangeAddresses()
    if not blocks:
        return {}
    origin = rng.getRangeAddress()
    sheet = rng.getSpreadsheet()
    name = "caseweight-errors"
    while doc.Sheets.hasByName(name):
        name += "-"
    doc.Sheets.insertNewByName(name, doc.Sheets.getCount())
    try:
        scratch = doc.Sheets.getByName(name)
        codes = {}
        shown = {}  # error number: the text a cell with it shows
        quoted = "$'%s'." % sheet.Name.replace("'", "''")
        for a in blocks:
            top = scratch.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.StartRow)
            top.setFormulaArray(
                (
                    tuple(
                        "=ERRORTYPE(%s%s%d)" % (quoted, col(c), a.StartRow + 1)
                        for c in range(a.StartColumn, a.EndColumn + 1)
                    ),
                )
            )
            block = scratch.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
            if a.EndRow > a.StartRow:
                block.fillAuto(FILL_DOWN, 1)
            for i, row in enumerate(block.getDataArray()):
                for j, code in enumerate(row):
                    r, c = a.StartRow + i, a.StartColumn + j
                    if code not in shown:
                        cell = sheet.getCellByPosition(c, r)
                        shown[code] = cell.getString() or "Err:%d" % cell.getError()
                    codes[(r - origin.StartRow, c - origin.StartColumn)] = shown[code]
        return codes
    finally:
        doc.Sheets.removeByName(name)


def sheet_rows(sheet, sheet_doc=None):
    """The used area as rows of texts (as displayed for error cells), the error cells, and
    whether the sheet holds formulas. Read in whole ranges, not cell by cell."""
    rng, _, _ = used_range(sheet)
    rows = [[text(v) for v in row] for row in rng.getDataArray()]
    errors = error_cells(rng, sheet_doc)
    for (r, c), shown in errors.items():
        rows[r][c] = shown
    has_formulas = rng.queryContentCells(FORMULA).getCount() > 0
    return rows, errors, has_formulas


DISPLAYED_CELLS = 5000  # a Team sheet larger than this is printed unformatted


def displayed_rows(sheet):
    """The used area as displayed (number formats applied), cell by cell: only for the small
    Team sheet that is printed as it looks (one larger than a summary is read in one call:
    cell by cell is two calls to the office a cell)."""
    rng, end_col, end_row = used_range(sheet)
    if (end_col + 1) * (end_row + 1) > DISPLAYED_CELLS:
        return [["" if v is None else text(v) for v in row] for row in rng.getDataArray()]
    return [
        [rng.getCellByPosition(c, r).getString() for c in range(end_col + 1)]
        for r in range(end_row + 1)
    ]


def print_table(rows):
    rows = [r for r in rows if any(x.strip() for x in r)]
    if not rows:
        return
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    cols = [max(len(r[c]) for r in rows) for c in range(width)]
    for r in rows:
        print("  " + "  ".join(x.ljust(cols[c]) for c, x in enumerate(r)).rstrip())


def report(doc):
    """Prints the summary and the rows to check; returns the number of problems, or None when
    the workbook holds nothing to score (no Team sheet, no Check column, no formula)."""
    lines = []
    team_errors = []
    anything = False
    sheets = doc.Sheets
    count = sheets.getCount()  # before error_cells() adds and removes its scratch sheet
    if sheets.hasByName("Team"):
        anything = True
        rows = displayed_rows(sheets.getByName("Team"))
        print(rows[0][0] if rows and rows[0] and rows[0][0] else "Team")
        # the table starts at the header row (the first row with several cells filled)
        start = next((i for i, r in enumerate(rows) if sum(1 for x in r if x) > 2), 0)
        print_table(rows[start:])
    for i in range(count):
        sheet = sheets.getByIndex(i)
        name = sheet.Name  # a call to the office each time it is read: once per sheet
        rows, errors, has_formulas = sheet_rows(sheet, doc)
        header = next((r for r in rows if "Check" in r), None)
        anything = anything or has_formulas or header is not None
        flagged = set()
        if header is not None:
            check = header.index("Check")
            first = rows.index(header) + 1
            for n, r in enumerate(rows[first:], start=first + 1):
                if check < len(r) and r[check] not in ("", "OK"):
                    flagged.add(n - 1)
                    lines.append("  %s, row %d (%s): %s" % (name, n, r[0] or "no name", r[check]))
        # Cells showing an error on rows no Check explains. On a sheet whose Check flags a
        # row, the errors of its totals follow from that row and are not repeated.
        if errors and not flagged:
            by_row = {}
            for (r, c), shown in sorted(errors.items()):
                by_row.setdefault(r, []).append("%s%d shows %s" % (col(c), r + 1, shown))
            out = team_errors if name == "Team" else lines
            for r, cells in by_row.items():
                out.append(
                    "  %s, row %d (%s): %s."
                    % (name, r + 1, rows[r][0] or "no name", ", ".join(cells))
                )
    if not lines:
        lines = team_errors  # an error on the Team sheet that no other row explains
    if not anything:
        return None
    if lines:
        print("\nRows to check:")
        print("\n".join(lines))
    else:
        print("\nEvery case row follows the scheme.")
    return len(lines)


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument("file", help="the workbook (.ods, .fods, .xlsx)")
    add_oxt_option(ap)
    a = ap.parse_args()
    check_input(a.file, "nothing to score")
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    with Office(oxt=a.oxt) as office:
        doc = load_spreadsheet(office, a.file)
        try:
            doc.calculateAll()
            problems = report(doc)
        finally:
            doc.close(True)
    if problems is None:
        raise ToolError(
            "nothing to score in %s: no Team sheet, no Check column and no " "formula" % a.file
        )
    return 1 if problems else 0


if __name__ == "__main__":
    run_tool(NAME, main)
