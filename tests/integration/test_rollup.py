"""caseweight-rollup on a small generated county (caseweight-county), run as a user runs it.

Three teams of three workers' sheets (one locked, one damaged, one without its As at date), a
leave rota that is no weighting sheet, and the sample team workbook of one sheet per worker:
the roll-up's totals are the sheets' own, each file scored alone in the same office; every
file not rolled up is listed with its reason; a second run of a month replaces only that
month's History rows; a run stopped with SIGINT or SIGTERM leaves no office and no profile.
"""

import datetime
import os
import shutil
import signal
import subprocess
import tempfile
import time
from unittest import mock

from common import (
    OXT,
    SHARED_OFFICE,
    SOURCE_DIR,
    OfficeTestCase,
    own_office_env,
    processes_left,
    processes_with,
)
from worker_files import serial, write_worker
from caseweight import county, schemes
from caseweight.worker_sheet import used_range

PYTHON = "/usr/bin/python3"
# Warrington's sheet is the one made from its scheme file: a case type counted per child.
_WARRINGTON = schemes.of_file("warrington").version_at()
WARRINGTON_CASE = next(
    c for c in _WARRINGTON.codes(group="case") if _WARRINGTON.item(c).get("per") == "child"
)
TOOL = os.path.join(SOURCE_DIR, "tools", "caseweight-rollup")


def sheet_rows(doc, name):
    rng, _, _ = used_range(doc.Sheets.getByName(name))
    return [list(r) for r in rng.getDataArray()]


def as_dicts(rows):
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(x != "" for x in r)]


class Rollup(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="cw-rollup-test-")
        os.chmod(cls.tmp, 0o755)
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.root = os.path.join(cls.tmp, "county")
        with mock.patch.dict(os.environ, {SHARED_OFFICE: str(cls.office.port)}):
            cls.county = county.generate(
                cls.root,
                teams=3,
                seed=3,
                as_at=datetime.date(2026, 10, 30),
                oxt=OXT,
                per_team=(3, 3),
            )
        # a workbook of one sheet per worker (Swindon's), in the folder of a Swindon team
        cls.sample_team = next(t for t in cls.county["teams"] if t[2] == "SWINDON")
        service, team, _ = cls.sample_team
        cls.sample = os.path.join(cls.root, service, team, "swindon-team.fods")
        shutil.copyfile(os.path.join(SOURCE_DIR, "samples", "swindon-team.fods"), cls.sample)
        cls.out = os.path.join(cls.tmp, "rollup.ods")

    def run_tool(self, *args, env=None):
        p = subprocess.run(
            [PYTHON, TOOL, self.root, self.out, "--oxt", OXT] + list(args),
            capture_output=True,
            text=True,
            timeout=600,
            env=env or self.tool_env(),
        )
        return p.returncode, p.stdout, p.stderr

    def rolled_up(self):
        doc = self.load(self.out)
        return {
            name: sheet_rows(doc, name)
            for name in ("Workers", "Teams", "History", "Could not read")
        }, doc

    def score_alone(self, path):
        """{sheet: total (None when it shows an error)} of one file, recalculated here."""
        doc = self.load(self.office.copy_in(path))
        doc.calculateAll()
        names = doc.NamedRanges
        if names.hasByName("cw_total"):
            c = names.getByName("cw_total").ReferredCells.getCellByPosition(0, 0)
            sheet = c.getSpreadsheet().Name
            return {sheet: None if c.getError() else c.getValue()}
        out = {}
        for i in range(1, doc.Sheets.getCount()):  # the sample: I31 of each worker's sheet
            sh = doc.Sheets.getByIndex(i)
            c = sh.getCellRangeByName("I31")
            out[sh.Name] = None if c.getError() else c.getValue()
        return out

    def test_1_rollup_totals_unread_files_and_history(self):
        code, out, err = self.run_tool("--month", "2026-10", "--jobs", "2")
        self.assertEqual(code, 1, err)  # written; some files could not be read
        self.assertNotIn("Traceback", err)
        self.assertIn("scored", err)
        sheets, doc = self.rolled_up()
        workers = as_dicts(sheets["Workers"])

        # every worker's total is the sheet's own, scored alone
        by_file = {}
        for w in workers:
            by_file.setdefault(w["File"], {})[w["Sheet"]] = w["Total"]
        expected_files = [
            p
            for p in self.county["files"] + [self.sample]
            if p not in self.county["special"].values()
        ]
        self.assertEqual(
            sorted(by_file), sorted(os.path.relpath(p, self.root) for p in expected_files)
        )
        for path in expected_files:
            alone = self.score_alone(path)
            got = by_file[os.path.relpath(path, self.root)]
            self.assertEqual({k: (v if v != "" else None) for k, v in got.items()}, alone, path)
        self.assertEqual(len(workers), len(expected_files) - 1 + 4)  # the sample has four
        # the team totals are the sum of the sheets
        teams = as_dicts(sheets["Teams"])
        for t in teams:
            total = sum(
                w["Total"]
                for w in workers
                if w["Team"] == t["Team"] and w["Scheme"] == t["Scheme"] and w["Total"] != ""
            )
            self.assertAlmostEqual(t["Total points"], total, places=6, msg=t["Team"])
            self.assertIsInstance(t["Capacity"], float, t)
        formula = doc.Sheets.getByName("Teams").getCellByPosition(7, 1).getFormula()
        self.assertIn("TEAMCAPACITY", formula)
        # a sample worker whose rows are in error: counted, total empty
        dan = next(w for w in workers if w["Worker"] == "Dan Okafor")
        self.assertEqual(dan["Total"], "")
        self.assertGreaterEqual(dan["Rows in error"], 1)

        # every file not rolled up is listed, with its reason
        unread = {u["File"]: u["Reason"] for u in as_dicts(sheets["Could not read"])}
        special = self.county["special"]
        for kind, word in (
            ("locked", "locked"),
            ("corrupt", "damaged"),
            ("no-date", "no As at date"),
            ("not-a-weighting-sheet", "no caseweight sheet"),
        ):
            rel = os.path.relpath(special[kind], self.root)
            self.assertIn(rel, unread)
            self.assertIn(word, unread[rel])
        self.assertEqual(len(unread), len(special))

        # History: one row per team for the month
        history = as_dicts(sheets["History"])
        self.assertEqual({h["Month"] for h in history}, {"2026-10"})
        self.assertEqual(len(history), len(teams))
        self.assertEqual(doc.Sheets.getByName("Capacity by month").getCharts().getCount(), 1)
        doc.close(True)

        # a later month is added; the earlier month stays. October's sheets are not counted
        # in November (listed): only the sample workbook, which has no As at date, is.
        code, out, err = self.run_tool("--month", "2026-11", "--jobs", "1")
        self.assertEqual(code, 1, err)
        self.assertNotIn("replaced", out)
        sheets, doc = self.rolled_up()
        history2 = as_dicts(sheets["History"])
        self.assertEqual(
            [h for h in history2 if h["Month"] == "2026-10"], history, "October is kept"
        )
        nov = [h for h in history2 if h["Month"] == "2026-11"]
        self.assertEqual([h["Team"] for h in nov], [self.sample_team[1]])
        self.assertEqual(
            {w["File"] for w in as_dicts(sheets["Workers"])},
            {os.path.relpath(self.sample, self.root)},
        )
        unread = {u["File"]: u["Reason"] for u in as_dicts(sheets["Could not read"])}
        for path in expected_files:
            if path != self.sample:
                rel = os.path.relpath(path, self.root)
                self.assertIn("outside the month 2026-11", unread[rel])
        doc.close(True)

        # the same month again: only its rows are replaced, and the run says so
        code, out, err = self.run_tool("--month", "2026-11")
        self.assertEqual(code, 1, err)
        self.assertIn("replaced the 1 rows of 2026-11", out)
        sheets, doc = self.rolled_up()
        history3 = as_dicts(sheets["History"])
        self.assertEqual([h for h in history3 if h["Month"] == "2026-10"], history)
        self.assertEqual([h for h in history3 if h["Month"] == "2026-11"], nov)
        doc.close(True)

    # -- stopping a run --------------------------------------------------------------------

    def stop_run(self, signum, when):
        d = tempfile.mkdtemp(prefix="tmpdir-", dir=self.tmp)
        os.chmod(d, 0o1777)
        out = os.path.join(self.tmp, "stopped.ods")
        proc = subprocess.Popen(
            [PYTHON, TOOL, self.root, out, "--oxt", OXT, "--jobs", "2"],
            env=own_office_env(TMPDIR=d),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.time() + 120
            if when == "scoring":
                line = proc.stderr.readline()  # the first progress line: files are being read
                self.assertIn("scored", line)
            else:
                while not any(when in c for c in processes_with(d, excluding=TOOL)):
                    self.assertIsNone(proc.poll(), "the run ended before it could be stopped")
                    self.assertLess(time.time(), deadline)
                    time.sleep(0.01)
            proc.send_signal(signum)
            _, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertEqual(proc.returncode, 128 + signum, err)
        self.assertNotIn("Traceback", err)
        self.assertEqual(processes_left(d, excluding=TOOL), [])
        self.assertEqual(os.listdir(d), [], "a profile or temporary file is left behind")
        self.assertFalse(os.path.exists(out))

    def test_2_sigint_while_scoring_leaves_nothing(self):
        self.stop_run(signal.SIGINT, "scoring")

    def test_3_sigterm_while_offices_start_leaves_nothing(self):
        self.stop_run(signal.SIGTERM, "unopkg")


class Escalations(OfficeTestCase):
    """Workers above the maximum: the Workers sheet says so with the record's status and
    dates; Escalations lists the one without a record, the one above it with rows in error,
    the RBWM worker above the caseload range (and why), and escalates the one allocated more
    than four weeks before the As at date, the one whose review is more than four weeks after
    the date allocated and, a month later, every worker still above it."""

    AS_AT = datetime.date(2026, 10, 30)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="cw-escalations-test-")
        os.chmod(cls.tmp, 0o755)
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.root = os.path.join(cls.tmp, "service")
        os.makedirs(os.path.join(cls.root, "Team A"))
        os.makedirs(os.path.join(cls.root, "Team R"))
        rows = [{"name": "Child A", "lac": "LAC"}, {"name": "Child B", "cp": "CP"}]
        base = {"team": "Team A", "as_at": cls.AS_AT, "grade": "EXPERIENCED"}
        day = datetime.timedelta(days=1)
        record = {"over_reason": "Sibling group kept together", "over_informed": "Service manager"}
        cls.sheets = {}
        for name, extra, more in (
            ("Ann Above", {"fte": 0.01}, []),
            (
                "Ben Recorded",
                dict(
                    record,
                    fte=0.01,
                    over_date=cls.AS_AT - 30 * day,
                    over_review=cls.AS_AT,
                ),
                [],
            ),
            (
                "Cal Review",
                dict(
                    record,
                    fte=0.01,
                    over_date=cls.AS_AT - 2 * day,
                    over_review=cls.AS_AT + 28 * day,
                ),
                [],
            ),
            ("Cat Within", {}, []),
            # far above the maximum on the valid row alone, a row in error
            ("Dee Error", {"fte": 0.01}, [{"name": "Child C", "lac": "NO-SUCH-CODE"}]),
            # full time, the valid rows alone below it: not known until the row is fixed
            ("Fay Unknown", {}, [{"name": "Child C", "lac": "NO-SUCH-CODE"}]),
        ):
            cls.sheets[name] = cls.write(name, dict(base, worker=name, **extra), rows + more)
        # RBWM: a newly qualified worker with more cases than the range, not above the band
        cin = schemes.of_file("rbwm").version_at().column("cin")["items"][0]
        cls.sheets["Eve Cases"] = write_worker(
            cls.office,
            OXT,
            os.path.join(cls.root, "Team R", "eve.ods"),
            file="rbwm-all-cases",
            fields={"worker": "Eve Cases", "date": cls.AS_AT, "experience": "Newly qualified"},
            rows=[{"name": "Case %d" % i, "cin": cin} for i in range(11)],
        )
        cls.out = os.path.join(cls.tmp, "rollup.ods")

    @classmethod
    def write(cls, name, fields, rows):
        path = os.path.join(cls.root, "Team A", name.replace(" ", "-").lower() + ".ods")
        return write_worker(cls.office, OXT, path, fields=fields, rows=rows)

    def run_month(self, month):
        p = subprocess.run(
            [PYTHON, TOOL, self.root, self.out, "--oxt", OXT, "--month", month, "--jobs", "1"],
            capture_output=True,
            text=True,
            timeout=600,
            env=self.tool_env(),
        )
        self.assertIn(p.returncode, (0, 1), p.stderr)
        doc = self.load(self.out)
        got = {n: as_dicts(sheet_rows(doc, n)) for n in ("Workers", "Escalations")}
        doc.close(True)
        return got

    def test_escalations(self):
        self.assertEqual(self.sheets["Ann Above"]["cw_over_status"], "Record needed")
        self.assertEqual(self.sheets["Ben Recorded"]["cw_over_status"], "Recorded")
        self.assertEqual(self.sheets["Cal Review"]["cw_over_status"], "Recorded")
        self.assertEqual(self.sheets["Cat Within"]["cw_over_status"], "")
        self.assertEqual(self.sheets["Dee Error"]["cw_over_status"], "Record needed")
        self.assertNotEqual(self.sheets["Eve Cases"]["cw_band"], "Above band")
        got = self.run_month("2026-10")
        workers = {w["Worker"]: w for w in got["Workers"]}
        self.assertEqual(workers["Ann Above"]["Above maximum"], "Yes")
        self.assertEqual(workers["Ann Above"]["Record status"], "Record needed")
        self.assertEqual(workers["Ben Recorded"]["Record status"], "Recorded")
        self.assertEqual(
            workers["Ben Recorded"]["Date allocated"],
            serial(self.AS_AT - datetime.timedelta(days=30)),
        )
        self.assertIsInstance(workers["Ben Recorded"]["Review date"], float)
        self.assertEqual(workers["Cat Within"]["Above maximum"], "No")
        self.assertEqual(workers["Cat Within"]["Record status"], "")
        self.assertEqual(workers["Dee Error"]["Above maximum"], "Yes")
        self.assertEqual(workers["Dee Error"]["Total"], "")
        esc = {e["Worker"]: e for e in got["Escalations"]}
        self.assertEqual(
            sorted(esc),
            ["Ann Above", "Ben Recorded", "Cal Review", "Dee Error", "Eve Cases", "Fay Unknown"],
        )
        self.assertEqual(workers["Fay Unknown"]["Above maximum"], "Not known")
        self.assertEqual(
            esc["Fay Unknown"]["Action"], "cannot be judged: fix the errors on the sheet"
        )
        self.assertIn("no record", esc["Ann Above"]["Action"])
        self.assertEqual(esc["Ann Above"]["More than four weeks"], "No")
        self.assertNotIn("escalate", esc["Ann Above"]["Action"])
        self.assertEqual(esc["Ann Above"]["Why above the maximum"], "band Above band")
        self.assertEqual(esc["Ben Recorded"]["More than four weeks"], "Yes")
        self.assertIn("above for more than four weeks: escalate", esc["Ben Recorded"]["Action"])
        self.assertNotIn("no record", esc["Ben Recorded"]["Action"])
        # allocated two days before the As at date, reviewed four weeks and two days later
        self.assertEqual(esc["Cal Review"]["More than four weeks"], "Yes")
        self.assertEqual(
            esc["Cal Review"]["Action"],
            "review more than four weeks after the date allocated: escalate",
        )
        # a row in error does not hide a worker above the maximum
        self.assertIn("no record", esc["Dee Error"]["Action"])
        self.assertIn("rows without an error", esc["Dee Error"]["Why above the maximum"])
        # not above the band, above the maximum: Escalations says why
        self.assertEqual(esc["Eve Cases"]["Band"], self.sheets["Eve Cases"]["cw_band"])
        self.assertEqual(
            esc["Eve Cases"]["Why above the maximum"], "cases above the caseload range"
        )

        # a month later, Ann still above it (her November sheet): escalated from the previous
        # month's roll-up; the others' October sheets are not counted in November
        self.write(
            "Ann Above",
            {
                "team": "Team A",
                "as_at": datetime.date(2026, 11, 27),
                "grade": "EXPERIENCED",
                "worker": "Ann Above",
                "fte": 0.01,
            },
            [{"name": "Child A", "lac": "LAC"}],
        )
        got = self.run_month("2026-11")
        self.assertEqual([w["Worker"] for w in got["Workers"]], ["Ann Above"])
        esc = {e["Worker"]: e for e in got["Escalations"]}
        self.assertEqual(esc["Ann Above"]["Above last month"], "Yes")
        self.assertIn("above for more than four weeks: escalate", esc["Ann Above"]["Action"])


class CountedOnce(OfficeTestCase):
    """Each worker once per month, in one scheme: a team folder's sheet of another scheme, a
    sheet of another month, the worker's earlier sheet and a second path to a workbook (a
    link) are listed with the reason and not counted; the Service sheet counts each file not
    read once."""

    NOV = datetime.date(2026, 11, 20)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="cw-counted-once-test-")
        os.chmod(cls.tmp, 0o755)
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.root = os.path.join(cls.tmp, "service")
        for team in ("Team A", "Team B", "Team W"):
            os.makedirs(os.path.join(cls.root, team))
        lac = [{"name": "Child A", "lac": "LAC"}]
        cls.totals = {}

        def swindon(team, file, worker, as_at, rows=lac):
            fields = {"worker": worker, "team": team, "as_at": as_at, "grade": "EXPERIENCED"}
            got = write_worker(
                cls.office, OXT, os.path.join(cls.root, team, file), fields=fields, rows=rows
            )
            cls.totals[file] = got["cw_total"]

        def warrington_sheet(team, file, worker):
            write_worker(
                cls.office,
                OXT,
                os.path.join(cls.root, team, file),
                file="warrington",
                fields={"worker": worker, "as_at": cls.NOV},
                rows=[{"name": "A", "type": WARRINGTON_CASE}],
            )

        swindon("Team A", "x.ods", "Xan Xu", cls.NOV)
        swindon("Team A", "ben.ods", "Ben Best", datetime.date(2026, 11, 10))
        swindon("Team A", "ben (copy).ods", "Ben  best", datetime.date(2026, 11, 25), lac * 3)
        swindon("Team A", "old.ods", "Ola Old", datetime.date(2026, 10, 30))
        warrington_sheet("Team A", "wes.ods", "Wes West")
        swindon("Team B", "y.ods", "Yas Young", cls.NOV)
        os.symlink(
            os.path.join("..", "Team A", "x.ods"), os.path.join(cls.root, "Team B", "link.ods")
        )
        warrington_sheet("Team W", "wil.ods", "Wil Wade")
        warrington_sheet("Team W", "win.ods", "Win Wolfe")
        cls.out = os.path.join(cls.tmp, "rollup.ods")

    def test_each_worker_once_in_one_scheme(self):
        p = subprocess.run(
            [PYTHON, TOOL, self.root, self.out, "--oxt", OXT, "--month", "2026-11", "--jobs", "1"],
            capture_output=True,
            text=True,
            timeout=600,
            env=self.tool_env(),
        )
        self.assertEqual(p.returncode, 1, p.stderr)
        doc = self.load(self.out)
        sheets = {
            n: as_dicts(sheet_rows(doc, n))
            for n in ("Workers", "Teams", "Service", "Could not read")
        }
        workers = {(w["Team"], w["Worker"]): w["File"] for w in sheets["Workers"]}
        self.assertEqual(
            workers,
            {
                ("Team A", "Xan Xu"): "Team A/x.ods",
                ("Team A", "Ben  best"): "Team A/ben (copy).ods",
                ("Team B", "Yas Young"): "Team B/y.ods",
                ("Team W", "Wil Wade"): "Team W/wil.ods",
                ("Team W", "Win Wolfe"): "Team W/win.ods",
            },
        )
        unread = {u["File"]: u["Reason"] for u in sheets["Could not read"]}
        self.assertEqual(
            sorted(unread),
            ["Team A/ben.ods", "Team A/old.ods", "Team A/wes.ods", "Team B/link.ods"],
        )
        self.assertIn("Team A/ben (copy).ods", unread["Team A/ben.ods"])
        self.assertIn("later As at date", unread["Team A/ben.ods"])
        self.assertIn("outside the month 2026-11", unread["Team A/old.ods"])
        self.assertIn("another scheme than its team's", unread["Team A/wes.ods"])
        self.assertIn("same workbook as Team A/x.ods", unread["Team B/link.ods"])
        self.assertIn("4 files not read or not counted", p.stdout)

        teams = {(t["Team"], t["Scheme"]): t for t in sheets["Teams"]}
        self.assertEqual(
            sorted(teams), [("Team A", "SWINDON"), ("Team B", "SWINDON"), ("Team W", "WARRINGTON")]
        )
        self.assertAlmostEqual(
            teams[("Team A", "SWINDON")]["Total points"],
            self.totals["x.ods"] + self.totals["ben (copy).ods"],
        )
        self.assertEqual(teams[("Team A", "SWINDON")]["Workers"], 2)

        # the Service sheet: each scheme's workers, and the files not read counted once
        service = sheets["Service"]
        by_scheme = {r["Scheme"]: r for r in service if r["Service"] == "service"}
        self.assertEqual(by_scheme["SWINDON"]["Workers"], 3)
        self.assertEqual(by_scheme["WARRINGTON"]["Workers"], 2)
        not_read = [
            v
            for r in service
            for k, v in r.items()
            if "not read" in str(k) and isinstance(v, float)
        ] + [r["Workers"] for r in service if "not read" in str(r["Scheme"])]
        self.assertEqual(not_read, [4.0], service)
        doc.close(True)


if __name__ == "__main__":
    import unittest

    unittest.main()
