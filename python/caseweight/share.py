"""caseweight-share IN OUT: writes a values-only copy of a weighting sheet for sharing.

The copy (OUT: .ods or .xlsx) has every formula replaced by its result and a first sheet
saying so, so colleagues without the caseweight extension see the same numbers. It carries no
macros, dialogs, scripts, document events or links to other files. IN is not changed: OUT must
not be IN itself (nor a link to it), and OUT is written through a temporary file in its folder
renamed into place, so it is never left half written. Runs a private headless LibreOffice with
the extension (the same code as the menu entry Tools > Add-Ons > Save Values-Only Copy for
Sharing...).
With --pseudonymise (menu: Save Pseudonymised Copy for Sharing...) children's and families'
names and every free text are replaced by references ("Case 07", "Text 03": the same text, the
same reference; on a sheet made from a template exactly the cells it declares as names and
free text, its labels kept), comments, headers and footers, document properties, hidden sheets
and other names removed, and the texts of data validations, charts' titles, the names and alt
texts of charts and pictures, number formats holding text and style names made neutral;
--pseudonymise-workers replaces workers' names too ("Worker 03").
Exit status: 0 the copy is written, 2 it could not be (IN not readable or not a spreadsheet,
OUT not writable or the same file as IN), 130 on Ctrl+C, 143 on SIGTERM.
"""

import argparse
import os

from caseweight.office import (
    add_oxt_option,
    Office,
    ToolError,
    check_input,
    check_writable_folder,
    file_url,
    load_spreadsheet,
    replace_file,
    run_tool,
    same_file,
)

NAME = "caseweight-share"


def main():
    ap = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0])
    ap.add_argument("input", help="the weighting sheet (.ods, .fods, .xlsx)")
    ap.add_argument("output", help="the copy to write (.ods or .xlsx)")
    add_oxt_option(ap, "the extension to use")
    ap.add_argument(
        "--pseudonymise",
        action="store_true",
        help="replace children's and families' names and free text by references",
    )
    ap.add_argument(
        "--pseudonymise-workers",
        action="store_true",
        help="as --pseudonymise, and replace workers' names too",
    )
    a = ap.parse_args()
    mode = 2 if a.pseudonymise_workers else 1 if a.pseudonymise else 0
    ext = os.path.splitext(a.output)[1].lower()
    if ext not in (".ods", ".xlsx"):
        raise ToolError("the copy must be .ods or .xlsx: %s" % a.output)
    check_input(a.input, "there is nothing to copy")
    if same_file(a.input, a.output):
        raise ToolError(
            "the copy %s would replace the sheet %s itself; choose another name"
            % (a.output, a.input)
        )
    reason = check_writable_folder(a.output)
    if reason:
        raise ToolError("cannot write %s: %s" % (a.output, reason))
    if not os.path.exists(a.oxt):
        raise ToolError("build the extension first (%s missing)" % a.oxt)
    with Office(oxt=a.oxt) as office:
        out = office.doc_path("caseweight-share-copy" + ext)
        doc = load_spreadsheet(office, a.input)
        try:
            n = office.run_basic("Caseweight.Share.WriteValuesOnlyCopy", doc, file_url(out), mode)
        finally:
            doc.close(True)
        if isinstance(n, str):
            raise ToolError("the copy could not be written: " + " ".join(n.split()))
        try:
            replace_file(out, a.output, inputs=[a.input])
        except OSError as e:
            raise ToolError("cannot write %s: %s" % (a.output, e.strerror or e)) from None
    what = "pseudonymised values-only copy" if mode else "values-only copy"
    print("%s: %s of %s (%d formula results fixed)" % (a.output, what, a.input, n))
    return 0


if __name__ == "__main__":
    run_tool(NAME, main)
