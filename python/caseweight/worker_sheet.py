"""Reading workers' weighting sheets: the one implementation that caseweight-rollup (in a
private headless office, caseweight.rollup) and Tools > Add-Ons > caseweight: Refresh Team
Summary from Worker Sheets (in the user's own office, caseweight.team) share.

    find_files, one_path_each   the spreadsheets of a folder (tree), each workbook once
    precheck                    why a file cannot be read, found without the office
    read_file                   a file opened hidden, read-only, its macros disabled and its
                                links not updated, recalculated and read: ([worker], reason)
    read_workbook               the workers of a loaded workbook: a sheet of a shipped template
                                (its named cells, NAMED) or a workbook laid out as the sample
    counted_once                each worker once in a month, in one scheme, with the reasons
                                of the sheets not counted
    write_rows, cell_data ...   the lists of what was read written into a sheet

A worker is a dict: worker, scheme, scored_as, version, date (datetime.date or None), grade,
fte, total, band, capacity, headroom, errors (rows in error), personal, case_points, sheet,
and on sheets with the over-maximum record above, over_why, over_status, over_date,
over_review. A cell's value is a float, a str, None when empty, or ("error", shown).

This module runs inside the user's office too (the extension's Python component): it imports
nothing of caseweight.office (which starts processes and handles signals) nor any other tool.
"""

import datetime
import os
import re
import zipfile

from caseweight import contract, inputs
from caseweight.fods import cells_of

SPREADSHEETS = (".ods", ".fods", ".xlsx")
EPOCH = datetime.date(1899, 12, 30)  # Calc's day 0
FORMULA_ERROR = 4  # com.sun.star.sheet.FormulaResult.ERROR
STRING_RESULT = 2  # com.sun.star.sheet.FormulaResult.STRING

CANNOT_OPEN = "LibreOffice could not open it (damaged, password-protected or not a workbook)"
NOT_A_SPREADSHEET = "not a spreadsheet"
TEAM_SUMMARY = "a team summary, not a worker's sheet (its workers are read from their own sheets)"
NO_SHEET = "no caseweight sheet in it (no worker's weighting sheet of a shipped template)"
NO_DATE = "no As at date: fill in the sheet's date (the month it scores)"
NOT_A_DATE = "the As at date is not a date"

# The named cells a worker's sheet is read by, as the sheet contract declares them.
NAMED = contract.READ
WORKER_SHEET = contract.WORKER_SHEET
SUMMARY_SHEET = contract.SUMMARY_SHEET


# -- finding and pre-checking files ---------------------------------------------------------


def find_files(root, skip=(), subfolders=True):
    """[(path, service, team)] of the spreadsheets under root (only those in root itself
    without subfolders), in a stable order; hidden files (lock files, half-written outputs)
    and the paths in skip are left out."""
    found = []
    root = os.path.abspath(root)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if subfolders else []
        parts = os.path.relpath(folder, root).split(os.sep)
        parts = [] if parts == ["."] else parts
        if not parts:
            service, team = "", os.path.basename(root)
        elif len(parts) == 1:
            service, team = os.path.basename(root), parts[0]
        else:
            service, team = parts[-2], parts[-1]
        for f in sorted(files):
            path = os.path.join(folder, f)
            if f.startswith(".") or os.path.splitext(f)[1].lower() not in SPREADSHEETS:
                continue
            if any(inputs.same_file(path, s) for s in skip):
                continue
            found.append((path, service, team))
    return found


def one_path_each(files, root):
    """(files, not counted): each workbook once, however many paths reach it (a symbolic or a
    hard link): the path that is no link is kept, else the first; the others are listed."""
    groups = {}
    for f in files:
        try:
            st = os.stat(f[0])
        except OSError:
            continue  # a broken link: reading it says why
        groups.setdefault((st.st_dev, st.st_ino), []).append(f)
    leave = {}
    for paths in groups.values():
        if len(paths) > 1:
            keep = next((p for p in paths if not os.path.islink(p[0])), paths[0])
            for p in paths:
                if p is not keep:
                    leave[p[0]] = os.path.relpath(keep[0], root)
    kept = [f for f in files if f[0] not in leave]
    dropped = [
        {
            "file": os.path.relpath(path, root),
            "service": service,
            "team": team,
            "reason": "not counted: the same workbook as %s (a link to it), counted there"
            % leave[path],
        }
        for path, service, team in files
        if path in leave
    ]
    return kept, dropped


def lock_owner(path):
    """The name in LibreOffice's lock file beside path (.~lock.NAME#), "" when it names
    nobody, or None when there is no lock file."""
    lock = os.path.join(os.path.dirname(path), ".~lock.%s#" % os.path.basename(path))
    if not os.path.exists(lock):
        return None
    try:
        with open(lock, encoding="utf-8", errors="replace") as f:
            fields = f.read().split(",")
    except OSError:
        return ""
    who = fields[0].strip() if fields else ""
    when = fields[3].strip() if len(fields) > 3 else ""
    return who + (" since " + when if when else "")


def precheck(path):
    """Why path cannot be read, found without the office, or None."""
    who = lock_owner(path)
    if who is not None:
        return "locked: open in LibreOffice by %s (a .~lock file beside it)" % (
            who or "another user"
        )
    link = inputs.dangling_link(path)
    if link:
        return link
    if not os.access(path, os.R_OK):
        return "cannot be read (permission denied)"
    if os.path.getsize(path) == 0:
        return "empty file"
    bomb = inputs.bomb_reason(path)
    if bomb:
        return "refused before opening it: " + bomb
    ext = os.path.splitext(path)[1].lower()
    if ext in (".ods", ".xlsx"):
        with open(path, "rb") as f:
            head = f.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return "password-protected (an encrypted workbook)"
        try:
            with zipfile.ZipFile(path) as z:
                if ext == ".ods" and "META-INF/manifest.xml" in z.namelist():
                    if b"encryption-data" in z.read("META-INF/manifest.xml"):
                        return "password-protected"
                if z.testzip() is not None:
                    return "damaged (a part of the file is corrupt)"
        except (zipfile.BadZipFile, EOFError, OSError):
            return "damaged (not a complete %s file: cut off or corrupt)" % ext
    return None


# -- values ---------------------------------------------------------------------------------


def cell_value(cell):
    """A cell's value: a float, a str, None when empty, or ("error", shown) for an error."""
    if cell.getError():
        return ("error", cell.getString() or "Err:%d" % cell.getError())
    kind = cell.getType().value
    if kind == "EMPTY":
        return None
    if kind == "TEXT":
        return cell.getString()
    if kind == "FORMULA" and cell.FormulaResultType2 == STRING_RESULT:
        s = cell.getString()
        return s if s != "" else None
    return cell.getValue()


def is_error(v):
    return isinstance(v, tuple)


def as_date(v):
    if isinstance(v, float) and 1 <= v < 2958466:
        return EPOCH + datetime.timedelta(days=int(v))
    return None


def serial(d):
    return float((d - EPOCH).days)


def day(d):
    return d.strftime("%d/%m/%Y")


def number(v):
    return v if isinstance(v, float) else None


def text(v):
    """A text value, or "" for a number, an error or nothing."""
    return v if isinstance(v, str) else ""


def headroom_of(total, capacity, top=None):
    """Points to spare below the top of the band: the top (top, when the sheet gives it in
    points) minus the total, or else from WORKLOADCAPACITY (total / top of band)."""
    if isinstance(total, float) and isinstance(top, float):
        return top - total
    if isinstance(total, float) and isinstance(capacity, float) and capacity > 0 and total > 0:
        return total / capacity - total
    return None


def used_range(sheet):
    """(range from A1 to the end of the used area, its last column, its last row)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow), a.EndColumn, a.EndRow


def error_positions(rng):
    """[(row, column)] of the formula cells of rng that show an error, relative to rng: found
    in one call (queryFormulaCells)."""
    origin = rng.getRangeAddress()
    return [
        (r - origin.StartRow, c - origin.StartColumn)
        for c, r in cells_of(rng.queryFormulaCells(FORMULA_ERROR).getRangeAddresses())
    ]


def rows_in_error(values, errors=()):
    """How many rows of a Check column say something else than OK: values, the column's
    values by row (getDataArray); errors, the rows whose cell shows an error."""
    rows = {r for r, row in enumerate(values) if isinstance(row[0], str)}
    rows = {r for r in rows if values[r][0].strip() not in ("", "OK")}
    return len(rows | set(errors))


def check_errors(rng):
    """How many rows of a Check column range say something else than OK (or show an error)."""
    return rows_in_error(rng.getDataArray(), [r for r, _ in error_positions(rng)])


# -- reading a workbook ---------------------------------------------------------------------


def named(names, key):
    """The value of the first cell of the named range key, or None (also without it)."""
    if names.hasByName(key):
        cells = names.getByName(key).ReferredCells
        if cells is not None:
            return cell_value(cells.getCellByPosition(0, 0))
    return None


def named_value(names, field):
    """The value of the first of the named ranges NAMED[field] the document has, or None."""
    for key in NAMED[field]:
        if names.hasByName(key):
            return named(names, key)
    return None


def has_named(names, field):
    return any(names.hasByName(key) for key in NAMED[field])


def worker_of(get, has, errors, sheet):
    """The worker of a template's sheet from get(field) (its named cells' values), has(field)
    and its rows in error, or the reason it cannot be read."""
    date = get("date")
    if date is None:
        return NO_DATE
    if as_date(date) is None:
        return NOT_A_DATE
    total, capacity = get("total"), get("capacity")
    scored_as = text(get("scheme"))
    if has("headroom"):
        headroom = get("headroom")
    else:
        headroom = headroom_of(total, capacity, number(get("capacity_points")))
    over = {}
    if has("over_status"):
        above = get("over_above")
        over = {
            # Yes, No, or Not known while rows in error hide it
            "above": above if isinstance(above, str) else "No",
            "over_why": text(get("over_why")),
            "over_status": text(get("over_status")),
            "over_date": as_date(get("over_date")),
            "over_review": as_date(get("over_review")),
        }
    fte = get("fte")
    return {
        "worker": text(get("worker")),
        "scheme": scored_as.split("@")[0],
        "scored_as": scored_as,
        "version": text(get("version")),
        "date": as_date(date),
        "grade": text(get("grade")),
        "fte": fte if isinstance(fte, float) else 1.0,
        "total": total,
        "band": get("band"),
        "capacity": capacity,
        "headroom": headroom,
        "errors": errors,
        "personal": get("personal"),
        "case_points": get("case_points"),
        "sheet": sheet,
        **over,
    }


def read_template(doc, names):
    """[the worker] of a sheet made from a shipped template (its named cells), or a reason."""
    errors = 0
    if has_named(names, "check"):
        errors = check_errors(names.getByName(NAMED["check"][0]).ReferredCells)
    sheet = names.getByName(WORKER_SHEET).ReferredCells.getSpreadsheet().Name
    got = worker_of(
        lambda field: named_value(names, field), lambda f: has_named(names, f), errors, sheet
    )
    return got if isinstance(got, str) else [got]


WORKLOAD = re.compile(r'WORKLOADPOINTS\(\s*"([^"]+)"', re.I)


def read_layout(doc):
    """The workers of a workbook of one sheet per worker laid out as the sample
    (samples/swindon-team.fods): a "Total score" label beside a WORKLOADPOINTS formula,
    "Band" and "Capacity" under it, "Social worker", "Grade" and "FTE" labels in column A.
    Such a sheet has no As at date."""
    found = []
    for i in range(doc.Sheets.getCount()):
        sh = doc.Sheets.getByIndex(i)
        rng, end_col, end_row = used_range(sh)
        rows = rng.getDataArray()
        spot = None
        for r, row in enumerate(rows):
            for c, v in enumerate(row[:-1]):
                if v == "Total score":
                    m = WORKLOAD.search(sh.getCellByPosition(c + 1, r).getFormula())
                    if m:
                        spot = (r, c, m.group(1))
        if spot is None:
            continue
        r, c, scheme = spot

        def beside(label, column, start=0):
            for k in range(start, len(rows)):
                if rows[k][column] == label:
                    return cell_value(sh.getCellByPosition(column + 1, k))
            return None

        total = cell_value(sh.getCellByPosition(c + 1, r))
        capacity = beside("Capacity", c, r)
        errors = 0
        for k, row in enumerate(rows):
            if "Check" in row:
                check = row.index("Check")
                errors = check_errors(sh.getCellRangeByPosition(check, k + 1, check, r - 1))
                break
        fte = beside("FTE", 0)
        found.append(
            {
                "worker": text(beside("Social worker", 0)) or sh.Name,
                "scheme": scheme,
                "scored_as": scheme,
                "version": scheme_version(sh, end_col, end_row, scheme),
                "date": None,
                "grade": text(beside("Grade", 0)),
                "fte": fte if isinstance(fte, float) else 1.0,
                "total": total,
                "band": beside("Band", c, r),
                "capacity": capacity,
                "headroom": headroom_of(total, capacity),
                "errors": errors,
                "personal": None,
                "case_points": None,
                "sheet": sh.Name,
            }
        )
    return found


def scheme_version(sheet, end_col, end_row, scheme):
    """SCHEMEVERSION(scheme), computed in a cell beyond the sheet's used area and emptied."""
    probe = sheet.getCellByPosition(end_col + 2, end_row + 2)
    probe.setFormula('=SCHEMEVERSION("%s")' % scheme)
    version = probe.getString()
    probe.setString("")
    return version


def read_workbook(doc):
    """[worker dict] of a loaded workbook, or a reason why it holds none."""
    if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        return NOT_A_SPREADSHEET
    doc.calculateAll()
    names = doc.NamedRanges
    if names.hasByName(WORKER_SHEET):
        return read_template(doc, names)
    if names.hasByName(SUMMARY_SHEET):
        return TEAM_SUMMARY
    found = read_layout(doc)
    if not found:
        return NO_SHEET
    return found


def open_hidden(desktop, path):
    """The document at path, opened hidden and read-only, never running its macros nor
    updating its links, and asking nothing (a password-protected file fails to load instead
    of asking for its password); None when it cannot be opened."""
    from caseweight.properties import file_url, props

    return desktop.loadComponentFromURL(
        file_url(path),
        "_blank",
        0,
        props(
            Hidden=True,
            ReadOnly=True,
            MacroExecutionMode=0,  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
            UpdateDocMode=0,  # com.sun.star.document.UpdateDocMode.NO_UPDATE
        ),
    )


def read_file(desktop, path, copy=None, stopped=None, cannot_open=None, read=None):
    """([worker dict], None) or ([], reason) for the file at path: prechecked, opened hidden
    and read-only with its macros disabled (open_hidden), recalculated and read, closed.
    copy(path): the path of a copy to open instead, made once path passed the precheck (the
    caller removes it). stopped(e): whether an exception says the office went away (a remote
    office's: raised, never worded). cannot_open(e): the reason when the office fails to open
    the file, instead of CANNOT_OPEN. read(doc): what to read of the opened file, a list or the
    reason (default read_workbook: its workers). An exception while reading it is raised."""
    stopped = stopped or (lambda e: False)
    reason = precheck(path)
    if reason:
        return [], reason
    target = copy(path) if copy else path
    try:
        doc = open_hidden(desktop, target)
    except Exception as e:  # noqa: BLE001 - any load failure means: cannot read
        if stopped(e):
            raise
        return [], (cannot_open(e) if cannot_open else None) or CANNOT_OPEN
    if doc is None:
        return [], CANNOT_OPEN
    try:
        got = (read or read_workbook)(doc)
    finally:
        try:
            doc.close(True)
        except Exception as e:  # noqa: BLE001
            if stopped(e):
                raise
    if isinstance(got, str):
        return [], got
    return got, None


# -- each worker once per month, in one scheme ---------------------------------------------


def worker_key(name):
    """A worker's name compared ignoring case and extra spaces ("Ben  best" = "ben best")."""
    return " ".join((name or "").split()).casefold()


def counted_once(workers, month, month_words=None, team_scheme=None, need_total=False):
    """(counted, not counted) of the workers read (each with its file, service and team):
    a sheet whose As at date is outside month ("YYYY-MM"; None: any month), a sheet of another
    scheme than its team's, a second sheet of the same worker in a service (the later As at
    date counts; the first found on the same date) and, with need_total, a sheet with rows in
    error or no total are not counted; each of those is listed with the reason.

    The team's scheme: team_scheme when given ("": any scheme), else the scheme of most of the
    team folder's sheets. month_words: how the reason names the month (default "the month
    YYYY-MM")."""
    dropped = []
    month_words = month_words or "the month %s" % month

    def drop(w, reason):
        where = "" if w["date"] else " (sheet %s)" % w["sheet"]
        dropped.append(
            {
                "file": w["file"] + where,
                "service": w["service"],
                "team": w["team"],
                "reason": "%s: not counted: %s" % (w["worker"].strip() or "worker", reason),
            }
        )

    in_month = []
    for w in workers:
        if month and w["date"] and w["date"].strftime("%Y-%m") != month:
            drop(w, "its As at date %s is outside %s" % (day(w["date"]), month_words))
        else:
            in_month.append(w)

    one_scheme = []
    if team_scheme is not None:
        for w in in_month:
            if team_scheme and w["scheme"] and w["scheme"] != team_scheme:
                drop(
                    w,
                    "another scheme: a %s sheet, where this team summary is %s"
                    % (w["scheme"], team_scheme),
                )
            else:
                one_scheme.append(w)
    else:
        schemes = {}
        for w in in_month:
            team = schemes.setdefault((w["service"], w["team"]), {})
            team[w["scheme"]] = team.get(w["scheme"], 0) + 1
        for w in in_month:
            team = schemes[(w["service"], w["team"])]
            most = max(team.values())
            first = [k for k, n in team.items() if n == most]
            if len(first) > 1:
                drop(
                    w,
                    "the team folder holds as many sheets of %s, so the team's scheme cannot be "
                    "told: keep one scheme's sheets in a team folder"
                    % " as of ".join(sorted(first)),
                )
            elif w["scheme"] != first[0]:
                drop(
                    w,
                    "a %s sheet in a team of %s sheets (another scheme than its team's)"
                    % (w["scheme"] or "unknown scheme's", first[0]),
                )
            else:
                one_scheme.append(w)

    # Two sheets of one worker: the later As at date counts (the first found on a tie).
    latest = {}
    for w in one_scheme:
        key = (w["service"], worker_key(w["worker"]))
        if not key[1]:
            continue
        best = latest.get(key)
        if best is None or (w["date"] or datetime.date.min) > (best["date"] or datetime.date.min):
            latest[key] = w
    counted = []
    for w in one_scheme:
        best = latest.get((w["service"], worker_key(w["worker"])), w)
        if best is not w:
            when = "a later" if (best["date"] or 0) != (w["date"] or 0) else "the same"
            drop(
                w,
                "a second sheet of this worker: %s (As at %s) counts, with %s As at date"
                % (best["file"], day(best["date"]) if best["date"] else "none", when),
            )
        elif need_total and w["errors"]:
            drop(
                w,
                "%s in error, so its total cannot be counted: fix the worker's sheet and "
                "refresh" % ("1 row" if w["errors"] == 1 else "%d rows" % w["errors"]),
            )
        elif need_total and not isinstance(w["total"], float):
            shows = w["total"][1] if is_error(w["total"]) else text(w["total"]) or "nothing"
            drop(
                w,
                "its total shows %s, so it cannot be counted: fix the worker's sheet and "
                "refresh" % shows,
            )
        else:
            counted.append(w)
    return counted, dropped


# -- writing what was read (the roll-up's and the team summary's sheets) --------------------


def cell_data(v):
    if v is None:
        return ""
    if is_error(v):
        return v[1]
    return v


def write_rows(sheet, rows, top=0):
    if not rows:
        return
    width = max(len(r) for r in rows)
    data = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(data) - 1).setDataArray(data)


def number_format(doc, code):
    from com.sun.star.lang import Locale

    nf = doc.NumberFormats
    loc = Locale("en", "GB", "")
    key = nf.queryKey(code, loc, False)
    return key if key != -1 else nf.addNew(code, loc)


def header(doc, sheet, n):
    rng = sheet.getCellRangeByPosition(0, 0, n - 1, 0)
    rng.CharWeight = 150.0  # BOLD
    sheet.getRows().getByIndex(0).OptimalHeight = True


def fit(sheet, n):
    for c in range(n):
        sheet.getColumns().getByIndex(c).OptimalWidth = True
