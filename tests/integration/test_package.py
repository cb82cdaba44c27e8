"""The .oxt as a user installs it: unopkg add, registered, works, removes cleanly."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
import xml.etree.ElementTree as ET

from common import ERR_NAME, FILTERS, OXT, SOURCE_DIR, Office, cell_result, store
from caseweight.office import OfficeError

NS = {
    "d": "http://openoffice.org/extensions/description/2006",
    "lo": "http://libreoffice.org/extensions/description/2011",
}
EXTENSION_ID = "org.caseweight.extension"
# The release before this one (the version in the top CMakeLists.txt): raise it with each release.
PREVIOUS_RELEASE = "0.2.0"
SDK_DIR = "/usr/lib/libreoffice/sdk"


def oxt_version(oxt):
    with zipfile.ZipFile(oxt) as z:
        return ET.fromstring(z.read("description.xml")).find("d:version", NS).get("value")


def version_tuple(version):
    return tuple(int(part) for part in version.split("."))


def repack_with_version(oxt, version, out):
    """A copy of the package with another version in its description.xml."""
    current = oxt_version(oxt)
    with zipfile.ZipFile(oxt) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "description.xml":
                old = ('<version value="%s"/>' % current).encode()
                new = ('<version value="%s"/>' % version).encode()
                if data.count(old) != 1:
                    raise AssertionError("no single version element in description.xml")
                data = data.replace(old, new)
            zout.writestr(info, data)
    return out


def listed_versions(listing):
    """The versions unopkg list shows for the extension."""
    return re.findall(r"Identifier: %s\s+Version: (\S+)" % re.escape(EXTENSION_ID), listing)


class PackageContents(unittest.TestCase):
    def test_oxt_has_what_extension_manager_needs(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        with zipfile.ZipFile(OXT) as z:
            names = set(z.namelist())
            for required in (
                "META-INF/manifest.xml",
                "description.xml",
                "caseweight.components",
                "caseweight.rdb",
                "libcaseweight.so",
                "LICENSE",
                "Addons.xcu",
                "basic/Caseweight/script.xlb",
                "basic/Caseweight/Share.xba",
                "python/caseweight_menu.py",
                "python/pythonpath/caseweight/__init__.py",
                "python/pythonpath/caseweight/contract.py",
                "python/pythonpath/caseweight/worker_sheet.py",
                "python/pythonpath/caseweight/team.py",
            ):
                self.assertIn(required, names)
            # the menu's Python runs in the user's office: never the harness or a tool
            shipped = {n for n in names if n.startswith("python/pythonpath/")}
            for module in ("office", "rollup", "score", "share", "audit"):
                self.assertNotIn("python/pythonpath/caseweight/%s.py" % module, shipped)
            desc = ET.fromstring(z.read("description.xml"))
            ns = NS
            self.assertEqual(desc.find("d:identifier", ns).get("value"), "org.caseweight.extension")
            self.assertRegex(desc.find("d:version", ns).get("value"), r"^\d+\.\d+\.\d+$")
            self.assertEqual(
                desc.find("d:dependencies/lo:LibreOffice-minimal-version", ns).get("value"), "7.4"
            )
            self.assertIsNotNone(desc.find("d:publisher/d:name", ns))
            self.assertIsNotNone(desc.find("d:registration/d:simple-license", ns))
            manifest = z.read("META-INF/manifest.xml").decode()
            for path in (
                "caseweight.rdb",
                "caseweight.components",
                "basic/Caseweight/",
                "Addons.xcu",
            ):
                self.assertIn('manifest:full-path="%s"' % path, manifest)
            self.assertIn(
                'manifest:full-path="python/caseweight_menu.py"\n'
                "                       manifest:media-type="
                '"application/vnd.sun.star.uno-component;type=Python"',
                manifest,
            )

    def test_version_is_the_project_version_and_a_new_release(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        version = oxt_version(OXT)
        with open(os.path.join(SOURCE_DIR, "CMakeLists.txt")) as f:
            project = re.search(r"project\(caseweight VERSION (\S+)", f.read())
        self.assertIsNotNone(project, "the version is set by project() in CMakeLists.txt")
        self.assertEqual(version, project.group(1))
        self.assertGreater(version_tuple(version), version_tuple(PREVIOUS_RELEASE))
        with open(os.path.join(SOURCE_DIR, "README.md")) as f:
            readme = f.read()
        self.assertRegex(
            readme,
            r"(?m)^### %s\b" % re.escape(version),
            "README release notes have an entry for this version",
        )

    def test_library_has_no_runpath_to_the_sdk(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        readelf = shutil.which("readelf")
        if readelf is None:
            self.skipTest("readelf (binutils) is not installed")
        with tempfile.TemporaryDirectory() as tmp:
            with zipfile.ZipFile(OXT) as z:
                so = z.extract("libcaseweight.so", tmp)
            dynamic = subprocess.run(
                [readelf, "-d", so], stdout=subprocess.PIPE, text=True, check=True
            ).stdout
        self.assertIn("(NEEDED)", dynamic)  # readelf did read the dynamic section
        paths = [line for line in dynamic.splitlines() if "(RUNPATH)" in line or "(RPATH)" in line]
        self.assertEqual(paths, [], "the office loads the URE libraries itself: no search path")
        self.assertNotIn("sdk", dynamic)


class InstallAndRemove(unittest.TestCase):
    def test_add_use_remove(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        office = Office()
        self.addCleanup(office.close)
        office.start()

        def formula_result():
            doc = office.new_calc()
            try:
                cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
                cell.setFormula('=CASEPOINTS("SWINDON";"CP";4)')
                doc.calculateAll()
                return cell_result(cell)
            finally:
                doc.close(True)

        self.assertEqual(formula_result(), ("error", ERR_NAME), "no extension yet: #NAME?")

        office.stop()  # unopkg and soffice must not share the profile at the same time
        office.add_extension(OXT)
        listing = office.unopkg("list")
        self.assertIn("org.caseweight.extension", listing)
        self.assertRegex(listing, r"is registered: yes")
        office.launch()
        self.assertEqual(formula_result(), ("value", 54.0))

        office.stop()
        office.unopkg("remove", "org.caseweight.extension")
        self.assertNotIn("org.caseweight.extension", office.unopkg("list"))
        office.launch()
        self.assertEqual(formula_result(), ("error", ERR_NAME), "removed: #NAME? again")


class Upgrade(unittest.TestCase):
    """From the previous release to this one in the same profile; saved sheets stay live."""

    FORMULA = '=CASEPOINTS("SWINDON";"CP";A1)'

    def setUp(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        self.version = oxt_version(OXT)
        # The previous release's package: this package with the previous version number in its
        # description.xml (what the office compares on an update; building the previous
        # commit as well would take minutes).
        tmp = tempfile.mkdtemp(prefix="caseweight-previous-")
        self.addCleanup(shutil.rmtree, tmp, True)
        self.previous = repack_with_version(
            OXT, PREVIOUS_RELEASE, os.path.join(tmp, "caseweight-%s.oxt" % PREVIOUS_RELEASE)
        )

    def add(self, office, oxt, *options):
        return office.unopkg("add", "--suppress-license", *options, office.copy_in(oxt))

    def assert_refused(self, office, oxt):
        with self.assertRaises(OfficeError) as refused:
            self.add(office, oxt)
        self.assertIn("already been added", str(refused.exception))

    def test_force_add_upgrades_and_saved_sheet_stays_live(self):
        office = Office(oxt=self.previous)
        self.addCleanup(office.close)
        office.start()

        # A sheet saved with the previous release.
        saved = office.doc_path("team.ods")
        doc = office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellByPosition(0, 0).setValue(4)
            sheet.getCellByPosition(1, 0).setFormula(self.FORMULA)
            doc.calculateAll()
            self.assertEqual(cell_result(sheet.getCellByPosition(1, 0)), ("value", 54.0))
            store(doc, saved, FILTERS[".ods"])
        finally:
            doc.close(True)

        office.stop()  # unopkg and soffice must not share the profile at the same time
        self.assertEqual(listed_versions(office.unopkg("list")), [PREVIOUS_RELEASE])
        # A plain second add of the installed version is refused (README, Install).
        self.assert_refused(office, self.previous)
        # The upgrade as the README gives it.
        self.add(office, OXT, "--force")
        listing = office.unopkg("list")
        self.assertEqual(listed_versions(listing), [self.version])
        self.assertNotIn("is registered: no", listing)
        self.assert_refused(office, OXT)
        self.assert_refused(office, self.previous)  # nor an older one over it
        self.assertEqual(listed_versions(office.unopkg("list")), [self.version])

        office.launch()
        doc = office.load(saved)
        try:
            sheet = doc.Sheets.getByIndex(0)
            cell = sheet.getCellByPosition(1, 0)
            self.assertEqual(cell_result(cell), ("value", 54.0), "known at once after loading")
            doc.calculateAll()
            self.assertEqual(cell_result(cell), ("value", 54.0))
            sheet.getCellByPosition(0, 0).setValue(2)  # the input changes: so does the score
            sheet.getCellByPosition(2, 0).setFormula('=CASEPOINTS("SWINDON";"CP";2)')
            doc.calculateAll()
            fresh = cell_result(sheet.getCellByPosition(2, 0))
            self.assertEqual(fresh[0], "value")
            self.assertNotEqual(fresh[1], 54.0)
            self.assertEqual(cell_result(cell), fresh)
        finally:
            doc.close(True)

    def test_plain_add_of_a_newer_version_replaces_the_older(self):
        office = Office(oxt=self.previous)
        self.addCleanup(office.close)
        office.start(launch=False)  # unopkg alone: no soffice while it works on the profile
        self.add(office, OXT)
        self.assertEqual(listed_versions(office.unopkg("list", EXTENSION_ID)), [self.version])
        # and --force goes back to an older release (README, Install)
        self.add(office, self.previous, "--force")
        self.assertEqual(listed_versions(office.unopkg("list", EXTENSION_ID)), [PREVIOUS_RELEASE])


# Runs in a mount namespace where the SDK folder is an empty tmpfs: the office and the
# extension as on a machine with only the office installed.
NO_SDK_SCRIPT = """
import os, sys
from caseweight.office import Office
print("SDK:", sorted(os.listdir(sys.argv[3])))
with Office(oxt=sys.argv[2]) as office:
    doc = office.new_calc()
    cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
    cell.setFormula('=CASEPOINTS("SWINDON";"CP";4)')
    doc.calculateAll()
    print("RESULT:", cell.getError(), cell.getValue())
    doc.close(True)
"""


class WithoutSdk(unittest.TestCase):
    def test_extension_works_with_the_sdk_hidden(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        if os.geteuid() != 0:
            self.skipTest("hiding the SDK folder needs a mount namespace: run as root")
        if not os.path.isdir(SDK_DIR):
            self.skipTest(SDK_DIR + " is not installed: nothing to hide")
        # New mount and PID namespaces: the tmpfs is seen only there, and every process started
        # in them (soffice too) is killed when the script or unshare ends, however it ends.
        hide_and_run = 'mount -t tmpfs -o size=1m tmpfs "$1" && shift && exec "$@"'
        argv = [
            "unshare",
            "--mount",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc",
            "sh",
            "-c",
            hide_and_run,
            "sh",
            SDK_DIR,
            sys.executable,
            "-c",
            NO_SDK_SCRIPT,
            SOURCE_DIR,
            os.path.abspath(OXT),
            SDK_DIR,
        ]
        r = subprocess.run(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=240
        )
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("SDK: []", r.stdout)
        self.assertIn("RESULT: 0 54.0", r.stdout)
        self.assertTrue(os.listdir(SDK_DIR), "the SDK folder is hidden only in the namespace")


if __name__ == "__main__":
    unittest.main()
