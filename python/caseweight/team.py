"""Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets: refresh_team(desktop,
doc) fills an open team summary (a template with a worker table and a team total) from the
worker sheets of its folder, in the user's own office (the extension's component
addin/package/python/caseweight_menu.py runs it from the menu entry).

Every spreadsheet of the summary's folder (not its subfolders) is read as caseweight-rollup
reads it (caseweight.worker_sheet: prechecked, opened hidden, read-only, with its macros
disabled and its links not updated, recalculated, read by its named cells). The summary's
worker table is filled from the files (its rows are replaced, hand-typed ones included), the
sheet "Worker sheets" lists what was counted and the sheet "Could not read" every file that
was not read or not counted, with the reason. Each worker counts once, in the summary's month,
in the summary's scheme, with a total: a sheet of another month or scheme, the worker's other
sheet (the later As at date counts) and a sheet with rows in error are listed. No file is
skipped in silence.

Like worker_sheet, this module runs inside the user's office: it imports nothing of
caseweight.office nor any tool.
"""

import os

from caseweight import contract
from caseweight import worker_sheet as ws

READ_SHEET = "Worker sheets"
UNREAD_SHEET = "Could not read"
READ_HEADERS = [
    "File",
    "Worker",
    "Scheme",
    "As at",
    "Grade",
    "FTE",
    "Total",
    "Band",
    "Capacity",
    "Headroom",
    "Rows in error",
]
# The summary's worker table: the column cw_col_KEY gets the worker's field (the Swindon
# summary's worker, grade, FTE and total; the Nottinghamshire team pro-forma's initials, WTE,
# personal and case points, total and date).
TABLE = [
    ("worker", "worker"),
    ("initials", "worker"),
    ("grade", "grade"),
    ("fte", "fte"),
    ("wte", "fte"),
    ("total", "total"),
    ("date", "date"),
    ("personal", "personal"),
    ("cases", "case_points"),
]
INPUTS = 1 + 2 + 4 + 16  # com.sun.star.sheet.CellFlags VALUE, DATETIME, STRING, FORMULA

NOT_A_SPREADSHEET = "Open the team summary (a spreadsheet) first."
NOT_A_SUMMARY = "This is not a caseweight team summary (made from a team template)."
NOT_SAVED = "Save the team summary in the folder of the workers' sheets first."
NOT_LOCAL = (
    "The team summary is not saved in a folder of this computer or of a network drive it "
    "mounts (%s): save it in the folder of the workers' sheets first."
)


class Stop(Exception):
    """Why the refresh did nothing, in one sentence."""


def summary_folder(doc):
    """The path of the summary doc, or Stop with the sentence why it cannot be refreshed."""
    if doc is None or not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        raise Stop(NOT_A_SPREADSHEET)
    if not doc.NamedRanges.hasByName(ws.SUMMARY_SHEET):
        raise Stop(NOT_A_SUMMARY)
    url = doc.getURL()
    if not url:
        raise Stop(NOT_SAVED)
    if not url.startswith("file://"):
        raise Stop(NOT_LOCAL % url)
    import uno

    return uno.fileUrlToSystemPath(url)


def summary_month(as_at):
    """("YYYY-MM", how a reason names it) of the summary's As at value; (None, None) when it
    is no date (every month is the summary's)."""
    d = ws.as_date(as_at)
    if d is None:
        return None, None
    return d.strftime("%Y-%m"), "the month of the summary's As at date (%s)" % d.strftime("%m/%Y")


def message(counted, files, unread, placed):
    """The sentence the menu entry shows."""
    text = (
        "%d worker sheets counted from %d files in the folder; %d not read or not counted "
        "(see the sheet %s)." % (counted, files, unread, UNREAD_SHEET)
    )
    if placed < counted:
        text += " The worker table holds %d rows: the others are on the sheet %s." % (
            placed,
            READ_SHEET,
        )
    return text


def why(e):
    """An exception in one line."""
    return " ".join(str(getattr(e, "Message", "") or str(e) or type(e).__name__).split())


def table_value(w, field):
    """What the worker table gets for w's field: a number, a text, or None (left empty: an
    error or nothing)."""
    v = w.get(field)
    if field == "date":
        return ws.serial(v) if v else None
    if isinstance(v, float):
        return v
    if isinstance(v, str) and v and not v.startswith("Err:"):
        return v
    return None


def read_row(w):
    """A row of the sheet Worker sheets."""
    return [
        w["file"],
        w["worker"],
        w["version"],
        ws.serial(w["date"]) if w["date"] else "",
        w["grade"],
        w["fte"],
        ws.cell_data(w["total"]),
        ws.cell_data(w["band"]),
        ws.cell_data(w["capacity"]),
        ws.cell_data(w["headroom"]),
        float(w["errors"]),
    ]


def read_folder(desktop, folder, summary):
    """(files listed, [worker dict], [(file, reason)]) of the spreadsheets in folder (not the
    summary itself), each read by worker_sheet.read_file."""
    files = ws.find_files(folder, skip=[summary], subfolders=False)
    kept, linked = ws.one_path_each(files, folder)
    workers = []
    unread = [(u["file"], u["reason"]) for u in linked]
    for path, service, team in kept:
        name = os.path.basename(path)
        try:
            got, reason = ws.read_file(desktop, path)
        except Exception as e:  # noqa: BLE001 - one file's failure is its reason, not the end
            got, reason = [], "could not be read (%s)" % why(e)
        if reason:
            unread.append((name, reason))
        for w in got:
            w.update(file=name, service=service, team=team)
            workers.append(w)
    return len(files), workers, unread


def fill_table(doc, workers):
    """The summary's worker table filled from the workers: every input cell of the table
    emptied, then one row per worker. Returns how many rows went in."""
    names = doc.NamedRanges
    rows = 0
    for name in names.getElementNames():
        if not name.startswith(contract.column("")):
            continue
        rng = names.getByName(name).ReferredCells
        if rng is None:
            continue
        if not rng.getCellByPosition(0, 0).CellProtection.IsLocked:
            rng.clearContents(INPUTS)
        rows = rows or rng.getRows().getCount()
    for k, w in enumerate(workers[:rows]):
        for key, field in TABLE:
            if not names.hasByName(contract.column(key)):
                continue
            cell = names.getByName(contract.column(key)).ReferredCells.getCellByPosition(0, k)
            if cell.CellProtection.IsLocked:
                continue
            v = table_value(w, field)
            if isinstance(v, float):
                cell.setValue(v)
            elif v is not None:
                cell.setString(v)
    return min(len(workers), rows)


def fresh_sheet(doc, name):
    sheets = doc.Sheets
    if sheets.hasByName(name):
        sheets.removeByName(name)
    sheets.insertNewByName(name, sheets.getCount())
    return sheets.getByName(name)


def write_read(doc, workers):
    sheet = fresh_sheet(doc, READ_SHEET)
    ws.write_rows(sheet, [READ_HEADERS] + [read_row(w) for w in workers])
    if workers:
        n = len(workers)
        sheet.getCellRangeByPosition(3, 1, 3, n).NumberFormat = ws.number_format(doc, "DD/MM/YYYY")
        sheet.getCellRangeByPosition(8, 1, 8, n).NumberFormat = ws.number_format(doc, "0%")
    ws.header(doc, sheet, len(READ_HEADERS))
    ws.fit(sheet, len(READ_HEADERS))


def write_unread(doc, unread):
    sheet = fresh_sheet(doc, UNREAD_SHEET)
    ws.write_rows(sheet, [["File", "Reason"]] + [list(u) for u in unread])
    ws.header(doc, sheet, 2)
    ws.fit(sheet, 2)


def refresh_team(desktop, doc):
    """Refreshes the team summary doc from the worker sheets of its folder, opened through
    desktop (the office's com.sun.star.frame.Desktop); returns what was done in a sentence
    (or why nothing was)."""
    try:
        summary = summary_folder(doc)
    except Stop as e:
        return str(e)
    step = "listing the folder"
    try:
        names = doc.NamedRanges
        scheme = ws.text(ws.named(names, contract.cell("scheme"))).split("@")[0]
        month, month_words = summary_month(ws.named(names, contract.cell("as_at")))
        nfiles, workers, unread = read_folder(desktop, os.path.dirname(summary), summary)
        step = "counting each worker once"
        counted, not_counted = ws.counted_once(
            workers, month, month_words, team_scheme=scheme, need_total=True
        )
        unread = sorted(unread + [(u["file"], u["reason"]) for u in not_counted])
        step = "writing the summary"
        placed = fill_table(doc, counted)
        write_read(doc, counted)
        write_unread(doc, unread)
        doc.calculateAll()
    except Exception as e:  # noqa: BLE001 - said in the message box, never a traceback
        return "The refresh stopped while %s: %s" % (step, why(e))
    return message(len(counted), nfiles, len(unread), placed)
