"""Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets, run as the menu runs
it: the menu entry's URL (read from the extension's Addons.xcu in the office's configuration)
dispatched through the open summary's frame, which makes the office create the extension's
Python service org.caseweight.Menu and call its trigger; the sentence of the message box
comes from the same service run as a job (XJob.execute), as a macro would run it. Three
workers' sheets written from the templates with known totals, one locked by a colleague, one
damaged and the team summary in one folder. Every worker's values in the summary are the
worker file's own; the locked and the damaged files are listed under "Could not read" with
their reasons, and so are the sheets not counted: another scheme's, another month's, the
worker's earlier sheet and a sheet with a row in error (each worker counts once in the month,
with a total)."""

import datetime
import os
import shutil

import unohelper
from com.sun.star.frame import XDispatchResultListener
from com.sun.star.util import URL

from common import OXT, OfficeTestCase, named_value
from worker_files import serial, write_worker
from caseweight.county import template_path
from caseweight.office import FILTERS, props, store

ENTRY = "org.caseweight.RefreshTeamSummary"
SERVICE = "org.caseweight.Menu"
SUCCESS = 1  # com.sun.star.frame.DispatchResultState.SUCCESS
AS_AT = datetime.date(2026, 10, 30)
WORKERS = {
    "ann.ods": ("Ann Able", "EXPERIENCED", 1, [{"name": "A", "lac": "LAC"}] * 3),
    "ben.ods": ("Ben Best", "NQSW", 0.5, [{"name": "B", "cp": "CP"}] * 2),
    "cat.ods": ("Cat Cole", "EXPERIENCED", 0.8, [{"name": "C", "lac": "LAC; COMPLEX"}] * 4),
}


def rows_of(sheet):
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.RangeAddress
    data = sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).getDataArray()
    return [dict(zip(data[0], r)) for r in data[1:]]


class Finished(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.events = []

    def dispatchFinished(self, event):
        self.events.append(event)

    def disposing(self, source):
        pass


class TeamRefresh(OfficeTestCase):
    def menu_url(self):
        """The URL of the menu entry, as the office's configuration has it."""
        ctx = self.office.ctx
        cp = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx
        )
        menu = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.Addons/AddonUI/AddonMenu"),
        )
        return menu.getByName(ENTRY).URL

    def choose_menu_entry(self, doc):
        """What choosing the menu entry on doc's window does: its URL dispatched through the
        window's frame (synchronously, as the menu does)."""
        url = URL()
        url.Complete = self.menu_url()
        ctx = self.office.ctx
        parser = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.URLTransformer", ctx
        )
        _, url = parser.parseStrict(url)
        frame = doc.getCurrentController().getFrame()
        frame.activate()  # the menu's window is the current one
        dispatch = frame.queryDispatch(url, "", 0)
        self.assertIsNotNone(dispatch, url.Complete)
        done = Finished()
        dispatch.dispatchWithNotification(url, (), done)
        self.assertEqual([e.State for e in done.events], [SUCCESS])

    def run_as_job(self, doc):
        """The sentence of the menu entry's command, from the same service run as a job."""
        ctx = self.office.ctx
        menu = ctx.ServiceManager.createInstanceWithContext(SERVICE, ctx)
        command = self.menu_url().split("?", 1)[1]
        return menu.execute((named_value("Command", command), named_value("Document", doc)))

    def test_menu_entry_is_the_python_service(self):
        self.assertEqual(self.menu_url(), "service:%s?refresh-team" % SERVICE)

    def test_refused_documents(self):
        doc = self.new_doc()
        self.assertEqual(
            self.run_as_job(doc),
            "This is not a caseweight team summary (made from a team template).",
        )
        tpl = template_path("swindon-team-summary", OXT, self.office.tmp)
        doc = self.office.load(self.office.copy_in(tpl), AsTemplate=True)
        self.addCleanup(doc.close, True)
        self.assertEqual(
            self.run_as_job(doc),
            "Save the team summary in the folder of the workers' sheets first.",
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a folder the office user owns: it opens the files and locks the summary there
        cls.folder = cls.office.doc_path("Team A")
        os.makedirs(cls.folder)
        cls.addClassCleanup(shutil.rmtree, cls.folder, True)
        cls.expected = {}
        for file, (name, grade, fte, rows) in WORKERS.items():
            fields = {"worker": name, "team": "Team A", "as_at": AS_AT, "grade": grade, "fte": fte}
            cls.expected[file] = write_worker(
                cls.office, OXT, os.path.join(cls.folder, file), fields=fields, rows=rows
            )
        # open by a colleague: a lock file beside it
        write_worker(
            cls.office,
            OXT,
            os.path.join(cls.folder, "dan.ods"),
            fields={"worker": "Dan Doe", "as_at": AS_AT},
            rows=[{"name": "D", "cp": "CP"}],
        )
        with open(os.path.join(cls.folder, ".~lock.dan.ods#"), "w") as f:
            f.write("Eve Evans,eve,host,30.10.2026 09:00,;")
        # another scheme's sheet in the Swindon team's folder
        write_worker(
            cls.office,
            OXT,
            os.path.join(cls.folder, "fay.ods"),
            file="rbwm-all-cases",
            fields={"worker": "Fay Ford", "date": AS_AT},
            rows=[{"name": "F", "cp": "CP"}],
        )
        # Ben's earlier sheet of the month: his later one (ben.ods) counts
        write_worker(
            cls.office,
            OXT,
            os.path.join(cls.folder, "ben (copy).ods"),
            fields={"worker": " ben  best", "as_at": AS_AT - datetime.timedelta(days=20)},
            rows=[{"name": "B", "cp": "CP"}] * 5,
        )
        # September's sheet, in October's summary
        write_worker(
            cls.office,
            OXT,
            os.path.join(cls.folder, "old.ods"),
            fields={"worker": "Ola Old", "as_at": datetime.date(2026, 9, 30)},
            rows=[{"name": "O", "cp": "CP"}],
        )
        # a row in error: no total to count
        write_worker(
            cls.office,
            OXT,
            os.path.join(cls.folder, "gus.ods"),
            fields={"worker": "Gus Gray", "as_at": AS_AT},
            rows=[{"name": "G", "cp": "CP"}, {"name": "H", "lac": "NO-SUCH-CODE"}],
        )
        # damaged: cut off
        with open(os.path.join(cls.folder, "ann.ods"), "rb") as f:
            head = f.read(3000)
        with open(os.path.join(cls.folder, "eve.ods"), "wb") as f:
            f.write(head)
        # the team summary, saved in the folder
        tpl = template_path("swindon-team-summary", OXT, cls.office.tmp)
        doc = cls.office.load(cls.office.copy_in(tpl), AsTemplate=True)
        try:
            names = doc.NamedRanges
            names.getByName("cw_as_at").ReferredCells.getCellByPosition(0, 0).setValue(
                serial(AS_AT)
            )
            # a row typed by hand before: replaced by the refresh
            names.getByName("cw_col_worker").ReferredCells.getCellByPosition(0, 5).setString("Old")
            tmp = cls.office.doc_path("summary.ods")
            store(doc, tmp, FILTERS[".ods"])
        finally:
            doc.close(True)
        cls.summary = os.path.join(cls.folder, "summary.ods")
        shutil.move(tmp, cls.summary)
        owner = os.stat(cls.office.docs)
        for f in [cls.folder] + [os.path.join(cls.folder, n) for n in os.listdir(cls.folder)]:
            os.chown(f, owner.st_uid, owner.st_gid)

    def test_refresh(self):
        for file, got in self.expected.items():
            self.assertIsInstance(got["cw_total"], float, file)
        doc = self.load(self.summary)
        self.choose_menu_entry(doc)
        doc.calculateAll()
        read = {r["File"]: r for r in rows_of(doc.Sheets.getByName("Worker sheets"))}
        self.assertEqual(sorted(read), sorted(WORKERS))
        for file, (name, grade, fte, _) in WORKERS.items():
            r, want = read[file], self.expected[file]
            with self.subTest(file):
                self.assertEqual(r["Worker"], name)
                self.assertEqual(r["Grade"], grade)
                self.assertAlmostEqual(r["FTE"], fte)
                self.assertEqual(r["As at"], serial(AS_AT))
                self.assertAlmostEqual(r["Total"], want["cw_total"], places=9)
                self.assertEqual(r["Band"], want["cw_band"])
                self.assertAlmostEqual(r["Capacity"], want["cw_capacity"], places=9)
                self.assertAlmostEqual(r["Headroom"], want["cw_headroom"], places=9)
                self.assertEqual(r["Rows in error"], 0)
                self.assertTrue(r["Scheme"].startswith("SWINDON"), r["Scheme"])
        # the worker table: one row per worker, in file order; the old row is gone
        names = doc.NamedRanges

        def column(key):
            rng = names.getByName("cw_col_" + key).ReferredCells
            return [row[0] for row in rng.getDataArray()]

        self.assertEqual(column("worker")[:4], ["Ann Able", "Ben Best", "Cat Cole", ""])
        self.assertNotIn("Old", column("worker"))
        totals = column("total")
        for i, file in enumerate(sorted(WORKERS)):
            self.assertAlmostEqual(totals[i], self.expected[file]["cw_total"], places=9)
            band = names.getByName("cw_col_band").ReferredCells.getCellByPosition(0, i)
            self.assertEqual(band.getString(), self.expected[file]["cw_band"], file)
        self.assertAlmostEqual(
            names.getByName("cw_team_total").ReferredCells.getCellByPosition(0, 0).getValue(),
            sum(e["cw_total"] for e in self.expected.values()),
        )
        self.assertEqual(
            names.getByName("cw_workers").ReferredCells.getCellByPosition(0, 0).getValue(), 3
        )
        # the three files not read, with their reasons; nothing skipped in silence
        unread = {r["File"]: r["Reason"] for r in rows_of(doc.Sheets.getByName("Could not read"))}
        self.assertEqual(
            sorted(unread),
            ["ben (copy).ods", "dan.ods", "eve.ods", "fay.ods", "gus.ods", "old.ods"],
        )
        self.assertIn("locked: open in LibreOffice by Eve Evans", unread["dan.ods"])
        self.assertIn("damaged", unread["eve.ods"])
        self.assertIn("another scheme: a RBWM sheet", unread["fay.ods"])
        self.assertIn(
            "not counted: a second sheet of this worker: ben.ods (As at 30/10/2026) counts, "
            "with a later As at date",
            unread["ben (copy).ods"],
        )
        self.assertIn("not counted: its As at date 30/09/2026 is outside", unread["old.ods"])
        self.assertEqual(
            unread["gus.ods"],
            "Gus Gray: not counted: 1 row in error, so its total cannot be counted: fix the "
            "worker's sheet and refresh",
        )

        # a second refresh replaces the rows, it does not add to them; its sentence (the
        # message box's) counts the same files
        result = self.run_as_job(doc)
        self.assertEqual(
            result,
            "3 worker sheets counted from 9 files in the folder; 6 not read or not counted "
            "(see the sheet Could not read).",
        )
        self.assertEqual(len(rows_of(doc.Sheets.getByName("Worker sheets"))), 3)
        self.assertEqual(column("worker")[:4], ["Ann Able", "Ben Best", "Cat Cole", ""])


if __name__ == "__main__":
    import unittest

    unittest.main()
