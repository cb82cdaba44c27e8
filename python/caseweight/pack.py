"""caseweight-pack --name NAME OUT.oxt FILE.toml...: packs a council's scheme files as an extension.

Checks the files first with `caseweight-scheme check` (every mistake is printed as
`file:line: sentence` and nothing is written), then writes OUT.oxt: a small LibreOffice
extension with the identifier org.caseweight.schemes.NAME holding the files in its folder
schemes/. Installed beside caseweight (Tools > Extension Manager, or `unopkg add OUT.oxt`;
for every user of the computer `unopkg add --shared OUT.oxt`), its schemes are read when Calc
next starts. OUT is written through a temporary file in its folder renamed into place.
The checker is --checker PATH, else caseweight-scheme in the source's build folder, else on
PATH. See docs/schemes.md.
Exit status: 0 the extension is written, 2 it is not (a mistake in a file, a file not
readable, OUT not writable), 130 on Ctrl+C.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from caseweight import SOURCE_DIR
from caseweight.office import ToolError, check_writable_folder, replace_file, run_tool

NAME = "caseweight-pack"
PREFIX = "org.caseweight.schemes."
CHECKER = "caseweight-scheme"

DESCRIPTION = """<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006"
             xmlns:d="http://openoffice.org/extensions/description/2006"
             xmlns:lo="http://libreoffice.org/extensions/description/2011"
             xmlns:xlink="http://www.w3.org/1999/xlink">
  <identifier value="{identifier}"/>
  <version value="{version}"/>
  <dependencies>
    <lo:LibreOffice-minimal-version value="7.4" d:name="LibreOffice 7.4"/>
  </dependencies>
  <display-name>
    <name lang="en">caseweight schemes: {name}</name>
  </display-name>
</description>
"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
</manifest:manifest>
"""


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


def write_oxt(path, name, version, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "description.xml",
            DESCRIPTION.format(identifier=PREFIX + name, version=version, name=name),
        )
        z.writestr("META-INF/manifest.xml", MANIFEST)
        for f in files:
            z.write(f, "schemes/" + os.path.basename(f))


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
        help="pack the files unchecked (for testing how Calc shows a broken file only)",
    )
    ap.add_argument("output", help="the extension to write (.oxt)")
    ap.add_argument("files", nargs="+", metavar="FILE.toml", help="the scheme files")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*", a.name):
        raise ToolError(
            "the name %r may hold only lower-case letters, digits, '-' and '.' (e.g. kent)" % a.name
        )
    if not re.fullmatch(r"[0-9]+(\.[0-9]+){0,3}", a.version):
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

    if not a.no_check:
        check_files(find_checker(a.checker), a.files)

    with tempfile.TemporaryDirectory(prefix="caseweight-pack-") as tmp:
        built = os.path.join(tmp, "pack.oxt")
        try:
            write_oxt(built, a.name, a.version, a.files)
        except OSError as e:
            raise ToolError("cannot read the files: %s" % (e.strerror or e)) from None
        try:
            replace_file(built, a.output, inputs=a.files)
        except OSError as e:
            raise ToolError("cannot write %s: %s" % (a.output, e.strerror or e)) from None
    print(
        "%s: extension %s%s %s with %s"
        % (a.output, PREFIX, a.name, a.version, ", ".join(os.path.basename(f) for f in a.files))
    )
    return 0


if __name__ == "__main__":
    run_tool(NAME, main)
