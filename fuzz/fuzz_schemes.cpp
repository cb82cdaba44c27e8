// libFuzzer target over the scheme-file reader: a council's file may hold anything. The input
// is a scheme file (and, after a NUL byte, a second file that may amend it), read beside the
// shipped schemes. Checked beside the sanitizers:
//   - reading never throws, and every mistake is "file:line: sentence";
//   - every version of a scheme read without mistakes scores each of its codes alone and with
//     every other code: a finite number or an InputError, never another exception.
#include <caseweight/engine.hpp>
#include <caseweight/schemes.hpp>

#include "items.hpp"
#include "rules.hpp"
#include "scheme.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace
{
using namespace caseweight::detail;

[[noreturn]] void failCheck(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "caseweight scheme fuzz check failed: %s: %s\n", what, detail.c_str());
    std::abort();
}

const std::vector<caseweight::SchemeFile>& shipped()
{
    static const auto files = caseweight::schemeFilesIn(CASEWEIGHT_SCHEMES_DIR);
    return files;
}

void score(const Scheme& scheme, const std::string& items, int children)
{
    try
    {
        Row row = parseItems(scheme, {caseweight::Value::str(items)}, ItemUse::CaseRow);
        row.children = children;
        const double p = row.total() == 0 ? 0.0 : rowPoints(row);
        if (!std::isfinite(p) && std::isfinite(p * 0)) // inf is refused by finiteResult later
            failCheck("points not a number", items);
    }
    catch (const caseweight::InputError& e)
    {
        if (std::string(e.what()).empty())
            failCheck("empty sentence", items);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    std::vector<caseweight::SchemeFile> files{{"/packs/fuzz.toml", input.substr(0, nul)}};
    if (nul != std::string::npos)
        files.push_back({"/packs/fuzz-amends.toml", input.substr(nul + 1)});
    std::vector<SchemeEntry> entries;
    try
    {
        for (const std::string& p : caseweight::checkSchemeFiles(files, shipped()))
            if (p.find(".toml:") == std::string::npos)
                failCheck("a mistake without file and line", p);
        std::vector<caseweight::SchemeFile> all = shipped();
        all.insert(all.end(), files.begin(), files.end());
        std::vector<std::string> problems;
        entries = readSchemes(all, problems);
    }
    catch (const std::exception& e)
    {
        failCheck("exception from the reader", e.what());
    }
    for (const SchemeEntry& entry : entries)
        for (const Scheme& version : entry.versions)
        {
            if (version.items.size() > 40)
                continue; // pairs of a large scheme cost time, not coverage
            for (const Item& a : version.items)
            {
                if (isWorkerGroup(a.group))
                    continue;
                score(version, a.code, 1);
                score(version, a.code, 7);
                for (const Item& b : version.items)
                    if (!isWorkerGroup(b.group))
                        score(version, a.code + ";" + b.code, 3);
            }
            for (const Grade& g : version.grades)
                if (g.invalid.empty() && !version.bands.above.empty())
                    (void)band(version, 100, g, 0.5);
        }
    return 0;
}
