REM Tools > Add-Ons > caseweight: Refresh Team Summary from Worker Sheets. On a team summary
REM (a template with a worker table and a team total): every caseweight worker sheet in the
REM summary's folder is opened hidden, read-only and with its macros disabled, recalculated and
REM read by its named cells; the summary's worker table is filled from the files (its rows are
REM replaced, hand-typed ones included), the sheet "Worker sheets" lists what was counted and
REM the sheet "Could not read" every file that was not read or not counted, with the reason.
REM Each worker counts once, in the summary's month: a sheet of another month, the worker's
REM other sheet (the later As at date counts) and a sheet with rows in error are listed. No
REM file is skipped in silence.
Option Explicit

Const READ_SHEET = "Worker sheets"
Const UNREAD_SHEET = "Could not read"

Sub Refresh()
	Dim oDoc As Object
	oDoc = ThisComponent
	If IsNull(oDoc) Then Exit Sub
	Dim sResult As String
	sResult = RefreshTeam(oDoc)
	MsgBox sResult, 64, "caseweight"
End Sub

REM Refreshes oDoc; returns what was done in a sentence (or why nothing was).
Function RefreshTeam(oDoc As Object) As String
	If Not oDoc.supportsService("com.sun.star.sheet.SpreadsheetDocument") Then
		RefreshTeam = "Open the team summary (a spreadsheet) first."
		Exit Function
	End If
	Dim oNames As Object
	oNames = oDoc.NamedRanges
	If Not oNames.hasByName("cw_team_total") Then
		RefreshTeam = "This is not a caseweight team summary (made from a team template)."
		Exit Function
	End If
	If oDoc.getURL() = "" Then
		RefreshTeam = "Save the team summary in the folder of the workers' sheets first."
		Exit Function
	End If
	Dim sFolder As String, sSelf As String, sStep As String
	On Error GoTo Failed
	sStep = "listing the folder"
	sSelf = oDoc.getURL()
	sFolder = Left(sSelf, LastAt(sSelf, "/") - 1)
	Dim oSfa As Object
	oSfa = CreateUnoService("com.sun.star.ucb.SimpleFileAccess")
	Dim aFiles, aSorted(), i As Long, n As Long
	aFiles = oSfa.getFolderContents(sFolder, False)
	n = 0
	ReDim aSorted(UBound(aFiles) + 1)
	For i = 0 To UBound(aFiles)
		Dim sName As String, sExt As String
		sName = FileName(aFiles(i))
		sExt = LCase(Mid(sName, LastAt(sName, ".")))
		If Left(sName, 1) <> "." And (sExt = ".ods" Or sExt = ".fods" Or sExt = ".xlsx") _
			And NormalUrl(aFiles(i)) <> NormalUrl(sSelf) Then
			aSorted(n) = aFiles(i)
			n = n + 1
		End If
	Next i
	SortUrls(aSorted, n)

	Dim aRead(), aUnread(), nRead As Long, nUnread As Long, vGot
	ReDim aRead(n + 1)
	ReDim aUnread(n + 1)
	nRead = 0
	nUnread = 0
	REM The team's scheme (SCHEMEAT gives "SWINDON@2026-11-30"): a worker sheet of another
	REM scheme is listed, not added to this team's totals.
	Dim sTeamScheme As String
	sTeamScheme = SchemeName(Text(Named(oNames, "cw_scheme")))
	For i = 0 To n - 1
		vGot = ReadWorker(aSorted(i), oSfa, sTeamScheme)
		If IsArray(vGot) Then
			aRead(nRead) = vGot
			nRead = nRead + 1
		Else
			aUnread(nUnread) = Array(FileName(aSorted(i)), vGot)
			nUnread = nUnread + 1
		End If
	Next i

	REM Each worker once, in the summary's month, with a total: the others are listed.
	sStep = "counting each worker once"
	Dim aCounted(), nCounted As Long, sWhy As String, vAsAt
	ReDim aCounted(nRead + 1)
	nCounted = 0
	vAsAt = Named(oNames, "cw_as_at")
	For i = 0 To nRead - 1
		sWhy = NotCounted(aRead, nRead, i, vAsAt)
		If sWhy = "" Then
			aCounted(nCounted) = aRead(i)
			nCounted = nCounted + 1
		Else
			aUnread(nUnread) = Array(aRead(i)(0), WorkerName(aRead(i)(1)) & ": not counted: " & sWhy)
			nUnread = nUnread + 1
		End If
	Next i

	Dim nPlaced As Long
	sStep = "writing the summary"
	nPlaced = FillTable(oDoc, aCounted, nCounted)
	WriteRead(oDoc, aCounted, nCounted)
	WriteUnread(oDoc, aUnread, nUnread)
	oDoc.calculateAll()
	Dim sMsg As String
	sMsg = nCounted & " worker sheets counted from " & n & " files in the folder; " & nUnread & _
		" not read or not counted (see the sheet " & UNREAD_SHEET & ")."
	If nPlaced < nCounted Then
		sMsg = sMsg & " The worker table holds " & nPlaced & " rows: the others are on the " & _
			"sheet " & READ_SHEET & "."
	End If
	RefreshTeam = sMsg
	Exit Function
Failed:
	RefreshTeam = "Basic error " & Err & " at line " & Erl & " while " & sStep & ": " & Error$
End Function

REM One worker's values: Array(file, worker, scheme version, As at, grade, FTE, total, band,
REM capacity, headroom, rows in error, personal points, case points), or the reason (a
REM string) why the file cannot be read.
Function ReadWorker(sUrl As String, oSfa As Object, sTeamScheme As String)
	Dim sName As String, sExt As String, sWhy As String, sPath As String
	sName = FileName(sUrl)
	sExt = LCase(Mid(sName, LastAt(sName, ".")))
	sPath = ConvertFromURL(sUrl)
	If oSfa.exists(ConvertToURL(Left(sPath, LastAt(sPath, "/")) & ".~lock." & sName & "#")) Then
		ReadWorker = "locked: open in LibreOffice by another user (a .~lock file beside it)"
		Exit Function
	End If
	If sExt = ".ods" Or sExt = ".xlsx" Then
		sWhy = PackageReason(sUrl, sExt)
		If sWhy <> "" Then
			ReadWorker = sWhy
			Exit Function
		End If
	End If
	Dim oWb As Object, sStep As String
	On Error GoTo Failed
	sStep = "opening"
	REM Hidden, read-only, never running the file's macros nor updating its links; no
	REM password is asked for (the load fails instead).
	oWb = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, Array( _
		Prop("Hidden", True), Prop("ReadOnly", True), _
		Prop("MacroExecutionMode", com.sun.star.document.MacroExecMode.NEVER_EXECUTE), _
		Prop("UpdateDocMode", com.sun.star.document.UpdateDocMode.NO_UPDATE)))
	If IsNull(oWb) Then
		ReadWorker = "LibreOffice could not open it (damaged, password-protected or not a workbook)"
		Exit Function
	End If
	sStep = "reading"
	ReadWorker = ReadOpened(oWb, sName, sTeamScheme)
	oWb.close(True)
	Exit Function
Failed:
	Dim sError As String
	If sStep = "opening" Then
		sError = "LibreOffice could not open it (damaged, password-protected or not a workbook)"
	Else
		sError = "could not be read (Basic error " & Err & " while " & sStep & ": " & Error$ & ")"
	End If
	On Error Resume Next
	If Not IsNull(oWb) Then oWb.close(True)
	ReadWorker = sError
End Function

Function ReadOpened(oWb As Object, sName As String, sTeamScheme As String)
	If Not oWb.supportsService("com.sun.star.sheet.SpreadsheetDocument") Then
		ReadOpened = "not a spreadsheet"
		Exit Function
	End If
	oWb.calculateAll()
	Dim oNames As Object
	oNames = oWb.NamedRanges
	If oNames.hasByName("cw_team_total") Then
		ReadOpened = "a team summary, not a worker's sheet"
		Exit Function
	End If
	If Not oNames.hasByName("cw_total") Then
		ReadOpened = "not a caseweight worker sheet (no sheet of a shipped worker template in it)"
		Exit Function
	End If
	Dim sScheme As String
	sScheme = SchemeName(Text(Named(oNames, "cw_scheme")))
	If sTeamScheme <> "" And sScheme <> "" And sScheme <> sTeamScheme Then
		ReadOpened = "another scheme: a " & sScheme & " sheet, where this team summary is " & _
			sTeamScheme
		Exit Function
	End If
	Dim vDate
	vDate = Named(oNames, "cw_as_at")
	If IsEmpty(vDate) Then vDate = Named(oNames, "cw_date")
	If IsEmpty(vDate) Then
		ReadOpened = "no As at date: fill in the sheet's date (the month it scores)"
		Exit Function
	End If
	If VarType(vDate) <> V_DOUBLE Then
		ReadOpened = "the As at date is not a date"
		Exit Function
	End If
	Dim vTotal, vCapacity, vHeadroom, vFte, vTop
	vTotal = Named(oNames, "cw_total")
	vCapacity = Named(oNames, "cw_capacity")
	vHeadroom = Named(oNames, "cw_headroom")
	If Not oNames.hasByName("cw_headroom") Then
		vTop = Named(oNames, "cw_capacity_points")
		vHeadroom = Empty
		If VarType(vTop) = V_DOUBLE And VarType(vTotal) = V_DOUBLE Then
			vHeadroom = vTop - vTotal
		ElseIf VarType(vCapacity) = V_DOUBLE And VarType(vTotal) = V_DOUBLE Then
			If vCapacity > 0 And vTotal > 0 Then vHeadroom = vTotal / vCapacity - vTotal
		End If
	End If
	vFte = Named(oNames, "cw_fte")
	If VarType(vFte) <> V_DOUBLE Then vFte = 1
	ReadOpened = Array(sName, Text(Named(oNames, "cw_worker")), _
		Text(Named(oNames, "cw_scheme_version")), vDate, Text(Named(oNames, "cw_grade")), vFte, _
		vTotal, Text(Named(oNames, "cw_band")), vCapacity, vHeadroom, RowsInError(oNames), _
		Named(oNames, "cw_personal"), Named(oNames, "cw_case_points"))
End Function

REM Why the worker aRead(k) is not counted, or "": its As at date outside the month of the
REM summary's As at date (vAsAt, when it has one), another sheet of the same worker in the month
REM with a later As at date (the first in file order on the same date), rows in error (no total
REM to count: the count and averages would silently leave the worker out).
Function NotCounted(aRead(), nRead As Long, k As Long, vAsAt) As String
	Dim w, o, j As Long
	w = aRead(k)
	NotCounted = ""
	If Not InMonth(w(3), vAsAt) Then
		NotCounted = "its As at date " & Format(CDate(w(3)), "DD/MM/YYYY") & _
			" is outside the month of the summary's As at date (" & _
			Format(CDate(vAsAt), "MM/YYYY") & ")"
		Exit Function
	End If
	If WorkerKey(w(1)) <> "" Then
		For j = 0 To nRead - 1
			o = aRead(j)
			If j <> k And WorkerKey(o(1)) = WorkerKey(w(1)) And InMonth(o(3), vAsAt) Then
				If o(3) > w(3) Or (o(3) = w(3) And j < k) Then
					NotCounted = "a second sheet of this worker: " & o(0) & " (As at " & _
						Format(CDate(o(3)), "DD/MM/YYYY") & ") counts, with " & _
						IIf(o(3) > w(3), "a later", "the same") & " As at date"
					Exit Function
				End If
			End If
		Next j
	End If
	If w(10) > 0 Then
		NotCounted = IIf(w(10) = 1, "1 row", w(10) & " rows") & " in error, so its total " & _
			"cannot be counted: fix the worker's sheet and refresh"
	ElseIf VarType(w(6)) <> V_DOUBLE Then
		NotCounted = "its total shows " & IIf(VarType(w(6)) = V_STRING, w(6), "nothing") & _
			", so it cannot be counted: fix the worker's sheet and refresh"
	End If
End Function

REM Whether the date vDate is in the month of vAsAt (always, when vAsAt is no date).
Function InMonth(vDate, vAsAt) As Boolean
	InMonth = True
	If VarType(vAsAt) <> V_DOUBLE Then Exit Function
	InMonth = (Year(CDate(vDate)) = Year(CDate(vAsAt)) And Month(CDate(vDate)) = Month(CDate(vAsAt)))
End Function

REM A worker's name compared case- and space-insensitively ("Ben  best" = "Ben Best").
Function WorkerKey(sName As String) As String
	Dim s As String
	s = LCase(Trim(sName))
	Do While InStr(s, "  ") > 0
		s = Replace(s, "  ", " ")
	Loop
	WorkerKey = s
End Function

Function WorkerName(sName As String) As String
	If Trim(sName) = "" Then WorkerName = "worker" Else WorkerName = sName
End Function

REM "SWINDON@2026-11-30" -> "SWINDON".
Function SchemeName(sText As String) As String
	Dim iAt As Long
	iAt = InStr(sText, "@")
	If iAt > 0 Then
		SchemeName = Left(sText, iAt - 1)
	Else
		SchemeName = sText
	End If
End Function

REM A named cell's value: a number (Double), a string, Empty when empty or missing; an error
REM as its text ("Err:502").
Function Named(oNames As Object, sName As String)
	Named = Empty
	If Not oNames.hasByName(sName) Then Exit Function
	Dim oCells As Object
	oCells = oNames.getByName(sName).ReferredCells
	If IsNull(oCells) Then Exit Function
	Named = CellValue(oCells.getCellByPosition(0, 0))
End Function

Function CellValue(oCell As Object)
	CellValue = Empty
	If oCell.getError() <> 0 Then
		CellValue = oCell.getString()
		Exit Function
	End If
	Select Case oCell.getType()
		Case com.sun.star.table.CellContentType.EMPTY
		Case com.sun.star.table.CellContentType.TEXT
			CellValue = oCell.getString()
		Case com.sun.star.table.CellContentType.FORMULA
			If oCell.FormulaResultType2 = com.sun.star.sheet.FormulaResult.STRING Then
				If oCell.getString() <> "" Then CellValue = oCell.getString()
			Else
				CellValue = oCell.getValue()
			End If
		Case Else
			CellValue = oCell.getValue()
	End Select
End Function

Function Text(v) As String
	If VarType(v) = V_STRING Then Text = v Else Text = ""
End Function

REM Rows of the Check column saying something else than OK (or showing an error).
Function RowsInError(oNames As Object) As Long
	RowsInError = 0
	If Not oNames.hasByName("cw_col_check") Then Exit Function
	Dim oRng As Object, r As Long, oCell As Object, n As Long
	oRng = oNames.getByName("cw_col_check").ReferredCells
	n = 0
	For r = 0 To oRng.Rows.getCount() - 1
		oCell = oRng.getCellByPosition(0, r)
		If oCell.getError() <> 0 Then
			n = n + 1
		ElseIf Trim(oCell.getString()) <> "" And Trim(oCell.getString()) <> "OK" Then
			n = n + 1
		End If
	Next r
	RowsInError = n
End Function

REM Why a zip package cannot be read (damaged, encrypted), found without opening it, or "".
Function PackageReason(sUrl As String, sExt As String) As String
	PackageReason = ""
	Dim oZip As Object
	oZip = CreateUnoService("com.sun.star.packages.zip.ZipFileAccess")
	On Error GoTo NotZip
	oZip.initialize(Array(sUrl))
	On Error GoTo Done
	If sExt = ".ods" And oZip.hasByName("META-INF/manifest.xml") Then
		Dim oText As Object, sXml As String
		oText = CreateUnoService("com.sun.star.io.TextInputStream")
		oText.setInputStream(oZip.getInputStream("META-INF/manifest.xml"))
		sXml = ""
		Do While Not oText.isEOF()
			sXml = sXml & oText.readLine()
		Loop
		oText.closeInput()
		If InStr(sXml, "encryption-data") > 0 Then PackageReason = "password-protected"
	End If
	Exit Function
NotZip:
	PackageReason = "damaged (not a complete " & sExt & " file: cut off or corrupt)"
	Exit Function
Done:
End Function

REM The summary's worker table filled from the workers read: every input cell of the table
REM emptied, then one row per worker (name, grade, FTE, total; on a pro-forma of personal and
REM case points, those and the date). Returns how many rows went in.
Function FillTable(oDoc As Object, aRead(), nRead As Long) As Long
	Dim oNames As Object, aNames, i As Long, oRng As Object, nRows As Long
	oNames = oDoc.NamedRanges
	aNames = oNames.getElementNames()
	nRows = 0
	For i = 0 To UBound(aNames)
		If Left(aNames(i), 7) = "cw_col_" Then
			oRng = oNames.getByName(aNames(i)).ReferredCells
			If Not IsNull(oRng) Then
				If Not oRng.getCellByPosition(0, 0).CellProtection.IsLocked Then
					oRng.clearContents(1 + 2 + 4 + 16)
				End If
				If nRows = 0 Then nRows = oRng.Rows.getCount()
			End If
		End If
	Next i
	Dim k As Long, w
	For k = 0 To nRead - 1
		If k >= nRows Then Exit For
		w = aRead(k)
		PutIn(oNames, "cw_col_worker", k, w(1))
		PutIn(oNames, "cw_col_initials", k, w(1))
		PutIn(oNames, "cw_col_grade", k, w(4))
		PutIn(oNames, "cw_col_fte", k, w(5))
		PutIn(oNames, "cw_col_wte", k, w(5))
		PutIn(oNames, "cw_col_total", k, w(6))
		PutIn(oNames, "cw_col_date", k, w(3))
		PutIn(oNames, "cw_col_personal", k, w(11))
		PutIn(oNames, "cw_col_cases", k, w(12))
	Next k
	If nRead < nRows Then FillTable = nRead Else FillTable = nRows
End Function

Sub PutIn(oNames As Object, sName As String, nRow As Long, v)
	If Not oNames.hasByName(sName) Then Exit Sub
	Dim oCell As Object
	oCell = oNames.getByName(sName).ReferredCells.getCellByPosition(0, nRow)
	If oCell.CellProtection.IsLocked Then Exit Sub
	If VarType(v) = V_DOUBLE Then
		oCell.setValue(v)
	ElseIf VarType(v) = V_STRING Then
		If v <> "" And Left(v, 4) <> "Err:" Then oCell.setString(v)
	End If
End Sub

Function FreshSheet(oDoc As Object, sName As String) As Object
	Dim oSheets As Object
	oSheets = oDoc.Sheets
	If oSheets.hasByName(sName) Then oSheets.removeByName(sName)
	oSheets.insertNewByName(sName, oSheets.getCount())
	FreshSheet = oSheets.getByName(sName)
End Function

Sub WriteRead(oDoc As Object, aRead(), nRead As Long)
	Dim oSh As Object, k As Long, j As Long, w, oCell As Object
	oSh = FreshSheet(oDoc, READ_SHEET)
	Dim aHead
	aHead = Array("File", "Worker", "Scheme", "As at", "Grade", "FTE", "Total", "Band", _
		"Capacity", "Headroom", "Rows in error")
	For j = 0 To UBound(aHead)
		oSh.getCellByPosition(j, 0).setString(aHead(j))
	Next j
	For k = 0 To nRead - 1
		w = aRead(k)
		For j = 0 To 10
			oCell = oSh.getCellByPosition(j, k + 1)
			If VarType(w(j)) = V_STRING Then
				oCell.setString(w(j))
			ElseIf Not IsEmpty(w(j)) Then
				oCell.setValue(w(j))
			End If
		Next j
	Next k
	If nRead > 0 Then
		oSh.getCellRangeByPosition(3, 1, 3, nRead).NumberFormat = FormatKey(oDoc, "DD/MM/YYYY")
		oSh.getCellRangeByPosition(8, 1, 8, nRead).NumberFormat = FormatKey(oDoc, "0%")
	End If
	oSh.getCellRangeByPosition(0, 0, 10, 0).CharWeight = com.sun.star.awt.FontWeight.BOLD
	For j = 0 To 10
		oSh.Columns.getByIndex(j).OptimalWidth = True
	Next j
End Sub

Sub WriteUnread(oDoc As Object, aUnread(), nUnread As Long)
	Dim oSh As Object, k As Long
	oSh = FreshSheet(oDoc, UNREAD_SHEET)
	oSh.getCellByPosition(0, 0).setString("File")
	oSh.getCellByPosition(1, 0).setString("Reason")
	For k = 0 To nUnread - 1
		oSh.getCellByPosition(0, k + 1).setString(aUnread(k)(0))
		oSh.getCellByPosition(1, k + 1).setString(aUnread(k)(1))
	Next k
	oSh.getCellRangeByPosition(0, 0, 1, 0).CharWeight = com.sun.star.awt.FontWeight.BOLD
	oSh.Columns.getByIndex(0).OptimalWidth = True
	oSh.Columns.getByIndex(1).OptimalWidth = True
End Sub

Function FormatKey(oDoc As Object, sCode As String) As Long
	Dim oFormats As Object, aLocale As New com.sun.star.lang.Locale, nKey As Long
	aLocale.Language = "en"
	aLocale.Country = "GB"
	oFormats = oDoc.NumberFormats
	nKey = oFormats.queryKey(sCode, aLocale, False)
	If nKey = -1 Then nKey = oFormats.addNew(sCode, aLocale)
	FormatKey = nKey
End Function

Function FileName(sUrl As String) As String
	Dim sPath As String
	sPath = ConvertFromURL(sUrl)
	FileName = Mid(sPath, LastAt(sPath, "/") + 1)
End Function

REM The position of the last sChar in s (0 when none).
Function LastAt(s As String, sChar As String) As Long
	Dim i As Long
	LastAt = 0
	For i = Len(s) To 1 Step -1
		If Mid(s, i, 1) = sChar Then
			LastAt = i
			Exit Function
		End If
	Next i
End Function

Function NormalUrl(sUrl As String) As String
	NormalUrl = ConvertToURL(ConvertFromURL(sUrl))
End Function

Sub SortUrls(a(), n As Long)
	Dim i As Long, j As Long, t
	For i = 1 To n - 1
		t = a(i)
		j = i - 1
		Do While j >= 0
			If a(j) <= t Then Exit Do
			a(j + 1) = a(j)
			j = j - 1
		Loop
		a(j + 1) = t
	Next i
End Sub

Function Prop(sName As String, vValue) As com.sun.star.beans.PropertyValue
	Dim p As New com.sun.star.beans.PropertyValue
	p.Name = sName
	p.Value = vValue
	Prop = p
End Function
