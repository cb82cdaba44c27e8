REM Values-only copies of a weighting sheet, for colleagues without the caseweight extension.
REM Without it, Calc shows #NAME? in every cell that calls CASEPOINTS and friends; a copy
REM whose formulas are replaced by their results opens the same everywhere.
Option Explicit

Const NOTE_SHEET = "About this copy"

REM Pseudonymised copies: text (lower case, trimmed) -> its reference ("Case 07"); texts
REM that stay (the schemes' codes, grades, bands and labels); workers' names that stay.
Private oPseudonyms As New Collection, oKeep As New Collection, oWorkerNames As New Collection
Private nCases As Long, nWorkers As Long, nTexts As Long, nPseudonyms As Long
Private aVocabulary
REM The template's declaration (the name caseweight_contract, declared in python/caseweight/
REM contract.py and written by the sheet builder): its sheets ("/Weighting sheet/Codes/"), the cells holding names and free
REM text (aDeclaredKind "Case", "Worker" or "Text" of aDeclaredRange, ranges of the copy) and
REM the signs of its own data-validation texts (",123,456,").
Private sContractSheets As String, sValidSigns As String
Private aDeclaredKind(), aDeclaredRange(), nDeclared As Long

REM The words of the labels of caseweight's sheets: on a sheet not made from a template (no
REM declaration), a text cell made only of these (and not marked as a name or an input) is
REM a label and stays.
Const VOCABULARY = "a about all an and as assistant at average band bands by case cases " & _
	"caseload caseloads check checks child children closed co code codes comment comments " & _
	"completed copy date dates day days each element family families fte for forma from " & _
	"grade grades group held history hour hours in individual is it item items manager " & _
	"means month monthly months name names new no note notes number of ok on open or page " & _
	"per points point position pro rows row s score scores share sheet sheets social sum " & _
	"summary team teams the this to total totals type types until value values week weeks " & _
	"weighting what with work worker workers workload year years yes"

REM Tools > Add-Ons > Save Values-Only Copy for Sharing...
Sub SaveValuesOnlyCopy()
	SaveCopy(0)
End Sub

REM Tools > Add-Ons > Save Pseudonymised Copy for Sharing...: the same copy with names and
REM free text replaced by references ("Case 07"); asks whether workers' names go too.
Sub SavePseudonymisedCopy()
	If IsNull(ThisComponent) Then Exit Sub
	Dim nAnswer As Integer
	nAnswer = MsgBox("Children's and families' names and all free text are replaced by " & _
		"references (Case 01, Text 01 ...)." & Chr(10) & Chr(10) & _
		"Replace the workers' names too (Worker 01 ...)?", 3 + 32, "caseweight")
	If nAnswer = 6 Then
		SaveCopy(2)
	ElseIf nAnswer = 7 Then
		SaveCopy(1)
	End If
End Sub

REM nMode: 0 values only, 1 pseudonymised, 2 pseudonymised with workers' names replaced too.
Sub SaveCopy(nMode As Integer)
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
	If nMode = 0 Then
		oPicker.setDefaultName(BaseName(oDoc) & " (values only)")
	Else
		oPicker.setDefaultName("pseudonymised copy")
	End If
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
	vResult = WriteValuesOnlyCopy(oDoc, sUrl, nMode)
	If VarType(vResult) = V_STRING Then
		MsgBox "The copy could not be written: " & vResult, 16, "caseweight"
		Exit Sub
	End If
	Dim sWhat As String, sNames As String
	sWhat = "a values-only copy"
	sNames = Chr(10) & Chr(10) & "Children's and workers' names remain in this copy: share it " & _
		"only within the team. To share beyond the team: Tools > Add-Ons > Save Pseudonymised " & _
		"Copy for Sharing..."
	If nMode > 0 Then sWhat = "a pseudonymised values-only copy (" & nPseudonyms & " names and texts replaced)"
	If nMode > 0 Then sNames = ""
	MsgBox "Saved " & sWhat & " with " & vResult & " formula results fixed as values:" & _
		Chr(10) & ConvertFromUrl(sUrl) & sNames, 64, "caseweight"
End Sub

REM Writes a copy of oDoc to sUrl (.ods or .xlsx by its extension) in which every formula is
REM replaced by its current result, with a first sheet saying so. oDoc itself is not changed,
REM and sUrl must not be its file. The copy carries no Basic or dialog libraries, scripts,
REM document, sheet or control events, forms, and no links to other files (linked sheets,
REM area links, external references and DDE formulas become values). It is written to a
REM temporary file in sUrl's folder and renamed into place, so sUrl is never half written;
REM on any failure the hidden copy is closed and every temporary file removed.
REM With nMode 1 (or 2) the copy is also pseudonymised (see Pseudonymise: names and free
REM text replaced by references, workers' names too with 2), and an .ods has no thumbnail.
REM Returns the number of formula cells replaced, or a text saying why it failed.
Function WriteValuesOnlyCopy(oDoc As Object, sUrl As String, Optional nMode)
	Dim nHow As Integer
	nHow = 0
	If Not IsMissing(nMode) Then nHow = nMode
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
	If nHow > 0 Then
		REM Recorded changes keep what cells held before: accepted, and no more recorded.
		sStep = "accepting recorded changes"
		StopTracking(oCopy)
	End If
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
	Dim aDone
	If nHow > 0 Then
		sStep = "replacing names and free text"
		aDone = Pseudonymise(oDoc, oCopy, nHow = 2)
		AddNote(oCopy, "", aDone)
	Else
		AddNote(oCopy, BaseName(oDoc))
	End If

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
		CleanPackage(sPartUrl, nHow > 0)
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
REM entries of the manifest), whatever the office kept of them; with bThumbnail also the
REM thumbnail (a picture of the first sheet).
Sub CleanPackage(sUrl As String, Optional bThumbnail)
	Dim oStorage As Object, sName, aNames
	oStorage = CreateUnoService("com.sun.star.embed.StorageFactory").createInstanceWithArguments( _
		Array(sUrl, com.sun.star.embed.ElementModes.READWRITE))
	aNames = Array("Basic", "Dialogs", "Scripts")
	If Not IsMissing(bThumbnail) Then
		If bThumbnail Then aNames = Array("Basic", "Dialogs", "Scripts", "Thumbnails")
	End If
	For Each sName In aNames
		If oStorage.hasByName(sName) Then oStorage.removeElement(sName)
	Next
	If Not IsMissing(bThumbnail) Then
		If bThumbnail Then RenameObjects(oStorage)
	End If
	oStorage.commit()
	oStorage.dispose()
End Sub

REM An embedded object (a chart) is stored under the name it was given, which may be a
REM person's: each is renamed "Object N" in the package, with its replacement picture and
REM the references to both in content.xml.
Sub RenameObjects(oStorage As Object)
	Dim sName, oSub As Object, sType As String, sNew As String, n As Long
	Dim sXml As String, bChanged As Boolean, oReplacements As Object
	bChanged = False
	n = 0
	For Each sName In oStorage.getElementNames()
		If Not oStorage.isStorageElement(sName) Then GoTo NextElement
		oSub = oStorage.openStorageElement(sName, com.sun.star.embed.ElementModes.READ)
		sType = ""
		On Error Resume Next
		sType = oSub.getPropertyValue("MediaType")
		On Error GoTo 0
		oSub.dispose()
		If Left(sType, 34) <> "application/vnd.oasis.opendocument" Then GoTo NextElement
		Do
			n = n + 1
			sNew = "Object " & n
		Loop While oStorage.hasByName(sNew) And sNew <> sName
		If sNew = sName Then GoTo NextElement
		If Not bChanged Then sXml = ReadXml(oStorage, "content.xml")
		bChanged = True
		oStorage.renameElement(sName, sNew)
		sXml = Join(Split(sXml, Chr(34) & "./" & XmlEscape(sName) & Chr(34)), _
			Chr(34) & "./" & sNew & Chr(34))
		sXml = Join(Split(sXml, Chr(34) & "./ObjectReplacements/" & XmlEscape(sName) & Chr(34)), _
			Chr(34) & "./ObjectReplacements/" & sNew & Chr(34))
		If oStorage.hasByName("ObjectReplacements") Then
			oReplacements = oStorage.openStorageElement("ObjectReplacements", _
				com.sun.star.embed.ElementModes.READWRITE)
			If oReplacements.hasByName(sName) Then oReplacements.renameElement(sName, sNew)
			oReplacements.commit()
			oReplacements.dispose()
		End If
NextElement:
	Next
	If bChanged Then WriteXml(oStorage, "content.xml", sXml)
End Sub

Function XmlEscape(s As String) As String
	Dim t As String
	t = Join(Split(s, "&"), "&amp;")
	t = Join(Split(t, "<"), "&lt;")
	t = Join(Split(t, ">"), "&gt;")
	t = Join(Split(t, Chr(34)), "&quot;")
	XmlEscape = Join(Split(t, "'"), "&apos;")
End Function

REM The text of an XML stream of the package (its lines joined by line feeds).
Function ReadXml(oStorage As Object, sName As String) As String
	Dim oStream As Object, oIn As Object, s As String, bFirst As Boolean
	oStream = oStorage.openStreamElement(sName, com.sun.star.embed.ElementModes.READ)
	oIn = CreateUnoService("com.sun.star.io.TextInputStream")
	oIn.setInputStream(oStream.getInputStream())
	oIn.setEncoding("UTF-8")
	s = ""
	bFirst = True
	Do While Not oIn.isEOF()
		If Not bFirst Then s = s & Chr(10)
		s = s & oIn.readLine()
		bFirst = False
	Loop
	oIn.closeInput()
	ReadXml = s
End Function

Sub WriteXml(oStorage As Object, sName As String, sXml As String)
	Dim oStream As Object, oOut As Object
	oStream = oStorage.openStreamElement(sName, com.sun.star.embed.ElementModes.READWRITE + _
		com.sun.star.embed.ElementModes.TRUNCATE)
	oStream.setPropertyValue("MediaType", "text/xml")
	oStream.setPropertyValue("Compressed", True)
	oOut = CreateUnoService("com.sun.star.io.TextOutputStream")
	oOut.setOutputStream(oStream.getOutputStream())
	oOut.setEncoding("UTF-8")
	oOut.writeString(sXml)
	oOut.closeOutput()
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

REM The first sheet of the copy, saying what it is; aDone (pseudonymised copies) the lines
REM saying what was replaced and removed.
Sub AddNote(oCopy As Object, sTitle As String, Optional aDone)
	Dim sName As String
	sName = NOTE_SHEET
	If oCopy.Sheets.hasByName(sName) Then oCopy.Sheets.removeByName(sName)
	oCopy.Sheets.insertNewByName(sName, 0)
	Dim oSheet As Object, sOf As String, r As Long, sLine
	oSheet = oCopy.Sheets.getByName(sName)
	oSheet.getCellByPosition(0, 0).setString("Values-only copy for sharing")
	oSheet.getCellByPosition(0, 0).CharWeight = com.sun.star.awt.FontWeight.BOLD
	sOf = "a weighting workbook"
	If sTitle <> "" Then sOf = """" & sTitle & """"
	oSheet.getCellByPosition(0, 1).setString("This is a copy of " & sOf & " made on " & _
		Format(Now(), "YYYY-MM-DD HH:MM") & ". Its points, totals and bands are fixed values, not live formulas, so it reads the same without the caseweight extension.")
	oSheet.getCellByPosition(0, 2).setString("A cell that showed an error in the original shows the error as text (for example Err:502): CASECHECK in the original says why.")
	oSheet.getCellByPosition(0, 3).setString("To change a score, edit the original with the caseweight extension installed and share a new copy.")
	If Not IsMissing(aDone) Then
		oSheet.getCellByPosition(0, 0).setString("Pseudonymised values-only copy for sharing")
		r = 5
		For Each sLine In aDone
			oSheet.getCellByPosition(0, r).setString(sLine)
			r = r + 1
		Next
	End If
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

' -- pseudonymised copies ----------------------------------------------------------------

REM Accepts every recorded change of the copy (their old contents are kept in the file) and
REM stops recording.
Sub StopTracking(oCopy As Object)
	On Error Resume Next
	Dim oHelper As Object, oFrame As Object
	oFrame = oCopy.getCurrentController().getFrame()
	oHelper = CreateUnoService("com.sun.star.frame.DispatchHelper")
	oHelper.executeDispatch(oFrame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
	oCopy.RecordChanges = False
	If oCopy.RecordChanges Then oHelper.executeDispatch(oFrame, ".uno:TraceChangeMode", "", 0, _
		Array(Prop("TraceChangeMode", False)))
End Sub

REM Replaces in oCopy (a values-only copy of oDoc, its formulas already replaced by their
REM results) every name and free text by a reference. On a sheet made from a template, the
REM cells its declaration (LoadContract) says hold names and free text: "Case 07",
REM "Worker 03" (workers' names only with bWorkers) or "Text 05"; the template's own labels
REM and results stay. Elsewhere cells marked as names by their style ("cw Input Case" ...)
REM get "Case 07" / "Worker 03", and every other text "Text 05" unless it is a scheme's code,
REM grade, band or label, a number or date, an error, a choice of the cell's drop-down list,
REM a label made of the words of caseweight's sheets, or the result of a caseweight function.
REM The same text gets the same reference everywhere. Also removes comments, text boxes,
REM hidden sheets, named ranges, database ranges, headers and footers and the document's
REM properties, clears validation texts other than the templates', chart titles, object
REM names and alt texts, number formats holding text and style names, and renames sheets
REM named after a person. Returns the lines for the note.
Function Pseudonymise(oDoc As Object, oCopy As Object, bWorkers As Boolean)
	MapClear(oPseudonyms)
	MapClear(oWorkerNames)
	nCases = 0 : nWorkers = 0 : nTexts = 0 : nPseudonyms = 0
	aVocabulary = Split(VOCABULARY, " ")
	LoadKeep()
	Dim i As Long, oSheet As Object, nHidden As Long, nNotes As Long, nShapes As Long, k As Long
	REM Hidden sheets go (what they hold is not seen, so not checked by whoever shares).
	nHidden = 0
	For i = oCopy.Sheets.getCount() - 1 To 0 Step -1
		oSheet = oCopy.Sheets.getByIndex(i)
		If Not oSheet.IsVisible Then
			oCopy.Sheets.removeByName(oSheet.Name)
			nHidden = nHidden + 1
		End If
	Next i
	LoadContract(oCopy)
	Dim aProtected()
	ReDim aProtected(oCopy.Sheets.getCount() - 1)
	For i = 0 To oCopy.Sheets.getCount() - 1
		oSheet = oCopy.Sheets.getByIndex(i)
		aProtected(i) = oSheet.isProtected()
		If aProtected(i) Then oSheet.unprotect("")
	Next i
	REM First the cells marked as names, so that their references are Case and Worker.
	Dim nPass As Integer
	For nPass = 1 To 2
		For i = 0 To oCopy.Sheets.getCount() - 1
			oSheet = oCopy.Sheets.getByIndex(i)
			CleanTexts(oDoc.Sheets.getByName(oSheet.Name), oSheet, bWorkers, nPass)
		Next i
	Next nPass
	nNotes = 0 : nShapes = 0
	Dim oPage As Object, oShape As Object, nValidations As Long, nObjects As Long
	Dim aNames, nNames As Long
	nValidations = 0 : nObjects = 0 : nNames = 0
	For i = 0 To oCopy.Sheets.getCount() - 1
		oSheet = oCopy.Sheets.getByIndex(i)
		For k = oSheet.Annotations.getCount() - 1 To 0 Step -1
			oSheet.Annotations.removeByIndex(k)
			nNotes = nNotes + 1
		Next k
		oPage = oSheet.DrawPage
		For k = oPage.getCount() - 1 To 0 Step -1
			oShape = oPage.getByIndex(k)
			If HasUnoInterfaces(oShape, "com.sun.star.text.XText") Then
				If oShape.getString() <> "" Then
					oPage.remove(oShape)
					nShapes = nShapes + 1
				End If
			End If
		Next k
		nValidations = nValidations + CleanValidations(oSheet, IsTemplateSheet(oSheet.Name))
		nObjects = CleanObjects(oSheet, nObjects)
		aNames = oSheet.NamedRanges.getElementNames()
		For k = 0 To UBound(aNames)
			REM A sheet's own names: the templates have none.
			oSheet.NamedRanges.removeByName(aNames(k))
			nNames = nNames + 1
		Next k
	Next i
	Dim nFormats As Long, nStyles As Long
	nFormats = CleanNumberFormats(oCopy)
	nStyles = RenameStyles(oCopy)
	Dim nRenamed As Long
	nRenamed = RenameSheets(oCopy, bWorkers)
	For i = 0 To oCopy.Sheets.getCount() - 1
		If aProtected(i) Then oCopy.Sheets.getByIndex(i).protect("")
	Next i
	ClearHeadersFooters(oCopy)
	ClearProperties(oCopy)
	aNames = oCopy.NamedRanges.getElementNames()
	For k = 0 To UBound(aNames)
		REM The templates' own names (cw_...) point at cells of the copy; every other name
		REM goes: it may point at what was removed, or be a name itself.
		If LCase(Left(aNames(k), 3)) <> "cw_" Or InStr(oCopy.NamedRanges.getByName(aNames(k)).getContent(), "#REF") > 0 Then
			oCopy.NamedRanges.removeByName(aNames(k))
			nNames = nNames + 1
		End If
	Next k
	On Error Resume Next
	aNames = oCopy.DatabaseRanges.getElementNames()
	For k = 0 To UBound(aNames)
		oCopy.DatabaseRanges.removeByName(aNames(k))
		nNames = nNames + 1
	Next k
	On Error GoTo 0
	Dim sWho As String
	sWho = "children's and families' names by Case 01, Case 02 ..."
	If bWorkers Then sWho = sWho & ", workers' names by Worker 01, Worker 02 ..."
	Pseudonymise = Array( _
		"Pseudonymised: " & sWho & ", and every other text typed in (notes, comments, team names, sheet titles) by Text 01, Text 02 ... (" & nPseudonyms & " cells; " & nCases & " cases, " & nWorkers & " workers, " & nTexts & " other texts). The same name has the same reference everywhere in this copy; no list of who is who is kept.", _
		"Kept as in the original: points, totals, bands, capacity, the schemes' codes, grades and labels, numbers and dates." & IIf(bWorkers, "", " Workers' names are kept."), _
		"Removed: comments on cells (" & nNotes & "), text boxes (" & nShapes & "), hidden sheets (" & nHidden & "), named and database ranges other than the templates' own (" & nNames & "), headers and footers, the document's title, subject, author, keywords, description and custom properties, recorded changes, the thumbnail picture, the help and messages of data validations other than the templates' own and lists written in them (" & nValidations & "), the titles of charts, the names and alternative texts of charts and pictures (" & nObjects & " objects renamed), number formats holding text (" & nFormats & ") and the names of cell and page styles not caseweight's (" & nStyles & " renamed). Sheets named after a person or carrying another name were renamed (" & nRenamed & ").")
End Function

REM Data validations hold texts no cell shows (help, error messages, a list written out):
REM on a template's sheet its own validations (their sign in the declaration) stay; every
REM other has its texts cleared, and a list or condition holding a quoted text is dropped.
REM Returns how many were cleared.
Function CleanValidations(oSheet As Object, bTemplate As Boolean) As Long
	Dim oRanges As Object, k As Long, oCells As Object, oV As Object, n As Long
	n = 0
	oRanges = oSheet.getUniqueCellFormatRanges()
	For k = 0 To oRanges.getCount() - 1
		oCells = oRanges.getByIndex(k)
		oV = oCells.Validation
		If oV.Type = com.sun.star.sheet.ValidationType.ANY And oV.InputTitle = "" And _
			oV.InputMessage = "" And oV.ErrorTitle = "" And oV.ErrorMessage = "" Then GoTo NextRange
		If bTemplate And InStr(sValidSigns, "," & ValidationSign(oV) & ",") > 0 Then GoTo NextRange
		oV.InputTitle = "" : oV.InputMessage = "" : oV.ErrorTitle = "" : oV.ErrorMessage = ""
		oV.ShowInputMessage = False
		If InStr(oV.getFormula1() & oV.getFormula2(), Chr(34)) > 0 Then
			oV.Type = com.sun.star.sheet.ValidationType.ANY
			oV.setFormula1("")
			oV.setFormula2("")
			oV.ShowErrorMessage = False
		End If
		oCells.Validation = oV
		n = n + 1
NextRange:
	Next k
	CleanValidations = n
End Function

REM The sign of a validation's texts, as python/caseweight/sheets/cwtemplate.py validation_sign.
Function ValidationSign(oV As Object) As Long
	Dim s As String, sF As String, h As Long, k As Long, n As Long
	sF = oV.getFormula1() & Chr(1) & oV.getFormula2()
	If InStr(sF, Chr(34)) = 0 Then sF = ""
	s = oV.InputTitle & Chr(1) & oV.InputMessage & Chr(1) & oV.ErrorTitle & Chr(1) & _
		oV.ErrorMessage & Chr(1) & sF
	h = 0
	For k = 1 To Len(s)
		n = Asc(Mid(s, k, 1))
		If n < 0 Then n = n + 65536
		h = (h * 31 + n) Mod 1000003
	Next k
	ValidationSign = h
End Function

REM Charts lose their titles; charts, pictures and other drawing objects get neutral names
REM ("Object 3") and no alternative text (title, description). Returns the last number used.
Function CleanObjects(oSheet As Object, nObjects As Long) As Long
	Dim k As Long, oChart As Object, oPage As Object, oShape As Object
	On Error Resume Next
	For k = 0 To oSheet.Charts.getCount() - 1
		oChart = oSheet.Charts.getByIndex(k).EmbeddedObject
		oChart.HasMainTitle = False
		oChart.HasSubTitle = False
		oChart.Diagram.HasXAxisTitle = False
		oChart.Diagram.HasYAxisTitle = False
		oChart.Diagram.HasZAxisTitle = False
		oChart.Diagram.HasSecondaryXAxisTitle = False
		oChart.Diagram.HasSecondaryYAxisTitle = False
	Next k
	oPage = oSheet.DrawPage
	For k = 0 To oPage.getCount() - 1
		oShape = oPage.getByIndex(k)
		nObjects = nObjects + 1
		oShape.Name = "Object " & nObjects
		oShape.Title = ""
		oShape.Description = ""
	Next k
	CleanObjects = nObjects
End Function

REM Number formats holding text ("Smith "0, or an escaped \S) are set back to General in the
REM cells and styles using them and removed. Returns how many were removed.
Function CleanNumberFormats(oCopy As Object) As Long
	Dim oFormats As Object, aKeys, oLocale, k As Long, n As Long, i As Long
	Dim oRanges As Object, oCells As Object, oStyles As Object, aNames, oStyle As Object
	Dim sBad As String, vKey
	oFormats = oCopy.NumberFormats
	sBad = ","
	For Each oLocale In Array(oCopy.CharLocale, MakeLocale("en", "GB"), MakeLocale("en", "US"), MakeLocale("", ""))
		aKeys = oFormats.queryKeys(com.sun.star.util.NumberFormat.ALL, oLocale, False)
		For k = 0 To UBound(aKeys)
			If HoldsText(oFormats, aKeys(k)) And InStr(sBad, "," & aKeys(k) & ",") = 0 Then sBad = sBad & aKeys(k) & ","
		Next k
	Next
	For i = 0 To oCopy.Sheets.getCount() - 1
		oRanges = oCopy.Sheets.getByIndex(i).getUniqueCellFormatRanges()
		For k = 0 To oRanges.getCount() - 1
			oCells = oRanges.getByIndex(k)
			If HoldsText(oFormats, oCells.NumberFormat) Then
				If InStr(sBad, "," & oCells.NumberFormat & ",") = 0 Then sBad = sBad & oCells.NumberFormat & ","
				oCells.NumberFormat = 0
			End If
		Next k
	Next i
	oStyles = oCopy.StyleFamilies.getByName("CellStyles")
	aNames = oStyles.getElementNames()
	For k = 0 To UBound(aNames)
		oStyle = oStyles.getByName(aNames(k))
		If HoldsText(oFormats, oStyle.NumberFormat) Then
			If InStr(sBad, "," & oStyle.NumberFormat & ",") = 0 Then sBad = sBad & oStyle.NumberFormat & ","
			oStyle.NumberFormat = 0
		End If
	Next k
	n = 0
	On Error Resume Next
	For Each vKey In Split(Mid(sBad, 2), ",")
		If vKey <> "" Then
			oFormats.removeByKey(CLng(vKey))
			n = n + 1
		End If
	Next
	CleanNumberFormats = n
End Function

Function HoldsText(oFormats As Object, nKey As Long) As Boolean
	Dim sCode As String
	HoldsText = False
	On Error GoTo Done
	sCode = oFormats.getByKey(nKey).FormatString
	HoldsText = InStr(sCode, Chr(34)) > 0 Or InStr(sCode, "\") > 0
Done:
End Function

Function MakeLocale(sLanguage As String, sCountry As String) As com.sun.star.lang.Locale
	Dim oLocale As New com.sun.star.lang.Locale
	oLocale.Language = sLanguage
	oLocale.Country = sCountry
	MakeLocale = oLocale
End Function

REM Cell and page styles someone named (not caseweight's "cw ..." nor the office's own) are
REM renamed "Style 1", "Style 2" ...; the cells keep them. Returns how many were renamed.
Function RenameStyles(oCopy As Object) As Long
	Dim sFamily, oStyles As Object, aNames, k As Long, n As Long, oStyle As Object, sNew As String
	n = 0
	On Error Resume Next
	For Each sFamily In Array("CellStyles", "PageStyles")
		oStyles = oCopy.StyleFamilies.getByName(sFamily)
		aNames = oStyles.getElementNames()
		For k = 0 To UBound(aNames)
			oStyle = oStyles.getByName(aNames(k))
			If oStyle.isUserDefined() And Left(aNames(k), 3) <> "cw " Then
				n = n + 1
				sNew = "Style " & n
				Do While oStyles.hasByName(sNew)
					n = n + 1
					sNew = "Style " & n
				Loop
				oStyle.setName(sNew)
			End If
		Next k
	Next
	RenameStyles = n
End Function

REM Pass 1: cells marked as names get their references; pass 2: every text cell is replaced
REM or kept (see Pseudonymise).
Sub CleanTexts(oSource As Object, oTarget As Object, bWorkers As Boolean, nPass As Integer)
	Dim aAddr, e, r As Long, c As Long, oCell As Object, sText As String, sKind As String
	Dim sStyle As String, sNew As String, oOrig As Object, bTemplate As Boolean, nSheet As Long
	bTemplate = IsTemplateSheet(oTarget.Name)
	nSheet = oTarget.RangeAddress.Sheet
	aAddr = oTarget.queryContentCells(com.sun.star.sheet.CellFlags.STRING).getRangeAddresses()
	For Each e In aAddr
		For r = e.StartRow To e.EndRow
			For c = e.StartColumn To e.EndColumn
				oCell = oTarget.getCellByPosition(c, r)
				sText = oCell.getString()
				If Trim(sText) = "" Then GoTo NextCell
				sStyle = oCell.CellStyle
				sKind = ""
				If bTemplate Then
					REM The template says which of its cells hold names and free text.
					sKind = DeclaredKind(nSheet, c, r)
				ElseIf Left(sStyle, 9) = "cw Input " Or Left(sStyle, 9) = "cw Field " Then
					REM A sheet copied out of a template keeps the styles marking names.
					sKind = Mid(sStyle, 10)
				End If
				If nPass = 1 Then
					If sKind = "Case" Then
						Pseudonym("Case", sText)
					ElseIf sKind = "Worker" Then
						If bWorkers Then
							Pseudonym("Worker", sText)
						Else
							MapPut(oWorkerNames, Key(sText), "")
						End If
					End If
					GoTo NextCell
				End If
				sNew = ""
				If sKind = "Case" Or (sKind = "Worker" And bWorkers) Or sKind = "Text" Then
					sNew = Pseudonym(sKind, sText)
				ElseIf sKind = "Worker" Then
					GoTo NextCell
				ElseIf bTemplate And IsTemplateCell(oSource.getCellByPosition(c, r), sStyle) Then
					REM The template's own labels and results stay; a result showing a name
					REM typed elsewhere (a formula copying it) gets that name's reference.
					If Not MapHas(oPseudonyms, Key(sText)) Then GoTo NextCell
					If oSource.getCellByPosition(c, r).getType() <> com.sun.star.table.CellContentType.FORMULA Then GoTo NextCell
					sNew = MapGet(oPseudonyms, Key(sText))
				ElseIf MapHas(oPseudonyms, Key(sText)) Then
					sNew = MapGet(oPseudonyms, Key(sText))
				ElseIf MapHas(oWorkerNames, Key(sText)) Then
					GoTo NextCell
				Else
					oOrig = oSource.getCellByPosition(c, r)
					If oOrig.getType() = com.sun.star.table.CellContentType.FORMULA Then
						If IsCaseweightFormula(oOrig.getFormula()) Then GoTo NextCell
					ElseIf Left(sStyle, 3) = "cw " And Left(sStyle, 8) <> "cw Input" And _
						Left(sStyle, 8) <> "cw Field" And sStyle <> "cw Code" Then
						REM A template's own label (locked cell)
						GoTo NextCell
					End If
					If IsKeptText(sText, oCell) Then GoTo NextCell
					sNew = Pseudonym("Text", sText)
				End If
				oCell.setString(sNew)
				nPseudonyms = nPseudonyms + 1
NextCell:
			Next c
		Next r
	Next
End Sub

REM Reads the template's declaration (CONTRACT in python/caseweight/contract.py) from the copy;
REM a workbook without one is guessed cell by cell.
Sub LoadContract(oCopy As Object)
	Dim sContent As String, sPart, aKV, sName, oRange As Object
	sContractSheets = "" : sValidSigns = "" : nDeclared = 0
	ReDim aDeclaredKind(0) : ReDim aDeclaredRange(0)
	If Not oCopy.NamedRanges.hasByName("caseweight_contract") Then Exit Sub
	sContent = oCopy.NamedRanges.getByName("caseweight_contract").getContent()
	sContent = Join(Split(sContent, Chr(34)), "")
	If Left(sContent, 2) <> "1|" Then Exit Sub
	For Each sPart In Split(sContent, "|")
		aKV = Split(sPart, "=")
		If UBound(aKV) = 1 Then
			If aKV(0) = "sheets" Then
				sContractSheets = "/" & aKV(1) & "/"
			ElseIf aKV(0) = "valid" Then
				sValidSigns = "," & aKV(1) & ","
			ElseIf aKV(0) = "Case" Or aKV(0) = "Worker" Or aKV(0) = "Text" Then
				For Each sName In Split(aKV(1), ",")
					oRange = Nothing
					If sName <> "" Then
						If oCopy.NamedRanges.hasByName(sName) Then oRange = oCopy.NamedRanges.getByName(sName).getReferredCells()
					End If
					If Not IsNull(oRange) Then
						ReDim Preserve aDeclaredKind(nDeclared)
						ReDim Preserve aDeclaredRange(nDeclared)
						aDeclaredKind(nDeclared) = aKV(0)
						aDeclaredRange(nDeclared) = oRange.getRangeAddress()
						nDeclared = nDeclared + 1
					End If
				Next
			End If
		End If
	Next
End Sub

REM Whether a sheet (by its name, before any renaming) is one the template made.
Function IsTemplateSheet(sName As String) As Boolean
	IsTemplateSheet = False
	If sContractSheets = "" Then Exit Function
	IsTemplateSheet = InStr(sContractSheets, "/" & sName & "/") > 0
End Function

REM "Case", "Worker" or "Text" for a cell the template declares as holding names or free
REM text, else "".
Function DeclaredKind(nSheet As Long, c As Long, r As Long) As String
	Dim k As Long, a
	DeclaredKind = ""
	For k = 0 To nDeclared - 1
		a = aDeclaredRange(k)
		If a.Sheet = nSheet And c >= a.StartColumn And c <= a.EndColumn And _
			r >= a.StartRow And r <= a.EndRow Then
			DeclaredKind = aDeclaredKind(k)
			Exit Function
		End If
	Next k
End Function

REM Whether a cell of a template's sheet is the template's own: a label or result in one of
REM its locked styles. Cells typed beside the template (default style) and its input cells
REM not declared as names (codes, choices, numbers, dates) are judged as any other text.
Function IsTemplateCell(oOrig As Object, sStyle As String) As Boolean
	IsTemplateCell = False
	If Left(sStyle, 3) <> "cw " Then Exit Function
	IsTemplateCell = oOrig.CellProtection.IsLocked
End Function

Function Key(sText As String) As String
	Key = LCase(Trim(Join(Split(sText, Chr(10)), " ")))
End Function

REM The reference of sText ("Case 07"), the same for the same text (ignoring case).
Function Pseudonym(sKind As String, sText As String) As String
	Dim sKey As String, n As Long
	sKey = Key(sText)
	If MapHas(oPseudonyms, sKey) Then
		Pseudonym = MapGet(oPseudonyms, sKey)
		Exit Function
	End If
	If sKind = "Case" Then
		nCases = nCases + 1 : n = nCases
	ElseIf sKind = "Worker" Then
		nWorkers = nWorkers + 1 : n = nWorkers
	Else
		nTexts = nTexts + 1 : n = nTexts
	End If
	Pseudonym = sKind & " " & Format(n, "00")
	MapPut(oPseudonyms, sKey, Pseudonym)
End Function

REM Whether a formula calls a function of caseweight (its results are codes, bands, points
REM and the schemes' sentences, never a name).
Function IsCaseweightFormula(sFormula As String) As Boolean
	Dim sF As String, sName
	sF = UCase(sFormula)
	IsCaseweightFormula = True
	If InStr(sF, "CASEWEIGHT") > 0 Then Exit Function
	REM The names come from the add-in's function table when the extension is built.
	For Each sName In Split("@FUNCTION_NAMES@", " ")
		If InStr(sF, sName & "(") > 0 Then Exit Function
	Next
	IsCaseweightFormula = False
End Function

REM Whether a text (not marked as a name) stays: a number, date or error; a scheme's code,
REM grade, band or label, or several codes ("LAC; COMPLEX"); a choice of the cell's list; a
REM label made only of the words of caseweight's sheets. Anything else is free text.
Function IsKeptText(sText As String, oCell As Object) As Boolean
	Dim s As String, k As Long, ch As String, sPart, bAll As Boolean
	IsKeptText = True
	s = Trim(sText)
	bAll = True
	For k = 1 To Len(s)
		If InStr("0123456789 .,:/%+-()" & Chr(163), Mid(s, k, 1)) = 0 Then
			bAll = False
			Exit For
		End If
	Next k
	If bAll Then Exit Function
	If Left(s, 4) = "Err:" And IsNumeric(Mid(s, 5)) Then Exit Function
	For Each sPart In Array("#NAME?", "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NULL!", "#MACRO?")
		If s = sPart Then Exit Function
	Next
	If MapHas(oKeep, LCase(s)) Then Exit Function
	bAll = True
	For Each sPart In Split(Join(Split(s, ","), ";"), ";")
		If Trim(sPart) <> "" And Not MapHas(oKeep, LCase(Trim(sPart))) Then
			bAll = False
			Exit For
		End If
	Next
	If bAll Then Exit Function
	If InListChoices(s, oCell) Then Exit Function
	IsKeptText = OnlyLabelWords(s)
End Function

Function InListChoices(s As String, oCell As Object) As Boolean
	InListChoices = False
	On Error GoTo Done
	Dim oV As Object, aParts, j As Long
	oV = oCell.Validation
	If oV.Type <> com.sun.star.sheet.ValidationType.LIST Then Exit Function
	aParts = Split(oV.getFormula1(), """")
	For j = 1 To UBound(aParts) Step 2
		If LCase(Trim(aParts(j))) = LCase(s) Then
			InListChoices = True
			Exit Function
		End If
	Next j
Done:
End Function

Function OnlyLabelWords(s As String) As Boolean
	Dim t As String, k As Long, ch As String, w, bFound As Boolean, v
	t = ""
	For k = 1 To Len(s)
		ch = LCase(Mid(s, k, 1))
		If ch >= "a" And ch <= "z" Then t = t & ch Else t = t & " "
	Next k
	OnlyLabelWords = False
	For Each w In Split(t, " ")
		If w <> "" Then
			bFound = False
			For Each v In aVocabulary
				If v = w Then
					bFound = True
					Exit For
				End If
			Next
			If Not bFound Then Exit Function
		End If
	Next
	OnlyLabelWords = True
End Function

REM The texts that stay: every quoted text of the extension's scheme files and of the scheme
REM packs installed beside it (org.caseweight.schemes.*: a council's codes, grades, bands and
REM labels), "OK" and the band labels of the templates.
Sub LoadKeep()
	MapClear(oKeep)
	Dim sWord
	For Each sWord In Array("OK", "Within band", "Above band", "Below band", "Sustainable", _
		"Demanding", "High", "Below sustainable", "Within capacity", "Over capacity", _
		"Within range", "Above range", "Below range", "Yes", "No", "Y", "N")
		MapPut(oKeep, LCase(sWord), "")
	Next
	On Error GoTo Done
	Dim oPip As Object, oSfa As Object, sFolder, aExt, sFolders As String
	oPip = GetDefaultContext().getValueByName( _
		"/singletons/com.sun.star.deployment.PackageInformationProvider")
	oSfa = CreateUnoService("com.sun.star.ucb.SimpleFileAccess")
	sFolders = oPip.getPackageLocation("org.caseweight.extension") & "/schemes"
	For Each aExt In oPip.getExtensionList()
		If Left(aExt(0), 23) = "org.caseweight.schemes." Then
			sFolders = sFolders & Chr(10) & oPip.getPackageLocation(aExt(0)) & "/schemes"
		End If
	Next
	For Each sFolder In Split(sFolders, Chr(10))
		If oSfa.exists(sFolder) Then LoadKeepFolder(oSfa, sFolder)
	Next
Done:
End Sub

Sub LoadKeepFolder(oSfa As Object, sFolder)
	On Error GoTo Done
	Dim aFiles, sFile, oIn As Object, sLine As String, aParts, j As Long
	aFiles = oSfa.getFolderContents(sFolder, False)
	For Each sFile In aFiles
		oIn = CreateUnoService("com.sun.star.io.TextInputStream")
		oIn.setInputStream(oSfa.openFileRead(sFile))
		oIn.setEncoding("UTF-8")
		Do While Not oIn.isEOF()
			sLine = Trim(oIn.readLine())
			If Left(sLine, 1) <> "#" Then
				aParts = Split(sLine, """")
				For j = 1 To UBound(aParts) Step 2
					If Trim(aParts(j)) <> "" Then MapPut(oKeep, LCase(Trim(aParts(j))), "")
				Next j
			End If
		Loop
		oIn.closeInput()
	Next
Done:
End Sub

REM Sheets named after a person (a replaced text) get its reference ("Worker 03"); a sheet
REM whose name is not a caseweight label, code or kept worker's name becomes "Sheet N".
Function RenameSheets(oCopy As Object, bWorkers As Boolean) As Long
	Dim i As Long, oSheet As Object, sName As String, sNew As String, n As Long
	n = 0
	For i = 0 To oCopy.Sheets.getCount() - 1
		oSheet = oCopy.Sheets.getByIndex(i)
		sName = oSheet.Name
		sNew = ""
		If MapHas(oPseudonyms, Key(sName)) Then
			sNew = MapGet(oPseudonyms, Key(sName))
		ElseIf MapHas(oWorkerNames, Key(sName)) Then
			sNew = ""
		ElseIf IsSheetLabel(sName) Or IsTemplateSheet(sName) Then
			sNew = ""
		Else
			sNew = "Sheet " & (i + 1)
		End If
		If sNew <> "" And sNew <> sName Then
			If oCopy.Sheets.hasByName(sNew) Then sNew = "Sheet " & (i + 1)
			Do While oCopy.Sheets.hasByName(sNew)
				sNew = sNew & "+"
			Loop
			oSheet.Name = sNew
			n = n + 1
		End If
	Next i
	REM The sheets' code names (for VBA) start as their names.
	On Error Resume Next
	For i = 0 To oCopy.Sheets.getCount() - 1
		oCopy.Sheets.getByIndex(i).CodeName = "Sheet" & (i + 1)
	Next i
	RenameSheets = n
End Function

Function IsSheetLabel(sName As String) As Boolean
	IsSheetLabel = True
	If MapHas(oKeep, LCase(Trim(sName))) Then Exit Function
	If LCase(Left(sName, 5)) = "sheet" And IsNumeric(Trim(Mid(sName, 6))) Then Exit Function
	IsSheetLabel = OnlyLabelWords(sName)
End Function

REM Empties the headers and footers of every page style (they may name the team, the worker
REM or the file).
Sub ClearHeadersFooters(oCopy As Object)
	Dim oStyles As Object, aNames, i As Long, oStyle As Object, sProp, oContent As Object
	oStyles = oCopy.StyleFamilies.getByName("PageStyles")
	aNames = oStyles.getElementNames()
	For i = 0 To UBound(aNames)
		oStyle = oStyles.getByName(aNames(i))
		For Each sProp In Array("RightPageHeaderContent", "LeftPageHeaderContent", _
			"RightPageFooterContent", "LeftPageFooterContent", "FirstPageHeaderContent", _
			"FirstPageFooterContent")
			If oStyle.getPropertySetInfo().hasPropertyByName(sProp) Then
				oContent = oStyle.getPropertyValue(sProp)
				oContent.LeftText.setString("")
				oContent.CenterText.setString("")
				oContent.RightText.setString("")
				oStyle.setPropertyValue(sProp, oContent)
			End If
		Next
	Next i
End Sub

REM Title, subject, author, keywords, description, template and custom properties go.
Sub ClearProperties(oCopy As Object)
	Dim oProps As Object, oUser As Object, aProps, i As Long
	oProps = oCopy.getDocumentProperties()
	oProps.resetUserData("")
	oProps.Title = ""
	oProps.Subject = ""
	oProps.Description = ""
	oProps.Keywords = Array()
	oProps.TemplateName = ""
	oProps.TemplateURL = ""
	oProps.AutoloadURL = ""
	oUser = oProps.getUserDefinedProperties()
	aProps = oUser.getPropertySetInfo().getProperties()
	For i = 0 To UBound(aProps)
		oUser.removeProperty(aProps(i).Name)
	Next i
End Sub

REM A Collection as a map of texts (keys: lower-case texts).
Function MapHas(oMap, sKey As String) As Boolean
	On Error GoTo Missing
	Dim v
	v = oMap.Item(sKey)
	MapHas = True
	Exit Function
Missing:
	MapHas = False
End Function

Function MapGet(oMap, sKey As String) As String
	MapGet = oMap.Item(sKey)
End Function

Sub MapPut(oMap, sKey As String, sValue As String)
	If MapHas(oMap, sKey) Then oMap.Remove(sKey)
	oMap.Add(sValue, sKey)
End Sub

Sub MapClear(oMap)
	Do While oMap.Count > 0
		oMap.Remove(1)
	Loop
End Sub
