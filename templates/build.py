#!/usr/bin/python3
"""Builds the weighting-sheet templates (.ots) from the descriptions in this folder.

One headless LibreOffice with the add-in installed builds them all:
    /usr/bin/python3 templates/build.py --oxt build/addin/caseweight-addin.oxt --out build/templates
"""

import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

try:
    import caseweight  # noqa: F401
except ModuleNotFoundError:
    # Run as a plain script (the build runs it so): again, with python/ on PYTHONPATH.
    paths = [os.path.join(HERE, "..", "python")] + [
        p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p
    ]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    os.execv(sys.executable, [sys.executable] + sys.argv)

from caseweight.office import Office, store  # noqa: E402
from cwtemplate import Builder, Engine  # noqa: E402

import guide  # noqa: E402
import notts  # noqa: E402
import rbwm  # noqa: E402
import swindon  # noqa: E402
import warrington  # noqa: E402

TEMPLATES = swindon.TEMPLATES + rbwm.TEMPLATES + notts.TEMPLATES + warrington.TEMPLATES


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", required=True, help="the add-in package (without templates)")
    ap.add_argument("--out", required=True, help="folder for the .ots files")
    ap.add_argument("--only", action="append", help="build only these files (repeatable)")
    ap.add_argument("--stamp", help="file touched when every template is built")
    ap.add_argument("--guide", help="also write the getting-started guide (.ods) here")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    chosen = [t for t in TEMPLATES if not args.only or t.file in args.only]
    names = [t.file for t in TEMPLATES]
    if len(set(names)) != len(names):
        sys.exit("two templates share a file name")
    with Office(oxt=args.oxt) as office:
        engine = Engine(office)
        try:
            for t in chosen:
                builder = Builder(office, engine, t)
                try:
                    builder.build()
                    tmp = office.doc_path(t.file + ".ots")
                    store(builder.doc, tmp, "calc8_template")
                finally:
                    builder.doc.close(True)
                shutil.copyfile(tmp, os.path.join(args.out, t.file + ".ots"))
                print("built", t.file + ".ots")
            if args.guide:
                doc = guide.build(office, engine, TEMPLATES, os.path.join(HERE, ".."))
                try:
                    tmp = office.doc_path("getting-started.ods")
                    store(doc, tmp, "calc8")
                finally:
                    doc.close(True)
                os.makedirs(os.path.dirname(os.path.abspath(args.guide)), exist_ok=True)
                shutil.copyfile(tmp, args.guide)
                print("built", os.path.basename(args.guide))
        finally:
            engine.close()
    if args.stamp:
        with open(args.stamp, "w") as f:
            f.write("\n".join(t.file + ".ots" for t in chosen) + "\n")


if __name__ == "__main__":
    main()
