"""The README's main job: score the sample team workbook headlessly and print the result."""

import os
import re
import subprocess
import sys
import unittest

from common import OXT, SOURCE_DIR


class MainJob(unittest.TestCase):
    def run_score(self, path):
        return subprocess.run(
            [
                sys.executable,
                os.path.join(SOURCE_DIR, "tools", "caseweight-score"),
                path,
                "--oxt",
                OXT,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )

    def test_sample_team_workbook(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        r = self.run_score(os.path.join(SOURCE_DIR, "samples", "swindon-team.fods"))
        out = r.stdout
        # Worked out by hand from SPEC 3.1 (see samples/make_sample.py for the caseloads).
        self.assertRegex(out, r"Asha Patel\s+EXPERIENCED\s+1\s+336\s+Within band\s+96\.00%")
        self.assertRegex(out, r"Ben Carter\s+NQSW\s+1\s+223\s+Within band")
        self.assertRegex(out, r"Chloe Evans\s+HIGHER-SPECIALIST\s+0\.8\s+345\s+Above band")
        # The planted mistake: the total shows an error, never a number, and the reason.
        self.assertRegex(out, r"Dan Okafor\s+EXPERIENCED\s+1\s+Err:\d+")
        self.assertIn(
            "Dan Okafor, row 9 (Vaughan family): SWINDON adds COMPLEX only to LAC or "
            "CP rows: add the case type, or remove COMPLEX.",
            out,
        )
        self.assertEqual(r.returncode, 1, out)

    def test_missing_file(self):
        r = self.run_score("/nonexistent/team.ods")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(re.search("no such file", r.stdout))


if __name__ == "__main__":
    unittest.main()
