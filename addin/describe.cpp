// Writes the Extension Manager's description of caseweight from the function table and the
// README's release notes, so that it names every function and says what is new without a
// second copy of either.
//   caseweight-describe TEMPLATE OUT README VERSION
// TEMPLATE's @FUNCTIONS@ becomes "CASEPOINTS, ... and X", @RELEASE_NOTES@ the README's
// "### VERSION" section.
//   caseweight-describe --names IN OUT
// IN's @FUNCTION_NAMES@ becomes "CASEPOINTS CASECHECK ...": the Basic library learns which
// formulas are caseweight's from the same table.
#include "function_table.hpp"

#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

namespace
{
std::string read(const char* path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return in ? text.str() : std::string();
}

std::string functionNames()
{
    std::string names;
    const auto& table = caseweight::functionTable();
    for (std::size_t i = 0; i < table.size(); ++i)
    {
        if (i > 0)
            names += i + 1 == table.size() ? " and " : ", ";
        names += table[i].displayName;
    }
    return names;
}

// The lines under "### VERSION" up to the next heading, as plain text.
std::string releaseNotes(const std::string& readme, const std::string& version)
{
    const std::string heading = "\n### " + version + "\n";
    const auto start = readme.find(heading);
    if (start == std::string::npos)
        return std::string();
    const auto from = start + heading.size();
    const auto end = readme.find("\n#", from);
    std::string notes = readme.substr(from, end == std::string::npos ? end : end - from);
    notes = std::regex_replace(notes, std::regex(R"(\[([^\]]+)\]\([^)]*\))"), "$1");
    notes = std::regex_replace(notes, std::regex("`"), "");
    notes = std::regex_replace(notes, std::regex(R"(\n  +)"), " ");
    return notes;
}

bool replace(std::string& text, const std::string& marker, const std::string& by)
{
    const auto at = text.find(marker);
    if (at == std::string::npos || by.empty())
        return false;
    text.replace(at, marker.size(), by);
    return true;
}
} // namespace

std::string spacedNames()
{
    std::string names;
    for (const auto& f : caseweight::functionTable())
        names += (names.empty() ? "" : " ") + std::string(f.displayName);
    return names;
}

int main(int argc, char** argv)
{
    if (argc == 4 && std::string(argv[1]) == "--names")
    {
        std::string out = read(argv[2]);
        if (!replace(out, "@FUNCTION_NAMES@", spacedNames()))
        {
            std::cerr << "caseweight-describe: " << argv[2] << " has no @FUNCTION_NAMES@\n";
            return 1;
        }
        std::ofstream(argv[3]) << out;
        return 0;
    }
    if (argc != 5)
    {
        std::cerr << "usage: caseweight-describe TEMPLATE OUT README VERSION | --names IN OUT\n";
        return 2;
    }
    std::string out = read(argv[1]);
    if (!replace(out, "@FUNCTIONS@", functionNames()))
    {
        std::cerr << "caseweight-describe: " << argv[1] << " has no @FUNCTIONS@\n";
        return 1;
    }
    if (!replace(out, "@RELEASE_NOTES@", releaseNotes(read(argv[3]), argv[4])))
    {
        std::cerr << "caseweight-describe: no @RELEASE_NOTES@, or " << argv[3] << " has no \"### "
                  << argv[4] << "\" release notes\n";
        return 1;
    }
    std::ofstream(argv[2]) << out;
    return 0;
}
