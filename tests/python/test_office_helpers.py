"""caseweight.office's helpers for the tools, without starting an office: whether two paths
name one file, what an input or an output folder lacks, the office's memory limit, one-line
reasons, the tools' exit statuses and the settings of a new profile."""

import contextlib
import io
import os
import signal
import tempfile
import unittest
from unittest import mock

from caseweight import office
from caseweight.office import ToolError
from tempdir import TempDir

GB = 1 << 30


class SameFile(TempDir):
    def test_a_file_is_itself(self):
        a = self.write("a.ods")
        self.assertTrue(office.same_file(a, a))
        self.assertTrue(office.same_file(a, os.path.join(self.dir, ".", "a.ods")))

    def test_two_files_with_the_same_content(self):
        a = self.write("a.ods")
        b = self.write("b.ods")
        self.assertFalse(office.same_file(a, b))

    def test_hard_link(self):
        a = self.write("a.ods")
        os.link(a, self.path("b.ods"))
        self.assertTrue(office.same_file(a, self.path("b.ods")))
        self.assertTrue(office.same_file(self.path("b.ods"), a))

    def test_symbolic_link(self):
        a = self.write("a.ods")
        os.symlink(a, self.path("link.ods"))
        self.assertTrue(office.same_file(self.path("link.ods"), a))
        self.assertTrue(office.same_file(a, self.path("link.ods")))

    def test_a_link_to_the_folder(self):
        os.mkdir(self.path("real"))
        a = self.write(os.path.join("real", "a.ods"))
        os.symlink(self.path("real"), self.path("alias"))
        self.assertTrue(office.same_file(a, self.path("alias", "a.ods")))

    def test_an_output_not_written_yet(self):
        a = self.write("a.ods")
        self.assertFalse(office.same_file(a, self.path("out.ods")))
        # two names of one path that does not exist yet
        os.mkdir(self.path("real"))
        os.symlink(self.path("real"), self.path("alias"))
        self.assertTrue(
            office.same_file(self.path("real", "out.ods"), self.path("alias", "out.ods"))
        )
        self.assertTrue(office.same_file(self.path("out.ods"), self.path("real", "..", "out.ods")))
        self.assertFalse(office.same_file(self.path("real", "out.ods"), self.path("out.ods")))

    def test_a_dangling_link_to_the_input_path(self):
        # out.ods is a link to a.ods, which is not there yet: writing out.ods writes a.ods
        os.symlink(self.path("a.ods"), self.path("out.ods"))
        self.assertTrue(office.same_file(self.path("a.ods"), self.path("out.ods")))


class CheckInput(TempDir):
    def test_a_readable_file(self):
        self.assertIsNone(office.check_input(self.write("a.ods"), "nothing to score"))

    def test_missing(self):
        path = self.path("missing.ods")
        with self.assertRaises(ToolError) as e:
            office.check_input(path, "nothing to score")
        self.assertEqual(str(e.exception), "no such file: " + path)

    def test_folder(self):
        with self.assertRaises(ToolError) as e:
            office.check_input(self.dir, "nothing to score")
        self.assertEqual(str(e.exception), "%s is not a file" % self.dir)

    def test_unreadable(self):
        if os.geteuid() == 0:
            self.skipTest("root reads every file")
        path = self.write("a.ods")
        os.chmod(path, 0)
        with self.assertRaises(ToolError) as e:
            office.check_input(path, "nothing to score")
        self.assertEqual(str(e.exception), "%s cannot be read (permission denied)" % path)

    def test_empty(self):
        path = self.write("a.ods", b"")
        with self.assertRaises(ToolError) as e:
            office.check_input(path, "there is nothing to audit")
        self.assertEqual(str(e.exception), "%s is empty: there is nothing to audit" % path)

    def test_a_link_to_a_missing_file(self):
        os.symlink(self.path("gone.ods"), self.path("link.ods"))
        with self.assertRaises(ToolError) as e:
            office.check_input(self.path("link.ods"), "nothing to score")
        self.assertEqual(
            str(e.exception),
            "%s is a link to %s, which does not exist"
            % (self.path("link.ods"), self.path("gone.ods")),
        )


class CheckWritableFolder(TempDir):
    def test_writable(self):
        self.assertIsNone(office.check_writable_folder(self.path("out.ods")))
        self.assertIsNone(office.check_writable_folder(self.write("old.ods")))

    def test_relative_path_in_the_current_folder(self):
        cwd = os.getcwd()
        self.addCleanup(os.chdir, cwd)
        os.chdir(self.dir)
        self.assertIsNone(office.check_writable_folder("out.ods"))

    def test_missing_folder(self):
        path = self.path("no", "such", "out.ods")
        self.assertEqual(
            office.check_writable_folder(path),
            "the folder %s does not exist" % self.path("no", "such"),
        )

    def test_a_link_into_a_missing_folder(self):
        os.symlink(self.path("gone", "out.ods"), self.path("link.ods"))
        self.assertEqual(
            office.check_writable_folder(self.path("link.ods")),
            "the folder %s does not exist" % self.path("gone"),
        )

    def test_a_folder_in_the_way(self):
        os.mkdir(self.path("out.ods"))
        self.assertEqual(
            office.check_writable_folder(self.path("out.ods")),
            "%s is a folder" % self.path("out.ods"),
        )

    def test_not_writable(self):
        if os.geteuid() == 0:
            self.skipTest("root writes in every folder")
        os.mkdir(self.path("ro"))
        os.chmod(self.path("ro"), 0o555)
        self.addCleanup(os.chmod, self.path("ro"), 0o755)
        self.assertEqual(
            office.check_writable_folder(self.path("ro", "out.ods")),
            "the folder %s is not writable" % self.path("ro"),
        )


class MemoryLimit(unittest.TestCase):
    def limit(self, value):
        with mock.patch.dict(os.environ, {"CASEWEIGHT_OFFICE_MEMORY_GB": value}):
            return office.memory_limit()

    def test_given_in_gigabytes(self):
        self.assertEqual(self.limit("2"), 2 * GB)
        self.assertEqual(self.limit("16"), 16 * GB)
        self.assertEqual(self.limit("0.5"), GB // 2)
        self.assertEqual(self.limit("1.25"), 5 * GB // 4)
        self.assertIsInstance(self.limit("1.5"), int)

    def test_default_three_quarters_of_the_memory_at_least_4_gb(self):
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        expected = max(4 * GB, total * 3 // 4)
        env = {k: v for k, v in os.environ.items() if k != "CASEWEIGHT_OFFICE_MEMORY_GB"}
        with mock.patch.dict(os.environ, env, clear=True):
            self.assertEqual(office.memory_limit(), expected)
        # an empty setting is no setting
        self.assertEqual(self.limit(""), expected)
        self.assertGreaterEqual(expected, 4 * GB)


class Describe(unittest.TestCase):
    def test_os_errors(self):
        e = OSError(2, "No such file or directory", "/data/team/a.ods")
        self.assertEqual(office.describe(e), "No such file or directory: /data/team/a.ods")
        self.assertEqual(office.describe(OSError(13, "Permission denied")), "Permission denied")
        self.assertEqual(office.describe(OSError("disk on fire")), "disk on fire")

    def test_a_real_os_error(self):
        try:
            open("/nonexistent-caseweight/a.ods")
        except OSError as e:
            self.assertEqual(
                office.describe(e), "No such file or directory: /nonexistent-caseweight/a.ods"
            )

    def test_office_message(self):
        class UnoError(Exception):
            Message = "Binary URP bridge\n  disposed during call"

        self.assertEqual(office.describe(UnoError()), "Binary URP bridge disposed during call")

    def test_other_errors_on_one_line(self):
        self.assertEqual(office.describe(ValueError("bad\n  value\tthere ")), "bad value there")
        self.assertEqual(office.describe(ValueError()), "ValueError")
        self.assertEqual(office.describe(KeyError("cw_total")), "'cw_total'")


class OfficeStopped(unittest.TestCase):
    def test_office_stopped(self):
        class DisposedException(Exception):
            pass

        class RuntimeException(Exception):
            Message = "Binary URP bridge already disposed"

        self.assertTrue(office.office_stopped(DisposedException()))
        self.assertTrue(office.office_stopped(RuntimeException()))
        self.assertTrue(office.office_stopped(RuntimeError("the bridge is gone")))
        self.assertFalse(office.office_stopped(ValueError("Err:502")))


class RunTool(unittest.TestCase):
    def setUp(self):
        # run_tool() runs once a process: what it notes of signals starts empty each time.
        for name in ("_received", "_raised", "_in_tool"):
            patcher = mock.patch.object(office, name, [])
            patcher.start()
            self.addCleanup(patcher.stop)

    def run_tool(self, main):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as e:
            office.run_tool("caseweight-test", main)
        return e.exception.code, err.getvalue()

    def test_status_of_main(self):
        self.assertEqual(self.run_tool(lambda: 0), (0, ""))
        self.assertEqual(self.run_tool(lambda: 1), (1, ""))

    def test_tool_error(self):
        def main():
            raise ToolError("no such file: a.ods")

        self.assertEqual(self.run_tool(main), (2, "caseweight-test: no such file: a.ods\n"))

    def test_interrupted(self):
        def main():
            raise KeyboardInterrupt

        self.assertEqual(self.run_tool(main), (130, "caseweight-test: interrupted\n"))

    def test_any_other_failure_is_one_line(self):
        def main():
            raise OSError(28, "No space left on device", "/out/rollup.ods")

        self.assertEqual(
            self.run_tool(main),
            (2, "caseweight-test: No space left on device: /out/rollup.ods\n"),
        )

    def test_the_office_stopped(self):
        class DisposedException(Exception):
            pass

        def main():
            raise DisposedException()

        with mock.patch.dict(os.environ, {"CASEWEIGHT_OFFICE_MEMORY_GB": "3"}):
            code, err = self.run_tool(main)
        self.assertEqual(code, 2)
        self.assertTrue(
            err.startswith(
                "caseweight-test: LibreOffice ran out of the memory it may use (3 GB) while "
                "working on the file;"
            ),
            err,
        )
        self.assertIn("CASEWEIGHT_OFFICE_MEMORY_GB", err)
        self.assertEqual(err.count("\n"), 1)


XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" \
oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""
JAVA = """<?xml version="1.0" encoding="UTF-8"?>
<java xmlns="http://openoffice.org/2004/java/framework/1.0">
<enabled xsi:nil="true"/>
<userClassPath xsi:nil="true"/>
</java>
"""


class ReplaceFile(TempDir):
    def setUp(self):
        super().setUp()
        for name in ("_received", "_raised", "_in_tool", "_deferred"):
            patcher = mock.patch.object(office, name, [])
            patcher.start()
            self.addCleanup(patcher.stop)

    def test_a_signal_as_the_temporary_file_is_made_leaves_no_part_file(self):
        src = self.write("made.ods", b"the new roll-up")
        folder = os.path.join(self.dir, "out")
        os.mkdir(folder)
        made = tempfile.mkstemp

        def mkstemp_then_signal(*args, **kw):
            found = made(*args, **kw)
            # handled at the next instruction: before the caller has the file's name
            os.kill(os.getpid(), signal.SIGTERM)
            return found

        with mock.patch.object(office.tempfile, "mkstemp", mkstemp_then_signal):
            with self.assertRaises(SystemExit) as e:
                office.replace_file(src, os.path.join(folder, "rollup.ods"))
        self.assertEqual(e.exception.code, 128 + signal.SIGTERM)
        self.assertEqual(os.listdir(folder), [])


class QuickStart(TempDir):
    """A new profile records its office's version as started and has Java off."""

    def profile(self):
        os.makedirs(self.path("user", "config"))
        self.write(os.path.join("user", "registrymodifications.xcu"), XCU)
        self.write(os.path.join("user", "config", "javasettings_Linux_X86_64.xml"), JAVA)
        return self.dir

    def read(self, *parts):
        with open(self.path("user", *parts), encoding="utf-8") as f:
            return f.read()

    def files(self):
        return self.read("registrymodifications.xcu"), self.read(
            "config", "javasettings_Linux_X86_64.xml"
        )

    def test_version_recorded_and_java_off(self):
        with mock.patch.object(office, "_product_version", return_value="7.4"):
            office._quick_start(self.profile())
        xcu = self.read("registrymodifications.xcu")
        self.assertIn('oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value>', xcu)
        self.assertIn("ooSetupInstCompleted", xcu)
        self.assertTrue(xcu.rstrip().endswith("</oor:items>"))
        java = self.read("config", "javasettings_Linux_X86_64.xml")
        self.assertIn('<enabled xsi:nil="false">false</enabled>', java)
        self.assertIn('<userClassPath xsi:nil="true"/>', java)

    def test_twice_is_once(self):
        with mock.patch.object(office, "_product_version", return_value="7.4"):
            office._quick_start(self.profile())
            once = self.files()
            office._quick_start(self.dir)
        self.assertEqual(self.files(), once)

    def test_a_version_it_cannot_read_changes_nothing(self):
        with mock.patch.object(office, "_product_version", return_value=None):
            office._mark_version_started(self.profile())
        self.assertEqual(self.read("registrymodifications.xcu"), XCU)

    def test_no_profile_files_is_no_error(self):
        office._quick_start(self.dir)

    def test_the_office_gives_its_version(self):
        version = office._product_version()
        if version is None:
            self.skipTest("no LibreOffice installed")
        self.assertRegex(version, r"^\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
