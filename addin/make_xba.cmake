# Wraps a Basic source file (readable, diffable) into the .xba XML that a Basic library needs.
# cmake -DIN=Share.bas -DOUT=Share.xba -DNAME=Share -P make_xba.cmake
file(READ ${IN} code)
string(REPLACE "&" "&amp;" code "${code}")
string(REPLACE "<" "&lt;" code "${code}")
string(REPLACE ">" "&gt;" code "${code}")
string(REPLACE "\"" "&quot;" code "${code}")
string(REPLACE "'" "&apos;" code "${code}")
file(WRITE ${OUT} "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE script:module PUBLIC \"-//OpenOffice.org//DTD OfficeDocument 1.0//EN\" \"module.dtd\">
<script:module xmlns:script=\"http://openoffice.org/2000/script\" script:name=\"${NAME}\" script:language=\"StarBasic\">${code}</script:module>
")
