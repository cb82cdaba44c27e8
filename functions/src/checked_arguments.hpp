// Turning sheet arguments (Value) into checked numbers and texts, with the sentences that say
// what is wrong.
#pragma once

#include "caseweight/value.hpp"
#include "scheme.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseweight::detail
{

[[noreturn]] void fail(const std::string& sentence);

// A number as a manager writes it: no trailing zeros (3, 2.5, 0.1).
std::string formatNumber(double number);
// "A, B or C"; `last` joins the last two (" and ": "A, B and C").
template <class Text>
std::string listOr(const std::vector<Text>& names, std::string_view last = " or ")
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        if (i > 0)
            out += (i + 1 == names.size()) ? last : std::string_view(", ");
        out += names[i];
    }
    return out;
}
// "\"text\"".
std::string quoted(std::string_view text);
// The schemes loaded: "NOTTS, RBWM, SWINDON or WARRINGTON".
std::string schemeList();
// The grades a worker can be banded at: "NQSW, EXPERIENCED or HIGHER-SPECIALIST".
std::string gradeList(const Scheme& scheme);
// Trimmed, runs of white space collapsed to one space, upper case (ASCII).
std::string normaliseName(std::string_view text);
// Empty, or text of only white space.
bool isBlank(const Value& value);
// The number 0: also what Calc passes for a reference to an empty cell.
bool isZero(const Value& value);

const Scheme& schemeArg(const Value& scheme);
// Whole number 1..100; blank = 1.
int childrenArg(const Value& children);
// 0 < share <= 1; blank = 1.
double shareArg(const Value& share);
// 0 < fte <= 1; blank = 1.
double fteArg(const Value& fte);
// Finite, >= 0; required.
double pointsArg(const Value& points);
// 0..744 hours a month; blank = 0; non-zero only where the scheme scores hours.
double hoursArg(const Value& hours, const Scheme& scheme);
// The scheme's grade; blank = the default grade. Any value for schemes that ignore grades.
const Grade& gradeArg(const Value& grade, const Scheme& scheme);
// Sum of the numbers of a range; blank cells ignored; nullopt when the range is wholly blank.
// `what` names the numbers at the start of a sentence: "Case points".
std::optional<double> sumArg(const Values& range, std::string_view what);
// Every numeric result is checked before it is returned.
double finiteResult(double result);

} // namespace caseweight::detail
