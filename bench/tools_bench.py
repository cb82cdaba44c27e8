#!/usr/bin/python3
"""Benchmark of the command-line tools (see docs/performance.md): caseweight-score and
caseweight-share, run as a user runs them, on generated workbooks of 5,000, 20,000 and
100,000 case rows (one flat ODF sheet: Case, Items, Children, Check = CASECHECK, Points =
CASEPOINTS), in two shapes: one row in 500 breaking the scheme (the baseline), and every row
breaking it (every Points cell shows Err:502, every Check a reason). Prints each run's time
(office start-up included), the ratios between sizes (linear is 4 from 5k to 20k rows and 5
from 20k to 100k) and of each shape against the baseline of the same size in the same run.

    PYTHONPATH=python /usr/bin/python3 bench/tools_bench.py [--oxt build-release/caseweight.oxt]
                                          [--rows 5000,20000,100000]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from caseweight.fods import Formula, write_fods

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, "..", "tools")

ADDIN = "ORG.CASEWEIGHT.ADDIN."
ITEMS = ["CP", "LAC; COMPLEX", "CIN", "CP; COMPLEX", "CARE-LEAVER"]


def workbook(path, rows, broken_every=500):
    data = [["Case", "Items", "Children", "Check", "Points"]]
    for i in range(rows):
        r = i + 2
        items = "CIN; COMPLEX" if i % broken_every == broken_every - 1 else ITEMS[i % len(ITEMS)]
        data.append(
            [
                "Family %d" % (i + 1),
                items,
                1 + i % 3,
                Formula('of:=%sCASECHECK("SWINDON";[.B%d];[.C%d])' % (ADDIN, r, r)),
                Formula('of:=%sCASEPOINTS("SWINDON";[.B%d];[.C%d])' % (ADDIN, r, r)),
            ]
        )
    write_fods(path, {"Cases": data})


def run(argv):
    t = time.monotonic()
    r = subprocess.run(
        ["/usr/bin/python3"] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    took = time.monotonic() - t
    if r.returncode not in (0, 1):
        sys.exit("%s failed (%d): %s" % (argv[0], r.returncode, r.stderr.strip()))
    return took


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxt", default=os.path.join(HERE, "..", "build-release", "caseweight.oxt"))
    ap.add_argument("--rows", default="5000,20000,100000")
    a = ap.parse_args()
    sizes = [int(x) for x in a.rows.split(",")]
    work = tempfile.mkdtemp(prefix="caseweight-tools-bench-")
    shapes = [("1 in 500 broken", 500), ("every row broken", 1)]
    try:
        times = {}
        print(
            "%-17s %8s  %10s  %14s  %10s  %14s"
            % ("shape", "rows", "score s", "score ms/1000", "share s", "share ms/1000")
        )
        for shape, every in shapes:
            for n in sizes:
                src = os.path.join(work, "team-%d-%d.fods" % (n, every))
                workbook(src, n, every)
                score = run([os.path.join(TOOLS, "caseweight-score"), src, "--oxt", a.oxt])
                share = run(
                    [
                        os.path.join(TOOLS, "caseweight-share"),
                        src,
                        os.path.join(work, "shared-%d.ods" % n),
                        "--oxt",
                        a.oxt,
                    ]
                )
                times[shape, n] = (score, share)
                print(
                    "%-17s %8d  %10.1f  %14.0f  %10.1f  %14.0f"
                    % (shape, n, score, 1e6 * score / n, share, 1e6 * share / n)
                )
        for shape, _ in shapes:
            for small, big in zip(sizes, sizes[1:]):
                print(
                    "%s, %d -> %d rows (x%.0f): score x%.2f, share x%.2f"
                    % (
                        shape,
                        small,
                        big,
                        big / small,
                        times[shape, big][0] / times[shape, small][0],
                        times[shape, big][1] / times[shape, small][1],
                    )
                )
        base = shapes[0][0]
        for shape, _ in shapes[1:]:
            for n in sizes:
                print(
                    "%s / %s, %d rows: score x%.2f, share x%.2f"
                    % (
                        shape,
                        base,
                        n,
                        times[shape, n][0] / times[base, n][0],
                        times[shape, n][1] / times[base, n][1],
                    )
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
