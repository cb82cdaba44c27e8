"""The checks the tools make without an office: bombs refused before an office opens them
(caseweight.inputs), dangling links named as such, and replace_file() refusing, at the moment
of writing, an output that has become a link to an input."""

import os
import unittest
import zipfile

from caseweight import inputs, worker_sheet
from tempdir import TempDir
from caseweight.office import ToolError, check_input, memory_limit, replace_file

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
FILLED = '<table:table-cell office:value-type="float" office:value="1"%s><text:p>1</text:p>' + (
    "</table:table-cell>"
)


def content(rows):
    """An ODF document body holding the table rows given as XML."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s>'
        '<office:body><office:spreadsheet><table:table table:name="Sheet1">%s</table:table>'
        "</office:spreadsheet></office:body></office:document-content>" % (NS, rows)
    )


def repeated(rows, columns, filled=True):
    cell = (
        FILLED % (' table:number-columns-repeated="%d"' % columns)
        if filled
        else '<table:table-cell table:number-columns-repeated="%d"/>' % columns
    )
    return '<table:table-row table:number-rows-repeated="%d">%s</table:table-row>' % (rows, cell)


# What a saved Calc sheet looks like: a few filled rows, then a million empty ones.
ORDINARY = ("<table:table-row>%s%s</table:table-row>" % (FILLED % "", FILLED % "")) * 3 + repeated(
    1048573, 1024, filled=False
)
BOMB = repeated(1_000_000, 1000)  # a billion filled cells


class Files(TempDir):
    def ods(self, name, body, extra=()):
        path = self.path(name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(
                zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
            )
            z.writestr("content.xml", body)
            for part, data in extra:
                with z.open(part, "w") as out:
                    data(out)
        return path


class Bombs(Files):
    def test_an_ordinary_sheet_with_its_million_empty_rows_passes(self):
        self.assertIsNone(inputs.bomb_reason(self.ods("team.ods", content(ORDINARY))))
        self.assertIsNone(inputs.bomb_reason(self.write("team.fods", content(ORDINARY))))

    def test_filled_cells_repeated_a_billion_times_are_refused(self):
        for path in (
            self.ods("bomb.ods", content(BOMB)),
            self.write("bomb.fods", content(BOMB)),
            self.write("bomb-as-xml.ods", content(BOMB)),
        ):
            with self.subTest(os.path.basename(path)):
                reason = inputs.bomb_reason(path)
                self.assertIsNotNone(reason)
                self.assertIn("more than 20,000,000 filled cells", reason)
                self.assertIn("1,000,000,000", reason)

    def test_repeats_add_up_over_rows(self):
        # 5,000 rows of 5,000 filled cells each: no single repeat is absurd, the sum is
        rows = repeated(1, 5000) * 5000
        self.assertIn("filled cells", inputs.bomb_reason(self.write("wide.fods", content(rows))))
        self.assertIsNone(
            inputs.bomb_reason(self.write("fine.fods", content(repeated(1, 5000) * 100)))
        )

    def test_a_zip_bomb_is_refused_from_its_directory(self):
        def zeros(out, n=64 << 20):
            block = bytes(1 << 20)
            for _ in range(n >> 20):
                out.write(block)

        path = self.ods("zip-bomb.ods", content(ORDINARY), [("Pictures/a.xml", zeros)])
        reason = inputs.bomb_reason(path)
        self.assertIn("Pictures/a.xml unpacks", reason)
        self.assertIn("64 MB", reason)
        self.assertIn("zip bomb", reason)
        # the total, against a lower limit than the real one (a GB of zeros is slow to pack)
        reason = inputs.zip_reason(path, max_unpacked=32 << 20)
        self.assertIn("it unpacks to 64 MB", reason)

    def test_broken_or_other_files_are_left_to_the_office(self):
        self.assertIsNone(inputs.bomb_reason(self.write("notes.txt", "nothing here")))
        self.assertIsNone(inputs.bomb_reason(self.write("cut.fods", content(ORDINARY)[:500])))
        with open(self.path("random.ods"), "wb") as f:
            f.write(b"PK\x03\x04" + os.urandom(2000))
        self.assertIsNone(inputs.bomb_reason(self.path("random.ods")))

    def test_tools_refuse_a_bomb_before_any_office(self):
        path = self.ods("bomb.ods", content(BOMB))
        with self.assertRaises(ToolError) as e:
            check_input(path, "nothing to score")
        self.assertTrue(str(e.exception).startswith("refused %s before opening it: " % path))
        self.assertIn("refused before opening it", worker_sheet.precheck(path))


class DanglingLinks(Files):
    def test_a_link_to_nothing_says_so(self):
        link = self.path("team.ods")
        os.symlink("moved-away.ods", link)
        want = "is a link to moved-away.ods, which does not exist"
        self.assertEqual(inputs.dangling_link(link), want)
        with self.assertRaises(ToolError) as e:
            check_input(link, "nothing to score")
        self.assertEqual(str(e.exception), link + " " + want)
        self.assertEqual(worker_sheet.precheck(link), want)
        self.assertIsNone(inputs.dangling_link(self.write("real.ods", "x")))


class ReplaceFile(Files):
    def setUp(self):
        super().setUp()
        self.input = self.write("team.ods", "the team's sheet")
        self.new = self.write("new.ods", "the new output")

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def assertNoPart(self):
        self.assertEqual([n for n in os.listdir(self.dir) if n.endswith(".part")], [])

    def test_an_output_that_became_a_link_to_an_input_is_refused(self):
        sym, hard = self.path("out.ods"), self.path("hard.ods")
        os.symlink(self.input, sym)
        os.link(self.input, hard)
        for out in (sym, hard, self.input):
            with self.subTest(out):
                with self.assertRaises(ToolError) as e:
                    replace_file(self.new, out, inputs=[self.input])
                self.assertIn("same file as the input %s" % self.input, str(e.exception))
                self.assertEqual(self.read(self.input), "the team's sheet")
                self.assertNoPart()
        self.assertTrue(os.path.islink(sym))

    def test_a_link_to_another_file_is_followed(self):
        other = self.write("last-month.ods", "old")
        link = self.path("out.ods")
        os.symlink(other, link)
        replace_file(self.new, link, inputs=[self.input])
        self.assertEqual(self.read(other), "the new output")
        self.assertTrue(os.path.islink(link))
        replace_file(self.new, self.path("fresh.ods"), inputs=[self.input])
        self.assertEqual(self.read(self.path("fresh.ods")), "the new output")
        self.assertEqual(self.read(self.input), "the team's sheet")
        self.assertNoPart()


class MemoryLimit(unittest.TestCase):
    def setUp(self):
        given = os.environ.pop("CASEWEIGHT_OFFICE_MEMORY_GB", None)
        if given is not None:
            self.addCleanup(os.environ.__setitem__, "CASEWEIGHT_OFFICE_MEMORY_GB", given)
        self.addCleanup(os.environ.pop, "CASEWEIGHT_OFFICE_MEMORY_GB", None)

    def test_the_limit_is_given_in_gb_and_checked(self):
        self.assertGreaterEqual(memory_limit(), 4 << 30)
        os.environ["CASEWEIGHT_OFFICE_MEMORY_GB"] = "1.5"
        self.assertEqual(memory_limit(), 3 << 29)
        for bad in ("abc", "0", "-2", "nan", "inf", "0.1"):
            with self.subTest(bad):
                os.environ["CASEWEIGHT_OFFICE_MEMORY_GB"] = bad
                with self.assertRaises(ToolError) as e:
                    memory_limit()
                self.assertIn(
                    "CASEWEIGHT_OFFICE_MEMORY_GB must be a number of GB", str(e.exception)
                )


if __name__ == "__main__":
    unittest.main()
