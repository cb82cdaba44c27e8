"""caseweight-county OUT_DIR: writes a made-up county's weighting sheets, to try the roll-up on.

Services hold team folders (50 by default), each team 6-10 workers' sheets of one scheme
(the schemes of the shipped worker templates in turn), made from the templates: their own
cells, formulas, drop-downs and styles, with case rows typed in. The rows are drawn from the
worker sheet's own columns (the codes of its drop-down lists, children, co-work share) and
kept only when the add-in's CASECHECK finds them OK; grades are the scheme file's. Some rows
are in error (a code of another scheme, a number typed where a code belongs), and a few files
are there to be refused: one locked by a colleague (a LibreOffice lock file beside it), one
damaged (a cut-off .ods), one password-protected, one sheet without its As at date, and one
workbook that is no weighting sheet at all. Most sheets are flat ODF (.fods), some .ods and
.xlsx.

The templates are read from build/caseweight.oxt (or build/templates/); a headless office
fills each template once with markers and saves it as flat XML, and every worker's sheet is
that text with the markers replaced, so a county of 400 sheets takes seconds. The sheets say
they were not written by LibreOffice, so Calc recalculates them when they are opened.
Exit status: 0 written, 2 when it cannot be (with the reason), 130 on Ctrl+C, 143 on SIGTERM.
"""

import argparse
import datetime
from dataclasses import dataclass, field
import html
import os
import random
import re
import shutil
import sys
import tempfile
import zipfile

from caseweight import SOURCE_DIR, contract, schemes, sheets
from caseweight.office import (
    add_oxt_option,
    FILTERS,
    Office,
    ToolError,
    file_url,
    props,
    run_tool,
    store,
)
from caseweight.sheets import cwtemplate

NAME = "caseweight-county"

INPUT_KINDS = ("text", "number", "choice", "date", "codes")

SERVICES = [
    ("Assessment and Intervention", ["Duty", "Assessment", "Child in Need"]),
    ("Safeguarding", ["Child Protection", "Court and Permanence", "Family Support"]),
    ("Children in Care", ["Children in Care", "Fostering", "Adoption"]),
    ("Disabled Children and Leaving Care", ["Disabled Children", "Leaving Care"]),
]
PLACES = [
    "North", "South", "East", "West", "Central", "Vale", "Downs", "Forest", "Riverside",
    "Coast", "Moor", "Marches", "Wolds", "Fens", "Weald",
]  # fmt: skip
FIRST = [
    "Asha", "Ben", "Chloe", "Dan", "Emma", "Farah", "George", "Hannah", "Imran", "Jade",
    "Kieran", "Laura", "Mohammed", "Nadia", "Owen", "Priya", "Rachel", "Sam", "Tom", "Uma",
    "Vicky", "Will", "Yasmin", "Zoe", "Aled", "Bethan", "Ciaran", "Deborah", "Ellie", "Femi",
]  # fmt: skip
LAST = [
    "Patel", "Carter", "Evans", "Okafor", "Hughes", "Khan", "Smith", "Jones", "Williams",
    "Brown", "Taylor", "Davies", "Wilson", "Thomas", "Roberts", "Walker", "Wright", "Green",
    "Hall", "Wood", "Clarke", "Jackson", "Turner", "Hill", "Moore", "Ahmed", "Begum", "Nowak",
]  # fmt: skip
FAMILY = [
    "Adams", "Baker", "Clark", "Dixon", "Ellis", "Fox", "Grant", "Hart", "Irwin", "Jordan",
    "Kerr", "Lloyd", "Mason", "Nash", "Oakley", "Parry", "Quinn", "Reid", "Shaw", "Tate",
    "Usher", "Vaughan", "Walsh", "Young", "Ali", "Bibi", "Chen", "Doyle", "Egan", "Frost",
]  # fmt: skip

# -- the case rows: drawn from the worker sheet's columns, kept when CASECHECK says OK ----------
#
# Nothing here names a scheme: the schemes are those of the shipped worker templates, the
# codes those of each template's code columns (the entries of their drop-down lists, as the
# template builder lists them from the add-in), the grades those of the scheme file, and
# whether a drawn row is valid is the add-in's CASECHECK, asked once per scheme for a pool of
# candidate rows at the start.

CANDIDATES = 300  # candidate rows drawn per scheme; those CASECHECK finds OK are the pool
CASE_ROWS = (6, 14)  # case rows on a worker's sheet (at most the sheet's rows)
MODIFIER_CHANCE = 0.2  # each other code column filled (at most about one a row in all)
COMBO_CHANCE = 0.2  # a combination of codes ("A; B") instead of a single code
CHOICE_CHANCE = 0.9  # a choice column (locality ...) filled
SHARE_CHANCE = 0.1  # a co-worked case (share 0.5)
SHARE = 0.5
CHILDREN = (1, 1, 1, 2, 2, 3, 4)
DEFAULT_GRADE_WEIGHT = 3  # the scheme's default grade comes up this many times as often
TYPED_NUMBERS = range(7, 100)  # a number typed in a code cell: the first not a code's points


def is_worker_sheet(spec):
    """A sheet with a case table: code columns and a row's points (CASEPOINTS)."""
    return any(c.kind == "codes" for c in spec.columns) and any(
        "CASEPOINTS(" in c.formula for c in spec.columns
    )


def worker_templates():
    """{scheme: template}: each scheme's first shipped template whose first sheet is a worker
    sheet, in the order of caseweight.sheets.TEMPLATES."""
    out = {}
    for t in sheets.TEMPLATES:
        if t.scheme not in out and is_worker_sheet(t.sheets[0]):
            out[t.scheme] = t
    return out


def scheme_codes(scheme):
    """Every code of the scheme, in any of its versions."""
    s = schemes.load(scheme)
    return {c for v in s.versions for c in v.codes()}


def entry_codes(entry):
    """The codes of a drop-down entry ("A; B" -> ["A", "B"])."""
    return [p.strip() for p in str(entry).split(";") if p.strip()]


def column_entries(office, engine, template):
    """{code column key: [entry]} of the template's worker sheet: the drop-down lists as the
    template builder makes them (Builder.entries_of: SCHEMEITEMS of the column's groups,
    only / prefix, and its combinations)."""
    builder = cwtemplate.Builder(office, engine, template)
    try:
        return {
            c.key: [e for e, _ in builder.entries_of(c)]
            for c in template.sheets[0].columns
            if c.kind == "codes"
        }
    finally:
        builder.doc.close(True)


def foreign_codes(scheme, entries):
    """The codes on other schemes' worker sheets (entries: {scheme: {key: [entry]}}) that are
    no code of `scheme`: typed by mistake, they are refused."""
    own = scheme_codes(scheme)
    out = set()
    for other, columns in entries.items():
        if other != scheme:
            for listed in columns.values():
                out.update(c for e in listed for c in entry_codes(e) if c not in own)
    return sorted(out)


def grade_choices(version, spec):
    """The grades a worker is drawn from: the scheme's (the default one more often), those the
    sheet's grade field offers; [None] when the scheme's bands ignore the grade or the sheet
    has no grade field."""
    grade = next((f for f in spec.fields if f.key == "grade"), None)
    names = version.grade_names()
    if grade is not None and grade.kind == "choice":
        names = [g for g in names if g in grade.choices]
    if grade is None or not names:
        return [None]
    extra = [version.default_grade] * (DEFAULT_GRADE_WEIGHT - 1)
    return names + (extra if version.default_grade in names else [])


@dataclass
class Form:
    """A scheme's worker sheet as the county fills it."""

    scheme: str
    template: object  # cwtemplate.Template
    spec: object  # its worker sheet (cwtemplate.Sheet)
    entries: dict  # code column key -> [entry]
    case_keys: list  # the code columns holding a case type
    grades: list
    mistakes: list  # (code column key, value the column refuses)
    candidates: list  # drawn rows, {column key: value}, without the case's name
    rows: list = field(default_factory=list)  # the candidates CASECHECK finds OK

    @property
    def name_keys(self):
        """The text columns naming the case (the first text column when none is declared)."""
        text = [c.key for c in self.spec.columns if c.kind == "text"]
        named = [k for k in text if contract.holds(k, "text") == "Case"]
        return named or text[:1]


def case_columns(version, entries):
    """The code columns whose entries hold a code of the scheme's case-type group (the group
    of its one-case-type rule)."""
    rule = version.rule("one-case-type") or {}
    group = set(version.codes(group=rule.get("group", "case")))
    return [k for k, listed in entries.items() if any(set(entry_codes(e)) & group for e in listed)]


def plan_mistakes(rng, version, spec, entries, case_keys, foreign):
    """(column key, value) mistakes for each code column other than the case type's (every
    code column when that is all): a code of another scheme, and a number that is no points
    of the column's codes."""
    keys = [k for k in entries if k not in case_keys] or list(entries)
    out = []
    for key in keys:
        if foreign:
            out.append((key, rng.choice(foreign)))
        points = set()
        for e in entries[key]:
            for code in entry_codes(e):
                points.update(_points(version.scheme, code))
        out.append((key, next(n for n in TYPED_NUMBERS if n not in points)))
    return out


def _points(scheme, code):
    """Every number of points the scheme file gives `code`, in any version."""
    out = set()
    for v in scheme.versions:
        for i in v.items:
            if i["code"] == code:
                out.update(i[k] for k in ("points", "basic", "further", "unit_points") if k in i)
                out.update(s["points"] for s in i.get("sizes", []))
    return out


def _entry(rng, listed):
    """A drop-down entry: a single code, sometimes a combination."""
    singles = [e for e in listed if len(entry_codes(e)) == 1]
    combos = [e for e in listed if len(entry_codes(e)) > 1]
    if combos and (not singles or rng.random() < COMBO_CHANCE):
        return rng.choice(combos)
    return rng.choice(singles)


def draw_row(rng, spec, entries, case_keys):
    """A candidate case row {column key: value} (the case's name left out): one case-type
    column always, each other code column and the co-work share sometimes, children, and the
    choice columns mostly. It may break a scheme rule: CASECHECK decides."""
    row = {}
    case_key = rng.choice(case_keys or list(entries))
    others = [k for k in entries if k != case_key and k not in case_keys]
    chance = min(MODIFIER_CHANCE, 1.0 / len(others)) if others else 0
    for c in spec.columns:
        if c.kind == "codes":
            if c.key == case_key or (c.key in others and rng.random() < chance):
                row[c.key] = _entry(rng, entries[c.key])
        elif c.kind == "choice" and c.choices:
            row[c.key] = _maybe(rng, CHOICE_CHANCE, rng.choice(c.choices))
        elif c.kind == "number" and c.key == "children":
            n = rng.choice(CHILDREN)
            row[c.key] = max(c.minimum or 1, min(n, c.maximum or n))
        elif c.kind == "number" and c.key == "share":
            row[c.key] = _maybe(rng, SHARE_CHANCE, SHARE)
    return {k: v for k, v in row.items() if v is not None}


def plan(template, entries, as_at, foreign, rng, candidates=CANDIDATES):
    """The Form of a worker template: its entries, case-type columns, grades, mistakes and
    `candidates` drawn rows, not yet checked (without an office)."""
    spec = template.sheets[0]
    version = schemes.load(template.scheme).version_at(as_at)
    case_keys = case_columns(version, entries)
    return Form(
        scheme=template.scheme,
        template=template,
        spec=spec,
        entries=entries,
        case_keys=case_keys,
        grades=grade_choices(version, spec),
        mistakes=plan_mistakes(rng, version, spec, entries, case_keys, foreign),
        candidates=[draw_row(rng, spec, entries, case_keys) for _ in range(candidates)],
    )


def row_items(spec, row):
    """The row's code cells as one Items text ("A; B")."""
    return "; ".join(str(row[c.key]) for c in spec.columns if c.kind == "codes" and c.key in row)


def check_formula(scheme, as_at, spec, row):
    """CASECHECK of a row as the sheet asks it: under the version in force on the As at
    date, with the row's Children and Share ("" when empty)."""

    def arg(key):
        v = row.get(key)
        return '""' if v is None else schemes.number_text(v)

    return '=CASECHECK(SCHEMEAT("%s";DATE(%d;%d;%d));"%s";%s;%s)' % (
        scheme,
        as_at.year,
        as_at.month,
        as_at.day,
        row_items(spec, row).replace('"', '""'),
        arg("children"),
        arg("share"),
    )


def forms(office, as_at, seed):
    """{scheme: Form} of every scheme with a worker template, its rows the candidates the
    add-in's CASECHECK finds OK (asked in one batch of formulas for every scheme)."""
    templates = worker_templates()
    engine = cwtemplate.Engine(office)
    try:
        entries = {s: column_entries(office, engine, t) for s, t in templates.items()}
        out = {}
        for scheme, t in templates.items():
            rng = random.Random("%s:%s" % (seed, scheme))
            out[scheme] = plan(t, entries[scheme], as_at, foreign_codes(scheme, entries), rng)
        asked = [(f, r) for f in out.values() for r in f.candidates]
        said = engine.scratch.values([check_formula(f.scheme, as_at, f.spec, r) for f, r in asked])
    finally:
        engine.close()
    for (form, row), answer in zip(asked, said):
        if answer == "OK":
            form.rows.append(row)
    for scheme, form in out.items():
        if not form.rows:
            raise ToolError("no drawn %s row passes CASECHECK" % scheme)
    return out


def _family(rng):
    return rng.choice(
        [
            "%s family" % rng.choice(FAMILY),
            "%s children" % rng.choice(FAMILY),
            "%s. %s" % (rng.choice("ABCDEFGHJKLMNPRSTW"), rng.choice(FAMILY)),
        ]
    )


def _maybe(rng, p, value):
    return value if rng.random() < p else None


def case_rows(rng, form, mistake=False):
    """A worker's case rows: CASE_ROWS of the form's valid rows (within the sheet's rows),
    each with a case name; with `mistake`, one of the form's mistakes planted in one row."""
    lo, hi = (min(n, form.spec.rows) for n in CASE_ROWS)
    rows = []
    for _ in range(rng.randint(lo, hi)):
        row = dict(rng.choice(form.rows))
        for key in form.name_keys:
            row[key] = _family(rng)
        rows.append(row)
    if mistake and form.mistakes:
        key, value = rng.choice(form.mistakes)
        rows[rng.randrange(len(rows))][key] = value
    return rows


# -- skeletons: a template as flat XML with a marker in every input cell ---------------------


def template_path(file, oxt, workdir):
    built = os.path.join(SOURCE_DIR, "build", "templates", file + ".ots")
    if oxt and os.path.exists(oxt):
        with zipfile.ZipFile(oxt) as z:
            for n in z.namelist():
                if n.endswith("/" + file + ".ots") or n == file + ".ots":
                    out = os.path.join(workdir, file + ".ots")
                    with z.open(n) as src, open(out, "wb") as dst:
                        shutil.copyfileobj(src, dst)
                    return out
    if os.path.exists(built):
        return built
    raise ToolError("no template %s.ots in %s or build/templates" % (file, oxt))


def make_skeleton(office, path, spec):
    """The template filled with markers (@@f.KEY@@ in a header field, @@c.KEY.ROW@@ in a case
    cell) and saved as flat XML: the text."""
    doc = office.load(office.copy_in(path), AsTemplate=True)
    try:
        names = doc.NamedRanges
        for f in spec.fields:
            if f.kind in INPUT_KINDS:
                names.getByName(contract.cell(f.key)).ReferredCells.getCellByPosition(
                    0, 0
                ).setString("@@f.%s@@" % f.key)
        for c in spec.columns:
            if c.kind in INPUT_KINDS:
                cells = names.getByName(contract.column(c.key)).ReferredCells
                cells.setDataArray(tuple(("@@c.%s.%d@@" % (c.key, i),) for i in range(spec.rows)))
        out = office.doc_path(os.path.basename(path) + ".fods")
        store(doc, out, FILTERS[".fods"])
    finally:
        doc.close(True)
    with open(out, encoding="utf-8") as f:
        text = f.read()
    # Not written by LibreOffice: Calc then recalculates the sheet when it opens it.
    return re.sub(
        r"<meta:generator>[^<]*</meta:generator>",
        "<meta:generator>caseweight-county</meta:generator>",
        text,
    )


CELL = re.compile(
    r"<table:table-cell((?:\s[^>]*)?)>\s*<text:p>@@([^@<]+)@@</text:p>\s*</table:table-cell>"
)
VALUE_ATTRS = re.compile(
    r"\s(?:office:value-type|calcext:value-type|office:value|office:date-value|"
    r'office:string-value|office:boolean-value)="[^"]*"'
)


def fill(skeleton, values):
    """The skeleton with each marker replaced by its value in `values` (a str, number or
    date), or by an empty cell."""

    def cell(m):
        attrs = VALUE_ATTRS.sub("", m.group(1))
        v = values.get(m.group(2))
        if v is None or v == "":
            return "<table:table-cell%s/>" % attrs
        if isinstance(v, datetime.date):
            return (
                '<table:table-cell%s office:value-type="date" office:date-value="%s" '
                'calcext:value-type="date"><text:p>%s</text:p></table:table-cell>'
                % (attrs, v.isoformat(), v.strftime("%d/%m/%Y"))
            )
        if isinstance(v, (int, float)):
            return (
                '<table:table-cell%s office:value-type="float" office:value="%s" '
                'calcext:value-type="float"><text:p>%s</text:p></table:table-cell>' % (attrs, v, v)
            )
        return (
            '<table:table-cell%s office:value-type="string" calcext:value-type="string">'
            "<text:p>%s</text:p></table:table-cell>" % (attrs, html.escape(str(v), quote=False))
        )

    return CELL.sub(cell, skeleton)


# -- the county ----------------------------------------------------------------------------


def worker_values(rng, form, team, name, as_at, mistake):
    """{marker: value} of a worker's sheet of `form`: the header fields and the case rows."""
    spec = form.spec
    v = {"f.worker": name, "f.team": team}
    v["f." + spec.date_key] = as_at
    keys = {f.key for f in spec.fields}
    grade = rng.choice(form.grades)
    if grade and "grade" in keys:
        v["f.grade"] = grade
    fte = rng.choice([1, 1, 1, 1, 0.8, 0.6, 0.5])
    if "fte" in keys:
        v["f.fte"] = fte
    if "hours" in keys:
        week = schemes.load(form.scheme).version_at(as_at).full_time_hours
        v["f.hours"] = round(week * fte, 1)
    if "month" in keys:
        v["f.month"] = as_at.strftime("%B %Y")
    for i, row in enumerate(case_rows(rng, form, mistake)):
        for key, value in row.items():
            v["c.%s.%d" % (key, i)] = value
    return v


def plain_workbook(office, path):
    """A spreadsheet that is no weighting sheet: a team's leave rota."""
    doc = office.new_calc()
    try:
        sh = doc.Sheets.getByIndex(0)
        sh.Name = "Leave rota"
        sh.getCellRangeByName("A1:C3").setDataArray(
            (("Name", "From", "To"), ("A. Smith", "01/12", "05/12"), ("B. Jones", "22/12", "02/01"))
        )
        store(doc, path, FILTERS[".ods"])
    finally:
        doc.close(True)


def convert(office, src, dest, **kw):
    """src (flat XML) stored as dest (.ods or .xlsx, by its extension) through the office."""
    doc = office.load(src)
    try:
        doc.calculateAll()
        doc.storeToURL(
            file_url(dest),
            props(FilterName=FILTERS[os.path.splitext(dest)[1]], Overwrite=True, **kw),
        )
    finally:
        doc.close(True)


def generate(out_dir, teams=50, seed=1, as_at=None, oxt=None, log=None, per_team=(6, 10)):
    """Writes the county under out_dir; returns {"sheets": n, "files": [...], "special":
    {kind: path}}."""
    rng = random.Random(seed)
    as_at = as_at or datetime.date.today()
    os.makedirs(out_dir, exist_ok=True)
    special = {}
    files = []
    work = tempfile.mkdtemp(prefix="caseweight-county-")
    try:
        with Office(oxt=oxt) as office:
            county = forms(office, as_at, seed)
            skeletons = {
                scheme: make_skeleton(office, template_path(f.template.file, oxt, work), f.spec)
                for scheme, f in county.items()
            }
            # Teams spread over the services, each one scheme (the schemes in turn).
            names = []
            for s, (service, kinds) in enumerate(SERVICES):
                names.append((service, kinds))
            team_dirs = []
            for t in range(teams):
                service, kinds = names[t % len(names)]
                team = "%s %s" % (kinds[(t // len(names)) % len(kinds)], PLACES[t % len(PLACES)])
                if t >= len(names) * len(PLACES):
                    team += " %d" % (t + 1)
                scheme = list(county)[t % len(county)]
                team_dirs.append((service, team, scheme))
            used = set()
            count = 0
            for t, (service, team, scheme) in enumerate(team_dirs):
                folder = os.path.join(out_dir, service, team)
                os.makedirs(folder, exist_ok=True)
                form = county[scheme]
                for w in range(rng.randint(*per_team)):
                    while True:
                        person = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
                        if person not in used:
                            break
                    used.add(person)
                    mistake = rng.random() < 0.15
                    values = worker_values(rng, form, team, person, as_at, mistake)
                    base = person.lower().replace(" ", "-")
                    kind = "fods"
                    if count == 3:
                        kind = "no-date"
                        values.pop("f." + form.spec.date_key)
                    elif count == 5:
                        kind = "locked"
                    elif count == 7:
                        kind = "corrupt"
                    elif count == 9:
                        kind = "password"
                    elif count % 10 == 4:
                        kind = "ods"
                    elif count % 25 == 6:
                        kind = "xlsx"
                    text = fill(skeletons[scheme], values)
                    path = os.path.join(folder, base + ".fods")
                    if kind in ("ods", "xlsx", "corrupt", "password", "locked"):
                        tmp = os.path.join(work, base + ".fods")
                        with open(tmp, "w", encoding="utf-8") as f:
                            f.write(text)
                        ext = ".xlsx" if kind == "xlsx" else ".ods"
                        path = os.path.join(folder, base + ext)
                        dest = office.doc_path(base + ext)
                        kw = {"Password": "secret"} if kind == "password" else {}
                        convert(office, office.copy_in(tmp), dest, **kw)
                        shutil.copyfile(dest, path)
                        if kind == "corrupt":
                            size = os.path.getsize(path)
                            with open(path, "r+b") as f:
                                f.truncate(size // 2)
                        if kind == "locked":
                            lock = os.path.join(folder, ".~lock.%s#" % os.path.basename(path))
                            with open(lock, "w", encoding="utf-8") as f:
                                f.write(
                                    "Sam Duty Manager,ws-0412,sdutymanager,%s 09:14,"
                                    "file:///home/sdutymanager/.config/libreoffice/4;\n"
                                    % as_at.strftime("%d.%m.%Y")
                                )
                    else:
                        with open(path, "w", encoding="utf-8") as f:
                            f.write(text)
                    if kind in ("no-date", "locked", "corrupt", "password"):
                        special[kind] = path
                    files.append(path)
                    count += 1
                if t == 1:
                    rota = os.path.join(folder, "leave-rota.ods")
                    dest = office.doc_path("leave-rota.ods")
                    plain_workbook(office, dest)
                    shutil.copyfile(dest, rota)
                    special["not-a-weighting-sheet"] = rota
                    files.append(rota)
                if log:
                    print("wrote %s / %s (%s)" % (service, team, scheme), file=log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"sheets": count, "files": files, "special": special, "teams": team_dirs}


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", help="the folder to write the county into (created)")
    ap.add_argument("--teams", type=int, default=50, help="team folders (default 50)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--date", help="the sheets' As at date, YYYY-MM-DD (default today)")
    add_oxt_option(ap)
    a = ap.parse_args()
    if a.teams < 1 or a.teams > 1000:
        raise ToolError("--teams must be 1 to 1000")
    try:
        as_at = datetime.date.fromisoformat(a.date) if a.date else None
    except ValueError:
        raise ToolError("--date must be YYYY-MM-DD, not %s" % a.date) from None
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    if os.path.exists(a.out_dir) and (not os.path.isdir(a.out_dir) or os.listdir(a.out_dir)):
        raise ToolError("%s exists and is not an empty folder" % a.out_dir)
    result = generate(a.out_dir, a.teams, a.seed, as_at, a.oxt, log=sys.stdout)
    print(
        "%d worker sheets in %d teams under %s"
        % (result["sheets"], len(result["teams"]), a.out_dir)
    )
    for kind, path in sorted(result["special"].items()):
        print("  %s: %s" % (kind, path))
    return 0


if __name__ == "__main__":
    run_tool(NAME, main)
