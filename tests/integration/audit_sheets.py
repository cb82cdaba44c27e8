"""Hand-made weighting sheets, as teams keep them, built through UNO for the audit tests.

Each builder fills a sheet of a new Calc document and returns nothing; the planted mistakes
are listed next to the rows that hold them.
"""

SWINDON_HEADER = [
    "Childs Name",
    "Locality area of childs home",
    "Basic weight",
    "LAC standard 6, complex 4",
    "CP Plan, standard 6, complex4",
    "Court 10 initial/ final or 5 if more settled",
    "Signifi-\ncant assess -\nment 10",
    "Pre-Proceed- ings Work Underway 4",
    "Additional Travel 4, 6 or 10",
    "Time limited specific task-ie life story, 5",
    "Group work 10",
    "Total for child",
    "Comments",
]

RBWM_HEADER = [
    "Child\u2019s \nname \n(CP/CiC) /  \nFamily \nname \n(CIN)",
    "Child in \nNeed \n(family) \n10 \npoints",
    "CiC/Care \nLeaver/ \nFoster \nCarer \n(Standard \n6, \nComplex \n+ 4)",
    "CP \n(Standard \n6, \nComplex + \n4)",
    "Single \nAssessment \n10",
    "Section 47 \nenquiries \n10 points",
    "Court \nPre \nproceedings \ninitial statement \n5, ongoing +3, \nfinal hearing +3",
    "Any other \nassessment \n10",
    "Reports, eg \nCPRs, Annex \nBs, Form F, \nSGO, \nS7/S37, court \nstatement, \ncare plan \n10",
    "Fostering \nFamily finding \n3, attendance \nat and \npreparation \nfor Panel 3, \n"
    "Private \nfostering 3",
    "Additional \nTravel \n4, 6 or 10",
    "Family and \nYouth \nworker work, \nsupervised \ncontact \n5",
    "TOTAL \nfor child \n/ young \nperson",
]


def put(sheet, row, values, col=0):
    """Writes one row: numbers, texts, formulas (text starting with '='); None leaves empty."""
    for i, v in enumerate(values):
        if v is None:
            continue
        cell = sheet.getCellByPosition(col + i, row)
        if isinstance(v, str) and v.startswith("="):
            cell.setFormula(v)
        elif isinstance(v, str):
            cell.setString(v)
        else:
            cell.setValue(v)


def swindon_grid(sheet, top, title, rows, score):
    """A Swindon grid as on the seed's Sheet1: title row, blank, header, case rows, Total Score.
    rows: (name, locality, [C..K numbers or None], total, comment); total None = SUM formula.
    Returns the row index of the Total Score row."""
    put(sheet, top, title)
    put(sheet, top + 2, SWINDON_HEADER)
    r = top + 3
    for row in rows:
        if row is None:  # a blank row
            r += 1
            continue
        name, locality, numbers, total, comment = row
        total = "=SUM(C%d:K%d)" % (r + 1, r + 1) if total is None else total
        put(sheet, r, [name, locality] + numbers + [total, comment])
        r += 1
    score = "=SUM(L%d:L%d)" % (top + 4, r) if score is None else score
    put(sheet, r, ["Total Score", None, score], col=9)
    return r


def swindon_team(doc):
    """The seed's Sheet1: three workers' grids one below the other, with planted mistakes."""
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Sheet1"

    def nums(**kw):
        cols = ["basic", "lac", "cp", "court", "assess", "pre", "travel", "task", "group"]
        return [kw.get(c) for c in cols]

    # Grid 1, rows 1-13: Mary Bloggs, NQSW.
    end = swindon_grid(
        sheet,
        0,
        [
            "Team: P&P1",
            None,
            None,
            None,
            None,
            "SW    Mary Bloggs",
            None,
            "NQSW",
            None,
            None,
            "As at: 27th Feb 07",
        ],
        [
            ("Amy Ash", "North", nums(basic=10, lac=6, travel=4), None, None),  # row 4: 20
            ("Bea Birch", "North", nums(basic=10, lac=7), None, None),  # row 5: LAC 7
            None,  # row 6 blank
            ("Cal Cedar", "Wroughton", nums(basic=10, cp=10, court=10, pre=4, travel=5), 39, None),
            # row 7: travel 5
            ("Dee Dogwood", "", nums(basic=10, lac=6, task=5), 25, None),  # row 8: 21 not 25
            ("Elm family", "Old Town", nums(basic=20), 20, None),  # row 9: CIN, 4-6 children
            ("Jones twins", "", nums(basic=10, lac=6), None, None),  # rows 10-11 merged name
            (None, "", nums(basic=10, lac=6), None, "TO BE CLOSED"),
        ],
        None,
    )
    sheet.getCellRangeByName("A10:A11").merge(True)
    sheet.getCellRangeByName("F1:G1").merge(True)
    assert end == 11
    # Grid 2, rows 15-21: Ben Carter, experienced; TO BE CLOSED in the total column; the
    # Total Score is typed and 10 too high.
    end = swindon_grid(
        sheet,
        14,
        [
            "Team:XXX",
            None,
            None,
            None,
            None,
            "SW: Ben Carter",
            None,
            "Exp",
            None,
            None,
            "As at: xxx",
        ],
        [
            ("Fay Fir", "", nums(basic=10, cp=6, assess=10), None, None),  # row 18: 26
            ("Gus Gorse", "", nums(basic=10, lac=10, group=10), 30, None),  # row 19: 30
            ("Hal Hazel", "", nums(basic=10, cp=6), "TO BE CLOSED", None),  # row 20
        ],
        66,
    )  # row 21: 56 typed
    assert end == 20
    # Grid 3, rows 23-27: no name (a placeholder), no grade: clean.
    swindon_grid(
        sheet,
        22,
        [
            "Team:XX",
            None,
            None,
            None,
            None,
            "SW: XXX",
            None,
            "NQSW/Basic/Exp/HSp",
            None,
            None,
            "As at:XXX",
        ],
        [
            ("Ivy Iris", "", nums(basic=10, cp=10, court=5), None, None),  # row 26: 25
        ],
        None,
    )


def swindon_clean(doc):
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Weighting"
    swindon_grid(
        sheet,
        0,
        ["Team: East", None, None, None, None, "SW: Asha Patel"],
        [
            ("Amy Ash", "", [10, 6, None, None, None, None, 4, None, None], None, None),
            ("Bo Birch", "", [10, None, 10, 10, 10, 4, None, 5, None], None, None),
        ],
        None,
    )


def rbwm(doc):
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Appendix 1"
    put(sheet, 0, ["Appendix 1:  ALL CASES \u2013 CASELOAD WEIGHTING"])
    put(
        sheet,
        1,
        [
            "SOCIAL WORKER: Dana Hill",
            None,
            None,
            "TEAM: West",
            None,
            "DATE: 1 March",
            None,
            "Grade: NQSW",
        ],
    )
    put(sheet, 3, RBWM_HEADER)
    rows = [
        ["Brown family", 10, None, None, 10, None, None, None, None, None, None, None],  # 20
        ["Cleo Brown", None, 10, None, None, None, None, None, 20, None, 6, None],  # 36
        ["Dev Green", None, None, 6, None, 10, 8, None, None, 4, None, None],  # fostering 4
        ["Eli Green", None, None, 7, None, None, None, None, None, None, None, 5],  # CP 7
    ]
    for i, row in enumerate(rows):
        put(sheet, 4 + i, row + ["=SUM(B%d:L%d)" % (5 + i, 5 + i)])
    put(
        sheet,
        8,
        ["Total", None, None, None, None, None, None, None, None, None, None, None, "=SUM(M5:M8)"],
    )


def notts(doc):
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Erin"
    put(sheet, 0, ["Children\u2019s Social Care Case Workload Management"])
    put(sheet, 1, ["Name", "Erin Shaw"])
    put(sheet, 2, ["Team", "North"])
    put(sheet, 3, ["Hours worked per week", 22.2])
    put(sheet, 5, ["Personal Capacity"])
    put(sheet, 6, ["Element", None, None, None, "Points", "Equals\n(=)"])
    put(sheet, 7, ["1. NQSW", None, None, None, 10, "=E8"])
    put(sheet, 8, ["2."])
    put(sheet, 9, ["TOTAL", None, None, None, None, "=SUM(F8:F9)"])
    put(sheet, 11, ["Case Responsibility"])
    head = ["FAMILY", None, "Number of Children", "Times\n\n(X)", "Points", "Equals\n\n(=)"]
    # Green: 4 siblings, s47 with ICPC and an interpreter: 15 + 3 x 2 + 1 = 22.
    put(sheet, 12, head)
    sheet.getCellByPosition(1, 12).setString("Green")
    put(sheet, 13, ["1st child", None, 1, "X", 15, "=C14*E14"])
    put(sheet, 14, ["Other children", None, 3, "X", 2, "=C15*E15"])
    put(sheet, 15, ["Additional Points", "Interpreter", None, None, 1, "=E16"])
    put(sheet, 16, ["Additional Points"])
    put(sheet, 17, ["TOTAL", None, None, None, None, "=SUM(F14:F17)"])
    # White: first child 9 (no specific item scores 9), other child 5 with Equals typed 6,
    # additional 10 (more than any two items), TOTAL typed 30.
    put(sheet, 19, head)
    sheet.getCellByPosition(1, 19).setString("White")
    put(sheet, 20, ["1st child", None, 1, "X", 9, 9])
    put(sheet, 21, ["Other children", None, 1, "X", 5, 6])
    put(sheet, 22, ["Additional Points", None, None, None, 10, 10])
    put(sheet, 23, ["Additional Points"])
    put(sheet, 24, ["TOTAL", None, None, None, None, 30])
    put(sheet, 26, ["GRAND TOTAL", None, None, None, None, "=F10+F18+F25"])


def shopping_list(doc):
    sheet = doc.Sheets.getByIndex(0)
    put(sheet, 0, ["Item", "Quantity", "Price"])
    put(sheet, 1, ["Tea", 2, 3.5])
    put(sheet, 2, ["Total", None, "=B2*C2"])
