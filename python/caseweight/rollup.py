"""caseweight-rollup ROOT OUT.ods: rolls a service's weighting sheets up into one workbook.

Walks ROOT (service folders / team folders / workers' files: .ods, .fods, .xlsx of any shipped
worker template, or workbooks of one sheet per worker laid out as samples/swindon-team.fods),
opens every file in headless LibreOffice with the extension installed, recalculates it (the
scores are the sheets' own formulas, never the values saved in the file), reads it with
caseweight.worker_sheet (the reader the team summary's refresh shares) and writes OUT.ods:
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

from caseweight import office as office_module, worker_sheet
from caseweight.office import (
    add_oxt_option,
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
from caseweight.worker_sheet import (
    cell_data,
    cell_value,
    counted_once,
    find_files,
    fit,
    header,
    is_error,
    number_format,
    one_path_each,
    precheck,
    serial,
    used_range,
    write_rows,
)

NAME = "caseweight-rollup"

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


# -- reading the files (caseweight.worker_sheet) -------------------------------------------


def read_file(office, path):
    """([worker dict], None) or ([], reason) for one file, read from a copy in the office's
    folder (the office user may open it there)."""

    def cannot_open(e):
        if office.peak_memory() > office_module.memory_limit() * 0.9:
            # Calc survived a failed allocation: a fresh office for the next file
            office.restart()
            return office_module.out_of_memory("opening it")
        return None

    with office.copies_in() as copy:
        return worker_sheet.read_file(
            office.desktop, path, copy=copy, stopped=office_stopped, cannot_open=cannot_open
        )


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


# -- writing the roll-up --------------------------------------------------------------------


def month_end(month):
    y, m = map(int, month.split("-"))
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def write_formulas(sheet, rows, top=0):
    width = max(len(r) for r in rows)
    data = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(data) - 1).setFormulaArray(data)


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
    add_oxt_option(ap)
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
