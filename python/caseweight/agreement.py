"""How far several coders agree on nominal codes: Krippendorff's alpha and Fleiss' kappa, and
their usual readings in plain words. Pure Python (the calibration exercise's comparison,
caseweight.calibration, uses it without an office).

    units = [["a", "a", "b"], ["b", "b", None], ...]   # one list per unit, one value per coder
    alpha = krippendorff_alpha_nominal(units)          # None: not measurable
    reading(alpha)                                     # "good", "tentative", "poor" ...
    kappa_reading(fleiss_kappa(units))                 # Landis & Koch's words

A value is any hashable (a code's text, "" for "no code", a number, a tuple of them); None is
a missing value (the coder gave no answer for the unit). The sums are done in fractions, so a
perfect 1 or a cut-off such as 0.8 is met exactly, not missed by a rounding error.

References: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), and Content
Analysis (2004, section 11.3); J. L. Fleiss, "Measuring nominal scale agreement among many
raters", Psychological Bulletin 76 (1971) 378-382; J. R. Landis and G. G. Koch, "The
measurement of observer agreement for categorical data", Biometrics 33 (1977) 159-174.
"""

from collections import Counter
from fractions import Fraction

NOT_MEASURABLE = "not measurable"

# Krippendorff: rely on variables with alpha >= .800; .667 <= alpha < .800 only for tentative
# conclusions. The cut-offs are floats like the results (floats of exact fractions): a kappa of
# exactly 1/5 is 0.2 and "slight", where against Fraction(1, 5) the float 0.2, a hair above,
# would read "fair".
GOOD = 0.800
TENTATIVE = 0.667

# Landis & Koch (1977): the upper end of each band and its word; below 0 is "poor", above 0.80
# "almost perfect".
KAPPA_BANDS = [(0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial")]


def _present(unit):
    return [v for v in unit if v is not None]


def coincidences(units):
    """Krippendorff's coincidence matrix {(c, k): o_ck} (fractions) of the pairable values:
    each unit of m >= 2 values adds every ordered pair of its values (two different coders),
    weighted 1 / (m - 1). A unit with fewer than two values has no pair and adds nothing."""
    o = Counter()
    for unit in units:
        values = _present(unit)
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    o[c, k] += Fraction(pairs, m - 1)
    return o


def _alpha(units):
    o = coincidences(units)
    n_c = Counter()
    for (c, _), x in o.items():
        n_c[c] += x
    n = sum(n_c.values())
    if n < 2:
        return None
    observed = sum(x for (c, k), x in o.items() if c != k)
    expected = n * n - sum(x * x for x in n_c.values())  # sum of n_c * n_k over c != k
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def krippendorff_alpha_nominal(units):
    """Krippendorff's alpha for nominal data: 1 - observed / expected disagreement, from the
    coincidence matrix of the pairable values (Krippendorff 2011, section C). units: one list
    per unit of one value per coder, None for missing; the coders need not be the same from
    unit to unit. Units with fewer than two values are left out (they hold no pair).

    1 is perfect agreement, 0 agreement no better than chance, below 0 systematic disagreement.
    Returns None when alpha is undefined:
      - fewer than two pairable values in all (no unit was coded by two or more coders): say
        "not measurable: no vignette was answered by two or more managers";
      - the expected disagreement is 0 (every pairable value is one and the same value): the
        coders agree, but on data without variation there is no telling agreement from chance.
        Say "not measurable: every answer was the same", never "no agreement"."""
    a = _alpha(units)
    return None if a is None else float(a)


def fleiss_kappa(units):
    """Fleiss' kappa (Fleiss 1971): the mean agreement of the units against the agreement
    expected from the categories' overall proportions. Fleiss' kappa needs the same number of
    ratings on every unit, so only the units every coder answered count: the number of coders
    is the length of the longest unit, and a unit shorter than that or with a None in it is
    left out (krippendorff_alpha_nominal() uses them).

    Returns None when kappa is undefined: fewer than two coders, no unit every coder answered,
    or chance agreement P_e of 1 (every rating one and the same value; word it as for alpha)."""
    coders = max((len(u) for u in units), default=0)
    complete = [u for u in units if len(u) == coders and None not in u]
    if coders < 2 or not complete:
        return None
    per_unit = Fraction(0)
    totals = Counter()
    for unit in complete:
        counts = Counter(unit)
        totals.update(counts)
        per_unit += Fraction(sum(x * x for x in counts.values()) - coders, coders * (coders - 1))
    ratings = len(complete) * coders
    p_bar = per_unit / len(complete)
    p_e = sum(Fraction(x, ratings) ** 2 for x in totals.values())
    if p_e == 1:
        return None
    return float((p_bar - p_e) / (1 - p_e))


def reading(alpha):
    """Krippendorff's reading of alpha: "good" from 0.800 (data to rely on), "tentative" from
    0.667 below 0.800 (for tentative conclusions only), "poor" below 0.667; "not measurable"
    for None. The value as computed is compared, not a rounded one: 0.6665 is poor."""
    if alpha is None:
        return NOT_MEASURABLE
    if alpha >= GOOD:
        return "good"
    if alpha >= TENTATIVE:
        return "tentative"
    return "poor"


def kappa_reading(kappa):
    """Landis & Koch's reading of kappa: "poor" below 0, "slight" up to 0.20, "fair" above that
    up to 0.40, "moderate" up to 0.60, "substantial" up to 0.80, "almost perfect" above;
    "not measurable" for None."""
    if kappa is None:
        return NOT_MEASURABLE
    if kappa < 0:
        return "poor"
    for upper, word in KAPPA_BANDS:
        if kappa <= upper:
            return word
    return "almost perfect"
