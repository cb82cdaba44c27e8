#!/usr/bin/python3
"""Writes samples/swindon-team.fods: a Swindon team's weighting workbook with add-in formulas.

The workbook is committed; run this again (after building the .oxt) only to change it:
    PYTHONPATH=python /usr/bin/python3 samples/make_sample.py build/caseweight.oxt
"""

import os
import shutil
import sys

from caseweight.office import Office, store

HERE = os.path.dirname(os.path.abspath(__file__))

SCHEME = "SWINDON"
FIRST, LAST = 8, 27  # the case rows of a worker's sheet (1-based, as users see them)

# (name, grade, FTE, worker items, [(child or family, children, share, items...)])
WORKERS = [
    (
        "Asha Patel",
        "EXPERIENCED",
        1,
        "",
        [
            ("Smith children", 4, None, "CP"),
            ("J. Jones", 1, None, "LAC", "COMPLEX", "COURT-ACTIVE"),
            ("Brown family", 3, None, "CIN"),
            ("Taylor twins", 2, None, "CP", "COMPLEX", "PRE-PROCEEDINGS"),
            ("K. Wilson", 1, None, "LAC", "TRAVEL-2H"),
            ("Evans children", 3, None, "CP", "S47"),
            ("Khan family", 2, None, "CIN", "ASSESSMENT"),
            ("L. Green", 1, None, "LAC", "TASK", "TASK"),
            ("Hall children", 2, None, "CP"),
            ("M. Wright", 1, None, "LAC", "ASSESSMENT"),
            ("Parenting group", None, None, "GROUP"),
        ],
    ),
    (
        "Ben Carter",
        "NQSW",
        1,
        "",
        [
            ("Adams family", 2, None, "CIN"),
            ("Baker children", 2, None, "CP"),
            ("C. Clarke", 1, None, "LAC"),
            ("Davies family", 4, None, "CIN", "ASSESSMENT"),
            ("E. Edwards", 1, None, "CP", "COMPLEX"),
            ("F. Fisher", 1, None, "LAC", "TRAVEL-NEAR"),
            ("Graham children", 3, None, "CP"),
            ("Hughes family", 1, None, "CIN"),
            ("Irving children", 2, None, "CP", "COURT"),
        ],
    ),
    (
        "Chloe Evans",
        "HIGHER-SPECIALIST",
        0.8,
        "HIGHER-SPECIALIST",
        [
            ("Morgan children", 4, None, "CP", "COMPLEX", "COURT-ACTIVE"),
            ("Noble twins", 2, None, "LAC", "COMPLEX"),
            ("Owen children", 2, None, "CP", "S47", "PRE-PROCEEDINGS"),
            ("P. Price", 1, None, "LAC", "COURT"),
            ("Quinn family", 5, None, "CIN", "ASSESSMENT"),
            ("R. Reid (co-worked)", 1, 0.5, "CP"),
            ("Shaw children", 2, None, "LAC", "TRAVEL-1-2H"),
            ("Turner children", 2, None, "CP"),
        ],
    ),
    (
        "Dan Okafor",
        "EXPERIENCED",
        1,
        "",
        [
            ("Underwood children", 3, None, "CP", "COMPLEX"),
            ("Vaughan family", 2, None, "CIN", "COMPLEX"),  # COMPLEX is only for LAC or CP
            ("W. Walsh", 1, None, "LAC", "COURT", "TRAVEL-1-2H"),
            ("Young children", 4, None, "CP", "S47"),
            ("Z. Zed", 1, None, "CARE-LEAVER"),
        ],
    ),
]

PERCENT_TYPE = 128  # com.sun.star.util.NumberFormat.PERCENT
PERCENT = None

HEADERS = [
    "Child / family",
    "Children",
    "Share",
    "Case type",
    "Item",
    "Item",
    "Item",
    "Item",
    "Points",
    "Check",
]


def row_args(r):
    # An empty Children or Share cell reaches the add-in as 0: pass "" so it means the default.
    return 'D{r}:H{r};IF(B{r}="";"";B{r});IF(C{r}="";"";C{r})'.format(r=r)


def fill_worker(sheet, name, grade, fte, worker_items, cases):
    cell = sheet.getCellRangeByName
    cell("A1").setString("Swindon children's social work: caseload weighting sheet")
    for addr, label, value in (
        ("2", "Social worker", name),
        ("3", "Grade", grade),
        ("4", "FTE", fte),
        ("5", "Worker items", worker_items),
    ):
        cell("A" + addr).setString(label)
        if isinstance(value, str):
            cell("B" + addr).setString(value)
        else:
            cell("B" + addr).setValue(value)
    for col, h in enumerate(HEADERS):
        sheet.getCellByPosition(col, FIRST - 2).setString(h)
    for i in range(LAST - FIRST + 1):
        r = FIRST + i
        if i < len(cases):
            who, children, share, *items = cases[i]
            cell("A%d" % r).setString(who)
            if children is not None:
                cell("B%d" % r).setValue(children)
            if share is not None:
                cell("C%d" % r).setValue(share)
            for k, code in enumerate(items):
                sheet.getCellByPosition(3 + k, r - 1).setString(code)
        cell("I%d" % r).setFormula('=CASEPOINTS("%s";%s)' % (SCHEME, row_args(r)))
        cell("J%d" % r).setFormula('=CASECHECK("%s";%s)' % (SCHEME, row_args(r)))
    t = LAST + 2
    rows = [
        ("Case points", "=SUM(I%d:I%d)" % (FIRST, LAST)),
        ("Worker element", '=WORKERPOINTS("%s";B5)' % SCHEME),
        ("Total score", '=WORKLOADPOINTS("%s";I%d:I%d;I%d)' % (SCHEME, FIRST, LAST, t + 1)),
        ("Band", '=WORKLOADBAND("%s";I%d;B3;B4)' % (SCHEME, t + 2)),
        ("Capacity", '=WORKLOADCAPACITY("%s";I%d;B3;B4)' % (SCHEME, t + 2)),
    ]
    for k, (label, formula) in enumerate(rows):
        cell("H%d" % (t + k)).setString(label)
        cell("I%d" % (t + k)).setFormula(formula)
    cell("I%d" % (t + 4)).NumberFormat = PERCENT
    return t


def main():
    oxt = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "caseweight.oxt")
    global PERCENT
    with Office(oxt=oxt) as office:
        doc = office.new_calc()
        from com.sun.star.lang import Locale

        PERCENT = doc.NumberFormats.getStandardFormat(PERCENT_TYPE, Locale())
        sheets = doc.Sheets
        sheets.getByIndex(0).Name = "Team"
        team = sheets.getByName("Team")
        team.getCellRangeByName("A1").setString("Children's Team East: caseload weighting summary")
        for col, h in enumerate(
            ["Worker", "Grade", "FTE", "Total score", "Band", "Capacity", "Rows to check"]
        ):
            team.getCellByPosition(col, 2).setString(h)
        for n, (name, grade, fte, witems, cases) in enumerate(WORKERS):
            sheets.insertNewByName(name, n + 1)
            t = fill_worker(sheets.getByName(name), name, grade, fte, witems, cases)
            r = 4 + n
            q = "$'%s'." % name
            for col, f in enumerate(
                [
                    "=%sB2" % q,
                    "=%sB3" % q,
                    "=%sB4" % q,
                    "=%sI%d" % (q, t + 2),
                    "=%sI%d" % (q, t + 3),
                    "=%sI%d" % (q, t + 4),
                    '=COUNTIF(%sJ%d:J%d;"<>OK")' % (q, FIRST, LAST),
                ]
            ):
                team.getCellByPosition(col, r - 1).setFormula(f)
        team.getCellRangeByName("F4:F%d" % (3 + len(WORKERS))).NumberFormat = PERCENT
        doc.calculateAll()
        out = office.doc_path("swindon-team.fods")
        store(doc, out, "OpenDocument Spreadsheet Flat XML")
        doc.close(True)
        shutil.copyfile(out, os.path.join(HERE, "swindon-team.fods"))
    print("wrote", os.path.join(HERE, "swindon-team.fods"))


if __name__ == "__main__":
    main()
