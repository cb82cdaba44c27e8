"""The vocabulary of the template descriptions and the code that turns them into Calc sheets.

A description (scheme_sheet.py for the worker sheets of every scheme file; swindon.py, notts.py)
says what a sheet holds: its title, the header fields a manager fills in, the columns of the case
table and the totals under it. build.py hands the descriptions to a headless LibreOffice with
the add-in installed and saves each as an .ots template.

The code lists of the drop-downs are not written in the descriptions: a code column names a
group or column tag of the scheme, and the list is what SCHEMEITEMS returns for it in the
office, with each code's ITEMLABEL. Changing a code or a label in the engine changes the
templates at the next build.

Formulas in descriptions use Calc's English function names with ';' between arguments and
{placeholders}:
  in a row formula      {items} the row's code cells, {children} / {share} the row's
                        optional arguments ("" when empty), {key} a cell of the row;
  in a total formula    {key} a whole column of the table, a header field or an earlier total;
                        {?key} the same cell as an optional argument (IF(cell="";"";cell));
  in both               {scheme} the sheet's Scheme argument: on a sheet with a date field
                        (Sheet.date_key) the cell cw_scheme, =SCHEMEAT(scheme; the date, or
                        today while it is empty), so a sheet scores under the version of the
                        scheme in force on its date, and SCHEMEVERSION says which in its
                        header; elsewhere the scheme's name.
Scheme codes, points, grades and bands the descriptions quote come from the scheme files
(caseweight.schemes); the live values from the add-in's functions.
"""

from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

import re

import uno
from caseweight.evaluate import Scratch
from caseweight.fods import cells_of, col as col_name
from caseweight.properties import props as _props, store
from caseweight import contract
from caseweight.contract import CONTRACT, PERSON_KEYS, holds
from caseweight.sheets import words
from com.sun.star.table import BorderLine2, CellAddress, CellRangeAddress
from com.sun.star.util import CellProtection

# -- what descriptions are made of --------------------------------------------------------


@dataclass
class Column:
    """One column of the case table."""

    key: str
    header: str
    width: float = 22  # millimetres
    kind: str = "text"  # text | number | choice | date | codes | formula | fixed
    # number: whole numbers only, limits; choice: the list; codes: SCHEMEITEMS group or tag
    whole: bool = False
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    choices: Sequence[str] = ()
    group: str = ""
    only: Sequence[str] = ()  # codes: keep these codes of the group, in this order
    prefix: str = ""  # codes: keep the codes of the group starting with this
    combos: Sequence[str] = ()  # codes: extra entries of several codes ("LAC; COMPLEX")
    formula: str = ""  # formula: the row formula
    fmt: str = ""  # number format code
    note: str = ""  # help shown when the cell is selected (choice / number)
    style: str = ""  # cell style of the values (formula columns)
    band: bool = False  # formula columns: colour by the band label shown
    error: str = ""  # number: the message when a value is refused
    limit: str = ""  # number: "children" takes the maximum from the engine
    values: Sequence[str] = ()  # fixed: the text of each row, a label (kept, not filled in)


def Text(key, header, width=40):
    return Column(key, header, width)


def Number(
    key,
    header,
    width=14,
    whole=False,
    minimum=None,
    maximum=None,
    note="",
    fmt="",
    error="",
    limit="",
):
    return Column(
        key,
        header,
        width,
        "number",
        whole=whole,
        minimum=minimum,
        maximum=maximum,
        note=note,
        fmt=fmt,
        error=error,
        limit=limit,
    )


def Children(header="Children", width=13):
    """The row's number of children: 1 up to the most the engine accepts ({maximum})."""
    return Number(
        "children",
        header,
        width,
        whole=True,
        minimum=1,
        limit="children",
        note="How many children the row covers (1 to {maximum}); empty means 1.",
    )


# The co-working share is a plain number, a fraction of 1. A cell formatted as a percentage
# turns a typed 0.5 into 0.5 % (and 1.5 into 1.5 %, a row scoring 0.015 of its points);
# as a plain number, 0.5 and 50% both give half and 50 is refused with this message.
SHARE_ERROR = (
    "Type the share as a fraction of 1: 0.5 (or 50%) for half. Empty or 1 for a " "case held alone."
)


def Share(header="Co-work share", width=14):
    return Number(
        "share",
        header,
        width,
        minimum=0.01,
        maximum=1,
        fmt="0.##",
        note="A fraction of 1: empty for a case held alone, 0.5 (or 50%) for a "
        "co-worker with a reduced role.",
        error=SHARE_ERROR,
    )


def Fixed(key, header, values, width=16):
    """A column of labels written by the template, one per row (a calibration sheet's
    vignettes): locked, never a name, kept in a pseudonymised copy."""
    return Column(key, header, width, "fixed", values=tuple(values))


def Choice(key, header, choices, width=16, note=""):
    return Column(key, header, width, "choice", choices=tuple(choices), note=note)


def Date(key, header, width=18):
    return Column(key, header, width, "date")


def Codes(key, header, group, width=24, only=(), prefix="", combos=()):
    return Column(
        key,
        header,
        width,
        "codes",
        group=group,
        only=tuple(only),
        prefix=prefix,
        combos=tuple(combos),
    )


def Formula(key, header, formula, width=16, fmt="", style="cw Result", band=False):
    return Column(key, header, width, "formula", formula=formula, fmt=fmt, style=style, band=band)


def Points(key="points", header="Total", width=20):
    """The row's points: the error when the row breaks a rule."""
    return Formula(
        key,
        header,
        "=CASEPOINTS({scheme};{items};{children};{share})",
        width,
        fmt="0.##;-0.##;0",
        style="cw Total",
    )


def Check(key="check", header="Check", width=52, points="points"):
    """OK, or the sentence saying what is wrong with the row; empty for an empty row. The
    row's points (column `points`) are an error exactly when CASECHECK has a sentence, so the
    sentence is asked for only then: a filled sheet recalculates without a second reading of
    every row."""
    return Formula(
        key,
        header,
        '=IF(COUNTA({items})=0;"";IF(ISERROR({%s});CASECHECK({scheme};{items};{children};{share});'
        '"OK"))' % points,
        width,
        style="cw Check",
    )


# -- what descriptions take from the scheme files ----------------------------------------


def scored(title, version, codes, plus=None):
    """A column header: `title`, then the points of its codes as the scheme file gives them
    (one code: its points in words; several: their distinct points, "4, 6 or 10"); with
    `plus`, the points that code adds ("with COMPLEX +4")."""
    text = words.points(*codes)
    if plus:
        text += ",\nwith %s +%s" % (plus, words.points(plus, form="short"))
    return "%s\n%s" % (title, text)


def repeats(code, times=3):
    """The combinations of a repeatable code: "X; X", "X; X; X"."""
    return tuple("; ".join([code] * n) for n in range(2, times + 1))


def with_plus(codes, plus):
    """Each code with `plus`: "X; P" ..."""
    return tuple("%s; %s" % (c, plus) for c in codes)


def within_text(version, grade=""):
    """The grade's band at full time in words, live: "330 to 350 points"."""
    return words.band(grade)


def grades_note(version, what="points"):
    """The help of a Grade field: the grades and the default (their bands are in the table
    beside the totals, worded for the sheet's date)."""
    return "%s. Empty means %s. The %s of each grade: see the table beside the totals." % (
        ", ".join(version.grade_names()),
        version.default_grade,
        "band" if what == "points" else what,
    )


def title_of(heading):
    """A heading's first line, without its live words (a drop-down's title)."""
    return words.plain(heading.split("\n")[0]).strip()


def live_label(entry):
    """What a drop-down entry is, live from ITEMLABEL: "CP", "LAC; COMPLEX" (both labels),
    "TASK; TASK" (2 x the label)."""
    parts = [p.strip() for p in entry.split(";")]
    if len(parts) > 1 and len(set(parts)) == 1:
        return "%d x %s" % (len(parts), words.label(parts[0]))
    return " + ".join(words.label(p) for p in parts)


def without_points(label):
    """An ITEMLABEL without the points it words after its last ": " (the item wording has
    none)."""
    return label.rsplit(": ", 1)[0]


def band_table(builder, lay, top, version, first_col=0, span=3):
    """The grades' bands at full time as the scheme file gives them: a header and a line per
    grade, from `top`; returns the row after it."""
    sh = lay.sheet
    builder.put(sh, first_col, top, "Grade", "cw Header")
    builder.put(sh, first_col + 1, top, "Within band (full time)", "cw Header")
    builder.merge(sh, first_col + 1, top, first_col + span, top)
    r = top + 1
    for g in version.grade_names():
        builder.put(sh, first_col, r, g, "cw Entry")
        builder.put(sh, first_col + 1, r, within_text(version, g), "cw Entry")
        builder.merge(sh, first_col + 1, r, first_col + span, r)
        r += 1
    return r


# Why a total shows an error, when CASEREASON cannot say more.
ROW_ERROR = (
    "a row above holds an error (its Check cell says why), or a cell a total uses "
    "does: fix that first."
)
WHY_PREFIX = "Why a total shows an error"


def calls(formula):
    """(NAME, "its arguments") of every function called in `formula`, outermost first."""
    out = []
    for m in re.finditer(r"\b([A-Z][A-Z0-9.]*)\(", formula):
        depth, quoted = 1, False
        for i in range(m.end(), len(formula)):
            ch = formula[i]
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch == "(":
                depth += 1
            elif not quoted and ch == ")":
                depth -= 1
                if depth == 0:
                    out.append((m.group(1), formula[m.end() : i]))
                    break
    return out


@dataclass
class Field:
    """A header field: a label and the cell a manager fills in."""

    key: str
    label: str
    kind: str = "text"  # text | number | choice | date | codes
    choices: Sequence[str] = ()
    group: str = ""
    whole: bool = False
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    note: str = ""
    width: int = 1  # how many label/value slots the value spans
    fmt: str = ""


@dataclass
class Total:
    """A computed line under the table (or beside it): label, formula, format, band colours."""

    key: str
    label: str
    formula: str
    fmt: str = ""
    band: bool = False  # colour by the band label it shows
    style: str = "cw Total"
    array: bool = False  # an array formula (Ctrl+Shift+Enter in Calc)


@dataclass
class Sheet:
    """A weighting sheet: header fields, a table of rows, totals under it."""

    name: str  # sheet (tab) name
    title: str
    fields: List[Field]  # laid out in rows of `fields_per_row`
    columns: List[Column]
    rows: int
    totals: List[Total] = field(default_factory=list)
    fields_per_row: int = 4
    notes: Sequence[str] = ()  # guidance lines printed under the totals
    # extra blocks: f(builder, layout, sheet index), run before the totals are written so
    # that totals may use what they name (layout.names); beside the totals from
    # layout.block_row, or below from layout.next_row (which they move on)
    extras: Sequence[Callable] = ()
    row_height: float = 5.6  # millimetres
    check_key: str = "check"  # the column whose text flags a row that breaks a rule
    totals_under: str = "points"  # the column the totals' values line up under
    header_height: float = 14.5  # millimetres, the column headers' row
    # the header field holding the sheet's date: the sheet scores under the scheme's version
    # in force on it (today while it is empty); "" for a sheet without one
    date_key: str = ""


@dataclass
class Template:
    """One .ots file: a scheme, its sheets and a Codes sheet for every code column."""

    file: str  # file name without .ots
    title: str  # the name shown under File > New > Templates
    scheme: str
    sheets: List[Sheet]
    description: str = ""
    codes_sheet: bool = True


# -- colours and styles --------------------------------------------------------------------

GREEN, AMBER, RED, BLUE = 0xC6EFCE, 0xFFEB9C, 0xFFC7CE, 0xDDEBF7
HEADER_FILL, FIELD_FILL, TITLE_FILL = 0x1F4E79, 0xFFF9E6, 0xFFFFFF

# A band's colour follows its place, not its words, so a council's own labels are coloured too:
# within green; above red, or amber for the first of two levels above; below amber, or blue
# when a level above is amber already (below is then room for more work, not a warning).
BAND_FILLS = {"green": GREEN, "amber": AMBER, "red": RED, "blue": BLUE}


def band_colours_of(places):
    """[(label, colour name)] of bands given as [(label, place)], place below / within / above,
    lowest first."""
    above = [lab for lab, place in places if place == "above"]
    out = []
    for lab, place in places:
        if place == "within":
            out.append((lab, "green"))
        elif place == "above":
            out.append((lab, "red" if lab == above[-1] else "amber"))
        else:
            out.append((lab, "blue" if len(above) > 1 else "amber"))
    return out


def band_style(colour):
    return "cw Band " + colour


def input_style(base, key, kind="text"):
    """ "cw Input" or "cw Field", with " Case" or " Worker" for a column or field of names."""
    person = PERSON_KEYS.get(key) if holds(key, kind) else None
    return "%s %s" % (base, person) if person else base


def validation_sign(v):
    """A short sign of a data validation's texts (and of its list, when the list is written
    out in quotes), the same as Share.bas ValidationSign computes: a template's own
    validation is told from one edited or added later, whose texts may hold names."""
    formula = v.getFormula1() + "\x01" + v.getFormula2()
    if '"' not in formula:
        formula = ""
    text = "\x01".join([v.InputTitle, v.InputMessage, v.ErrorTitle, v.ErrorMessage, formula])
    data = text.encode("utf-16-le")
    h = 0
    for k in range(0, len(data), 2):
        h = (h * 31 + data[k] + 256 * data[k + 1]) % 1000003
    return h


# -- the office side -----------------------------------------------------------------------


def addr(col, row, absolute=False):
    """0-based column and row -> A1 (or $A$1)."""
    if absolute:
        return "$%s$%d" % (col_name(col), row + 1)
    return "%s%d" % (col_name(col), row + 1)


class Engine:
    """Asks the installed add-in for codes, labels and band limits (a scratch sheet)."""

    def __init__(self, office):
        self.scratch = Scratch(office)
        self._items = {}
        self._functions = {}

    def close(self):
        self.scratch.close()

    def _eval(self, formulas):
        """Values of formulas (None for an error), in one block: UNO calls are slow."""
        return self.scratch.values(formulas)

    def is_addin_function(self, name):
        """Whether CASEREASON knows `name`: the add-in's own table decides."""
        if name not in self._functions:
            said = self._eval(['=CASEREASON("%s")' % name])[0] or ""
            self._functions[name] = "not a caseweight function" not in said
        return self._functions[name]

    def items(self, scheme, group=""):
        key = (scheme, group)
        if key not in self._items:
            codes = self.scratch.array('=SCHEMEITEMS("%s";"%s")' % (scheme, group))
            if not codes:
                raise ValueError("SCHEMEITEMS(%s; %s) gives no codes" % (scheme, group))
            self._items[key] = codes
        return self._items[key]

    def labels(self, scheme, codes):
        out = self._eval(['=ITEMLABEL("%s";"%s")' % (scheme, c) for c in codes])
        for c, lab in zip(codes, out):
            if lab is None:
                raise ValueError("ITEMLABEL(%s; %s) is an error" % (scheme, c))
        return out

    def check(self, scheme, entries, case_type=None):
        """CASECHECK of each entry (with a case type when the entry needs one)."""
        fs = []
        for e in entries:
            text = e if case_type is None else case_type + "; " + e
            fs.append('=CASECHECK("%s";"%s")' % (scheme, text))
        return self._eval(fs)

    def max_children(self, scheme):
        """The most children CASECHECK accepts on one row of `scheme` (a code valid alone)."""
        key = ("children", scheme)
        if key not in self._items:
            codes = self.items(scheme)
            ok = self.check(scheme, codes)
            code = codes[ok.index("OK")] if "OK" in ok else None
            if code is None:
                raise ValueError("no %s code is valid alone" % scheme)
            tries = list(range(1, 1001))
            said = self._eval(['=CASECHECK("%s";"%s";%d)' % (scheme, code, n) for n in tries])
            most = 0
            for n, s in zip(tries, said):
                if s != "OK":
                    break
                most = n
            if not 0 < most < tries[-1]:
                raise ValueError("CASECHECK(%s) gives no limit on Children" % scheme)
            self._items[key] = most
        return self._items[key]

    def band_labels(self, scheme):
        """Every band label WORKLOADBAND gives for `scheme` (default grade)."""
        return [lab for lab, _, _ in self.band_limits(scheme)]

    def band_places(self, scheme):
        """[(label, place)] of the bands WORKLOADBAND gives for `scheme` (default grade), lowest
        first; place below / within / above. Within is the band that holds the top of the
        band (capacity 100 %)."""
        key = ("places", scheme)
        if key not in self._items:
            top = self._eval(['=WORKLOADBAND("%s";1/WORKLOADCAPACITY("%s";1))' % (scheme, scheme)])
            labels = self.band_labels(scheme)
            if top[0] not in labels:
                raise ValueError("%s: no band holds the top of the band" % scheme)
            within = labels.index(top[0])
            self._items[key] = [
                (lab, "below" if i < within else "within" if i == within else "above")
                for i, lab in enumerate(labels)
            ]
        return self._items[key]

    def caseload_places(self):
        """[(label, place)] of the words CASELOADBAND gives (below, within, above a policy's
        range), from the policies that have a lower limit."""
        key = ("caseload places",)
        if key not in self._items:
            codes = [c for c in self.scratch.array("=CASELOADPOLICIES()") if c]
            probe = []
            for c in codes:
                probe += [
                    '=CASELOADBAND("%s";0)' % c,
                    '=CASELOADBAND("%s";CASELOADLIMIT("%s"))' % (c, c),
                    '=CASELOADBAND("%s";CASELOADLIMIT("%s")+1)' % (c, c),
                ]
            said = self._eval(probe)
            places = {}
            for i in range(0, len(said), 3):
                below, within, above = said[i : i + 3]
                if None in (below, within, above):
                    raise ValueError("CASELOADBAND is an error for " + codes[i // 3])
                places.setdefault(within, "within")
                places.setdefault(above, "above")
                if below != within:
                    places.setdefault(below, "below")
            order = {"below": 0, "within": 1, "above": 2}
            self._items[key] = sorted(places.items(), key=lambda x: order[x[1]])
        return self._items[key]

    def band_limits(self, scheme, grade=""):
        """[(label, lowest whole point, highest whole point or None)] at full time."""
        key = ("bands", scheme, grade)
        if key in self._items:
            return self._items[key]
        pts = list(range(0, 601))
        labels = self._eval(['=WORKLOADBAND("%s";%d;"%s")' % (scheme, p, grade) for p in pts])
        if any(lab is None for lab in labels):
            raise ValueError("WORKLOADBAND(%s; ...; %s) is an error" % (scheme, grade))
        out = []
        for p, lab in zip(pts, labels):
            if out and out[-1][0] == lab:
                out[-1][2] = p
            else:
                out.append([lab, p, p])
        out[-1][2] = None
        self._items[key] = [tuple(x) for x in out]
        return self._items[key]


@dataclass
class Layout:
    """Where a sheet's parts ended up (0-based), for totals, extras and tests."""

    sheet: object
    sheet_name: str
    fields: dict = field(default_factory=dict)  # key -> (col, row)
    columns: dict = field(default_factory=dict)  # key -> col
    first: int = 0  # first table row
    last: int = 0  # last table row
    totals: dict = field(default_factory=dict)  # key -> (col, row)
    header_row: int = 0
    last_col: int = 0
    next_row: int = 0
    block_row: int = 0
    code_cols: Tuple[int, int] = (0, 0)
    names: dict = field(default_factory=dict)  # key -> reference, from extra blocks

    def cell(self, key):
        if key in self.names:
            return self.names[key]
        if key in self.fields:
            return addr(*self.fields[key], absolute=True)
        if key in self.totals:
            return addr(*self.totals[key], absolute=True)
        if key in self.columns:
            c = self.columns[key]
            return "%s:%s" % (addr(c, self.first, True), addr(c, self.last, True))
        raise KeyError(key)


class _Lookup(dict):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        return self.fn(key)


def write_template(office, engine, template, path):
    """Builds `template` in a new document of `office` and stores it at `path` as a Calc
    template (.ots); the document is closed either way."""
    builder = Builder(office, engine, template)
    try:
        builder.build()
        store(builder.doc, path, "calc8_template")
    finally:
        builder.doc.close(True)


class Builder:
    """Writes one template into a new Calc document."""

    def __init__(self, office, engine, template):
        self.office = office
        self.engine = engine
        self.t = template
        self.doc = office.new_calc()
        self.codes_sheet = None
        self.codes_next = 0
        self.code_lists = {}  # (group, only, prefix, combos) -> (range, entries)
        self.declared = {"Case": [], "Worker": [], "Text": []}  # see CONTRACT
        self.signs = set()
        self._live = set()  # (sheet name, col, row) of cells holding live words
        self._lay = None
        self._styles()

    # -- styles ---------------------------------------------------------------------------
    def _style(self, name, parent="Default", **props):
        styles = self.doc.StyleFamilies.getByName("CellStyles")
        if styles.hasByName(name):
            st = styles.getByName(name)
        else:
            st = self.doc.createInstance("com.sun.star.style.CellStyle")
            styles.insertByName(name, st)
            st.ParentStyle = parent
        for k, v in props.items():
            setattr(st, k, v)
        return st

    def _styles(self):
        thin = BorderLine2()
        thin.OuterLineWidth = 18
        thin.LineWidth = 18
        thin.Color = 0x808080
        borders = dict(TopBorder=thin, BottomBorder=thin, LeftBorder=thin, RightBorder=thin)
        center = uno.Enum("com.sun.star.table.CellHoriJustify", "CENTER")
        vcenter = uno.Enum("com.sun.star.table.CellVertJustify", "CENTER")
        left = uno.Enum("com.sun.star.table.CellHoriJustify", "LEFT")
        self._style("cw Base", CharHeight=9, VertJustify=vcenter)
        self._style("cw Title", "cw Base", CharHeight=14, CharWeight=150)
        # Sheets are protected (no password): only the cells a manager fills in are unlocked,
        # by their style (cw Field, cw Input, cw Code).
        unlocked = CellProtection(
            IsLocked=False, IsFormulaHidden=False, IsHidden=False, IsPrintHidden=False
        )
        self._style("cw Label", "cw Base", CharWeight=150, HoriJustify=left)
        self._style("cw Field label", "cw Label", IsTextWrapped=True)
        self._style(
            "cw Field",
            "cw Base",
            CellBackColor=FIELD_FILL,
            IsCellBackgroundTransparent=False,
            CellProtection=unlocked,
            **borders,
        )
        self._style(
            "cw Header",
            "cw Base",
            CharWeight=150,
            CharColor=0xFFFFFF,
            CellBackColor=HEADER_FILL,
            IsCellBackgroundTransparent=False,
            IsTextWrapped=True,
            HoriJustify=center,
            **borders,
        )
        self._style("cw Entry", "cw Base", **borders)
        self._style("cw Input", "cw Entry", CellProtection=unlocked)
        for person in sorted(set(PERSON_KEYS.values())):
            self._style("cw Input " + person, "cw Input")
            self._style("cw Field " + person, "cw Field")
        # Codes wrap between the codes of a combination ("TASK; TASK; TASK"); the column is as
        # wide as the longest single code, so no code is broken inside.
        self._style(
            "cw Code", "cw Entry", HoriJustify=center, IsTextWrapped=True, CellProtection=unlocked
        )
        self._style("cw Listed code", "cw Entry")
        self._style("cw Result", "cw Entry", HoriJustify=center)
        self._style("cw Total", "cw Entry", CharWeight=150, HoriJustify=center)
        self._style("cw Check", "cw Entry", CharHeight=8, IsTextWrapped=True)
        self._style("cw Reason", "cw Base", CharHeight=8, IsTextWrapped=True, CharColor=0xC00000)
        self._style(
            "cw Note",
            "cw Base",
            CharHeight=8,
            CharPosture=uno.Enum("com.sun.star.awt.FontSlant", "ITALIC"),
        )
        self._style(
            "cw Error",
            "cw Entry",
            CellBackColor=RED,
            IsCellBackgroundTransparent=False,
            CharColor=0x9C0006,
        )
        self._style(
            "cw Alert",
            "cw Total",
            CellBackColor=RED,
            IsCellBackgroundTransparent=False,
            CharColor=0x9C0006,
        )
        for colour, fill in BAND_FILLS.items():
            self._style(
                band_style(colour),
                "cw Total",
                CellBackColor=fill,
                IsCellBackgroundTransparent=False,
            )

    # -- low-level writers ----------------------------------------------------------------
    def fmt(self, code):
        from com.sun.star.lang import Locale

        nf = self.doc.NumberFormats
        loc = Locale("en", "GB", "")
        key = nf.queryKey(code, loc, False)
        if key == -1:
            key = nf.addNew(code, loc)
        return key

    def words_formula(self, text):
        """The formula of live words written now: the version of the sheet's date, as
        cw_scheme, but from the date cell itself (with its sheet's name, so the Codes sheet may
        use it too): cw_scheme falls back to TODAY() and so is recalculated on every change,
        and the words with it; undated, the scheme's name gives the version in force today
        too. Without a date on the sheet: the scheme's name."""
        lay = getattr(self, "_lay", None)
        date = None
        if lay and "sheet_date" in lay.names:
            date = "$'%s'.%s" % (lay.sheet_name, lay.names["sheet_date"])
        return words.formula(text, '"%s"' % self.t.scheme, date)

    def put(self, sheet, col, row, value, style=None, fmt=None):
        c = sheet.getCellByPosition(col, row)
        if words.is_live(value):
            c.setFormula(self.words_formula(value))
            self._live.add((sheet.Name, col, row))
        elif isinstance(value, str) and value.startswith("="):
            c.setFormula(value)
        elif isinstance(value, str):
            c.setString(value)
        elif value is not None:
            c.setValue(value)
        if style:
            c.CellStyle = style
        if fmt:
            c.NumberFormat = self.fmt(fmt)
        return c

    def merge(self, sheet, c0, r0, c1, r1):
        if (c0, r0) != (c1, r1):
            sheet.getCellRangeByPosition(c0, r0, c1, r1).merge(True)

    def name(self, name, sheet_name, col, row, col1=None, row1=None):
        """A named range (tests and formulas find cells by it)."""
        ref = "$'%s'.%s" % (sheet_name, addr(col, row, True))
        if col1 is not None:
            ref += ":" + addr(col1, row1, True)
        a = CellAddress()
        self.doc.NamedRanges.addNewByName(name, ref, a, 0)

    def declare(self, name, what):
        """The named range `name` holds names or free text (what: holds()), or neither."""
        if what:
            self.declared[what].append(name)

    def write_contract(self):
        value = contract.declaration(self.doc.Sheets.getElementNames(), self.declared, self.signs)
        self.doc.NamedRanges.addNewByName(CONTRACT, value, CellAddress(), 0)

    def validation_list(self, rng, source, title, message, strict=True):
        v = rng.Validation
        v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
        v.ShowList = 1  # com.sun.star.sheet.TableValidationVisibility.UNSORTED
        v.IgnoreBlankCells = True
        v.setFormula1(source)
        v.ShowInputMessage = bool(message)
        v.InputTitle = title[:32]
        v.InputMessage = message
        v.ShowErrorMessage = strict
        v.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
        v.ErrorTitle = "Not on the list"
        v.ErrorMessage = "Choose from the list: the sheet scores only the scheme's own codes."
        rng.Validation = v
        self.signs.add(validation_sign(rng.Validation))

    def validation_number(self, rng, whole, minimum, maximum, title, message, error=""):
        v = rng.Validation
        v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "WHOLE" if whole else "DECIMAL")
        v.Operator = uno.Enum("com.sun.star.sheet.ConditionOperator", "BETWEEN")
        v.setFormula1(str(minimum))
        v.setFormula2(str(maximum))
        v.IgnoreBlankCells = True
        v.ShowInputMessage = bool(message)
        v.InputTitle = title[:32]
        v.InputMessage = message
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
        v.ErrorTitle = "Out of range"
        v.ErrorMessage = error or "Enter a %s from %s to %s." % (
            "whole number" if whole else "number",
            minimum,
            maximum,
        )
        rng.Validation = v
        self.signs.add(validation_sign(rng.Validation))

    def conditional(self, rng, entries, base):
        """entries: [(operator, formula, style)]; base: (sheet index, col, row) of formulas."""
        cf = rng.ConditionalFormat
        for op, formula, style in entries:
            pos = CellAddress(base[0], base[1], base[2])
            cf.addNew(
                _props(
                    Operator=uno.Enum("com.sun.star.sheet.ConditionOperator", op),
                    Formula1=formula,
                    StyleName=style,
                    SourcePosition=pos,
                )
            )
        rng.ConditionalFormat = cf

    def validation_date(self, rng, title, message, after="", error=""):
        """A date (on or after the cell `after`, an absolute reference, when given)."""
        v = rng.Validation
        v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "DATE")
        op = "GREATER_EQUAL" if after else "GREATER"
        v.Operator = uno.Enum("com.sun.star.sheet.ConditionOperator", op)
        v.setFormula1(after or "0")
        v.IgnoreBlankCells = True
        v.ShowInputMessage = bool(message)
        v.InputTitle = title[:32]
        v.InputMessage = message
        v.ShowErrorMessage = True
        v.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
        v.ErrorTitle = "Not a date"
        v.ErrorMessage = error or "Enter a date (DD/MM/YYYY)."
        rng.Validation = v
        self.signs.add(validation_sign(rng.Validation))

    def band_colours(self, rng, sheet_index, col, row):
        """The colours of a cell showing a band: the scheme's bands and the caseload ranges."""
        places = self.engine.band_places(self.t.scheme)
        ranges = self.engine.caseload_places()
        self.conditional(
            rng,
            [
                ("EQUAL", '"%s"' % lab, band_style(colour))
                for lab, colour in band_colours_of(places) + band_colours_of(ranges)
            ],
            (sheet_index, col, row),
        )

    # -- the Codes sheet ------------------------------------------------------------------
    def entries_of(self, col_or_field):
        """[(entry, label)] of a code column: SCHEMEITEMS of its group, and its combos."""
        s = self.t.scheme
        codes = []
        for g in col_or_field.group.split("+"):
            codes += [c for c in self.engine.items(s, g) if c not in codes]
        only = tuple(getattr(col_or_field, "only", ()) or ())
        prefix = getattr(col_or_field, "prefix", "")
        if only:
            missing = [c for c in only if c not in codes]
            if missing:
                raise ValueError(
                    "%s: %s not in SCHEMEITEMS(%s; %s)"
                    % (self.t.file, missing, s, col_or_field.group)
                )
            codes = list(only)
        if prefix:
            codes = [c for c in codes if c == prefix or c.startswith(prefix + "-")]
        combos = list(getattr(col_or_field, "combos", ()) or ())
        every = self.engine.items(s)
        for combo in combos:
            for part in combo.split(";"):
                if part.strip() not in every:
                    raise ValueError(
                        "%s: %s in %r is not a %s code" % (self.t.file, part, combo, s)
                    )
        singles = self.engine.labels(s, codes)
        out = list(zip(codes, singles))
        for combo in combos:
            parts = [p.strip() for p in combo.split(";")]
            labs = self.engine.labels(s, parts)
            if len(set(parts)) == 1:
                out.append((combo, "%d x %s" % (len(parts), labs[0])))
            else:
                out.append((combo, " + ".join(labs)))
        return out

    def code_list(self, col_or_field, heading, shown_at=None):
        """The Codes sheet's list of a column's or field's codes under its heading (made
        once): (the drop-down's source range, [(code, label)]). A heading with live words
        shown in a cell (`shown_at`, an absolute address with its sheet) is that cell's text on
        one line, rather than worded a second time."""
        key = (
            col_or_field.group,
            tuple(getattr(col_or_field, "only", ()) or ()),
            getattr(col_or_field, "prefix", ""),
            tuple(getattr(col_or_field, "combos", ()) or ()),
        )
        if key in self.code_lists:
            return self.code_lists[key]
        entries = self.entries_of(col_or_field)
        sh = self.codes_sheet
        r = self.codes_next
        if shown_at and words.is_live(heading):
            self.put(sh, 0, r, '=SUBSTITUTE(%s;CHAR(10);" ")' % shown_at, "cw Label")
            self._live.add((sh.Name, 0, r))
        else:
            self.put(sh, 0, r, heading.replace("\n", " "), "cw Label")
        self.merge(sh, 0, r, 1, r)
        first = r + 1
        for i, (code, _) in enumerate(entries):
            self.put(sh, 0, first + i, code, "cw Listed code")
            self.put(sh, 1, first + i, live_label(code), "cw Entry")
        last = first + len(entries) - 1
        self.codes_next = last + 2
        source = "$Codes.%s:%s" % (addr(0, first, True), addr(0, last, True))
        self.code_lists[key] = (source, entries)
        return self.code_lists[key]

    def _codes_sheet(self):
        sheets = self.doc.Sheets
        sheets.insertNewByName("Codes", sheets.Count)
        sh = sheets.getByName("Codes")
        self.codes_sheet = sh
        self.put(
            sh, 0, 0, "%s codes: what each code on the sheet means" % self.t.scheme, "cw Title"
        )
        self.put(
            sh,
            0,
            1,
            "Choose codes from the drop-down list in each cell; the points come "
            "from the caseweight add-in. Several codes in one cell are separated by ';'.",
            "cw Note",
        )
        self.put(sh, 0, 3, "Code", "cw Header")
        self.put(sh, 1, 3, "What it is (the scheme's wording)", "cw Header")
        sh.Columns.getByIndex(0).Width = 5200
        sh.Columns.getByIndex(1).Width = 19000
        self.codes_next = 5

    # -- a sheet --------------------------------------------------------------------------
    def build_sheet(self, index, spec):
        sheets = self.doc.Sheets
        if index == 0:
            sh = sheets.getByIndex(0)
            sh.Name = spec.name
        else:
            sheets.insertNewByName(spec.name, index)
            sh = sheets.getByName(spec.name)
        lay = Layout(sh, spec.name)
        lay.names["scheme"] = '"%s"' % self.t.scheme
        self._lay = lay
        ncols = len(spec.columns)
        lay.last_col = ncols - 1
        for i, c in enumerate(spec.columns):
            sh.Columns.getByIndex(i).Width = int(c.width * 100)
            lay.columns[c.key] = i

        # Title and header fields: label and value slots spread over the table's width.
        self.put(sh, 0, 0, spec.title, "cw Title")
        sh.Rows.getByIndex(0).Height = 900
        # Slots of about equal width; in each, the label takes about 40 % and the value the rest.
        slots = spec.fields_per_row
        widths = [c.width for c in spec.columns]
        total_w = sum(widths)
        starts = []
        for k in range(slots + 1):
            acc = 0.0
            for i, w in enumerate(widths + [0]):
                if acc >= k * total_w / slots - 0.5 or i == len(widths):
                    starts.append(i)
                    break
                acc += w

        def first_col_after(c0, width):
            acc = 0.0
            i = c0
            while i < ncols - 1 and acc + widths[i] < width:
                acc += widths[i]
                i += 1
            return i

        row = 1
        k = 0
        for f in spec.fields:
            if k + f.width > slots:
                row += 1
                k = 0
            c0 = starts[k]
            end = max(c0 + 1, starts[k + f.width]) - 1
            slot_w = sum(widths[c0 : end + 1])
            lc1 = max(c0, min(end - 1, first_col_after(c0, 0.4 * slot_w * (1.0 / f.width))))
            if sum(widths[c0 : lc1 + 1]) > 0.55 * slot_w / f.width and lc1 > c0:
                lc1 -= 1
            v0 = lc1 + 1
            v1 = max(v0, end)
            self.put(sh, c0, row, f.label, "cw Field label")
            self.merge(sh, c0, row, lc1, row)
            style = input_style("cw Field", f.key, f.kind)
            cell = self.put(sh, v0, row, None, style, f.fmt or None)
            self.merge(sh, v0, row, v1, row)
            lay.fields[f.key] = (v0, row)
            self.name(contract.cell(f.key), spec.name, v0, row)
            self.declare(contract.cell(f.key), holds(f.key, f.kind))
            rng = sh.getCellRangeByPosition(v0, row, v0, row)
            if f.kind == "choice":
                src = ";".join('"%s"' % x for x in f.choices)
                self.validation_list(rng, src, f.label, f.note or "Choose: " + ", ".join(f.choices))
            elif f.kind == "codes":
                source, entries = self.code_list(f, f.label)
                self.validation_list(rng, source, f.label, self._help(entries))
            elif f.kind == "number":
                self.validation_number(rng, f.whole, f.minimum, f.maximum, f.label, f.note)
            elif f.kind == "date":
                cell.NumberFormat = self.fmt("DD/MM/YYYY")
            k += f.width
        if spec.date_key:
            self.scheme_line(sh, spec, lay, row + 1, ncols)
        hdr = row + 2
        lay.header_row = hdr
        first, last = hdr + 1, hdr + spec.rows
        lay.first, lay.last = first, last

        # Column headers.
        for i, c in enumerate(spec.columns):
            self.put(sh, i, hdr, c.header, "cw Header")
        sh.Rows.getByIndex(hdr).Height = int(spec.header_height * 100)
        code_cols = [i for i, c in enumerate(spec.columns) if c.kind == "codes"]
        if code_cols:
            if code_cols != list(range(code_cols[0], code_cols[-1] + 1)):
                raise ValueError(spec.name + ": code columns must be side by side")
            lay.code_cols = (code_cols[0], code_cols[-1])

        # The table body: rows as high as their content (a Check sentence of two lines, a
        # combination of codes wrapped), at least a line of text.
        rows = sh.getCellRangeByPosition(0, first, ncols - 1, last).Rows
        rows.OptimalHeight = True
        for i, c in enumerate(spec.columns):
            rng = sh.getCellRangeByPosition(i, first, i, last)
            rng.CellStyle = {"codes": "cw Code", "formula": c.style, "fixed": "cw Entry"}.get(
                c.kind, input_style("cw Input", c.key, c.kind)
            )
            if c.fmt:
                rng.NumberFormat = self.fmt(c.fmt)
            if c.kind == "codes":
                source, entries = self.code_list(
                    c, c.header, "$'%s'.%s" % (sh.Name, addr(i, hdr, True))
                )
                self.check_heading(c.header, [e for e, _ in entries])
                self.validation_list(rng, source, title_of(c.header), self._help(entries))
            elif c.kind == "choice":
                src = ";".join('"%s"' % x for x in c.choices)
                self.validation_list(
                    rng, src, title_of(c.header), c.note or "Choose: " + ", ".join(c.choices)
                )
            elif c.kind == "number":
                maximum = c.maximum
                if c.limit == "children":
                    maximum = self.engine.max_children(self.t.scheme)
                self.validation_number(
                    rng,
                    c.whole,
                    c.minimum,
                    maximum,
                    title_of(c.header),
                    c.note.replace("{maximum}", str(maximum)),
                    c.error,
                )
            elif c.kind == "date":
                rng.NumberFormat = self.fmt("DD/MM/YYYY")
            elif c.kind == "fixed":
                if len(c.values) != spec.rows:
                    raise ValueError(
                        "%s: the column %s has a label for each row" % (spec.name, c.key)
                    )
                rng.setDataArray(tuple((v,) for v in c.values))
                rng.IsTextWrapped = True
            elif c.kind == "formula":
                formulas = [[self.row_formula(lay, c.formula, r)] for r in range(first, last + 1)]
                rng.setFormulaArray(tuple(tuple(x) for x in formulas))
                if c.band:
                    self.band_colours(rng, index, i, first)
            self.name(contract.column(c.key), spec.name, i, first, i, last)
            self.declare(contract.column(c.key), holds(c.key, c.kind))

        # A row that breaks a rule: the whole row red (its check cell says why).
        if spec.check_key in lay.columns:
            ck = col_name(lay.columns[spec.check_key])
            self.conditional(
                sh.getCellRangeByPosition(0, first, ncols - 1, last),
                [
                    (
                        "FORMULA",
                        'AND($%s%d<>"";$%s%d<>"OK")' % (ck, first + 1, ck, first + 1),
                        "cw Error",
                    )
                ],
                (index, 0, first),
            )

        # Totals under the table, right-aligned under the points column; extra blocks beside
        # them (from block_row) or below (from next_row).
        r0 = last + 2
        val_col = lay.columns.get(spec.totals_under, ncols - 1)
        label_c0 = max(0, val_col - 4)
        for k, tot in enumerate(spec.totals):
            lay.totals[tot.key] = (val_col, r0 + k)
        lay.block_row = r0
        r = r0 + len(spec.totals) + 1
        for note in spec.notes:
            self.put(sh, 0, r, note, "cw Note")
            r += 1
        lay.next_row = r + 1
        for extra in spec.extras:
            if not getattr(extra, "after_totals", False):
                extra(self, lay, index)
        whys = []
        for tot in spec.totals:
            col, r = lay.totals[tot.key]
            self.put(sh, label_c0, r, tot.label, "cw Label")
            self.merge(sh, label_c0, r, val_col - 1, r)
            f = self.total_formula(lay, tot.formula)
            if tot.band and self.entry_range(lay, spec):
                # No band (not a warning colour) while the table has no rows.
                f = '=IF(COUNTA(%s)=0;"";%s)' % (self.entry_range(lay, spec), f[1:])
            if tot.array:
                c = sh.getCellRangeByPosition(col, r, col, r)
                c.setArrayFormula(f)
                c.CellStyle = tot.style
            else:
                self.put(sh, col, r, f, tot.style)
            if tot.fmt:
                sh.getCellByPosition(col, r).NumberFormat = self.fmt(tot.fmt)
            self.name(contract.cell(tot.key), spec.name, col, r)
            whys.append((addr(col, r), f))
            if tot.band:
                self.band_colours(sh.getCellRangeByPosition(col, r, col, r), index, col, r)
        if whys:
            # Under the totals, across them: why the first total in error is one (empty
            # while none is).
            r = r0 + len(spec.totals)
            self.put(sh, label_c0, r, self.why_formula(whys), "cw Reason")
            self.merge(sh, label_c0, r, ncols - 1, r)
            sh.getRows().getByIndex(r).Height = 850
            self.name(contract.cell("why"), spec.name, label_c0, r)
        # The over-maximum record rewrites the totals' formulas: it comes after them.
        for extra in spec.extras:
            if getattr(extra, "after_totals", False):
                extra(self, lay, index)
        r = lay.next_row
        self.fit(sh, spec, lay, hdr)

        # Printing: A4 landscape, one page wide, the header rows on every page; as wide as
        # the table or an extra block beside or below it, whichever reaches further.
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        last_col = max(ncols - 1, used.RangeAddress.EndColumn)
        self.page_setup(sh, spec.name, 0, hdr, last_col, max(lay.next_row, r))
        return lay

    def scheme_line(self, sh, spec, lay, r, ncols):
        """Under the header fields: which version of the scheme scores the sheet
        (SCHEMEVERSION), and in the last column the cell cw_scheme holding the scheme as in
        force on the sheet's date (SCHEMEAT), the Scheme argument of every formula of the
        sheet ({scheme})."""
        date = lay.cell(spec.date_key)
        self.put(
            sh,
            ncols - 1,
            r,
            '=SCHEMEAT("%s";IF(%s="";TODAY();%s))' % (self.t.scheme, date, date),
            "cw Note",
        )
        self.name(contract.cell("scheme"), spec.name, ncols - 1, r)
        lay.names["scheme"] = addr(ncols - 1, r, absolute=True)
        lay.names["sheet_date"] = date
        self.put(sh, 0, r, "=SCHEMEVERSION(%s)" % lay.names["scheme"], "cw Note")
        self.merge(sh, 0, r, ncols - 2, r)
        self.name(contract.cell("scheme_version"), spec.name, 0, r)

    def entry_range(self, lay, spec):
        """The cells a manager types into, from the first column after the template's own
        labels to the last before the row's formulas ("" when the table has no code columns:
        not a case table)."""
        if not any(c.kind == "codes" for c in spec.columns):
            return ""
        start = min(i for i, c in enumerate(spec.columns) if c.kind != "fixed")
        last = max(i for i, c in enumerate(spec.columns) if c.kind != "formula")
        if any(c.kind == "formula" for c in spec.columns[:last]):
            last = lay.code_cols[1]
        return "%s:%s" % (addr(start, lay.first, True), addr(last, lay.last, True))

    @staticmethod
    def heading_clash(text, entries):
        """The entry `text` starts with (ignoring case), or None. Calc's AutoInput proposes
        the texts of a column that start with what is typed: a heading starting with a code
        would complete the typed code to the heading, which the drop-down list refuses."""
        for e in sorted(entries, key=len, reverse=True):
            if text.strip().upper().startswith(e.upper()):
                return e
        return None

    def check_heading(self, heading, entries):
        e = self.heading_clash(heading, entries)
        if e:
            raise ValueError(
                "%s: the heading %r starts with the code %s of its column; reword "
                "it (AutoInput would complete %s to the heading)" % (self.t.file, heading, e, e)
            )

    # -- widths: every word of a heading, label or code fits its cell ----------------------
    def measure(self, items):
        """{(text, style): width in 1/100 mm} of each text on one line in that cell style, as
        Calc's optimal column width (text and cell margins), on a scratch sheet."""
        if not hasattr(self, "_widths"):
            self._widths = {}
        todo = sorted({k for k in items if k not in self._widths})
        if todo:
            sheets = self.doc.Sheets
            if not sheets.hasByName("cw measure"):
                sheets.insertNewByName("cw measure", sheets.Count)
            sh = sheets.getByName("cw measure")
            # One cell and its column, each text in turn: a call that returns a new cell or
            # column object costs a millisecond, one on an object held a tenth of that.
            cell = sh.getCellByPosition(0, 0)
            col = sh.Columns.getByIndex(0)
            for text, style in todo:
                if not text:  # Calc keeps an empty column's width: that of a new column
                    empty = sh.Columns.getByIndex(1)
                    empty.OptimalWidth = True
                    self._widths[text, style] = empty.Width
                    continue
                cell.setString(text)
                cell.CellStyle = style
                cell.IsTextWrapped = False  # after the style, which may wrap
                col.OptimalWidth = True
                self._widths[text, style] = col.Width
            sh.clearContents(1023)
        return {k: self._widths[k] for k in items}

    def band_texts(self, formula):
        """The band labels a band cell may show: the scheme's and those its formula names."""
        labels = set(self.engine.band_labels(self.t.scheme))
        ranges = [lab for lab, _ in self.engine.caseload_places()]
        if "CASELOADBAND" in formula.upper():
            labels.update(ranges)
        labels.update(x for x in re.findall(r'"([^"]*)"', formula) if x in ranges)
        return labels

    def fit(self, sh, spec, lay, hdr):
        """Widens columns until every text cell shows whole: in a wrapped cell each word fits
        the cell's width (Calc would break a longer word inside); a cell that does not wrap
        and cannot spill over (merged, or with a neighbour) fits whole; band cells fit the
        longest band label; code cells the longest code of their list. Then the heading and
        header rows take the height their wrapped text needs."""
        # the live words as the sheet shows them (automatic calculation is off while building)
        self.doc.calculateAll()
        need = []  # (first col, last col, text, style)
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        end_col = used.RangeAddress.EndColumn
        cells = sh.queryContentCells(4 | 16)  # STRING, FORMULA (only live words are fitted)
        cursor = sh.createCursorByRange(sh.getCellRangeByPosition(0, 0, 0, 0))

        def merged_end(c, r):
            """The last column of the merged area of (c, r), or c: one cursor moved about,
            where a cursor for each cell would cost two new objects."""
            at = cursor.RangeAddress
            cursor.collapseToSize(1, 1)
            cursor.gotoOffset(c - at.StartColumn, r - at.StartRow)
            cursor.collapseToMergedArea()
            return cursor.RangeAddress.EndColumn

        # the formula cells, from one query: no cell object for those that are not live words
        formulas = set(cells_of(sh.queryContentCells(16).RangeAddresses))
        name = sh.Name
        for c, r in cells_of(cells.RangeAddresses):
            if (c, r) in formulas and (name, c, r) not in self._live:
                continue
            cell = sh.getCellByPosition(c, r)
            text = cell.getString()
            c1 = merged_end(c, r)
            style = cell.CellStyle
            if cell.IsTextWrapped:
                parts = text.split()
            else:
                right = sh.getCellByPosition(c1 + 1, r) if c1 < end_col else None
                if c1 == c and (right is None or right.getType().value == "EMPTY"):
                    continue
                parts = text.split("\n")
            need += [(c, c1, p, style) for p in parts if p]
        for i, col in enumerate(spec.columns):
            if col.kind == "codes":
                _, entries = self.code_list(col, col.header)
                for e, _ in entries:
                    need += [(i, i, p, "cw Code") for p in e.replace(";", "; ").split()]
            if col.kind == "choice":
                need += [(i, i, e, "cw Input") for e in col.choices]
            if col.band:
                need += [(i, i, t, col.style) for t in self.band_texts(col.formula)]
        for f in spec.fields:
            if f.kind in ("choice", "codes"):
                v0, r = lay.fields[f.key]
                cur = sh.createCursorByRange(sh.getCellRangeByPosition(v0, r, v0, r))
                cur.collapseToMergedArea()
                entries = f.choices or [e for e, _ in self.code_list(f, f.label)[1]]
                need += [(v0, cur.RangeAddress.EndColumn, e, "cw Field") for e in entries]
        for tot in spec.totals:
            if tot.band:
                c, _ = lay.totals[tot.key]
                need += [(c, c, t, tot.style) for t in self.band_texts(tot.formula)]
        widths = self.measure([(t, st) for _, _, t, st in need])
        cols = sh.Columns
        width = {}  # of each column, read once and kept as it is widened

        def width_of(k):
            if k not in width:
                width[k] = cols.getByIndex(k).Width
            return width[k]

        for _ in range(2):  # widening one column may serve several cells
            for c0, c1, text, style in need:
                have = sum(width_of(k) for k in range(c0, c1 + 1))
                want = widths[(text, style)]
                if want > have:
                    col = cols.getByIndex(c1)
                    col.Width = width_of(c1) + want - have
                    width[c1] = col.Width
        # Heights: the header fields' rows and the headings' row as their text needs.
        for r in list(range(1, hdr)) + [hdr]:
            row = sh.Rows.getByIndex(r)
            low = int(spec.header_height * 100) if r == hdr else 0
            row.OptimalHeight = True
            if row.Height < low:
                row.Height = low

    def _help(self, entries):
        """A drop-down's help: each entry and what it is, without its points (a help text
        cannot follow the sheet's date; the Codes sheet does)."""
        lines = ["%s: %s" % (code, without_points(label)) for code, label in entries]
        text = "\n".join(lines)
        if len(text) > 900:  # long lists: the codes only; the Codes sheet has the wording
            text = ", ".join(code for code, _ in entries) + "\n(see the Codes sheet)"
        return text

    def why_formula(self, totals):
        """For [(cell, its formula)]: the reason of the first cell in error, or ""."""
        out = '""'
        for cell, formula in reversed(totals):
            ours = [c for c in calls(formula) if self.engine.is_addin_function(c[0])]
            why = '"%s"' % ROW_ERROR
            if ours:
                reason = 'CASEREASON("%s";%s)' % ours[0]
                why = 'IFERROR(IF(%s="OK";"%s";%s);"%s")' % (reason, ROW_ERROR, reason, ROW_ERROR)
            out = 'IF(ISERROR(%s);"%s: "&%s;%s)' % (cell, WHY_PREFIX, why, out)
        return "=" + out

    def row_formula(self, lay, formula, r):
        c0, c1 = lay.code_cols

        def get(key):
            if key == "items":
                return "%s:%s" % (addr(c0, r), addr(c1, r))
            if key in ("children", "share"):
                if key not in lay.columns:
                    return '""'
                a = addr(lay.columns[key], r)
                return 'IF(%s="";"";%s)' % (a, a)
            if key.startswith("?"):
                k = key[1:]
                a = addr(lay.columns[k], r) if k in lay.columns else lay.cell(k)
                return 'IF(%s="";"";%s)' % (a, a)
            if key in lay.columns:
                return addr(lay.columns[key], r)
            return lay.cell(key)

        return formula.format_map(_Lookup(get))

    def total_formula(self, lay, formula):
        def get(key):
            if key.startswith("?"):
                a = lay.cell(key[1:])
                return 'IF(%s="";"";%s)' % (a, a)
            return lay.cell(key)

        return formula.format_map(_Lookup(get))

    def page_setup(self, sh, name, c0, title_last_row, c1, r1):
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        pname = "cw " + name
        if not styles.hasByName(pname):
            ps = self.doc.createInstance("com.sun.star.style.PageStyle")
            styles.insertByName(pname, ps)
        ps = styles.getByName(pname)
        ps.IsLandscape = True
        ps.Width = 29700
        ps.Height = 21000
        for side in ("LeftMargin", "RightMargin"):
            setattr(ps, side, 1000)
        ps.TopMargin = 1000
        ps.BottomMargin = 1000
        ps.ScaleToPagesX = 1
        ps.ScaleToPagesY = 0
        ps.CenterHorizontally = True
        ps.HeaderIsOn = False
        ps.FooterIsOn = True
        footer = ps.RightPageFooterContent
        footer.CenterText.setString("%s - page " % self.t.title)
        ftext = footer.CenterText
        page = self.doc.createInstance("com.sun.star.text.TextField.PageNumber")
        ftext.insertTextContent(ftext.getEnd(), page, False)
        ps.RightPageFooterContent = footer
        sh.PageStyle = pname
        sh.setPrintTitleRows(True)
        sh.setTitleRows(CellRangeAddress(sh.RangeAddress.Sheet, 0, 0, c1, title_last_row))
        sh.setPrintAreas((CellRangeAddress(sh.RangeAddress.Sheet, c0, 0, c1, r1),))

    # -- the whole template ---------------------------------------------------------------
    def build(self):
        # Writing cell by cell with automatic calculation on is slow; calculate once at the end.
        self.doc.enableAutomaticCalculation(False)
        self.doc.lockControllers()
        self.doc.addActionLock()
        try:
            return self._build()
        finally:
            self.doc.removeActionLock()
            self.doc.unlockControllers()
            self.doc.enableAutomaticCalculation(True)
            self.doc.calculateAll()

    def _build(self):
        self._codes_sheet()
        layouts = []
        for i, spec in enumerate(self.t.sheets):
            layouts.append(self.build_sheet(i, spec))
        cs = self.codes_sheet
        if self.codes_next <= 5:
            self.doc.Sheets.removeByName("Codes")
        else:
            # the code column as wide as the longest entry ("PRE-PROCEEDINGS; COURT; ...")
            listed = [
                (e, "cw Listed code") for _, entries in self.code_lists.values() for e, _ in entries
            ]
            column = cs.Columns.getByIndex(0)
            column.Width = max([column.Width] + list(self.measure(listed).values()))
            self.page_setup(cs, "Codes", 0, 3, 1, self.codes_next)
        if self.doc.Sheets.hasByName("cw measure"):
            self.doc.Sheets.removeByName("cw measure")
        self.write_contract()
        # Labels, formulas and the Codes sheet are protected (no password: Tools > Protect
        # Sheet lifts it); the cells a manager fills in are unlocked by their style.
        for k in range(self.doc.Sheets.Count):
            self.doc.Sheets.getByIndex(k).protect("")
        ctl = self.doc.CurrentController
        if ctl is not None:  # keep the column headers in view while scrolling
            for lay in reversed(layouts):
                ctl.setActiveSheet(lay.sheet)
                ctl.freezeAtPosition(0, lay.header_row + 1)
        props = self.doc.DocumentProperties
        props.Title = self.t.title
        props.Description = self.t.description
        props.Subject = "Caseload weighting: " + self.t.scheme
        props.Keywords = ("caseload weighting", self.t.scheme)
        self.doc.calculateAll()
        return layouts


# -- helpers descriptions use for extra blocks -------------------------------------------


def comments_box(b, lay, top, label, key):
    """A label and a box of free text four lines high across the sheet (cw_KEY, declared
    as text: a pseudonymised copy replaces it); returns the row after it and a blank line."""
    sh = lay.sheet
    b.put(sh, 0, top, label, "cw Label")
    b.put(sh, 0, top + 1, None, "cw Field")
    b.merge(sh, 0, top + 1, lay.last_col, top + 4)
    b.name("cw_" + key, lay.sheet_name, 0, top + 1)
    b.declare("cw_" + key, "Text")
    return top + 6


def put_table(b, lay, sheet_index, top, left, headers, rows, widths=None, styles=None):
    """A small table of labels / formulas at (left, top); returns the row after it."""
    sh = lay.sheet
    for j, h in enumerate(headers):
        b.put(sh, left + j, top, h, "cw Header")
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            st = (styles[j] if styles else None) or "cw Entry"
            b.put(sh, left + j, top + 1 + i, v, st)
    return top + 1 + len(rows)


# -- above the maximum: the record a manager keeps ------------------------------------------

OVER_FIELDS = (
    ("over_reason", "Reason for allocating", "text"),
    ("over_date", "Date allocated", "date"),
    ("over_review", "Review date", "date"),
    ("over_informed", "Who was informed", "text"),
)
RECORD_NEEDED, RECORDED, REVIEW_OVERDUE = "Record needed", "Recorded", "Review overdue"
CANNOT_JUDGE = "Cannot be judged until the errors on the sheet are fixed"
NOT_KNOWN = "Not known"  # cw_over_above while rows in error hide whether the worker is above
ONE_MONTH = 1  # the review is "time specific and subject to monthly review"


def maximum_label(version):
    """The band label of a worker above the maximum: the scheme's last band above."""
    return version.bands["above"][-1]["label"]


def valid_rows_band(sh, lay):
    """The sheet's own band formula (without "="), its total worked out from the rows without
    an error alone: the points column summed by AGGREGATE(9;6;...) (9 = SUM, 6 = leave out
    error values) in the sheet's total formula, so the scheme's rules stay in the add-in."""
    points, total = lay.cell("points"), lay.cell("total")
    total_f = sh.getCellRangeByName(total).getFormula()
    band_f = sh.getCellRangeByName(lay.cell("band")).getFormula()
    if total_f.count(points) != 1 or band_f.count(total) != 1:
        raise ValueError(
            "%s: cannot rewrite %r / %r for the rows without an error"
            % (lay.sheet_name, total_f, band_f)
        )
    valid_total = total_f[1:].replace(points, "AGGREGATE(9;6;%s)" % points)
    return band_f[1:].replace(total, "(%s)" % valid_total)


def over_maximum(version, span=5, also=()):
    """An extra block, below the rest: "Above the maximum: record" (reason for allocating a
    new case, date allocated, review date, who was informed), required while the sheet's band
    cell shows the scheme's last band above (the maximum), or while a cell of `also` (key,
    value, words[, why]) shows its value (a caseload policy's maximum). Rows in error never
    hide a worker above the maximum: the rows without an error alone above it make the worker
    above it, else "Not known". The status cell, judged at the sheet's own date (As at), says
    "Record needed" until every field holds a proper value, "Review overdue" once the review
    date is before the As at date, else "Recorded"; a why cell says what makes the worker
    above it."""
    label = maximum_label(version)

    def block(b, lay, index):
        sh = lay.sheet
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        top = max(lay.next_row, used.RangeAddress.EndRow + 2)
        last = min(span, lay.last_col)
        b.put(sh, 0, top, "Above the maximum: record", "cw Header")
        b.merge(sh, 0, top, last, top)
        band = lay.cell("band")
        as_at = lay.cell("sheet_date")
        r = top + 1
        words = "band %s" % label + "".join(", or %s %s" % (a[2], a[1]) for a in also)
        at_max = 'IFERROR(%s="%s";0)' % (band, label)
        valid_at_max = 'IFERROR(%s="%s";0)' % (valid_rows_band(sh, lay), label)
        policies = ['IFERROR(%s="%s";0)' % (lay.cell(a[0]), a[1]) for a in also]
        b.put(sh, 0, r, "Above the maximum (%s)" % words, "cw Field label")
        b.put(
            sh,
            1,
            r,
            '=IF(OR(%s);"Yes";IF(NOT(ISERROR(%s));"No";IF(%s;"Yes";"%s")))'
            % (";".join([at_max] + policies), band, valid_at_max, NOT_KNOWN),
            "cw Result",
        )
        b.merge(sh, 1, r, last, r)
        b.name(contract.cell("over_above"), lay.sheet_name, 1, r)
        above = addr(1, r, True)
        r += 1
        # Why: so a roll-up can say it where the band alone does not (a caseload policy).
        whys = ['IF(%s;"band %s";"")' % (at_max, label)]
        whys.append(
            'IF(AND(ISERROR(%s);%s);"band %s on the rows without an error alone";"")'
            % (band, valid_at_max, label)
        )
        for a, cond in zip(also, policies):
            whys.append('IF(%s;"%s";"")' % (cond, a[3] if len(a) > 3 else "%s %s" % (a[2], a[1])))
        b.put(sh, 0, r, "Why above the maximum", "cw Field label")
        b.put(
            sh,
            1,
            r,
            '=IF(%s="Yes";TEXTJOIN("; ";1;%s);"")' % (above, ";".join(whys)),
            "cw Result",
        )
        b.merge(sh, 1, r, last, r)
        b.name(contract.cell("over_why"), lay.sheet_name, 1, r)
        r += 1
        status_row = r
        b.put(sh, 0, r, "Status", "cw Field label")
        r += 1
        cells, rows = {}, {}
        for key, text, kind in OVER_FIELDS:
            b.put(sh, 0, r, text, "cw Field label")
            b.put(sh, 1, r, None, input_style("cw Field", key, kind))
            b.merge(sh, 1, r, last, r)
            b.name(contract.cell(key), lay.sheet_name, 1, r)
            b.declare(contract.cell(key), holds(key, kind))
            cells[key], rows[key] = addr(1, r, True), r
            rng = sh.getCellRangeByPosition(1, r, 1, r)
            if kind == "date":
                rng.NumberFormat = b.fmt("DD/MM/YYYY")
            r += 1
        b.validation_date(
            sh.getCellRangeByPosition(1, rows["over_date"], 1, rows["over_date"]),
            "Date allocated",
            "The date the new case was allocated above the maximum: on or before the As at "
            "date.",
        )
        b.validation_date(
            sh.getCellRangeByPosition(1, rows["over_review"], 1, rows["over_review"]),
            "Review date",
            "The date of the monthly review: after the date allocated, at most a month after "
            "it.",
            after=cells["over_date"],
            error="Enter a date (DD/MM/YYYY) not before the date allocated.",
        )
        given, allocated, review = (
            cells["over_informed"],
            cells["over_date"],
            cells["over_review"],
        )
        # A date typed as text is no date (ISNUMBER); a single space is no reason (TRIM).
        complete = (
            "IFERROR(AND(LEN(TRIM(%s))>0;LEN(TRIM(%s))>0;ISNUMBER(%s);ISNUMBER(%s);"
            "ISNUMBER(%s);%s<=%s;%s>%s;%s<=EDATE(%s;%d));0)"
            % (
                cells["over_reason"],
                given,
                as_at,
                allocated,
                review,
                allocated,
                as_at,
                review,
                allocated,
                review,
                allocated,
                ONE_MONTH,
            )
        )
        status = '=IF(%s="Yes";IF(%s;IF(%s<%s;"%s";"%s");"%s");IF(%s="No";"";"%s"))' % (
            above,
            complete,
            review,
            as_at,
            REVIEW_OVERDUE,
            RECORDED,
            RECORD_NEEDED,
            above,
            CANNOT_JUDGE,
        )
        b.put(sh, 1, status_row, status, "cw Total")
        b.merge(sh, 1, status_row, last, status_row)
        b.name(contract.cell("over_status"), lay.sheet_name, 1, status_row)
        b.conditional(
            sh.getCellRangeByPosition(1, status_row, 1, status_row),
            [
                ("EQUAL", '"%s"' % RECORD_NEEDED, "cw Alert"),
                ("EQUAL", '"%s"' % REVIEW_OVERDUE, "cw Alert"),
                ("EQUAL", '"%s"' % CANNOT_JUDGE, "cw Alert"),
                ("EQUAL", '"%s"' % RECORDED, band_style("green")),
            ],
            (index, 1, status_row),
        )
        b.put(
            sh,
            0,
            r,
            "Required while the %s: why a new case was allocated above the maximum, "
            "when (on or before the As at date), the review date (at most a month later) and "
            "who was told; judged at the As at date. Above it for more than four weeks: "
            "escalate." % words.replace("band ", "band is ", 1).replace(", or ", " or "),
            "cw Note",
        )
        lay.next_row = r + 2

    block.after_totals = True
    return block
