"""What a scheme pack is: the extension org.caseweight.schemes.NAME holding a council's scheme
files in schemes/ and, optionally, their worker sheets in templates/Caseweight/. Written by
caseweight-pack (caseweight.pack) and by Tools > Add-Ons > caseweight: Make a Scheme Pack...
(the extension's menu component). The schemes a pack's files define and their worker sheets'
templates are worked out here too; building the sheets needs an office with the add-in and
the files loaded (caseweight-pack starts one, the menu uses the user's)."""

import os
import re
import shutil
import tomllib
import zipfile

PREFIX = "org.caseweight.schemes."

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
{entries}</manifest:manifest>
"""

PATHS_ENTRY = """  <manifest:file-entry manifest:full-path="Paths.xcu"
                       manifest:media-type="application/vnd.sun.star.configuration-data"/>
"""

# The pack's templates folder in the template paths, as caseweight.oxt adds its own
# (templates/Paths.xcu): both have a sub-folder Caseweight, which File > New > Templates shows
# as one category holding the templates of both.
PATHS_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:component-data xmlns:oor="http://openoffice.org/2001/registry"
                    xmlns:xs="http://www.w3.org/2001/XMLSchema"
                    oor:name="Paths" oor:package="org.openoffice.Office">
  <node oor:name="Paths">
    <node oor:name="Template" oor:op="fuse">
      <node oor:name="InternalPaths">
        <node oor:name="%origin%/templates" oor:op="fuse"/>
      </node>
    </node>
  </node>
</oor:component-data>
"""
CATEGORY = "Caseweight"  # the template category (folder) of caseweight's sheets


class PackError(ValueError):
    """Why a pack cannot be made; `detail`: the lines that say where, if any."""

    def __init__(self, message, detail=None):
        super().__init__(message)
        self.detail = detail


def valid_name(name):
    """Whether name may follow org.caseweight.schemes.: "kent", "rbwm-court"."""
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*", name))


def valid_version(version):
    return bool(re.fullmatch(r"[0-9]+(\.[0-9]+){0,3}", version))


def name_for(files):
    """A pack name from the first file's name: "Kent Scheme 2027.toml" -> "kent-scheme-2027"."""
    stem = os.path.splitext(os.path.basename(files[0]))[0].lower()
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", stem)).strip("-") or "scheme"


def next_version(installed):
    """The version after an installed one ("1.0" -> "1.1"), so that the Extension Manager offers
    the new pack as an update; "1.0" when none is installed."""
    if not installed or not valid_version(installed):
        return "1.0"
    parts = installed.split(".")
    if len(parts) == 1:
        parts.append("0")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


def write_oxt(path, name, version, files, sheets=(), vignettes=()):
    """The extension: the scheme files, the sets of vignettes (in schemes/vignettes/) and the
    sheets (.ots files) with a Paths.xcu."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "description.xml",
            DESCRIPTION.format(identifier=PREFIX + name, version=version, name=name),
        )
        z.writestr("META-INF/manifest.xml", MANIFEST.format(entries=PATHS_ENTRY if sheets else ""))
        for f in files:
            z.write(f, "schemes/" + os.path.basename(f))
        for f in vignettes:
            z.write(f, "schemes/vignettes/" + os.path.basename(f))
        if sheets:
            z.writestr("Paths.xcu", PATHS_XCU)
            for ots in sheets:
                z.write(ots, "templates/%s/%s" % (CATEGORY, os.path.basename(ots)))


def not_a_pack(z):
    """Why the open zip z is not a scheme pack, or None when it is one: an extension whose
    identifier starts with PREFIX, holding scheme files or sets of vignettes (schemes/,
    schemes/vignettes/)."""
    names = set(z.namelist())
    if "description.xml" not in names:
        return "it is not an extension (it has no description.xml)"
    found = re.search(
        r'<identifier\s+value="([^"]*)"', z.read("description.xml").decode("utf-8", "replace")
    )
    if not found or not found.group(1).startswith(PREFIX):
        return "its identifier is not %sNAME" % PREFIX
    if not any(re.fullmatch(r"schemes/(vignettes/)?[^/]+\.toml", n) for n in names):
        return "it holds no scheme file and no set of vignettes (schemes/*.toml)"
    return None


def split(files):
    """(scheme files, files of sets of vignettes) of a pack's .toml files."""
    from caseweight import vignettes

    sets = [f for f in files if vignettes.is_vignette_file(f)]
    return [f for f in files if f not in sets], sets


def vignette_sets(files, folder):
    """The sets of vignettes of the files, each checked against its scheme: the pack's own (its
    scheme files copied to `folder` by defined_schemes) or a built-in one."""
    from caseweight import vignettes

    out = []
    for f in files:
        try:
            out.append(vignettes.load_file(f, folder))
        except vignettes.VignetteError as e:
            raise PackError(str(e)) from None
    return out


def defined_schemes(files, folder):
    """The schemes the files define (not files of amendments only), each read with the pack's
    amendments of it: the files are copied to `folder` and read from there."""
    from caseweight import schemes

    copies = []
    for f in files:
        copies.append(os.path.join(folder, os.path.basename(f)))
        shutil.copyfile(f, copies[-1])
    out = []
    for path in copies:
        try:
            with open(path, "rb") as f:
                defines = "name" in tomllib.load(f)
            if defines:
                out.append(schemes.load_file(path, folder))
        except tomllib.TOMLDecodeError as e:
            raise PackError("%s: %s" % (path, e)) from None
        except schemes.SchemeError as e:
            raise PackError(str(e)) from None
    return out


def sheet_templates(defined, sets=()):
    """The worker sheets' templates of the schemes, then the calibration sheets of the sets of
    vignettes; refuses a [sheet] table with a mistake, and a file name or title the shipped
    templates or another sheet of the pack already have (File > New > Templates would show
    one of the two)."""
    from caseweight.sheets import CALIBRATION, TEMPLATES, calibration_sheet, scheme_layout
    from caseweight.sheets import scheme_sheet

    out = []
    shipped = TEMPLATES + CALIBRATION
    taken = {t.file: "one of caseweight's templates" for t in shipped}
    titles = {t.title: "one of caseweight's templates" for t in shipped}
    made = [
        (s, scheme_sheet.templates, "worker sheet", "give [sheet] %s another one") for s in defined
    ]
    made += [
        (
            v,
            lambda v: [calibration_sheet.template(v)],
            "calibration sheet",
            "give the set another id",
        )
        for v in sets
    ]
    for source, make, sheet, fix in made:
        try:
            made_here = make(source)
        except scheme_layout.LayoutError as e:
            raise PackError("a mistake in the [sheet] table; nothing written", str(e)) from None
        where = os.path.basename(source.path)
        for t in made_here:
            for key, seen, what in ((t.file, taken, "file"), (t.title, titles, "template")):
                if key in seen:
                    raise PackError(
                        "%s: the %s's %s %r is %s too; %s; nothing written"
                        % (where, sheet, what, key, seen[key], fix.replace("%s", what))
                    )
                seen[key] = "the sheet of " + where
            out.append(t)
    return out
