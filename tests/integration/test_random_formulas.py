"""A few thousand random add-in formulas in real headless Calc: random schemes, codes,
numbers, texts, empty and error cells, ranges, left-out arguments.

Calc must survive (the process is alive and answers afterwards), every formula cell must be a
finite number, a text or an error (never #NAME?: the functions must be known), and CASECHECK
must say "OK" exactly where CASEPOINTS with the same arguments gives a number.

The seed is fixed (CASEWEIGHT_RANDOM_SEED overrides it) and printed, so a failure can be
replayed.
"""

import math
import os
import random
import shutil
import sys
import tempfile
import unittest

from common import ERR_NAME, OfficeTestCase, range_results

from caseweight.fods import Error, Formula, col, write_fods

SEED = int(os.environ.get("CASEWEIGHT_RANDOM_SEED", "20240606"))
FORMULAS = 3000
ADDIN = "ORG.CASEWEIGHT.ADDIN."
DATA_ROWS, DATA_COLS = 60, 8  # the sheet "Data" of random input cells

SCHEMES = [
    "SWINDON",
    "RBWM",
    "NOTTS",
    "WARRINGTON",
    "swindon",
    " Notts ",
    "NOTTINGHAMSHIRE",
    "Windsor and Maidenhead",
    "KENT",
    "",
    "1",
]
CODES = [
    "CP",
    "LAC",
    "CIN",
    "COMPLEX",
    "COURT",
    "COURT-ACTIVE",
    "ASSESSMENT",
    "TASK",
    "GROUP",
    "CIC",
    "CARE-LEAVER",
    "FOSTER-CARER",
    "REPORT",
    "S47",
    "S47-ICPC",
    "INTERPRETER",
    "EPO",
    "AIMS",
    "CLOSING",
    "NEW",
    "TRANSFER",
    "ASSESS-LOW",
    "TRAVEL-1H",
    "HIGHER-SPECIALIST",
    "PQ",
    "NQSW",
    "ABE",
    "cp",
    " lac ",
    "XYZ",
    "CP;COMPLEX",
    "CIN,ASSESSMENT",
    "S47-ICPC;INTERPRETER",
    "CP;CP",
    "LAC;TASK;TASK",
    ";;",
    "é",
    "CP; COURT-ACTIVE; TRAVEL-2H",
]
GRADES = [
    "NQSW",
    "EXPERIENCED",
    "HIGHER-SPECIALIST",
    "SENIOR",
    "PRACTITIONER",
    "ASYE",
    "STUDENT",
    "BOSS",
    "",
]
GROUPS = ["case", "modifier", "specific", "additional", "worker", "travel", "children", "x"]
NUMBERS = [0, 1, 2, 3, 4, 7, 100, 101, 0.5, 1.5, -1, 2.5, 350, 1e308, -1e308, 1e-300, 744, 745]


def quote(text):
    return '"%s"' % text.replace('"', '""')


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def data_cell(self):
        r = self.rng.random()
        if r < 0.15:
            return None
        if r < 0.2:
            return Error()
        if r < 0.5:
            return self.rng.choice(NUMBERS)
        if r < 0.6:
            return self.rng.choice(SCHEMES + GRADES + GROUPS)
        return self.rng.choice(CODES)

    def ref(self):
        return "[.%s%d]" % (col(self.rng.randrange(DATA_COLS)), 1 + self.rng.randrange(DATA_ROWS))

    def data_ref(self):
        return "[$Data.%s%d]" % (
            col(self.rng.randrange(DATA_COLS)),
            1 + self.rng.randrange(DATA_ROWS),
        )

    def data_range(self):
        c, r = self.rng.randrange(DATA_COLS - 1), 1 + self.rng.randrange(DATA_ROWS - 5)
        return "[$Data.%s%d:.%s%d]" % (
            col(c),
            r,
            col(c + self.rng.randint(0, 2)),
            r + self.rng.randint(0, 4),
        )

    def literal(self, pool):
        return quote(self.rng.choice(pool))

    def number(self):
        x = self.rng.choice(NUMBERS)
        return (
            repr(float(x)).replace("e+", "E+").replace("e-", "E-")
            if isinstance(x, float)
            else str(x)
        )

    def arg(self, preferred):
        """An argument: usually of the kind the function expects, sometimes anything."""
        r = self.rng.random()
        if r < 0.8:
            return preferred()
        choices = [
            lambda: "",
            lambda: self.literal(CODES),
            self.number,
            self.data_ref,
            self.data_range,
            lambda: "1/0",
            lambda: "NA()",
            lambda: "TRUE()",
            lambda: self.literal(SCHEMES),
            lambda: '""',
        ]
        return self.rng.choice(choices)()

    def scheme(self):
        return self.arg(
            lambda: self.literal(SCHEMES[:4]) if self.rng.random() < 0.85 else self.data_ref()
        )

    def items(self):
        return self.arg(
            lambda: self.rng.choice([lambda: self.literal(CODES), self.data_range, self.data_ref])()
        )

    def num_arg(self):
        return self.arg(
            lambda: self.rng.choice(
                [self.number, self.data_ref, lambda: "", lambda: self.rng.choice(["1", "2", "0.5"])]
            )()
        )

    def case_args(self):
        args = [self.scheme(), self.items(), self.num_arg(), self.num_arg()]
        return args[: self.rng.choice([2, 3, 4, 4])]

    def call(self):
        """(formula, formula of CASECHECK with the same arguments or None)."""
        g = self.rng
        fn = g.choice(
            [
                "CASEPOINTS",
                "CASEPOINTS",
                "CASEPOINTS",
                "WORKERPOINTS",
                "WORKLOADPOINTS",
                "WORKLOADBAND",
                "WORKLOADCAPACITY",
                "ITEMLABEL",
                "SCHEMEITEMS",
            ]
        )
        if fn == "CASEPOINTS":
            args = self.case_args()
            return (self.formula(fn, args), self.formula("CASECHECK", args))
        if fn == "WORKERPOINTS":
            args = [self.scheme(), self.items(), self.num_arg()]
        elif fn == "WORKLOADPOINTS":
            args = [self.scheme(), self.arg(self.data_range), self.num_arg()]
        elif fn in ("WORKLOADBAND", "WORKLOADCAPACITY"):
            args = [
                self.scheme(),
                self.num_arg(),
                self.arg(lambda: self.literal(GRADES)),
                self.num_arg(),
            ]
        elif fn == "ITEMLABEL":
            args = [self.scheme(), self.arg(lambda: self.literal(CODES))]
        else:
            args = [self.scheme(), self.arg(lambda: self.literal(GROUPS))]
        return (self.formula(fn, args[: g.randint(1, len(args))]), None)

    @staticmethod
    def formula(fn, args):
        return Formula("of:=%s%s(%s)" % (ADDIN, fn, ";".join(args)))


def build(path, seed):
    gen = Generator(seed)
    data = [[gen.data_cell() for _ in range(DATA_COLS)] for _ in range(DATA_ROWS)]
    rows, pairs = [], 0
    while len(rows) < FORMULAS:
        f, check = gen.call()
        rows.append([f, check])
        pairs += check is not None
    write_fods(path, {"Formulas": rows, "Data": data})
    return pairs


class RandomFormulas(OfficeTestCase):
    def test_random_formulas(self):
        print(
            "random formulas: seed %d (set CASEWEIGHT_RANDOM_SEED to replay)" % SEED,
            file=sys.stderr,
        )
        # Built outside and copied in, so the office may write to it (the error codes below).
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        pairs = build(os.path.join(folder, "random.fods"), SEED)
        self.assertGreater(pairs, FORMULAS // 5)
        doc = self.load(self.office.copy_in(os.path.join(folder, "random.fods")))
        doc.calculateAll()

        # Calc is alive and answers.
        self.assertIsNone(self.office.proc.poll(), "soffice died during the recalculation")
        probe = self.new_doc()
        probe.Sheets.getByIndex(0).getCellByPosition(0, 0).setFormula("=6*7")
        probe.calculateAll()
        self.assertEqual(probe.Sheets.getByIndex(0).getCellByPosition(0, 0).getValue(), 42)

        sheet = doc.Sheets.getByName("Formulas")
        # The two columns read at once: a call per cell costs a millisecond. Column E is empty
        # and no formula reads it. A cell without a formula has none to check.
        cells = sheet.getCellRangeByPosition(0, 0, 1, FORMULAS - 1)
        formulas = cells.getFormulaArray()
        empty = {(r, c) for r, row in enumerate(formulas) for c, f in enumerate(row) if not f}
        got = range_results(sheet, cells, spare_column=4, skip=empty)
        kinds = {"value": 0, "text": 0, "error": 0}
        mismatches = []
        compared = {True: 0, False: 0}  # CASECHECK "OK" / a sentence
        for r in range(FORMULAS):
            results = []
            for c in range(2):
                if (r, c) in empty:
                    results.append(None)
                    continue
                kind, value = got[r][c]
                if kind == "error":
                    self.assertNotEqual(value, ERR_NAME, "unknown function: %s" % formulas[r][c])
                elif kind == "value":
                    self.assertTrue(math.isfinite(value), formulas[r][c])
                results.append((kind, value))
                kinds[kind] += 1
            points, check = results
            if check is None:
                continue
            # CASECHECK gives a text unless an argument is itself an error (Calc then shows it).
            if check[0] == "text":
                compared[check[1] == "OK"] += 1
                if (check[1] == "OK") != (points[0] == "value"):
                    mismatches.append((r + 1, formulas[r][0], points, check))
        self.assertEqual(mismatches[:5], [], "CASECHECK and CASEPOINTS disagree")
        self.assertGreater(compared[True], 20, compared)
        self.assertGreater(compared[False], 20, compared)
        # The generator reaches every kind of result (or the test would check little).
        for kind, n in kinds.items():
            self.assertGreater(n, FORMULAS // 20, "too few %s results: %r" % (kind, kinds))
        print(
            "random formulas: %r; CASECHECK OK / not OK: %d / %d"
            % (kinds, compared[True], compared[False]),
            file=sys.stderr,
        )


if __name__ == "__main__":
    unittest.main()
