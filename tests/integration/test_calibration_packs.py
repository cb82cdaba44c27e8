"""A council's own set of calibration vignettes, for its own scheme, carried by its scheme pack:
caseweight-pack checks the set and builds its calibration sheet; installed beside caseweight,
the sheet is under File > New > Templates and scores by the pack's scheme, and the comparison
knows the set, in the office with the pack (the menu command) and from the command line
(caseweight-calibrate --pack)."""

import os
import shutil
import subprocess
import unittest
import zipfile

from caseweight.office import props, store
from caseweight.score import used_range
from common import OXT, SOURCE_DIR, run_menu, template_urls
from test_scheme_packs import PackOffice, pack_files, run_pack

KENT = os.path.join(SOURCE_DIR, "tests", "data", "kent-test.toml")
KENT_SET = """# A council's own set: two cases of KENT-TEST.
scheme = "KENT-TEST"
set = "kent-1"
title = "Kent calibration set 1"

[[vignette]]
id = "K01"
title = "Two children on CP plans"
text = "Two brothers are on child protection plans for neglect; visits are routine."
children = 2
answer = { cp = "CP" }
reason = "Child protection, per child."

[[vignette]]
id = "K02"
title = "Child in care, placement breaking down"
text = "A 12-year-old in foster care whose placement is breaking down after a school exclusion."
children = 1
answer = { cic = "CIC; COMPLEX" }
reason = "Child in care, complex."
"""


def write_set(folder, text=KENT_SET, name="kent-vignettes.toml"):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class CalibrationPack(PackOffice):
    @classmethod
    def packs(cls, folder):
        cls.pack = pack_files(folder, "kent-cal", KENT, write_set(folder))
        return [cls.pack]

    def test_pack_holds_the_set_and_its_calibration_sheet(self):
        with zipfile.ZipFile(self.pack) as z:
            names = z.namelist()
        self.assertIn("schemes/kent-test.toml", names)
        self.assertIn("schemes/vignettes/kent-vignettes.toml", names)
        self.assertIn("templates/Caseweight/calibration-kent-1.ots", names)

    def test_a_set_with_a_mistake_is_refused_and_nothing_written(self):
        bad = write_set(
            self.folder,
            KENT_SET.replace('answer = { cp = "CP" }', 'answer = { cp = "CIC" }'),
            "bad.toml",
        )
        out = os.path.join(self.folder, "bad.oxt")
        proc = run_pack("--name", "bad", out, KENT, bad)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn('bad.toml: vignette K01: the column cp has no entry "CIC"', proc.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_file_that_is_not_a_scheme_pack_is_refused_by_name(self):
        # unopkg would add any extension, or a plain zip, without a word
        folder = os.path.join(self.folder, "not-a-pack")
        os.makedirs(folder)
        other = os.path.join(folder, "notes.oxt")
        with zipfile.ZipFile(other, "w") as z:
            z.writestr("notes.txt", "the team's notes, zipped")
        out = os.path.join(folder, "summary.ods")
        proc = subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", "caseweight-calibrate")]
            + ["--pack", other, folder, out, "--oxt", OXT],
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertEqual(
            proc.stderr,
            "caseweight-calibrate: %s is not a scheme pack: it is not an extension (it has no "
            "description.xml)\n" % other,
        )
        self.assertFalse(os.path.exists(out))

    def fill(self, url, manager, changes, folder):
        doc = self.office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True, AsTemplate=True)
        )
        self.addCleanup(doc.close, True)

        def cell(name, row=0):
            return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, row)

        cell("cw_manager").setString(manager)
        answers = [({"cp": "CP"}, 2), ({"cic": "CIC; COMPLEX"}, 1)]
        for i, (answer, children) in enumerate(answers):
            for key, entry in dict(answer, **changes.get(i, {})).items():
                cell("cw_col_" + key, i).setString(entry)
            cell("cw_col_children", i).setValue(children)
        doc.calculateAll()
        checks = [cell("cw_col_check", i).getString() for i in range(2)]
        self.assertEqual(checks, ["OK", "OK"])  # scored by the pack's scheme
        tmp = self.office.doc_path(manager + ".ods")
        store(doc, tmp, "calc8")
        shutil.copyfile(tmp, os.path.join(folder, manager + ".ods"))
        return [cell("cw_col_points", i).getValue() for i in range(2)]

    def rows(self, doc):
        rng, _, _ = used_range(doc.Sheets.getByName("Vignettes"))
        data = [list(r) for r in rng.getDataArray()]
        top = next(i for i, r in enumerate(data) if r[0] == "Vignette")
        return {r[0]: dict(zip(data[top], r)) for r in data[top + 1 :] if r[0]}

    def test_the_sheet_is_filled_and_compared_with_the_pack_installed(self):
        url = template_urls(self.office).get("calibration-kent-1")
        self.assertTrue(url, "the pack's calibration sheet is in the template paths")
        os.chmod(self.folder, 0o755)  # the office's user reads the managers' sheets here
        folder = os.path.join(self.folder, "panel")
        os.makedirs(folder)
        os.chmod(folder, 0o777)
        ann = self.fill(url, "Ann", {}, folder)
        self.fill(url, "Ben", {0: {"cp": "CP; COMPLEX"}}, folder)

        # in the office with the pack: the menu command
        target = self.new_doc()
        sentence = run_menu(self.office, "compare-calibration", Folder=folder, Document=target)
        self.assertIn(
            "Compared the calibration sheets of 2 managers on Kent calibration set 1", sentence
        )
        rows = self.rows(target)
        self.assertEqual(rows["K01"]["Matched the reference"], 1)
        self.assertEqual(rows["K02"]["Matched the reference"], 2)
        self.assertEqual([rows[k]["Reference points"] for k in ("K01", "K02")], ann)

        # from the command line, with the pack installed in its own office
        out = os.path.join(self.folder, "kent-summary.ods")
        proc = subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", "caseweight-calibrate")]
            + ["--pack", self.pack, folder, out, "--oxt", OXT],
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        doc = self.office.load(self.office.copy_in(out))
        self.addCleanup(doc.close, True)
        self.assertEqual([self.rows(doc)[k]["Reference points"] for k in ("K01", "K02")], ann)
        # without the pack the set is not known: said, nothing written
        proc = subprocess.run(
            ["/usr/bin/python3", os.path.join(SOURCE_DIR, "tools", "caseweight-calibrate")]
            + [folder, out + "2.ods", "--oxt", OXT],
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("no vignette set kent-1", proc.stderr)


if __name__ == "__main__":
    unittest.main()
