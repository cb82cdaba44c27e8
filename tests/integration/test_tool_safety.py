"""The command-line tools on bad input, on outputs that would overwrite their input, when
stopped, and what they leave behind: run as subprocesses, as a user runs them.

Every tool says why in one line on stderr and exits with status 2 when it cannot do what it
was asked, never with a traceback; it never writes over its input (the same path, a symbolic
or hard link); it leaves nothing in the temporary folder; SIGTERM stops it with status 143.
"""

import hashlib
import os
import signal
import struct
import subprocess
import tempfile
import time
import unittest
import zipfile
import zlib

from common import OXT, SOURCE_DIR, OfficeTestCase, own_office_env, processes_with
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
        r = subprocess.run(
            [PYTHON, os.path.join(TOOLS, tool)] + list(args) + ["--oxt", OXT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            timeout=timeout,
            env=env,
        )
        return r.returncode, r.stdout, r.stderr

    def assertRefused(self, result, what, status=2):
        code, out, err = result
        self.assertEqual(code, status, "%s: %s %s" % (what, out, err))
        self.assertNotIn("Traceback", err, what)
        lines = err.strip().splitlines()
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
        env = dict(os.environ, CASEWEIGHT_OFFICE_MEMORY_GB="4")
        start = time.monotonic()
        result = self.run_tool("caseweight-score", self.files["whole-sheet"], env=env)
        self.assertRefused(result, "whole-sheet")
        self.assertIn("whole columns or the whole sheet", result[2])
        self.assertIn("(4 GB)", result[2])
        self.assertLess(time.monotonic() - start, 280)  # a guard, not a timing assertion

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

    def fresh_tmpdir(self):
        d = tempfile.mkdtemp(prefix="tmpdir-", dir=self.tmp)
        os.chmod(d, 0o1777)
        env = own_office_env(TMPDIR=d)
        return d, env

    def test_runs_leave_nothing_in_the_temporary_folder(self):
        d, env = self.fresh_tmpdir()
        code, out, err = self.run_tool("caseweight-score", self.files["good"], env=env)
        self.assertEqual(code, 0, err)
        copy = os.path.join(self.tmp, "left-behind-copy.ods")
        code, out, err = self.run_tool("caseweight-share", self.files["good"], copy, env=env)
        self.assertEqual(code, 0, err)
        self.assertEqual(os.listdir(d), [])

    def stop_when_started(self, phase):
        """Sends SIGTERM to a scoring run the moment a process of `phase` appears (the
        profile set-up, unopkg, or the office itself: the signal lands inside the start)."""
        d, env = self.fresh_tmpdir()
        proc = subprocess.Popen(
            [PYTHON, os.path.join(TOOLS, "caseweight-score"), self.files["good"], "--oxt", OXT],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.time() + 120
            while not any(phase in cmd for cmd in processes_with(d)) and time.time() < deadline:
                if proc.poll() is not None:
                    self.fail("the run ended before it could be stopped")
                time.sleep(0.01)
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertEqual(proc.returncode, 143, err)
        self.assertNotIn("Traceback", err)
        time.sleep(0.5)
        self.assertEqual(processes_with(d), [])
        self.assertEqual(os.listdir(d), [])

    def test_sigterm_stops_the_office_and_cleans_up(self):
        for phase in ("--terminate_after_init", "unopkg", "--accept"):
            with self.subTest(phase=phase):
                self.stop_when_started(phase)


if __name__ == "__main__":
    unittest.main()
