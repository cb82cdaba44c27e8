"""The .oxt as a user installs it: unopkg add, registered, works, removes cleanly."""

import os
import unittest
import zipfile
import xml.etree.ElementTree as ET

from common import ERR_NAME, OXT, Office, cell_result


class PackageContents(unittest.TestCase):
    def test_oxt_has_what_extension_manager_needs(self):
        if not os.path.exists(OXT):
            self.skipTest("build the .oxt first")
        with zipfile.ZipFile(OXT) as z:
            names = set(z.namelist())
            for required in ("META-INF/manifest.xml", "description.xml", "caseweight.components",
                             "caseweight.rdb", "libcaseweight.so", "LICENSE", "Addons.xcu",
                             "basic/Caseweight/script.xlb", "basic/Caseweight/Share.xba"):
                self.assertIn(required, names)
            desc = ET.fromstring(z.read("description.xml"))
            ns = {"d": "http://openoffice.org/extensions/description/2006",
                  "lo": "http://libreoffice.org/extensions/description/2011"}
            self.assertEqual(desc.find("d:identifier", ns).get("value"), "org.caseweight.extension")
            self.assertRegex(desc.find("d:version", ns).get("value"), r"^\d+\.\d+\.\d+$")
            self.assertEqual(desc.find("d:dependencies/lo:LibreOffice-minimal-version", ns)
                             .get("value"), "7.4")
            self.assertIsNotNone(desc.find("d:publisher/d:name", ns))
            self.assertIsNotNone(desc.find("d:registration/d:simple-license", ns))
            manifest = z.read("META-INF/manifest.xml").decode()
            for path in ("caseweight.rdb", "caseweight.components", "basic/Caseweight/",
                         "Addons.xcu"):
                self.assertIn('manifest:full-path="%s"' % path, manifest)


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


if __name__ == "__main__":
    unittest.main()
