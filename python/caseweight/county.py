"""caseweight-county OUT_DIR: writes a made-up county's weighting sheets, to try the roll-up on.

Services hold team folders (50 by default), each team 6-10 workers' sheets of one scheme
(the four schemes in turn), made from the shipped templates: the templates' own cells,
formulas, drop-downs and styles, with realistic case rows typed in. Some rows are in error (a
code of another scheme, a number typed where a code belongs), and a few files are there to be
refused: one locked by a colleague (a LibreOffice lock file beside it), one damaged (a cut-off
.ods), one password-protected, one sheet without its As at date, and one workbook that is no
weighting sheet at all. Most sheets are flat ODF (.fods), some .ods and .xlsx.

The templates are read from build/caseweight.oxt (or build/templates/); a headless office
fills each template once with markers and saves it as flat XML, and every worker's sheet is
that text with the markers replaced, so a county of 400 sheets takes seconds. The sheets say
they were not written by LibreOffice, so Calc recalculates them when they are opened.
Exit status: 0 written, 2 when it cannot be (with the reason), 130 on Ctrl+C, 143 on SIGTERM.
"""

import argparse
import datetime
import html
import os
import random
import re
import shutil
import sys
import tempfile
import zipfile

from caseweight import SOURCE_DIR, schemes
from caseweight.office import FILTERS, Office, ToolError, file_url, props, run_tool, store

NAME = "caseweight-county"

# The worker templates used, by scheme.
TEMPLATES = {
    "SWINDON": "swindon-children",
    "RBWM": "rbwm-all-cases",
    "NOTTS": "notts-individual",
    "WARRINGTON": "warrington",
}
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
GRADES = {
    "SWINDON": ["NQSW", "EXPERIENCED", "EXPERIENCED", "EXPERIENCED", "HIGHER-SPECIALIST"],
    "RBWM": ["NQSW", "EXPERIENCED", "EXPERIENCED", "SENIOR"],
    "NOTTS": [None],
    "WARRINGTON": ["PRACTITIONER", "PRACTITIONER", "PRACTITIONER", "ASYE", "STUDENT"],
}


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


# One case row per scheme: {column key: value}; None leaves the cell empty.
def swindon_row(rng):
    kind = rng.choice(["CIN", "CIN", "CP", "CP", "LAC", "LAC"])
    row = {"name": _family(rng), "children": rng.choice([1, 1, 1, 2, 2, 3, 4])}
    row["locality"] = rng.choice(["EN", "S", "W"])
    complex_ = kind != "CIN" and rng.random() < 0.2
    key = {"CIN": "basic", "CP": "cp", "LAC": "lac"}[kind]
    row[key] = kind + ("; COMPLEX" if complex_ else "")
    if kind != "CIN":
        row["court"] = _maybe(rng, 0.15, rng.choice(["COURT", "COURT-ACTIVE"]))
    row["assessment"] = _maybe(rng, 0.2, rng.choice(["ASSESSMENT", "S47"]))
    if kind == "CP":
        row["pre"] = _maybe(rng, 0.1, "PRE-PROCEEDINGS")
    row["travel"] = _maybe(rng, 0.15, rng.choice(["TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"]))
    row["task"] = _maybe(rng, 0.1, "TASK")
    return row


def rbwm_row(rng):
    kind = rng.choice(["CIN", "CIN", "CP", "CP", "CIC", "CIC", "CARE-LEAVER"])
    row = {"name": _family(rng)}
    complex_ = kind != "CIN" and rng.random() < 0.2
    key = {"CIN": "cin", "CP": "cp", "CIC": "cic", "CARE-LEAVER": "cic"}[kind]
    row[key] = kind + ("; COMPLEX" if complex_ else "")
    row["single"] = _maybe(rng, 0.15, "SINGLE-ASSESSMENT")
    if kind == "CP":
        row["s47"] = _maybe(rng, 0.2, "S47")
    row["travel"] = _maybe(rng, 0.15, rng.choice(["TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"]))
    return row


NOTTS_SPECIFIC = [
    "S17-ASSESSMENT", "S47", "CIN-STABLE", "CIN-STABLE", "CIN-UNSTABLE", "CP-STABLE",
    "CP-STABLE", "CP-UNSTABLE", "LAC-STABLE", "LAC-STABLE", "LAC-UNSTABLE", "LAC-PERMANENT",
    "COURT-CP", "PF",
]  # fmt: skip
NOTTS_ADDITIONAL = ["INTERPRETER", "TRAVEL-1-2H", "COMPLEX-FAMILY", "S47-OPEN", "ALLEGATION"]


def notts_row(rng):
    row = {"family": _family(rng), "children": rng.choice([1, 1, 1, 2, 2, 3])}
    row["specific"] = rng.choice(NOTTS_SPECIFIC)
    row["add1"] = _maybe(rng, 0.2, rng.choice(NOTTS_ADDITIONAL))
    return row


def warrington_row(rng):
    row = {"name": _family(rng), "children": rng.choice([1, 1, 1, 2, 2, 3])}
    row["type"] = rng.choice(["CP", "CP", "CIC", "CIC", "CIN", "CIN", "PRIVATE-FOSTERING"])
    row["status"] = _maybe(rng, 0.2, rng.choice(["NEW", "TRANSFER"]))
    row["assess1"] = _maybe(rng, 0.2, rng.choice(["ASSESS-LOW", "ASSESS-MEDIUM", "ASSESS-HIGH"]))
    row["travel"] = _maybe(rng, 0.1, "TRAVEL-1H")
    return row


ROWS = {"SWINDON": swindon_row, "RBWM": rbwm_row, "NOTTS": notts_row, "WARRINGTON": warrington_row}
ROW_COUNT = {"SWINDON": (6, 14), "RBWM": (8, 16), "NOTTS": (6, 12), "WARRINGTON": (6, 12)}

# Planted mistakes: (column key, value). A code of another scheme, or a number typed where a
# code belongs (7, where the scheme's points would be 6 or 10).
MISTAKES = {
    "SWINDON": [("court", "COURT-S7"), ("court", 7)],
    "RBWM": [("s47", "S47-ICPC"), ("travel", 7)],
    "NOTTS": [("add1", "COURT-ACTIVE"), ("add1", 7)],
    "WARRINGTON": [("assess1", "SINGLE-ASSESSMENT"), ("assess1", 7)],
}


# -- skeletons: a template as flat XML with a marker in every input cell ---------------------


def template_sheet(file):
    """The template description (templates/*.py) of a template file, and its worker sheet."""
    import build  # templates/build.py: templates/ is on PYTHONPATH (tools/, tests)

    t = next(t for t in build.TEMPLATES if t.file == file)
    return t, t.sheets[0]


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
                names.getByName("cw_" + f.key.replace("-", "_")).ReferredCells.getCellByPosition(
                    0, 0
                ).setString("@@f.%s@@" % f.key)
        for c in spec.columns:
            if c.kind in INPUT_KINDS:
                cells = names.getByName("cw_col_" + c.key.replace("-", "_")).ReferredCells
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


def worker_values(rng, scheme, spec, team, name, as_at, mistake):
    v = {"f.worker": name, "f.team": team}
    date_key = spec.date_key
    v["f." + date_key] = as_at
    grade = rng.choice(GRADES[scheme])
    if grade and any(f.key == "grade" for f in spec.fields):
        v["f.grade"] = grade
    fte = rng.choice([1, 1, 1, 1, 0.8, 0.6, 0.5])
    if any(f.key == "fte" for f in spec.fields):
        v["f.fte"] = fte
    if any(f.key == "hours" for f in spec.fields):
        week = schemes.load(scheme).version_at(as_at).full_time_hours
        v["f.hours"] = round(week * fte, 1)
    if any(f.key == "month" for f in spec.fields):
        v["f.month"] = as_at.strftime("%B %Y")
    lo, hi = ROW_COUNT[scheme]
    rows = [ROWS[scheme](rng) for _ in range(min(spec.rows, rng.randint(lo, hi)))]
    if mistake:
        key, value = rng.choice(MISTAKES[scheme])
        rows[rng.randrange(len(rows))][key] = value
    for i, row in enumerate(rows):
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
            skeletons = {}
            specs = {}
            for scheme, file in TEMPLATES.items():
                _, spec = template_sheet(file)
                specs[scheme] = spec
                skeletons[scheme] = make_skeleton(office, template_path(file, oxt, work), spec)
            # Teams spread over the services, each one scheme (the four in turn).
            names = []
            for s, (service, kinds) in enumerate(SERVICES):
                names.append((service, kinds))
            team_dirs = []
            for t in range(teams):
                service, kinds = names[t % len(names)]
                team = "%s %s" % (kinds[(t // len(names)) % len(kinds)], PLACES[t % len(PLACES)])
                if t >= len(names) * len(PLACES):
                    team += " %d" % (t + 1)
                scheme = list(TEMPLATES)[t % len(TEMPLATES)]
                team_dirs.append((service, team, scheme))
            used = set()
            count = 0
            for t, (service, team, scheme) in enumerate(team_dirs):
                folder = os.path.join(out_dir, service, team)
                os.makedirs(folder, exist_ok=True)
                spec = specs[scheme]
                for w in range(rng.randint(*per_team)):
                    while True:
                        person = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
                        if person not in used:
                            break
                    used.add(person)
                    mistake = rng.random() < 0.15
                    values = worker_values(rng, scheme, spec, team, person, as_at, mistake)
                    base = person.lower().replace(" ", "-")
                    kind = "fods"
                    if count == 3:
                        kind = "no-date"
                        values.pop("f." + spec.date_key)
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
    ap.add_argument(
        "--oxt",
        default=os.path.join(SOURCE_DIR, "build", "caseweight.oxt"),
        help="the extension to install (default: the build's)",
    )
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
