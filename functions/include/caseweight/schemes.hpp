// Loading the schemes: every scheme is a data file (schemes/*.toml in the source, shipped in
// caseweight.oxt; a council's own files in a scheme pack). Pure C++: the caller reads the
// files, the engine parses and checks them.
#pragma once

#include "caseweight/value.hpp"

#include <optional>
#include <string>
#include <string_view>
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

// loadSchemes of `installed` with each of `given` replacing a file of the same name (a council's
// files tried in this office before they are packed); the given files' problems only.
std::vector<std::string> loadSchemesWith(const std::vector<SchemeFile>& installed,
                                         const std::vector<SchemeFile>& given);

// Checks files as loadSchemes would, without making them the ones in use: every mistake, as
// "file:line: sentence" (the check command), then the notes, "file:line: note: sentence",
// which are no mistakes (isNote). `builtIn` are the files they may amend.
std::vector<std::string> checkSchemeFiles(const std::vector<SchemeFile>& files,
                                          const std::vector<SchemeFile>& builtIn = {});

// What marks a line of checkSchemeFiles that is a note, not a mistake.
inline constexpr std::string_view kNote = "note: ";
inline bool isNote(const std::string& line)
{
    const std::size_t colon = line.find(": ");
    return colon != std::string::npos && line.compare(colon + 2, kNote.size(), kNote) == 0;
}

// The file at `path`, whole; nothing when it cannot be read or is not a regular file of at
// most 64 MB (a folder, a device). Never throws.
std::optional<SchemeFile> schemeFileAt(const std::string& path);

// The *.toml files of a folder, by name (none when the folder does not exist or cannot be
// read). Never throws.
std::vector<SchemeFile> schemeFilesIn(const std::string& folder);

// Whether loadSchemes has run.
bool schemesLoaded();

// SCHEMESTATUS: what the files in use hold, one line each: every scheme with its versions and
// their files (and from when it cannot be used, and why), every policy that cannot be used,
// then every mistake found in the files, then the files read. Given a scheme (name or alias),
// its line alone; InputError when no file defines it.
std::vector<std::string> schemeStatus(const Value& scheme);

// SCHEMECHECK: the mistakes of the scheme files at `paths` (paths of this computer; empty
// cells ignored) read together beside the files in use, as Calc would read them once
// installed ("file:line: sentence"), or the one line "No mistakes found in kent.toml.".
// Throws InputError when a file cannot be read.
std::vector<std::string> schemeCheck(const Values& paths);

} // namespace caseweight
