"""The values-only copy carries nothing that runs or fetches: no Basic or dialog libraries,
no document or sheet events, no scripts, no links to other files; the macro behind the menu
entry refuses to write the copy over the document itself, and cleans up when it fails.
(What the copy shows is tested in test_sharing.py.)"""

import glob
import hashlib
import os
import re
import shutil
import tempfile
import time
import unittest
import zipfile

import uno
from com.sun.star.table import CellAddress

from common import OfficeTestCase, store
from caseweight.office import file_url, props

MACRO = "Caseweight.Share.WriteValuesOnlyCopy"
SCRIPT = "vnd.sun.star.script:Standard.AutoRun.OnOpen?language=Basic&location=document"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def bind(events, name, script):
    ev = props(EventType="Script", Script=script)
    uno.invoke(events, "replaceByName", (name, uno.Any("[]com.sun.star.beans.PropertyValue", ev)))


class ValuesOnlyCopy(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-share-test-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        office = cls.office
        other = office.doc_path("other.ods")
        doc = office.new_calc()
        try:
            doc.Sheets.getByIndex(0).getCellByPosition(0, 0).setValue(42)
            store(doc, other, "calc8")
        finally:
            doc.close(True)
        doc = office.new_calc()
        try:
            sh = doc.Sheets.getByIndex(0)
            sh.Name = "Caseload"
            sh.getCellByPosition(0, 0).setFormula('=CASEPOINTS("SWINDON";"CP";4)')
            sh.getCellByPosition(0, 1).setFormula("='%s'#$Sheet1.A1" % file_url(other))
            sh.getCellByPosition(0, 2).setFormula('=CASEPOINTS("SWINDON";"CIN;COMPLEX")')
            libs = doc.BasicLibraries
            if not libs.hasByName("Standard"):
                libs.createLibrary("Standard")
            libs.getByName("Standard").insertByName(
                "AutoRun",
                (
                    "Sub OnOpen\n  ThisComponent.Sheets.getByIndex(0).getCellByPosition(5, 5)"
                    '.setString("macro ran")\nEnd Sub\n'
                ),
            )
            libs.createLibrary("Tools2").insertByName("Helpers", "Sub Helper\nEnd Sub\n")
            bind(doc.Events, "OnLoad", SCRIPT)
            bind(sh.Events, "OnFocus", SCRIPT)
            doc.Sheets.insertNewByName("Linked", 1)
            doc.Sheets.getByName("Linked").link(
                file_url(other),
                "Sheet1",
                "calc8",
                "",
                uno.Enum("com.sun.star.sheet.SheetLinkMode", "VALUE"),
            )
            where = CellAddress()
            where.Sheet, where.Column, where.Row = 0, 3, 0
            doc.AreaLinks.insertAtPosition(where, file_url(other), "Sheet1.A1:A1", "calc8", "")
            doc.calculateAll()
            saved = office.doc_path("with-macros.ods")
            store(doc, saved, "calc8")
        finally:
            doc.close(True)
        # a Python script inside the package, as another office could have put there
        cls.source = os.path.join(cls.tmp, "with-macros.ods")
        with zipfile.ZipFile(saved) as zin, zipfile.ZipFile(cls.source, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "META-INF/manifest.xml":
                    data = data.replace(
                        b"</manifest:manifest>",
                        (
                            b'<manifest:file-entry manifest:full-path="Scripts/python/run.py" '
                            b'manifest:media-type=""/></manifest:manifest>'
                        ),
                    )
                zout.writestr(info, data)
            zout.writestr("Scripts/python/run.py", "def run(*args):\n    pass\n")

    def share(self, out):
        before = sha256(self.source)
        r = self.tool("caseweight-share", self.source, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sha256(self.source), before, "the original must not change")

    def test_source_has_what_the_copy_must_not(self):
        with zipfile.ZipFile(self.source) as z:
            names = z.namelist()
            content = z.read("content.xml").decode()
        self.assertTrue(any(n.startswith("Basic/") for n in names))
        self.assertIn("Scripts/python/run.py", names)
        self.assertIn("office:event-listeners", content)
        self.assertIn("table:table-source", content)  # the linked sheet

    def test_ods_copy_has_no_macros_events_scripts_or_links(self):
        out = os.path.join(self.tmp, "shared.ods")
        self.share(out)
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            manifest = z.read("META-INF/manifest.xml").decode()
            xml = {n: z.read(n).decode() for n in ("content.xml", "styles.xml", "settings.xml")}
        for prefix in ("Basic/", "Dialogs/", "Scripts/"):
            self.assertEqual([n for n in names if n.startswith(prefix)], [], prefix)
            self.assertNotIn('full-path="%s' % prefix, manifest)
        self.assertNotRegex(manifest, "script|basic")
        for name, text in xml.items():
            for what in (
                "office:event-listeners",
                "vnd.sun.star.script",
                "macro:",
                "table:table-source",
                "table:cell-range-source",
                "table:dde-source",
                "file:///",
                "office:dde-source",
            ):
                self.assertNotIn(what, text, name)
        doc = self.load(self.office.copy_in(out))
        sh = doc.Sheets.getByName("Caseload")
        self.assertEqual(
            [sh.getCellByPosition(0, r).getString() for r in range(3)], ["54", "42", "Err:502"]
        )
        self.assertEqual(sh.getCellByPosition(5, 5).getString(), "", "no macro ran")
        self.assertEqual(doc.Sheets.getByName("Linked").getLinkMode().value, "NONE")
        self.assertEqual(doc.AreaLinks.getCount(), 0)
        self.assertEqual(list(doc.BasicLibraries.getElementNames()) in ([], ["Standard"]), True)

    def test_xlsx_copy_has_no_macros(self):
        out = os.path.join(self.tmp, "shared.xlsx")
        self.share(out)
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            text = "".join(
                z.read(n).decode(errors="replace") for n in names if n.endswith((".xml", ".rels"))
            )
        self.assertEqual([n for n in names if re.search("vba|macro|externalLink", n, re.I)], [])
        self.assertNotIn("vnd.sun.star.script", text)
        self.assertNotIn("file:///", text)

    # -- the macro behind the menu entry ---------------------------------------------------

    def open_in_office(self, name):
        path = self.office.copy_in(self.source)
        target = self.office.doc_path(name)
        os.rename(path, target)
        doc = self.load(target)
        return doc, target

    def test_macro_refuses_to_write_over_the_document(self):
        doc, path = self.open_in_office("open-doc.ods")
        before = sha256(path)
        sym, hard = self.office.doc_path("sym.ods"), self.office.doc_path("hard.ods")
        # a document saved a while ago: a symbolic link made now has a time of its own
        os.utime(path, (time.time() - 120, time.time() - 120))
        os.symlink(path, sym)
        os.link(path, hard)
        for name, url in (
            ("same URL", doc.getURL()),
            ("symbolic link", file_url(sym)),
            ("hard link", file_url(hard)),
            ("dot segment", file_url(os.path.dirname(path)).rstrip("/") + "/./open-doc.ods"),
        ):
            with self.subTest(name):
                result = self.office.run_basic(MACRO, doc, url)
                self.assertIsInstance(result, str, name)
                self.assertIn("would replace the document itself", result)
                self.assertEqual(sha256(path), before, name)
        self.assertTrue(os.path.islink(sym))

    def test_macro_cleans_up_when_writing_fails(self):
        doc, path = self.open_in_office("failing.ods")

        def components():
            e = self.office.desktop.Components.createEnumeration()
            n = 0
            while e.hasMoreElements():
                e.nextElement()
                n += 1
            return n

        def temp_files():
            return [
                f
                for f in glob.glob(os.path.join(self.office.tmp, "**"), recursive=True)
                if os.path.isfile(f)
            ]

        open_before, temp_before = components(), temp_files()
        result = self.office.run_basic(MACRO, doc, "file:///no/such/folder/copy.ods")
        self.assertIsInstance(result, str)
        self.assertEqual(components(), open_before, "the hidden copy must be closed")
        self.assertEqual(temp_files(), temp_before, "no copy left in the temporary folder")


if __name__ == "__main__":
    unittest.main()
