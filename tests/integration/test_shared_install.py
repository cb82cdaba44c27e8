"""A scheme pack installed for every user of the computer (unopkg add --shared), beside
caseweight.oxt in a user's profile. It changes the system installation, which every office
on the machine sees, so ctest runs this file alone (RUN_SERIAL)."""

import os
import shutil
import subprocess
import tempfile
import unittest

from caseweight.office import UNOPKG, file_url
from common import OXT, Office
from test_scheme_packs import CHECKER, pack_files, renamed_rbwm, results


SHARED_NAME = "shared-install-test"
SHARED_ID = "org.caseweight.schemes." + SHARED_NAME


class SharedInstall(unittest.TestCase):
    """unopkg add --shared: for every user of the computer. It changes the system
    installation, so it runs only as root and the pack is removed again in any case."""

    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("installing for all users changes the system installation: root only")
        if not os.path.exists(OXT) or not CHECKER:
            self.skipTest("build the .oxt and caseweight-scheme first")
        self.folder = tempfile.mkdtemp(prefix="caseweight-shared-")
        self.addCleanup(shutil.rmtree, self.folder, True)

    def shared_unopkg(self, *args):
        # unopkg needs a user profile even for --shared: a throw-away one, not root's own.
        profile = "-env:UserInstallation=" + file_url(os.path.join(self.folder, "root-profile"))
        env = dict(os.environ, HOME=self.folder)
        env.pop("PYTHONPATH", None)
        return subprocess.run(
            [UNOPKG] + list(args) + [profile],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            timeout=240,
        )

    def test_pack_installed_for_all_users(self):
        source = renamed_rbwm(self.folder, "SHARED-PACK-TEST", "shared-pack-test")
        oxt = pack_files(self.folder, SHARED_NAME, source)
        os.chmod(self.folder, 0o755)
        os.chmod(oxt, 0o644)
        self.shared_unopkg("remove", "--shared", SHARED_ID)  # a leftover of an earlier run
        added = self.shared_unopkg("add", "--shared", "--suppress-license", oxt)
        try:
            self.assertEqual(added.returncode, 0, added.stdout)
            with Office(oxt=OXT) as office:
                doc = office.new_calc()
                try:
                    got = results(
                        doc,
                        [
                            '=CASEPOINTS("SHARED-PACK-TEST";"CP;COURT")',
                            '=CASEPOINTS("RBWM";"CP;COURT")',
                        ],
                    )
                finally:
                    doc.close(True)
            self.assertEqual(got, [("value", 9.0), ("value", 9.0)])
        finally:
            removed = self.shared_unopkg("remove", "--shared", SHARED_ID)
        self.assertEqual(removed.returncode, 0, removed.stdout)
        listed = self.shared_unopkg("list", "--shared")
        self.assertNotIn(SHARED_ID, listed.stdout)
