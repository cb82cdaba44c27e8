// Loading the schemes: every scheme is a data file (schemes/*.toml in the source, shipped in
// caseweight.oxt; a council's own files in a scheme pack). Pure C++: the caller reads the
// files, the engine parses and checks them.
#pragma once

#include <string>
#include <vector>

namespace caseweight
{

struct SchemeFile
{
    std::string path; // shown in sentences by its file name
    std::string text;
};

// Parses and checks the files (built-in ones first, then packs in a stable order) and makes
// the schemes they define the ones every function uses from now on. A file with mistakes
// never stops the others: the scheme it defines (or amends) gives an error that names the
// file and the line. Returns every mistake found, as "file:line: sentence". Never throws.
//
// Calls may come from any thread; a scheme set once loaded is never freed (a reload leaves
// the previous set in memory), so a calculation running meanwhile keeps valid data.
std::vector<std::string> loadSchemes(const std::vector<SchemeFile>& files);

// Checks files as loadSchemes would, without making them the ones in use: every mistake, as
// "file:line: sentence" (the check command). `builtIn` are the files they may amend.
std::vector<std::string> checkSchemeFiles(const std::vector<SchemeFile>& files,
                                          const std::vector<SchemeFile>& builtIn = {});

// The *.toml files of a folder, by name (none when the folder does not exist or cannot be
// read). Never throws.
std::vector<SchemeFile> schemeFilesIn(const std::string& folder);

// Whether loadSchemes has run.
bool schemesLoaded();

} // namespace caseweight
