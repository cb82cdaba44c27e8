#!/usr/bin/python3
"""Peak memory and time of whole-column and whole-sheet arguments in real headless Calc.

For each range (A:A, A:Z, B:AMJ) one formula =CASEPOINTS("SWINDON";<range>) and one
=WORKLOADPOINTS("SWINDON";<range>) is entered into a fresh sheet with ten filled case rows,
timed to its result, and soffice's peak resident memory (VmHWM) is read after it. The office
runs with an address-space limit (--limit-gb, default 16, set on this process and
inherited): a range that Calc cannot build within it ends that office (reported as such)
instead of the machine's memory.

    PYTHONPATH=python /usr/bin/python3 bench/whole_columns.py \
        [--oxt build/caseweight.oxt] [--limit-gb 16]
"""

import argparse
import os
import resource
import subprocess
import time

from caseweight.office import Office

HERE = os.path.dirname(os.path.abspath(__file__))

RANGES = ["A:A", "A:Z", "B:AMJ"]
FUNCTIONS = ['=CASEPOINTS("SWINDON";%s)', '=WORKLOADPOINTS("SWINDON";%s)']


def soffice_bin(office):
    out = subprocess.run(
        ["pgrep", "-s", str(office.proc.pid), "-f", "soffice.bin"],
        stdout=subprocess.PIPE,
        text=True,
    ).stdout.split()
    return int(out[0]) if out else None


def peak_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def measure(oxt, formula, limit_gb):
    with Office(oxt=oxt) as office:
        pid = soffice_bin(office)
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        for r in range(10):
            sheet.getCellByPosition(1, r).setString("CP")
            sheet.getCellByPosition(2, r).setValue(16)
        before = peak_mb(pid)
        cell = sheet.getCellByPosition(1020, 0)  # outside every measured range but B:AMJ's end
        start = time.perf_counter()
        try:
            cell.setFormula(formula)
            doc.calculateAll()
            seconds = time.perf_counter() - start
            shown = cell.getString()
        except Exception as e:  # the office ended: the limit was reached
            return "office ended after %.1f s (%s)" % (
                time.perf_counter() - start,
                type(e).__name__,
            )
        after = peak_mb(pid)
        doc.close(True)
        return "%.2f s, peak %.0f MB (%.0f MB before), shows %s" % (
            seconds,
            after,
            before,
            shown[:70],
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", default=os.path.join(HERE, "..", "build", "caseweight.oxt"))
    ap.add_argument("--limit-gb", type=int, default=16)
    a = ap.parse_args()
    # Inherited by the offices this process starts.
    resource.setrlimit(resource.RLIMIT_AS, (a.limit_gb << 30, a.limit_gb << 30))
    for rng in RANGES:
        for f in FUNCTIONS:
            formula = f % rng
            print("%-32s %s" % (formula, measure(a.oxt, formula, a.limit_gb)), flush=True)


if __name__ == "__main__":
    main()
