"""A large sheet of add-in formulas in formula groups, calculated with LibreOffice's threaded
calculation of formula groups switched on, gives the same results as with it switched off.

Calc keeps groups that call add-ins out of the threads, so the add-in is called one call at a
time; native groups that depend on the add-in's results (and that Calc does thread) are mixed
in. The setting (org.openoffice.Office.Calc/Formula/Calculation/
UseThreadedCalculationForFormulaGroups; LibreOffice 7.4 has no "UseThreadedCalculation") is
changed through the configuration provider of the test's own office.
"""

import os
import random
import shutil
import tempfile
import unittest

from common import OfficeTestCase, column_results, error_of

from caseweight.fods import Formula, write_fods
from caseweight.office import props

ROWS = 4000
ADDIN = "ORG.CASEWEIGHT.ADDIN."
CALCULATION = "/org.openoffice.Office.Calc/Formula/Calculation"
THREADED = "UseThreadedCalculationForFormulaGroups"

# (scheme, items, children): rows of every scheme, some invalid (Err:502 must match too).
ROW_KINDS = [
    ("SWINDON", ["CP", "", "", "", ""], 4),  # 54
    ("SWINDON", ["LAC", "COMPLEX", "COURT-ACTIVE", "", ""], 1),
    ("SWINDON", ["CIN", "ASSESSMENT", "", "", ""], 2),
    ("RBWM", ["CIC", "COMPLEX", "", "", ""], 2),  # 20
    ("NOTTS", ["S47-ICPC", "INTERPRETER", "", "", ""], 4),  # 22
    ("WARRINGTON", ["CIN", "NEW", "ASSESS-LOW", "", ""], 5),
    ("SWINDON", ["CIN", "COMPLEX", "", "", ""], 2),  # invalid: COMPLEX only with LAC or CP
    ("SWINDON", ["", "", "", "", ""], None),  # an empty template row: 0
]


def build(path):
    rng = random.Random(7)
    rows = [
        [
            "Scheme",
            "Children",
            "Item",
            "Item",
            "Item",
            "Item",
            "Item",
            "Points",
            "Check",
            "Double",
            "Band",
            "Running",
        ]
    ]
    for i in range(ROWS):
        r = i + 2
        scheme, items, children = ROW_KINDS[rng.randrange(len(ROW_KINDS))]
        rows.append(
            [scheme, children]
            + items
            + [
                Formula(
                    'of:=%sCASEPOINTS([.A{r}];[.C{r}:.G{r}];IF([.B{r}]="";"";[.B{r}]))' % ADDIN
                ),
                Formula('of:=%sCASECHECK([.A{r}];[.C{r}:.G{r}];IF([.B{r}]="";"";[.B{r}]))' % ADDIN),
                Formula("of:=IFERROR([.H{r}]*2+1;-1)"),  # a native group on the add-in's results
                Formula('of:=%sWORKLOADBAND("SWINDON";IFERROR([.H{r}];0)*10)' % ADDIN),
                Formula("of:=SUM([.J$2:.J{r}])"),
            ]
        )
        for c in range(7, 12):
            rows[-1][c] = Formula(rows[-1][c].format(r=r))
    write_fods(path, {"Rows": rows})


class ThreadedCalculation(OfficeTestCase):
    def set_threaded(self, on):
        provider = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx
        )
        update = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", props(nodepath=CALCULATION)
        )
        update.replaceByName(THREADED, on)
        update.commitChanges()
        read = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", props(nodepath=CALCULATION)
        )
        self.assertEqual(read.getByName(THREADED), on)

    def results(self):
        # a copy the office may write to (the error codes below)
        doc = self.office.load(self.office.copy_in(self.built))
        try:
            doc.calculateAll()
            sheet = doc.Sheets.getByIndex(0)
            data = sheet.getCellRangeByPosition(7, 1, 11, ROWS).getDataArray()
            # getError of each Points cell, read at once: a call per cell costs a millisecond.
            # Column M is empty and no formula reads it.
            errors = [
                error_of(result)
                for result in column_results(sheet, 7, ROWS, first_row=1, spare_column=12)
            ]
            return [tuple(row) for row in data], errors
        finally:
            doc.close(True)

    def test_threaded_equals_unthreaded(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        self.built = os.path.join(folder, "threaded.fods")
        build(self.built)
        self.set_threaded(True)
        self.office.restart()  # the setting as a user would have it, from the profile
        self.set_threaded(True)
        threaded, threaded_errors = self.results()
        self.set_threaded(False)
        serial, serial_errors = self.results()
        self.assertEqual(len(threaded), ROWS)
        self.assertEqual(threaded_errors, serial_errors)
        self.assertEqual(threaded, serial)

        # And the results are right, not only equal: spot checks of SPEC values.
        by_kind = {}
        for row, err in zip(threaded, threaded_errors):
            by_kind.setdefault(row[1] if err else row[0], row)
        self.assertIn(54.0, by_kind)  # SWINDON CP, 4 children
        self.assertIn(20.0, by_kind)  # RBWM CIC;COMPLEX, 2 children
        self.assertIn(22.0, by_kind)  # NOTTS S47-ICPC;INTERPRETER, 4 children
        self.assertIn(
            "SWINDON adds COMPLEX only to LAC or CP rows: add the case type, or remove " "COMPLEX.",
            by_kind,
        )
        self.assertIn(502, set(threaded_errors))
        points = [row[0] for row, err in zip(threaded, threaded_errors) if not err]
        self.assertEqual(
            threaded[-1][4], sum(2 * p + 1 for p in points) - sum(1 for e in threaded_errors if e)
        )


if __name__ == "__main__":
    unittest.main()
