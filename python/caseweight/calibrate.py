"""Comparing a calibration exercise: the managers' calibration sheets of a folder, read and
compared, written into a summary workbook. One implementation for the command
(caseweight-calibrate: main() at the end, in a private headless office) and the menu entry
Tools > Add-Ons > caseweight: Compare Calibration Sheets... (in the user's own office):

    sentence = summarise(desktop, folder, doc)    # fills the new Calc document doc

Every spreadsheet of the folder (not its subfolders) is prechecked and opened hidden, read-only,
its macros disabled, as the roll-up opens workers' sheets (caseweight.worker_sheet.read_file),
and read by the named cells of the calibration template (caseweight.sheets.calibration_sheet).
What cannot be read or does not count (another set or scheme, no manager's name, a second sheet
of one manager, a vignette left empty, a row in error) is listed on the sheet "Not counted" with
the reason; nothing is skipped in silence. The reference coding's points are live formulas of
the summary (CASEPOINTS), so the add-in scores them as it scores the managers' rows.

The summary's manager names, file names and reasons are declared as the sheet contract
declares a worker's name and free text, so caseweight-share --pseudonymise-workers (or the menu
entry Save Pseudonymised Copy) replaces them by references and keeps everything else.

Like worker_sheet, this module runs inside the user's office: only main() imports
caseweight.office (which starts processes and handles signals).
"""

import collections
import os

from caseweight import calibration, contract, schemes, vignettes
from caseweight import worker_sheet as ws
from caseweight.fods import col as col_name
from caseweight.sheets import calibration_sheet, scheme_layout

NOT_CALIBRATION = "not a calibration sheet (one made from a Calibration exercise template)"
NO_SHEETS = "no calibration sheet in %s"
SET_CELL = contract.cell(calibration_sheet.SET_KEY)
# The table's columns that are not a code column: the template's labels and the row's results.
NOT_CODES = set(scheme_layout.FIXED_COLUMNS) | {
    calibration_sheet.ID_KEY,
    calibration_sheet.TITLE_KEY,
}
SHARE = ("share", "Co-work share")  # compared like a code column: "" (alone) or "0.5"

SHEETS = ("Vignettes", "Answers", "Points", "Agreement", "Managers", "Not counted")
HEADERS = {
    "Vignettes": [
        "Vignette",
        "Case",
        "Reference coding",
        "Reference points",
        "Answered",
        "Matched the reference",
        "Lowest points",
        "Median points",
        "Highest points",
        "For discussion",
    ],
    "Answers": ["Vignette", "Manager", "Coding", "Children", "Points", "Matches the reference"],
    "Agreement": [
        "Column",
        "Krippendorff's alpha",
        "Alpha in words",
        "Fleiss' kappa",
        "Kappa in words",
        "Vignettes (alpha)",
        "Vignettes (kappa)",
        "Note",
    ],
    "Managers": [
        "Manager",
        "File",
        "Answered",
        "Matched the reference",
        "Compared with the reference points",
        "Mean difference from the reference points",
        "Mean absolute difference",
    ],
    "Not counted": ["File", "Reason"],
}
READINGS = (
    "Krippendorff's alpha (nominal, copes with cases a manager left empty): good from 0.800, "
    "tentative from 0.667, poor below. Fleiss' kappa (only the cases every manager answered): "
    "Landis and Koch's words. 'Not measurable' when every answer was the same."
)


# -- reading a manager's sheet --------------------------------------------------------------


def _column(names, key):
    """The values of the named column cw_col_KEY, top to bottom (None without it)."""
    name = contract.column(key)
    if not names.hasByName(name):
        return None
    cells = names.getByName(name).ReferredCells
    if cells is None:
        return None
    rows = cells.getRows().getCount()
    return [ws.cell_value(cells.getCellByPosition(0, r)) for r in range(rows)]


def _scheme_name(v):
    """The scheme of cw_scheme ("SWINDON@2026-12-04" -> "SWINDON"); None for an error."""
    return v.split("@")[0].strip() if isinstance(v, str) else None


def _entry(v):
    if isinstance(v, float):
        return schemes.number_text(v)
    return v.strip() if isinstance(v, str) else ""


def _share(v):
    """A share as compared: "" for a case held alone (empty or 1), else its number."""
    if isinstance(v, float):
        return "" if v == 1 else schemes.number_text(v)
    return _entry(v)


def read_calibration(doc):
    """[the raw sheet] of a loaded calibration sheet, or the reason it is not one. The raw
    sheet: {set, manager, scheme, rows: {vignette id: {entries, children, points, problem}}}
    with an entry for each code column the document names (cw_col_KEY) and the share."""
    names = doc.NamedRanges
    if not names.hasByName(SET_CELL):
        return NOT_CALIBRATION
    ids = _column(names, calibration_sheet.ID_KEY) or []
    prefix = contract.column("")
    got = {
        n[len(prefix) :]: _column(names, n[len(prefix) :])
        for n in names.getElementNames()
        if n.startswith(prefix)
    }
    rows = {}
    for i, vid in enumerate(ids):
        if not isinstance(vid, str) or not vid.strip():
            continue

        def at(key):
            col = got.get(key)
            return col[i] if col and i < len(col) else None

        entries = {k: _entry(at(k)) for k in got if k not in NOT_CODES}
        entries[SHARE[0]] = _share(at("share"))
        children, points, check = at("children"), at("points"), at("check")
        problem = None
        if isinstance(check, str) and check.strip() not in ("", "OK"):
            problem = check.strip()
        elif ws.is_error(check):
            problem = "its Check cell shows %s" % check[1]
        if not isinstance(children, float):
            if children is not None and not problem:
                problem = "Children is not a number"
            children = None
        elif children != int(children):
            problem = problem or "Children is not a whole number"
        if not isinstance(points, float):
            if ws.is_error(points) and not problem:
                problem = "its points show %s" % points[1]
            points = None
        rows[vid.strip()] = {
            "entries": entries,
            "children": int(children) if children is not None else None,
            "points": points,
            "problem": problem,
        }
    return [
        {
            "set": ws.text(ws.named(names, SET_CELL)).strip(),
            "manager": ws.text(ws.named(names, contract.cell("manager"))).strip(),
            "scheme": _scheme_name(ws.named(names, contract.cell("scheme"))),
            "scheme_at": ws.text(ws.named(names, contract.cell("scheme"))),
            "rows": rows,
        }
    ]


def is_summary(path):
    """Whether the file is a comparison this module wrote (its sheets Agreement and Not
    counted), told without an office."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            content = z.read("content.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return all(('table:name="%s"' % n).encode() in content for n in ("Agreement", "Not counted"))


def read_folder(desktop, folder, skip=(), stopped=None, copy=None):
    """([(path relative to folder, raw sheet)], [(path, reason)]) of every spreadsheet of the
    folder (not its subfolders; the paths in skip left out)."""
    read, problems = [], []
    for path, _, _ in ws.find_files(folder, skip=skip, subfolders=False):
        rel = os.path.relpath(path, folder)
        got, reason = ws.read_file(desktop, path, copy=copy, stopped=stopped, read=read_calibration)
        if reason:
            problems.append((rel, reason))
        else:
            read += [(rel, g) for g in got]
    return read, problems


def _answer(raw, columns):
    entries = raw["entries"]
    missing = [title for key, title in columns if key not in entries]
    problem = raw["problem"]
    if missing:
        problem = "the sheet has no column %s (made from another calibration template)" % (
            " or ".join(missing)
        )
    return calibration.Answer(
        {key: entries.get(key, "") for key, _ in columns},
        raw["children"],
        raw["points"],
        problem,
    )


# -- the set, its columns and its band ------------------------------------------------------


def columns_of(version):
    """[(key, title)] the comparison compares: the sheet's code columns, then the share."""
    return [(c.key, c.title.replace("\n", " ")) for c in scheme_layout.of(version).columns] + [
        SHARE
    ]


def band_width(version):
    """The width of the default grade's band at full time (upper - lower), or None."""
    try:
        g = version.grade()
    except (KeyError, IndexError):
        return None
    if g.get("lower") is None or g.get("upper") is None:
        return None
    return g["upper"] - g["lower"]


def reference_of(v):
    """A vignette of the set as the comparison takes it: the share among the entries."""
    answer = dict(v.answer)
    answer[SHARE[0]] = "" if v.share == 1 else schemes.number_text(v.share)
    return calibration.Vignette(v.id, v.title, answer, v.children)


def reference_formula(v, scheme_at):
    """The points of the vignette's reference coding, as the add-in scores a sheet's row:
    =CASEPOINTS("SCHEME@2026-12-04";"its entries; one after another";children;share)."""
    codes = "; ".join(e for e in v.answer.values() if e)
    return '=CASEPOINTS("%s";"%s";%d;%s)' % (
        scheme_at,
        codes,
        v.children,
        schemes.number_text(v.share),
    )


def reference_points(doc, vset, scheme_at):
    """({vignette id: points or None}, [(file, reason)] for a reference coding that does not
    score), worked out by the add-in in a sheet of doc made for the while."""
    sheets = doc.Sheets
    name = "cw reference"
    sheets.insertNewByName(name, sheets.Count)
    sh = sheets.getByName(name)
    try:
        for i, v in enumerate(vset.vignettes):
            sh.getCellByPosition(0, i).setFormula(reference_formula(v, scheme_at))
        doc.calculateAll()
        points, problems = {}, []
        for i, v in enumerate(vset.vignettes):
            value = ws.cell_value(sh.getCellByPosition(0, i))
            points[v.id] = value if isinstance(value, float) else None
            if not isinstance(value, float):
                problems.append(
                    (
                        os.path.basename(vset.path),
                        "the reference coding of vignette %s does not score (%s): check the "
                        "file of the set" % (v.id, ws.cell_data(value) or "no points"),
                    )
                )
        return points, problems
    finally:
        sheets.removeByName(name)


# -- the summary workbook -------------------------------------------------------------------


def _fresh_sheets(doc):
    """Replaces every sheet of doc by the empty sheets of the summary (SHEETS), in order."""
    sheets = doc.Sheets
    keep = "cw summary"
    sheets.insertNewByName(keep, sheets.Count)
    for n in list(sheets.getElementNames()):
        if n != keep:
            sheets.removeByName(n)
    for i, n in enumerate(SHEETS):
        sheets.insertNewByName(n, i)
    sheets.removeByName(keep)
    return {n: sheets.getByName(n) for n in SHEETS}


STYLE = "cw Summary"


def _style(doc):
    styles = doc.StyleFamilies.getByName("CellStyles")
    if not styles.hasByName(STYLE):
        styles.insertByName(STYLE, doc.createInstance("com.sun.star.style.CellStyle"))


def _widths(sh, mm):
    """Columns as wide as given (millimetres): a title line beside the table must not widen
    its first column, as an optimal width would."""
    for c, w in enumerate(mm):
        sh.Columns.getByIndex(c).Width = w * 100


def _number(x):
    return "" if x is None else x


def _title(sh, top, lines):
    for i, line in enumerate(lines):
        sh.getCellByPosition(0, top + i).setString(line)
    sh.getCellByPosition(0, top).CharWeight = 150.0
    return top + len(lines) + 1


def _table(doc, sh, top, headers, rows):
    """A table with a bold header row at `top`; returns the row after it."""
    ws.write_rows(sh, [headers] + rows, top)
    rng = sh.getCellRangeByPosition(0, top, len(headers) - 1, top)
    rng.CharWeight = 150.0
    rng.IsTextWrapped = True
    return top + 1 + len(rows)


def _name(doc, name, sh, c0, r0, c1, r1):
    """Names a range of the summary (cw_...), the contract's way of pointing at cells."""
    from com.sun.star.table import CellAddress

    ref = "$'%s'.$%s$%d:$%s$%d" % (sh.Name, col_name(c0), r0 + 1, col_name(c1), r1 + 1)
    if doc.NamedRanges.hasByName(name):
        doc.NamedRanges.removeByName(name)
    doc.NamedRanges.addNewByName(name, ref, CellAddress(), 0)
    return name


def write_summary(doc, vset, version, comp, scheme_at, sheets_counted):
    """Writes the comparison into doc: a sheet per part (SHEETS), a chart of the points per
    vignette and manager, and the declaration of the cells holding names."""
    workers, texts = [], []
    managers = [m.manager for m in comp.managers]
    sheets = _fresh_sheets(doc)
    # Vignettes: per vignette the reference, the spread and the flag.
    sh = sheets["Vignettes"]
    top = _title(
        sh,
        0,
        [
            "Calibration exercise: %s (%s, %s)" % (vset.title, vset.set, version.name),
            "Managers' sheets compared: %d. The reference coding's points are scored by the "
            "add-in under %s." % (sheets_counted, scheme_at),
            (
                "A case is for discussion when the managers' points range wider than the band "
                "of %s (%s points)." % (version.default_grade, schemes.number_text(comp.band_width))
                if comp.band_width is not None
                else "The scheme's default grade has no band width: no case is flagged."
            ),
        ],
    )
    first = top + 1
    rows = []
    for i, (v, res) in enumerate(zip(vset.vignettes, comp.vignettes)):
        rows.append(
            [
                res.id,
                res.title,
                res.reference_codes,
                reference_formula(v, scheme_at),
                res.answered,
                res.matched,
                _number(res.low),
                _number(res.median),
                _number(res.high),
                res.reason,
            ]
        )
    _table(doc, sh, top, HEADERS["Vignettes"], [])
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = sh.getCellByPosition(j, first + i)
            if isinstance(value, str) and value.startswith("="):
                cell.setFormula(value)
            elif isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
    _widths(sh, (18, 60, 80, 22, 20, 22, 20, 20, 20, 70))
    body = sh.getCellRangeByPosition(0, first, 9, first + len(rows))
    body.IsTextWrapped = True
    body.VertJustify = 1  # com.sun.star.table.CellVertJustify.TOP

    # Answers: each manager's coding and points of each vignette.
    sh = sheets["Answers"]
    body = []
    for res in comp.vignettes:
        for a in res.answers:
            body.append(
                [
                    res.id,
                    a.manager,
                    a.codes if a.answered else "(left empty)",
                    _number(a.children),
                    _number(a.points),
                    ("yes" if a.matched else "no") if a.answered else "",
                ]
            )
    end = _table(doc, sh, 0, HEADERS["Answers"], body)
    if body:
        workers.append(_name(doc, "cw_cal_answers_manager", sh, 1, 1, 1, end - 1))
    _widths(sh, (18, 40, 120, 18, 18, 24))

    # Points: a vignette a row, a manager a column, with the reference; and its chart.
    sh = sheets["Points"]
    grid = [["Vignette"] + managers + ["Reference"]]
    for res in comp.vignettes:
        grid.append([res.id] + [_number(a.points) for a in res.answers] + [_number(res.reference)])
    ws.write_rows(sh, grid, 0)
    sh.getCellRangeByPosition(0, 0, len(grid[0]) - 1, 0).CharWeight = 150.0
    if managers:
        workers.append(_name(doc, "cw_cal_points_manager", sh, 1, 0, len(managers), 0))
    _chart(sh, len(grid[0]), len(grid))

    # Agreement per column.
    sh = sheets["Agreement"]
    top = _title(sh, 0, ["How far the managers agree, column by column", READINGS])
    body = [
        [
            c.title,
            _number(c.alpha),
            c.alpha_reading,
            _number(c.kappa),
            c.kappa_reading,
            c.pairable,
            c.complete,
            c.note,
        ]
        for c in comp.columns
    ]
    _table(doc, sh, top, HEADERS["Agreement"], body)
    fmt = ws.number_format(doc, "0.000")
    sh.getCellRangeByPosition(1, top + 1, 1, top + len(body)).NumberFormat = fmt
    sh.getCellRangeByPosition(3, top + 1, 3, top + len(body)).NumberFormat = fmt
    _widths(sh, (82, 32, 30, 26, 30, 22, 22, 90))

    # Managers: each one's difference from the reference.
    sh = sheets["Managers"]
    body = [
        [
            m.manager,
            m.path,
            m.answered,
            m.matched,
            m.compared,
            _number(m.mean_difference),
            _number(m.mean_absolute_difference),
        ]
        for m in comp.managers
    ]
    end = _table(doc, sh, 0, HEADERS["Managers"], body)
    if body:
        workers.append(_name(doc, "cw_cal_managers", sh, 0, 1, 0, end - 1))
        texts.append(_name(doc, "cw_cal_manager_files", sh, 1, 1, 1, end - 1))
        fmt = ws.number_format(doc, "0.0")
        sh.getCellRangeByPosition(5, 1, 6, end - 1).NumberFormat = fmt
    _widths(sh, (40, 50, 20, 24, 26, 30, 26))

    # Not counted: every file and row that did not count, with the reason.
    sh = sheets["Not counted"]
    body = [[path, reason] for path, reason in comp.problems]
    end = _table(doc, sh, 0, HEADERS["Not counted"], body)
    if body:
        # a reason may name a manager or a file ("a second sheet from ..."): free text too
        texts.append(_name(doc, "cw_cal_unread_files", sh, 0, 1, 1, end - 1))
    _widths(sh, (50, 140))

    from com.sun.star.table import CellAddress

    # The summary's own cells are labels as a template's are (a locked caseweight style), so a
    # pseudonymised copy keeps them and replaces only the declared names and file names.
    _style(doc)
    for sh in sheets.values():
        used = sh.createCursor()
        used.gotoEndOfUsedArea(False)
        a = used.RangeAddress
        sh.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).CellStyle = STYLE
    if doc.NamedRanges.hasByName(contract.CONTRACT):
        doc.NamedRanges.removeByName(contract.CONTRACT)
    declared = contract.declaration(SHEETS, {"Worker": workers, "Text": texts})
    doc.NamedRanges.addNewByName(contract.CONTRACT, declared, CellAddress(), 0)
    doc.calculateAll()
    if doc.CurrentController is not None:  # opens on the vignettes, not the last sheet written
        doc.CurrentController.setActiveSheet(sheets["Vignettes"])


def _chart(sh, ncols, nrows):
    """A column chart of the points of each vignette, a bar per manager and the reference."""
    from com.sun.star.awt import Rectangle
    from com.sun.star.table import CellRangeAddress

    if nrows < 2 or ncols < 2:
        return
    charts = sh.getCharts()
    if charts.hasByName("Points"):
        charts.removeByName("Points")
    area = CellRangeAddress(sh.RangeAddress.Sheet, 0, 0, ncols - 1, nrows - 1)
    top = sh.getCellByPosition(0, nrows + 1).Position.Y
    charts.addNewByName("Points", Rectangle(0, top, 24000, 11000), (area,), True, True)
    chart = charts.getByName("Points").getEmbeddedObject()
    chart.HasMainTitle = True
    chart.Title.String = "Points per vignette and manager"


# -- the whole comparison -------------------------------------------------------------------


def choose_set(read, set_id=None, packs=()):
    """The vignette set compared: set_id, else the set of most sheets read (the first of
    equals by name), among the built-in sets and those of the scheme packs' folders `packs`;
    VignetteError when none is known."""
    if not set_id:
        counts = collections.Counter(r["set"] for _, r in read if r["set"])
        if not counts:
            return None
        set_id = sorted(counts, key=lambda s: (-counts[s], s))[0]
    return vignettes.find(set_id, also=packs)


def pack_folders(ctx):
    """The folders of scheme files of the scheme packs installed in the office of ctx (their
    sets of vignettes are in vignettes/ there)."""
    import uno

    info = ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
    out = []
    for entry in info.getExtensionList():
        if entry and entry[0].startswith("org.caseweight.schemes."):
            url = info.getPackageLocation(entry[0])
            if url.startswith("file:"):
                out.append(os.path.join(uno.fileUrlToSystemPath(url), "schemes"))
    return out


def summarise(desktop, folder, doc, set_id=None, skip=(), stopped=None, copy=None, packs=()):
    """Reads the calibration sheets of folder and writes the comparison into doc (a Calc
    document, its sheets replaced); returns the sentence saying what was found. packs: the
    folders of scheme files of the scheme packs whose sets count too (pack_folders). ValueError
    (with the sentence) when there is nothing to compare."""
    read, unread = read_folder(desktop, folder, skip=skip, stopped=stopped, copy=copy)
    vset = choose_set(read, set_id, packs)
    if vset is None:
        why = "; ".join("%s: %s" % (path, reason) for path, reason in unread[:3])
        more = "; and %d more" % (len(unread) - 3) if len(unread) > 3 else ""
        raise ValueError(NO_SHEETS % folder + (" (%s%s)" % (why, more) if why else ""))
    scheme = schemes.load(vset.scheme, vset.scheme_dir)
    version = scheme.version_at()
    columns = columns_of(version)
    responses = [
        calibration.Response(
            r["manager"],
            path,
            {vid: _answer(raw, columns) for vid, raw in r["rows"].items()},
            r["set"],
            r["scheme"],
        )
        for path, r in read
    ]
    kept, problems = calibration.screen(responses, vset.set, version.name)
    problems = unread + problems
    at = {path: r["scheme_at"] for path, r in read}
    scheme_at = next((at[r.path] for r in kept if at.get(r.path)), version.name)
    refs = [reference_of(v) for v in vset.vignettes]
    points, wrong = reference_points(doc, vset, scheme_at)
    problems += wrong
    comp = calibration.compare(refs, columns, kept, points, band_width(version), problems)
    write_summary(doc, vset, version, comp, scheme_at, len(kept))
    flagged = sum(1 for v in comp.vignettes if v.flag)
    whole = comp.columns[-1]
    sentence = (
        "Compared the calibration sheets of %s on %s: %d of %d cases for discussion; "
        "agreement on the whole coding: %s."
        % (
            "1 manager" if len(kept) == 1 else "%d managers" % len(kept),
            vset.title,
            flagged,
            len(comp.vignettes),
            "%.2f (%s)" % (whole.alpha, whole.alpha_reading)
            if whole.alpha is not None
            else whole.alpha_reading,
        )
    )
    if comp.problems:
        sentence += (
            " Not counted: %d files or cases, each with the reason on the sheet Not "
            "counted." % len(comp.problems)
        )
    return sentence, comp


# -- the command ----------------------------------------------------------------------------

NAME = "caseweight-calibrate"
USAGE = """caseweight-calibrate FOLDER OUT.ods: compares the managers' calibration sheets of FOLDER.

Every spreadsheet of FOLDER (not its subfolders) made from a Calibration exercise template is
read in a private headless LibreOffice with the extension; OUT.ods gets, per vignette, each
manager's coding and points, the spread, the reference coding and how many matched it, the
cases whose points range wider than the band (for discussion); per column the agreement between
managers beyond chance (Krippendorff's alpha, Fleiss' kappa) in plain words; per manager the
mean difference from the reference points; a chart; and every file or row not counted, with
the reason. The same as Tools > Add-Ons > caseweight: Compare Calibration Sheets... in Calc.
caseweight-share --pseudonymise-workers OUT.ods SHARED.ods replaces the managers' names.
Exit status: 0 every sheet counted, 1 the summary is written but something was not counted,
2 nothing could be compared or OUT could not be written, 130 on Ctrl+C, 143 on SIGTERM.
"""


def main():
    import argparse
    import tempfile
    import zipfile

    from caseweight import packing
    from caseweight.office import (
        SHARED_OFFICE,
        Office,
        add_oxt_option,
        ToolError,
        check_writable_folder,
        office_stopped,
        replace_file,
        same_file,
        store,
    )

    ap = argparse.ArgumentParser(
        prog=NAME,
        description=USAGE.split("\n\n")[0],
        epilog=USAGE.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("folder", help="the folder of the managers' calibration sheets")
    ap.add_argument("out", help="the summary to write (.ods)")
    ap.add_argument("--set", help="the vignette set compared (default: the set of most sheets)")
    ap.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="PACK.oxt",
        help="a scheme pack (caseweight-pack) whose schemes and sets of vignettes count too; "
        "installed beside caseweight in the office that compares",
    )
    add_oxt_option(ap)
    a = ap.parse_args()
    if not os.path.isdir(a.folder):
        raise ToolError("%s is not a folder" % a.folder)
    if not a.out.lower().endswith(".ods"):
        raise ToolError("%s: the summary is written as .ods" % a.out)
    why = check_writable_folder(a.out)
    if why:
        raise ToolError("cannot write %s: %s" % (a.out, why))
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    for pack in a.pack:
        if not os.path.isfile(pack):
            raise ToolError("%s: no such scheme pack" % pack)
        try:
            with zipfile.ZipFile(pack) as z:
                why = packing.not_a_pack(z)
        except (OSError, zipfile.BadZipFile) as e:
            why = str(e)
        if why:
            raise ToolError("%s is not a scheme pack: %s" % (pack, why))
    out = os.path.abspath(a.out)
    # The summary may replace an earlier summary, never a manager's sheet it was to read.
    read = [p for p, _, _ in ws.find_files(a.folder, subfolders=False)]
    if os.path.exists(out) and not is_summary(out) and any(same_file(p, out) for p in read):
        raise ToolError(
            "%s is a sheet of the folder compared, not a comparison: the summary would replace "
            "it; choose another name for the summary" % a.out
        )
    if a.pack:  # installed in the office: one of its own, never a shared one
        os.environ.pop(SHARED_OFFICE, None)
    with tempfile.TemporaryDirectory(prefix="caseweight-calibrate-") as tmp:
        packs = []
        for k, pack in enumerate(a.pack):
            packs.append(os.path.join(tmp, str(k), "schemes"))
            try:
                with zipfile.ZipFile(pack) as z:
                    z.extractall(os.path.join(tmp, str(k)))
            except (OSError, zipfile.BadZipFile) as e:
                raise ToolError("%s is not a scheme pack: %s" % (pack, e)) from None
        # the packs' schemes score the reference codings too: installed before it starts
        with Office(oxt=a.oxt, also=a.pack) as office:
            doc = office.new_calc()
            try:
                try:
                    with office.copies_in() as copy:
                        sentence, comp = summarise(
                            office.desktop,
                            a.folder,
                            doc,
                            a.set,
                            skip=[out],
                            stopped=office_stopped,
                            copy=copy,
                            packs=packs,
                        )
                except (ValueError, vignettes.VignetteError) as e:
                    raise ToolError(str(e)) from None
                tmp = office.doc_path("calibration-summary.ods")
                store(doc, tmp, "calc8")
            finally:
                doc.close(True)
            try:
                replace_file(tmp, out, inputs=[p for p in read if not same_file(p, out)])
            except OSError as e:
                raise ToolError("cannot write %s: %s" % (a.out, e.strerror or e)) from None
    print(sentence)
    print("wrote %s" % a.out)
    for path, reason in comp.problems:
        print("  %s: %s" % (path, reason))
    return 1 if comp.problems else 0


if __name__ == "__main__":
    from caseweight.office import run_tool

    run_tool(NAME, main)
