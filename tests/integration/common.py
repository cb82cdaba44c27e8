"""Shared set-up for the integration tests: the built .oxt and the office harness."""

import contextlib
import os
import re
import subprocess
import time
import unittest

from caseweight.fods import cells_of
from caseweight.office import FILTERS, SHARED_OFFICE, Office, store  # noqa: F401

SOURCE_DIR = os.environ.get("CASEWEIGHT_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..")
)


def readme_signatures():
    """[(NAME, [argument, ...])] of the README's "### NAME(Arg; [Optional] ...)" headings, in
    order; an optional argument keeps its brackets."""
    with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
        text = f.read()
    return [
        (name, [a.strip() for a in args.split(";")])
        for name, args in re.findall(r"^### ([A-Z]+)\(([^)]*)\)", text, re.M)
    ]


OXT = os.environ.get("CASEWEIGHT_OXT") or os.path.join(SOURCE_DIR, "build", "caseweight.oxt")

ERR_ILLEGAL_ARGUMENT = 502  # Err:502, what the add-in raises for invalid input
ERR_NAME = 525  # #NAME?: function unknown to this office


class OfficeTestCase(unittest.TestCase):
    """One headless office per test class, stopped even when set-up or a test fails."""

    install_extension = True

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(OXT):
            raise unittest.SkipTest("build the .oxt first: " + OXT)
        cls.office = Office(oxt=OXT if cls.install_extension else None)
        cls.addClassCleanup(cls.office.close)
        cls.office.start()

    def tool_env(self, **extra):
        """The environment for a tool run whose subject is its logic: the tool uses this
        class's office instead of starting its own (tests of the command itself, its exit on
        a signal or what it leaves behind, start their own)."""
        return dict(os.environ, **{SHARED_OFFICE: str(self.office.port)}, **extra)

    def tool(self, name, *args, timeout=300):
        """Runs tools/NAME ARGS --oxt OXT on this class's office (tool_env()); the finished
        process, its output as text."""
        return subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", name)]
            + list(args)
            + ["--oxt", OXT],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.tool_env(),
        )

    def new_doc(self):
        doc = self.office.new_calc()
        self.addCleanup(doc.close, True)
        return doc

    def load(self, path):
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        return doc


def named_value(name, value):
    """A com.sun.star.beans.NamedValue: the arguments of a job (the menu component's)."""
    import uno

    v = uno.createUnoStruct("com.sun.star.beans.NamedValue")
    v.Name, v.Value = name, value
    return v


def run_menu(office, command, **args):
    """What the menu component's job (org.caseweight.Menu) returns for command, run in office
    with the named arguments (Folder=..., Document=...)."""
    menu = office.ctx.ServiceManager.createInstanceWithContext("org.caseweight.Menu", office.ctx)
    values = [named_value("Command", command)] + [named_value(k, v) for k, v in args.items()]
    return menu.execute(tuple(values))


def own_office_env(**extra):
    """The environment for a tool run that must start its own office from nothing (a test of
    its start-up phases): no shared office, no cached profile."""
    env = dict(os.environ, **extra)
    env.pop(SHARED_OFFICE, None)
    env.pop("CASEWEIGHT_PROFILE_CACHE", None)
    return env


def template_urls(office):
    """{file: url} of the .ots in the template paths the extension registered."""
    smgr = office.ctx.ServiceManager
    paths = smgr.createInstanceWithContext("com.sun.star.util.PathSettings", office.ctx)
    sfa = smgr.createInstanceWithContext("com.sun.star.ucb.SimpleFileAccess", office.ctx)
    found = {}
    for base in paths.Template_internal:
        folder = base.rstrip("/") + "/Caseweight"
        if sfa.exists(folder):
            for url in sfa.getFolderContents(folder, False):
                name = url.rsplit("/", 1)[-1]
                if name.endswith(".ots"):
                    found[name[:-4]] = url
    return found


def processes_with(marker, excluding=None):
    """The command lines of the running processes that name `marker` (a run's own folder),
    leaving out those that name `excluding`."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmd and not (excluding and excluding in cmd):
            found.append(cmd)
    return found


def processes_left(marker, excluding=None, timeout=30):
    """The processes naming `marker` still running once they have had `timeout` seconds to
    end (a stopped tool's office is killed, but its processes take a moment to go)."""
    deadline = time.monotonic() + timeout
    while True:
        left = processes_with(marker, excluding)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


@contextlib.contextmanager
def calculation_off(doc):
    """Automatic calculation of doc (when not None) off in the block, as it was after it.

    setFormulaArray and setDataArray fit the heights of their rows to what the cells show,
    which calculates each formula of the rows there and then: for a test that recalculates
    once everything is entered, that is each formula calculated twice."""
    was = doc is not None and doc.isAutomaticCalculationEnabled()
    if was:
        doc.enableAutomaticCalculation(False)
    try:
        yield
    finally:
        if was:
            doc.enableAutomaticCalculation(True)


def set_formulas(sheet, column, formulas, first_row=0, doc=None):
    """Enters formulas, written as setFormula takes them, down column from first_row. With
    doc, the sheet's document, they are calculated only when the caller recalculates (see
    calculation_off)."""
    formulas = tuple((f,) for f in formulas)
    if formulas:
        # one call for the column: a setFormula per cell costs a millisecond for its cell
        last = first_row + len(formulas) - 1
        with calculation_off(doc):
            rng = sheet.getCellRangeByPosition(column, first_row, column, last)
            rng.setFormulaArray(formulas)


def write_cells(sheet, cells, doc=None):
    """Fills cells of sheet in one call: cells is {(column, row): a formula (a text starting
    with "="), another text or a number}, each entered as setFormula, setString or setValue
    enters it ("" leaves the cell empty); the other cells of the smallest range holding them
    are left empty. doc: as set_formulas takes it."""
    cols = [c for c, _ in cells]
    rows = [r for _, r in cells]
    left, top = min(cols), min(rows)

    def written(v):  # as setFormulaArray reads it: "'" keeps a text a text
        if isinstance(v, str):
            return v if v.startswith("=") or not v else "'" + v
        return repr(float(v))

    content = tuple(
        tuple(written(cells[c, r]) if (c, r) in cells else "" for c in range(left, max(cols) + 1))
        for r in range(top, max(rows) + 1)
    )
    with calculation_off(doc):
        sheet.getCellRangeByPosition(left, top, max(cols), max(rows)).setFormulaArray(content)


def cell_result(cell):
    """('error', code) or ('value', number) or ('text', string) of a formula cell."""
    err = cell.getError()
    if err:
        return ("error", err)
    if cell.FormulaResultType2 == 2:  # com.sun.star.sheet.FormulaResult.STRING
        return ("text", cell.getString())
    return ("value", cell.getValue())


FORMULA_RESULTS = 1 | 2 | 4  # com.sun.star.sheet.FormulaResult VALUE, STRING, ERROR
CELL_FLAGS_FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA


def range_results(sheet, rng, spare_column=None, skip=()):
    """[[cell_result(cell) for each cell of a row] for each row] of rng, a range of sheet, in a
    few calls for the whole range: a call per cell costs a millisecond.

    A formula cell's value or text comes from getDataArray (a text result reads there as
    getString shows it, unless a number format adds words to texts), an error leaves None
    there. The error codes come from ERRORTYPE formulas (the code getError gives) put for a
    moment in the first rows of spare_column, a column of sheet that is empty and that no
    formula reads; without one (sheet may then be None), from each error cell. A cell
    without a formula is read with cell_result; one whose (row, column) in rng is in skip is
    not read: None."""
    data = rng.getDataArray()
    at = rng.getRangeAddress()
    formula_cells = {
        (r - at.StartRow, c - at.StartColumn)
        for c, r in cells_of(rng.queryFormulaCells(FORMULA_RESULTS).RangeAddresses)
    }
    results, errors = [], []
    for r, row in enumerate(data):
        out = []
        for c, v in enumerate(row):
            if (r, c) in skip:
                out.append(None)
            elif (r, c) not in formula_cells:
                out.append(cell_result(rng.getCellByPosition(c, r)))
            elif v is None:
                out.append(None)
                errors.append((r, c))
            elif isinstance(v, str):
                out.append(("text", v))
            else:
                out.append(("value", v))
        results.append(out)
    codes = [None] * len(errors)
    if spare_column is not None and len(errors) > 1:
        from caseweight.fods import col

        spare = sheet.getCellRangeByPosition(spare_column, 0, spare_column, len(errors) - 1)
        spare.setFormulaArray(
            tuple(
                ("=ERRORTYPE(%s%d)" % (col(at.StartColumn + c), at.StartRow + r + 1),)
                for r, c in errors
            )
        )
        codes = [row[0] for row in spare.getDataArray()]
        spare.clearContents(CELL_FLAGS_FORMULA)
    for (r, c), code in zip(errors, codes):
        if not isinstance(code, float):
            code = rng.getCellByPosition(c, r).getError()
        results[r][c] = ("error", int(code))
    return results


def column_results(sheet, column, count, first_row=0, spare_column=None):
    """[cell_result(cell) for each of count cells down column from first_row], as
    range_results reads them."""
    if not count:
        return []
    rng = sheet.getCellRangeByPosition(column, first_row, column, first_row + count - 1)
    return [row[0] for row in range_results(sheet, rng, spare_column)]


def error_of(result):
    """What getError gives for the cell of this cell_result."""
    return result[1] if result[0] == "error" else 0


def shown_of(sheet, result, column, row):
    """What the cell of sheet at (column, row), of this cell_result, shows: a text its text
    (no number format of the cell may add words to texts); any other is read from the cell."""
    if result[0] == "text":
        return result[1]
    return sheet.getCellByPosition(column, row).getString()


def shown_results(sheet, column, count, first_row=0, spare_column=None, rows=None):
    """[(cell_result(cell), cell.getString()) for each of count cells down column from
    first_row], as column_results reads them. A text result shows its text (no number format
    of these cells may add words to texts); what any other cell shows is read from the cell,
    in the rows (0 the first) of `rows` only when given, None in the others."""
    return [
        (
            result,
            (
                shown_of(sheet, result, column, first_row + r)
                if rows is None or r in rows or result[0] == "text"
                else None
            ),
        )
        for r, result in enumerate(column_results(sheet, column, count, first_row, spare_column))
    ]


# Expected results of (formula, expected) cases, written out from the SPEC in each test.
E = ("error", ERR_ILLEGAL_ARGUMENT)


def V(x):
    return ("value", float(x))


def T(s):
    return ("text", s)


def case_failures(
    doc, sheet, cases, close=lambda got, want: abs(got - want) < 1e-9, spare_column=None
):
    """Enters each formula in column A, recalculates, and lists every result that differs
    from what is expected (numbers: as `close` says). spare_column: as range_results takes
    it."""
    set_formulas(sheet, 0, [f for f, _ in cases], doc=doc)
    doc.calculateAll()
    failures = []
    results = column_results(sheet, 0, len(cases), spare_column=spare_column)
    for (formula, expected), got in zip(cases, results):
        if got[0] == "value" and expected[0] == "value":
            ok = close(got[1], expected[1])
        else:
            ok = got == expected
        if not ok:
            failures.append("%s: expected %r, got %r" % (formula, expected, got))
    return failures
