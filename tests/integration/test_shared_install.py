"""Installed for every user of the computer (unopkg add --shared): a scheme pack beside
caseweight.oxt in a user's profile, and the Python menu service of caseweight.oxt
(org.caseweight.Menu, with the caseweight package in the extension's pythonpath/), which
refreshes a team summary. It changes the system installation, which every office on the
machine sees, so ctest runs this file alone (RUN_SERIAL)."""

import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from caseweight.county import template_path
from caseweight.office import FILTERS, UNOPKG, file_url, store
from common import OXT, Office, named_value
from test_scheme_packs import CHECKER, pack_files, renamed_rbwm, results


SHARED_NAME = "shared-install-test"
SHARED_ID = "org.caseweight.schemes." + SHARED_NAME
MENU_ID = "org.caseweight.menu-shared-install-test"
MENU_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">
  <manifest:file-entry manifest:full-path="python/caseweight_menu.py"
                       manifest:media-type="application/vnd.sun.star.uno-component;type=Python"/>
</manifest:manifest>
"""
MENU_DESCRIPTION = (
    """<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006">
  <identifier value="%s"/>
  <version value="1.0.0"/>
</description>
"""
    % MENU_ID
)


class Shared(unittest.TestCase):
    """unopkg add --shared: for every user of the computer. It changes the system
    installation, so it runs only as root and what it installs is removed again in any case."""

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


class SharedInstall(Shared):
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


def menu_package(folder):
    """An extension of caseweight.oxt's Python menu service alone (its python/ folder, the
    component and its pythonpath/), under its own identifier and without the licence that
    every user would have to accept at their office's next start (caseweight.oxt installed
    for all users asks each user once: a headless office cannot)."""
    out = os.path.join(folder, "menu-shared.oxt")
    with zipfile.ZipFile(OXT) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename.startswith("python/"):
                zout.writestr(info, zin.read(info))
        zout.writestr("META-INF/manifest.xml", MENU_MANIFEST)
        zout.writestr("description.xml", MENU_DESCRIPTION)
    return out


class SharedExtension(Shared):
    def test_menu_service_runs_from_a_shared_install(self):
        oxt = menu_package(self.folder)
        os.chmod(self.folder, 0o755)
        os.chmod(oxt, 0o644)
        self.shared_unopkg("remove", "--shared", MENU_ID)  # a leftover of an earlier run
        added = self.shared_unopkg("add", "--shared", "--suppress-license", oxt)
        try:
            self.assertEqual(added.returncode, 0, added.stdout)
            # an office whose profile has no caseweight of its own: only the shared service
            with Office() as office:
                team = office.doc_path("Team")
                os.makedirs(team)
                with open(os.path.join(team, "damaged.ods"), "wb") as f:
                    f.write(b"PK\x03\x04 cut off")
                tpl = template_path("swindon-team-summary", OXT, office.tmp)
                doc = office.load(office.copy_in(tpl), AsTemplate=True)
                try:
                    tmp = office.doc_path("summary.ods")
                    store(doc, tmp, FILTERS[".ods"])
                finally:
                    doc.close(True)
                summary = os.path.join(team, "summary.ods")
                shutil.move(tmp, summary)
                owner = os.stat(office.docs)
                for f in [team] + [os.path.join(team, n) for n in os.listdir(team)]:
                    os.chown(f, owner.st_uid, owner.st_gid)
                doc = office.load(summary)
                try:
                    menu = office.ctx.ServiceManager.createInstanceWithContext(
                        "org.caseweight.Menu", office.ctx
                    )
                    self.assertIsNotNone(menu, "the Python service is not registered")
                    result = menu.execute(
                        (named_value("Command", "refresh-team"), named_value("Document", doc))
                    )
                    unread = doc.Sheets.getByName("Could not read").getCellByPosition(1, 1)
                    reason = unread.getString()
                finally:
                    doc.close(True)
        finally:
            removed = self.shared_unopkg("remove", "--shared", MENU_ID)
        self.assertEqual(removed.returncode, 0, removed.stdout)
        self.assertEqual(
            result,
            "0 worker sheets counted from 1 files in the folder; 1 not read or not counted "
            "(see the sheet Could not read).",
        )
        self.assertEqual(reason, "damaged (not a complete .ods file: cut off or corrupt)")
        self.assertNotIn(MENU_ID, self.shared_unopkg("list", "--shared").stdout)
