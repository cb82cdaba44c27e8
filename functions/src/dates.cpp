#include "dates.hpp"

#include <cstdio>
#include <ctime>

namespace caseweight::detail
{

namespace
{
// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long daysFromCivil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

constexpr long kUnixDay = 25569; // 1970-01-01 as a spreadsheet day
} // namespace

int dayOf(int year, unsigned month, unsigned day)
{
    return static_cast<int>(daysFromCivil(year, month, day) + kUnixDay);
}

std::string isoDate(int day)
{
    long z = static_cast<long>(day) - kUnixDay + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04ld-%02u-%02u", y, m, d);
    return buffer;
}

std::optional<int> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t sizes[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = starts[p]; i < starts[p] + sizes[p]; ++i)
        {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    const int year = parts[0];
    const int month = parts[1];
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    // Four digits: 1000-9999 (a year below 1000 would be written with leading zeros).
    if (year < 1000 || month < 1 || month > 12 || parts[2] < 1 ||
        parts[2] > kDays[month - 1] + (month == 2 && leap ? 1 : 0))
        return std::nullopt; // 2027-02-30 and the like
    return dayOf(year, static_cast<unsigned>(month), static_cast<unsigned>(parts[2]));
}

int today()
{
    return static_cast<int>(std::time(nullptr) / 86400 + kUnixDay);
}

} // namespace caseweight::detail
