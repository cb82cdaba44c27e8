"""caseweight-pack --name NAME OUT.oxt FILE.toml...: packs a council's scheme files as an extension.

Checks the files first with `caseweight-scheme check` (every mistake is printed as
`file:line: sentence` and nothing is written), then writes OUT.oxt: a small LibreOffice
extension with the identifier org.caseweight.schemes.NAME holding the files in its folder
schemes/ and, for every scheme the files define (not for files of amendments only), its worker
sheet: a Calc template made from the scheme file (caseweight.sheets.scheme_sheet, refined by
the file's [sheet] table) in templates/Caseweight/, which a Paths.xcu adds to File > New >
Templates, category Caseweight (beside caseweight's own templates). The sheets are built in a
headless LibreOffice with caseweight (--oxt, default the build's caseweight.oxt) and the
files installed; --no-sheet packs the files alone. Installed beside caseweight (Tools >
Extension Manager, or `unopkg add OUT.oxt`; for every user of the computer
`unopkg add --shared OUT.oxt`), its schemes are read and its sheets listed when LibreOffice
next starts. OUT is written through a temporary file in its folder renamed into place.
A file of calibration vignettes (docs/calibration.md) among the files goes into the pack's
schemes/vignettes/ with its calibration sheet, checked against the pack's schemes or the
built-in ones.
The checker is --checker PATH, else caseweight-scheme in the source's build folder, else on
PATH. See docs/schemes.md.
Exit status: 0 the extension is written, 2 it is not (a mistake in a file, a sheet that cannot
be made, a file not readable, OUT not writable), 130 on Ctrl+C, 143 on SIGTERM.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from caseweight import SOURCE_DIR
from caseweight.office import (
    add_oxt_option,
    ToolError,
    check_writable_folder,
    replace_file,
    run_tool,
)
from caseweight.packing import (
    PREFIX,
    PackError,
    defined_schemes,
    sheet_templates,
    split,
    vignette_sets,
    valid_name,
    valid_version,
    write_oxt,
)

NAME = "caseweight-pack"
CHECKER = "caseweight-scheme"


def find_checker(given):
    """The caseweight-scheme to run: given, else the build's, else the one on PATH."""
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            raise ToolError("the checker %s is not an executable file" % given)
        return given
    for build in ("build", "build-release"):
        path = os.path.join(SOURCE_DIR, build, CHECKER)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    path = shutil.which(CHECKER)
    if path:
        return path
    raise ToolError(
        "%s not found (build it, put it on PATH, or give --checker PATH); "
        "the files were not checked, nothing written" % CHECKER
    )


def check_files(checker, files):
    """Runs `checker check FILE...`; raises ToolError after printing the mistakes."""
    try:
        proc = subprocess.run(
            [checker, "check"] + files,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ToolError("could not run %s: %s" % (checker, e)) from None
    if proc.returncode == 0:
        return
    mistakes = [line for line in proc.stdout.splitlines() if line.strip()]
    for line in mistakes:
        print(line, file=sys.stderr)
    if proc.returncode == 1:
        raise ToolError(
            "%d mistake%s in the files; nothing written"
            % (len(mistakes), "" if len(mistakes) == 1 else "s")
        )
    raise ToolError(
        "%s stopped with status %d; nothing written" % (os.path.basename(checker), proc.returncode)
    )


def build_sheets(oxt, files, templates, folder):
    """Builds each template in a headless office with caseweight (oxt) and the files (packed
    unchecked) installed; returns the .ots files written in `folder`."""
    from caseweight.office import SHARED_OFFICE, Office, OfficeError
    from caseweight.sheets.cwtemplate import Engine, write_template

    plain = os.path.join(folder, "schemes-only.oxt")
    write_oxt(plain, "sheet-build", "1.0", files)
    os.environ.pop(SHARED_OFFICE, None)  # the files must be installed: an office of its own
    out = []
    try:
        with Office(oxt=oxt, also=[plain]) as office:
            engine = Engine(office)
            try:
                for t in templates:
                    tmp = office.doc_path(t.file + ".ots")
                    write_template(office, engine, t, tmp)
                    out.append(os.path.join(folder, t.file + ".ots"))
                    shutil.copyfile(tmp, out[-1])
                    print("built the sheet %s.ots (%s)" % (t.file, t.title))
            finally:
                engine.close()
    except (OfficeError, ValueError) as e:
        raise ToolError("could not build the worker sheets: %s; nothing written" % e) from None
    return out


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument(
        "--name",
        required=True,
        help="the pack's name, e.g. kent: the extension is %sNAME" % PREFIX,
    )
    ap.add_argument("--version", default="1.0", help="the extension's version (default 1.0)")
    ap.add_argument("--checker", help="the caseweight-scheme program that checks the files")
    ap.add_argument(
        "--no-check",
        action="store_true",
        help="pack the files unchecked, without sheets (for testing how Calc shows a broken "
        "file only)",
    )
    ap.add_argument(
        "--no-sheet",
        action="store_true",
        help="pack the scheme files alone, without their worker sheets (no office needed)",
    )
    add_oxt_option(ap, "caseweight.oxt, installed in the office that builds the sheets")
    ap.add_argument("output", help="the extension to write (.oxt)")
    ap.add_argument("files", nargs="+", metavar="FILE.toml", help="the scheme files")
    a = ap.parse_args()

    if not valid_name(a.name):
        raise ToolError(
            "the name %r may hold only lower-case letters, digits, '-' and '.' (e.g. kent)" % a.name
        )
    if not valid_version(a.version):
        raise ToolError("the version %r must be numbers with dots, e.g. 1.0 or 2.1.3" % a.version)
    if not a.output.lower().endswith(".oxt"):
        raise ToolError("the extension must be a .oxt file: %s" % a.output)
    seen = {}
    for f in a.files:
        base = os.path.basename(f)
        if not base.lower().endswith(".toml"):
            raise ToolError("%s is not a .toml scheme file" % f)
        if not os.path.isfile(f):
            raise ToolError("%s: no such file" % f)
        if not os.access(f, os.R_OK):
            raise ToolError("%s is not readable" % f)
        if base in seen:
            raise ToolError(
                "%s and %s have the same name; a pack holds one of each" % (seen[base], f)
            )
        seen[base] = f
    reason = check_writable_folder(a.output)
    if reason:
        raise ToolError("cannot write %s: %s" % (a.output, reason))

    scheme_files, set_files = split(a.files)
    if not a.no_check and scheme_files:
        check_files(find_checker(a.checker), scheme_files)

    with tempfile.TemporaryDirectory(prefix="caseweight-pack-") as tmp:
        sheets = []
        if not (a.no_check or a.no_sheet):
            os.makedirs(os.path.join(tmp, "schemes"))
            try:
                defined = defined_schemes(scheme_files, os.path.join(tmp, "schemes"))
                sets = vignette_sets(set_files, os.path.join(tmp, "schemes"))
                templates = sheet_templates(defined, sets)
            except OSError as e:
                raise ToolError("cannot read the files: %s" % (e.strerror or e)) from None
            except PackError as e:
                if e.detail:
                    print(e.detail, file=sys.stderr)
                raise ToolError(str(e)) from None
            if templates:
                if not os.path.isfile(a.oxt):
                    raise ToolError(
                        "%s not found: build caseweight, give --oxt PATH, or --no-sheet to pack "
                        "the files without their worker sheets; nothing written" % a.oxt
                    )
                os.makedirs(os.path.join(tmp, "sheets"))
                sheets = build_sheets(a.oxt, scheme_files, templates, os.path.join(tmp, "sheets"))
        built = os.path.join(tmp, "pack.oxt")
        try:
            write_oxt(built, a.name, a.version, scheme_files, sheets, set_files)
        except OSError as e:
            raise ToolError("cannot read the files: %s" % (e.strerror or e)) from None
        try:
            replace_file(built, a.output, inputs=a.files)
        except OSError as e:
            raise ToolError("cannot write %s: %s" % (a.output, e.strerror or e)) from None
    print(
        "%s: extension %s%s %s with %s"
        % (
            a.output,
            PREFIX,
            a.name,
            a.version,
            ", ".join(os.path.basename(f) for f in a.files + sheets),
        )
    )
    return 0


if __name__ == "__main__":
    run_tool(NAME, main)
