"""caseweight.calibration without an office: a made-up panel of four managers coding four
vignettes, its matches, spreads, flags and differences worked out by hand; the agreement of
its columns (alpha and kappa by hand); every reason screen() sets a sheet aside for."""

import unittest

from caseweight import calibration
from caseweight.calibration import Answer, Response, Vignette, compare, screen

SET, SCHEME = "2026-Q3", "SWINDON"
COLUMNS = [("status", "Status"), ("extra", "Additional")]
BAND = 20

VIGNETTES = [
    Vignette("SW01", "Two brothers on a plan", {"status": "CP"}, 2),
    Vignette("SW02", "A baby, domestic abuse", {"status": "CIN", "extra": "DOMESTIC-ABUSE"}, 1),
    Vignette("SW03", "A girl in foster care", {"status": "CIC", "extra": ""}, 1),
    Vignette("SW04", "Three children, proceedings", {"status": "CP; COMPLEX", "extra": "COURT"}, 3),
]
REFERENCE = {"SW01": 24.0, "SW02": 12.0, "SW03": 30.0, "SW04": 40.0}


def row(status, extra, children, points, problem=None):
    return Answer({"status": status, "extra": extra}, children, points, problem)


EMPTY = Answer({"status": "", "extra": ""})

# The panel. Ann codes every vignette as the reference does; Bob misses SW02's domestic abuse,
# counts two children in SW03 and leaves SW04 a plain plan; Cat leaves SW03 empty and her SW04
# has no points (the row in error); Dev sees SW01 as child in need and misses SW04's court.
PANEL = {
    "Ann Able": {
        "SW01": row("CP", "", 2, 24),
        "SW02": row("CIN", "DOMESTIC-ABUSE", 1, 12),
        "SW03": row("CIC", "", 1, 30),
        "SW04": row("CP; COMPLEX", "COURT", 3, 40),
    },
    "Bob Best": {
        "SW01": row("CP", "", 2, 24),
        "SW02": row("CIN", "", 1, 10),
        "SW03": row("CIC", "", 2, 36),
        "SW04": row("CP", "COURT", 3, 18),
    },
    "Cat Cole": {
        "SW01": row("CP", " ", 2, 24),
        "SW02": row(" CIN", "DOMESTIC-ABUSE ", 1, 12),  # spaces around an entry do not count
        "SW03": EMPTY,
        "SW04": row("CP; COMPLEX", "COURT", 3, None, "points in error (Err:502)"),
    },
    "Dev Dunn": {
        "SW01": row("CIN", "", 2, 4),
        "SW02": row("CIN", "DOMESTIC-ABUSE", 1, 12),
        "SW03": row("CIC", "", 1, 30),
        "SW04": row("CP; COMPLEX", "", 3, 32),
    },
}


def response(manager, rows, path=None, set_id=SET, scheme=SCHEME):
    path = path or manager.split()[0].lower() + ".ods"
    return Response(manager, path, rows, set_id, scheme)


def panel():
    return [response(m, rows) for m, rows in PANEL.items()]


def comparison(band=BAND):
    kept, problems = screen(panel(), SET, SCHEME)
    return compare(VIGNETTES, COLUMNS, kept, REFERENCE, band, problems)


class Vignettes(unittest.TestCase):
    def setUp(self):
        self.c = comparison()
        self.by_id = {v.id: v for v in self.c.vignettes}

    def test_in_the_sets_order(self):
        self.assertEqual([v.id for v in self.c.vignettes], ["SW01", "SW02", "SW03", "SW04"])
        self.assertEqual(self.by_id["SW02"].title, "A baby, domestic abuse")
        self.assertEqual(self.by_id["SW04"].reference, 40.0)

    def test_answered_and_matched(self):
        self.assertEqual(
            [(v.answered, v.matched) for v in self.c.vignettes],
            # SW01: Dev differs; SW02: Bob; SW03: Cat left it, Bob's children; SW04: Bob, Dev
            [(4, 3), (4, 3), (3, 2), (4, 2)],
        )

    def test_spread(self):
        self.assertEqual(
            [(v.low, v.median, v.high) for v in self.c.vignettes],
            [
                (4, 24, 24),  # 24 24 24 4
                (10, 12, 12),  # 12 10 12 12
                (30, 30, 36),  # 30 36 - 30: Cat's is missing, not 0
                (18, 32, 40),  # 40 18 - 32: Cat's row has no points
            ],
        )

    def test_flags(self):
        # SW01 spreads 20, the band's width exactly: not wider. SW04 spreads 22.
        self.assertEqual([v.flag for v in self.c.vignettes], [False, False, False, True])
        self.assertEqual(
            self.by_id["SW04"].reason, "points range 18 to 40, wider than the band (20)"
        )
        self.assertEqual(self.by_id["SW01"].reason, "")

    def test_a_narrower_band_flags_more(self):
        c = comparison(band=19.5)
        self.assertEqual([v.flag for v in c.vignettes], [True, False, False, True])
        self.assertEqual(c.vignettes[0].reason, "points range 4 to 24, wider than the band (19.5)")

    def test_no_band_no_flag(self):
        c = comparison(band=None)
        self.assertEqual([v.flag for v in c.vignettes], [False] * 4)
        self.assertEqual({v.reason for v in c.vignettes}, {""})

    def test_each_managers_answer(self):
        answers = self.by_id["SW04"].answers
        self.assertEqual(
            [(a.manager, a.answered, a.codes, a.children, a.points, a.matched) for a in answers],
            [
                ("Ann Able", True, "Status: CP; COMPLEX / Additional: COURT", 3, 40, True),
                ("Bob Best", True, "Status: CP / Additional: COURT", 3, 18, False),
                ("Cat Cole", True, "Status: CP; COMPLEX / Additional: COURT", 3, None, True),
                ("Dev Dunn", True, "Status: CP; COMPLEX", 3, 32, False),
            ],
        )
        cat = self.by_id["SW03"].answers[2]
        self.assertEqual(
            (cat.answered, cat.codes, cat.points, cat.matched), (False, "", None, False)
        )
        self.assertEqual(self.by_id["SW01"].reference_codes, "Status: CP")

    def test_an_answer_of_no_code(self):
        self.assertEqual(calibration.codes_text({"status": " ", "extra": ""}, COLUMNS), "no code")
        # a Children number alone is an answer, of no code
        v = Vignette("SW09", "Nothing to code", {}, 1)
        self.assertTrue(calibration.matches(Answer({"status": ""}, 1, 0), v, COLUMNS))
        self.assertFalse(calibration.matches(Answer({"status": ""}, 2, 0), v, COLUMNS))
        self.assertFalse(calibration.matches(Answer({"status": ""}), v, COLUMNS))  # left empty

    def test_left_empty(self):
        self.assertTrue(EMPTY.left_empty)
        self.assertTrue(Answer().left_empty)
        self.assertTrue(Answer({"status": "  "}, None, 0.0).left_empty)
        self.assertFalse(Answer({"status": "CP"}).left_empty)
        self.assertFalse(Answer({}, 0).left_empty)  # a number, even 0, was entered


class Managers(unittest.TestCase):
    def test_per_manager(self):
        c = comparison()
        self.assertEqual(
            [(m.manager, m.answered, m.matched, m.compared, m.mean_difference) for m in c.managers],
            [
                ("Ann Able", 4, 4, 4, 0.0),
                # 24-24, 10-12, 36-30, 18-40: 0 - 2 + 6 - 22 = -18, over 4
                ("Bob Best", 4, 1, 4, -4.5),
                # SW03 left empty, SW04 without points: SW01 and SW02 only
                ("Cat Cole", 3, 3, 2, 0.0),
                # 4-24, 12-12, 30-30, 32-40: -20 - 8 = -28, over 4
                ("Dev Dunn", 4, 2, 4, -7.0),
            ],
        )
        # |0| + |-2| + |6| + |-22| = 30 and |-20| + |-8| = 28, over 4
        self.assertEqual([m.mean_absolute_difference for m in c.managers], [0.0, 7.5, 0.0, 7.0])
        self.assertEqual([m.path for m in c.managers], ["ann.ods", "bob.ods", "cat.ods", "dev.ods"])

    def test_no_reference_points(self):
        # The reference coding of SW04 could not be scored: no manager's SW04 is compared.
        c = compare(VIGNETTES, COLUMNS, panel(), dict(REFERENCE, SW04=None), BAND)
        bob = c.managers[1]
        self.assertEqual(
            (bob.compared, bob.mean_difference, bob.mean_absolute_difference), (3, 4 / 3, 8 / 3)
        )
        c = compare(VIGNETTES, COLUMNS, panel(), {}, BAND)
        self.assertEqual({(m.compared, m.mean_difference) for m in c.managers}, {(0, None)})


class Agreement(unittest.TestCase):
    def setUp(self):
        c = comparison()
        self.rows = {a.title: a for a in c.columns}
        self.keys = [a.key for a in c.columns]

    def test_the_rows(self):
        self.assertEqual(self.keys, ["status", "extra", "(children)", "(all)"])
        self.assertEqual(list(self.rows), ["Status", "Additional", "Children", "All columns"])

    def test_status_by_hand(self):
        # Units (Ann, Bob, Cat, Dev), "X" = CP; COMPLEX:
        #   SW01 CP CP CP CIN    SW02 CIN CIN CIN CIN    SW03 CIC CIC - CIC    SW04 X CP X X
        # Coincidences, each pair of a unit of m values weighted 1 / (m - 1):
        #   SW01: o(CP,CP) = 3*2/3 = 2, o(CP,CIN) = o(CIN,CP) = 3*1/3 = 1
        #   SW02: o(CIN,CIN) = 4*3/3 = 4;  SW03: o(CIC,CIC) = 3*2/2 = 3
        #   SW04: o(X,X) = 2, o(X,CP) = o(CP,X) = 1
        # n_CP = 2+1+1 = 4, n_CIN = 1+4 = 5, n_CIC = 3, n_X = 3: n = 15.
        # Observed: the off-diagonal o, 4. Expected: n^2 - sum n_c^2 = 225 - 59 = 166.
        # alpha = 1 - (n - 1) * 4 / 166 = 1 - 56/166 = 55/83 = 0.6627: poor (below .667).
        status = self.rows["Status"]
        self.assertAlmostEqual(status.alpha, 55 / 83, places=12)
        self.assertEqual(status.alpha_reading, "poor")
        # Fleiss: SW03 (Cat's missing) left out. P_i = (sum n_ij^2 - 4) / 12: SW01 (9+1-4)/12
        # = 1/2, SW02 1, SW04 1/2: P-bar = 2/3. p_CP = 4/12, p_CIN = 5/12, p_X = 3/12:
        # P_e = 50/144. kappa = (2/3 - 50/144) / (1 - 50/144) = 46/94 = 23/47 = 0.489: moderate.
        self.assertAlmostEqual(status.kappa, 23 / 47, places=12)
        self.assertEqual(status.kappa_reading, "moderate")
        self.assertEqual((status.pairable, status.complete, status.note), (4, 3, ""))

    def test_an_empty_entry_is_no_code(self):
        # "" is a value: SW01 "" x4; SW02 DA DA DA "" (Bob); SW03 "" "" - ""; SW04 C C C "".
        # o("","") = 4 + 3 = 7 (SW01, SW03), o(DA,DA) = 2, o(C,C) = 2, each odd one out 1 + 1:
        # n_"" = 9, n_DA = 3, n_C = 3, n = 15; alpha = 1 - 14 * 4 / (225 - 99) = 5/9.
        extra = self.rows["Additional"]
        self.assertAlmostEqual(extra.alpha, 5 / 9, places=12)
        # kappa: P-bar = (1 + 1/2 + 1/2) / 3, P_e = (6/12)^2 + (3/12)^2 * 2 = 3/8: 7/15.
        self.assertAlmostEqual(extra.kappa, 7 / 15, places=12)
        self.assertEqual((extra.alpha_reading, extra.kappa_reading), ("poor", "moderate"))

    def test_children(self):
        # SW01 2 x4, SW02 1 x4, SW03 1 2 - 1, SW04 3 x4: o(1,2) = o(2,1) = 2*1/2 = 1;
        # n_1 = 4 + 2*1/2 + 1 = 6, n_2 = 5, n_3 = 4; alpha = 1 - 14 * 2 / (225 - 77) = 30/37.
        children = self.rows["Children"]
        self.assertAlmostEqual(children.alpha, 30 / 37, places=12)
        self.assertEqual(children.alpha_reading, "good")
        # SW03 left out, the others unanimous: kappa 1
        self.assertEqual((children.kappa, children.kappa_reading), (1.0, "almost perfect"))

    def test_all_columns(self):
        # The whole coding as one value: SW01 3 + 1 (Dev), SW02 3 + 1 (Bob), SW03 2 + 1 (Bob's
        # children, m = 3), SW04 2 + 1 + 1 (Bob, Dev). Off-diagonal o: SW01 2, SW02 2, SW03
        # 2*1/2 * 2 = 2, SW04 (2*1 * 4 + 1*1 * 2) / 3 = 10/3: 28/3. n_c: 3 1 3 1 2 1 2 1 1,
        # n = 15, sum n_c^2 = 31; alpha = 1 - 14 * (28/3) / (225 - 31) = 95/291 = 0.326.
        self.assertAlmostEqual(self.rows["All columns"].alpha, 95 / 291, places=12)
        self.assertEqual(self.rows["All columns"].alpha_reading, "poor")

    def test_not_measurable(self):
        same = {v.id: row("CP", "", 2, 20) for v in VIGNETTES}
        c = compare(
            VIGNETTES, COLUMNS, [response("Ann Able", same), response("Bob Best", same)], {}, BAND
        )
        status = c.columns[0]
        self.assertEqual((status.alpha, status.alpha_reading), (None, "not measurable"))
        self.assertEqual((status.kappa, status.kappa_reading), (None, "not measurable"))
        self.assertEqual(
            status.note,
            "alpha not measurable: every answer was the same; "
            "kappa not measurable: every answer was the same",
        )
        c = compare(VIGNETTES, COLUMNS, [response("Ann Able", PANEL["Ann Able"])], {}, BAND)
        self.assertEqual(c.columns[0].note, "not measurable: fewer than two managers' sheets")
        self.assertEqual((c.columns[0].pairable, c.columns[0].complete), (0, 0))
        c = compare(VIGNETTES, COLUMNS, [], {}, BAND)
        self.assertEqual(c.columns[-1].note, "not measurable: fewer than two managers' sheets")
        self.assertEqual([v.answered for v in c.vignettes], [0] * 4)

    def test_kappa_without_a_complete_vignette(self):
        rows = dict(PANEL["Dev Dunn"], SW01=EMPTY)
        others = dict(PANEL["Ann Able"], SW02=EMPTY, SW03=EMPTY, SW04=EMPTY)
        c = compare(
            VIGNETTES, COLUMNS, [response("Ann Able", others), response("Dev Dunn", rows)], {}, BAND
        )
        self.assertIsNone(c.columns[0].kappa)
        self.assertEqual(c.columns[0].complete, 0)
        self.assertEqual(
            c.columns[0].note,
            "alpha not measurable: no vignette answered by two managers; "
            "kappa not measurable: no vignette answered by every manager",
        )


class Screen(unittest.TestCase):
    def one(self, r, *others):
        """The problems of screening r (and others before it): only r's."""
        kept, problems = screen(list(others) + [r], SET, SCHEME)
        return [p for p in problems if p[0] == r.path], r in kept

    def test_the_panel_counts(self):
        kept, problems = screen(panel(), SET, SCHEME)
        self.assertEqual([r.manager for r in kept], list(PANEL))
        self.assertEqual(
            problems,
            [
                ("cat.ods", "vignette SW03 left empty"),
                ("cat.ods", "vignette SW04: points in error (Err:502)"),
            ],
        )

    def test_another_set(self):
        r = response("Eve East", PANEL["Ann Able"], set_id="2026-Q2")
        self.assertEqual(self.one(r), ([("eve.ods", "is for set 2026-Q2, not 2026-Q3")], False))

    def test_no_set(self):
        r = response("Eve East", PANEL["Ann Able"], set_id=None)
        self.assertEqual(
            self.one(r),
            (
                [("eve.ods", "names no calibration set: not a calibration sheet of set 2026-Q3")],
                False,
            ),
        )

    def test_another_scheme(self):
        r = response("Eve East", PANEL["Ann Able"], scheme="RBWM")
        self.assertEqual(self.one(r), ([("eve.ods", "is for scheme RBWM, not SWINDON")], False))
        r = response("Eve East", PANEL["Ann Able"], scheme=" ")
        self.assertEqual(
            self.one(r),
            ([("eve.ods", "names no scheme: not a calibration sheet of SWINDON")], False),
        )

    def test_set_and_scheme_as_people_write_them(self):
        r = response("Eve East", PANEL["Ann Able"], set_id=" 2026-q3", scheme="Swindon ")
        self.assertEqual(self.one(r), ([], True))

    def test_no_manager(self):
        for name in ("", "   ", None):
            r = Response(name, "nobody.ods", PANEL["Ann Able"], SET, SCHEME)
            self.assertEqual(
                self.one(r), ([("nobody.ods", "no manager's name on the sheet")], False)
            )

    def test_every_vignette_left_empty(self):
        r = response("Eve East", {v.id: EMPTY for v in VIGNETTES})
        self.assertEqual(self.one(r), ([("eve.ods", "every vignette left empty")], False))
        r = response("Eve East", {})
        self.assertEqual(self.one(r), ([("eve.ods", "no vignette on the sheet")], False))

    def test_a_second_sheet_from_one_manager(self):
        first = response("Ann Able", PANEL["Ann Able"], path="a/ann.ods")
        second = response("  ann   ABLE ", PANEL["Bob Best"], path="b/ann-again.ods")
        # given in any order, the first by path counts
        kept, problems = screen([second, first], SET, SCHEME)
        self.assertEqual(kept, [first])
        self.assertEqual(
            problems, [("b/ann-again.ods", "a second sheet from ann ABLE (first: a/ann.ods)")]
        )

    def test_a_sheet_set_aside_is_not_the_first(self):
        # The first by path is for another set: the second sheet of that name counts.
        old = response("Ann Able", PANEL["Ann Able"], path="a/ann.ods", set_id="2026-Q2")
        new = response("Ann Able", PANEL["Ann Able"], path="b/ann.ods")
        kept, problems = screen([old, new], SET, SCHEME)
        self.assertEqual(kept, [new])
        self.assertEqual(problems, [("a/ann.ods", "is for set 2026-Q2, not 2026-Q3")])

    def test_nothing_dropped_silently(self):
        sheets = panel() + [
            response("Eve East", PANEL["Ann Able"], set_id="2026-Q2"),
            response("ann able", PANEL["Ann Able"], path="zz.ods"),
            response("Fay Ford", {}),
        ]
        kept, problems = screen(sheets, SET, SCHEME)
        self.assertEqual(
            sorted(r.path for r in sheets),
            sorted(
                [r.path for r in kept]
                + [p for p, why in problems if not why.startswith("vignette ")]
            ),
        )


class NotCounted(unittest.TestCase):
    def test_rows_outside_the_set_and_vignettes_not_on_a_sheet(self):
        rows = dict(PANEL["Ann Able"], SW07=row("CP", "", 1, 20))
        del rows["SW02"]
        c = compare(
            VIGNETTES,
            COLUMNS,
            [response("Ann Able", rows)],
            REFERENCE,
            BAND,
            [("x.ods", "a reason")],
        )
        self.assertEqual(
            c.problems,
            [
                ("x.ods", "a reason"),
                ("ann.ods", "vignette SW07 is not in the set: not counted"),
                ("ann.ods", "vignette SW02 not on the sheet: counted as not answered"),
            ],
        )
        self.assertEqual(c.managers[0].answered, 3)
        self.assertEqual(c.vignettes[1].answered, 0)
        self.assertEqual(
            (c.vignettes[1].low, c.vignettes[1].median, c.vignettes[1].high), (None, None, None)
        )


if __name__ == "__main__":
    unittest.main()
