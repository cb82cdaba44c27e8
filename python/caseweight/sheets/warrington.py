"""Warrington workload management scheme for social work teams, February 2014: every
workload has a stable element, cases and extra responsibilities; a workload weight
of a point per whole so many case points is added; the total is set against the capacity of
the worker's grade, pro rata.

The sheet is made from schemes/warrington.toml alone by the builder of any scheme file
(scheme_sheet.py): its codes, points, grades and capacities from the file's tables, its
layout (header fields, the columns of the paper sheet, the extra responsibilities, the totals'
words) from the file's [sheet] table.
"""

from caseweight import schemes

from . import scheme_sheet

SCHEME = schemes.of_file("warrington")
S = SCHEME.name
V = SCHEME.version_at()  # the version in force when the templates are built
PER_CHILD = [c for c in V.codes(group="case") if V.item(c).get("per") == "child"]

workload = scheme_sheet.template(SCHEME)

TEMPLATES = [workload]
