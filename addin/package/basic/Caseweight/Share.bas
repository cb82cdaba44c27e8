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
	Dim sSame As String
	sSame = SameFileReason(oDoc, sUrl)
	If sSame <> "" Then
		MsgBox "The copy was not written: " & sSame, 48, "caseweight"
		Exit Sub
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
REM replaced by its current result, with a first sheet saying so. oDoc itself is not changed,
REM and sUrl must not be its file. The copy carries no Basic or dialog libraries, scripts,
REM document, sheet or control events, forms, and no links to other files (linked sheets,
REM area links, external references and DDE formulas become values). It is written to a
REM temporary file in sUrl's folder and renamed into place, so sUrl is never half written;
REM on any failure the hidden copy is closed and every temporary file removed.
REM Returns the number of formula cells replaced, or a text saying why it failed.
Function WriteValuesOnlyCopy(oDoc As Object, sUrl As String)
	Dim oCopy As Object, sTempUrl As String, sPartUrl As String, sStep As String
	Dim oSfa As Object
	oSfa = CreateUnoService("com.sun.star.ucb.SimpleFileAccess")
	Dim sSame As String
	sSame = SameFileReason(oDoc, sUrl)
	If sSame <> "" Then
		WriteValuesOnlyCopy = sSame
		Exit Function
	End If
	On Error GoTo Failed
	sStep = "recalculating the document"
	oDoc.calculateAll()
	sStep = "writing a temporary copy"
	sTempUrl = TempFileUrl(".ods")
	oDoc.storeToURL(sTempUrl, Array(Prop("FilterName", "calc8")))

	sStep = "opening the temporary copy"
	REM Never run the macros the copy still holds while it is open, nor update its links.
	oCopy = StarDesktop.loadComponentFromURL(sTempUrl, "_blank", 0, Array(Prop("Hidden", True), _
		Prop("MacroExecutionMode", com.sun.star.document.MacroExecMode.NEVER_EXECUTE), _
		Prop("UpdateDocMode", com.sun.star.document.UpdateDocMode.NO_UPDATE)))
	Dim nReplaced As Long, i As Long, oSheet As Object, bProtected As Boolean
	nReplaced = 0
	For i = 0 To oCopy.Sheets.getCount() - 1
		oSheet = oCopy.Sheets.getByIndex(i)
		REM The templates protect their sheets (no password): lifted while the values go in,
		REM and put back so the copy keeps its labels safe too.
		bProtected = oSheet.isProtected()
		sStep = "unprotecting the sheet " & oSheet.Name & " (a sheet protected with a " & _
			"password must be unprotected first: Tools > Protect Sheet)"
		If bProtected Then oSheet.unprotect("")
		sStep = "replacing formulas by their results"
		nReplaced = nReplaced + FreezeSheet(oDoc.Sheets.getByName(oSheet.Name), oSheet)
		If bProtected Then oSheet.protect("")
	Next i
	sStep = "removing macros, events and links"
	StripCopy(oCopy)
	AddNote(oCopy, BaseName(oDoc))

	sStep = "writing the copy"
	Dim sFilter As String, sExt As String
	If LCase(Right(sUrl, 5)) = ".xlsx" Then
		sFilter = "Calc Office Open XML" : sExt = ".xlsx"
	Else
		sFilter = "calc8" : sExt = ".ods"
	End If
	sPartUrl = PartFileUrl(sUrl)
	oCopy.storeToURL(sPartUrl, Array(Prop("FilterName", sFilter), Prop("Overwrite", True)))
	oCopy.close(True)
	oCopy = Nothing
	If sExt = ".ods" Then
		sStep = "removing scripts from the copy"
		CleanPackage(sPartUrl)
	End If
	sStep = "renaming the copy into place"
	oSfa.move(sPartUrl, sUrl)
	sPartUrl = ""
	oSfa.kill(sTempUrl)
	WriteValuesOnlyCopy = nReplaced
	Exit Function
Failed:
	Dim sError As String
	sError = "Basic error " & Err & " at line " & Erl & " while " & sStep & ": " & Error$
	On Error Resume Next
	If Not IsNull(oCopy) Then oCopy.close(True)
	If sTempUrl <> "" Then
		If oSfa.exists(sTempUrl) Then oSfa.kill(sTempUrl)
	End If
	If sPartUrl <> "" Then
		If oSfa.exists(sPartUrl) Then oSfa.kill(sPartUrl)
	End If
	WriteValuesOnlyCopy = sError
End Function

REM "" when writing sUrl leaves oDoc's file alone, else the reason in one sentence. The URLs
REM are compared normalised; then, as a link (symbolic or hard) to the document has the same
REM size, modification time and bytes as the document, a target that matches all three is
REM taken for the document itself.
Function SameFileReason(oDoc As Object, sUrl As String) As String
	Dim sDocUrl As String
	sDocUrl = oDoc.getURL()
	SameFileReason = ""
	If sDocUrl = "" Then Exit Function
	Dim sWhy As String
	sWhy = "the copy would replace the document itself (" & ConvertFromUrl(sUrl) & _
		"): choose another name."
	If NormalUrl(sDocUrl) = NormalUrl(sUrl) Then
		SameFileReason = sWhy
		Exit Function
	End If
	REM Basic cannot compare inodes: a file of the same size and the same bytes (reached
	REM through a symbolic or hard link, or an identical copy) is taken for the document.
	REM Timestamps are not compared: a symbolic link has its own. When the check itself
	REM fails, the copy is not written (a wrong refusal costs a new name, a wrong write the
	REM document).
	On Error GoTo Unsure
	Dim oSfa As Object
	oSfa = CreateUnoService("com.sun.star.ucb.SimpleFileAccess")
	If Not oSfa.exists(sUrl) Then Exit Function
	If oSfa.isFolder(sUrl) Then Exit Function
	If Not oSfa.exists(sDocUrl) Then Exit Function
	If oSfa.getSize(sUrl) <> oSfa.getSize(sDocUrl) Then Exit Function
	If SameBytes(oSfa, sUrl, sDocUrl, 1048576) Then SameFileReason = sWhy
	Exit Function
Unsure:
	SameFileReason = "it could not be checked that " & ConvertFromUrl(sUrl) & _
		" is not the document itself: choose another name."
End Function

Function NormalUrl(sUrl As String) As String
	Dim s As String
	s = sUrl
	If LCase(Left(s, 8)) = "file:///" Then s = ConvertToUrl(ConvertFromUrl(s))
	Do While InStr(s, "/./") > 0
		s = Join(Split(s, "/./"), "/")
	Loop
	NormalUrl = s
End Function

REM True when the first nMax bytes of the two files are the same.
Function SameBytes(oSfa As Object, sA As String, sB As String, nMax As Long) As Boolean
	Dim oA As Object, oB As Object, aA(), aB(), nA As Long, nB As Long, nRead As Long, k As Long
	SameBytes = False
	oA = oSfa.openFileRead(sA)
	oB = oSfa.openFileRead(sB)
	nRead = 0
	Do While nRead < nMax
		nA = oA.readBytes(aA, 65536)
		nB = oB.readBytes(aB, 65536)
		If nA <> nB Then GoTo Done
		If nA = 0 Then Exit Do
		For k = 0 To nA - 1
			If aA(k) <> aB(k) Then GoTo Done
		Next k
		nRead = nRead + nA
	Loop
	SameBytes = True
Done:
	oA.closeInput()
	oB.closeInput()
End Function

REM A new file name in the office's temporary folder (removed by the caller).
Function TempFileUrl(sExt As String) As String
	Dim oTemp As Object
	oTemp = CreateUnoService("com.sun.star.io.TempFile")
	TempFileUrl = oTemp.Uri & sExt
	oTemp.closeOutput()
End Function

REM A hidden file name beside sUrl, in the same folder, for writing before renaming into place.
Function PartFileUrl(sUrl As String) As String
	Dim i As Long
	Randomize
	For i = Len(sUrl) To 1 Step -1
		If Mid(sUrl, i, 1) = "/" Then Exit For
	Next i
	PartFileUrl = Left(sUrl, i) & ".~" & Mid(sUrl, i + 1) & "." & _
		Format(Int(Rnd() * 100000000), "00000000") & ".part"
End Function

REM Removes the folders of macros, dialogs and scripts from a written .ods package (and their
REM entries of the manifest), whatever the office kept of them.
Sub CleanPackage(sUrl As String)
	Dim oStorage As Object, sName
	oStorage = CreateUnoService("com.sun.star.embed.StorageFactory").createInstanceWithArguments( _
		Array(sUrl, com.sun.star.embed.ElementModes.READWRITE))
	For Each sName In Array("Basic", "Dialogs", "Scripts")
		If oStorage.hasByName(sName) Then oStorage.removeElement(sName)
	Next
	oStorage.commit()
	oStorage.dispose()
End Sub

REM Removes from the copy what could run or fetch anything: Basic and dialog libraries,
REM document and sheet events, forms and their controls, events of shapes; and breaks its
REM links to other files (linked sheets, area links; formulas were replaced by values).
Sub StripCopy(oCopy As Object)
	Dim oLibs, aNames, i As Long, k As Long
	For Each oLibs In Array(oCopy.BasicLibraries, oCopy.DialogLibraries)
		aNames = oLibs.getElementNames()
		For i = 0 To UBound(aNames)
			EmptyLibrary(oLibs, aNames(i))
		Next i
	Next
	ClearEvents(oCopy.Events)
	Dim oSheet As Object, oPage As Object, oShape As Object
	For i = 0 To oCopy.Sheets.getCount() - 1
		oSheet = oCopy.Sheets.getByIndex(i)
		ClearEvents(oSheet.Events)
		If oSheet.getLinkMode() <> com.sun.star.sheet.SheetLinkMode.NONE Then
			oSheet.setLinkMode(com.sun.star.sheet.SheetLinkMode.NONE)
		End If
		oPage = oSheet.DrawPage
		For k = oPage.getCount() - 1 To 0 Step -1
			oShape = oPage.getByIndex(k)
			If oShape.supportsService("com.sun.star.drawing.ControlShape") Then
				oPage.remove(oShape)
			ElseIf HasUnoInterfaces(oShape, "com.sun.star.document.XEventsSupplier") Then
				ClearEvents(oShape.Events)
			End If
		Next k
		For k = oPage.Forms.getCount() - 1 To 0 Step -1
			oPage.Forms.removeByIndex(k)
		Next k
	Next i
	For k = oCopy.AreaLinks.getCount() - 1 To 0 Step -1
		oCopy.AreaLinks.removeByIndex(k)
	Next k
End Sub

Sub EmptyLibrary(oLibs As Object, sName As String)
	On Error GoTo Modules
	oLibs.removeLibrary(sName)
	Exit Sub
Modules:
	REM A library that cannot be removed (Standard) is emptied instead.
	On Error Resume Next
	oLibs.loadLibrary(sName)
	Dim oLib As Object, aModules, j As Long
	oLib = oLibs.getByName(sName)
	aModules = oLib.getElementNames()
	For j = 0 To UBound(aModules)
		oLib.removeByName(aModules(j))
	Next j
End Sub

REM An empty sequence of properties removes the binding of an event.
Sub ClearEvents(oEvents As Object)
	Dim aNames, vNone, i As Long
	On Error Resume Next
	vNone = CreateUnoValue("[]com.sun.star.beans.PropertyValue", Array())
	aNames = oEvents.getElementNames()
	For i = 0 To UBound(aNames)
		oEvents.replaceByName(aNames(i), vNone)
	Next i
End Sub

REM Replaces the formulas of oTarget by the results they have in oSource (same sheet of the
REM open document, so nothing is recalculated on the way). Errors are kept, as their text.
REM Whole blocks of formula cells are read and written at once (getDataArray/setDataArray);
REM only cells showing an error are read one by one, for the text they show.
Function FreezeSheet(oSource As Object, oTarget As Object) As Long
	Dim aAddr, aBlocks(), oBlock As Object, aData, aErr, aRow, e
	Dim n As Long, k As Long, r As Long, c As Long
	aAddr = oSource.queryContentCells(com.sun.star.sheet.CellFlags.FORMULA).getRangeAddresses()
	n = 0
	If UBound(aAddr) >= 0 Then ReDim aBlocks(UBound(aAddr))
	For k = 0 To UBound(aAddr)
		With aAddr(k)
			oBlock = oSource.getCellRangeByPosition(.StartColumn, .StartRow, .EndColumn, .EndRow)
			aData = oBlock.getDataArray()
			aErr = oBlock.queryFormulaCells(com.sun.star.sheet.FormulaResult.ERROR).getRangeAddresses()
			For Each e In aErr
				For r = e.StartRow To e.EndRow
					aRow = aData(r - .StartRow)
					For c = e.StartColumn To e.EndColumn
						aRow(c - .StartColumn) = oSource.getCellByPosition(c, r).getString()
					Next c
					aData(r - .StartRow) = aRow
				Next r
			Next
			aBlocks(k) = aData
			n = n + (.EndRow - .StartRow + 1) * (.EndColumn - .StartColumn + 1)
		End With
	Next k
	REM Clearing first also removes multi-cell array formulas, which cannot be edited cell by cell.
	oTarget.clearContents(com.sun.star.sheet.CellFlags.FORMULA)
	For k = 0 To UBound(aAddr)
		With aAddr(k)
			oTarget.getCellRangeByPosition(.StartColumn, .StartRow, .EndColumn, .EndRow).setDataArray(aBlocks(k))
		End With
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
