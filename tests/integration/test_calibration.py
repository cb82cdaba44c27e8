"""Calibration exercises in real Calc: the calibration templates, every reference coding scored
by the add-in, and a made-up panel of managers' sheets with known answers compared by
caseweight-calibrate and by the menu command (the same code), its agreement figures and flags
checked against values worked out by hand."""

import os
import shutil
import subprocess
import tempfile
import unittest

import uno
from caseweight import vignettes
from caseweight.score import used_range
from common import SOURCE_DIR, OfficeTestCase, run_menu, store, template_urls
from test_share_pseudonymised import members, strings
from test_share_templates import contract

SET = "swindon-1"
# The panel: each manager's differences from the reference coding of swindon-1, by vignette
# ({column: entry}, "empty" for a vignette left empty). Alex codes the reference throughout.
PANEL = {
    "a-alex.ods": ("Alex Carter", {}),
    "b-bea.ods": (
        "Bea Morgan",
        {"SW01": {"travel": "TRAVEL-2H"}, "SW02": {"cp": "CP"}},
    ),
    "c-cal.ods": (
        "Cal Hughes",
        {
            "SW01": {"travel": "TRAVEL-2H"},
            "SW02": {"court": "COURT-ACTIVE"},
            "SW03": "empty",
        },
    ),
}
# Sheets that do not count, and why.
SECOND = ("d-alex-again.ods", "alex  CARTER")  # the same manager, written another way
NO_NAME = "e-no-name.ods"


class Calibration(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = tempfile.mkdtemp(prefix="cw-calibration-")
        os.chmod(cls.folder, 0o777)
        cls.addClassCleanup(shutil.rmtree, cls.folder, True)
        cls.set = vignettes.find(SET)
        cls.urls = template_urls(cls.office)

    def open_template(self, set_id=SET):
        url = self.urls.get("calibration-" + set_id)
        self.assertIsNotNone(url, "calibration-%s.ots in the template paths" % set_id)
        doc = self.office.load(uno.fileUrlToSystemPath(url), AsTemplate=True)
        self.addCleanup(doc.close, True)
        return doc

    def cell(self, doc, name, row=0):
        # a named range's cells fetched once per document: each object costs a millisecond
        referred = self.__dict__.setdefault("_referred", {})
        key = (id(doc), name)
        if key not in referred:
            referred[key] = (doc, doc.NamedRanges.getByName(name).ReferredCells)  # doc kept: id
        return referred[key][1].getCellByPosition(0, row)

    def code(self, vset, v, changes=None):
        """{column: entry} of vignette v: the reference with changes."""
        answer = dict(v.answer)
        answer.update(changes or {})
        return answer

    def fill(self, doc, vset, manager, changes=None):
        """Codes every vignette of the sheet as the reference, with the changes of
        {vignette id: {column: entry} or "empty"}."""
        changes = changes or {}
        if manager is not None:
            self.cell(doc, "cw_manager").setString(manager)
        self.cell(doc, "cw_team").setString("Team A")
        ids = [self.cell(doc, "cw_col_vignette", i).getString() for i in range(len(vset.vignettes))]
        self.assertEqual(ids, [v.id for v in vset.vignettes])
        for i, v in enumerate(vset.vignettes):
            change = changes.get(v.id)
            if change == "empty":
                continue
            for key, entry in self.code(vset, v, change).items():
                self.cell(doc, "cw_col_" + key, i).setString(entry)
            self.cell(doc, "cw_col_children", i).setValue(v.children)
            if v.share != 1:
                self.cell(doc, "cw_col_share", i).setValue(v.share)
        doc.calculateAll()

    def save(self, doc, name, folder=None):
        tmp = self.office.doc_path(name)
        store(doc, tmp, "calc8")
        path = os.path.join(folder or self.folder, name)
        shutil.copyfile(tmp, path)
        return path

    def panel(self, folder):
        """The panel's sheets in folder, and the sheets that must not count."""
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o777)
        for name, (manager, changes) in PANEL.items():
            doc = self.open_template()
            self.fill(doc, self.set, manager, changes)
            self.save(doc, name, folder)
        doc = self.open_template()
        self.fill(doc, self.set, SECOND[1], {"SW05": {"lac": "LAC"}})
        self.save(doc, SECOND[0], folder)
        doc = self.open_template()
        self.fill(doc, self.set, None)
        self.save(doc, NO_NAME, folder)
        rbwm = vignettes.find("rbwm-1")
        doc = self.open_template("rbwm-1")
        self.fill(doc, rbwm, "Eve Rowe")
        self.save(doc, "f-rbwm.ods", folder)
        with open(os.path.join(folder, "g-damaged.ods"), "wb") as f:
            f.write(b"PK\x03\x04 not really a workbook")
        worker = self.office.load(
            uno.fileUrlToSystemPath(self.urls["swindon-children"]), AsTemplate=True
        )
        self.addCleanup(worker.close, True)
        self.save(worker, "h-worker-sheet.ods", folder)

    def points_of(self, vset, answers):
        """The add-in's points of rows {vignette id: {column: entry}} of vset, worked out in a
        scratch sheet as a sheet's row is."""
        doc = self.new_doc()
        sh = doc.Sheets.getByIndex(0)
        out = {}
        for i, (vid, answer) in enumerate(answers.items()):
            v = vset.by_id(vid)
            codes = "; ".join(e for e in answer.values() if e)
            sh.getCellByPosition(0, i).setFormula(
                '=CASEPOINTS("%s";"%s";%d;%s)' % (vset.scheme, codes, v.children, v.share)
            )
        doc.calculateAll()
        for i, vid in enumerate(answers):
            out[vid] = sh.getCellByPosition(0, i).getValue()
        return out

    # -- the templates --------------------------------------------------------------------

    def test_every_set_has_its_template_listing_the_cases_without_the_reference(self):
        for vset in vignettes.sets():
            with self.subTest(vset.set):
                doc = self.open_template(vset.set)
                self.assertEqual(self.cell(doc, "cw_calibration_set").getString(), vset.set)
                n = len(vset.vignettes)
                titles = [self.cell(doc, "cw_col_vignette_title", i).getString() for i in range(n)]
                self.assertEqual(titles, [v.title for v in vset.vignettes])
                cases = doc.Sheets.getByName("Vignettes")
                shown = {cases.getCellByPosition(2, 3 + i).getString() for i in range(n)}
                self.assertEqual(shown, {v.text for v in vset.vignettes})
                every = "\n".join(
                    s
                    for name in doc.Sheets.getElementNames()
                    for row in self.shown(doc, doc.Sheets.getByName(name))
                    for s in row
                )
                for v in vset.vignettes:
                    self.assertNotIn(v.reason, every, "the reference's reason is on the sheet")
                self.assertTrue(self.cell(doc, "cw_col_vignette").CellProtection.IsLocked)
                decl = contract(doc)
                self.assertIn("Vignettes", decl["sheets"])
                self.assertIn("cw_manager", decl["Worker"])

    @staticmethod
    def shown(doc, sh):
        """What each cell from A1 to the end of the used area shows, row by row."""
        rng, _, _ = used_range(sh)
        return strings(rng, doc)

    def test_every_reference_coding_scores_on_its_sheet(self):
        # The vignette files are checked against the engine here, in Calc: each reference
        # coding entered on its calibration sheet is a row that follows the scheme.
        for vset in vignettes.sets():
            with self.subTest(vset.set):
                doc = self.open_template(vset.set)
                self.fill(doc, vset, "Reference")
                for i, v in enumerate(vset.vignettes):
                    check = self.cell(doc, "cw_col_check", i)
                    points = self.cell(doc, "cw_col_points", i)
                    self.assertEqual((v.id, check.getString()), (v.id, "OK"))
                    self.assertEqual(points.getError(), 0, v.id)
                    self.assertGreater(points.getValue(), 0, v.id)

    # -- the comparison -------------------------------------------------------------------

    def compared(self, folder):
        out = os.path.join(self.folder, os.path.basename(folder) + "-summary.ods")
        proc = self.tool("caseweight-calibrate", folder, out)
        doc = self.load(self.office.copy_in(out))
        return proc, out, doc

    def table(self, doc, sheet, header):
        rng, _, _ = used_range(doc.Sheets.getByName(sheet))
        rows = [list(r) for r in rng.getDataArray()]
        top = next(i for i, r in enumerate(rows) if r[0] == header)
        keys = rows[top]
        return [dict(zip(keys, r)) for r in rows[top + 1 :] if r[0] != ""]

    def test_a_panel_gives_the_figures_worked_out_by_hand(self):
        folder = os.path.join(self.folder, "panel")
        self.panel(folder)
        proc, out, doc = self.compared(folder)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)  # some did not count
        self.assertIn(
            "Compared the calibration sheets of 3 managers on Swindon calibration set 1",
            proc.stdout,
        )

        # Not counted, each with its reason; the panel's own sheets all count.
        unread = {r["File"]: r["Reason"] for r in self.table(doc, "Not counted", "File")}
        self.assertIn(
            "a second sheet from alex CARTER (first: a-alex.ods)", unread["d-alex-again.ods"]
        )
        self.assertEqual(unread[NO_NAME], "no manager's name on the sheet")
        self.assertEqual(unread["f-rbwm.ods"], "is for set rbwm-1, not swindon-1")
        self.assertIn("g-damaged.ods", unread)
        self.assertIn("not a calibration sheet", unread["h-worker-sheet.ods"])
        notes = [
            r["Reason"] for r in self.table(doc, "Not counted", "File") if r["File"] == "c-cal.ods"
        ]
        self.assertEqual(notes, ["vignette SW03 left empty"])

        # Per vignette: the reference points scored by the add-in, matches and spread.
        rows = {r["Vignette"]: r for r in self.table(doc, "Vignettes", "Vignette")}
        self.assertEqual(list(rows), [v.id for v in self.set.vignettes])
        reference = self.points_of(self.set, {v.id: v.answer for v in self.set.vignettes})
        for vid, r in rows.items():
            self.assertEqual(r["Reference points"], reference[vid], vid)
        matched = {vid: (r["Matched the reference"], r["Answered"]) for vid, r in rows.items()}
        self.assertEqual(matched.pop("SW01"), (1, 3))
        self.assertEqual(matched.pop("SW02"), (1, 3))
        self.assertEqual(matched.pop("SW03"), (2, 2))
        self.assertEqual(set(matched.values()), {(3, 3)})
        # SW02, four CP siblings: Bea without COMPLEX, Cal adds active court work; the points
        # range wider than EXPERIENCED's band (330 to 350: 20 points), so it is for discussion.
        sw02 = (
            self.points_of(
                self.set,
                {"SW02": {"cp": "CP"}},
            )["SW02"],
            reference["SW02"],
            self.points_of(self.set, {"SW02": {"cp": "CP; COMPLEX", "court": "COURT-ACTIVE"}})[
                "SW02"
            ],
        )
        self.assertGreater(sw02[2] - sw02[0], 20)
        self.assertEqual(
            (
                rows["SW02"]["Lowest points"],
                rows["SW02"]["Median points"],
                rows["SW02"]["Highest points"],
            ),
            (sw02[0], sw02[1], sw02[2]),
        )
        flagged = {vid for vid, r in rows.items() if r["For discussion"]}
        self.assertEqual(flagged, {"SW02"})
        self.assertIn("wider than the band (20)", rows["SW02"]["For discussion"])

        # Agreement on the travel column, worked out by hand. Values per vignette (Alex, Bea,
        # Cal): SW01 (1-2H, 2H, 2H), SW06 (NEAR x3), SW11 (2H x3), SW03 ("", "", left empty),
        # the other ten ("" x3). Krippendorff: coincidences ""-"" 30 + 2, NEAR 3, 2H 3 + 1,
        # 1-2H/2H 1 + 1; n = 41, n_c = 32, 3, 5, 1. D_o = 2/41; D_e = (41^2 - (32^2 + 3^2 +
        # 5^2 + 1^2)) / (41 x 40) = 622/1640; alpha = 1 - (2/41) / (622/1640) = 0.8714.
        # Fleiss over the 13 complete vignettes, 3 managers: p = 30, 3, 5, 1 of 39,
        # P_e = 935/1521; P_i = 1 but SW01 1/3, mean 37/39; kappa = (1443 - 935) / (1521 - 935)
        # = 508/586 = 0.8669.
        agreement = {r["Column"]: r for r in self.table(doc, "Agreement", "Column")}
        travel = agreement["Additional travel"]
        self.assertAlmostEqual(travel["Krippendorff's alpha"], 1 - (2 / 41) / (622 / 1640), 9)
        self.assertEqual(travel["Alpha in words"], "good")
        self.assertEqual(travel["Kappa in words"], "almost perfect")
        self.assertAlmostEqual(travel["Fleiss' kappa"], 508 / 586, 9)
        self.assertEqual((travel["Vignettes (alpha)"], travel["Vignettes (kappa)"]), (14, 13))
        # Children: everyone gave the reference's number wherever they answered.
        self.assertEqual(agreement["Children"]["Krippendorff's alpha"], 1)

        # Per manager: matches and the mean difference from the reference points.
        managers = {r["Manager"]: r for r in self.table(doc, "Managers", "Manager")}
        self.assertEqual(set(managers), {"Alex Carter", "Bea Morgan", "Cal Hughes"})
        self.assertEqual(managers["Alex Carter"]["Matched the reference"], 14)
        self.assertEqual(managers["Alex Carter"]["Mean difference from the reference points"], 0)
        self.assertEqual(managers["Bea Morgan"]["Matched the reference"], 12)
        self.assertEqual(managers["Cal Hughes"]["Matched the reference"], 11)
        self.assertEqual(managers["Cal Hughes"]["Answered"], 13)
        bea = self.points_of(self.set, {"SW01": {"cp": "CP", "travel": "TRAVEL-2H"}})["SW01"]
        expected = ((bea - reference["SW01"]) + (sw02[0] - reference["SW02"])) / 14
        self.assertAlmostEqual(
            managers["Bea Morgan"]["Mean difference from the reference points"], expected, 9
        )

        # The chart of points per vignette and manager.
        charts = doc.Sheets.getByName("Points").getCharts()
        self.assertTrue(charts.hasByName("Points"))

        # Shared with the managers' names replaced, every label kept.
        shared = os.path.join(self.folder, "summary-shared.ods")
        r = self.tool("caseweight-share", "--pseudonymise-workers", out, shared)
        self.assertEqual(r.returncode, 0, r.stderr)
        raw = b"".join(members(shared).values())
        for name in ("Alex Carter", "alex CARTER", "Bea Morgan", "Cal Hughes", "a-alex.ods"):
            self.assertNotIn(name.encode(), raw)
        copy = self.load(self.office.copy_in(shared))
        managers = [r["Manager"] for r in self.table(copy, "Managers", "Manager")]
        self.assertEqual(sorted(m[:7] for m in managers), ["Worker "] * 3)
        self.assertEqual(
            [r["Vignette"] for r in self.table(copy, "Vignettes", "Vignette")],
            [v.id for v in self.set.vignettes],
        )

    def test_the_menu_command_writes_the_same_summary(self):
        folder = os.path.join(self.folder, "menu")
        os.makedirs(folder)
        os.chmod(folder, 0o777)
        for name in ("a-alex.ods", "b-bea.ods"):
            manager, changes = PANEL[name]
            doc = self.open_template()
            self.fill(doc, self.set, manager, changes)
            self.save(doc, name, folder)
        target = self.new_doc()
        sentence = run_menu(self.office, "compare-calibration", Folder=folder, Document=target)
        self.assertIn("Compared the calibration sheets of 2 managers", sentence)
        rows = {r["Vignette"]: r for r in self.table(target, "Vignettes", "Vignette")}
        self.assertEqual(rows["SW01"]["Matched the reference"], 1)
        self.assertEqual(rows["SW04"]["Matched the reference"], 2)
        empty = tempfile.mkdtemp(prefix="cw-no-calibration-", dir=self.folder)
        os.chmod(empty, 0o777)
        self.assertIn(
            "No comparison made: no calibration sheet in",
            run_menu(self.office, "compare-calibration", Folder=empty, Document=target),
        )

    def test_the_summary_never_replaces_a_managers_sheet(self):
        folder = tempfile.mkdtemp(prefix="cw-own-sheet-", dir=self.folder)
        os.chmod(folder, 0o777)
        for name in ("Alex Carter", "Bea Morgan"):  # one would be compared, one replaced
            doc = self.open_template()
            self.fill(doc, self.set, name)
            self.save(doc, name.split()[0].lower() + ".ods", folder)
        sheet = os.path.join(folder, "alex.ods")
        with open(sheet, "rb") as f:
            before = f.read()
        proc = self.tool("caseweight-calibrate", folder, sheet)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("is a sheet of the folder compared, not a comparison", proc.stderr)
        with open(sheet, "rb") as f:
            self.assertEqual(f.read(), before)
        # an earlier summary in the folder is replaced, and not read as a sheet
        summary = os.path.join(folder, "summary.ods")
        for _ in range(2):
            proc = self.tool("caseweight-calibrate", folder, summary)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertIn("Compared the calibration sheets of 2 managers", proc.stdout)

    def test_command_refuses_what_it_cannot_compare(self):
        empty = tempfile.mkdtemp(prefix="cw-nothing-", dir=self.folder)
        os.chmod(empty, 0o777)
        out = os.path.join(self.folder, "nothing.ods")
        proc = self.tool("caseweight-calibrate", empty, out)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("no calibration sheet in", proc.stderr)
        self.assertFalse(os.path.exists(out))
        proc = self.tool("caseweight-calibrate", os.path.join(empty, "missing"), out)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("is not a folder", proc.stderr)
        proc = subprocess.run(
            [
                "/usr/bin/python3",
                os.path.join(SOURCE_DIR, "tools", "caseweight-calibrate"),
                "--help",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("Krippendorff's alpha", proc.stdout)


if __name__ == "__main__":
    unittest.main()
