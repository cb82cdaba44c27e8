"""Words on a sheet that state points stay live: a heading or note says what the sheet's own
version of the scheme says (cw_scheme, dated by the sheet's As at), so a sheet dated after an
amendment shows the amended points and one dated before keeps the old ones.

Such words are written as the scheme files write them, with markers inside ordinary text
(`{points:CP}`, `{band:NQSW}`), so they can be joined and formatted like any string. The
builder writes a text holding markers as one formula, SCHEMETEXT(cw_scheme; "the text"): the
engine words every marker, and remembers the answer, so a heading costs one call however many
numbers it quotes.
"""

import re

# The markers SCHEMETEXT words (functions/src/scheme_text.hpp).
MARKER = re.compile(
    r"\{(points|short|label|band|most):([^{}]*)\}|\{(hours_points|full_time_hours|one_point_per)\}"
)


def points(*codes, form=""):
    """The points of one code in words ("basic 10 + 6 per child ..."), or the distinct points
    of several ("4, 6 or 10"); form "short": the points alone."""
    return "{%s:%s}" % ("short" if form else "points", " ".join(codes))


def band(grade=""):
    """A grade's band at full time in words ("330 to 350 points")."""
    return "{band:%s}" % grade


def label(code):
    """What an item code is, with its points in words (ITEMLABEL)."""
    return "{label:%s}" % code


# What SCHEMETEXT takes for a marker, known or not: a lower-case name, alone or before ":".
ANY_MARKER = re.compile(r"\{[a-z_]+(?::[^{}]*)?\}")


def is_live(text):
    return isinstance(text, str) and MARKER.search(text) is not None


def formula(text, scheme, date=None):
    """The formula that shows `text` with its markers worked out for `scheme` (a quoted name)
    as in force on `date` (a cell; None: as the name says). A line break stays in the string:
    Calc's formulas take it as written."""
    args = [scheme, '"%s"' % text.replace('"', '""')] + ([date] if date else [])
    return "=SCHEMETEXT(%s)" % ";".join(args)


def plain(text):
    """`text` without its live words."""
    return MARKER.sub("", text)


def markers(text):
    """The markers of `text`, as written ("{points:CP}")."""
    return [m.group(0) for m in MARKER.finditer(text)]
