// The scheme-file command, for councils and for the code reference.
//   caseweight-scheme check FILE...     every mistake of the files, with its line (exit 1), as
//                                        Calc would find them beside the built-in schemes
//   caseweight-scheme codes             every scheme's codes, groups, columns, labels, points
//                                        and grades, and the caseload policies, as Markdown,
//                                        from the files (the build writes it to docs/codes.md
//                                        in the build folder)
// The built-in schemes are read from --schemes DIR (default: the source's schemes/ folder).
#include "caseweight/engine.hpp"
#include "caseweight/schemes.hpp"
#include "checked_arguments.hpp"
#include "scheme.hpp"
#include "words.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace
{
using namespace caseweight::detail;

std::string readFile(const std::string& path, bool& ok)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    return buffer.str();
}

std::string reference()
{
    std::ostringstream out;
    for (const SchemeEntry& entry : allSchemes())
    {
        const Scheme& s = entry.versions.back();
        out << "#### " << s.name << "\n\n"
            << s.council << ": " << s.source << " (`schemes/" << s.file
            << "`).\n\n| code | group | column | what it is: points |\n|---|---|---|---|\n";
        for (const Item& item : s.items)
            out << "| `" << item.code << "` | " << groupName(item.group) << " | " << item.column
                << " | " << item.label << ": " << pointsText(s, item) << " |\n";
        out << "\nGrades: ";
        if (s.gradesIgnored)
            out << "ignored (bands by FTE only).";
        else
        {
            bool first = true;
            for (const Grade& g : s.grades)
            {
                if (!g.invalid.empty())
                    continue;
                out << (first ? "" : ", ") << "`" << g.name << "` " << formatNumber(g.lower) << "-"
                    << formatNumber(g.upper);
                first = false;
            }
            out << " (default `" << s.defaultGrade << "`).";
        }
        if (!std::isnan(s.fullTimeHours))
            out << " Full-time week: " << formatNumber(s.fullTimeHours) << " hours.";
        out << "\n\n";
    }
    out << "#### Caseload policies\n\nNumbers of cases at full time, pro rata by FTE "
           "(`CASELOADBAND`, `CASELOADLIMIT`, `CASELOADPOLICIES`).\n\n"
           "| code | what | cases at full time | source |\n|---|---|---|---|\n";
    for (const PolicyEntry& entry : allPolicies())
    {
        if (entry.versions.empty())
            continue;
        const PolicyVersion& p = entry.versions.back();
        out << "| `" << entry.code << "` | " << p.label << " | "
            << (p.lower > 0 ? formatNumber(p.lower) + "-" : std::string("up to "))
            << formatNumber(p.upper) << " | " << p.source << " (`schemes/" << p.file << "`) |\n";
    }
    out << "\n";
    return out.str();
}

int usage()
{
    std::cerr << "usage: caseweight-scheme check FILE... | codes "
                 "[--schemes DIR]\n";
    return 2;
}
} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string builtIn = CASEWEIGHT_SCHEMES_DIR;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--schemes")
        {
            builtIn = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i),
                       args.begin() + static_cast<long>(i) + 2);
            break;
        }
    if (args.empty())
        return usage();
    const auto shipped = caseweight::schemeFilesIn(builtIn);
    if (args[0] == "check")
    {
        if (args.size() < 2)
            return usage();
        std::vector<caseweight::SchemeFile> files;
        for (std::size_t i = 1; i < args.size(); ++i)
        {
            bool ok = false;
            std::string text = readFile(args[i], ok);
            if (!ok)
            {
                std::cerr << args[i] << ": cannot be read.\n";
                return 2;
            }
            files.push_back({args[i], std::move(text)});
        }
        const auto problems = caseweight::checkSchemeFiles(files, shipped);
        for (const std::string& p : problems)
            std::cout << p << "\n";
        if (!problems.empty())
            return 1;
        std::cout << "No mistakes found in " << files.size()
                  << (files.size() == 1 ? " file.\n" : " files.\n");
        return 0;
    }
    if (args[0] != "codes" || args.size() != 1)
        return usage();
    const auto problems = caseweight::loadSchemes(shipped);
    for (const std::string& p : problems)
        std::cerr << p << "\n";
    if (!problems.empty() || shipped.empty())
        return 1;
    const std::string text = reference();
    std::cout << text;
    return 0;
}
