"""caseweight.agreement against published values: Krippendorff's worked examples of alpha,
Fleiss' 1971 example and Wikipedia's worked example of Fleiss' kappa; the edge cases where the
measures are undefined; the plain-word readings."""

import importlib.util
import unittest

from caseweight import agreement
from caseweight.agreement import fleiss_kappa, kappa_reading, krippendorff_alpha_nominal, reading

_ = None  # a missing value

# K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: nominal data,
# any number of observers, missing data. Rows are the observers A-D, columns units 1-12.
# Published: nominal alpha = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

# K. Krippendorff, Content Analysis (2004), section 11.3.1: binary data, two observers (Jon and
# Han), ten units, no missing data. Published: alpha = 0.095.
KRIPPENDORFF_2004_BINARY = [
    [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
]

# J. L. Fleiss, "Measuring nominal scale agreement among many raters" (1971), table 1: 30
# patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder,
# 3 schizophrenia, 4 neurosis, 5 other), one row per patient. Fleiss gives the counts; these are
# the ratings as R's irr package holds them (data "diagnoses", used in statsmodels' tests):
# the counts of each diagnosis over all are 26, 26, 30, 55, 43. Published: kappa = 0.430
# (irr's kappam.fleiss: 0.4302445).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4],
    [2, 2, 2, 5, 5, 5],
    [2, 3, 3, 3, 3, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3],
    [3, 3, 3, 3, 5, 5],
    [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4],
    [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4],
    [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3],
    [1, 4, 4, 4, 4, 4],
    [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5],
    [1, 1, 1, 1, 1, 2],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 4, 4, 4, 4, 4],
    [2, 2, 4, 5, 5, 5],
    [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4],
    [1, 1, 1, 1, 5, 5],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3],
    [5, 5, 5, 5, 5, 5],
]

# Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; the number of
# raters who put each subject in each category. Published: P-bar 0.378, P_e 0.213, kappa 0.210.
WIKIPEDIA_COUNTS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def by_unit(rows):
    """A table of one row per observer turned into one list per unit."""
    return [list(unit) for unit in zip(*rows)]


def from_counts(counts):
    """A table of counts per category turned into units of values (category numbers 1...)."""
    return [[j for j, n in enumerate(row, start=1) for _ in range(n)] for row in counts]


class PublishedAlpha(unittest.TestCase):
    def test_krippendorff_2011_nominal_with_missing_values(self):
        self.assertAlmostEqual(
            krippendorff_alpha_nominal(by_unit(KRIPPENDORFF_2011)), 0.743, places=3
        )

    def test_the_unit_of_one_value_counts_for_nothing(self):
        # Krippendorff's 2019 edition of Content Analysis prints the same data without unit 12
        # (observer B's 3 alone): alpha is the same.
        units = by_unit(KRIPPENDORFF_2011)
        self.assertEqual(krippendorff_alpha_nominal(units[:11]), krippendorff_alpha_nominal(units))

    def test_values_may_be_text(self):
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
        units = [[words.get(v) for v in u] for u in by_unit(KRIPPENDORFF_2011)]
        self.assertAlmostEqual(krippendorff_alpha_nominal(units), 0.743, places=3)

    def test_krippendorff_2004_binary_two_observers(self):
        self.assertAlmostEqual(
            krippendorff_alpha_nominal(by_unit(KRIPPENDORFF_2004_BINARY)), 0.095, places=3
        )

    def test_the_order_of_units_and_coders_does_not_matter(self):
        units = by_unit(KRIPPENDORFF_2011)
        shuffled = [list(reversed(u)) for u in reversed(units)]
        self.assertAlmostEqual(
            krippendorff_alpha_nominal(shuffled), krippendorff_alpha_nominal(units), places=12
        )


class PublishedKappa(unittest.TestCase):
    def test_fleiss_1971(self):
        self.assertAlmostEqual(fleiss_kappa(FLEISS_1971), 0.430, places=3)
        # and irr's seven decimals of the same data
        self.assertAlmostEqual(fleiss_kappa(FLEISS_1971), 0.4302445, places=7)

    def test_the_fleiss_1971_table_as_published(self):
        # the category totals Fleiss prints (proportions .144 .144 .167 .306 .239 of 180)
        totals = [sum(row.count(j) for row in FLEISS_1971) for j in range(1, 6)]
        self.assertEqual(totals, [26, 26, 30, 55, 43])

    def test_wikipedia_worked_example(self):
        units = from_counts(WIKIPEDIA_COUNTS)
        self.assertEqual({len(u) for u in units}, {14})
        self.assertAlmostEqual(fleiss_kappa(units), 0.210, places=3)

    def test_only_units_every_coder_answered(self):
        # A unit with a missing rating is left out: the Wikipedia example with an eleventh,
        # incomplete subject has the published kappa still.
        units = from_counts(WIKIPEDIA_COUNTS)
        self.assertAlmostEqual(fleiss_kappa(units + [[1] * 13 + [None]]), 0.210, places=3)
        self.assertAlmostEqual(fleiss_kappa(units + [[1] * 13]), 0.210, places=3)

    @unittest.skipUnless(importlib.util.find_spec("statsmodels"), "statsmodels not installed")
    def test_as_statsmodels(self):
        from statsmodels.stats.inter_rater import aggregate_raters
        from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_kappa

        for units in (FLEISS_1971, from_counts(WIKIPEDIA_COUNTS)):
            table = aggregate_raters(units)[0]
            self.assertAlmostEqual(fleiss_kappa(units), statsmodels_kappa(table), places=12)


class EdgeCases(unittest.TestCase):
    def test_everyone_always_one_value(self):
        units = [["a", "a", "a"], ["a", "a", None], ["a", "a", "a"]]
        self.assertIsNone(krippendorff_alpha_nominal(units))
        self.assertIsNone(fleiss_kappa(units))
        self.assertEqual(reading(krippendorff_alpha_nominal(units)), "not measurable")
        self.assertEqual(kappa_reading(fleiss_kappa(units)), "not measurable")

    def test_perfect_agreement_on_several_values(self):
        units = [["a", "a", "a"], ["b", "b", "b"], ["", "", None], [3, 3, 3]]
        self.assertEqual(krippendorff_alpha_nominal(units), 1.0)
        self.assertEqual(fleiss_kappa(units), 1.0)
        self.assertEqual(reading(1.0), "good")
        self.assertEqual(kappa_reading(1.0), "almost perfect")

    def test_no_pairable_values(self):
        self.assertIsNone(krippendorff_alpha_nominal([]))
        self.assertIsNone(krippendorff_alpha_nominal([["a", None], [None, "b"], [None, None]]))
        self.assertIsNone(fleiss_kappa([]))
        self.assertIsNone(fleiss_kappa([["a", None], [None, "b"]]))
        # one coder only: no pair anywhere
        self.assertIsNone(krippendorff_alpha_nominal([["a"], ["b"]]))
        self.assertIsNone(fleiss_kappa([["a"], ["b"]]))

    def test_units_with_one_answer_are_ignored(self):
        # Two units of full agreement and one of disagreement, alpha by hand: the coincidences
        # o(a,a) = 2, o(b,b) = 2, o(a,b) = o(b,a) = 1 (unit 3), n_a = n_b = 3, n = 6:
        # alpha = 1 - (n - 1) * 2 / (n * n - n_a^2 - n_b^2) = 1 - 5 * 2 / 18 = 4/9.
        units = [["a", "a"], ["b", "b"], ["a", "b"]]
        self.assertAlmostEqual(krippendorff_alpha_nominal(units), 4 / 9, places=12)
        lone = [["b", None], [None, "a"], [None, None]]
        self.assertAlmostEqual(krippendorff_alpha_nominal(units + lone), 4 / 9, places=12)

    def test_missing_values(self):
        # The same with a third coder who answered the first unit only: unit 1 has three
        # values: o(a,a) += 3 * 2 / 2 = 3; with units 2 and 3: n_a = 3 + 1 = 4, n_b = 2 + 1 = 3,
        # n = 7, observed 2: alpha = 1 - 6 * 2 / (49 - 16 - 9) = 1 - 12/24 = 1/2.
        units = [["a", "a", "a"], ["b", "b", None], ["a", "b", None]]
        self.assertAlmostEqual(krippendorff_alpha_nominal(units), 0.5, places=12)
        # Fleiss: unit 1 only, the others lack a rating, and all its ratings are "a": P_e = 1.
        self.assertIsNone(fleiss_kappa(units))

    def test_systematic_disagreement_is_below_zero(self):
        units = [["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]]
        # o(a,b) = o(b,a) = 4, n_a = n_b = 4, n = 8: alpha = 1 - 7 * 8 / 32 = -3/4
        self.assertAlmostEqual(krippendorff_alpha_nominal(units), -0.75, places=12)
        self.assertLess(fleiss_kappa(units), 0)
        self.assertEqual(reading(-0.75), "poor")
        self.assertEqual(kappa_reading(fleiss_kappa(units)), "poor")

    def test_the_coincidence_matrix(self):
        o = agreement.coincidences([["a", "a", "b"], ["c", None, None]])
        # m = 3: o(a,a) = 2 * 1 / 2, o(a,b) = o(b,a) = 2 * 1 / 2; the lone "c" adds nothing
        self.assertEqual(dict(o), {("a", "a"): 1, ("a", "b"): 1, ("b", "a"): 1})


class Readings(unittest.TestCase):
    def test_krippendorff_cut_offs(self):
        self.assertEqual(reading(None), "not measurable")
        self.assertEqual(reading(0.95), "good")
        self.assertEqual(reading(0.800), "good")
        self.assertEqual(reading(4 / 5), "good")
        self.assertEqual(reading(0.7999), "tentative")
        self.assertEqual(reading(0.667), "tentative")
        self.assertEqual(reading(0.6669), "poor")
        self.assertEqual(reading(2 / 3), "poor")  # 0.6667 rounds to .667, but is below it
        self.assertEqual(reading(0.0), "poor")
        self.assertEqual(reading(-1.0), "poor")

    def test_landis_and_koch(self):
        self.assertEqual(kappa_reading(None), "not measurable")
        self.assertEqual(kappa_reading(-0.01), "poor")
        self.assertEqual(kappa_reading(0.0), "slight")
        self.assertEqual(kappa_reading(0.20), "slight")
        self.assertEqual(kappa_reading(0.201), "fair")
        self.assertEqual(kappa_reading(0.40), "fair")
        self.assertEqual(kappa_reading(0.43), "moderate")  # Fleiss 1971
        self.assertEqual(kappa_reading(0.60), "moderate")
        self.assertEqual(kappa_reading(0.61), "substantial")
        self.assertEqual(kappa_reading(0.80), "substantial")
        self.assertEqual(kappa_reading(0.81), "almost perfect")
        self.assertEqual(kappa_reading(1.0), "almost perfect")

    def test_published_values_read(self):
        self.assertEqual(
            reading(krippendorff_alpha_nominal(by_unit(KRIPPENDORFF_2011))), "tentative"
        )
        self.assertEqual(kappa_reading(fleiss_kappa(from_counts(WIKIPEDIA_COUNTS))), "fair")


if __name__ == "__main__":
    unittest.main()
