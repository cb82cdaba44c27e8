"""caseweight-county's case rows with the add-in: for every scheme of schemes/ (the list from
the data), the county has a worker sheet, and the rows it types into that sheet hold only the
scheme's codes and pass CASECHECK as the sheet's Check column asks it (the row's code cells as
a range, Children and Share, the scheme as in force on the As at date); every planted mistake
makes its row fail CASECHECK; the pool of rows is the same for the same seed."""

import datetime
import random

from caseweight import county, schemes
from caseweight.fods import col
from common import OfficeTestCase

AS_AT = datetime.date(2026, 10, 30)
SEED = 5
WORKERS = 30  # workers' sheets drawn per scheme


class CountyRows(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.forms = county.forms(cls.office, AS_AT, SEED)

    def sheet_rows(self, form, seed, mistake=False):
        """The case rows of one worker's values, {column key: value}, as typed on the sheet."""
        values = county.worker_values(
            random.Random(seed), form, "Team", "A. Worker", AS_AT, mistake
        )
        rows = {}
        for key, value in values.items():
            if key.startswith("c."):
                _, column, i = key.split(".")
                rows.setdefault(int(i), {})[column] = value
        return [rows[i] for i in sorted(rows)]

    def casecheck(self, form, rows):
        """CASECHECK of each row with its code cells typed into a sheet, as the Check column
        asks it."""
        codes = [c.key for c in form.spec.columns if c.kind == "codes"]
        doc = self.new_doc()
        sh = doc.Sheets.getByIndex(0)
        n = len(rows)
        # A: the check; B: children; C: share; D...: the code cells
        data = [
            tuple([r.get("children", ""), r.get("share", "")] + [r.get(k, "") for k in codes])
            for r in rows
        ]
        sh.getCellRangeByPosition(1, 0, 2 + len(codes), n - 1).setDataArray(tuple(data))
        last = col(2 + len(codes))
        scheme = 'SCHEMEAT("%s";DATE(%d;%d;%d))' % (
            form.scheme,
            AS_AT.year,
            AS_AT.month,
            AS_AT.day,
        )
        formulas = tuple(
            (
                '=CASECHECK(%s;D%d:%s%d;IF(B%d="";"";B%d);IF(C%d="";"";C%d))'
                % (scheme, i, last, i, i, i, i, i),
            )
            for i in range(1, n + 1)
        )
        sh.getCellRangeByPosition(0, 0, 0, n - 1).setFormulaArray(formulas)
        doc.calculateAll()
        return [r[0] for r in sh.getCellRangeByPosition(0, 0, 0, n - 1).getDataArray()]

    def test_every_scheme_has_county_rows_of_its_own_codes_passing_casecheck(self):
        built_in = schemes.built_in()
        self.assertTrue(built_in)
        for scheme in built_in:
            with self.subTest(scheme=scheme.name):
                self.assertIn(scheme.name, self.forms)
                form = self.forms[scheme.name]
                self.assertGreaterEqual(len(form.rows), 20, "a pool of rows to draw from")
                own = set(scheme.version_at(AS_AT).codes())
                codes = [c.key for c in form.spec.columns if c.kind == "codes"]
                rows = [r for seed in range(WORKERS) for r in self.sheet_rows(form, seed)]
                for row in rows:
                    for key in codes:
                        if key in row:
                            self.assertIsInstance(row[key], str, (key, row))
                            self.assertLessEqual(set(county.entry_codes(row[key])), own, row)
                said = self.casecheck(form, rows)
                bad = [(r, s) for r, s in zip(rows, said) if s != "OK"]
                self.assertEqual(bad, [])
                # the rows are varied: several case types, rows with more than a case type
                case_types = {r[k] for r in rows for k in form.case_keys if k in r}
                self.assertGreater(len(case_types), 2, case_types)
                self.assertTrue(any(sum(k in r for k in codes) > 1 for r in rows))

    def test_every_planted_mistake_fails_casecheck(self):
        for scheme, form in self.forms.items():
            with self.subTest(scheme=scheme):
                self.assertTrue(form.mistakes)
                # each mistake typed into a valid row
                rows = []
                for i, (key, value) in enumerate(form.mistakes):
                    row = dict(form.rows[i % len(form.rows)])
                    row[key] = value
                    rows.append(row)
                # and as the county plants them on a worker's sheet
                for seed in range(10):
                    sheet = self.sheet_rows(form, seed, mistake=True)
                    planted = [r for r in sheet if any(r.get(k) == v for k, v in form.mistakes)]
                    self.assertEqual(len(planted), 1, sheet)
                    rows += planted
                said = self.casecheck(form, rows)
                self.assertEqual([(r, s) for r, s in zip(rows, said) if s == "OK"], [])
                self.assertTrue(all(isinstance(s, str) and s for s in said), said)

    def test_the_same_seed_gives_the_same_pool(self):
        again = county.forms(self.office, AS_AT, SEED)
        other = county.forms(self.office, AS_AT, SEED + 1)
        self.assertEqual(list(again), list(self.forms))
        for scheme, form in self.forms.items():
            self.assertEqual(again[scheme].rows, form.rows, scheme)
            self.assertEqual(again[scheme].mistakes, form.mistakes, scheme)
            self.assertNotEqual(other[scheme].rows, form.rows, scheme)
