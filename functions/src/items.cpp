#include "items.hpp"

#include "checked_arguments.hpp"
#include "dates.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace caseweight::detail
{

std::string_view groupName(Group group)
{
    switch (group)
    {
    case Group::Case:
        return "case";
    case Group::Modifier:
        return "modifier";
    case Group::Specific:
        return "specific";
    case Group::Additional:
        return "additional";
    case Group::Worker:
        return "worker";
    }
    return "";
}

bool isWorkerGroup(Group group)
{
    return group == Group::Worker;
}

namespace
{

char upperAscii(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// A hash of a code's length and three of its letters (upper case): cheap, as it runs for
// every lookup; codes that share it are told apart by the probe's comparison.
std::uint32_t codeHash(std::string_view code)
{
    const std::size_t n = code.size();
    if (n == 0)
        return 0;
    std::uint32_t h = static_cast<std::uint32_t>(n);
    h = h * 131u + static_cast<unsigned char>(upperAscii(code[0]));
    h = h * 131u + static_cast<unsigned char>(upperAscii(code[n / 2]));
    h = h * 131u + static_cast<unsigned char>(upperAscii(code[n - 1]));
    return (h * 2654435761u) >> 23; // the top 9 bits: a slot
}
static_assert(kIndexSlots == 512 && kIndexSlots >= 3 * kMaxItems, "codeHash gives 9 bits");

// A table code (upper case) against a code in any case.
bool sameCode(std::string_view tableCode, std::string_view code)
{
    if (tableCode.size() != code.size())
        return false;
    if (tableCode == code) // the rules' codes and most typed ones are upper case already
        return true;
    for (std::size_t i = 0; i < code.size(); ++i)
        if (tableCode[i] != upperAscii(code[i]))
            return false;
    return true;
}

} // namespace

// Code -> item, built once when the scheme is read: findItem runs for every code of every
// row, so a lookup must not scan the items.
void indexItems(Scheme& scheme)
{
    scheme.index.fill(-1);
    for (std::size_t i = 0; i < scheme.items.size(); ++i)
    {
        std::size_t slot = codeHash(scheme.items[i].code) & (kIndexSlots - 1);
        while (scheme.index[slot] >= 0)
            slot = (slot + 1) & (kIndexSlots - 1);
        scheme.index[slot] = static_cast<std::int16_t>(i);
    }
}

int findItem(const Scheme& scheme, std::string_view code)
{
    if (code.empty())
        return -1;
    for (std::size_t slot = codeHash(code) & (kIndexSlots - 1); scheme.index[slot] >= 0;
         slot = (slot + 1) & (kIndexSlots - 1))
    {
        const auto i = static_cast<std::size_t>(scheme.index[slot]);
        if (sameCode(scheme.items[i].code, code))
            return static_cast<int>(i);
    }
    return -1;
}

bool Row::hasAny(const std::vector<std::size_t>& items) const
{
    for (std::size_t i : items)
        if (counts[i] > 0)
            return true;
    return false;
}

unsigned Row::countIn(Group group) const
{
    unsigned n = 0;
    for (std::size_t k = 0; k < presentCount; ++k)
        if (scheme->items[present[k]].group == group)
            n += counts[present[k]];
    return n;
}

unsigned Row::total() const
{
    unsigned n = 0;
    for (std::size_t k = 0; k < presentCount; ++k)
        n += counts[present[k]];
    return n;
}

std::string Row::codesIn(Group group) const
{
    std::size_t present = 0;
    for (std::size_t i = 0; i < scheme->items.size(); ++i)
        if (scheme->items[i].group == group && counts[i] > 0)
            ++present;
    std::string out;
    std::size_t written = 0;
    for (std::size_t i = 0; i < scheme->items.size(); ++i)
    {
        if (scheme->items[i].group != group || counts[i] == 0)
            continue;
        if (written > 0)
            out += (written + 1 == present) ? " and " : ", ";
        out += scheme->items[i].code;
        ++written;
    }
    return out;
}

std::string normaliseCode(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = text.find_last_not_of(" \t\r\n\f\v");
    std::string out(text.substr(first, last - first + 1));
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

void unknownCode(const Scheme& scheme, std::string_view code)
{
    const std::string name(scheme.name);
    const std::string article(scheme.article);
    // A code that a later version of the same scheme adds: not in force at this version's date.
    if (const SchemeEntry* own = findScheme(scheme.name))
        for (const Scheme& later : own->versions)
            if (later.from > scheme.from && findItem(later, code) >= 0)
                fail(quoted(code) + " is " + article + " " + name + " code only from " +
                     isoDate(later.from) + " on; the version of " + name +
                     " that scores here is the one from " + isoDate(scheme.from) + ".");
    std::string owners;
    std::string_view ownerArticle;
    std::size_t ownerCount = 0;
    for (const SchemeEntry& entry : allSchemes())
        if (entry.name != scheme.name && !entry.versions.empty() &&
            findItem(entry.versions.back(), code) >= 0)
        {
            if (ownerCount++ == 0)
                ownerArticle = entry.versions.back().article;
            else
                owners += " and ";
            owners += entry.name;
        }
    if (ownerCount > 0)
        fail(quoted(code) + " is " + std::string(ownerArticle) + " " + owners + " code, not " +
             article + " " + name + " one: check the Scheme, or pick a code from the list.");
    fail(quoted(code) + " is not " + article + " " + name +
         " item code: pick one from the list (SCHEMEITEMS(\"" + name + "\") gives them all).");
}

namespace
{
// Calls use(index) for every code of the cells, codes separated as forEachToken separates
// them: the one reading of code cells, so every function refuses errors, numbers and unknown
// codes in the same sentences.
template <class Use> void forEachCode(const Scheme& scheme, const Values& cells, Use&& use)
{
    for (const Value& cell : cells)
    {
        switch (cell.kind)
        {
        case Value::Kind::Empty:
            continue;
        case Value::Kind::Error:
            fail("An item cell holds an error; fix that cell first.");
        case Value::Kind::Number:
            // Calc passes a reference to one empty cell as the number 0: no items.
            if (cells.size() == 1 && cell.number == 0.0)
                continue;
            fail("Item codes are text; a cell holds the number " + formatNumber(cell.number) +
                 ". Type the code (such as CP), not its points.");
        case Value::Kind::Text:
            break;
        }
        forEachToken(cell.text,
                     [&](std::string_view token)
                     {
                         // findItem ignores case: the code is normalised for sentences only.
                         const int i = findItem(scheme, token);
                         if (i < 0)
                             unknownCode(scheme, normaliseCode(token));
                         use(static_cast<std::size_t>(i));
                     });
    }
}
} // namespace

Row parseItems(const Scheme& scheme, const Values& items, ItemUse use)
{
    constexpr unsigned kMaxRepeats = 20;
    Row row;
    row.scheme = &scheme;
    const std::string name(scheme.name);
    bool repeated = false;
    forEachCode(scheme, items,
                [&](std::size_t i)
                {
                    const Item& item = scheme.items[i];
                    const std::string_view code = item.code;
                    const bool worker = isWorkerGroup(item.group);
                    if (use == ItemUse::CaseRow && worker)
                        fail(quoted(code) + " is " + std::string(scheme.article) + " " + name +
                             " worker item; give it to WORKERPOINTS, not to a case row.");
                    if (use == ItemUse::Worker && !worker)
                        fail(quoted(code) + " is " + std::string(scheme.article) + " " + name +
                             " case item; WORKERPOINTS takes worker items only.");
                    row.add(i);
                    repeated = repeated || row.counts[i] > 1;
                });
    for (std::size_t i = 0; repeated && i < scheme.items.size(); ++i)
    {
        const Item& item = scheme.items[i];
        if (row.counts[i] > 1 && item.repeat == Repeat::Once)
            fail(name + " counts " + std::string(item.code) +
                 (use == ItemUse::CaseRow ? " once per row; this row has it "
                                          : " once per worker; the list has it ") +
                 std::to_string(row.counts[i]) + " times. Give it once" +
                 (use == ItemUse::CaseRow ? " (more children: use Children)." : "."));
        // Repeatable items (tasks, reports, meetings) have no limit in the schemes; beyond this
        // many on one row the sheet is wrong, not the workload, so say so instead of scoring.
        if (row.counts[i] > kMaxRepeats)
            fail(name + " counts " + std::string(item.code) + " at most " +
                 std::to_string(kMaxRepeats) +
                 (use == ItemUse::CaseRow ? " times on a row; this row has it "
                                          : " times for a worker; the list has it ") +
                 std::to_string(row.counts[i]) + " times.");
    }
    return row;
}

const Item& lookupItem(const Scheme& scheme, const Value& code)
{
    if (isBlank(code))
        fail("The item code is missing.");
    if (code.kind == Value::Kind::Error)
        fail("The code cell holds an error; fix that cell first.");
    if (code.kind == Value::Kind::Number)
        fail("Item codes are text; got the number " + formatNumber(code.number) + ".");
    const std::string normalised = normaliseCode(code.text);
    const int i = findItem(scheme, normalised);
    if (i < 0)
        unknownCode(scheme, normalised);
    return scheme.items[static_cast<std::size_t>(i)];
}

std::vector<std::size_t> codeList(const Scheme& scheme, const Values& codes)
{
    std::vector<std::size_t> items;
    forEachCode(scheme, codes, [&](std::size_t i) { items.push_back(i); });
    if (items.empty())
        fail("The item codes are missing; give one code, or several separated by ;.");
    return items;
}

} // namespace caseweight::detail
