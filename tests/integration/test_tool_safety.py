"""The command-line tools on bad input, on outputs that would overwrite their input, when
stopped, and what they leave behind: run as subprocesses, as a user runs them.

Every tool says why in one line on stderr and exits with status 2 when it cannot do what it
was asked, never with a traceback; it never writes over its input (the same path, a symbolic
or hard link, also one made while it runs); it refuses bombs before an office opens them; it
leaves nothing in the temporary folder; SIGINT / SIGTERM in any phase stops it with status
130 / 143 and one line. A phase is reached by watching for the process or the file that marks
it, never by waiting a fixed time.
"""

import contextlib
import hashlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import textwrap
import time
import unittest
import zipfile
import zlib
from unittest import mock

import audit_sheets
from common import (
    FILTERS,
    OXT,
    SHARED_OFFICE,
    SOURCE_DIR,
    Office,
    OfficeTestCase,
    own_office_env,
    processes_with,
    store,
)
from caseweight.fods import Formula, write_fods
from caseweight.office import props

PYTHON = "/usr/bin/python3"
TOOLS = os.path.join(SOURCE_DIR, "tools")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def png_bytes():
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def write_odt(path, text):
    """A text document (ODT), written directly: only Calc is installed here."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content %s office:version="1.3"><office:body>'
            "<office:text><text:p>%s</text:p></office:text></office:body>"
            "</office:document-content>" % (ns, text),
        )
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0" manifest:version="1.3"><manifest:file-entry '
            'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
            'opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>',
        )


def open_sockets():
    """How many sockets this process holds open."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            count += os.readlink("/proc/self/fd/" + fd).startswith("socket:")
    return count


class ToolSafety(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-tool-test-")
        os.chmod(cls.tmp, 0o755)  # the office user works in folders made here
        cls.addClassCleanup(subprocess.run, ["rm", "-rf", cls.tmp])
        office = cls.office
        f = {}

        def save(doc, name, filt, **kw):
            out = office.doc_path(name)
            doc.storeToURL("file://" + out, props(FilterName=filt, Overwrite=True, **kw))
            path = os.path.join(cls.tmp, name)
            with open(out, "rb") as src, open(path, "wb") as dst:
                dst.write(src.read())
            return path

        doc = office.new_calc()
        try:
            sh = doc.Sheets.getByIndex(0)
            sh.Name = "Caseload"
            for r, (name, items, check) in enumerate(
                [("Case", "Items", "Check"), ("Elm", "CP", None), ("Oak", "LAC", None)]
            ):
                sh.getCellByPosition(0, r).setString(name)
                sh.getCellByPosition(1, r).setString(items)
                if check:
                    sh.getCellByPosition(2, r).setString(check)
                else:
                    sh.getCellByPosition(2, r).setFormula('=CASECHECK("SWINDON";B%d)' % (r + 1))
                    sh.getCellByPosition(3, r).setFormula('=CASEPOINTS("SWINDON";B%d)' % (r + 1))
            doc.calculateAll()
            f["good"] = save(doc, "good.ods", "calc8")
            f["password"] = save(doc, "password.ods", "calc8", Password="secret")
        finally:
            doc.close(True)
        doc = office.new_calc()
        try:
            sh = doc.Sheets.getByIndex(0)
            sh.getCellByPosition(0, 0).setString("Case")
            sh.getCellByPosition(0, 1).setString("Vaughan")
            sh.getCellByPosition(1, 1).setFormula('=CASEPOINTS("SWINDON";"CIN;COMPLEX")')
            sh.getCellByPosition(0, 2).setString("Total")
            sh.getCellByPosition(1, 2).setFormula("=SUM(B2:B2)")
            doc.calculateAll()
            f["errors"] = save(doc, "errors-no-check.ods", "calc8")
        finally:
            doc.close(True)
        doc = office.new_calc()
        try:
            sh = doc.Sheets.getByIndex(0)
            sh.getCellByPosition(0, 0).setFormula('=CASEPOINTS("SWINDON";"CP")')
            sh.protect("secret")
            f["locked-sheet"] = save(doc, "locked-sheet.ods", "calc8")
        finally:
            doc.close(True)
        doc = office.new_calc()
        try:
            # Calc builds every cell of a whole-sheet range for an add-in: stored, not run here.
            doc.enableAutomaticCalculation(False)
            sh = doc.Sheets.getByIndex(0)
            sh.getCellByPosition(0, 0).setString("CP")
            sh.getCellByPosition(0, 2).setFormula('=CASEPOINTS("SWINDON";B:AMJ)')
            f["whole-sheet"] = save(doc, "whole-sheet.ods", "calc8")
        finally:
            doc.close(True)
        f["odt"] = os.path.join(cls.tmp, "renamed-text.ods")
        write_odt(f["odt"], "Minutes of the team meeting")
        with open(f["good"], "rb") as g:
            good = g.read()

        def write(name, data):
            path = os.path.join(cls.tmp, name)
            with open(path, "wb") as out:
                out.write(data)
            return path

        f["truncated"] = write("truncated.ods", good[: len(good) // 2])
        f["random"] = write("random.ods", os.urandom(4096))
        f["png"] = write("picture.ods", png_bytes())
        f["zero"] = write("zero.ods", b"")
        f["csv"] = write("plain.csv", b"Case,Points\nElm,20\nOak,16\n")
        f["txt"] = write("notes.txt", b"nothing to score here\n")
        corrupt = os.path.join(cls.tmp, "corrupt-content.ods")
        with zipfile.ZipFile(f["good"]) as zin, zipfile.ZipFile(corrupt, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "content.xml":
                    data = data[: len(data) // 3] + b"<<<not xml"
                zout.writestr(info, data)
        f["corrupt"] = corrupt
        f["dir"] = os.path.join(cls.tmp, "a-folder.ods")
        os.mkdir(f["dir"])
        cls.files = f

    def run_tool(self, tool, *args, env=None, timeout=300):
        """Runs the tool as a command; on this class's office (tool_env) unless env says
        otherwise: a test of its own office (its start, its memory limit, what it leaves
        behind) passes an environment without it."""
        r = subprocess.run(
            [PYTHON, os.path.join(TOOLS, tool)] + list(args) + ["--oxt", OXT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            timeout=timeout,
            env=self.tool_env() if env is None else env,
        )
        return r.returncode, r.stdout, r.stderr

    def assertRefused(self, result, what, status=2):
        code, out, err = result
        self.assertEqual(code, status, "%s: %s %s" % (what, out, err))
        self.assertNotIn("Traceback", err, what)
        # the roll-up's progress lines ("scored 1/3 files ...") come before its reason
        lines = [x for x in err.strip().splitlines() if not x.startswith("scored ")]
        self.assertEqual(len(lines), 1, "%s: one line on stderr, got %r" % (what, err))
        self.assertTrue(lines[0].startswith("caseweight-"), (what, lines))

    # -- unreadable or empty input ---------------------------------------------------------

    BAD = ("truncated", "random", "png", "odt", "txt", "password", "corrupt", "dir", "zero", "csv")

    def test_score_unreadable_or_empty_input_exits_2(self):
        for key in self.BAD:
            with self.subTest(key):
                result = self.run_tool("caseweight-score", self.files[key])
                self.assertRefused(result, key)
                self.assertNotIn("Every case row follows the scheme", result[1], key)

    def test_score_error_cells_without_check_column_are_problems(self):
        code, out, err = self.run_tool("caseweight-score", self.files["errors"])
        self.assertEqual(code, 1, out + err)
        self.assertNotIn("Every case row follows the scheme", out)
        self.assertIn("Sheet1, row 2 (Vaughan): B2 shows Err:502.", out)
        self.assertIn("Sheet1, row 3 (Total): B3 shows Err:502.", out)

    def test_a_whole_sheet_formula_ends_the_office_not_the_machine(self):
        # Calculated when the tool recalculates (saved by Calc), or already while the file
        # is opened (written by another program): both say what happened, not "damaged".
        flat = os.path.join(self.tmp, "whole-sheet.fods")
        write_fods(
            flat,
            {
                "Sheet1": [
                    ["CP"],
                    [None],
                    [Formula('of:=ORG.CASEWEIGHT.ADDIN.CASEPOINTS("SWINDON";[.B:.AMJ])')],
                ]
            },
        )
        # the tool's own office (not this class's), whose limit of 1 GB is reached in seconds
        env = dict(os.environ, CASEWEIGHT_OFFICE_MEMORY_GB="1")
        for path, doing in ((self.files["whole-sheet"], "working on"), (flat, "opening")):
            with self.subTest(os.path.basename(path)):
                start = time.monotonic()
                result = self.run_tool("caseweight-score", path, env=env)
                self.assertRefused(result, "whole-sheet")
                self.assertIn("ran out of the memory it may use (1 GB) while %s" % doing, result[2])
                self.assertIn("CASEWEIGHT_OFFICE_MEMORY_GB=N allows N GB", result[2])
                self.assertIn("whole columns or the whole sheet", result[2])
                self.assertLess(time.monotonic() - start, 280)  # a guard, not a timing assertion

    def test_score_names_every_error_cell_with_the_text_it_shows(self):
        # Read in blocks (a scratch sheet of ERRORTYPE formulas), not cell by cell: every
        # row, every kind of error, two blocks, a sheet name with a quote, and the scratch
        # sheet gone again (it would be scored as a sheet of its own).
        addin = "of:=ORG.CASEWEIGHT.ADDIN."
        kinds = [
            ("of:=1/0", "#DIV/0!"),
            ("of:=NOSUCHFUNCTION(1)", "#NAME?"),
            ("of:=NA()", "#N/A"),
            ('of:=1+"x"', "#VALUE!"),
            (addin + 'CASEPOINTS("SWINDON";"CIN;COMPLEX")', "Err:502"),
        ]
        rows = [["Case", "Items", "Points", "Note", "Other"]]
        for i in range(1500):
            formula, _ = kinds[i % len(kinds)]
            rows.append(["Family %d" % (i + 1), "CP", Formula(formula), "fine", Formula(formula)])
        path = os.path.join(self.tmp, "every-row-an-error.fods")
        write_fods(path, {"Mrs O'Brien": rows, "Other": [["x", Formula("of:=1/0")]]})
        code, out, err = self.run_tool("caseweight-score", path)
        self.assertEqual((code, err), (1, ""), out)
        lines = out.splitlines()
        for i in range(1500):
            _, shown = kinds[i % len(kinds)]
            want = "  Mrs O'Brien, row %d (Family %d): C%d shows %s, E%d shows %s." % (
                i + 2,
                i + 1,
                i + 2,
                shown,
                i + 2,
                shown,
            )
            self.assertEqual(lines[lines.index("Rows to check:") + 1 + i], want)
        self.assertEqual(lines[-1], "  Other, row 1 (x): B1 shows #DIV/0!.")
        self.assertEqual(len(lines), lines.index("Rows to check:") + 1 + 1500 + 1)

    def test_a_wrong_memory_limit_is_said_in_one_line(self):
        env = dict(os.environ, CASEWEIGHT_OFFICE_MEMORY_GB="lots")
        result = self.run_tool("caseweight-score", self.files["good"], env=env)
        self.assertRefused(result, "memory limit")
        self.assertIn("CASEWEIGHT_OFFICE_MEMORY_GB must be a number of GB from 0.5", result[2])

    def test_score_good_sheet(self):
        code, out, err = self.run_tool("caseweight-score", self.files["good"])
        self.assertEqual((code, err), (0, ""), out)
        self.assertIn("Every case row follows the scheme.", out)

    def test_share_unreadable_or_empty_input_exits_2_and_leaves_the_output_alone(self):
        out = os.path.join(self.tmp, "existing-copy.ods")
        with open(out, "wb") as f:
            f.write(b"the copy shared last month")
        before = sha256(out)
        for key in ("truncated", "png", "odt", "password", "zero", "dir"):
            with self.subTest(key):
                self.assertRefused(self.run_tool("caseweight-share", self.files[key], out), key)
                self.assertEqual(sha256(out), before, key)
        self.assertEqual([n for n in os.listdir(self.tmp) if n.endswith(".part")], [])

    # -- outputs that are the input --------------------------------------------------------

    def links_to(self, path, name):
        """A symbolic link and a hard link to path, in a folder of their own."""
        folder = tempfile.mkdtemp(prefix=name, dir=self.tmp)
        sym, hard = os.path.join(folder, "sym.ods"), os.path.join(folder, "hard.ods")
        os.symlink(path, sym)
        os.link(path, hard)
        return sym, hard

    def test_share_a_sheet_protected_with_a_password_says_so(self):
        out = os.path.join(self.tmp, "locked-copy.ods")
        result = self.run_tool("caseweight-share", self.files["locked-sheet"], out)
        self.assertRefused(result, "locked sheet")
        self.assertIn("protected with a password", result[2])
        self.assertFalse(os.path.exists(out))

    def test_share_refuses_to_overwrite_its_input(self):
        src = os.path.join(self.tmp, "team.ods")
        with open(self.files["good"], "rb") as f, open(src, "wb") as g:
            g.write(f.read())
        before = sha256(src)
        sym, hard = self.links_to(src, "share-")
        relative = os.path.relpath(src)
        for name, out in (
            ("same path", src),
            ("relative path", relative),
            ("symbolic link", sym),
            ("hard link", hard),
        ):
            with self.subTest(name):
                self.assertRefused(self.run_tool("caseweight-share", src, out), name)
                self.assertEqual(sha256(src), before, name)
        # the input a link to the output
        self.assertRefused(self.run_tool("caseweight-share", sym, src), "input is a link")
        self.assertEqual(sha256(src), before)
        self.assertTrue(os.path.islink(sym))

    def test_audit_fix_refuses_to_overwrite_its_input(self):
        src = os.path.join(self.tmp, "audited.ods")
        with open(self.files["good"], "rb") as f, open(src, "wb") as g:
            g.write(f.read())
        before = sha256(src)
        sym, hard = self.links_to(src, "audit-")
        for name, args in (
            ("symbolic link", (src, "--fix", sym)),
            ("hard link", (src, "--fix", hard)),
            ("input a link to the output", (sym, "--fix", src)),
            (
                "through a linked folder",
                (src, "--fix", os.path.join(os.path.dirname(sym), "..", os.path.basename(src))),
            ),
        ):
            with self.subTest(name):
                self.assertRefused(self.run_tool("caseweight-audit", *args), name)
                self.assertEqual(sha256(src), before, name)

    def test_audit_fix_into_a_folder_that_cannot_be_written(self):
        src = self.files["good"]
        for name, out in (
            ("missing folder", os.path.join(self.tmp, "no-such", "fixed.ods")),
            ("a file as folder", os.path.join(src, "fixed.ods")),
            ("read-only folder", "/proc/caseweight-fixed.ods"),
        ):
            with self.subTest(name):
                self.assertRefused(self.run_tool("caseweight-audit", src, "--fix", out), name)
                self.assertFalse(os.path.exists(out), name)

    # -- what a run leaves behind, and stopping it -----------------------------------------

    def fresh_tmpdir(self, fresh=True):
        """A new temporary folder d and the environment of a run whose office is made there
        (TMPDIR=d): from nothing (fresh: every phase of the start comes), or from the tests'
        cached profile (a test of a later phase, or of what a run leaves behind)."""
        d = tempfile.mkdtemp(prefix="tmpdir-", dir=self.tmp)
        os.chmod(d, 0o1777)
        if fresh:
            return d, own_office_env(TMPDIR=d)
        env = dict(os.environ, TMPDIR=d)
        env.pop(SHARED_OFFICE, None)
        return d, env

    def test_an_office_let_go_leaves_no_connection_running(self):
        # A tool on a shared office only connects to it; a connection still running when the
        # tool's process exits crashed that process (SIGSEGV after its work was written).
        code = textwrap.dedent(
            """
            import uno
            from caseweight.office import Office

            local = uno.getComponentContext()
            bridges = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.BridgeFactory", local
            )
            office = Office()
            office.start()
            answers = office.desktop.getComponents() is not None
            print(office.attached, answers, len(bridges.getExistingBridges()))
            office.close()
            print(len(bridges.getExistingBridges()))
            """
        )
        p = subprocess.run(
            [PYTHON, "-c", code], env=self.tool_env(), capture_output=True, text=True, timeout=120
        )
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split(), ["True", "True", "1", "0"])
        self.assertIsNotNone(self.office.desktop.getComponents(), "the shared office goes on")

    def test_an_office_attached_in_its_owners_process_shares_its_connection(self):
        # A second connection from one process to one office hands back the objects the first
        # already holds, ends itself as unused, and now and then did so during its first call
        # (a test that made a county of sheets on its own office).
        port = self.office.port
        before = open_sockets()
        with mock.patch.dict(os.environ, {SHARED_OFFICE: str(port)}):
            for _ in range(3):
                with Office(oxt=OXT) as attached:
                    self.assertTrue(attached.attached)
                    self.assertIsNotNone(attached.desktop.getComponents())
                    self.assertEqual(open_sockets(), before, "no second connection")
        self.assertIsNotNone(self.office.desktop.getComponents(), "the office goes on")

    def test_runs_leave_nothing_in_the_temporary_folder(self):
        d, env = self.fresh_tmpdir(fresh=False)
        code, out, err = self.run_tool("caseweight-score", self.files["good"], env=env)
        self.assertEqual(code, 0, err)
        copy = os.path.join(self.tmp, "left-behind-copy.ods")
        code, out, err = self.run_tool("caseweight-share", self.files["good"], copy, env=env)
        self.assertEqual(code, 0, err)
        self.assertEqual(os.listdir(d), [])

    def start_in(self, d, env, tool, *args):
        """tool with the environment of fresh_tmpdir (its office's folders are made in d:
        the phases can be seen)."""
        return subprocess.Popen(
            [PYTHON, os.path.join(TOOLS, tool)] + list(args) + ["--oxt", OXT],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_for(self, proc, reached, what):
        """Returns once reached() is true; fails if the run ends first."""
        deadline = time.monotonic() + 120
        while not reached():
            if proc.poll() is not None:
                self.fail("the run ended before %s: %s" % (what, proc.stderr.read()))
            self.assertLess(time.monotonic(), deadline, "%s not reached" % what)
            time.sleep(0.005)

    def assertLeftNothing(self, d):
        # the office's processes are killed before the tool exits; wait until the system
        # has reaped them rather than for a fixed time
        deadline = time.monotonic() + 30
        while processes_with(d) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(processes_with(d), [])
        self.assertEqual(os.listdir(d), [])

    def stop_at(self, signum, tool, args, phase, reached, fresh=True):
        """Sends signum to a run of tool the moment reached(d) says it is in `phase`; the run
        must exit 128 + signum with one line and leave no process and no file behind. fresh:
        the office starts from nothing (a phase of its start), else from the cached profile."""
        d, env = self.fresh_tmpdir(fresh)
        proc = self.start_in(d, env, tool, *args)
        try:
            self.wait_for(proc, lambda: reached(d), phase)
            proc.send_signal(signum)
            out, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        what = "%s, %s in phase %s" % (tool, signal.Signals(signum).name, phase)
        self.assertRefused((proc.returncode, out, err), what, status=128 + signum)
        word = "interrupted" if signum == signal.SIGINT else "stopped by SIGTERM"
        self.assertTrue(err.strip().endswith(": " + word), (what, err))
        self.assertLeftNothing(d)

    @staticmethod
    def process(marker):
        return lambda d: any(marker in cmd for cmd in processes_with(d))

    @staticmethod
    def written(name):
        """A file of that name in the office's folders: the office is storing the output."""
        return lambda d: any(name in files for _, _, files in os.walk(d))

    def test_a_signal_in_each_phase_of_the_start_stops_the_run_cleanly(self):
        for signum in (signal.SIGTERM, signal.SIGINT):
            for phase in ("--terminate_after_init", "unopkg", "--accept"):
                with self.subTest(signal=signum, phase=phase):
                    self.stop_at(
                        signum,
                        "caseweight-score",
                        [self.files["good"]],
                        phase,
                        self.process(phase),
                    )

    def test_a_signal_while_the_output_is_written_stops_the_run_cleanly(self):
        root = tempfile.mkdtemp(prefix="rollup-root-", dir=self.tmp)
        os.mkdir(os.path.join(root, "Team A"))
        shutil.copyfile(
            os.path.join(SOURCE_DIR, "samples", "swindon-team.fods"),
            os.path.join(root, "Team A", "team.fods"),
        )
        for signum in (signal.SIGINT, signal.SIGTERM):
            out = os.path.join(self.tmp, "stopped-rollup.ods")
            with self.subTest("caseweight-rollup", signal=signum):
                self.stop_at(
                    signum,
                    "caseweight-rollup",
                    [root, out, "--jobs", "1"],
                    "writing",
                    self.written("rollup.ods"),
                    fresh=False,
                )
            copy = os.path.join(self.tmp, "stopped-copy.ods")
            with self.subTest("caseweight-share", signal=signum):
                self.stop_at(
                    signum,
                    "caseweight-share",
                    [self.files["good"], copy],
                    "writing",
                    self.written("caseweight-share-copy.ods"),
                    fresh=False,
                )
            parts = [n for n in os.listdir(self.tmp) if n.endswith(".part")]
            self.assertEqual(parts, [])

    # -- an output made a link to the input while the tool runs ----------------------------

    def link_while_running(self, tool, args, link, target):
        """Runs tool and makes `link` a symbolic link to `target` once its office runs: after
        the tool checked its paths, before it can have written anything (the office has yet
        to open the input)."""
        d, env = self.fresh_tmpdir(fresh=False)
        proc = self.start_in(d, env, tool, *args)
        try:
            self.wait_for(proc, lambda: self.process("--accept")(d), "the office started")
            os.symlink(target, link)
            out, err = proc.communicate(timeout=240)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertLeftNothing(d)
        return proc.returncode, out, err

    def test_an_output_linked_to_the_input_meanwhile_is_refused_when_writing(self):
        src = os.path.join(self.tmp, "victim.ods")
        shutil.copyfile(self.files["good"], src)
        before = sha256(src)
        folder = tempfile.mkdtemp(prefix="late-link-", dir=self.tmp)
        out = os.path.join(folder, "out.ods")
        result = self.link_while_running("caseweight-share", [src, out], out, src)
        self.assertRefused(result, "share")
        self.assertIn(
            "cannot write %s: it is now the same file as the input %s" % (out, src), result[2]
        )
        self.assertEqual(sha256(src), before)
        self.assertTrue(os.path.islink(out))

        # a hand-made sheet the audit recognises
        doc = self.office.new_calc()
        try:
            audit_sheets.notts(doc)
            stored = self.office.doc_path("hand-made.ods")
            store(doc, stored, FILTERS[".ods"])
        finally:
            doc.close(True)
        hand = os.path.join(self.tmp, "hand-made.ods")
        shutil.copyfile(stored, hand)
        hand_before = sha256(hand)
        fixed = os.path.join(folder, "fixed.ods")
        result = self.link_while_running("caseweight-audit", [hand, "--fix", fixed], fixed, hand)
        code, out, err = result
        self.assertEqual(code, 2, out + err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertIn("same file as the input %s" % hand, err)
        self.assertEqual(sha256(hand), hand_before)

        root = tempfile.mkdtemp(prefix="rollup-root-", dir=self.tmp)
        team = os.path.join(root, "team.ods")
        shutil.copyfile(self.files["good"], team)
        rolled = os.path.join(folder, "rollup.ods")
        history = os.path.join(folder, "history.ods")  # so that the output is not read first
        result = self.link_while_running(
            "caseweight-rollup", [root, rolled, "--jobs", "1", "--history", history], rolled, team
        )
        self.assertRefused(result, "rollup")
        self.assertIn("same file as the input %s" % team, result[2])
        self.assertEqual(sha256(team), before)

    # -- inputs refused before an office spends time on them -------------------------------

    def test_bombs_and_dangling_links_are_refused_with_what_they_are(self):
        ns = (
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s>'
            "<office:body><office:spreadsheet><table:table>"
            '<table:table-row table:number-rows-repeated="1000000">'
            '<table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="1000"/></table:table-row>'
            "</table:table></office:spreadsheet></office:body></office:document-content>" % ns
        )
        repeat = os.path.join(self.tmp, "repeat-bomb.ods")
        with zipfile.ZipFile(self.files["good"]) as zin, zipfile.ZipFile(repeat, "w") as zout:
            for info in zin.infolist():
                data = body if info.filename == "content.xml" else zin.read(info.filename)
                zout.writestr(info, data)
        flat = os.path.join(self.tmp, "repeat-bomb.fods")
        with open(flat, "w") as f:
            f.write(body)
        zipped = os.path.join(self.tmp, "zip-bomb.ods")
        with zipfile.ZipFile(self.files["good"]) as zin, zipfile.ZipFile(
            zipped, "w", zipfile.ZIP_DEFLATED
        ) as zout:
            for info in zin.infolist():
                zout.writestr(info, zin.read(info.filename))
            with zout.open("Thumbnails/big.png", "w") as big:
                for _ in range(64):
                    big.write(bytes(1 << 20))
        dangling = os.path.join(self.tmp, "moved.ods")
        os.symlink("no-longer-here.ods", dangling)
        for path, want in (
            (repeat, "more than 20,000,000 filled cells"),
            (flat, "more than 20,000,000 filled cells"),
            (zipped, "Thumbnails/big.png unpacks"),
            (dangling, "is a link to no-longer-here.ods, which does not exist"),
        ):
            for tool, args in (
                ("caseweight-score", [path]),
                ("caseweight-share", [path, os.path.join(self.tmp, "bomb-copy.ods")]),
            ):
                with self.subTest(tool, file=os.path.basename(path)):
                    result = self.run_tool(tool, *args)
                    self.assertRefused(result, path)
                    self.assertIn(want, result[2])
                    # refused before any office: without the extension the reason is the same
                    r = subprocess.run(
                        [PYTHON, os.path.join(TOOLS, tool)] + args + ["--oxt", "/no/such.oxt"],
                        capture_output=True,
                        text=True,
                        timeout=60,
                    )
                    self.assertRefused((r.returncode, r.stdout, r.stderr), path)
                    self.assertIn(want, r.stderr)


# The slowest tests run from their own files, test_tool_signals.py and test_tool_limits.py,
# each in its own process beside this one (ctest -j): one file would be the suite's long pole.
SIGNALS = (
    "test_a_signal_in_each_phase_of_the_start_stops_the_run_cleanly",
    "test_a_signal_while_the_output_is_written_stops_the_run_cleanly",
    "test_runs_leave_nothing_in_the_temporary_folder",
)
LIMITS = (
    "test_a_whole_sheet_formula_ends_the_office_not_the_machine",
    "test_bombs_and_dangling_links_are_refused_with_what_they_are",
    "test_score_names_every_error_cell_with_the_text_it_shows",
    "test_a_wrong_memory_limit_is_said_in_one_line",
)


def suite_of(names):
    return unittest.TestSuite(ToolSafety(name) for name in names)


def load_tests(loader, tests, pattern):
    rest = loader.getTestCaseNames(ToolSafety)
    return suite_of([n for n in rest if n not in SIGNALS + LIMITS])


if __name__ == "__main__":
    unittest.main()
