"""What a manager meets first: the Extension Manager's entry, the Add-Ons menu, the guide."""

import re
import unittest
import xml.etree.ElementTree as ET
import zipfile

from caseweight.office import props
from common import OXT, OfficeTestCase, set_formulas, shown_results

NS = {
    "d": "http://openoffice.org/extensions/description/2006",
    "xlink": "http://www.w3.org/1999/xlink",
}
OOR = "{http://openoffice.org/2001/registry}"
ADD_IN = 11  # the Function Wizard's category of add-in functions


def our_functions(office):
    """{name: (description, arguments)} of the caseweight functions the office registered."""
    descs = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.sheet.FunctionDescriptions", office.ctx
    )
    out = {}
    for i in range(descs.getCount()):
        p = {x.Name: x.Value for x in descs.getByIndex(i)}
        if p["Category"] == ADD_IN:  # only add-in functions need asking
            out[p["Name"]] = (p["Description"], p["Arguments"])
    doc = office.new_calc()
    try:
        # one formula for each name down column A, entered and read at once: a call per cell
        # costs a millisecond
        sheet = doc.Sheets.getByIndex(0)
        set_formulas(sheet, 0, ['=CASEREASON("%s")' % name for name in out], doc=doc)
        doc.calculateAll()
        reasons = {name: shown for name, (_, shown) in zip(out, shown_results(sheet, 0, len(out)))}
    finally:
        doc.close(True)
    return {
        n: v
        for n, v in out.items()
        if n == "CASEREASON" or "not a caseweight function" not in reasons[n]
    }


class FirstHour(OfficeTestCase):
    def test_extension_manager_entry(self):
        with zipfile.ZipFile(OXT) as z:
            names = set(z.namelist())
            desc = ET.fromstring(z.read("description.xml"))
            text = z.read("description-en.txt").decode("utf-8")
            version = desc.find("d:version", NS).get("value")
        # a short name the Extension Manager shows whole, and an icon it shows
        name = desc.find("d:display-name/d:name", NS).text
        self.assertLessEqual(len(name), 25, name)
        for icon in desc.find("d:icon", NS):
            self.assertIn(icon.get("{%s}href" % NS["xlink"]), names)
        # the description names every function, where to start, and this release's notes
        functions = our_functions(self.office)
        self.assertGreater(len(functions), 20)
        for function in functions:
            self.assertRegex(text, r"\b%s\b" % function)
        self.assertIn("Getting Started", text)
        self.assertIn("File > New > Templates", text)
        self.assertIn("New in this release", text)
        self.assertNotIn("@", text)
        self.assertTrue(version)

    def test_add_ons_menu_has_icons_and_the_guide(self):
        with zipfile.ZipFile(OXT) as z:
            addons = ET.fromstring(z.read("Addons.xcu"))
            names = set(z.namelist())
        menu = [n for n in addons.iter("node") if n.get(OOR + "name") == "AddonMenu"][0]
        urls = {}
        for entry in menu.findall("node"):
            props = {p.get(OOR + "name"): p.find("value").text for p in entry.findall("prop")}
            urls[props["Title"].replace("~", "")] = props["URL"]
        self.assertIn("caseweight: Getting Started", urls)
        # each entry's underlined letter (~) is its own, so a key picks one entry
        letters = [
            p.find("value").text.split("~")[1][0].lower()
            for entry in menu.findall("node")
            for p in entry.findall("prop")
            if p.get(OOR + "name") == "Title"
        ]
        self.assertEqual(len(letters), len(set(letters)), letters)
        images = [n for n in addons.iter("node") if n.get(OOR + "name") == "Images"][0]
        pictured = {}
        for image in images.findall("node"):
            url = [p for p in image.findall("prop") if p.get(OOR + "name") == "URL"][0]
            small = [p for p in image.iter("prop") if p.get(OOR + "name") == "ImageSmallURL"][0]
            pictured[url.find("value").text] = small.find("value").text
        for title, url in urls.items():
            self.assertIn(url, pictured, title + " has no icon")
            self.assertIn(pictured[url].replace("%origin%/", ""), names)

    def guide(self):
        """The guide the Add-Ons menu opens, and the text of its first sheet."""
        url = self.office.run_basic("Caseweight.Guide.GuideUrl")
        self.assertTrue(url.endswith("/guide/getting-started.ods"), url)
        doc = self.office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True, ReadOnly=True)
        )
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        cells = sheet.getCellRangeByPosition(
            0, 0, cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow
        ).getDataArray()
        return sheet, "\n".join(str(v) for row in cells for v in row)

    def test_the_guide_opens_and_explains_every_function(self):
        sheet, text = self.guide()
        for step in ("Start a sheet", "Fill it in", "Share it", "Save Values-Only Copy"):
            self.assertIn(step, text)
        for function, (description, arguments) in our_functions(self.office).items():
            self.assertIn(function + "(", text)
            self.assertIn(description, text)
            for a in arguments:
                self.assertIn("%s: %s" % (a.Name, a.Description), text)
        # the picture of a filled sheet is inside the guide, not a link to a file
        self.assertEqual(sheet.DrawPage.getCount(), 1)
        graphic = sheet.DrawPage.getByIndex(0).Graphic
        self.assertIsNotNone(graphic)
        self.assertGreater(graphic.SizePixel.Width, 500)

    def test_guide_and_description_say_which_copy_keeps_names(self):
        """Both places that send a manager to share a sheet name both copies, say that the
        values-only copy keeps the names and that the pseudonymised one is for beyond the
        team."""
        with zipfile.ZipFile(OXT) as z:
            addons = ET.fromstring(z.read("Addons.xcu"))
            description = z.read("description-en.txt").decode("utf-8")
        titles = [
            p.find("value").text.replace("~", "").rstrip(".")
            for p in addons.iter("prop")
            if p.get(OOR + "name") == "Title"
        ]
        values_only = [t for t in titles if "Values-Only Copy" in t]
        pseudonymised = [t for t in titles if "Pseudonymised Copy" in t]
        self.assertEqual(len(values_only), 1, titles)
        self.assertEqual(len(pseudonymised), 1, titles)
        _, guide = self.guide()
        for where, text in (("guide", guide), ("description", description)):
            text = " ".join(text.split())  # a sentence may wrap
            with self.subTest(where=where):
                for pattern in (
                    "Tools > Add-Ons > " + re.escape(values_only[0]),
                    "Tools > Add-Ons > " + re.escape(pseudonymised[0]),
                    r"values-only copy[^.]*; it keeps the children's and workers' names",
                    r"to share beyond the team, use [^.]*pseudonymised copy",
                ):
                    self.assertTrue(re.search(pattern, text, re.I), "no %r" % pattern)
        self.assertIn("caseweight-share --pseudonymise", description)

    def test_autoinput_is_off_unless_the_user_chose(self):
        """Calc's AutoInput would complete a typed code into a longer one of the column: the
        extension turns it off by default; a user's own choice stays above that default."""
        cp = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx
        )
        path = props(nodepath="/org.openoffice.Office.Calc/Input")
        read = lambda: cp.createInstanceWithArguments(  # noqa: E731
            "com.sun.star.configuration.ConfigurationAccess", path
        ).AutoInput
        self.assertFalse(read())
        update = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", path
        )
        self.addCleanup(lambda: (setattr(update, "AutoInput", False), update.commitChanges()))
        update.AutoInput = True  # what Tools > AutoInput writes
        update.commitChanges()
        self.assertTrue(read())


if __name__ == "__main__":
    unittest.main()
