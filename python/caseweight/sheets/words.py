"""Words on a sheet that state points stay live: a heading or note says what the sheet's own
version of the scheme says (cw_scheme, dated by the sheet's As at), so a sheet dated after an
amendment shows the amended points and one dated before keeps the old ones.

A description writes such words as markers inside ordinary text (`points("CP")`,
`band("NQSW")`), so they can be joined and formatted like any string. The builder writes a
text holding markers as a formula: its literal parts quoted, each marker a call of the add-in
(POINTSTEXT, BANDTEXT) on the sheet's scheme cell. The words themselves are worded once, by
the engine.
"""

import re

OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
MARKER = re.compile(OPEN + "([^" + CLOSE + "]*)" + CLOSE)


def _marker(expression):
    return OPEN + expression + CLOSE


def points(*codes, form=""):
    """The points of one code in words ("basic 10 + 6 per child ..."), or the distinct points
    of several ("4, 6 or 10"); form "short": the points alone."""
    args = '{scheme};"%s"' % ";".join(codes)
    if form:
        args += ';"%s"' % form
    return _marker("POINTSTEXT(%s)" % args)


def band(grade=""):
    """A grade's band at full time in words ("330 to 350 points")."""
    return _marker('BANDTEXT({scheme};"%s")' % grade)


def label(code):
    """What an item code is, with its points in words (ITEMLABEL)."""
    return _marker('ITEMLABEL({scheme};"%s")' % code)


def number(expression):
    """Any number the add-in gives for the sheet's scheme, e.g. WORKERPOINTS({scheme};;1)."""
    return _marker(expression)


def is_live(text):
    return isinstance(text, str) and OPEN in text


def _literal(text):
    """A Calc string expression for plain text: quotes doubled, line breaks as CHAR(10)."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if line:
            out.append('"%s"' % line.replace('"', '""'))
        if i + 1 < len(lines):
            out.append("CHAR(10)")
    return "&".join(out) or '""'


def formula(text, scheme):
    """The formula that shows `text` with its markers worked out for `scheme` (a cell or a
    quoted name)."""
    out = []
    pos = 0
    for m in MARKER.finditer(text):
        if m.start() > pos:
            out.append(_literal(text[pos : m.start()]))
        out.append(m.group(1).replace("{scheme}", scheme))
        pos = m.end()
    if pos < len(text):
        out.append(_literal(text[pos:]))
    return "=" + "&".join(out)


def plain(text):
    """`text` without its live words."""
    return MARKER.sub("", text)


def calls(text):
    """The marker expressions of `text` (each with {scheme} unresolved)."""
    return MARKER.findall(text)
