// Parsing item lists: cells of codes separated by ";" or ",".
#pragma once

#include "caseweight/value.hpp"
#include "scheme.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace caseweight::detail
{

enum class ItemUse
{
    CaseRow, // CASEPOINTS: case items only
    Worker   // WORKERPOINTS: worker items only
};

// Trimmed, upper case (ASCII).
std::string normaliseCode(std::string_view text);

// Calls `f(std::string_view token)` for every non-empty trimmed token of a text.
// (A plain loop: find_first_of with a set of characters costs a memchr per character, and
// this runs for every cell of every case row on each recalculation.)
template <class F> void forEachToken(std::string_view text, F&& f)
{
    const auto isSpace = [](char c)
    { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    const std::size_t size = text.size();
    std::size_t start = 0;
    while (start <= size)
    {
        std::size_t end = start;
        while (end < size && text[end] != ';' && text[end] != ',')
            ++end;
        std::size_t first = start;
        std::size_t last = end;
        while (first < last && isSpace(text[first]))
            ++first;
        while (last > first && isSpace(text[last - 1]))
            --last;
        if (first < last)
            f(text.substr(first, last - first));
        start = end + 1;
    }
}

// The codes of a range as a row of counts; checks that every code is the scheme's, of the
// right use, and repeated only where the table allows. Children stay 1.
Row parseItems(const Scheme& scheme, const Values& items, ItemUse use);

// The table row of one code (ITEMLABEL).
const Item& lookupItem(const Scheme& scheme, const Value& code);

// The items of a list of codes (POINTSTEXT): one code, codes separated by ";" or ",", or a
// range of such cells (empty cells ignored), in their order, repeats kept; any item of the
// scheme, case or worker. No code at all is an invalid argument.
std::vector<std::size_t> codeList(const Scheme& scheme, const Values& codes);

// Throws the sentence for a code that is not the scheme's (naming the scheme it belongs to).
[[noreturn]] void unknownCode(const Scheme& scheme, std::string_view code);

} // namespace caseweight::detail
