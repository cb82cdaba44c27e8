"""The comparison of a calibration exercise, without an office: several team managers each code
the same anonymised case vignettes on a calibration sheet, and this says how far they agree with
each other and with the reference coding.

    kept, problems = screen(responses, set_id, scheme)    # the sheets that count, and why not
    c = compare(vignettes, columns, kept, reference_points, band_width, problems)
    c.vignettes   # per vignette: each manager's codes and points, the spread, matches, flag
    c.columns     # per column (then Children, All columns): Krippendorff's alpha, Fleiss' kappa
    c.managers    # per manager: answered, matched, mean (absolute) difference from the reference
    c.problems    # (path, reason) of every sheet set aside and everything on a sheet not counted

The office reads the sheets (a drop-down entry per column, the Children number, the row's points
as Calc worked them out) and the reference coding's points; nothing here opens a file. An entry
is compared as text with its spaces trimmed; an empty entry is the value "no code", a vignette
left empty (every entry empty, no Children number) is a missing answer, never "no code".
"""

import statistics
from dataclasses import dataclass, field

from caseweight.agreement import fleiss_kappa, kappa_reading, krippendorff_alpha_nominal, reading
from caseweight.schemes import number_text

CHILDREN = ("(children)", "Children")  # key and title of the agreement row on the number
ALL_COLUMNS = ("(all)", "All columns")  # ... and of the row on the whole coding of a vignette
NO_CODE = "no code"


@dataclass
class Vignette:
    """One case vignette and its reference coding: answer {column key: entry text} (a key not
    there: the column is empty) and the number of children."""

    id: str
    title: str
    answer: dict
    children: int


@dataclass
class Answer:
    """A manager's row for one vignette: entries {column key: entry text or ""}, the Children
    number, the row's points (None when the sheet has none: the row in error) and the problem
    the reader found with the row, if any."""

    entries: dict = field(default_factory=dict)
    children: int | None = None
    points: float | None = None
    problem: str | None = None

    @property
    def left_empty(self):
        """Nothing entered at all: a missing answer, not an answer of "no code"."""
        return self.children is None and not any(_text(e) for e in self.entries.values())


@dataclass
class Response:
    """One manager's calibration sheet: rows {vignette id: Answer}, and the set and scheme
    the sheet says it is for (screen() checks them)."""

    manager: str
    path: str
    rows: dict
    set_id: str | None = None
    scheme: str | None = None


@dataclass
class ManagerAnswer:
    """What one manager gave for one vignette, as the comparison shows it."""

    manager: str
    answered: bool
    codes: str  # "Title: entry / Title: entry", NO_CODE, or "" when not answered
    children: int | None
    points: float | None
    matched: bool  # the reference coding exactly (every column and the children)


@dataclass
class VignetteResult:
    id: str
    title: str
    reference_codes: str
    reference: float | None  # the reference coding's points
    answers: list  # [ManagerAnswer], in the order of the responses
    answered: int
    matched: int
    low: float | None  # the managers' points: lowest, median, highest (None: no points)
    median: float | None
    high: float | None
    flag: bool  # the managers' points spread wider than the band
    reason: str  # why flagged, in plain words; "" when not


@dataclass
class ColumnAgreement:
    """How far the managers agree on one column (or on the Children number, or on the whole
    coding) over the vignettes. pairable: vignettes answered by two or more managers (the ones
    alpha uses); complete: vignettes every manager answered (the ones kappa uses)."""

    key: str
    title: str
    alpha: float | None
    alpha_reading: str
    kappa: float | None
    kappa_reading: str
    pairable: int
    complete: int
    note: str  # why alpha or kappa is not measurable; "" when both are


@dataclass
class ManagerResult:
    manager: str
    path: str
    answered: int
    matched: int
    compared: int  # vignettes with both the manager's and the reference points
    mean_difference: float | None  # manager's points - reference, on average (None: none)
    mean_absolute_difference: float | None


@dataclass
class Comparison:
    vignettes: list  # [VignetteResult], in the set's order
    columns: list  # [ColumnAgreement]: the sheet's columns, then Children, then All columns
    managers: list  # [ManagerResult], in the order of the responses
    problems: list  # [(path, reason)]
    band_width: float | None


def _text(entry):
    return "" if entry is None else str(entry).strip()


def _same(a, b):
    """Names compared as people read them: case and spacing aside."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def codes_text(entries, columns):
    """The named entries in sheet order as "Title: entry / Title: entry"; NO_CODE when none."""
    texts = [(title, _text(entries.get(key))) for key, title in columns]
    return " / ".join("%s: %s" % (title, t) for title, t in texts if t) or NO_CODE


def matches(answer, vignette, columns):
    """Whether an answer is the reference coding exactly: every column's entry (empty the same
    as not named) and the number of children."""
    if answer is None or answer.left_empty or answer.children != vignette.children:
        return False
    return all(
        _text(answer.entries.get(key)) == _text(vignette.answer.get(key)) for key, _ in columns
    )


# -- which sheets count ---------------------------------------------------------------------


def _set_aside(response, set_id, scheme):
    """Why a sheet cannot count at all, or None."""
    if not _same(response.set_id, set_id):
        if not _text(response.set_id):
            return "names no calibration set: not a calibration sheet of set %s" % set_id
        return "is for set %s, not %s" % (_text(response.set_id), set_id)
    if not _same(response.scheme, scheme):
        if not _text(response.scheme):
            return "names no scheme: not a calibration sheet of %s" % scheme
        return "is for scheme %s, not %s" % (_text(response.scheme), scheme)
    if not _text(response.manager):
        return "no manager's name on the sheet"
    if not response.rows:
        return "no vignette on the sheet"
    if all(a.left_empty for a in response.rows.values()):
        return "every vignette left empty"
    return None


def screen(responses, set_id, scheme):
    """(kept, problems): the sheets that count, in path order, and (path, reason) for each sheet
    set aside (another set or scheme, none named, no manager's name, nothing entered, a second
    sheet from one manager: the first by path counts) and for what a kept sheet holds that does
    not count: a vignette left empty (the sheet counts without it) or a row the reader found a
    problem with (it counts with what it holds: its entries, its points if any)."""
    kept, problems, first = [], [], {}
    for r in sorted(responses, key=lambda r: r.path):
        why = _set_aside(r, set_id, scheme)
        name = " ".join(r.manager.split()).casefold() if r.manager else ""
        if why is None and name in first:
            why = "a second sheet from %s (first: %s)" % (" ".join(r.manager.split()), first[name])
        if why:
            problems.append((r.path, why))
            continue
        first[name] = r.path
        kept.append(r)
        for vid, a in r.rows.items():
            if a.left_empty:
                problems.append((r.path, "vignette %s left empty" % vid))
            elif a.problem:
                problems.append((r.path, "vignette %s: %s" % (vid, a.problem)))
    return kept, problems


# -- the comparison -------------------------------------------------------------------------


def _answered(response, vignette):
    """The manager's Answer for the vignette, or None when it was not answered."""
    a = response.rows.get(vignette.id)
    return None if a is None or a.left_empty else a


def _agreement(key, title, units, managers):
    alpha, kappa = krippendorff_alpha_nominal(units), fleiss_kappa(units)
    pairable = sum(1 for u in units if sum(v is not None for v in u) >= 2)
    complete = sum(1 for u in units if managers >= 2 and None not in u)
    notes = []
    if managers < 2:
        notes.append("not measurable: fewer than two managers' sheets")
    elif alpha is None:
        notes.append(
            "alpha not measurable: "
            + ("every answer was the same" if pairable else "no vignette answered by two managers")
        )
    if kappa is None and managers >= 2:
        notes.append(
            "kappa not measurable: "
            + ("every answer was the same" if complete else "no vignette answered by every manager")
        )
    return ColumnAgreement(
        key,
        title,
        alpha,
        reading(alpha),
        kappa,
        kappa_reading(kappa),
        pairable,
        complete,
        "; ".join(notes),
    )


def compare(vignette_set, columns, responses, reference_points, band_width, problems=()):
    """The Comparison of the responses (the sheets screen() kept; each one counts) with each
    other and with the reference coding of vignette_set ([Vignette]). columns: [(key, title)]
    in sheet order; reference_points: {vignette id: points or None}; band_width: the width of
    the scheme's band for its default grade, or None (then no vignette is flagged). problems:
    screen()'s, put first in the Comparison's; those of rows of vignettes not in the set and
    of vignettes not on a sheet (both not counted) follow.

    A vignette is flagged when the managers' points spread (highest - lowest) wider than the
    band. Agreement per column: a unit per vignette, a value per manager: the entry ("" for no
    code) or None when the vignette was not answered; for Children the number (None also when
    answered without one); for All columns every entry and the number together."""
    vignettes = list(vignette_set)
    ids = {v.id for v in vignettes}
    notes = list(problems)
    for r in responses:
        for vid in r.rows:
            if vid not in ids:
                notes.append((r.path, "vignette %s is not in the set: not counted" % vid))
        for v in vignettes:
            if v.id not in r.rows:
                notes.append(
                    (r.path, "vignette %s not on the sheet: counted as not answered" % v.id)
                )

    results = []
    for v in vignettes:
        answers = []
        for r in responses:
            a = _answered(r, v)
            answers.append(
                ManagerAnswer(
                    r.manager,
                    a is not None,
                    codes_text(a.entries, columns) if a else "",
                    a.children if a else None,
                    a.points if a else None,
                    matches(a, v, columns),
                )
            )
        points = [m.points for m in answers if m.points is not None]
        low, high = (min(points), max(points)) if points else (None, None)
        flag = band_width is not None and len(points) >= 2 and high - low > band_width
        reason = (
            "points range %s to %s, wider than the band (%s)"
            % (number_text(low), number_text(high), number_text(band_width))
            if flag
            else ""
        )
        results.append(
            VignetteResult(
                v.id,
                v.title,
                codes_text(v.answer, columns),
                reference_points.get(v.id),
                answers,
                sum(m.answered for m in answers),
                sum(m.matched for m in answers),
                low,
                statistics.median(points) if points else None,
                high,
                flag,
                reason,
            )
        )

    def units(value):
        return [[value(_answered(r, v)) for r in responses] for v in vignettes]

    def whole(a):
        return tuple(_text(a.entries.get(key)) for key, _ in columns) + (a.children,)

    n = len(responses)
    agreement = [
        _agreement(
            key, title, units(lambda a, key=key: _text(a.entries.get(key)) if a else None), n
        )
        for key, title in columns
    ]
    agreement.append(_agreement(*CHILDREN, units(lambda a: a.children if a else None), n))
    agreement.append(_agreement(*ALL_COLUMNS, units(lambda a: whole(a) if a else None), n))

    managers = []
    for i, r in enumerate(responses):
        mine = [(res.answers[i], res.reference) for res in results]
        diffs = [m.points - ref for m, ref in mine if m.points is not None and ref is not None]
        managers.append(
            ManagerResult(
                r.manager,
                r.path,
                sum(m.answered for m, _ in mine),
                sum(m.matched for m, _ in mine),
                len(diffs),
                sum(diffs) / len(diffs) if diffs else None,
                sum(abs(d) for d in diffs) / len(diffs) if diffs else None,
            )
        )
    return Comparison(results, agreement, managers, notes, band_width)
