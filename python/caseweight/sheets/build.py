"""Builds the weighting-sheet templates (.ots) from the descriptions in this package.

One headless LibreOffice with the add-in installed builds them all (python/ on the path):
    /usr/bin/python3 -m caseweight.sheets.build --oxt build/addin/caseweight-addin.oxt \
        --out build/templates
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys

from caseweight import SOURCE_DIR
from caseweight.office import Office, store

from . import CALIBRATION, TEMPLATES, guide
from .cwtemplate import Engine, write_template


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oxt", required=True, help="the add-in package (without templates)")
    ap.add_argument("--out", required=True, help="folder for the .ots files")
    ap.add_argument("--only", action="append", help="build only these files (repeatable)")
    ap.add_argument("--stamp", help="file touched when every template is built")
    ap.add_argument("--guide", help="also write the getting-started guide (.ods) here")
    ap.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="offices building side by side (default: one per core)",
    )
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if not args.only:  # a template no longer described must not stay behind
        for old in glob.glob(os.path.join(args.out, "*.ots")):
            os.remove(old)
    every = TEMPLATES + CALIBRATION
    chosen = [t for t in every if not args.only or t.file in args.only]
    names = [t.file for t in every]
    if len(set(names)) != len(names):
        sys.exit("two templates share a file name")
    if args.jobs > 1 and len(chosen) > 1:
        # An office builds one template at a time: the others build theirs beside it, each in
        # an office of its own (this command again, on a share of the templates).
        shares = [chosen[k :: args.jobs] for k in range(min(args.jobs, len(chosen)))]
        runs = []
        for k, share in enumerate(shares):
            cmd = [sys.executable, "-m", "caseweight.sheets.build", "--jobs", "1"]
            cmd += ["--oxt", args.oxt, "--out", args.out]
            for t in share:
                cmd += ["--only", t.file]
            if args.guide and k == 0:
                cmd += ["--guide", args.guide]
            runs.append(subprocess.Popen(cmd))
        failed = [r.args for r in runs if r.wait() != 0]
        if failed:
            sys.exit("a template build failed: %s" % " ".join(failed[0]))
        if args.stamp:
            with open(args.stamp, "w") as f:
                f.write("\n".join(t.file + ".ots" for t in chosen) + "\n")
        return
    with Office(oxt=args.oxt) as office:
        engine = Engine(office)
        try:
            for t in chosen:
                tmp = office.doc_path(t.file + ".ots")
                write_template(office, engine, t, tmp)
                shutil.copyfile(tmp, os.path.join(args.out, t.file + ".ots"))
                print("built", t.file + ".ots")
            if args.guide:
                doc = guide.build(office, engine, TEMPLATES, SOURCE_DIR)
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
