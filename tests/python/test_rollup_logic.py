"""caseweight.rollup without an office: finding the workers' files under a folder tree,
refusing files before they are opened (locked, empty, damaged, password-protected), month
and date arithmetic, and the Teams sheet's formulas."""

import datetime
import io
import os
import unittest
import zipfile

from caseweight import audit, rollup
from tempdir import TempDir

LOCK_LINE = (
    "Sam Duty Manager,ws-0412,sdutymanager,03.12.2026 09:14,"
    "file:///home/sdutymanager/.config/libreoffice/4;\n"
)


def touch(path, data=b"x"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def ods_bytes(manifest=b"<manifest/>", content=b"<content/>"):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return buf.getvalue()


class FindFiles(TempDir):
    def tree(self):
        root = self.path("Children's Services")
        for rel in (
            "top.ods",
            ".hidden.ods",
            ".~lock.top.ods#",
            "notes.txt",
            "rollup.ods",
            "Safeguarding/loose.FODS",
            "Safeguarding/CP North/b.ods",
            "Safeguarding/CP North/A.xlsx",
            "Safeguarding/CP North/a.fods",
            "Safeguarding/CP North/.~lock.a.fods#",
            "Safeguarding/CP North/a.ods.bak",
            "Safeguarding/CP North/.git/c.ods",
            "Safeguarding/CP North/Archive/old.ods",
            "Children in Care/Fostering/z.xlsx",
            ".cache/x.ods",
        ):
            touch(os.path.join(root, rel))
        return root

    def test_levels_order_and_hidden_files(self):
        root = self.tree()
        found = [
            (os.path.relpath(p, root), service, team)
            for p, service, team in rollup.find_files(root)
        ]
        self.assertEqual(
            found,
            [
                # files in the folder given: no service, the folder is the team
                ("rollup.ods", "", "Children's Services"),
                ("top.ods", "", "Children's Services"),
                # a folder of it: a team of the service the folder given is
                ("Children in Care/Fostering/z.xlsx", "Children in Care", "Fostering"),
                ("Safeguarding/loose.FODS", "Children's Services", "Safeguarding"),
                ("Safeguarding/CP North/A.xlsx", "Safeguarding", "CP North"),
                ("Safeguarding/CP North/a.fods", "Safeguarding", "CP North"),
                ("Safeguarding/CP North/b.ods", "Safeguarding", "CP North"),
                # deeper: the last two folders are the service and the team
                ("Safeguarding/CP North/Archive/old.ods", "CP North", "Archive"),
            ],
        )

    def test_a_trailing_slash(self):
        root = self.tree()
        self.assertEqual(rollup.find_files(root + os.sep), rollup.find_files(root))

    def test_paths_are_absolute(self):
        root = self.tree()
        cwd = os.getcwd()
        self.addCleanup(os.chdir, cwd)
        os.chdir(self.dir)
        found = rollup.find_files("Children's Services")
        self.assertTrue(found)
        for p, _, _ in found:
            self.assertTrue(os.path.isabs(p), p)
            self.assertTrue(p.startswith(root + os.sep), p)

    def test_skip_paths(self):
        root = self.tree()
        out = os.path.join(root, "rollup.ods")
        os.symlink(out, self.path("link-to-rollup.ods"))
        history = self.path("history.ods")  # not written yet
        for skip in (
            [out],
            [self.path("link-to-rollup.ods"), history],
            [os.path.join(root, "Safeguarding", "..", "rollup.ods")],
        ):
            rels = [os.path.relpath(p, root) for p, _, _ in rollup.find_files(root, skip=skip)]
            self.assertNotIn("rollup.ods", rels, skip)
            self.assertIn("top.ods", rels)
            self.assertEqual(len(rels), 7)

    def test_a_hard_link_of_the_output_is_skipped(self):
        root = self.tree()
        os.link(os.path.join(root, "top.ods"), self.path("out.ods"))
        rels = [
            os.path.relpath(p, root) for p, _, _ in rollup.find_files(root, [self.path("out.ods")])
        ]
        self.assertNotIn("top.ods", rels)
        self.assertIn("rollup.ods", rels)

    def test_empty_tree(self):
        os.makedirs(self.path("root", "Service", "Team"))
        touch(self.path("root", "Service", "Team", "readme.txt"))
        self.assertEqual(rollup.find_files(self.path("root")), [])


class LockOwner(TempDir):
    def test_no_lock_file(self):
        self.assertIsNone(rollup.lock_owner(touch(self.path("a.ods"))))

    def test_lock_file_with_owner_and_time(self):
        path = touch(self.path("Team", "a.ods"))
        touch(self.path("Team", ".~lock.a.ods#"), LOCK_LINE.encode())
        self.assertEqual(rollup.lock_owner(path), "Sam Duty Manager since 03.12.2026 09:14")

    def test_lock_file_with_owner_only(self):
        path = touch(self.path("a.ods"))
        touch(self.path(".~lock.a.ods#"), b"Jo Bloggs,")
        self.assertEqual(rollup.lock_owner(path), "Jo Bloggs")

    def test_empty_lock_file_names_nobody(self):
        path = touch(self.path("a.ods"))
        touch(self.path(".~lock.a.ods#"), b"")
        self.assertEqual(rollup.lock_owner(path), "")

    # LibreOffice writes a backslash before a comma, semicolon or backslash of a field
    # (svl's LockFileCommon::EscapeCharacters); lock_owner splits at every comma.
    @unittest.expectedFailure  # a name with a comma ("Smith, Jo") is cut and its time misread
    def test_a_name_with_a_comma(self):
        path = touch(self.path("a.ods"))
        touch(
            self.path(".~lock.a.ods#"),
            b"Smith\\, Jo,jsmith,ws-0412,03.12.2026 09:14,file:///home/jsmith/.config/lo;\n",
        )
        self.assertEqual(rollup.lock_owner(path), "Smith, Jo since 03.12.2026 09:14")

    def test_the_lock_of_another_file_does_not_count(self):
        path = touch(self.path("a.ods"))
        touch(self.path(".~lock.b.ods#"), LOCK_LINE.encode())
        self.assertIsNone(rollup.lock_owner(path))

    def test_a_lock_file_for_a_missing_file(self):
        touch(self.path(".~lock.gone.ods#"), LOCK_LINE.encode())
        self.assertEqual(
            rollup.lock_owner(self.path("gone.ods")), "Sam Duty Manager since 03.12.2026 09:14"
        )


class Precheck(TempDir):
    def test_a_good_ods_and_fods(self):
        self.assertIsNone(rollup.precheck(touch(self.path("a.ods"), ods_bytes())))
        self.assertIsNone(rollup.precheck(touch(self.path("a.fods"), b"<?xml version='1.0'?>")))
        self.assertIsNone(rollup.precheck(touch(self.path("a.xlsx"), ods_bytes())))

    def test_locked(self):
        path = touch(self.path("a.ods"), ods_bytes())
        touch(self.path(".~lock.a.ods#"), LOCK_LINE.encode())
        self.assertEqual(
            rollup.precheck(path),
            "locked: open in LibreOffice by Sam Duty Manager since 03.12.2026 09:14 "
            "(a .~lock file beside it)",
        )

    def test_locked_by_nobody_named(self):
        path = touch(self.path("a.ods"), b"")
        touch(self.path(".~lock.a.ods#"), b"")
        # the lock is said before the file is found empty
        self.assertEqual(
            rollup.precheck(path),
            "locked: open in LibreOffice by another user (a .~lock file beside it)",
        )

    # LibreOffice leaves the name empty when no name is set in its user data (the default).
    @unittest.expectedFailure  # the sentence reads "by  since 03.12.2026 09:14": no one named
    def test_locked_by_an_office_user_without_a_name(self):
        path = touch(self.path("a.ods"), ods_bytes())
        touch(
            self.path(".~lock.a.ods#"),
            b",jsmith,ws-0412,03.12.2026 09:14,file:///home/jsmith/.config/libreoffice/4;\n",
        )
        reason = rollup.precheck(path)
        start = "locked: open in LibreOffice by "
        self.assertTrue(reason.startswith(start), reason)
        self.assertTrue(reason.endswith(" (a .~lock file beside it)"), reason)
        who = reason[len(start) : -len(" (a .~lock file beside it)")]
        self.assertFalse(who == "" or who.startswith((" ", "since")), reason)
        self.assertNotIn("  ", reason)

    def test_empty(self):
        for name in ("a.ods", "a.fods", "a.xlsx"):
            self.assertEqual(rollup.precheck(touch(self.path(name), b"")), "empty file")

    def test_not_a_zip(self):
        path = touch(self.path("a.ods"), b"Name,Points\nSmith,10\n")
        self.assertEqual(
            rollup.precheck(path), "damaged (not a complete .ods file: cut off or corrupt)"
        )
        path = touch(self.path("b.XLSX"), b"<html>not a workbook</html>")
        self.assertEqual(
            rollup.precheck(path), "damaged (not a complete .xlsx file: cut off or corrupt)"
        )

    def test_cut_off(self):
        data = ods_bytes(content=os.urandom(4000))
        path = touch(self.path("a.ods"), data[: len(data) // 2])
        self.assertEqual(
            rollup.precheck(path), "damaged (not a complete .ods file: cut off or corrupt)"
        )

    def test_a_corrupt_part(self):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
            z.writestr("content.xml", b"A" * 100)
        data = bytearray(buf.getvalue())
        at = data.index(b"A" * 100)
        data[at + 50] = ord("B")  # the stored bytes no longer match their CRC
        path = touch(self.path("a.ods"), bytes(data))
        self.assertEqual(rollup.precheck(path), "damaged (a part of the file is corrupt)")

    def test_password_protected(self):
        manifest = b'<manifest:manifest><manifest:encryption-data manifest:checksum="x"/>'
        path = touch(self.path("a.ods"), ods_bytes(manifest=manifest))
        self.assertEqual(rollup.precheck(path), "password-protected")
        # an encrypted .xlsx is an OLE compound file
        path = touch(self.path("a.xlsx"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
        self.assertEqual(rollup.precheck(path), "password-protected (an encrypted workbook)")

    def test_unreadable(self):
        if os.geteuid() == 0:
            self.skipTest("root reads every file")
        path = touch(self.path("a.ods"), ods_bytes())
        os.chmod(path, 0)
        self.assertEqual(rollup.precheck(path), "cannot be read (permission denied)")


class Months(unittest.TestCase):
    def test_month_end(self):
        self.assertEqual(rollup.month_end("2026-12"), datetime.date(2026, 12, 31))
        self.assertEqual(rollup.month_end("2026-11"), datetime.date(2026, 11, 30))
        self.assertEqual(rollup.month_end("2026-02"), datetime.date(2026, 2, 28))
        self.assertEqual(rollup.month_end("2028-02"), datetime.date(2028, 2, 29))
        self.assertEqual(rollup.month_end("2100-02"), datetime.date(2100, 2, 28))
        self.assertEqual(rollup.month_end("2000-02"), datetime.date(2000, 2, 29))

    def test_previous_month(self):
        self.assertEqual(rollup.previous_month("2026-12"), "2026-11")
        self.assertEqual(rollup.previous_month("2026-10"), "2026-09")
        self.assertEqual(rollup.previous_month("2026-01"), "2025-12")
        self.assertEqual(rollup.previous_month("2000-01"), "1999-12")


class Dates(unittest.TestCase):
    def test_serial(self):
        self.assertEqual(rollup.serial(datetime.date(1899, 12, 30)), 0.0)
        self.assertEqual(rollup.serial(datetime.date(1899, 12, 31)), 1.0)
        self.assertEqual(rollup.serial(datetime.date(1900, 3, 1)), 61.0)
        self.assertEqual(rollup.serial(datetime.date(2025, 1, 1)), 45658.0)
        self.assertEqual(rollup.serial(datetime.date(2026, 12, 3)), 46359.0)
        self.assertIsInstance(rollup.serial(datetime.date(2026, 12, 3)), float)

    def test_as_date(self):
        self.assertEqual(rollup.as_date(46359.0), datetime.date(2026, 12, 3))
        self.assertEqual(rollup.as_date(46359.75), datetime.date(2026, 12, 3))  # a time of day
        self.assertEqual(rollup.as_date(1.0), datetime.date(1899, 12, 31))
        self.assertEqual(rollup.as_date(2958465.0), datetime.date(9999, 12, 31))
        self.assertIsNone(rollup.as_date(2958466.0))
        self.assertIsNone(rollup.as_date(0.0))
        self.assertIsNone(rollup.as_date(0.5))
        self.assertIsNone(rollup.as_date(-1.0))
        self.assertIsNone(rollup.as_date("03/12/2026"))  # a date typed as text is no date
        self.assertIsNone(rollup.as_date(None))
        self.assertIsNone(rollup.as_date(("error", "Err:502")))

    def test_round_trip(self):
        for d in (datetime.date(2024, 2, 29), datetime.date(2026, 12, 31)):
            self.assertEqual(rollup.as_date(rollup.serial(d)), d)


class Values(unittest.TestCase):
    def test_number(self):
        self.assertEqual(rollup.number(0.8), 0.8)
        self.assertEqual(rollup.number(0.0), 0.0)
        self.assertIsNone(rollup.number("0.8"))
        self.assertIsNone(rollup.number(None))
        self.assertIsNone(rollup.number(("error", "Err:502")))

    def test_is_error(self):
        self.assertTrue(rollup.is_error(("error", "Err:502")))
        self.assertFalse(rollup.is_error("Err:502"))
        self.assertFalse(rollup.is_error(None))
        self.assertFalse(rollup.is_error(3.0))

    def test_cell_data(self):
        self.assertEqual(rollup.cell_data(None), "")
        self.assertEqual(rollup.cell_data(("error", "#NAME?")), "#NAME?")
        self.assertEqual(rollup.cell_data(312.0), 312.0)
        self.assertEqual(rollup.cell_data("Within band"), "Within band")

    def test_headroom_of(self):
        # 300 points at 75 % of the top of the band: the top is 400, 100 points to spare
        self.assertAlmostEqual(rollup.headroom_of(300.0, 0.75), 100.0)
        # 500 points at 125 %: 100 over the top of the band
        self.assertAlmostEqual(rollup.headroom_of(500.0, 1.25), -100.0)
        self.assertAlmostEqual(rollup.headroom_of(350.0, 1.0), 0.0)
        # nothing to derive the top of the band from
        self.assertIsNone(rollup.headroom_of(0.0, 0.0))
        self.assertIsNone(rollup.headroom_of(300.0, 0.0))
        self.assertIsNone(rollup.headroom_of(300.0, ("error", "Err:502")))
        self.assertIsNone(rollup.headroom_of(None, 0.75))
        self.assertIsNone(rollup.headroom_of("300", 0.75))


class TeamFormulas(unittest.TestCase):
    def column(self, header):
        """The Workers sheet's column letter of a header."""
        return audit.col_name(rollup.WORKER_HEADERS.index(header))

    def test_the_workers_columns_the_formulas_read(self):
        self.assertEqual(
            [self.column(h) for h in ("Worker", "Grade", "FTE", "Total", "Rows in error")],
            ["C", "G", "H", "I", "M"],
        )

    def test_team_formulas(self):
        ranges = "Workers.$I$2:$I$9;Workers.$G$2:$G$9;Workers.$H$2:$H$9"
        self.assertEqual(
            rollup.team_formulas("$D2", (2, 9)),
            [
                "=COUNTA(Workers.$C$2:$C$9)",
                "=SUM(Workers.$I$2:$I$9)",
                "=TEAMAVERAGE($D2;%s)" % ranges,
                "=TEAMCAPACITY($D2;%s)" % ranges,
                "=TEAMABOVEBAND($D2;%s)" % ranges,
                "=TEAMSPREAD($D2;%s)" % ranges,
                "=SUM(Workers.$M$2:$M$9)",
            ],
        )

    def test_team_formulas_of_one_worker(self):
        f = rollup.team_formulas("$C5", (12, 12))
        self.assertEqual(f[0], "=COUNTA(Workers.$C$12:$C$12)")
        self.assertEqual(
            f[2], "=TEAMAVERAGE($C5;Workers.$I$12:$I$12;Workers.$G$12:$G$12;Workers.$H$12:$H$12)"
        )
        self.assertEqual(len(f), 7)


class ProgressLines(unittest.TestCase):
    def test_progress_to_a_file(self):
        out = io.StringIO()
        p = rollup.Progress(40, out)
        for done in range(1, 41):
            p.update(done, done * 2)
        lines = out.getvalue().splitlines()
        # every 2 files (a twentieth of 40) and the last
        self.assertEqual(len(lines), 20)
        self.assertEqual(lines[0], "scored 2/40 files (4 worker sheets)")
        self.assertEqual(lines[-1], "scored 40/40 files (80 worker sheets)")


if __name__ == "__main__":
    unittest.main()
