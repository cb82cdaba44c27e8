REM Values-only copies of a weighting sheet, for colleagues without the caseweight extension.
REM Without it, Calc shows #NAME? in every cell that calls CASEPOINTS and friends; a copy
REM whose formulas are replaced by their results opens the same everywhere.
Option Explicit

Const NOTE_SHEET = "About this copy"

REM Tools > Add-Ons > Save Values-Only Copy for Sharing...
Sub SaveValuesOnlyCopy()
	Dim oDoc As Object
	oDoc = ThisComponent
	If IsNull(oDoc) Or Not oDoc.supportsService("com.sun.star.sheet.SpreadsheetDocument") Then
		MsgBox "Open the weighting sheet (a spreadsheet) first.", 48, "caseweight"
		Exit Sub
	End If
	Dim oPicker As Object
	oPicker = CreateUnoService("com.sun.star.ui.dialogs.FilePicker")
	oPicker.initialize(Array(com.sun.star.ui.dialogs.TemplateDescription.FILESAVE_AUTOEXTENSION))
	oPicker.appendFilter("ODF Spreadsheet (.ods)", "*.ods")
	oPicker.appendFilter("Excel 2007-365 (.xlsx)", "*.xlsx")
	oPicker.setCurrentFilter("ODF Spreadsheet (.ods)")
	oPicker.setDefaultName(BaseName(oDoc) & " (values only)")
	If oPicker.execute() <> com.sun.star.ui.dialogs.ExecutableDialogResults.OK Then Exit Sub
	Dim sUrl As String
	sUrl = oPicker.getFiles()(0)
	If LCase(Right(sUrl, 5)) <> ".xlsx" And LCase(Right(sUrl, 4)) <> ".ods" Then
		If oPicker.getCurrentFilter() = "Excel 2007-365 (.xlsx)" Then sUrl = sUrl & ".xlsx" Else sUrl = sUrl & ".ods"
	End If
	Dim vResult
	vResult = WriteValuesOnlyCopy(oDoc, sUrl)
	If VarType(vResult) = V_STRING Then
		MsgBox "The copy could not be written: " & vResult, 16, "caseweight"
		Exit Sub
	End If
	MsgBox "Saved a values-only copy with " & vResult & " formula results fixed as values:" & _
		Chr(10) & ConvertFromUrl(sUrl), 64, "caseweight"
End Sub

REM Writes a copy of oDoc to sUrl (.ods or .xlsx by its extension) in which every formula is
REM replaced by its current result, with a first sheet saying so. oDoc itself is not changed.
REM Returns the number of formula cells replaced, or a text saying why it failed.
Function WriteValuesOnlyCopy(oDoc As Object, sUrl As String)
	On Error GoTo Failed
	oDoc.calculateAll()
	Dim oTemp As Object, sTempUrl As String
	oTemp = CreateUnoService("com.sun.star.io.TempFile")
	oTemp.RemoveFile = False
	sTempUrl = oTemp.Uri & ".ods"
	oTemp.closeOutput()
	oDoc.storeToURL(sTempUrl, Array(Prop("FilterName", "calc8")))

	Dim oCopy As Object
	oCopy = StarDesktop.loadComponentFromURL(sTempUrl, "_blank", 0, Array(Prop("Hidden", True)))
	Dim nReplaced As Long, i As Long
	nReplaced = 0
	For i = 0 To oCopy.Sheets.getCount() - 1
		nReplaced = nReplaced + FreezeSheet(oDoc.Sheets.getByName(oCopy.Sheets.getByIndex(i).Name), _
			oCopy.Sheets.getByIndex(i))
	Next i
	AddNote(oCopy, BaseName(oDoc))

	Dim sFilter As String
	If LCase(Right(sUrl, 5)) = ".xlsx" Then sFilter = "Calc Office Open XML" Else sFilter = "calc8"
	oCopy.storeToURL(sUrl, Array(Prop("FilterName", sFilter), Prop("Overwrite", True)))
	oCopy.close(True)
	Kill sTempUrl
	WriteValuesOnlyCopy = nReplaced
	Exit Function
Failed:
	WriteValuesOnlyCopy = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

REM Replaces the formulas of oTarget by the results they have in oSource (same sheet of the
REM open document, so nothing is recalculated on the way). Errors are kept, as their text.
Function FreezeSheet(oSource As Object, oTarget As Object) As Long
	Dim oRanges As Object, oEnum As Object, oCell As Object, oAddr As Object
	Dim aAddr() As Object, aKind() As Integer, aNum() As Double, aText() As String
	Dim n As Long, k As Long
	oRanges = oSource.queryContentCells(com.sun.star.sheet.CellFlags.FORMULA)
	oEnum = oRanges.getCells().createEnumeration()
	n = 0
	While oEnum.hasMoreElements()
		oCell = oEnum.nextElement()
		ReDim Preserve aAddr(n), aKind(n), aNum(n), aText(n)
		aAddr(n) = oCell.getCellAddress()
		If oCell.getError() <> 0 Then
			aKind(n) = 2
			aText(n) = oCell.getString()
		ElseIf oCell.FormulaResultType2 = com.sun.star.sheet.FormulaResult.STRING Then
			aKind(n) = 1
			aText(n) = oCell.getString()
		Else
			aKind(n) = 0
			aNum(n) = oCell.getValue()
		End If
		n = n + 1
	Wend
	REM Clearing first also removes multi-cell array formulas, which cannot be edited cell by cell.
	oTarget.clearContents(com.sun.star.sheet.CellFlags.FORMULA)
	For k = 0 To n - 1
		oCell = oTarget.getCellByPosition(aAddr(k).Column, aAddr(k).Row)
		If aKind(k) = 0 Then oCell.setValue(aNum(k)) Else oCell.setString(aText(k))
	Next k
	FreezeSheet = n
End Function

Sub AddNote(oCopy As Object, sTitle As String)
	Dim sName As String
	sName = NOTE_SHEET
	If oCopy.Sheets.hasByName(sName) Then oCopy.Sheets.removeByName(sName)
	oCopy.Sheets.insertNewByName(sName, 0)
	Dim oSheet As Object
	oSheet = oCopy.Sheets.getByName(sName)
	oSheet.getCellByPosition(0, 0).setString("Values-only copy for sharing")
	oSheet.getCellByPosition(0, 0).CharWeight = com.sun.star.awt.FontWeight.BOLD
	oSheet.getCellByPosition(0, 1).setString("This is a copy of """ & sTitle & """ made on " & _
		Format(Now(), "YYYY-MM-DD HH:MM") & ". Its points, totals and bands are fixed values, not live formulas, so it reads the same without the caseweight extension.")
	oSheet.getCellByPosition(0, 2).setString("A cell that showed an error in the original shows the error as text (for example Err:502): CASECHECK in the original says why.")
	oSheet.getCellByPosition(0, 3).setString("To change a score, edit the original with the caseweight extension installed and share a new copy.")
	oSheet.Columns.getByIndex(0).Width = 25000
	On Error Resume Next
	oCopy.getCurrentController().setActiveSheet(oSheet)
End Sub

Function BaseName(oDoc As Object) As String
	Dim sTitle As String
	sTitle = oDoc.getTitle()
	Dim i As Long
	For i = Len(sTitle) To 1 Step -1
		If Mid(sTitle, i, 1) = "." Then
			sTitle = Left(sTitle, i - 1)
			Exit For
		End If
	Next i
	BaseName = sTitle
End Function

Function Prop(sName As String, vValue) As com.sun.star.beans.PropertyValue
	Dim p As New com.sun.star.beans.PropertyValue
	p.Name = sName
	p.Value = vValue
	Prop = p
End Function
