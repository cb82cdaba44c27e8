"""The over-maximum record of every worker template, in real headless LibreOffice: a worker
pushed above the maximum (the scheme's last band above) shows "Record needed" in red until the
reason, the date allocated, the review date and who was informed are filled in with proper
values ("Recorded"); a review date before the sheet's As at date shows "Review overdue"; below
the maximum the status is empty. The status is judged at the As at date, never today. Rows in
error never hide a worker above the maximum. The block's fields are unlocked, its dates
validated and it lies inside the printed page."""

import datetime

from common import OfficeTestCase, template_urls
from caseweight.sheets.cwtemplate import CANNOT_JUDGE, NOT_KNOWN, maximum_label
from caseweight.office import props
from caseweight import schemes

SWINDON = schemes.of_file("swindon").version_at()
RBWM = schemes.of_file("rbwm").version_at()
NOTTS = schemes.of_file("notts").version_at()

# Warrington's sheet is the one made from its scheme file: a case type counted per child.
WARRINGTON = schemes.of_file("warrington").version_at()
WARRINGTON_CASE = next(
    c for c in WARRINGTON.codes(group="case") if WARRINGTON.item(c).get("per") == "child"
)

EPOCH = datetime.date(1899, 12, 30)
# In the past on purpose: the status is judged at the sheet's As at date, never today.
AS_AT = datetime.date(2026, 10, 30)
DAY = datetime.timedelta(days=1)
# the named cell of each template's As at date
DATE_KEY = {"rbwm-all-cases": "date", "notts-individual": "date"}

# file: (the row that scores, the field making the worker part-time, its value far above the
# maximum, its full-time value, the scheme version)
SWINDON_FTE = ("fte", 0.01, 1)
CASES = {
    "swindon-children": ({"name": "A", "lac": SWINDON.column("lac")["item"]}, SWINDON_FTE, SWINDON),
    "swindon-family-placements": (
        {"name": "A", "basic": SWINDON.codes(group="case", column="family-placements")[0]},
        SWINDON_FTE,
        SWINDON,
    ),
    "swindon-leaving-care": (
        {"name": "A", "basic": SWINDON.codes(group="case", column="leaving-care")[0]},
        SWINDON_FTE,
        SWINDON,
    ),
    "swindon-disabled-children": (
        {"name": "A", "basic": SWINDON.codes(group="case", column="cypd")[0]},
        SWINDON_FTE,
        SWINDON,
    ),
    "rbwm-all-cases": ({"name": "A", "cp": RBWM.column("cp")["item"]}, SWINDON_FTE, RBWM),
    "notts-individual": (
        {"family": "A", "specific": NOTTS.codes(group="specific")[0]},
        ("hours", 1, 37),
        NOTTS,
    ),
    "warrington": ({"name": "A", "type": WARRINGTON_CASE}, SWINDON_FTE, WARRINGTON),
}
FIELDS = ("over_reason", "over_date", "over_review", "over_informed")


def serial(d):
    return float((d - EPOCH).days)


class OverMaximum(OfficeTestCase):
    def open_template(self, file):
        doc = self.office.desktop.loadComponentFromURL(
            template_urls(self.office)[file], "_blank", 0, props(Hidden=True, AsTemplate=True)
        )
        self.assertIsNotNone(doc, file)
        self.addCleanup(doc.close, True)
        return doc

    def setUp(self):
        # What a look-up finds, kept for each document (the documents stay open until the test
        # ends): a look-up makes an object at each step, a millisecond each.
        self.found = {}

    def cell(self, doc, name, row=0):
        key = (id(doc), name, row)
        if key not in self.found:
            self.found[key] = self.referred(doc, name).getCellByPosition(0, row)
        return self.found[key]

    def referred(self, doc, name):
        """The cells of the named range name."""
        key = (id(doc), "names", name)
        if key not in self.found:
            names = self.found.get((id(doc), "names"))
            if names is None:
                names = self.found[id(doc), "names"] = doc.NamedRanges
            self.found[key] = names.getByName(name).ReferredCells
        return self.found[key]

    def put(self, doc, name, value, row=0):
        c = self.cell(doc, name, row)
        self.assertFalse(c.CellProtection.IsLocked, name)
        if value is None:
            c.setString("")
        elif isinstance(value, str):
            c.setString(value)
        else:
            c.setValue(value)

    def status(self, doc):
        doc.calculateAll()
        return self.cell(doc, "cw_over_status").getString()

    def test_every_worker_template(self):
        for file, (row, (key, part, full), version) in CASES.items():
            with self.subTest(file):
                self.check(file, row, key, part, full, version)

    def check(self, file, row, key, part, full, version):
        doc = self.open_template(file)
        names = doc.NamedRanges
        for n in ("cw_over_status", "cw_over_above") + tuple("cw_" + f for f in FIELDS):
            self.assertTrue(names.hasByName(n), n)
        # the print area covers the block
        status = self.cell(doc, "cw_over_status")
        sheet = status.getSpreadsheet()
        area = sheet.getPrintAreas()[0]
        for n in ("cw_over_status",) + tuple("cw_" + f for f in FIELDS):
            a = self.cell(doc, n).CellAddress
            self.assertTrue(area.StartRow <= a.Row <= area.EndRow, n)
            self.assertTrue(area.StartColumn <= a.Column <= area.EndColumn, n)
        # the dates are validated: a date, the review not before the date allocated
        v = self.cell(doc, "cw_over_review").Validation
        self.assertEqual(v.Type.value, "DATE")
        self.assertEqual(v.Operator.value, "GREATER_EQUAL")
        self.assertEqual(self.cell(doc, "cw_over_date").Validation.Type.value, "DATE")

        for k, value in row.items():
            self.put(doc, "cw_col_" + k, value)
        self.put(doc, "cw_" + DATE_KEY.get(file, "as_at"), serial(AS_AT))
        self.put(doc, "cw_" + key, full)
        doc.calculateAll()
        band = self.cell(doc, "cw_band").getString()
        self.assertNotEqual(band, maximum_label(version))
        self.assertEqual(self.status(doc), "", band)
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), "No")

        self.put(doc, "cw_" + key, part)
        doc.calculateAll()
        self.assertEqual(self.cell(doc, "cw_band").getString(), maximum_label(version))
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), "Yes")
        self.assertEqual(self.status(doc), "Record needed")
        self.assertEqual(self.shown_fill(doc), 0xFFC7CE)

        self.put(doc, "cw_over_reason", "Sibling group kept together")
        self.put(doc, "cw_over_date", serial(AS_AT - 3 * DAY))
        self.put(doc, "cw_over_review", serial(AS_AT + 25 * DAY))
        self.assertEqual(self.status(doc), "Record needed")
        self.put(doc, "cw_over_informed", "Service manager")
        self.assertEqual(self.status(doc), "Recorded")
        self.assertNotEqual(self.shown_fill(doc), 0xFFC7CE)

        self.put(doc, "cw_over_review", serial(AS_AT - DAY))
        self.assertEqual(self.status(doc), "Review overdue")
        self.assertEqual(self.shown_fill(doc), 0xFFC7CE)

        self.put(doc, "cw_" + key, full)
        self.assertEqual(self.status(doc), "")

    def test_every_worker_template_with_a_row_in_error(self):
        """The rows without an error alone decide, on every template: above the maximum part
        time, not known full time (SPEC 4c)."""
        for file, (row, (key, part, full), version) in CASES.items():
            with self.subTest(file):
                doc = self.open_template(file)
                self.put(doc, "cw_" + DATE_KEY.get(file, "as_at"), serial(AS_AT))
                code = [k for k, v in row.items() if k not in ("name", "family")][0]
                for i in (0, 1):
                    for k, value in row.items():
                        self.put(doc, "cw_col_" + k, value if k != code or i == 0 else "NOPE", i)
                self.put(doc, "cw_" + key, part)
                doc.calculateAll()
                self.assertTrue(self.cell(doc, "cw_band").getError())
                self.assertEqual(self.cell(doc, "cw_over_above").getString(), "Yes")
                self.assertEqual(self.status(doc), "Record needed")
                self.put(doc, "cw_" + key, full)
                self.assertEqual(self.status(doc), CANNOT_JUDGE)
                self.assertEqual(self.cell(doc, "cw_over_above").getString(), NOT_KNOWN)

    def test_rbwm_cases_above_the_caseload_policy(self):
        """RBWM also sets caseload numbers: more cases than the worker's range is above the
        maximum too, whatever the points."""
        doc = self.open_template("rbwm-all-cases")
        self.put(doc, "cw_experience", "Newly qualified")
        for i in range(11):  # a newly qualified worker: 8 to 10 cases
            self.put(doc, "cw_col_name", "Case %d" % i, i)
            self.put(doc, "cw_col_cin", RBWM.column("cin")["items"][0], i)
        doc.calculateAll()
        self.assertNotEqual(self.cell(doc, "cw_band").getString(), maximum_label(RBWM))
        self.assertEqual(self.cell(doc, "cw_cases_range").getString(), "Above range")
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), "Yes")
        self.assertEqual(self.status(doc), "Record needed")
        # the band alone does not say why: the record does
        self.assertEqual(
            self.cell(doc, "cw_over_why").getString(), "cases above the caseload range"
        )

    # -- the rule of the record (SPEC 4c), on a Swindon sheet far above the maximum ---------

    def swindon_above(self):
        doc = self.open_template("swindon-children")
        self.put(doc, "cw_as_at", serial(AS_AT))
        self.put(doc, "cw_col_name", "A")
        self.put(doc, "cw_col_lac", SWINDON.column("lac")["item"])
        self.put(doc, "cw_fte", 0.01)
        return doc

    def record(self, doc, **fields):
        values = dict(
            reason="Sibling group kept together",
            date=serial(AS_AT - 3 * DAY),
            review=serial(AS_AT + 25 * DAY),
            informed="Service manager",
        )
        values.update(fields)
        for k, v in values.items():
            self.put(doc, "cw_over_" + k, v)

    def test_judged_at_the_as_at_date_never_today(self):
        """October's sheet read later (its review date is past today): still Recorded."""
        self.assertLess(AS_AT + 25 * DAY, datetime.date.today())
        doc = self.swindon_above()
        self.record(doc)
        self.assertEqual(self.status(doc), "Recorded")
        self.put(doc, "cw_as_at", serial(AS_AT + 26 * DAY))  # the review date is before it
        self.assertEqual(self.status(doc), "Review overdue")
        self.put(doc, "cw_as_at", serial(AS_AT + 25 * DAY))  # on the review date: not overdue
        self.assertEqual(self.status(doc), "Recorded")
        self.put(doc, "cw_as_at", serial(AS_AT - 4 * DAY))  # allocated after the As at date
        self.assertEqual(self.status(doc), "Record needed")

    def test_record_needs_proper_values(self):
        doc = self.swindon_above()
        allocated = AS_AT - 3 * DAY  # 27/10/2026: the review at most on 27/11/2026
        bad = [
            ("a single space is no reason", dict(reason=" ")),
            ("a single space is nobody informed", dict(informed=" ")),
            ("a date typed as text is no date", dict(date="27/10/2026")),
            ("a review date typed as text is no date", dict(review="20/11/2026")),
            ("allocated after the As at date", dict(date=serial(AS_AT + DAY))),
            ("review on the date allocated", dict(review=serial(allocated))),
            ("review before the date allocated", dict(review=serial(allocated - DAY))),
            (
                "review more than a month after the date allocated",
                dict(review=serial(datetime.date(2026, 11, 28))),
            ),
        ]
        for why, fields in bad:
            with self.subTest(why):
                self.record(doc)
                self.assertEqual(self.status(doc), "Recorded")
                self.record(doc, **fields)
                self.assertEqual(self.status(doc), "Record needed")
        self.record(doc, review=serial(datetime.date(2026, 11, 27)))  # exactly a month
        self.assertEqual(self.status(doc), "Recorded")

    def test_rows_in_error_never_hide_a_worker_above_the_maximum(self):
        doc = self.swindon_above()
        self.put(doc, "cw_col_name", "B", 1)
        self.put(doc, "cw_col_lac", "NO-SUCH-CODE", 1)
        doc.calculateAll()
        self.assertTrue(self.cell(doc, "cw_band").getError())
        # the valid row alone is far above the maximum at FTE 0.01
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), "Yes")
        self.assertEqual(self.status(doc), "Record needed")
        self.assertIn("rows without an error", self.cell(doc, "cw_over_why").getString())
        # full time, the valid row alone is below it: whether the worker is above is not known
        self.put(doc, "cw_fte", 1)
        self.assertEqual(self.status(doc), CANNOT_JUDGE)
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), NOT_KNOWN)
        self.assertEqual(self.shown_fill(doc), 0xFFC7CE)
        # the row fixed: judged again
        self.put(doc, "cw_col_lac", "", 1)
        self.assertEqual(self.status(doc), "")
        self.assertEqual(self.cell(doc, "cw_over_above").getString(), "No")

    def shown_fill(self, doc):
        """The background the status cell shows, its conditional format applied: the style
        of the first condition its value meets."""
        c = self.cell(doc, "cw_over_status")
        shown = c.getString()
        # the conditions and the styles' colours, read once for each document: the test
        # changes neither
        key = (id(doc), "conditions")
        if key not in self.found:
            cf = c.ConditionalFormat
            entries = [cf.getByIndex(i) for i in range(cf.Count)]
            self.found[key] = [(e.getFormula1(), e.StyleName) for e in entries]
        for formula, style in self.found[key]:
            if formula == '"%s"' % shown:
                return self.fill(doc, style)
        return self.fill(doc, c.CellStyle)

    def fill(self, doc, style):
        """The CellBackColor of the cell style named style."""
        key = (id(doc), "fill", style)
        if key not in self.found:
            styles = doc.StyleFamilies.getByName("CellStyles")
            self.found[key] = styles.getByName(style).CellBackColor
        return self.found[key]


if __name__ == "__main__":
    import unittest

    unittest.main()
