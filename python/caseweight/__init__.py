"""caseweight's Python side: the weighting-sheet templates, the command-line tools; the
benchmarks and the tests import it from python/ (on PYTHONPATH; the tools in tools/ set it
themselves).

    caseweight.office    a private headless LibreOffice (Office) and the tools' helpers
    caseweight.schemes   the weighting schemes' data files (schemes/*.toml)
    caseweight.evaluate  formulas evaluated in a scratch sheet of a running office
    caseweight.fods      flat ODF spreadsheets written directly, for large test workbooks
    caseweight.sheets    the weighting-sheet templates and their builder (sheets.build)
    caseweight.score, .share, .audit, .rollup, .county, .pack, .calibrate   the commands in
                         tools/
    caseweight.worker_sheet  the one reader of workers' sheets (the roll-up's and the team
                         refresh's); caseweight.team the team refresh (Tools > Add-Ons), which
                         the extension ships with worker_sheet and inputs and runs in the
                         user's office
    caseweight.agreement  Krippendorff's alpha and Fleiss' kappa; caseweight.calibration the
                         comparison of a calibration exercise's sheets (both without an office)
    caseweight.vignettes  the sets of calibration vignettes (schemes/vignettes/*.toml);
                         caseweight.calibrate reads the managers' calibration sheets and writes
                         the comparison (caseweight-calibrate and the menu entry)

Run it with /usr/bin/python3: the office's `uno` module is Debian's python3-uno.
"""

import os

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
