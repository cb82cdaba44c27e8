"""caseweight-rollup ROOT OUT.ods: rolls a service's weighting sheets up into one workbook.

Walks ROOT (service folders / team folders / workers' files: .ods, .fods, .xlsx of any shipped
worker template, or workbooks of one sheet per worker laid out as samples/swindon-team.fods),
opens every file in headless LibreOffice with the extension installed, recalculates it (the
scores are the sheets' own formulas, never the values saved in the file) and writes OUT.ods:
  Workers          one row per worker: service, team, worker, scheme, its version, As at date,
                   grade, FTE, total, band, capacity, headroom, rows in error, file;
  Teams, Service   per team / per service and scheme: TEAMAVERAGE, TEAMCAPACITY,
                   TEAMABOVEBAND and TEAMSPREAD over the Workers sheet, live formulas;
  History          one row per team per month: this run's month is added; a month already
                   there from an earlier run of that month is replaced (and said so), the
                   other months are kept (read from --history, or else from OUT.ods);
  Capacity by month  capacity in use by team and month, with a line chart;
  Escalations      the workers above the maximum (the scheme's last band above: the sheet's
                   "Above the maximum: record"), why, whether the record is complete, and
                   those above it for more than four weeks (also above it in the previous
                   month's roll-up, allocated more than 28 days before the As at date, or
                   reviewed more than 28 days after the date allocated): escalate;
  Above maximum by month  the workers above the maximum, month by month (kept as History);
  Could not read   every file not rolled up, with the reason (locked by a colleague, damaged,
                   password-protected, no weighting sheet in it, no As at date), and every
                   sheet not counted: each worker counts once per month in one scheme (an As
                   at date outside the month, another scheme than the team's, the worker's
                   other sheet, a second path to the same workbook).
The files are shared among several offices (--jobs, default one per core). OUT (and
--history) are written through a temporary file renamed into place.
Exit status: 0 written and every file read and counted; 1 written, some files not read or not
counted (see the sheet "Could not read"); 2 not written (the reason in one line); 130 Ctrl+C,
143 SIGTERM.
"""

import argparse
import calendar
import datetime
import os
import queue
import re
import signal
import sys
import threading
import time
import zipfile

from caseweight import SOURCE_DIR, inputs, office as office_module
from caseweight.office import (
    FILTERS,
    Office,
    SHARED_OFFICE,
    OfficeError,
    ToolError,
    check_writable_folder,
    office_stopped,
    replace_file,
    run_tool,
    same_file,
    store,
)
from caseweight.score import error_positions, used_range

NAME = "caseweight-rollup"
SPREADSHEETS = (".ods", ".fods", ".xlsx")
EPOCH = datetime.date(1899, 12, 30)  # Calc's day 0

WORKER_HEADERS = [
    "Service",
    "Team",
    "Worker",
    "Scheme",
    "Scheme version",
    "As at",
    "Grade",
    "FTE",
    "Total",
    "Band",
    "Capacity",
    "Headroom",
    "Rows in error",
    "File",
    "Sheet",
    "Scored as",
    "Above maximum",
    "Record status",
    "Date allocated",
    "Review date",
]
ESCALATION_HEADERS = [
    "Service",
    "Team",
    "Worker",
    "Band",
    "Why above the maximum",
    "Record status",
    "Date allocated",
    "Review date",
    "Above last month",
    "More than four weeks",
    "Action",
    "File",
]
ABOVE_HEADERS = ["Month", "Service", "Team", "Worker", "File"]
FOUR_WEEKS = 28  # days
FILES_NOT_READ = "Files not read or not counted"
HISTORY_HEADERS = [
    "Month",
    "Service",
    "Team",
    "Scheme",
    "Workers",
    "Average",
    "Capacity",
    "Above band",
    "Spread",
]

STOP = threading.Event()  # set on Ctrl+C / SIGTERM: no office is started after it


class _Office(Office):
    """An Office that starts no process once the run is being stopped."""

    def _run(self, argv, timeout=240):
        if STOP.is_set():
            raise OfficeError("stopped")
        return super()._run(argv, timeout)

    def _launch(self):
        if STOP.is_set():
            raise OfficeError("stopped")
        super()._launch()


# -- finding and pre-checking files ---------------------------------------------------------


def find_files(root, skip=()):
    """[(path, service, team)] of the spreadsheets under root, in a stable order; hidden files
    (lock files, half-written outputs) and the paths in skip are left out."""
    found = []
    root = os.path.abspath(root)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
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
            if any(same_file(path, s) for s in skip):
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


# -- reading a workbook ---------------------------------------------------------------------


def cell_value(cell):
    """A cell's value: a float, a str, None when empty, or ("error", shown) for an error."""
    if cell.getError():
        return ("error", cell.getString() or "Err:%d" % cell.getError())
    kind = cell.getType().value
    if kind == "EMPTY":
        return None
    if kind == "TEXT":
        return cell.getString()
    if kind == "FORMULA" and cell.FormulaResultType2 == 2:  # FormulaResult.STRING
        s = cell.getString()
        return s if s != "" else None
    return cell.getValue()


def is_error(v):
    return isinstance(v, tuple)


def as_date(v):
    if isinstance(v, float) and 1 <= v < 2958466:
        return EPOCH + datetime.timedelta(days=int(v))
    return None


def check_errors(rng):
    """How many rows of a Check column range say something else than OK (or show an error)."""
    rows = set()
    for r, row in enumerate(rng.getDataArray()):
        v = row[0]
        if isinstance(v, str) and v.strip() not in ("", "OK"):
            rows.add(r)
    rows.update(r for r, _ in error_positions(rng))
    return len(rows)


def number(v):
    return v if isinstance(v, float) else None


def headroom_of(total, capacity):
    """The top of the band minus the total, from WORKLOADCAPACITY (total / top of band)."""
    if isinstance(total, float) and isinstance(capacity, float) and capacity > 0 and total > 0:
        return total / capacity - total
    return None


def read_template(doc, names):
    """The worker of a sheet made from a shipped template (its named cells), or a reason."""

    def get(*keys):
        for key in keys:
            if names.hasByName(key):
                cells = names.getByName(key).ReferredCells
                if cells is not None:
                    return cell_value(cells.getCellByPosition(0, 0))
        return None

    date = get("cw_as_at", "cw_date")
    if date is None:
        return "no As at date: fill in the sheet's date (the month it scores)"
    if as_date(date) is None:
        return "the As at date is not a date"
    total, capacity = get("cw_total"), get("cw_capacity")
    scored_as = get("cw_scheme")
    scheme = scored_as.split("@")[0] if isinstance(scored_as, str) else ""
    headroom = get("cw_headroom")
    if not names.hasByName("cw_headroom"):
        headroom = headroom_of(total, capacity)
    errors = 0
    if names.hasByName("cw_col_check"):
        errors = check_errors(names.getByName("cw_col_check").ReferredCells)
    sheet = names.getByName("cw_total").ReferredCells.getSpreadsheet().Name
    over = {}
    if names.hasByName("cw_over_status"):
        above = get("cw_over_above")
        over = {
            # Yes, No, or Not known while rows in error hide it
            "above": above if isinstance(above, str) else "No",
            "over_why": get("cw_over_why") or "",
            "over_status": get("cw_over_status") or "",
            "over_date": as_date(get("cw_over_date")),
            "over_review": as_date(get("cw_over_review")),
        }
    return [
        {
            "worker": get("cw_worker") or "",
            "scheme": scheme,
            "scored_as": scored_as if isinstance(scored_as, str) else "",
            "version": get("cw_scheme_version") or "",
            "date": as_date(date),
            "grade": get("cw_grade") if isinstance(get("cw_grade"), str) else "",
            "fte": number(get("cw_fte")) or 1.0,
            "total": total,
            "band": get("cw_band"),
            "capacity": capacity,
            "headroom": headroom,
            "errors": errors,
            "sheet": sheet,
            **over,
        }
    ]


WORKLOAD = re.compile(r'WORKLOADPOINTS\(\s*"([^"]+)"', re.I)


def read_layout(doc):
    """The workers of a workbook of one sheet per worker laid out as the sample
    (samples/swindon-team.fods): a "Total score" label beside a WORKLOADPOINTS formula,
    "Band" and "Capacity" under it, "Social worker", "Grade" and "FTE" labels in column A."""
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
        probe = sh.getCellByPosition(end_col + 2, end_row + 2)
        probe.setFormula('=SCHEMEVERSION("%s")' % scheme)
        version = probe.getString()
        probe.setString("")
        errors = 0
        for k, row in enumerate(rows):
            if "Check" in row:
                check = row.index("Check")
                errors = check_errors(sh.getCellRangeByPosition(check, k + 1, check, r - 1))
                break
        grade = beside("Grade", 0)
        found.append(
            {
                "worker": beside("Social worker", 0) or sh.Name,
                "scheme": scheme,
                "scored_as": scheme,
                "version": version,
                "date": None,
                "grade": grade if isinstance(grade, str) else "",
                "fte": number(beside("FTE", 0)) or 1.0,
                "total": total,
                "band": beside("Band", c, r),
                "capacity": capacity,
                "headroom": headroom_of(total, capacity),
                "errors": errors,
                "sheet": sh.Name,
            }
        )
    return found


def read_workbook(doc):
    """[worker dict] of a loaded workbook, or a reason why it holds none."""
    doc.calculateAll()
    names = doc.NamedRanges
    if names.hasByName("cw_total"):
        return read_template(doc, names)
    if names.hasByName("cw_team_total"):
        return "a team summary, not a worker's sheet (its workers are read from their own sheets)"
    found = read_layout(doc)
    if not found:
        return "no caseweight sheet in it (no worker's weighting sheet of a shipped template)"
    return found


def read_file(office, path):
    """([worker dict], None) or ([], reason) for one file."""
    reason = precheck(path)
    if reason:
        return [], reason
    copy = None
    try:
        copy = office.copy_in(path)
        try:
            doc = office.load(copy)
        except Exception as e:  # noqa: BLE001 - any load failure means: cannot read
            if office_stopped(e):
                raise
            if office.peak_memory() > office_module.memory_limit() * 0.9:
                # Calc survived a failed allocation: a fresh office for the next file
                office.restart()
                return [], office_module.out_of_memory("opening it")
            return (
                [],
                "LibreOffice could not open it (damaged, password-protected or not a workbook)",
            )
        try:
            if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
                return [], "not a spreadsheet"
            got = read_workbook(doc)
        finally:
            try:
                doc.close(True)
            except Exception as e:  # noqa: BLE001
                if office_stopped(e):
                    raise
        if isinstance(got, str):
            return [], got
        return got, None
    finally:
        if copy:
            try:
                os.unlink(copy)
            except OSError:
                pass


def office_worker(office, jobs, results):
    """One thread: starts its office and reads files from the queue until it is empty."""
    try:
        office.start()
        while not STOP.is_set():
            try:
                index, path, service, team = jobs.get_nowait()
            except queue.Empty:
                break
            try:
                workers, reason = read_file(office, path)
            except Exception as e:  # noqa: BLE001
                if STOP.is_set() or not office_stopped(e):
                    raise
                # The office stopped on this file (out of memory ...): say so, start it again.
                workers, reason = [], office_module.out_of_memory("reading it")
                office.restart()
            for w in workers:
                w.update(service=service, team=team, path=path)
            results.put(("file", index, path, service, team, workers, reason))
    except BaseException as e:  # noqa: BLE001 - handed to the main thread
        results.put(("failed", e))
    finally:
        results.put(("done",))


# -- each worker once per month, in one scheme ---------------------------------------------


def day(d):
    return d.strftime("%d/%m/%Y")


def counted_once(workers, month):
    """(counted, not counted) of the workers read: a sheet whose As at date is outside the
    month, a sheet of another scheme than its team's (the scheme of most of the team folder's
    sheets) and a second sheet of the same worker in a service (the later As at date counts)
    are not counted; each of those is listed with the reason."""
    dropped = []

    def drop(w, reason):
        where = "" if w["date"] else " (sheet %s)" % w["sheet"]
        dropped.append(
            {
                "file": w["file"] + where,
                "service": w["service"],
                "team": w["team"],
                "reason": "%s: not counted: %s" % (w["worker"] or "worker", reason),
            }
        )

    in_month = []
    for w in workers:
        if w["date"] and w["date"].strftime("%Y-%m") != month:
            drop(w, "its As at date %s is outside the month %s" % (day(w["date"]), month))
        else:
            in_month.append(w)

    schemes = {}
    for w in in_month:
        team = schemes.setdefault((w["service"], w["team"]), {})
        team[w["scheme"]] = team.get(w["scheme"], 0) + 1
    one_scheme = []
    for w in in_month:
        team = schemes[(w["service"], w["team"])]
        most = max(team.values())
        first = [k for k, n in team.items() if n == most]
        if len(first) > 1:
            drop(
                w,
                "the team folder holds as many sheets of %s, so the team's scheme cannot be "
                "told: keep one scheme's sheets in a team folder" % " as of ".join(sorted(first)),
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
        key = (w["service"], " ".join(w["worker"].split()).casefold())
        if not key[1]:
            continue
        best = latest.get(key)
        if best is None or (w["date"] or datetime.date.min) > (best["date"] or datetime.date.min):
            latest[key] = w
    counted = []
    for w in one_scheme:
        best = latest.get((w["service"], " ".join(w["worker"].split()).casefold()), w)
        if best is w:
            counted.append(w)
        else:
            when = "a later" if (best["date"] or 0) != (w["date"] or 0) else "the same"
            drop(
                w,
                "a second sheet of this worker: %s (As at %s) counts, with %s As at date"
                % (best["file"], day(best["date"]) if best["date"] else "none", when),
            )
    return counted, dropped


# -- writing the roll-up --------------------------------------------------------------------


def month_end(month):
    y, m = map(int, month.split("-"))
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def serial(d):
    return float((d - EPOCH).days)


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


def write_formulas(sheet, rows, top=0):
    width = max(len(r) for r in rows)
    data = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(data) - 1).setFormulaArray(data)


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


def team_formulas(scheme_cell, rng):
    p, g, f = ("Workers.$%s$%d:$%s$%d" % (c, rng[0], c, rng[1]) for c in "IGH")
    args = "%s;%s;%s;%s" % (scheme_cell, p, g, f)
    return [
        "=COUNTA(Workers.$C$%d:$C$%d)" % rng,
        "=SUM(%s)" % p,
        "=TEAMAVERAGE(%s)" % args,
        "=TEAMCAPACITY(%s)" % args,
        "=TEAMABOVEBAND(%s)" % args,
        "=TEAMSPREAD(%s)" % args,
        "=SUM(Workers.$M$%d:$M$%d)" % rng,
    ]


def previous_month(month):
    y, m = map(int, month.split("-"))
    return "%04d-%02d" % (y - 1, 12) if m == 1 else "%04d-%02d" % (y, m - 1)


def escalations(workers, month, above_rows):
    """The Escalations rows of the workers above the maximum (or not known to be below it:
    rows in error): why, the record's status and whether they are above it for more than four
    weeks (above it in the previous month's roll-up too, a Date allocated more than 28 days
    before the As at date, or a Review date more than 28 days after the Date allocated)."""
    before = {(a[1], a[2], a[3]) for a in above_rows if a[0] == previous_month(month)}
    rows = []
    for w in workers:
        if w.get("above", "No") == "No":
            continue
        last_month = (w["service"], w["team"], w["worker"]) in before
        allocated, review = w.get("over_date"), w.get("over_review")
        long_ago = bool(allocated and w["date"] and (w["date"] - allocated).days > FOUR_WEEKS)
        long_review = bool(allocated and review and (review - allocated).days > FOUR_WEEKS)
        status = w.get("over_status") or ""
        actions = []
        if w["above"] != "Yes":
            actions.append("cannot be judged: fix the errors on the sheet")
        elif status == "Record needed":
            actions.append("no record: record the reason, dates and who was informed")
        if status == "Review overdue":
            actions.append("review overdue")
        if last_month or long_ago:
            actions.append("above for more than four weeks: escalate")
        if long_review:
            actions.append("review more than four weeks after the date allocated: escalate")
        rows.append(
            [
                w["service"],
                w["team"],
                w["worker"],
                cell_data(w["band"]),
                w.get("over_why") or "",
                status,
                serial(allocated) if allocated else "",
                serial(review) if review else "",
                "Yes" if last_month else "No",
                "Yes" if last_month or long_ago or long_review else "No",
                "; ".join(actions),
                w["file"],
            ]
        )
    return rows


def write_above(doc, sheet, above_rows):
    write_rows(sheet, [ABOVE_HEADERS] + above_rows)
    header(doc, sheet, len(ABOVE_HEADERS))
    fit(sheet, len(ABOVE_HEADERS))


def build(doc, workers, unread, month, history_rows, above_rows=()):
    """Fills doc (a new Calc document) with the roll-up; returns this month's History rows
    and this month's rows of the workers above the maximum."""
    sheets = doc.Sheets
    first = sheets.getByIndex(0)
    first.Name = "Workers"
    for i, name in enumerate(
        [
            "Teams",
            "Service",
            "Escalations",
            "History",
            "Above maximum by month",
            "Capacity by month",
            "Could not read",
        ],
        start=1,
    ):
        sheets.insertNewByName(name, i)
    pct = number_format(doc, "0%")
    ddmm = number_format(doc, "DD/MM/YYYY")
    dec = number_format(doc, "0.#")
    workers = sorted(
        workers,
        key=lambda w: (w["service"], w["scheme"], w["team"], w["worker"], w["path"], w["sheet"]),
    )
    ws = sheets.getByName("Workers")
    rows = [WORKER_HEADERS]
    for w in workers:
        rows.append(
            [
                w["service"],
                w["team"],
                w["worker"],
                w["scheme"],
                w["version"],
                serial(w["date"]) if w["date"] else "",
                w["grade"],
                w["fte"],
                cell_data(w["total"]) if not is_error(w["total"]) else "",
                cell_data(w["band"]),
                cell_data(w["capacity"]) if not is_error(w["capacity"]) else "",
                cell_data(w["headroom"]) if not is_error(w["headroom"]) else "",
                float(w["errors"]),
                w["file"],
                w["sheet"],
                w["scored_as"],
                w.get("above", ""),
                w.get("over_status", ""),
                serial(w["over_date"]) if w.get("over_date") else "",
                serial(w["over_review"]) if w.get("over_review") else "",
            ]
        )
    write_rows(ws, rows)
    n = len(workers)
    if n:
        ws.getCellRangeByPosition(5, 1, 5, n).NumberFormat = ddmm
        ws.getCellRangeByPosition(18, 1, 19, n).NumberFormat = ddmm
        ws.getCellRangeByPosition(10, 1, 10, n).NumberFormat = pct
        ws.getCellRangeByPosition(8, 1, 8, n).NumberFormat = dec
        ws.getCellRangeByPosition(11, 1, 11, n).NumberFormat = dec
    header(doc, ws, len(WORKER_HEADERS))
    fit(ws, len(WORKER_HEADERS))

    # Teams and Service: contiguous Workers rows per team (and per service and scheme).
    end = month_end(month)
    teams = {}
    services = {}
    for i, w in enumerate(workers, start=2):
        for table, key in ((teams, (w["service"], w["team"], w["scheme"])),):
            a, b = table.get(key, (i, i))
            table[key] = (min(a, i), max(b, i))
        key = (w["service"], w["scheme"])
        a, b = services.get(key, (i, i))
        services[key] = (min(a, i), max(b, i))
    measures = ["Workers", "Total points", "Average", "Capacity", "Above band", "Spread"]
    ts = sheets.getByName("Teams")
    rows = [["Service", "Team", "Scheme", "Scored as"] + measures + ["Rows in error"]]
    for r, ((service, team, scheme), rng) in enumerate(sorted(teams.items()), start=2):
        scored = '=SCHEMEAT("%s";DATE(%d;%d;%d))' % (scheme, end.year, end.month, end.day)
        rows.append([service, team, scheme, scored] + team_formulas("$D%d" % r, rng))
    write_formulas(ts, rows)
    if teams:
        ts.getCellRangeByPosition(6, 1, 6, len(teams)).NumberFormat = dec
        ts.getCellRangeByPosition(7, 1, 7, len(teams)).NumberFormat = pct
        ts.getCellRangeByPosition(9, 1, 9, len(teams)).NumberFormat = pct
    header(doc, ts, len(rows[0]))

    ss = sheets.getByName("Service")
    unread_by_service = {}
    for u in unread:
        unread_by_service[u["service"]] = unread_by_service.get(u["service"], 0) + 1
    rows = [["Service", "Scheme", "Scored as", "Teams"] + measures + ["Rows in error"]]
    for r, ((service, scheme), rng) in enumerate(sorted(services.items()), start=2):
        scored = '=SCHEMEAT("%s";DATE(%d;%d;%d))' % (scheme, end.year, end.month, end.day)
        nteams = len([k for k in teams if k[0] == service and k[2] == scheme])
        rows.append([service, scheme, scored, str(nteams)] + team_formulas("$C%d" % r, rng))
    last = len(rows)
    rows.append([])
    rows.append(["All services", "", "", str(len(teams)), "=COUNTA(Workers.$C$2:$C$%d)" % (n + 1)])
    # A file not read (or not counted) has no scheme of its own here: one line per service,
    # never repeated on its scheme rows.
    for service, count in sorted(unread_by_service.items()):
        rows.append([service, FILES_NOT_READ, "", "", str(count)])
    rows.append([FILES_NOT_READ, "", "", "", str(len(unread))])
    write_formulas(ss, rows)
    if services:
        ss.getCellRangeByPosition(6, 1, 6, last - 1).NumberFormat = dec
        ss.getCellRangeByPosition(7, 1, 7, last - 1).NumberFormat = pct
        ss.getCellRangeByPosition(9, 1, 9, last - 1).NumberFormat = pct
    header(doc, ss, len(rows[0]))

    # This month's History rows: the Teams sheet's results.
    doc.calculateAll()
    now = []
    for r, (service, team, scheme) in enumerate(sorted(teams), start=1):
        vals = []
        for c in (4, 6, 7, 8, 9):
            v = cell_value(ts.getCellByPosition(c, r))
            vals.append(v if isinstance(v, float) else "")
        now.append([month, service, team, scheme] + vals)
    history = sorted(history_rows + now, key=lambda h: (h[0], h[1], h[2], h[3]))
    hs = sheets.getByName("History")
    write_history(doc, hs, history)
    chart_sheet(doc, sheets.getByName("Capacity by month"), history, pct)

    es = sheets.getByName("Escalations")
    rows = escalations(workers, month, above_rows)
    write_rows(es, [ESCALATION_HEADERS] + rows)
    if rows:
        es.getCellRangeByPosition(6, 1, 7, len(rows)).NumberFormat = ddmm
    header(doc, es, len(ESCALATION_HEADERS))
    fit(es, len(ESCALATION_HEADERS))
    above_now = [
        [month, w["service"], w["team"], w["worker"], w["file"]]
        for w in workers
        if w.get("above") == "Yes"
    ]
    above_all = sorted([a for a in above_rows if a[0] != month] + above_now)
    write_above(doc, sheets.getByName("Above maximum by month"), above_all)

    us = sheets.getByName("Could not read")
    rows = [["File", "Service", "Team", "Reason"]] + [
        [u["file"], u["service"], u["team"], u["reason"]] for u in unread
    ]
    write_rows(us, rows)
    header(doc, us, 4)
    fit(us, 4)
    for s in (ts, ss):
        fit(s, 13)
    return now, above_now


def write_history(doc, sheet, history):
    write_rows(sheet, [HISTORY_HEADERS] + history)
    if history:
        pct = number_format(doc, "0%")
        sheet.getCellRangeByPosition(6, 1, 6, len(history)).NumberFormat = pct
        sheet.getCellRangeByPosition(8, 1, 8, len(history)).NumberFormat = pct
        sheet.getCellRangeByPosition(5, 1, 5, len(history)).NumberFormat = number_format(doc, "0.#")
    header(doc, sheet, len(HISTORY_HEADERS))
    fit(sheet, len(HISTORY_HEADERS))


def chart_sheet(doc, sheet, history, pct):
    """Capacity in use by team (columns) and month (rows), from the History rows, and a line
    chart of it."""
    from com.sun.star.awt import Point, Size, Rectangle  # noqa: F401
    from com.sun.star.table import CellRangeAddress

    months = sorted({h[0] for h in history})
    teams = sorted({(h[1], h[2], h[3]) for h in history})
    value = {(h[0], (h[1], h[2], h[3])): h[6] for h in history}
    label = {t: "%s / %s" % (t[0], t[1]) if t[0] else t[1] for t in teams}
    rows = [["Month"] + [label[t] for t in teams]]
    for m in months:
        rows.append([m] + [value.get((m, t), "") for t in teams])
    write_rows(sheet, rows)
    header(doc, sheet, len(rows[0]))
    if not teams:
        return
    sheet.getCellRangeByPosition(1, 1, len(teams), len(months)).NumberFormat = pct
    index = [i for i in range(doc.Sheets.getCount()) if doc.Sheets.getByIndex(i) == sheet]
    a = CellRangeAddress()
    a.Sheet = index[0] if index else 4
    a.StartColumn, a.StartRow = 0, 0
    a.EndColumn, a.EndRow = len(teams), len(months)
    top = sheet.getCellByPosition(0, len(months) + 2).Position
    rect = Rectangle(top.X, top.Y, 26000, 14000)
    charts = sheet.getCharts()
    charts.addNewByName("CapacityByTeam", rect, (a,), True, True)
    chart = charts.getByName("CapacityByTeam").getEmbeddedObject()
    chart.setDiagram(chart.createInstance("com.sun.star.chart.LineDiagram"))
    chart.HasMainTitle = True
    chart.getTitle().String = "Capacity in use by team and month"
    chart.HasLegend = True


def read_history(office, path):
    """The History rows and the rows of the workers above the maximum by month of an earlier
    roll-up (or history file) at path; ([], []) without one."""
    if not path or not os.path.exists(path):
        return [], []
    reason = precheck(path)
    if reason:
        raise ToolError("cannot read the history in %s: %s" % (path, reason))
    try:
        doc = office.load(office.copy_in(path))
    except Exception:  # noqa: BLE001
        raise ToolError("cannot read the history in %s: LibreOffice could not open it" % path)
    try:
        if not doc.Sheets.hasByName("History"):
            raise ToolError("%s has no History sheet: not a roll-up or history file" % path)
        sh = doc.Sheets.getByName("History")
        rng, _, _ = used_range(sh)
        rows = [list(r) for r in rng.getDataArray()]
        above = []
        if doc.Sheets.hasByName("Above maximum by month"):
            arng, _, _ = used_range(doc.Sheets.getByName("Above maximum by month"))
            above = [
                [str(x) for x in (list(r) + [""] * 5)[:5]]
                for r in arng.getDataArray()[1:]
                if r and r[0]
            ]
    finally:
        doc.close(True)
    if not rows or [str(x) for x in rows[0][: len(HISTORY_HEADERS)]] != HISTORY_HEADERS:
        raise ToolError("the History sheet of %s does not start with %s" % (path, HISTORY_HEADERS))
    out = []
    for r in rows[1:]:
        r = (r + [""] * len(HISTORY_HEADERS))[: len(HISTORY_HEADERS)]
        if not r[0]:
            continue
        out.append([str(r[0])] + [str(x) for x in r[1:4]] + list(r[4:]))
    return out, above


def history_only(office, history, path, above=(), inputs=()):
    """Writes a workbook holding only the History sheet (the workers above the maximum by
    month, and the chart) to path."""
    doc = office.new_calc()
    try:
        doc.Sheets.getByIndex(0).Name = "History"
        doc.Sheets.insertNewByName("Above maximum by month", 1)
        write_above(doc, doc.Sheets.getByName("Above maximum by month"), list(above))
        doc.Sheets.insertNewByName("Capacity by month", 2)
        write_history(doc, doc.Sheets.getByName("History"), history)
        chart_sheet(
            doc, doc.Sheets.getByName("Capacity by month"), history, number_format(doc, "0%")
        )
        tmp = office.doc_path("history.ods")
        store(doc, tmp, FILTERS[".ods"])
    finally:
        doc.close(True)
    replace_file(tmp, path, inputs=inputs)


# -- the command ----------------------------------------------------------------------------


class Progress:
    def __init__(self, total, stream=sys.stderr):
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.step = max(1, total // 20)
        self.shown = 0

    def update(self, done, sheets):
        line = "scored %d/%d files (%d worker sheets)" % (done, self.total, sheets)
        if self.tty:
            self.stream.write("\r" + line)
            if done == self.total:
                self.stream.write("\n")
        elif done == self.total or done - self.shown >= self.step:
            self.stream.write(line + "\n")
            self.shown = done
        self.stream.flush()


def _install_handlers():
    """Ctrl+C and SIGTERM: no office started afterwards, then caseweight.office's handling
    (every office killed at once, KeyboardInterrupt / exit 143 in this thread, whose
    clean-up joins the threads and closes the offices)."""

    def handler(signum, frame):
        STOP.set()
        office_module._on_signal(signum, frame)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def rollup(root, out, month, jobs, oxt, history=None, log=sys.stderr):
    files = find_files(root, skip=[p for p in (out, history) if p])
    if not files:
        raise ToolError("no .ods, .fods or .xlsx file under %s" % root)
    files, linked = one_path_each(files, root)
    jobs = max(1, min(jobs, len(files)))
    if os.environ.get(SHARED_OFFICE):
        jobs = 1  # one office already running: one reader, never two loading at once
    work = queue.Queue()
    for i, (path, service, team) in enumerate(files):
        work.put((i, path, service, team))
    results = queue.Queue()
    offices = [_Office(oxt=oxt, log=log) for _ in range(jobs)]
    threads = [
        threading.Thread(target=office_worker, args=(o, work, results), daemon=True)
        for o in offices
    ]
    _install_handlers()
    started = time.time()
    finished = False
    try:
        for t in threads:
            t.start()
        progress = Progress(len(files), log)
        running = len(threads)
        done = 0
        by_index = {}
        failure = None
        nsheets = 0
        while running:
            try:
                msg = results.get(timeout=0.2)
            except queue.Empty:
                continue
            if msg[0] == "done":
                running -= 1
            elif msg[0] == "failed":
                failure = failure or msg[1]
            else:
                _, index, path, service, team, workers, reason = msg
                by_index[index] = (path, service, team, workers, reason)
                done += 1
                nsheets += len(workers)
                progress.update(done, nsheets)
        if failure is not None and done < len(files):
            raise failure
        elapsed = time.time() - started
        workers, unread = [], []
        for index in sorted(by_index):
            path, service, team, ws, reason = by_index[index]
            rel = os.path.relpath(path, root)
            for w in ws:
                w["file"] = rel
            workers.extend(ws)
            if reason:
                unread.append({"file": rel, "service": service, "team": team, "reason": reason})
        workers, not_counted = counted_once(workers, month)
        unread = sorted(unread + linked + not_counted, key=lambda u: (u["file"], u["reason"]))
        # Any office that started writes: one that failed to start while the others read
        # every file does not stop the run.
        office = next((o for o in offices if o.desktop is not None), None)
        if office is None:
            raise failure or ToolError("LibreOffice could not be started")
        past, above = read_history(office, history if history else out)
        kept = [h for h in past if h[0] != month]
        above_kept = [a for a in above if a[0] != month]
        replaced = len(past) - len(kept)
        doc = office.new_calc()
        try:
            now, above_now = build(doc, workers, unread, month, kept, above_kept)
            tmp = office.doc_path("rollup.ods")
            store(doc, tmp, FILTERS[".ods"])
        finally:
            doc.close(True)
        read = [f[0] for f in files] + ([history] if history else [])
        replace_file(tmp, out, inputs=read)
        if history:
            history_only(
                office,
                sorted(kept + now),
                history,
                sorted(above_kept + above_now),
                inputs=[f[0] for f in files] + [out],
            )
        finished = True
        return {
            "files": len(files) + len(linked),
            "workers": workers,
            "unread": unread,
            "replaced": replaced,
            "history_rows": len(kept) + len(now),
            "teams": len(now),
            "seconds": elapsed,
            "jobs": jobs,
        }
    finally:
        STOP.set()
        if not finished:
            office_module._kill_all()
        for t in threads:
            if t.is_alive() or t.ident:
                t.join(timeout=120)
        for o in offices:
            o.close()
        STOP.clear()


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument("root", help="the folder of service / team folders of workers' sheets")
    ap.add_argument("out", help="the roll-up workbook to write (.ods)")
    ap.add_argument("--month", help="the month of this roll-up, YYYY-MM (default: this month)")
    ap.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="offices in parallel (default: cores)"
    )
    ap.add_argument("--history", help="a workbook of the History, read and brought up to date")
    ap.add_argument(
        "--oxt",
        default=os.path.join(SOURCE_DIR, "build", "caseweight.oxt"),
        help="the extension to install (default: the build's)",
    )
    a = ap.parse_args()
    month = a.month or datetime.date.today().strftime("%Y-%m")
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise ToolError("--month must be YYYY-MM, not %s" % month)
    if a.jobs < 1 or a.jobs > 64:
        raise ToolError("--jobs must be 1 to 64")
    if not os.path.isdir(a.root):
        raise ToolError("%s is not a folder" % a.root)
    for path in [a.out] + ([a.history] if a.history else []):
        if not path.lower().endswith(".ods"):
            raise ToolError("%s: the roll-up and the history are written as .ods" % path)
        why = check_writable_folder(path)
        if why:
            raise ToolError("cannot write %s: %s" % (path, why))
    if a.history and same_file(a.history, a.out):
        raise ToolError("--history and the output are the same file")
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    r = rollup(a.root, a.out, month, a.jobs, a.oxt, a.history)
    print(
        "%d workers in %d teams from %d files (%d offices, %.1f s: %.2f sheets a second)"
        % (
            len(r["workers"]),
            r["teams"],
            r["files"],
            r["jobs"],
            r["seconds"],
            len(r["workers"]) / r["seconds"] if r["seconds"] else 0,
        )
    )
    if r["replaced"]:
        print(
            "History: replaced the %d rows of %s from an earlier run of that month; "
            "other months kept" % (r["replaced"], month)
        )
    print("wrote %s" % a.out)
    if r["unread"]:
        print('%d files not read or not counted (sheet "Could not read"):' % len(r["unread"]))
        for u in r["unread"]:
            print("  %s: %s" % (u["file"], u["reason"]))
        return 1
    return 0


if __name__ == "__main__":
    run_tool(NAME, main)
