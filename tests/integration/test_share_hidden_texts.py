"""Texts a cell does not show, in a pseudonymised copy (`--pseudonymise-workers`, .ods and
.xlsx): names planted in data-validation help, error messages and list entries, a chart's
title, subtitle and object name, a picture's name and alt text, a custom number format, a cell
style's name and a sheet's own named range are nowhere in the written file (every member of
the package, read as bytes and as UTF-16), while the template's own validation help stays.
"""

import os
import shutil
import struct
import tempfile
import unittest
import zlib

import uno
from com.sun.star.awt import Point, Rectangle, Size
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import Locale
from com.sun.star.table import CellAddress, CellRangeAddress

from common import SOURCE_DIR, OfficeTestCase
from worker_files import save_from_template
from test_share_pseudonymised import members

TEMPLATE = os.path.join(SOURCE_DIR, "build", "templates", "swindon-children.ots")

PLANTED = {
    "input title": "Ottoline Fotheringay",
    "input message": "Barnaby Blenkinsop",
    "error title": "Wilhelmina Ravenscroft",
    "error message": "Peregrine Tregothnan",
    "list entry": "Clementine Abernethy",
    "template validation edited": "Horatio Pettigrew",
    "chart title": "Lavinia Strangeways",
    "chart subtitle": "Ignatius Wolstenholme",
    "chart name": "Zebedee Quartermaine",
    "picture name": "Octavia Featherstonehaugh",
    "picture title": "Bartholomew Cholmondeley",
    "picture description": "Philippa Marchbanks",
    "number format": "Humphrey Dunstable",
    "cell style": "Araminta Pockleworth",
    "sheet named range": "Cornelius_Fanshawe",
}


def png_file(path):
    """A 1x1 white PNG."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    raw = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff"))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + raw + chunk(b"IEND", b""))


def found_in(path, names):
    """[(member, name)] of the names in the package's members, as bytes (UTF-8, any case)
    or UTF-16LE."""
    out = []
    for member, data in members(path).items():
        low = data.lower()
        for name in names:
            for form in (name.lower().encode(), name.lower().encode("utf-16-le")):
                if form in low:
                    out.append((member, name))
            if name.encode() in member.encode() or name in member:
                out.append((member + " (its name)", name))
    return sorted(set(out))


class HiddenTexts(OfficeTestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(TEMPLATE):
            raise unittest.SkipTest("build the templates first: " + TEMPLATE)
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="caseweight-share-hidden-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, True)
        cls.source = os.path.join(cls.tmp, "planted.ods")
        save_from_template(cls.office, TEMPLATE, cls.source, cls.plant)

    @classmethod
    def plant(cls, doc):
        office = cls.office
        sh = doc.Sheets.getByName("Weighting sheet")
        sh.unprotect("")
        names = doc.NamedRanges
        cell = names.getByName("cw_col_name").getReferredCells().getCellByPosition(0, 0)
        cell.setString("Tommy Atkins")
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        col = used.RangeAddress.EndColumn + 2
        # a validation of its own beside the table
        rng = sh.getCellRangeByPosition(col, 3, col, 3)
        v = rng.Validation
        v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
        v.setFormula1('"%s";"Other"' % PLANTED["list entry"])
        v.ShowInputMessage = True
        v.InputTitle = PLANTED["input title"]
        v.InputMessage = "Ask " + PLANTED["input message"]
        v.ShowErrorMessage = True
        v.ErrorTitle = PLANTED["error title"]
        v.ErrorMessage = "Tell " + PLANTED["error message"]
        rng.Validation = v
        # the template's own validation of the grade, its help edited
        grade = names.getByName("cw_grade").getReferredCells()
        v = grade.Validation
        v.InputMessage = v.InputMessage + " Ask " + PLANTED["template validation edited"]
        grade.Validation = v
        # a chart with a title and subtitle
        for r in range(3):
            sh.getCellByPosition(col, 10 + r).setValue(r + 1)
            sh.getCellByPosition(col + 1, 10 + r).setValue(2 * r + 1)
        s = sh.RangeAddress.Sheet
        sh.Charts.addNewByName(
            PLANTED["chart name"],
            Rectangle(1000, 20000, 8000, 6000),
            (CellRangeAddress(s, col, 10, col + 1, 12),),
            False,
            False,
        )
        chart = sh.Charts.getByName(PLANTED["chart name"]).EmbeddedObject
        chart.HasMainTitle = True
        chart.Title.String = PLANTED["chart title"]
        chart.HasSubTitle = True
        chart.SubTitle.String = PLANTED["chart subtitle"]
        # a picture with a name and alt text
        png = os.path.join(cls.tmp, "dot.png")
        png_file(png)
        provider = office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.graphic.GraphicProvider", office.ctx
        )
        url = uno.systemPathToFileUrl(office.copy_in(png))
        graphic = provider.queryGraphic((PropertyValue("URL", 0, url, 0),))
        pic = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
        sh.DrawPage.add(pic)
        pic.Graphic = graphic
        pic.Size = Size(2000, 2000)
        pic.Position = Point(12000, 20000)
        pic.Name = PLANTED["picture name"]
        pic.Title = PLANTED["picture title"]
        pic.Description = PLANTED["picture description"]
        # a custom number format with a name in it, in a cell style named after a person
        key = doc.NumberFormats.addNew('"%s "0' % PLANTED["number format"], Locale("en", "GB", ""))
        styles = doc.StyleFamilies.getByName("CellStyles")
        style = doc.createInstance("com.sun.star.style.CellStyle")
        styles.insertByName(PLANTED["cell style"], style)
        numbered = sh.getCellByPosition(col, 5)
        numbered.setValue(5)
        numbered.NumberFormat = key
        styled = sh.getCellByPosition(col, 6)
        styled.setValue(6)
        styled.CellStyle = PLANTED["cell style"]
        # a named range of the sheet's own
        sh.NamedRanges.addNewByName(PLANTED["sheet named range"], "$A$1", CellAddress(), 0)
        sh.protect("")
        doc.calculateAll()
        cls.basic_help = names.getByName("cw_col_basic").getReferredCells().Validation.InputMessage

    def share(self, out):
        r = self.tool("caseweight-share", "--pseudonymise-workers", self.source, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def test_planted_names_are_nowhere_in_the_copy(self):
        missing = [n for n in PLANTED.values() if not found_in(self.source, [n])]
        self.assertEqual(missing, [], "every name is planted in the original")
        for ext in (".ods", ".xlsx"):
            with self.subTest(ext):
                out = self.share(os.path.join(self.tmp, "copy" + ext))
                self.assertEqual(found_in(out, list(PLANTED.values()) + ["Tommy Atkins"]), [])
                doc = self.load(self.office.copy_in(out))
                sh = doc.Sheets.getByName("Weighting sheet")
                self.assertEqual(sh.Charts.getCount(), 1, "the chart stays, without titles")
                basic = doc.NamedRanges.getByName("cw_col_basic").getReferredCells()
                self.assertTrue(self.basic_help)
                self.assertEqual(
                    basic.Validation.InputMessage, self.basic_help, "the template's help stays"
                )


if __name__ == "__main__":
    unittest.main()
