"""Writes flat ODF spreadsheets (.fods) directly, for large generated test and benchmark
workbooks: filling thousands of cells through the office API is slow (setFormulaArray over
single cells grows quadratically), loading a prepared file is not.

    write_fods(path, {"Sheet1": [["CP", 2, Formula('of:=ORG.CASEWEIGHT.ADDIN.CASEPOINTS(...)')]]})

Rows are lists of cells: None (empty), a number, a text, Formula("of:=...") in ODF syntax
(references as [.A1], ranges [.D8:.H8], other sheets [$Points.$A$2:.$B$40]) or Error().
"""

from xml.sax.saxutils import escape, quoteattr

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


class Formula(str):
    """A formula in ODF syntax, starting with "of:="."""


class Error:
    """A cell that shows an error value (a formula that divides by zero)."""


def _cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, Formula):
        return "<table:table-cell table:formula=%s/>" % quoteattr(value)
    if isinstance(value, Error):
        return '<table:table-cell table:formula="of:=1/0"/>'
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        return '<table:table-cell office:value-type="float" office:value="%r"/>' % float(value)
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % (
        escape(str(value))
    )


def write_fods(path, sheets):
    """sheets: {name: [row, ...]} in order; each row a list of cells (see the module text)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for name, rows in sheets.items():
            out.write("<table:table table:name=%s>\n" % quoteattr(name))
            for row in rows:
                out.write("<table:table-row>%s</table:table-row>\n" % "".join(map(_cell, row)))
            out.write("</table:table>\n")
        out.write(TAIL)


def cells_of(addresses):
    """(column, row) of every cell of a sequence of CellRangeAddress (what a query such as
    queryContentCells or queryFormulaCells finds), area by area, row by row."""
    for a in addresses:
        for r in range(a.StartRow, a.EndRow + 1):
            for c in range(a.StartColumn, a.EndColumn + 1):
                yield c, r


def col(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        name = chr(65 + r) + name
    return name
