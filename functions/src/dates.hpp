// Days as spreadsheets count them (day 0 = 1899-12-30), for dated scheme versions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caseweight::detail
{

// The day of a calendar date.
int dayOf(int year, unsigned month, unsigned day);
// "2027-04-01".
std::string isoDate(int day);
// A text "YYYY-MM-DD" as a day; nullopt when it is not a real date.
std::optional<int> parseIsoDate(std::string_view text);
// Today (UTC).
int today();

} // namespace caseweight::detail
