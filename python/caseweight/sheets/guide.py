"""The getting-started guide a manager opens from Tools > Add-Ons > caseweight: Getting Started.

A read-only spreadsheet: what caseweight does, how to start a sheet from a template, how to fill
it in and share it, a picture of a filled sheet, and every function with its wizard texts. The
template titles and the function texts are read from where they live (the template descriptions
and the installed add-in), so the guide never lists them a second time.
"""

import os

import uno
from com.sun.star.awt import Point, Size

HEADER = 0x1F4E79
ADD_IN = 11  # the Function Wizard's category of add-in functions (ID_FUNCTION_GRP_ADDINS)
WHITE = 0xFFFFFF

STEPS = [
    (
        "What it does",
        "caseweight scores a social worker's caseload under the council's weighting scheme "
        "(the schemes of the templates below). A code, count or share the scheme does not allow "
        "shows an error instead of a wrong number, and the sheet says why.",
    ),
    (
        "1. Start a sheet",
        "File > New > Templates, folder Caseweight: pick your council's sheet (listed below). It "
        "opens as a new, untitled workbook; save it under the worker's name and month.",
    ),
    (
        "2. Fill it in",
        "One row per case. Pick codes from the drop-down lists (or type them as listed). "
        "Children: how many children the row covers. Co-work share: the worker's part of a shared "
        "case, 0.5 for half. The Check column says OK, or what is wrong and what to do; such a "
        "row turns red. Totals and the band follow as you type; under the totals a line says why "
        "a total shows an error.",
    ),
    (
        "3. Share it",
        "Colleagues without caseweight see #NAME? in its cells. Tools > Add-Ons > Save Values-Only "
        "Copy for Sharing writes a copy whose formulas are replaced by their results, without "
        "macros; it keeps the children's and workers' names, so share it only within the team. "
        "To share beyond the team, use Tools > Add-Ons > Save Pseudonymised Copy for Sharing: "
        "the same copy with names and other typed text replaced by references (Case 01, "
        "Text 01 ...), and workers' names too if you choose. The original stays as it is.",
    ),
    (
        "4. Your own formulas",
        "Insert > Function, category Add-In, or type them: =CASEPOINTS(scheme; codes; children). "
        'CASEREASON("FUNCTION"; its arguments) explains any Err:502. Every function is listed '
        "below with what the Function Wizard says of it.",
    ),
    (
        "5. Score alike",
        "A calibration exercise checks that managers read the scheme alike. Each manager opens "
        "the Calibration exercise sheet of the scheme (File > New > Templates, folder "
        "Caseweight), codes its cases on their own and saves it into one shared folder. Then "
        "Tools > Add-Ons > caseweight: Compare Calibration Sheets... (or caseweight-calibrate) "
        "shows each manager's coding beside the reference, how far the managers agree, and the "
        "cases to discuss.",
    ),
]
PICTURE = os.path.join("docs", "templates", "swindon-children-filled.png")


def build(office, engine, templates, source_dir):
    """A new Calc document holding the guide; the caller stores and closes it."""
    doc = office.new_calc()
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Getting started"
    doc.DocumentProperties.Title = "caseweight: getting started"
    cols = sheet.Columns
    cols.getByIndex(0).Width = 4200
    cols.getByIndex(1).Width = 17000
    cols.getByIndex(2).Width = 9000

    def put(row, col, text, bold=False, size=10, colour=None, wrap=True):
        cell = sheet.getCellByPosition(col, row)
        cell.setString(text)
        cell.CharHeight = size
        cell.IsTextWrapped = wrap
        cell.VertJustify = uno.Enum("com.sun.star.table.CellVertJustify", "TOP")
        if bold:
            cell.CharWeight = 150.0
        if colour is not None:
            cell.CellBackColor = colour
            cell.CharColor = WHITE
        return cell

    put(0, 0, "caseweight: getting started", bold=True, size=16, wrap=False)
    row = 2
    for title, text in STEPS:
        put(row, 0, title, bold=True)
        put(row, 1, text)
        row += 1
    row += 1
    put(row, 0, "Templates", bold=True, colour=HEADER)
    put(row, 1, "File > New > Templates > Caseweight", bold=True, colour=HEADER)
    row += 1
    for t in templates:
        put(row, 0, t.scheme)
        put(row, 1, t.title)
        row += 1
    row += 1
    put(row, 0, "Function", bold=True, colour=HEADER)
    put(row, 1, "What it returns, and its arguments ([optional])", bold=True, colour=HEADER)
    row += 1
    for name, description, arguments in functions(office, engine):
        put(row, 0, name, bold=True)
        args = "; ".join("[%s]" % a.Name if a.IsOptional else a.Name for a in arguments)
        lines = ["%s(%s)" % (name, args), description]
        lines += ["%s: %s" % (a.Name, a.Description) for a in arguments]
        put(row, 1, "\n".join(lines))
        row += 1
    sheet.getRows().OptimalHeight = True

    # A filled sheet, beside the steps, as the docs picture it.
    picture = os.path.join(source_dir, PICTURE)
    if os.path.exists(picture):
        shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
        shape.GraphicURL = uno.systemPathToFileUrl(picture)
        sheet.DrawPage.add(shape)
        shape.Size = Size(14000, 9900)
        shape.Position = Point(4200 + 17000 + 600, 1000)
        # embedded, so the guide does not depend on the file it was made from
        shape.Graphic = shape.Graphic
    # Printed (or exported) one page wide, landscape, like the sheets it explains.
    style = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    style.IsLandscape = True
    style.Width, style.Height = 29700, 21000
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 0
    doc.calculateAll()
    return doc


def functions(office, engine):
    """(name, description, arguments) of every caseweight function, as the wizard shows it."""
    descs = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.sheet.FunctionDescriptions", office.ctx
    )
    out = []
    for i in range(descs.getCount()):
        p = {x.Name: x.Value for x in descs.getByIndex(i)}
        if p["Category"] != ADD_IN:  # only add-in functions need asking
            continue
        if engine.is_addin_function(p["Name"]) or p["Name"] == "CASEREASON":
            out.append((p["Name"], p["Description"], p["Arguments"]))
    return sorted(out)
