"""Packs that cannot break what works, in real headless Calc: worker sheets filled and saved
with caseweight alone are reopened with packs installed beside caseweight.oxt that clash with
a shipped scheme or amend one badly. The saved sheets keep their scores; the faulty pack says
why and where (docs/schemes.md, "When two files disagree")."""

import datetime
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile


from caseweight.office import file_url, props
from common import ERR_ILLEGAL_ARGUMENT, cell_result, template_urls
from common import named_value as named
from test_scheme_packs import CHECKER, PackOffice, pack_files

ERR_NO_VALUE = 504  # Err:504: a total over a row in error (Calc's own)

MARCH = (datetime.date(2027, 3, 15) - datetime.date(1899, 12, 30)).days
MAY = (datetime.date(2027, 5, 3) - datetime.date(1899, 12, 30)).days

# What each saved sheet holds on its first row: {column key: text}.
SHEETS = {
    "rbwm-all-cases": {"name": "A. Adams", "cp": "CP", "court": "PRE-PROCEEDINGS; COURT"},
    "notts-individual": {"family": "Adams", "specific": "S47-ICPC", "children": 4},
    "swindon-children": {"name": "A. Adams", "cp": "CP", "children": 2},
}


def council(name, aliases=""):
    """A small council scheme file."""
    return (
        'name = "%s"\n' % name
        + ("aliases = %s\n" % aliases if aliases else "")
        + 'council = "Kent"\nsource = "Test"\nfrom = 2020-01-01\n'
        '[[grade]]\nname = "SW"\nlower = 10\nupper = 20\n'
        '[bands]\nbelow = "Below band"\nwithin = "Within band"\n'
        'above = [{ label = "Above band" }]\n'
        '[[item]]\ncode = "CP"\ngroup = "case"\npoints = 7\nper = "child"\n'
        'label = "Child protection"\n'
    )


def amendment(scheme, code, points):
    return (
        'amends = "%s"\n[[amendment]]\nfrom = 2027-04-01\nnote = "Test"\n'
        '[[amendment.item]]\ncode = "%s"\npoints = %s\n' % (scheme, code, points)
    )


FILES = {
    "swindon-again.toml": council("SWINDON"),
    "kent.toml": council("KENT", '["KENT CC", "NOTTS"]'),
    "rbwm-negative.toml": amendment("RBWM", "COURT", -5),
    "notts-a.toml": amendment("NOTTS", "S47-ICPC", 16),
    "notts-b.toml": amendment("NOTTS", "S47-ICPC", 17),
    "dorset.toml": council("DORSET"),
    "dorset-copy.toml": council("DORSET"),
    "swindon-fgc.toml": 'amends = "SWINDON"\n[[amendment]]\nfrom = 2027-06-01\n'
    '[[amendment.item]]\ncode = "FGC"\ngroup = "modifier"\npoints = 4\n'
    'label = "Family group conference"\n',
}


class PacksBesideCaseweight(PackOffice):
    @classmethod
    def packs(cls, folder):
        """Each file in its own pack, none checked (as a careless deployment would)."""
        cls.paths, out = {}, []
        for name, text in FILES.items():
            cls.paths[name] = os.path.join(folder, name)
            with open(cls.paths[name], "w", encoding="utf-8") as f:
                f.write(text)
            out.append(pack_files(folder, name[:-5], cls.paths[name], extra=("--no-check",)))
        return out

    @classmethod
    def before_packs(cls):
        """The sheets as teams keep them: filled in March 2027 with caseweight alone."""
        cls.saved = {}
        urls = template_urls(cls.office)
        for template, row in SHEETS.items():
            doc = cls.office.desktop.loadComponentFromURL(
                urls[template], "_blank", 0, props(Hidden=True, AsTemplate=True)
            )
            try:
                date = cls.cell(doc, "cw_date") or cls.cell(doc, "cw_as_at")
                date.setValue(MARCH)
                for key, value in row.items():
                    target = cls.cell(doc, "cw_col_" + key)
                    if isinstance(value, str):
                        target.setString(value)
                    else:
                        target.setValue(value)
                doc.calculateAll()
                path = os.path.join(cls.office.docs, template + ".ods")
                cls.saved[template] = (path, cls.results(doc))
                doc.storeToURL(file_url(path), props(FilterName="calc8"))
            finally:
                doc.close(True)

    @staticmethod
    def cell(doc, name):
        if not doc.NamedRanges.hasByName(name):
            return None
        return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, 0)

    @classmethod
    def results(cls, doc):
        """The sheet's total, first row's points and check, and its version line."""
        return [
            cell_result(cls.cell(doc, name))
            for name in ("cw_total", "cw_col_points", "cw_col_check", "cw_scheme_version")
        ]

    def reopen(self, template):
        path, before = self.saved[template]
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        doc.calculateAll()
        return doc, before

    def formulas(self, *formulas):
        doc = self.office.new_calc()
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        for row, f in enumerate(formulas):
            sheet.getCellByPosition(0, row).setFormula(f)
        doc.calculateAll()
        return [cell_result(sheet.getCellByPosition(0, row)) for row in range(len(formulas))]

    def test_saved_sheets_keep_their_scores(self):
        for template in SHEETS:
            with self.subTest(template=template):
                doc, before = self.reopen(template)
                self.assertEqual(before[0][0], "value", before)
                self.assertEqual(self.results(doc), before)

    def test_a_broken_amendment_stops_its_scheme_from_its_date_only(self):
        doc, before = self.reopen("rbwm-all-cases")
        self.assertEqual(before[0], ("value", 14.0))  # CP 6 + pre-proceedings 5 + court 3
        self.cell(doc, "cw_date").setValue(MAY)
        doc.calculateAll()
        self.assertEqual(cell_result(self.cell(doc, "cw_total")), ("error", ERR_NO_VALUE))
        self.assertEqual(
            cell_result(self.cell(doc, "cw_col_points")), ("error", ERR_ILLEGAL_ARGUMENT)
        )
        why = self.cell(doc, "cw_col_check").getString()
        self.assertIn("RBWM cannot be used from 2027-04-01 on", why)
        self.assertIn("rbwm-negative.toml line 7:", why)
        self.cell(doc, "cw_date").setValue(MARCH)
        doc.calculateAll()
        self.assertEqual(self.results(doc), before)

    def test_two_amendments_from_one_day_name_both_files(self):
        doc, before = self.reopen("notts-individual")
        self.assertEqual(before[1], ("value", 21.0))  # S47-ICPC for 4 children
        self.cell(doc, "cw_date").setValue(MAY)
        doc.calculateAll()
        self.assertEqual(cell_result(self.cell(doc, "cw_total")), ("error", ERR_ILLEGAL_ARGUMENT))
        why = self.cell(doc, "cw_col_check").getString()
        self.assertIn("NOTTS cannot be used from 2027-04-01 on", why)
        self.assertIn("two amendments of NOTTS start on 2027-04-01", why)
        self.assertIn("notts-a.toml", why)
        self.assertIn("notts-b.toml", why)

    def test_a_clashing_name_or_alias_refuses_the_newcomer_only(self):
        got = self.formulas(
            '=CASEPOINTS("SWINDON";"CP";2)',
            '=CASEPOINTS("NOTTS";"S47-ICPC";4)',
            '=CASEPOINTS("KENT";"CP")',
            '=CASEREASON("CASEPOINTS";"KENT";"CP")',
        )
        self.assertEqual(got[0], ("value", 32.0))  # the shipped SWINDON, not the pack's 7
        self.assertEqual(got[1], ("value", 21.0))
        self.assertEqual(got[2], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertIn("the alias NOTTS is already defined by notts.toml", got[3][1])
        self.assertIn("kent.toml line 2", got[3][1])

    def test_two_packs_of_one_new_scheme_keep_the_first(self):
        got = self.formulas('=CASEPOINTS("DORSET";"CP";2)', '=TEXTJOIN(" | ";1;SCHEMESTATUS())')
        self.assertEqual(got[0], ("value", 14.0))  # CP 7 a child
        self.assertIn("dorset-copy.toml:1: DORSET is already defined by dorset.toml", got[1][1])

    def test_a_code_used_before_its_amendment_says_from_when(self):
        got = self.formulas(
            '=CASECHECK("SWINDON@2027-03-01";"CP;FGC")',
            '=CASEPOINTS("SWINDON@2027-07-01";"CP;FGC")',
        )
        self.assertIn('"FGC" is a SWINDON code only from 2027-06-01 on', got[0][1])
        self.assertEqual(got[1], ("value", 20.0))  # CP 10 + 6 for one child, FGC 4

    def test_the_checker_says_the_same_and_sees_both_amendments(self):
        def check(*names):
            return subprocess.run(
                [CHECKER, "check"] + [self.paths.get(n, n) for n in names],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=60,
            )

        proc = check("swindon-again.toml")
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn(
            "swindon-again.toml:1: SWINDON is already defined by swindon.toml", proc.stdout
        )
        proc = check("notts-a.toml", "--no-installed")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        proc = check("notts-a.toml", "notts-b.toml")
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn(
            "notts-b.toml:2: two amendments of NOTTS start on 2027-04-01: this one and "
            "notts-a.toml line 2",
            proc.stdout,
        )

    def test_the_checker_copied_anywhere_sees_what_the_profile_has_installed(self):
        """The checker copied out of the build reads caseweight's built-in schemes and the
        installed packs from a LibreOffice profile: one amendment checked alone meets the
        other one installed."""
        folder = tempfile.mkdtemp(prefix="caseweight-checker-")
        self.addCleanup(shutil.rmtree, folder, True)
        checker = shutil.copy(CHECKER, folder)
        proc = subprocess.run(
            [checker, "check", self.paths["notts-a.toml"], "--profile", self.office.profile],
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("two amendments of NOTTS start on 2027-04-01", proc.stdout)
        self.assertIn("also reading the installed pack org.caseweight.schemes.notts-b", proc.stderr)

    def test_schemestatus_lists_what_is_loaded_and_every_mistake(self):
        doc = self.office.new_calc()
        self.addCleanup(doc.close, True)
        cells = doc.Sheets.getByIndex(0).getCellRangeByName("A1:A40")
        cells.setArrayFormula("SCHEMESTATUS()")
        doc.calculateAll()
        lines = [row[0] for row in cells.getDataArray() if isinstance(row[0], str)]
        text = "\n".join(lines)
        self.assertIn("WARRINGTON: in use; versions from 2014-02-01 (warrington.toml).", lines)
        self.assertIn("from 2027-06-01 (swindon-fgc.toml (pack swindon-fgc.oxt))", text)
        self.assertIn("RBWM: in use before 2027-04-01", text)
        self.assertIn("(pack rbwm-negative.oxt)", text)
        self.assertIn("KENT cannot be used: kent.toml line 2: the alias NOTTS", text)
        self.assertIn("Mistake: swindon-again.toml:1: SWINDON is already defined", text)
        self.assertTrue(any(x.startswith("Files read (") for x in lines), lines)

    def test_check_a_scheme_file_from_calc(self):
        """SCHEMECHECK in a cell, and the menu's command (as a job, with the path the file
        dialog would give): the add-in's own reader, beside the packs installed."""
        url = file_url(self.office.copy_in(self.paths["notts-a.toml"]))
        got = self.formulas(
            '=SCHEMECHECK("%s")' % url,
            '=SCHEMECHECK("/nowhere/x.toml")',
            '=CASEREASON("SCHEMECHECK";"%s")' % url,
        )
        self.assertEqual(got[0][0], "text", got)
        self.assertIn("two amendments of NOTTS start on 2027-04-01", got[0][1])
        self.assertEqual(got[1], ("error", ERR_ILLEGAL_ARGUMENT))
        menu = self.office.ctx.ServiceManager.createInstanceWithContext(
            "org.caseweight.Menu", self.office.ctx
        )
        said = menu.execute((named("Command", "check-scheme"), named("Paths", (url,))))
        self.assertIn("notts-a.toml:2: two amendments of NOTTS start on 2027-04-01", said)
        said = menu.execute(
            (
                named("Command", "check-scheme"),
                named("Paths", (self.office.copy_in(self.paths["swindon-again.toml"]),)),
            )
        )
        self.assertIn("SWINDON is already defined by swindon.toml", said)

    def test_schemecheck_says_each_mistake_in_plain_words(self):
        """The checker's plain words, from a cell: each file with one questionable value."""
        item = '[[item]]\ncode = "CIN"\ngroup = "case"\nlabel = "x"\n'
        cases = {
            "inf.toml": (council("INF") + item + "points = inf\n", "inf is not one"),
            "big.toml": (council("BIG") + item + "points = 1e308\n", "more than any scheme"),
            "latin1.toml": (council("LATIN") + 'note = "caf\xe9"\n', "save it again with the"),
            "alias.toml": (council("ALIAS", '[""]'), "an alias cannot be empty"),
            "first.toml": (
                council("FIRST") + item + 'points = 3\nper = "first-child"\n',
                'needs "further"',
            ),
            "twice.toml": (
                amendment("RBWM", "COURT", 4) + '[[amendment.item]]\ncode = "COURT"\npoints = 5\n',
                "the code COURT is given twice in the amendment from 2027-04-01",
            ),
            "old.toml": (
                amendment("RBWM", "COURT", 4).replace("2027-04-01", "2020-04-01"),
                "note: this amendment of RBWM is in force already (from 2020-04-01)",
            ),
        }
        formulas = []
        for name, (text, _) in cases.items():
            path = self.office.doc_path(name)
            with open(path, "wb") as f:
                f.write(text.encode("latin-1" if name == "latin1.toml" else "utf-8"))
            os.chown(path, *self.office_owner())
            formulas.append('=TEXTJOIN(" | ";1;SCHEMECHECK("%s"))' % path)
        for (name, (_, words)), got in zip(cases.items(), self.formulas(*formulas)):
            with self.subTest(file=name):
                self.assertEqual(got[0], "text", got)
                self.assertIn(words, got[1])
                self.assertIn(name + ":", got[1])
        self.assertIn("No mistakes found in old.toml.", got[1])

    def office_owner(self):
        st = os.stat(self.office.docs)
        return st.st_uid, st.st_gid

    def test_make_a_scheme_pack_from_calc(self):
        """The menu's Make a Scheme Pack... as a job: files with a mistake are refused and
        nothing is written; a clean file becomes the pack caseweight-pack writes."""
        menu = self.office.ctx.ServiceManager.createInstanceWithContext(
            "org.caseweight.Menu", self.office.ctx
        )
        refused = self.office.doc_path("refused.oxt")
        said = menu.execute(
            (
                named("Command", "make-pack"),
                named("Paths", (self.office.copy_in(self.paths["notts-a.toml"]),)),
                named("Out", refused),
            )
        )
        self.assertIn("two amendments of NOTTS start on 2027-04-01", said)
        self.assertIn("No pack written", said)
        self.assertFalse(os.path.exists(refused))
        essex = os.path.join(self.folder, "Essex Scheme.toml")
        with open(essex, "w", encoding="utf-8") as f:
            f.write(council("ESSEX"))
        out = self.office.doc_path("essex.oxt")
        said = menu.execute(
            (
                named("Command", "make-pack"),
                named("Paths", (file_url(self.office.copy_in(essex)),)),
                named("Out", out),
            )
        )
        self.assertIn("Wrote %s: the extension org.caseweight.schemes.essex-scheme 1.0" % out, said)
        self.assertIn("with Essex Scheme.toml, essex.ots.", said)
        with zipfile.ZipFile(out) as z:
            self.assertEqual(
                sorted(z.namelist()),
                [
                    "META-INF/manifest.xml",
                    "Paths.xcu",
                    "description.xml",
                    "schemes/Essex Scheme.toml",
                    "templates/Caseweight/essex.ots",
                ],
            )
            self.assertIn(
                '<identifier value="org.caseweight.schemes.essex-scheme"/>',
                z.read("description.xml").decode(),
            )
            ots = self.office.doc_path("essex.ots")
            with open(ots, "wb") as f:
                f.write(z.read("templates/Caseweight/essex.ots"))
        # The worker sheet was built in this office from ESSEX's own file ...
        os.chown(ots, *self.office_owner())
        sheet = self.office.load(ots)
        try:
            self.assertTrue(sheet.NamedRanges.hasByName("cw_total"))
            self.assertIn(
                "ESSEX",
                sheet.NamedRanges.getByName("cw_scheme")
                .ReferredCells.getCellByPosition(0, 0)
                .getFormula(),
            )
        finally:
            sheet.close(True)
        # ... and the office reads the installed files only again.
        got = self.formulas('=CASEREASON("CASEPOINTS";"ESSEX";"CP")', '=CASEPOINTS("DORSET";"CP")')
        self.assertIn('"ESSEX" is not a scheme', got[0][1])
        self.assertEqual(got[1], ("value", 7.0))


if __name__ == "__main__":
    unittest.main()
