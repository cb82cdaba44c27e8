"""Shared set-up for the integration tests: the built .oxt and the office harness."""

import os
import re
import subprocess
import time
import unittest

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


def set_formulas(sheet, column, formulas, first_row=0):
    for i, f in enumerate(formulas):
        sheet.getCellByPosition(column, first_row + i).setFormula(f)


def cell_result(cell):
    """('error', code) or ('value', number) or ('text', string) of a formula cell."""
    err = cell.getError()
    if err:
        return ("error", err)
    if cell.FormulaResultType2 == 2:  # com.sun.star.sheet.FormulaResult.STRING
        return ("text", cell.getString())
    return ("value", cell.getValue())


# Expected results of (formula, expected) cases, written out from the SPEC in each test.
E = ("error", ERR_ILLEGAL_ARGUMENT)


def V(x):
    return ("value", float(x))


def T(s):
    return ("text", s)


def case_failures(doc, sheet, cases, close=lambda got, want: abs(got - want) < 1e-9):
    """Enters each formula in column A, recalculates, and lists every result that differs
    from what is expected (numbers: as `close` says)."""
    set_formulas(sheet, 0, [f for f, _ in cases])
    doc.calculateAll()
    failures = []
    for row, (formula, expected) in enumerate(cases):
        got = cell_result(sheet.getCellByPosition(0, row))
        if got[0] == "value" and expected[0] == "value":
            ok = close(got[1], expected[1])
        else:
            ok = got == expected
        if not ok:
            failures.append("%s: expected %r, got %r" % (formula, expected, got))
    return failures
