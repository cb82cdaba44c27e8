#!/usr/bin/python3
"""Before and after, in one run: the time to build the weighting-sheet templates and the time
to recalculate a filled worker sheet, for two builds of caseweight (scripts/bench-templates.sh
makes them: an earlier version in build-base, this one in build-release).

Template build: each version's own template builder over its own add-in package, in turn,
several rounds (one headless office per build, as the build runs it). Recalculation: a
Swindon children's sheet made from each version's template, filled with the same 20 rows,
recalculated whole and after one code is typed (as a manager changes a row): both sheets open
at once, one office each, recalculated in turn. Ratios are after / before: under 1 is faster.

    PYTHONPATH=python /usr/bin/python3 bench/templates_compare.py \\
        --before build-base --before-source SRC --after build-release [--rounds 3]
"""

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from caseweight import SOURCE_DIR
from caseweight.office import Office, file_url, props

ROWS = [
    ("A. Adams", 1, "", "", "CP"),
    ("B. Baker", 2, "", "LAC; COMPLEX", ""),
    ("C. Clark family", 3, "CIN", "", ""),
    ("D. Dixon", 1, "", "", "CP; COMPLEX"),
] * 5


def build_command(source, oxt, out):
    """The template build of a source tree: the package's module, or the older script."""
    script = os.path.join(source, "templates", "build.py")
    if os.path.exists(script):
        return ["/usr/bin/python3", script, "--oxt", oxt, "--out", out]
    env_path = os.path.join(source, "python")
    return [
        "/usr/bin/env",
        "PYTHONPATH=" + env_path,
        "/usr/bin/python3",
        "-m",
        "caseweight.sheets.build",
        "--oxt",
        oxt,
        "--out",
        out,
    ]


def build_time(source, build, workdir):
    out = tempfile.mkdtemp(dir=workdir)
    oxt = os.path.join(build, "addin", "caseweight-addin.oxt")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    t0 = time.perf_counter()
    done = subprocess.run(build_command(source, oxt, out), env=env, capture_output=True, text=True)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit("the template build of %s failed:\n%s" % (source, done.stderr[-3000:]))
    shutil.rmtree(out, True)
    return took


def filled_sheet(office, template):
    doc = office.desktop.loadComponentFromURL(
        file_url(template), "_blank", 0, props(Hidden=True, AsTemplate=True)
    )
    names = doc.NamedRanges

    def put(name, row, value):
        cell = names.getByName(name).ReferredCells.getCellByPosition(0, row)
        if isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)

    for r, (name, children, basic, lac, cp) in enumerate(ROWS):
        put("cw_col_name", r, name)
        put("cw_col_children", r, children)
        for key, value in (("basic", basic), ("lac", lac), ("cp", cp)):
            if value:
                put("cw_col_" + key, r, value)
    doc.calculateAll()
    return doc


@contextlib.contextmanager
def filled(build):
    """The filled sheet of a build's template, in an office of its own."""
    oxt = os.path.join(build, "caseweight.oxt")
    template = os.path.join(build, "templates", "swindon-children.ots")
    with Office(oxt=oxt) as office:
        doc = filled_sheet(office, template)
        try:
            yield doc
        finally:
            doc.close(True)


def recalc_times(builds, repeat):
    """For each build: (the sheet's total, [seconds of a whole recalculation], [seconds of a
    recalculation after one code is typed, as a manager changes a row]). The builds' sheets are
    open at once, each in its own office, and recalculated in turn, the order swapped each
    time, so that whatever else the machine does falls on every build alike."""
    with contextlib.ExitStack() as stack:
        docs = [stack.enter_context(filled(build)) for build in builds]
        cells = [
            d.NamedRanges.getByName("cw_col_court").ReferredCells.getCellByPosition(0, 0)
            for d in docs
        ]
        whole = [[] for _ in builds]
        edit = [[] for _ in builds]
        for i in range(repeat):
            order = range(len(docs)) if i % 2 == 0 else reversed(range(len(docs)))
            for k in order:
                t0 = time.perf_counter()
                docs[k].calculateAll()
                whole[k].append(time.perf_counter() - t0)
                cells[k].setString("COURT" if i % 2 == 0 else "")
                t0 = time.perf_counter()
                docs[k].calculate()
                edit[k].append(time.perf_counter() - t0)
        return [(names_value(d, "cw_total"), w, e) for d, w, e in zip(docs, whole, edit)]


def names_value(doc, name):
    return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, 0).getValue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="build folder of the earlier version")
    ap.add_argument("--before-source", required=True, help="its source tree")
    ap.add_argument("--after", required=True, help="build folder of this version")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--recalcs", type=int, default=50)
    ap.add_argument("--no-build", action="store_true", help="measure the recalculation only")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="caseweight-bench-templates-")
    try:
        builds = {"before": [], "after": []}
        for _ in range(0 if args.no_build else args.rounds):
            builds["before"].append(build_time(args.before_source, args.before, work))
            builds["after"].append(build_time(SOURCE_DIR, args.after, work))
        recalc = {"before": [], "after": []}
        edits = {"before": [], "after": []}
        totals = {}
        sides = (("before", args.before), ("after", args.after))
        for _ in range(args.rounds):
            times = recalc_times([build for _, build in sides], args.recalcs)
            for (side, _), (total, whole, edit) in zip(sides, times):
                totals[side] = total
                recalc[side].append(statistics.median(whole))
                edits[side].append(statistics.median(edit))
    finally:
        shutil.rmtree(work, True)
    if totals["before"] != totals["after"]:
        raise SystemExit("the two sheets score differently: %s" % totals)
    if builds["before"]:
        b, a = statistics.median(builds["before"]), statistics.median(builds["after"])
        print("template build (every template), median of %d:" % args.rounds)
        print("  before %.1f s, after %.1f s, ratio %.2f" % (b, a, a / b))
    print("a filled Swindon sheet (%d rows, total %g):" % (len(ROWS), totals["after"]))
    for what, times in (("recalculated whole", recalc), ("after a code typed", edits)):
        b, a = statistics.median(times["before"]), statistics.median(times["after"])
        print("  %s: before %.3f ms, after %.3f ms, ratio %.2f" % (what, b * 1e3, a * 1e3, a / b))


if __name__ == "__main__":
    main()
