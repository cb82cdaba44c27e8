"""Scheme packs: a council's scheme files packed with caseweight-pack and installed beside
caseweight.oxt in real headless Calc, without rebuilding any C++ (docs/schemes.md).

The worked example (docs/examples/rbwm-court-2027.toml) amends RBWM from a date, and
docs/examples/rbwm-nqsw-2027.toml a caseload policy's limits; a renamed copy
of schemes/swindon.toml with one weight changed is a new scheme; packs of broken files
(packed with --no-check) disable only their own scheme. The checker's messages for the same
broken files. (An install for all users: test_shared_install.py.)
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

from caseweight.office import file_url, props
from common import ERR_ILLEGAL_ARGUMENT, OXT, SOURCE_DIR, Office, cell_result, template_urls

PACK = os.path.join(SOURCE_DIR, "tools", "caseweight-pack")
EXAMPLE = os.path.join(SOURCE_DIR, "docs", "examples", "rbwm-court-2027.toml")
POLICY_EXAMPLE = os.path.join(SOURCE_DIR, "docs", "examples", "rbwm-nqsw-2027.toml")
SWINDON = os.path.join(SOURCE_DIR, "schemes", "swindon.toml")
RBWM = os.path.join(SOURCE_DIR, "schemes", "rbwm.toml")


def find_checker():
    for build in ("build", "build-release"):
        path = os.path.join(SOURCE_DIR, build, "caseweight-scheme")
        if os.access(path, os.X_OK):
            return path
    return shutil.which("caseweight-scheme")


CHECKER = find_checker()


def swindon_copy(folder):
    """schemes/swindon.toml renamed SWINDON-COPY, with LAC 8 points per child instead of 6."""
    with open(SWINDON, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r'(?m)^name = "SWINDON"$', 'name = "SWINDON-COPY"', text)
    assert n == 1
    text, n = re.subn(r'(code = "LAC"\n(?:[a-z_]+ = .*\n)*?)points = 6\n', r"\1points = 8\n", text)
    assert n == 1
    # its sheets: Swindon's, as a council's copy names them (a template's file and name are
    # its own)
    text, n = re.subn(r'(?m)^(file|like) = "swindon-', r'\1 = "swindon-copy-', text)
    assert n >= 2
    text, n = re.subn(r'(?m)^template = "Swindon:', 'template = "Swindon copy:', text)
    assert n >= 2
    path = os.path.join(folder, "swindon-copy.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def unknown_rule(folder):
    """schemes/rbwm.toml renamed KENT with an unknown rule added; returns (path, the line of
    the rule's [[rule]] table)."""
    with open(RBWM, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r'(?m)^name = "RBWM"$', 'name = "KENT"', text)
    assert n == 1
    text = re.sub(r"(?m)^aliases = .*\n", "", text)
    marker = '[[rule]]\nrule = "one-case-type"'
    before, after = text.split(marker, 1)
    text = before + '[[rule]]\nrule = "one-case-per-worker"\n\n' + marker + after
    line = before.count("\n") + 1
    path = os.path.join(folder, "kent.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, line


def renamed_rbwm(folder, name, stem):
    """schemes/rbwm.toml under another name (no aliases, its caseload policies' codes and its
    sheet under the new name too), as folder/stem.toml."""
    with open(RBWM, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r'(?m)^name = "RBWM"$', 'name = "%s"' % name, text)
    assert n == 1
    text = re.sub(r"(?m)^aliases = .*\n", "", text)
    text = re.sub(r'(?m)^code = "RBWM-', 'code = "%s-' % name, text)
    # its sheet's file and template name are its own, as a council's copy would have them
    text = re.sub(r'(?m)^(file|like) = "rbwm-', r'\1 = "%s-' % stem, text)
    text = re.sub(r'(?m)^template = "RBWM:', 'template = "%s:' % name, text)
    path = os.path.join(folder, stem + ".toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def not_toml(folder):
    path = os.path.join(folder, "medway.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Medway's scheme, typed as a list\nCP: 6 points per child\n")
    return path


def run_pack(*args):
    return subprocess.run(
        [sys.executable, PACK] + list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )


def results(doc, formulas):
    sheet = doc.Sheets.getByIndex(0)
    for row, f in enumerate(formulas):
        sheet.getCellByPosition(0, row).setFormula(f)
    doc.calculateAll()
    return [cell_result(sheet.getCellByPosition(0, row)) for row in range(len(formulas))]


class PackOffice(unittest.TestCase):
    """caseweight.oxt and the packs of packs() in one throw-away profile (per user)."""

    @classmethod
    def packs(cls, folder):
        return []

    # A class method: what the class does in the office before the packs are installed (the
    # office then starts twice); None: the packs are there from its first start.
    before_packs = None

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(OXT):
            raise unittest.SkipTest("build the .oxt first: " + OXT)
        if not CHECKER:
            raise unittest.SkipTest("build caseweight-scheme first")
        cls.folder = tempfile.mkdtemp(prefix="caseweight-packs-")
        cls.addClassCleanup(shutil.rmtree, cls.folder, True)
        packs = cls.packs(cls.folder)
        if cls.before_packs is None:
            cls.office = Office(oxt=OXT, also=packs)
            cls.addClassCleanup(cls.office.close)
            cls.office.start()
            return
        cls.office = Office(oxt=OXT)
        cls.addClassCleanup(cls.office.close)
        cls.office.start()
        cls.before_packs()
        cls.office.stop()
        for p in packs:
            cls.office.add_extension(p)
        cls.office.launch()

    def new_doc(self):
        doc = self.office.new_calc()
        self.addCleanup(doc.close, True)
        return doc


def pack_files(folder, name, *files, extra=()):
    out = os.path.join(folder, name + ".oxt")
    proc = run_pack("--name", name, *extra, out, *files)
    if proc.returncode != 0:
        raise AssertionError("caseweight-pack failed: " + proc.stderr)
    return out


class CouncilPacks(PackOffice):
    @classmethod
    def packs(cls, folder):
        return [
            pack_files(folder, "rbwm-court", EXAMPLE),
            pack_files(folder, "swindon-copy", swindon_copy(folder)),
            pack_files(folder, "rbwm-nqsw", POLICY_EXAMPLE),
        ]

    def test_saved_sheet_keeps_the_scores_of_its_date(self):
        """An RBWM sheet of March 2027, saved and reopened with the April 2027 amendment
        installed, keeps its March scores; dated in May it scores under the amendment."""
        url = template_urls(self.office).get("rbwm-all-cases")
        self.assertTrue(url, "the RBWM template is in the template paths")
        doc = self.office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True, AsTemplate=True)
        )

        def cell(name, row=0):
            return doc.NamedRanges.getByName(name).ReferredCells.getCellByPosition(0, row)

        def heading(name):
            """The heading over a column of the case table."""
            a = doc.NamedRanges.getByName(name).ReferredCells.RangeAddress
            return doc.Sheets.getByIndex(0).getCellByPosition(a.StartColumn, a.StartRow - 1)

        def codes_line(code):
            """What the Codes sheet says of a code."""
            sh = doc.Sheets.getByName("Codes")
            for r in range(200):
                if sh.getCellByPosition(0, r).getString() == code:
                    return sh.getCellByPosition(1, r).getString()
            raise AssertionError(code + " is not on the Codes sheet")

        march = (datetime.date(2027, 3, 15) - datetime.date(1899, 12, 30)).days
        may = (datetime.date(2027, 5, 3) - datetime.date(1899, 12, 30)).days
        try:
            cell("cw_date").setValue(march)
            cell("cw_col_name").setString("A. Adams")
            cell("cw_col_cp").setString("CP")
            cell("cw_col_court").setString("PRE-PROCEEDINGS; COURT")  # 6 + 5 + 3
            doc.calculateAll()
            self.assertEqual(cell("cw_total").getValue(), 14)
            self.assertIn("RBWM as from 2014-01-01", cell("cw_scheme_version").getString())
            # the words that state points are the March version's
            self.assertIn("ongoing +3,", heading("cw_col_court").getString())
            self.assertIn("In court, ongoing: 3", codes_line("PRE-PROCEEDINGS; COURT"))
            path = os.path.join(self.office.docs, "rbwm-march.ods")
            doc.storeToURL(file_url(path), props(FilterName="calc8"))
        finally:
            doc.close(True)
        doc = self.office.load(path)
        try:
            doc.calculateAll()
            self.assertEqual(cell("cw_total").getValue(), 14, "March keeps its scores")
            cell("cw_date").setValue(may)
            doc.calculateAll()
            self.assertEqual(cell("cw_total").getValue(), 16, "COURT is 5 from April 2027")
            # the heading and the Codes sheet follow the sheet's date: the amended points
            self.assertIn("ongoing +5,", heading("cw_col_court").getString())
            self.assertIn("In court, ongoing: 5", codes_line("PRE-PROCEEDINGS; COURT"))
            cell("cw_date").setValue(march)
            doc.calculateAll()
            self.assertIn("ongoing +3,", heading("cw_col_court").getString())
            cell("cw_date").setValue(may)
            doc.calculateAll()
            version = cell("cw_scheme_version").getString()
            self.assertIn("RBWM as from 2027-04-01", version)
            self.assertIn("rbwm-court-2027.toml", version)
        finally:
            doc.close(True)

    def test_worked_example_amends_rbwm_from_its_date(self):
        got = results(
            self.new_doc(),
            [
                '=CASEPOINTS("RBWM@2027-03-31";"CP;COURT")',
                '=CASEPOINTS(SCHEMEAT("RBWM";DATE(2027;4;1));"CP;COURT")',
                '=SCHEMEVERSION(SCHEMEAT("RBWM";DATE(2027;4;1)))',
                '=SCHEMEAT("RBWM";DATE(2027;4;1))',
                # before the first version: scored with it, however early the date
                '=CASEPOINTS("RBWM@1000-01-01";"CP;COURT")',
                '=CASEPOINTS("RBWM@1899-12-31";"CP;COURT")',
                '=CASEREASON("CASEPOINTS";"RBWM@2027-02-30";"CP")',
            ],
        )
        self.assertEqual(got[0], ("value", 9.0))
        self.assertEqual(got[4], ("value", 9.0))
        self.assertEqual(got[5], ("value", 9.0))
        self.assertEqual(got[6][0], "text", got[6])
        self.assertIn("not a real date", got[6][1])
        self.assertEqual(got[1], ("value", 11.0))
        self.assertEqual(got[2][0], "text", got[2])
        version = got[2][1]
        self.assertTrue(version.startswith("RBWM as from 2027-04-01: "), version)
        self.assertIn("Court work re-weighted after the 2026 caseload review", version)
        self.assertIn("rbwm-court-2027.toml", version)
        self.assertEqual(got[3], ("text", "RBWM@2027-04-01"))

    def test_words_of_points_and_bands_follow_the_amendment_from_its_date(self):
        """POINTSTEXT and BANDTEXT give the words of the version a sheet's date selects."""
        got = results(
            self.new_doc(),
            [
                '=POINTSTEXT("RBWM@2027-03-31";"COURT")',
                '=POINTSTEXT(SCHEMEAT("RBWM";DATE(2027;4;1));"COURT")',
                '=POINTSTEXT(SCHEMEAT("RBWM";DATE(2027;3;31));"COURT;COURT-COMPLEX")',
                '=POINTSTEXT(SCHEMEAT("RBWM";DATE(2027;4;1));"COURT;COURT-COMPLEX")',
                '=POINTSTEXT(SCHEMEAT("RBWM";DATE(2027;4;1));"COURT";"short")',
                '=BANDTEXT(SCHEMEAT("RBWM";DATE(2027;4;1));"NQSW")',
                '=POINTSTEXT("SWINDON";"LAC")',
                '=POINTSTEXT("SWINDON-COPY";"LAC")',
                '=POINTSTEXT(SCHEMEAT("RBWM";DATE(2027;4;1));"NOSUCH")',
            ],
        )
        self.assertEqual(got[0], ("text", "3"))
        self.assertEqual(got[1], ("text", "5"))
        self.assertEqual(got[2], ("text", "3 or 5"))
        self.assertEqual(got[3], ("text", "5"))
        self.assertEqual(got[4], ("text", "5"))
        self.assertEqual(got[5], ("text", "220 to 250 points"))
        self.assertEqual(got[6], ("text", "basic 10 + 6 per child"))
        self.assertEqual(got[7], ("text", "basic 10 + 8 per child"))
        self.assertEqual(got[8], ("error", ERR_ILLEGAL_ARGUMENT))

    def test_pack_amends_a_policy_from_its_date_only(self):
        """RBWM-NQSW is 8-10 cases until 31 March 2027 and 8-11 from 1 April 2027: 11 cases are
        above the range before the date and within it after; the old call forms still work."""
        got = results(
            self.new_doc(),
            [
                '=CASELOADBAND("RBWM-NQSW";11;;DATE(2027;3;31))',
                '=CASELOADBAND("RBWM-NQSW";11;;DATE(2027;4;1))',
                '=CASELOADBAND("RBWM-NQSW";11;;SCHEMEAT("RBWM";DATE(2027;3;31)))',
                '=CASELOADBAND("RBWM-NQSW";11;;SCHEMEAT("RBWM";DATE(2027;5;3)))',
                '=CASELOADBAND("RBWM-NQSW@2020-01-01";11)',
                '=CASELOADBAND("RBWM-NQSW@2027-04-01";11)',
                '=CASELOADLIMIT("RBWM-NQSW";0.5;DATE(2027;3;31))',
                '=CASELOADLIMIT("RBWM-NQSW";0.5;DATE(2027;4;1))',
                '=CASELOADBAND("RBWM-NQSW";7.5;;DATE(2028;1;1))',
                '=CASELOADLIMIT("RBWM-AFTER-FIRST-YEAR";;DATE(2028;1;1))',
                '=CASELOADBAND("RBWM-NQSW";7)',
                '=CASELOADLIMIT("BARNSLEY")',
                '=CASEREASON("CASELOADBAND";"RBWM-NQSW";11;1;0)',
            ],
        )
        self.assertEqual(got[0], ("text", "Above range"))
        self.assertEqual(got[1], ("text", "Within range"))
        self.assertEqual(got[2], ("text", "Above range"))
        self.assertEqual(got[3], ("text", "Within range"))
        self.assertEqual(got[4], ("text", "Above range"))
        self.assertEqual(got[5], ("text", "Within range"))
        self.assertEqual(got[6], ("value", 5.0))
        self.assertEqual(got[7], ("value", 5.5))
        self.assertEqual(got[8], ("text", "Below range"), "the lower limit stays")
        self.assertEqual(got[9], ("value", 12.0))
        self.assertEqual(got[10], ("text", "Below range"))
        self.assertEqual(got[11], ("value", 18.0))
        self.assertEqual(got[12][0], "text", got[12])
        self.assertIn("Date is an empty cell", got[12][1])

    def test_renamed_copy_is_a_new_scheme_beside_the_original(self):
        got = results(
            self.new_doc(),
            ['=CASEPOINTS("SWINDON-COPY";"LAC";2)', '=CASEPOINTS("SWINDON";"LAC";2)'],
        )
        self.assertEqual(got, [("value", 36.0), ("value", 32.0)])


class BrokenPacks(PackOffice):
    @classmethod
    def packs(cls, folder):
        kent, cls.kent_line = unknown_rule(folder)
        medway = not_toml(folder)
        return [
            pack_files(folder, "kent", kent, extra=("--no-check",)),
            pack_files(folder, "medway", medway, extra=("--no-check",)),
        ]

    def test_broken_file_disables_only_its_scheme(self):
        got = results(
            self.new_doc(),
            [
                '=CASEPOINTS("KENT";"CP")',
                '=CASEREASON("CASEPOINTS";"KENT";"CP")',
                '=CASEPOINTS("MEDWAY";"CP")',
                '=CASEREASON("CASEPOINTS";"MEDWAY";"CP")',
                '=CASEPOINTS("RBWM";"CP;COURT")',
                '=CASEPOINTS("SWINDON";"LAC";2)',
            ],
        )
        self.assertEqual(got[0], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(got[1][0], "text", got[1])
        self.assertIn("kent.toml line %d:" % self.kent_line, got[1][1])
        self.assertIn("one-case-per-worker", got[1][1])
        self.assertEqual(got[2], ("error", ERR_ILLEGAL_ARGUMENT))
        self.assertEqual(got[3][0], "text", got[3])
        self.assertIn("medway.toml line 2:", got[3][1])
        self.assertIn("not valid TOML", got[3][1])
        self.assertEqual(got[4], ("value", 9.0))
        self.assertEqual(got[5], ("value", 32.0))
        # the office is still alive and answers
        self.assertEqual(results(self.new_doc(), ["=1+1"]), [("value", 2.0)])


# Each mistake the check names, as a copy of schemes/rbwm.toml under another name with one
# change: (scheme, file stem, the change, what the sentence says). The line is found by the
# marker the change leaves in the file.
MISTAKES = [
    ("ESSEX", "essex", ('code = "CIC"', 'code = "CIN"'), "the code CIN is given twice"),
    ("SURREY", "surrey", ("points = 10\n", "points = -10\n"), '"points" cannot be negative'),
    ("DEVON", "devon", ("lower = 330", "lower = 360"), "the bands of EXPERIENCED overlap"),
    (
        "DORSET",
        "dorset",
        None,
        "two amendments of DORSET start on 2027-04-01",
    ),
    (
        "SUFFOLK",
        "suffolk",
        None,
        "COURT changes meaning in the amendment from 2027-04-01",
    ),
]

AMENDMENTS = {
    "DORSET": "\n[[amendment]]\nfrom = 2027-04-01\n\n[[amendment]]\nfrom = 2027-04-01\n",
    "SUFFOLK": '\n[[amendment]]\nfrom = 2027-04-01\n[[amendment.item]]\ncode = "COURT"\n'
    'per = "child"\n',
}


def mistake_file(folder, name, stem, change):
    """A renamed copy of rbwm.toml with one mistake; returns (path, the mistake's line)."""
    path = renamed_rbwm(folder, name, stem)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if change:
        old, new = change
        at = text.index(old)
        if not old.startswith("points"):  # reported at its table's [[...]] line
            at = text.rindex("[[", 0, at)
        text = text[: text.index(old)] + new + text[text.index(old) + len(old) :]
        line = text[:at].count("\n") + 1
    else:
        line = text.count("\n") + 2  # the amendment appended at the end
        text += AMENDMENTS[name]
        if name == "DORSET":
            line += 3  # the second [[amendment]]
        else:
            line += 2  # its [[amendment.item]]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path, line


class EveryMistakeInCalc(PackOffice):
    """Every kind of mistake the check finds, installed anyway: only its scheme fails, with a
    reason naming the file and the line, and the office carries on."""

    @classmethod
    def packs(cls, folder):
        cls.files = {}
        for name, stem, change, _ in MISTAKES:
            cls.files[name] = mistake_file(folder, name, stem, change)
        return [
            pack_files(
                folder, "mistakes", *[p for p, _ in cls.files.values()], extra=("--no-check",)
            )
        ]

    def test_each_mistake_in_the_check_and_in_calc(self):
        for name, stem, _, sentence in MISTAKES:
            path, line = self.files[name]
            with self.subTest(scheme=name):
                proc = subprocess.run(
                    [CHECKER, "check", path], stdout=subprocess.PIPE, text=True, timeout=60
                )
                self.assertEqual(proc.returncode, 1, proc.stdout)
                self.assertIn(sentence, proc.stdout)
                self.assertIn("%s.toml:%d: %s" % (stem, line, sentence), proc.stdout)
                # A mistake of an amendment stops the scheme from the amendment's date only.
                dated = name in AMENDMENTS
                got = results(
                    self.new_doc(),
                    [
                        '=CASEPOINTS("%s@2027-04-01";"CP")' % name,
                        '=CASEREASON("CASEPOINTS";"%s@2027-04-01";"CP")' % name,
                        '=CASEPOINTS("%s@2027-03-31";"CP")' % name,
                    ],
                )
                self.assertEqual(got[0], ("error", ERR_ILLEGAL_ARGUMENT))
                self.assertIn(
                    "%s cannot be used%s: %s.toml line %d: "
                    % (
                        name,
                        " from 2027-04-01 on (dates before it score as before)" * dated,
                        stem,
                        line,
                    ),
                    got[1][1],
                )
                self.assertIn(sentence, got[1][1])
                self.assertEqual(
                    got[2], ("value", 6.0) if dated else ("error", ERR_ILLEGAL_ARGUMENT)
                )
        got = results(self.new_doc(), ['=CASEPOINTS("RBWM";"CP;COURT")', "=1+1"])
        self.assertEqual(got, [("value", 9.0), ("value", 2.0)])


class CheckAndPackCommands(unittest.TestCase):
    def setUp(self):
        if not CHECKER:
            self.skipTest("build caseweight-scheme first")
        self.folder = tempfile.mkdtemp(prefix="caseweight-packs-")
        self.addCleanup(shutil.rmtree, self.folder, True)

    def check(self, *files):
        return subprocess.run(
            [CHECKER, "check"] + list(files),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
        )

    def test_checker_names_file_and_line_of_each_mistake(self):
        kent, line = unknown_rule(self.folder)
        proc = self.check(kent)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn('kent.toml:%d: unknown rule "one-case-per-worker"' % line, proc.stdout)
        medway = not_toml(self.folder)
        proc = self.check(medway)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("medway.toml:2: this is not valid TOML", proc.stdout)

    def test_checker_accepts_the_examples_and_the_copy(self):
        proc = self.check(EXAMPLE, POLICY_EXAMPLE, swindon_copy(self.folder))
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("No mistakes found in 3 files.", proc.stdout)

    def test_checker_names_file_and_line_of_a_policy_mistake(self):
        path = os.path.join(self.folder, "kent-policies.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(
                '[[policy]]\ncode = "KENT-CIN"\nlabel = "Children in need"\nsource = "Kent"\n'
                "lower = 20\nupper = 18\n\n[[amendment]]\nfrom = 2027-04-01\n"
                '[[amendment.policy]]\ncode = "KENT-NONE"\nupper = 4\n'
            )
        proc = self.check(path)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("kent-policies.toml:1: the limits of the policy KENT-CIN", proc.stdout)
        self.assertIn("kent-policies.toml:10: KENT-NONE is not a caseload policy", proc.stdout)

    def test_pack_refuses_files_with_mistakes_and_writes_nothing(self):
        kent, line = unknown_rule(self.folder)
        out = os.path.join(self.folder, "kent.oxt")
        proc = run_pack("--name", "kent", out, kent)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("kent.toml:%d:" % line, proc.stderr)
        self.assertIn("caseweight-pack: ", proc.stderr.splitlines()[-1])
        self.assertFalse(os.path.exists(out))
        self.assertEqual(os.listdir(self.folder), ["kent.toml"])

    def test_pack_holds_description_manifest_and_schemes(self):
        out = os.path.join(self.folder, "court.oxt")
        proc = run_pack("--name", "rbwm-court", "--version", "2.1", out, EXAMPLE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with zipfile.ZipFile(out) as z:
            self.assertEqual(
                sorted(z.namelist()),
                ["META-INF/manifest.xml", "description.xml", "schemes/rbwm-court-2027.toml"],
            )
            desc = z.read("description.xml").decode()
        self.assertIn('<identifier value="org.caseweight.schemes.rbwm-court"/>', desc)
        self.assertIn('<version value="2.1"/>', desc)
        self.assertIn("caseweight schemes: rbwm-court", desc)
        self.assertIn('LibreOffice-minimal-version value="7.4"', desc)
