# Makes the final caseweight.oxt: the add-in package's staged folder, plus the weighting-sheet
# templates (templates/Caseweight/*.ots) and Paths.xcu, which adds them to the template paths.
# -DSTAGE=<add-in package folder> -DTEMPLATES=<folder of .ots> -DPATHS_XCU=<Paths.xcu>
# -DWORK=<scratch folder> -DOUT=<caseweight.oxt> -DGUIDE=<getting-started.ods>
file(REMOVE_RECURSE ${WORK})
file(COPY ${STAGE}/ DESTINATION ${WORK})
file(GLOB ots ${TEMPLATES}/*.ots)
if(NOT ots)
  message(FATAL_ERROR "no templates in ${TEMPLATES}")
endif()
file(COPY ${ots} DESTINATION ${WORK}/templates/Caseweight)
file(COPY ${PATHS_XCU} DESTINATION ${WORK})
# The getting-started guide (Tools > Add-Ons), outside the template paths.
file(COPY ${GUIDE} DESTINATION ${WORK}/guide)
file(READ ${WORK}/META-INF/manifest.xml manifest)
string(REPLACE "</manifest:manifest>"
  "  <manifest:file-entry manifest:full-path=\"Paths.xcu\"\n                       manifest:media-type=\"application/vnd.sun.star.configuration-data\"/>\n</manifest:manifest>"
  manifest "${manifest}")
file(WRITE ${WORK}/META-INF/manifest.xml "${manifest}")
file(GLOB entries RELATIVE ${WORK} ${WORK}/*)
list(SORT entries)
file(REMOVE ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUT} --format=zip ${entries}
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "zipping ${OUT} failed")
endif()
