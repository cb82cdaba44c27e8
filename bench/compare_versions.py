#!/usr/bin/python3
"""Before and after, in one run: the engine's rows a second and CASEPOINTS per call in real
headless Calc, for two builds of caseweight (scripts/bench-compare.sh makes them).

The two engines' benchmarks run in turn, several rounds, and the two extensions' per-call
documents are recalculated in turn in one office each, so that drift in the machine's load
touches both alike. The add-in packages without templates are compared (the templates do not
take part in either measure). Cold start: soffice start-up with each extension installed. Ratios are
after / before (per call and start-up: under 1 is faster; rows a second: over 1 is faster).

    PYTHONPATH=python /usr/bin/python3 bench/compare_versions.py \\
        --before build-base --after build-release [--cells 20000] [--rounds 3]
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import calc_bench
from caseweight.office import Office


def engine_rows(build, benchmark):
    out = subprocess.run(
        [
            os.path.join(build, "bench", "caseweight_engine_bench"),
            "--benchmark_filter=^%s$" % benchmark,
            "--benchmark_min_time=0.5",
            "--benchmark_format=json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)["benchmarks"][0]["items_per_second"]


def per_call_casepoints(oxt, workdir, cells, repeat):
    with Office(oxt=oxt) as office:
        path = os.path.join(workdir, "percall-casepoints.fods")
        calc_bench.per_call_doc(path, "casepoints", cells)
        doc = office.load(office.copy_in(path))
        try:
            doc.calculateAll()
            calc_bench.check_numbers(doc, "Data", 3, cells, "casepoints")
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                doc.calculateAll()
                times.append(time.perf_counter() - t0)
        finally:
            doc.close(True)
        office.stop()
        starts = []
        for _ in range(3):
            t0 = time.perf_counter()
            office.launch()
            office.new_calc().close(True)
            starts.append(time.perf_counter() - t0)
            office.stop()
        office.launch()
    return min(times) / cells, statistics.median(starts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True, help="build folder of the earlier version")
    ap.add_argument("--after", required=True, help="build folder of this version")
    ap.add_argument("--cells", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    builds = {"before": args.before, "after": args.after}
    rows = {k: [] for k in builds}
    call = {k: [] for k in builds}
    start = {k: [] for k in builds}
    workdir = tempfile.mkdtemp(prefix="caseweight-compare-")
    for r in range(args.rounds):
        for k, build in builds.items():
            rows[k].append(engine_rows(build, "BM_CasePoints_AllSchemes"))
            c, s = per_call_casepoints(
                os.path.join(build, "addin", "caseweight-addin.oxt"),
                workdir,
                args.cells,
                args.repeat,
            )
            call[k].append(c)
            start[k].append(s)
            print(
                "  round %d %-6s engine %5.2f M rows/s; CASEPOINTS %5.2f us a cell; "
                "start-up %5.0f ms" % (r + 1, k, rows[k][-1] / 1e6, c * 1e6, s * 1e3),
                flush=True,
            )
    med = {
        k: {
            "rows": statistics.median(rows[k]),
            "call": min(call[k]),
            "start": statistics.median(start[k]),
        }
        for k in builds
    }
    print()
    print("| measure | before | after | after / before |")
    print("|---|---|---|---|")
    print(
        "| engine, case rows a second (all schemes, one core) | %.2f M | %.2f M | %.2f |"
        % (
            med["before"]["rows"] / 1e6,
            med["after"]["rows"] / 1e6,
            med["after"]["rows"] / med["before"]["rows"],
        )
    )
    print(
        "| `CASEPOINTS` in Calc, per cell (best of %d x %d) | %.2f us | %.2f us | %.2f |"
        % (
            args.rounds,
            args.repeat,
            med["before"]["call"] * 1e6,
            med["after"]["call"] * 1e6,
            med["after"]["call"] / med["before"]["call"],
        )
    )
    print(
        "| soffice start-up with the extension (median) | %.0f ms | %.0f ms | %.2f |"
        % (
            med["before"]["start"] * 1e3,
            med["after"]["start"] * 1e3,
            med["after"]["start"] / med["before"]["start"],
        )
    )


if __name__ == "__main__":
    main()
