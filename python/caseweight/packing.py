"""What a scheme pack is: the extension org.caseweight.schemes.NAME holding a council's scheme
files in schemes/ and, optionally, their worker sheets in templates/Caseweight/. Written by
caseweight-pack (caseweight.pack) and by Tools > Add-Ons > caseweight: Make a Scheme Pack...
(the extension's menu component); no office needed."""

import os
import re
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


def write_oxt(path, name, version, files, sheets=()):
    """The extension: the scheme files and the worker sheets (.ots files) with a Paths.xcu."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "description.xml",
            DESCRIPTION.format(identifier=PREFIX + name, version=version, name=name),
        )
        z.writestr("META-INF/manifest.xml", MANIFEST.format(entries=PATHS_ENTRY if sheets else ""))
        for f in files:
            z.write(f, "schemes/" + os.path.basename(f))
        if sheets:
            z.writestr("Paths.xcu", PATHS_XCU)
            for ots in sheets:
                z.write(ots, "templates/%s/%s" % (CATEGORY, os.path.basename(ots)))
