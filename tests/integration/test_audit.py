"""tools/caseweight-audit on hand-made weighting sheets built here through UNO (audit_sheets.py):
the exact findings, the exit status, and the corrected copy of --fix in Calc."""

import hashlib
import os
import shutil
import subprocess
import tempfile
import unittest

import audit_sheets
from common import FILTERS, SOURCE_DIR, OXT, OfficeTestCase, store

AUDIT = os.path.join(SOURCE_DIR, "tools", "caseweight-audit")
PYTHON = "/usr/bin/python3"

SWINDON_FINDINGS = [
    "Mary Bloggs (Sheet1, SWINDON grid, rows 3-12)",
    "  Sheet1.D5  7: The SWINDON LAC column holds 6 or 10 for 1 child; 7 is not one of them.",
    "  Sheet1.I7  5: The SWINDON additional travel column holds 4, 6 or 10 for 1 child; 5 is not "
    "one of them.",
    "  Sheet1.L8  25: The row total does not add up: the row's numbers make 21.",
    "  Total as the scheme computes it: 149, Within band (grade NQSW)",
    "Ben Carter (Sheet1, SWINDON grid, rows 17-21)",
    "  Sheet1.L21  66: The Total Score does not add up: the row totals make 56.",
    "  Total as the scheme computes it: 72, Below band (grade EXPERIENCED)",
    "grid 3 (Sheet1, SWINDON grid, rows 25-27)",
    "  Total as the scheme computes it: 25, Below band (default grade EXPERIENCED)",
    "",
    "4 findings.",
]

RBWM_FINDINGS = [
    "Dana Hill (Appendix 1, RBWM grid, rows 4-9)",
    "  'Appendix 1'.J7  4: The RBWM fostering column holds 3, 6 or 9 for 1 child; 4 is not one "
    "of them.",
    "  'Appendix 1'.D8  7: The RBWM CP column holds 6 or 10 for 1 child; 7 is not one of them.",
    "  Total as the scheme computes it: 96, Below band (grade NQSW)",
    "",
    "2 findings.",
]

NOTTS_FINDINGS = [
    "Erin Shaw (Erin, NOTTS pro-forma)",
    "  Erin.E21  9: The NOTTS first child column holds 1, 2, 3, 4, 5, 6, 7, 8, 10, 14 or 15 for "
    "1 child; 9 is not one of them.",
    "  Erin.E22  1 x 5 = 5: The NOTTS other children column holds 1, 2, 3, 4 or 6 for 2 children; "
    "5 is not one of them.",
    "  Erin.F22  6: Equals does not add up: 1 x 5 makes 5.",
    "  Erin.E23  10: The NOTTS additional points column holds 1, 2, 3, 4, 5, 6, 7, 8 or 9 for 1 "
    "child; 10 is not one of them.",
    "  Erin.F25  30: The TOTAL of White does not add up: its lines make 25.",
    "  Total as the scheme computes it: 56, Sustainable (FTE 0.6)",
    "",
    "5 findings.",
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class AuditTool(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-audit-test-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)

    def make(self, builder, name):
        """Builds a sheet with audit_sheets.<builder> and saves it as tmp/name."""
        doc = self.new_doc()
        builder(doc)
        out = self.office.doc_path(name)
        store(doc, out, FILTERS[os.path.splitext(name)[1]])
        path = os.path.join(self.tmp, name)
        shutil.copyfile(out, path)
        return path

    def audit(self, *args):
        r = subprocess.run(
            [PYTHON, AUDIT, "--oxt", OXT] + list(args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
            env=self.tool_env(),
        )
        return r.returncode, r.stdout.splitlines(), r.stderr

    def test_swindon_sheet1_with_several_workers_ods_and_xlsx(self):
        for ext in (".ods", ".xlsx"):
            with self.subTest(ext):
                path = self.make(audit_sheets.swindon_team, "swindon" + ext)
                code, out, err = self.audit(path)
                self.assertEqual(out, ["%s: 3 workers" % path] + SWINDON_FINDINGS, err)
                self.assertEqual(code, 1)

    def test_rbwm_appendix_1(self):
        path = self.make(audit_sheets.rbwm, "rbwm.ods")
        code, out, err = self.audit(path)
        self.assertEqual(out, ["%s: 1 worker" % path] + RBWM_FINDINGS, err)
        self.assertEqual(code, 1)

    def test_notts_pro_forma(self):
        path = self.make(audit_sheets.notts, "notts.xlsx")
        code, out, err = self.audit(path)
        self.assertEqual(out, ["%s: 1 worker" % path] + NOTTS_FINDINGS, err)
        self.assertEqual(code, 1)

    def test_clean_sheet_exits_0(self):
        path = self.make(audit_sheets.swindon_clean, "clean.ods")
        code, out, err = self.audit(path)
        self.assertEqual(
            out,
            [
                "%s: 1 worker" % path,
                "Asha Patel (Weighting, SWINDON grid, rows 3-6)",
                "  Total as the scheme computes it: 69, Below band (default grade EXPERIENCED)",
                "",
                "No findings: every typed number is allowed and every total adds up.",
            ],
            err,
        )
        self.assertEqual(code, 0)

    def test_unreadable_or_unrecognised_exits_2(self):
        shop = self.make(audit_sheets.shopping_list, "shopping.ods")
        code, out, err = self.audit(shop)
        self.assertEqual(code, 2)
        self.assertEqual(out, [])
        self.assertIn("no Swindon, RBWM or Nottinghamshire weighting sheet recognised", err)
        code, out, err = self.audit(os.path.join(self.tmp, "missing.ods"))
        self.assertEqual((code, out), (2, []))
        self.assertIn("no such file", err)
        junk = os.path.join(self.tmp, "junk.xlsx")
        with open(junk, "wb") as f:
            f.write(b"PK\x03\x04 not really a workbook")
        code, out, err = self.audit(junk)
        self.assertEqual((code, out), (2, []), err)

    def fixed(self, builder, name, out_name):
        """Audits tmp/name with --fix; checks the input is unchanged; returns the loaded copy."""
        path = self.make(builder, name)
        before = sha256(path)
        out = os.path.join(self.tmp, out_name)
        code, lines, err = self.audit(path, "--fix", out)
        self.assertEqual(code, 1, err)
        self.assertEqual(lines[-1], "Corrected copy: " + out)
        self.assertEqual(sha256(path), before, "the audited file must not change")
        doc = self.load(self.office.copy_in(out))
        doc.calculateAll()
        return doc, out

    def test_fix_swindon_writes_formulas_that_compute_the_scheme_totals(self):
        doc, out = self.fixed(audit_sheets.swindon_team, "swindon-fix.xlsx", "swindon-fixed.ods")
        sh = doc.Sheets.getByName("Sheet1")

        def cell(a):
            return sh.getCellRangeByName(a)

        # row totals: SUM of the row's number columns, right where they were typed wrong
        self.assertEqual(cell("L8").getFormula(), "=SUM(C8:K8)")
        self.assertEqual(cell("L8").getValue(), 21)
        # text in a total cell is kept as a comment; the total is the row's sum
        self.assertEqual(cell("L20").getValue(), 16)
        self.assertEqual(cell("L20").getAnnotation().getString(), "TO BE CLOSED")
        # worker totals and bands, as the audit computed them
        for total, band, value, label in (
            ("L12", "M12", 149, "Within band"),
            ("L21", "M21", 72, "Below band"),
            ("L27", "M27", 25, "Below band"),
        ):
            self.assertIn("WORKLOADPOINTS", cell(total).getFormula())
            self.assertEqual(cell(total).getValue(), value, total)
            self.assertIn("WORKLOADBAND", cell(band).getFormula())
            self.assertEqual(cell(band).getString(), label, band)
        self.assertIn('"NQSW"', cell("M12").getFormula())
        # every number column of every grid is checked by conditional formatting
        for a, column in (("D5", "lac"), ("I7", "travel"), ("K19", "group-work"), ("F26", "court")):
            entries = cell(a).ConditionalFormat
            formulas = [entries.getByIndex(i).getFormula1() for i in range(entries.getCount())]
            self.assertTrue(
                any("COLUMNCHECK" in f and '"%s"' % column in f for f in formulas), (a, formulas)
            )
        # the Elm family (basic 20: a CIN family of several children) is checked as such
        entries = cell("C9").ConditionalFormat
        self.assertTrue(
            any(
                entries.getByIndex(i).getFormula1().endswith(';2)<>"OK"')
                for i in range(entries.getCount())
            )
        )
        # audited again, only the typed numbers the scheme does not allow remain
        code, lines, err = self.audit(out)
        self.assertEqual(code, 1, err)
        self.assertEqual(
            [x for x in lines if x.startswith("  Sheet1.")],
            [SWINDON_FINDINGS[1], SWINDON_FINDINGS[2]],
        )

    def test_fix_notts_to_xlsx(self):
        doc, out = self.fixed(audit_sheets.notts, "notts-fix.ods", "notts-fixed.xlsx")
        sh = doc.Sheets.getByName("Erin")

        def cell(a):
            return sh.getCellRangeByName(a)

        self.assertEqual(cell("F22").getValue(), 5)
        self.assertEqual(cell("F25").getFormula(), "=SUM(F21:F24)")
        self.assertEqual(cell("F25").getValue(), 24)
        self.assertIn("WORKLOADPOINTS", cell("F27").getFormula())
        self.assertEqual(cell("F27").getValue(), 56)
        self.assertEqual(cell("G27").getString(), "Sustainable")
        entries = cell("E22").ConditionalFormat
        self.assertTrue(
            any(
                '"other-children"' in entries.getByIndex(i).getFormula1()
                for i in range(entries.getCount())
            )
        )
        code, lines, err = self.audit(out)
        self.assertEqual(code, 1, err)
        self.assertEqual([x for x in lines if "does not add up" in x], [])
        self.assertIn("  Total as the scheme computes it: 56, Sustainable (FTE 0.6)", lines)

    def test_fix_refuses_to_overwrite_the_input(self):
        path = self.make(audit_sheets.swindon_clean, "same.ods")
        before = sha256(path)
        code, _, err = self.audit(path, "--fix", path)
        self.assertEqual(code, 2, err)
        self.assertEqual(sha256(path), before)


if __name__ == "__main__":
    unittest.main()
