"""Prints the slowest tests of one or more ctest JUnit reports (ctest --output-junit), so a
test that became slow shows itself at the end of scripts/test.sh."""

import sys
import xml.etree.ElementTree as ET


def timings(paths):
    """[(seconds, name, status)] of every test case in the reports that exist."""
    found = []
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError):
            continue
        for case in root.iter("testcase"):
            status = case.get("status") or "run"
            found.append((float(case.get("time") or 0), case.get("name"), status))
    return sorted(found, reverse=True)


def main(paths, top=12):
    found = timings(paths)
    if not found:
        return
    print("Slowest tests (of %d, %.0f s in all):" % (len(found), sum(t for t, _, _ in found)))
    for seconds, name, status in found[:top]:
        print("  %-58s %6.1f s%s" % (name, seconds, "" if status == "run" else "  " + status))


if __name__ == "__main__":
    main(sys.argv[1:])
