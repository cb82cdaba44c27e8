"""Every sheet function in real headless Calc, against the numbers of the README's "Functions".

The expected values are written out here from the SPEC, independently of the engine's tables.
"""

import unittest

from common import (
    ERR_ILLEGAL_ARGUMENT,
    E,
    OfficeTestCase,
    T,
    V,
    case_failures,
    column_results,
    error_of,
    range_results,
    readme_signatures,
    set_formulas,
    shown_of,
    shown_results,
    store,
    write_cells,
)

CASES = [
    # SWINDON (3.1)
    ('=CASEPOINTS("SWINDON";"CP")', V(16)),
    ('=CASEPOINTS("SWINDON";"CP";2)', V(32)),
    ('=CASEPOINTS("SWINDON";"CP";4)', V(54)),  # sibling cap on the basic part: 30 + 24
    ('=CASEPOINTS("SWINDON";"CP";3)', V(48)),
    ('=CASEPOINTS("SWINDON";"LAC";2)', V(32)),
    ('=CASEPOINTS("SWINDON";"lac; complex";2)', V(40)),
    ('=CASEPOINTS("SWINDON";"CIN";3)', V(10)),
    ('=CASEPOINTS("SWINDON";"CIN";4)', V(20)),
    ('=CASEPOINTS("SWINDON";"CIN";7)', V(30)),
    ('=CASEPOINTS("SWINDON";"CP; COMPLEX; COURT-ACTIVE; TRAVEL-2H")', V(40)),
    ('=CASEPOINTS("SWINDON";"LAC;ASSESSMENT";2)', V(52)),
    ('=CASEPOINTS("SWINDON";"CIN,ASSESSMENT";2)', V(20)),
    ('=CASEPOINTS("SWINDON";"LAC;TASK;TASK")', V(26)),
    ('=CASEPOINTS("SWINDON";"GROUP")', V(10)),
    ('=CASEPOINTS("SWINDON";"CP";1;0.5)', V(8)),
    ('=CASEPOINTS("SWINDON";"CARE-MANAGED")', V(5)),
    ('=CASEPOINTS("SWINDON";"CARE-LEAVER")', V(10)),
    ('=CASEPOINTS("SWINDON";"FP-CHILD";2)', V(20)),
    ('=CASEPOINTS("SWINDON";"FP-CARER;FP-ASSESSMENT-COMPLEX")', V(20)),
    ('=CASEPOINTS("SWINDON";"CP;S47;PRE-PROCEEDINGS;COURT")', V(35)),
    ('=CASEPOINTS("SWINDON";"")', V(0)),
    ('=CASEPOINTS("swindon";"cp")', V(16)),
    ('=CASEPOINTS("SWINDON";"CP;LAC")', E),
    ('=CASEPOINTS("SWINDON";"CIN;COMPLEX")', E),
    ('=CASEPOINTS("SWINDON";"LAC;COURT;COURT-ACTIVE")', E),
    ('=CASEPOINTS("SWINDON";"LAC;TRAVEL-NEAR;TRAVEL-2H")', E),
    ('=CASEPOINTS("SWINDON";"S47")', E),
    ('=CASEPOINTS("SWINDON";"CP;CP")', E),
    ('=CASEPOINTS("SWINDON";"XYZ")', E),
    ('=CASEPOINTS("SWINDON";"S17-ASSESSMENT")', E),
    ('=WORKERPOINTS("SWINDON";"HIGHER-SPECIALIST")', V(50)),
    ('=WORKERPOINTS("SWINDON")', V(0)),
    ('=WORKLOADBAND("SWINDON";340)', T("Within band")),
    ('=WORKLOADBAND("SWINDON";351)', T("Above band")),
    ('=WORKLOADBAND("SWINDON";329)', T("Below band")),
    ('=WORKLOADBAND("SWINDON";300;"NQSW")', T("Within band")),
    ('=WORKLOADBAND("SWINDON";10;"NQSW")', T("Within band")),
    ('=WORKLOADBAND("SWINDON";301;"NQSW")', T("Above band")),
    ('=WORKLOADBAND("SWINDON";380;"HIGHER-SPECIALIST")', T("Within band")),
    ('=WORKLOADBAND("SWINDON";170;;0.5)', T("Within band")),
    ('=WORKLOADBAND("SWINDON";176;"EXPERIENCED";0.5)', T("Above band")),
    ('=WORKLOADBAND("SWINDON";340;"BOSS")', E),
    ('=WORKLOADCAPACITY("SWINDON";350)', V(1)),
    ('=WORKLOADCAPACITY("SWINDON";175;;0.5)', V(1)),
    ('=WORKLOADCAPACITY("SWINDON";150;"NQSW")', V(0.5)),
    # RBWM (3.2)
    ('=CASEPOINTS("RBWM";"CIC";2)', V(12)),
    ('=CASEPOINTS("RBWM";"CIC;COMPLEX";2)', V(20)),
    ('=CASEPOINTS("RBWM";"CP;SINGLE-ASSESSMENT";2)', V(32)),
    ('=CASEPOINTS("RBWM";"CIN;SINGLE-ASSESSMENT";3)', V(20)),
    ('=CASEPOINTS("RBWM";"FOSTER-CARER;COMPLEX")', V(10)),
    ('=CASEPOINTS("RBWM";"CIC;REPORT;REPORT")', V(26)),
    ('=CASEPOINTS("RBWM";"S47;TRAVEL-1-2H")', V(16)),
    ('=CASEPOINTS("RBWM";"CP;PRE-PROCEEDINGS;COURT;COURT-COMPLEX;FINAL-HEARING")', V(22)),
    ('=CASEPOINTS("Windsor and Maidenhead";"CARE-LEAVER")', V(6)),
    ('=CASEPOINTS("RBWM";"CIN;CP")', E),
    ('=CASEPOINTS("RBWM";"CIN;COMPLEX")', E),
    ('=CASEPOINTS("RBWM";"CIC;TRAVEL-NEAR;TRAVEL-2H")', E),
    ('=WORKLOADBAND("RBWM";240;"NQSW")', T("Within band")),
    ('=WORKLOADBAND("RBWM";251;"NQSW")', T("Above band")),
    ('=WORKLOADBAND("RBWM";219;"NQSW")', T("Below band")),
    ('=WORKLOADBAND("RBWM";400;"SENIOR")', T("Within band")),
    ('=WORKLOADCAPACITY("RBWM";175;"EXPERIENCED";0.5)', V(1)),
    # NOTTS (3.3), with the seed's worked example
    ('=CASEPOINTS("NOTTS";"S47-ICPC";4)', V(21)),
    ('=CASEPOINTS("NOTTS";"S47-ICPC;INTERPRETER";4)', V(22)),
    ('=CASEPOINTS("NOTTS";"S47-ICPC;INTERPRETER";4;0.5)', V(11)),
    ('=CASEPOINTS("Nottinghamshire";"S47-ICPC";4)', V(21)),
    ('=CASEPOINTS("NOTTS";"PF";3)', V(1)),
    ('=CASEPOINTS("NOTTS";"CLOSING";2)', V(1)),
    ('=CASEPOINTS("NOTTS";"LAC-NEW";2)', V(12)),
    ('=CASEPOINTS("NOTTS";"TC-LAC-NEW";3)', V(22)),
    ('=CASEPOINTS("NOTTS";"COURT-LAC-ASSESS;LEGAL-PLANNING;TRAVEL-4H";2)', V(29)),
    ('=CASEPOINTS("NOTTS";"S47;EPO;MAPPA;UASC")', E),
    ('=CASEPOINTS("NOTTS";"INTERPRETER")', E),
    ('=CASEPOINTS("NOTTS";"S47;CP-STABLE")', E),
    ('=CASEPOINTS("NOTTS";"CP")', E),
    ('=WORKERPOINTS("NOTTS";"NQSW;PQ";4)', V(19.5)),
    ('=WORKERPOINTS("NOTTS";"NQSW;PQ;ASYE-MENTOR")', E),
    ('=WORKERPOINTS("NOTTS";;-1)', E),
    ('=WORKLOADBAND("NOTTS";74)', T("Below sustainable")),
    ('=WORKLOADBAND("NOTTS";80)', T("Sustainable")),
    ('=WORKLOADBAND("NOTTS";95)', T("Sustainable")),
    ('=WORKLOADBAND("NOTTS";96)', T("Demanding")),
    ('=WORKLOADBAND("NOTTS";110)', T("Demanding")),
    ('=WORKLOADBAND("NOTTS";111)', T("High")),
    ('=WORKLOADBAND("NOTTS";57;;0.6)', T("Sustainable")),
    ('=WORKLOADBAND("NOTTS";58;;0.6)', T("Demanding")),
    ('=WORKLOADBAND("NOTTS";76;;0.8)', T("Sustainable")),
    ('=WORKLOADCAPACITY("NOTTS";95)', V(1)),
    ('=WORKLOADCAPACITY("NOTTS";47.5;;0.5)', V(1)),
    # WARRINGTON (3.4)
    ('=CASEPOINTS("WARRINGTON";"CP";2)', V(6)),
    ('=CASEPOINTS("WARRINGTON";"CIN";2)', V(2)),
    ('=CASEPOINTS("WARRINGTON";"CIN";3)', V(3)),
    ('=CASEPOINTS("WARRINGTON";"CIN";7)', V(4)),
    ('=CASEPOINTS("WARRINGTON";"CIN;NEW";3)', V(5)),
    ('=CASEPOINTS("WARRINGTON";"CP;NEW";2)', V(8)),
    ('=CASEPOINTS("WARRINGTON";"CP;TRANSFER")', V(5)),
    ('=CASEPOINTS("WARRINGTON";"CIN;TRANSFER";8)', V(7)),
    ('=CASEPOINTS("WARRINGTON";"CP;CLOSING";3)', V(3)),
    ('=CASEPOINTS("WARRINGTON";"CIN;CLOSING";5)', V(2)),
    ('=CASEPOINTS("WARRINGTON";"CIN;ASSESS-HIGH;ASSESS-HIGH";3)', V(6)),
    ('=CASEPOINTS("WARRINGTON";"CP;ASSESS-LOW;ASSESS-MEDIUM")', V(6)),
    ('=CASEPOINTS("WARRINGTON";"FOSTERING-HOUSEHOLD;TRAVEL-1H")', V(3)),
    ('=CASEPOINTS("WARRINGTON";"APPROVED-HOUSEHOLD")', V(3)),
    ('=CASEPOINTS("WARRINGTON";"CP;CLOSING;NEW")', ("value", 1.0)),  # SPEC 4b
    ('=CASEPOINTS("WARRINGTON";"NEW")', E),
    ('=WORKERPOINTS("WARRINGTON")', V(15)),
    ('=WORKERPOINTS("WARRINGTON";"PQ;ABE;ABE")', V(29)),
    ('=WORKERPOINTS("WARRINGTON";"PQ;PQ")', E),
    ('=WORKERPOINTS("WARRINGTON";;3)', E),
    ('=WORKLOADPOINTS("WARRINGTON";55)', V(75)),
    ('=WORKLOADPOINTS("WARRINGTON";55;29)', V(89)),
    ('=WORKLOADPOINTS("WARRINGTON";55;0)', V(75)),  # 0 = an empty cell: as left out
    ('=WORKLOADPOINTS("NOTTS";80;19.5)', V(99.5)),
    ('=WORKLOADPOINTS("SWINDON";300;50)', V(350)),
    ('=WORKLOADPOINTS("SWINDON";300)', V(300)),
    ('=WORKLOADBAND("WARRINGTON";100)', T("Within capacity")),
    ('=WORKLOADBAND("WARRINGTON";101)', T("Over capacity")),
    ('=WORKLOADBAND("WARRINGTON";60;"STUDENT")', T("Within capacity")),
    ('=WORKLOADBAND("WARRINGTON";61;"STUDENT")', T("Over capacity")),
    ('=WORKLOADBAND("WARRINGTON";51;;0.5)', T("Over capacity")),
    ('=WORKLOADCAPACITY("WARRINGTON";45;"ASYE")', V(0.5)),
    # ITEMLABEL and SCHEMEITEMS
    ('=LEN(ITEMLABEL("NOTTS";"s47-icpc"))>5', ("value", 1.0)),
    ('=ITEMLABEL("SWINDON";"XYZ")', E),
    ('=ITEMLABEL("SWINDON";6)', E),
    ('=ROWS(SCHEMEITEMS("NOTTS";"specific"))', V(33)),
    ('=ROWS(SCHEMEITEMS("NOTTS";"additional"))', V(29)),
    ('=INDEX(SCHEMEITEMS("SWINDON";"travel");2)', T("TRAVEL-1-2H")),
    ('=ROWS(SCHEMEITEMS("RBWM";"case"))', V(5)),
    ('=SCHEMEITEMS("RBWM";"nonsense")', E),
    # POINTSTEXT and BANDTEXT: points and bands in words, as the templates' headings state them
    ('=POINTSTEXT("SWINDON";"CP")', T("basic 10 + 6 per child (basic at most 30)")),
    (
        '=POINTSTEXT(SCHEMEAT("SWINDON";DATE(2026;11;1));"cp")',
        T("basic 10 + 6 per child (basic at most 30)"),
    ),
    ('=POINTSTEXT("SWINDON";"CP";"short")', T("6")),
    ('=POINTSTEXT("SWINDON";"LAC";"SHORT")', T("6")),
    ('=POINTSTEXT("SWINDON";"CIN")', T("10 a family (4-6 children 20, 7+ 30)")),
    ('=POINTSTEXT("SWINDON";"CIN";"short")', T("10 a family (4-6 children 20, 7+ 30)")),
    ('=POINTSTEXT("SWINDON";"ASSESSMENT")', T("10 (per child with LAC or CP)")),
    ('=POINTSTEXT("SWINDON";"TASK")', T("5 each time")),
    ('=POINTSTEXT("SWINDON";"TRAVEL-NEAR;TRAVEL-1-2H;TRAVEL-2H")', T("4, 6 or 10")),
    ('=POINTSTEXT("SWINDON";"COURT,COURT-ACTIVE";"short")', T("5 or 10")),
    ('=POINTSTEXT("NOTTS";"S47-ICPC")', T("15 first child, 2 each further child")),
    ('=POINTSTEXT("NOTTS";"PQ")', T("7.5")),
    ('=POINTSTEXT("RBWM";"COURT")', T("3")),
    ('=POINTSTEXT("RBWM";"REPORT")', T("10 per child each time")),
    ('=POINTSTEXT("WARRINGTON";"CIN")', T("2 a family (3-6 children 3, 7+ 4)")),
    ('=POINTSTEXT("SWINDON";"XYZ")', E),
    ('=POINTSTEXT("SWINDON";"S17-ASSESSMENT")', E),
    ('=POINTSTEXT("KENT";"CP")', E),
    ('=POINTSTEXT("SWINDON";"")', E),
    ('=POINTSTEXT("SWINDON";6)', E),
    ('=POINTSTEXT("SWINDON";"CP";"long")', E),
    ('=POINTSTEXT("SWINDON";"CP";2)', E),
    ('=BANDTEXT("SWINDON")', T("330 to 350 points")),
    ('=BANDTEXT("SWINDON";"NQSW")', T("up to 300 points")),
    ('=BANDTEXT("RBWM";"nqsw")', T("220 to 250 points")),
    ('=BANDTEXT(SCHEMEAT("RBWM";DATE(2026;11;1));"SENIOR")', T("350 to 400 points")),
    (
        '=BANDTEXT("SWINDON";"*")',
        T(
            "NQSW: up to 300 points; EXPERIENCED: 330 to 350 points; "
            "HIGHER-SPECIALIST: 350 to 400 points. Empty means EXPERIENCED."
        ),
    ),
    (
        '=BANDTEXT("WARRINGTON";"*")',
        T(
            "PRACTITIONER: up to 100 points; ASYE: up to 90 points; STUDENT: up to 60 points. "
            "Empty means PRACTITIONER."
        ),
    ),
    ('=BANDTEXT("NOTTS")', T("75 to 95 points")),
    ('=BANDTEXT("NOTTS";"*")', T("75 to 95 points")),
    ('=BANDTEXT("SWINDON";"BASIC")', E),
    ('=BANDTEXT("SWINDON";"BOSS")', E),
    ('=BANDTEXT("SWINDON";5)', E),
    ('=BANDTEXT("KENT")', E),
    # SCHEMETEXT: a text with the scheme files' markers, as the templates' headings are written
    (
        '=SCHEMETEXT("SWINDON";"Child protection {points:CP}")',
        T("Child protection basic 10 + 6 per child (basic at most 30)"),
    ),
    (
        '=SCHEMETEXT("SWINDON";"with COMPLEX +{short:COMPLEX}, {see note}")',
        T("with COMPLEX +4, {see note}"),
    ),
    (
        '=SCHEMETEXT("SWINDON";"Travel"&CHAR(10)&"{points:TRAVEL-NEAR TRAVEL-2H}")',
        T("Travel\n4 or 10"),
    ),
    (
        '=SCHEMETEXT(SCHEMEAT("RBWM";DATE(2026;11;1));"{short:COURT}; {band:NQSW}")',
        T("3; 220 to 250 points"),
    ),
    (
        '=SCHEMETEXT("NOTTS";"{most:additional} / {hours_points} / {full_time_hours}")',
        T("2 / 0.5 / 37"),
    ),
    ('=SCHEMETEXT("WARRINGTON";"1 per {one_point_per}")', T("1 per 10")),
    ('=SCHEMETEXT("SWINDON";"{point:CP}")', E),
    ('=SCHEMETEXT("SWINDON";"{points:XYZ}")', E),
    ('=SCHEMETEXT("SWINDON";"{hours_points}")', E),
    ('=SCHEMETEXT("KENT";"text")', E),
    # Bad input of every kind (README, "Functions": what a function gives for bad input)
    ('=CASEPOINTS("KENT";"CP")', E),
    ('=CASEPOINTS(5;"CP")', E),
    ('=CASEPOINTS("SWINDON";6)', E),
    ('=CASEPOINTS("SWINDON";"CP";"two")', E),
    ('=CASEPOINTS("SWINDON";"CP";"2")', E),
    ('=CASEPOINTS("SWINDON";"CP";0)', E),
    ('=CASEPOINTS("SWINDON";"CP";1.5)', E),
    ('=CASEPOINTS("SWINDON";"CP";-2)', E),
    ('=CASEPOINTS("SWINDON";"CP";1E+300)', E),
    ('=CASEPOINTS("SWINDON";"CP";1;0)', E),
    ('=CASEPOINTS("SWINDON";"CP";1;1.5)', E),
    ('=CASEPOINTS("SWINDON";"CP";1;"half")', E),
    ("=CASEPOINTS()", ("error", 504)),  # required arguments left out: Calc refuses
    ('=WORKLOADBAND("SWINDON";-1)', E),
    ('=WORKLOADBAND("SWINDON";"lots")', E),
    ('=WORKLOADBAND("SWINDON";340;;0)', E),
    ('=WORKLOADBAND("SWINDON";340;;1.2)', E),
    ('=WORKLOADBAND("SWINDON";1E+300)', T("Above band")),
    ('=WORKLOADCAPACITY("NOTTS";-5)', E),
    ('=WORKLOADPOINTS("SWINDON";-5)', E),
    ('=WORKLOADPOINTS("SWINDON";"ten")', E),
    ('=WORKLOADPOINTS("SWINDON";1E+308;1E+308)', E),
]


class FunctionsInCalc(OfficeTestCase):
    def test_every_function_matches_the_spec(self):
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        # no case reads a cell: column B is free for the error codes
        failures = case_failures(doc, sheet, CASES, spare_column=1)
        self.assertEqual(failures, [], "\n".join(failures))

    def test_ranges_empty_cells_and_totals(self):
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        # The cells written at once: a call per cell costs a millisecond.
        cells = {}

        def put(col, row, content):
            cells[col, row] = content

        # A weighting-sheet row: item codes over several cells, some empty.
        for col, code in enumerate(["CP", "", "COMPLEX", "", "TRAVEL-1-2H"]):
            put(col, 0, code)
        put(5, 0, 2)
        put(6, 0, '=CASEPOINTS("SWINDON";A1:E1;F1)')
        put(7, 0, '=CASECHECK("SWINDON";A1:E1;F1)')
        # An empty template row totals 0.
        put(6, 1, '=CASEPOINTS("SWINDON";A2:E2;F2)')
        # A bad row: the total of the sheet must show the error, not skip it.
        put(0, 2, "CP")
        put(1, 2, "LAC")
        put(5, 2, 1)
        put(6, 2, '=CASEPOINTS("SWINDON";A3:E3;F3)')
        put(7, 2, '=CASECHECK("SWINDON";A3:E3;F3)')
        put(6, 4, "=SUM(G1:G3)")
        put(6, 5, '=WORKLOADPOINTS("SWINDON";G1:G3)')
        put(6, 6, '=WORKLOADPOINTS("SWINDON";G1:G2)')
        # An error inside an input range: the result is an error too.
        put(0, 7, "=1/0")
        put(1, 7, "CP")
        put(6, 7, '=CASEPOINTS("SWINDON";A8:E8)')
        # Calc passes an empty Children cell as 0: an error on a row with items, saying so.
        put(0, 9, "CP")
        put(6, 9, '=CASEPOINTS("SWINDON";A10:E10;F10)')
        put(7, 9, '=CASECHECK("SWINDON";A10:E10;F10)')
        # ... unless the sheet passes an empty text for it, as the templates do.
        put(6, 10, '=CASEPOINTS("SWINDON";A10:E10;IF(F10="";"";F10))')
        # A range where a single value belongs.
        put(6, 8, '=CASEPOINTS("SWINDON";"CP";F1:F2)')
        put(7, 8, '=CASECHECK("SWINDON";"CP";F1:F2)')
        # POINTSTEXT of a column of code cells, empty cells ignored; of empty cells only.
        put(8, 0, "TRAVEL-NEAR")
        put(8, 2, "TRAVEL-1-2H; TRAVEL-2H")
        put(9, 0, '=POINTSTEXT("SWINDON";I1:I3)')
        put(9, 1, '=POINTSTEXT("SWINDON";I2)')
        put(9, 2, '=POINTSTEXT("SWINDON";I3;Z1)')
        put(9, 3, '=BANDTEXT("SWINDON";Z1)')
        put(9, 4, '=CASEREASON("POINTSTEXT";"RBWM";"LAC")')
        write_cells(sheet, cells, doc=doc)
        doc.calculateAll()
        # G1:J11 read at once (column K is empty and no formula reads it), but for the cells
        # no check reads; result(col, row) is cell_result(sheet.getCellByPosition(col, row)).
        read = {(6, 0), (7, 0), (6, 1), (6, 2), (7, 2), (6, 4), (6, 5), (6, 6), (6, 7), (6, 8)}
        read |= {(7, 8), (6, 9), (7, 9), (6, 10)} | {(9, r) for r in range(5)}
        got = range_results(
            sheet,
            sheet.getCellRangeByPosition(6, 0, 9, 10),
            spare_column=10,
            skip={(r, c - 6) for c in range(6, 10) for r in range(11) if (c, r) not in read},
        )

        def result(col, row):
            return got[row][col - 6]

        def shown(col, row):  # what the cell shows
            return shown_of(sheet, result(col, row), col, row)

        self.assertEqual(result(6, 0), ("value", 32 + 8 + 6))
        self.assertEqual(result(7, 0), ("text", "OK"))
        self.assertEqual(result(6, 1), ("value", 0))
        self.assertEqual(result(6, 2), ("error", ERR_ILLEGAL_ARGUMENT))
        reason = shown(7, 2)
        self.assertIn("case type", reason)
        self.assertTrue(reason.endswith("."), reason)
        self.assertNotEqual(error_of(result(6, 4)), 0, "SUM over a bad row must be an error")
        self.assertNotEqual(error_of(result(6, 5)), 0, "WORKLOADPOINTS over a bad row")
        self.assertEqual(result(6, 6), ("value", 46))
        self.assertNotEqual(error_of(result(6, 7)), 0, "an error cell among the items")
        self.assertEqual(result(6, 8), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("one cell", shown(7, 8))
        self.assertEqual(result(6, 9), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("an empty cell counts as 0", shown(7, 9))
        self.assertEqual(result(6, 10), ("value", 16))
        self.assertEqual(result(9, 0), ("text", "4, 6 or 10"))
        self.assertEqual(result(9, 1), ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(result(9, 2), ("text", "6 or 10"))
        self.assertEqual(result(9, 3), ("text", "330 to 350 points"))
        self.assertIn('"LAC" is a SWINDON code', shown(9, 4))

    def test_casecheck_explains_in_plain_english(self):
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        checks = [
            ('=CASECHECK("NOTTS";"S47;EPO;MAPPA;UASC")', ["NOTTS", "two", "3"]),
            ('=CASECHECK("SWINDON";"S17-ASSESSMENT")', ["NOTTS"]),
            ('=CASECHECK("SWINDON";"CP";"two")', ["Children", "number"]),
            ('=CASECHECK("SWINDON";"CP";1;1.5)', ["Share"]),
            ('=CASECHECK("KENT";"CP")', ["KENT", "scheme"]),
            ('=CASECHECK("SWINDON";"CP;COMPLEX";2)', ["OK"]),
        ]
        set_formulas(sheet, 0, [f for f, _ in checks], doc=doc)
        doc.calculateAll()
        shown = shown_results(sheet, 0, len(checks))
        for (formula, words), (_, text) in zip(checks, shown):
            for w in words:
                self.assertIn(w, text, formula)

    def test_saved_formulas_keep_working(self):
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        formulas = [f for f, _ in CASES]
        set_formulas(sheet, 0, formulas, doc=doc)
        doc.calculateAll()
        # no formula reads a cell: column B is free for the error codes
        before = column_results(sheet, 0, len(formulas), spare_column=1)
        for ext, filt in ((".ods", "calc8"), (".fods", "OpenDocument Spreadsheet Flat XML")):
            path = self.office.doc_path("saved" + ext)
            store(doc, path, filt)
            reopened = self.load(path)
            reopened.calculateAll()
            rsheet = reopened.Sheets.getByIndex(0)
            after = column_results(rsheet, 0, len(formulas), spare_column=1)
            self.assertEqual(before, after, ext)
            self.assertIn(
                "ORG.CASEWEIGHT.ADDIN.CASEPOINTS",
                rsheet.getCellByPosition(0, 0).getFormula().upper(),
            )
        with open(self.office.doc_path("saved.fods"), encoding="utf-8") as f:
            self.assertIn("of:=ORG.CASEWEIGHT.ADDIN.CASEPOINTS(", f.read())

    def test_function_wizard_descriptions(self):
        descs = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", self.office.ctx
        )
        found = {}
        for i in range(descs.getCount()):
            props = {p.Name: p.Value for p in descs.getByIndex(i)}
            found[props["Name"]] = props
        expected_args = {
            "CASEPOINTS": ["Scheme", "Items", "Children", "Share"],
            "CASECHECK": ["Scheme", "Items", "Children", "Share"],
            "WORKERPOINTS": ["Scheme", "Items", "Hours"],
            "WORKLOADPOINTS": ["Scheme", "CasePoints", "WorkerPoints"],
            "WORKLOADBAND": ["Scheme", "Points", "Grade", "FTE"],
            "WORKLOADCAPACITY": ["Scheme", "Points", "Grade", "FTE"],
            "ITEMLABEL": ["Scheme", "Code"],
            "SCHEMEITEMS": ["Scheme", "Group"],
            "POINTSTEXT": ["Scheme", "Codes", "Form"],
            "BANDTEXT": ["Scheme", "Grade"],
        }
        # Required and optional as the README's headings write them ([Optional]) and as the
        # table's texts say ("Optional. ..."): Calc takes it from the IDL's parameter types.
        headings = readme_signatures()
        self.assertGreater(len(headings), 25)
        for name, args in headings:
            self.assertIn(name, found)
            want = [a.startswith("[") for a in args]
            got = [a.IsOptional for a in found[name]["Arguments"]]
            self.assertEqual(got, want, name + ": optional arguments in the Function Wizard")
            said = [a.Description.startswith("Optional.") for a in found[name]["Arguments"]]
            self.assertEqual(said, want, name + ": descriptions of the optional arguments")
        for name, args in expected_args.items():
            self.assertIn(name, found)
            self.assertGreater(len(found[name]["Description"]), 20, name)
            got = [a.Name for a in found[name]["Arguments"]]
            self.assertEqual(got, args, name)
            for a in found[name]["Arguments"]:
                self.assertGreater(len(a.Description), 10, name + " " + a.Name)


if __name__ == "__main__":
    unittest.main()
