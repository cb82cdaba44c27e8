// Parsing item lists: cells of codes separated by ";" or ",".
#pragma once

#include "caseweight/engine.hpp"
#include "scheme.hpp"

#include <string>
#include <string_view>

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
template <class F> void forEachToken(std::string_view text, F&& f)
{
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find_first_of(";,", start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view token = text.substr(start, end - start);
        const std::size_t first = token.find_first_not_of(" \t\r\n\f\v");
        if (first != std::string_view::npos)
        {
            const std::size_t last = token.find_last_not_of(" \t\r\n\f\v");
            f(token.substr(first, last - first + 1));
        }
        start = end + 1;
    }
}

// The codes of a range as a row of counts; checks that every code is the scheme's, of the
// right use, and repeated only where the table allows. Children stay 1.
Row parseItems(const Scheme& scheme, const Values& items, ItemUse use);

// The table row of one code (ITEMLABEL).
const Item& lookupItem(const Scheme& scheme, const Value& code);

// Throws the sentence for a code that is not the scheme's (naming the scheme it belongs to).
[[noreturn]] void unknownCode(const Scheme& scheme, std::string_view code);

} // namespace caseweight::detail
