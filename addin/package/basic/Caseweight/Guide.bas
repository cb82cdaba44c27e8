REM Tools > Add-Ons > caseweight: Getting Started: opens the guide shipped in the extension.
Option Explicit

Const EXTENSION_ID = "org.caseweight.extension"

Sub OpenGuide()
	Dim sUrl As String
	sUrl = GuideUrl()
	If sUrl = "" Then
		MsgBox "The caseweight guide was not found; reinstall the extension.", 48, "caseweight"
		Exit Sub
	End If
	Dim aArgs(0) As New com.sun.star.beans.PropertyValue
	aArgs(0).Name = "ReadOnly"
	aArgs(0).Value = True
	StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, aArgs())
End Sub

REM The guide's URL inside the installed extension, or "" when it is missing.
Function GuideUrl() As String
	Dim oInfo As Object
	oInfo = GetDefaultContext().getByName( _
		"/singletons/com.sun.star.deployment.PackageInformationProvider")
	Dim sUrl As String
	sUrl = oInfo.getPackageLocation(EXTENSION_ID) & "/guide/getting-started.ods"
	If FileExists(sUrl) Then GuideUrl = sUrl Else GuideUrl = ""
End Function
