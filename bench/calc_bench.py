#!/usr/bin/python3
"""Benchmarks of the add-in in real headless Calc (see docs/performance.md).

1. Per call: the same number of cells (default 20,000) of CASEPOINTS, of LibreOffice's own
   C++ add-in function DAYSINMONTH, and of a native IF/VLOOKUP formula doing a comparable
   lookup; doc.calculateAll() timed best of N; cost per cell and ratios.
2. Organisation workbook: 200 workers x 40 case rows in the layout of samples/make_sample.py
   (one sheet per worker, per row CASEPOINTS("SWINDON";D8:H8;...), the totals block, a team
   sheet) against the same workbook written with native formulas only (points looked up in a
   table, the CP sibling cap, the CIN family size, the assessment rule, bands by grade).
   Both are fully recalculated; their totals are compared, so the comparison is of equals.
3. Cold start: soffice start-up, and the first load and recalculation of a workbook, with and
   without the extension installed.

    PYTHONPATH=python /usr/bin/python3 bench/calc_bench.py \
        [--oxt build-release/caseweight.oxt] [--cells 20000]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

from caseweight.fods import Formula, write_fods
from caseweight.office import Office

HERE = os.path.dirname(os.path.abspath(__file__))

ADDIN = "ORG.CASEWEIGHT.ADDIN."
FIRST, ROWS = 8, 40  # case rows of a worker sheet: 8..47 (1-based)

# ---- 1. per-call documents -------------------------------------------------------------------

CODES = ["CP", "LAC", "CIN", "CARE-LEAVER", "FP-CHILD"]
# Per child points of the native lookup table (CIN and CP have their rules in the formula).
LOOKUP = [("LAC", 16), ("CARE-LEAVER", 10), ("FP-CHILD", 10), ("CIN", 10), ("CP", 16)]


def per_call_doc(path, kind, cells):
    rows = []
    for i in range(cells):
        r = i + 1
        code, children = CODES[i % len(CODES)], 1 + i % 4
        date = 45000 + i % 366
        if kind == "reference":
            f = "of:=[.B%d]" % r
        elif kind == "casepoints":
            f = 'of:=%sCASEPOINTS("SWINDON";[.A%d];[.B%d])' % (ADDIN, r, r)
        elif kind == "daysinmonth":
            f = "of:=ORG.OPENOFFICE.DAYSINMONTH([.C%d])" % r
        else:  # native: the CP cap, else points per child looked up in a table
            f = (
                'of:=IF([.A{r}]="CP";MIN(10*[.B{r}];30)+6*[.B{r}];'
                "VLOOKUP([.A{r}];[$Points.$A$1:.$B$5];2;0)*[.B{r}])"
            ).format(r=r)
        rows.append([code, children, date, Formula(f)])
    write_fods(path, {"Data": rows, "Points": [list(p) for p in LOOKUP]})


# ---- 2. organisation workbook ----------------------------------------------------------------

# Swindon points (SPEC 3.1) for the native workbook: code, per row, per child. CIN, CP and
# ASSESSMENT score by rule in the formula.
SWINDON_TABLE = [
    ("CIN", 0, 0),
    ("LAC", 0, 16),
    ("CP", 0, 0),
    ("CARE-MANAGED", 5, 0),
    ("CARE-LEAVER", 0, 10),
    ("FP-CHILD", 0, 10),
    ("FP-CARER", 10, 0),
    ("COMPLEX", 0, 4),
    ("COURT", 5, 0),
    ("COURT-ACTIVE", 10, 0),
    ("ASSESSMENT", 0, 0),
    ("S47", 10, 0),
    ("PRE-PROCEEDINGS", 4, 0),
    ("TRAVEL-NEAR", 4, 0),
    ("TRAVEL-1-2H", 6, 0),
    ("TRAVEL-2H", 10, 0),
    ("TASK", 5, 0),
    ("GROUP", 10, 0),
]
GRADES = [("NQSW", 0, 300), ("EXPERIENCED", 330, 350), ("HIGHER-SPECIALIST", 350, 400)]


def random_row(rng):
    """(children or None, share or None, [codes]) of a valid Swindon row."""
    kind = rng.choice(
        ["CP", "CP", "LAC", "LAC", "CIN", "CIN", "CARE-LEAVER", "FP-CHILD", "CARE-MANAGED"]
    )
    items = [kind]
    if kind in ("CP", "LAC") and rng.random() < 0.3:
        items.append("COMPLEX")
    for group in (
        ["COURT", "COURT-ACTIVE"],
        ["TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"],
        ["ASSESSMENT"],
        ["S47"],
        ["PRE-PROCEEDINGS"],
        ["TASK"],
    ):
        if len(items) < 5 and rng.random() < 0.15:
            items.append(rng.choice(group))
    children = rng.choice([None, 1, 2, 3, 4, 5, 7]) if kind in ("CP", "LAC", "CIN") else None
    share = 0.5 if rng.random() < 0.05 else None
    return children, share, items


def org_workbook(path, workers, native, seed=6):
    rng = random.Random(seed)
    sheets = {}
    team = [["Team"], [], ["Worker", "Grade", "FTE", "Total score", "Band", "Capacity"]]
    sheets["Team"] = team
    last = FIRST + ROWS - 1
    t = last + 2  # first row of the totals block
    for w in range(workers):
        name = "W%03d" % (w + 1)
        grade = rng.choice([g[0] for g in GRADES])
        fte = rng.choice([1, 1, 1, 0.8, 0.5])
        witems = "HIGHER-SPECIALIST" if grade == "HIGHER-SPECIALIST" else None
        rows = [
            ["Caseload weighting sheet"],
            ["Social worker", name],
            ["Grade", grade],
            ["FTE", fte],
            ["Worker items", witems],
            [],
            [
                "Child / family",
                "Children",
                "Share",
                "Case type",
                "Item",
                "Item",
                "Item",
                "Item",
                "Points",
            ],
        ]
        filled = rng.randint(25, ROWS)
        for i in range(ROWS):
            r = FIRST + i
            children, share, items = random_row(rng) if i < filled else (None, None, [])
            cells = ["case %d" % (i + 1) if items else None, children, share]
            cells += items + [None] * (5 - len(items))
            if native:
                n = 'IF([.B{r}]="";1;[.B{r}])'.format(r=r)
                s = 'IF([.C{r}]="";1;[.C{r}])'.format(r=r)
                rng_ = "[.D{r}:.H{r}]".format(r=r)
                cnt = 'COUNTIF(%s;"%%s")' % rng_
                f = (
                    "of:=(SUMPRODUCT(SUMIF([$Points.$A$1:.$A$18];{R};[$Points.$B$1:.$B$18]))"
                    "+SUMPRODUCT(SUMIF([$Points.$A$1:.$A$18];{R};[$Points.$C$1:.$C$18]))*{n}"
                    "+IF({cp};MIN(10*{n};30)+6*{n};0)"
                    "+IF({cin};IF({n}>=7;30;IF({n}>=4;20;10));0)"
                    "+IF({ass};IF({lac}+{cp}>0;10*{n};10);0))*{s}"
                ).format(
                    R=rng_,
                    n=n,
                    s=s,
                    cp=cnt % "CP",
                    cin=cnt % "CIN",
                    ass=cnt % "ASSESSMENT",
                    lac=cnt % "LAC",
                )
            else:
                f = (
                    'of:=%sCASEPOINTS("SWINDON";[.D{r}:.H{r}];IF([.B{r}]="";"";[.B{r}]);'
                    'IF([.C{r}]="";"";[.C{r}]))' % ADDIN
                ).format(r=r)
            rows.append(cells + [Formula(f)])
        rows.append([])
        if native:
            grade_row = "MATCH([.B3];[$Grades.$A$1:.$A$3];0)"
            lower = "INDEX([$Grades.$B$1:.$B$3];%s)" % grade_row
            upper = "INDEX([$Grades.$C$1:.$C$3];%s)" % grade_row
            block = [
                "of:=SUM([.I%d:.I%d])" % (FIRST, last),
                'of:=IF([.B5]="HIGHER-SPECIALIST";50;0)',
                "of:=[.I%d]+[.I%d]" % (t, t + 1),
                'of:=IF([.I{p}]<{lo}*[.B4]-1E-009;"Below band";IF([.I{p}]>{up}*[.B4]+1E-009;'
                '"Above band";"Within band"))'.format(p=t + 2, lo=lower, up=upper),
                "of:=[.I%d]/(%s*[.B4])" % (t + 2, upper),
            ]
        else:
            block = [
                "of:=SUM([.I%d:.I%d])" % (FIRST, last),
                'of:=%sWORKERPOINTS("SWINDON";[.B5])' % ADDIN,
                'of:=%sWORKLOADPOINTS("SWINDON";[.I%d:.I%d];[.I%d])' % (ADDIN, FIRST, last, t + 1),
                'of:=%sWORKLOADBAND("SWINDON";[.I%d];[.B3];[.B4])' % (ADDIN, t + 2),
                'of:=%sWORKLOADCAPACITY("SWINDON";[.I%d];[.B3];[.B4])' % (ADDIN, t + 2),
            ]
        labels = ["Case points", "Worker element", "Total score", "Band", "Capacity"]
        for label, f in zip(labels, block):
            rows.append([None] * 7 + [label, Formula(f)])
        sheets[name] = rows
        q = "$%s." % name
        team.append(
            [
                Formula("of:=[%sB2]" % q),
                Formula("of:=[%sB3]" % q),
                Formula("of:=[%sB4]" % q),
                Formula("of:=[%sI%d]" % (q, t + 2)),
                Formula("of:=[%sI%d]" % (q, t + 3)),
                Formula("of:=[%sI%d]" % (q, t + 4)),
            ]
        )
    if native:
        sheets["Points"] = [list(p) for p in SWINDON_TABLE]
        sheets["Grades"] = [list(g) for g in GRADES]
    write_fods(path, sheets)
    return len(team) - 3


# ---- measuring -----------------------------------------------------------------------------


def best_recalc(doc, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def column_results(doc, sheet_name, column, count, first=0):
    sheet = doc.Sheets.getByName(sheet_name)
    rng = sheet.getCellRangeByPosition(column, first, column, first + count - 1)
    return [row[0] for row in rng.getDataArray()]


def check_numbers(doc, sheet, column, count, what):
    values = column_results(doc, sheet, column, count)
    bad = [v for v in values if not isinstance(v, float)]
    sheet_obj = doc.Sheets.getByName(sheet)
    errors = sum(
        1
        for i in range(0, count, max(1, count // 50))
        if sheet_obj.getCellByPosition(column, i).getError()
    )
    if bad or errors:
        raise SystemExit(
            "%s: %d cells are not numbers (%d sampled errors)" % (what, len(bad), errors)
        )


def per_call(office, workdir, cells, repeat):
    """The documents stay open and are recalculated in turn, so that drift in the machine's
    load touches all alike. "reference" (=B1 in every cell) is the cost of the sheet itself."""
    kinds = ("reference", "casepoints", "daysinmonth", "native")
    docs = {}
    times = {k: [] for k in kinds}
    try:
        for kind in kinds:
            path = os.path.join(workdir, "percall-%s.fods" % kind)
            per_call_doc(path, kind, cells)
            docs[kind] = office.load(office.copy_in(path))
            docs[kind].calculateAll()
            check_numbers(docs[kind], "Data", 3, cells, kind)
        for _ in range(repeat):
            for kind in kinds:
                t0 = time.perf_counter()
                docs[kind].calculateAll()
                times[kind].append(time.perf_counter() - t0)
    finally:
        for doc in docs.values():
            doc.close(True)
    out = {k: (min(v), statistics.median(v)) for k, v in times.items()}
    for kind in kinds:
        best, median = out[kind]
        print(
            "  %-12s %8.1f ms best, %8.1f ms median: %6.2f us a cell"
            % (kind, best * 1e3, median * 1e3, best / cells * 1e6),
            flush=True,
        )
    return out


def threaded_calculation(office):
    provider = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx
    )
    from caseweight.office import props

    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        props(nodepath="/org.openoffice.Office.Calc/Formula/Calculation"),
    )
    return access.getByName("UseThreadedCalculationForFormulaGroups")


def team_totals(doc, workers):
    return column_results(doc, "Team", 3, workers, first=3)


def org(office, workdir, workers, repeat):
    out = {}
    totals = {}
    for native in (False, True):
        kind = "native" if native else "add-in"
        path = os.path.join(workdir, "org-%s.fods" % kind)
        org_workbook(path, workers, native)
        t0 = time.perf_counter()
        doc = office.load(office.copy_in(path))
        load = time.perf_counter() - t0
        try:
            doc.calculateAll()
            totals[kind] = team_totals(doc, workers)
            best, median = best_recalc(doc, repeat)
        finally:
            doc.close(True)
        out[kind] = (best, median, load)
        print(
            "  %-7s load %7.1f ms; recalculation %7.1f ms best, %7.1f ms median"
            % (kind, load * 1e3, best * 1e3, median * 1e3),
            flush=True,
        )
    a, n = totals["add-in"], totals["native"]
    bad = [
        i
        for i in range(workers)
        if not (isinstance(a[i], float) and isinstance(n[i], float) and abs(a[i] - n[i]) < 1e-9)
    ]
    if bad:
        raise SystemExit(
            "the two workbooks disagree for %d workers, e.g. W%03d: %r vs %r"
            % (len(bad), bad[0] + 1, a[bad[0]], n[bad[0]])
        )
    print("  the %d workers' totals agree in both workbooks" % workers)
    return out


def cold_start(oxt, workdir, workers, starts):
    """Start-up and first load+recalculation, with and without the extension."""
    path_addin = os.path.join(workdir, "cold-addin.fods")
    path_native = os.path.join(workdir, "cold-native.fods")
    org_workbook(path_addin, workers, native=False)
    org_workbook(path_native, workers, native=True)
    out = {}
    for label, ext in (("without", None), ("with", oxt)):
        with Office(oxt=ext) as office:
            native_copy = office.copy_in(path_native)
            addin_copy = office.copy_in(path_addin)
            startup, first_native, first_addin = [], [], []
            for i in range(starts):
                office.stop()
                t0 = time.perf_counter()
                office.launch()
                doc = office.new_calc()  # the office is up when it can make a document
                doc.close(True)
                startup.append(time.perf_counter() - t0)
                for copy, times in ((native_copy, first_native),) + (
                    ((addin_copy, first_addin),) if ext else ()
                ):
                    t0 = time.perf_counter()
                    doc = office.load(copy)
                    doc.calculateAll()
                    times.append(time.perf_counter() - t0)
                    doc.close(True)
                    if ext:
                        office.stop()  # the add-in workbook is measured in a fresh office too
                        office.launch()
            out[label] = {
                "startup": statistics.median(startup),
                "native": statistics.median(first_native),
                "addin": statistics.median(first_addin) if first_addin else None,
            }
        print(
            "  %-7s extension: start-up %6.0f ms; first load+recalc native workbook %6.0f ms%s"
            % (
                label,
                out[label]["startup"] * 1e3,
                out[label]["native"] * 1e3,
                "; add-in workbook %6.0f ms" % (out[label]["addin"] * 1e3) if ext else "",
            ),
            flush=True,
        )
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxt", default=os.path.join(HERE, "..", "build-release", "caseweight.oxt"))
    ap.add_argument("--cells", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--starts", type=int, default=3)
    args = ap.parse_args()
    if args.cells < 20000:
        print("note: fewer than 20,000 cells", file=sys.stderr)
    workdir = tempfile.mkdtemp(prefix="caseweight-bench-")
    with Office(oxt=args.oxt) as office:
        print(
            "LibreOffice's threaded calculation: %s (the profile's default)"
            % (threaded_calculation(office))
        )
        print("1. Per call, %d cells, calculateAll best of %d" % (args.cells, args.repeat))
        pc = per_call(office, workdir, args.cells, args.repeat)
        print(
            "2. Organisation workbook, %d workers x %d rows, best of %d"
            % (args.workers, ROWS, args.repeat)
        )
        og = org(office, workdir, args.workers, args.repeat)
    print("3. Cold start (median of %d starts), team workbook of 20 workers" % args.starts)
    cs = cold_start(args.oxt, workdir, 20, args.starts)

    ref = pc["reference"][0]
    cp, dim, nat = pc["casepoints"][0], pc["daysinmonth"][0], pc["native"][0]
    us = 1e6 / args.cells
    print()
    print("Report")
    print(
        "  Per cell: CASEPOINTS %.2f us; DAYSINMONTH %.2f us; native IF/VLOOKUP %.2f us; "
        "=B1 %.2f us" % (cp * us, dim * us, nat * us, ref * us)
    )
    print("  CASEPOINTS / DAYSINMONTH            = %.2f   (target <= 0.8)" % (cp / dim))
    print("  CASEPOINTS / native IF+VLOOKUP      = %.2f" % (cp / nat))
    print(
        "  Less the =B1 sheet's own cost:  CASEPOINTS / DAYSINMONTH = %.2f, "
        "CASEPOINTS / native = %.2f" % ((cp - ref) / (dim - ref), (cp - ref) / (nat - ref))
    )
    print(
        "  Organisation workbook add-in / native recalculation = %.2f (%.0f ms / %.0f ms)"
        % (og["add-in"][0] / og["native"][0], og["add-in"][0] * 1e3, og["native"][0] * 1e3)
    )
    print(
        "  Organisation workbook add-in / native load          = %.2f"
        % (og["add-in"][2] / og["native"][2])
    )
    print(
        "  Cold start-up with / without extension              = %.2f"
        % (cs["with"]["startup"] / cs["without"]["startup"])
    )
    print(
        "  First load+recalc, native workbook, with / without  = %.2f"
        % (cs["with"]["native"] / cs["without"]["native"])
    )
    print(
        "  First load+recalc, add-in workbook (with) / native workbook (without) = %.2f"
        % (cs["with"]["addin"] / cs["without"]["native"])
    )


if __name__ == "__main__":
    main()
