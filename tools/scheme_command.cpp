// The scheme-file command, for councils and for the code reference.
//   caseweight-scheme check FILE...     every mistake of the files, with its line (exit 1), as
//                                        Calc would find them beside the built-in schemes
//   caseweight-scheme codes             every scheme's codes, groups, columns, labels, points
//                                        and grades, and the caseload policies, as Markdown,
//                                        from the files (the build writes it to docs/codes.md
//                                        in the build folder)
// The built-in schemes are read from --schemes DIR, else from the caseweight installed in the
// LibreOffice profile --profile DIR, else from a schemes/ folder beside the program (or the
// source's, where it was built), else from the caseweight installed for this user or for
// everyone. `check` also reads the scheme packs installed there, as Calc does (not with
// --no-installed); a file given replaces an installed one of the same name.
#include "caseweight/engine.hpp"
#include "caseweight/schemes.hpp"
#include "checked_arguments.hpp"
#include "scheme.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

namespace
{
using namespace caseweight::detail;

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
    std::cerr << "usage: caseweight-scheme check FILE... | codes  [--schemes DIR] [--profile DIR] "
                 "[--no-installed]\n";
    return 2;
}

namespace fs = std::filesystem;

// The LibreOffice profiles whose installed extensions count: the one given, the user's and
// the one for every user of this computer.
std::vector<fs::path> extensionCaches(const std::string& profile)
{
    std::vector<fs::path> out;
    const auto user = [&](fs::path dir)
    {
        if (fs::exists(dir / "user"))
            dir /= "user";
        out.push_back(dir / "uno_packages" / "cache" / "uno_packages");
    };
    if (!profile.empty())
        user(profile);
    if (const char* home = std::getenv("HOME"))
        user(fs::path(home) / ".config" / "libreoffice" / "4");
    out.push_back("/usr/lib/libreoffice/share/uno_packages/cache/uno_packages");
    out.push_back("/opt/libreoffice/share/uno_packages/cache/uno_packages");
    return out;
}

// An installed extension: its identifier (from description.xml) and folder.
struct Installed
{
    std::string id;
    fs::path folder;
};

std::vector<Installed> installedIn(const fs::path& cache)
{
    std::vector<Installed> out;
    std::error_code ec;
    for (fs::directory_iterator tmp(cache, ec), end; !ec && tmp != end; tmp.increment(ec))
    {
        std::error_code ec2;
        for (fs::directory_iterator ext(tmp->path(), ec2), end2; !ec2 && ext != end2;
             ext.increment(ec2))
        {
            const auto description =
                caseweight::schemeFileAt((ext->path() / "description.xml").string());
            const std::string xml = description ? description->text : std::string();
            const std::string key = "<identifier value=\"";
            const std::size_t at = xml.find(key);
            if (at == std::string::npos)
                continue;
            const std::size_t from = at + key.size();
            out.push_back({xml.substr(from, xml.find('"', from) - from), ext->path()});
        }
    }
    return out;
}

bool isFolder(const fs::path& p)
{
    std::error_code ec;
    return fs::is_directory(p, ec);
}
} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string builtIn, profile;
    bool installed = true;
    for (std::size_t i = 0; i < args.size();)
    {
        if ((args[i] == "--schemes" || args[i] == "--profile") && i + 1 < args.size())
        {
            (args[i] == "--schemes" ? builtIn : profile) = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i),
                       args.begin() + static_cast<long>(i) + 2);
        }
        else if (args[i] == "--no-installed")
        {
            installed = false;
            args.erase(args.begin() + static_cast<long>(i));
        }
        else
            ++i;
    }
    if (args.empty())
        return usage();
    // The extensions installed in the profiles: caseweight itself (its built-in schemes) and
    // the scheme packs, read after the built-in schemes in the order of their identifiers, as
    // Calc reads them.
    std::vector<Installed> extensions;
    for (const fs::path& cache : extensionCaches(profile))
        for (Installed& e : installedIn(cache))
            extensions.push_back(std::move(e));
    // The built-in schemes: the folder given; else the caseweight installed in the profile
    // given; else a schemes/ folder beside this program (or the source's, where it was built);
    // else the caseweight installed for this user or for everyone.
    // The folder of this program, however it was started (from PATH too).
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        self = fs::weakly_canonical(fs::path(argv[0]), ec);
    const fs::path exe = self.parent_path();
    const auto ownExtension = [&]() -> std::string
    {
        for (const Installed& e : extensions)
            if (e.id == "org.caseweight.extension" && isFolder(e.folder / "schemes"))
                return (e.folder / "schemes").string();
        return {};
    };
    if (builtIn.empty() && !profile.empty())
        builtIn = ownExtension();
    for (const fs::path& candidate :
         {exe / "schemes", exe / ".." / "share" / "caseweight" / "schemes",
          fs::path(CASEWEIGHT_SCHEMES_DIR)})
        if (builtIn.empty() && isFolder(candidate))
            builtIn = candidate.string();
    if (builtIn.empty())
        builtIn = ownExtension();
    if (builtIn.empty() || !isFolder(builtIn))
    {
        std::cerr << "caseweight-scheme: cannot find caseweight's built-in schemes (is caseweight "
                     "installed?); give --schemes DIR, the schemes folder of caseweight.\n";
        return 2;
    }
    auto shipped = caseweight::schemeFilesIn(builtIn);
    if (installed && args[0] == "check")
    {
        std::vector<Installed> packs;
        for (const Installed& e : extensions)
            if (e.id.rfind("org.caseweight.schemes.", 0) == 0)
                packs.push_back(e);
        std::stable_sort(packs.begin(), packs.end(),
                         [](const Installed& a, const Installed& b) { return a.id < b.id; });
        for (const Installed& p : packs)
        {
            std::cerr << "caseweight-scheme: also reading the installed pack " << p.id << "\n";
            for (caseweight::SchemeFile& f :
                 caseweight::schemeFilesIn((p.folder / "schemes").string()))
                shipped.push_back(std::move(f));
        }
    }
    if (args[0] == "check")
    {
        if (args.size() < 2)
            return usage();
        std::vector<caseweight::SchemeFile> files;
        for (std::size_t i = 1; i < args.size(); ++i)
        {
            std::optional<caseweight::SchemeFile> file = caseweight::schemeFileAt(args[i]);
            if (!file)
            {
                std::cerr << args[i] << ": cannot be read.\n";
                return 2;
            }
            files.push_back(std::move(*file));
        }
        const auto problems = caseweight::checkSchemeFiles(files, shipped);
        for (const std::string& p : problems)
            std::cout << p << "\n";
        if (!std::all_of(problems.begin(), problems.end(), caseweight::isNote))
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
