// The number columns of each scheme's paper weighting sheet and the values they can hold,
// so that typed numbers in existing sheets can be checked (COLUMNCHECK). Column keys are
// stable names, stored in users' formulas.
#include "caseweight/audit.hpp"

#include "checked_arguments.hpp"
#include "rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace caseweight
{
using namespace detail;

namespace
{

const Column& columnArg(const Scheme& s, const Value& column)
{
    if (isBlank(column) || isZero(column))
        fail("The column is missing; SHEETCOLUMNS(\"" + s.name + "\") lists them.");
    if (column.kind != Value::Kind::Text)
        fail("The column must be a name such as \"lac\" or \"travel\".");
    std::string key = normaliseName(column.text);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c == ' ' ? '-' : static_cast<char>(std::tolower(c)); });
    for (const Column& c : s.columns)
        if (c.key == key)
            return c;
    fail(quoted(key) + " is not a column of the " + s.name + " sheet; SHEETCOLUMNS(\"" + s.name +
         "\") lists them.");
}

// Sums of at most `most` different parts (each part at most once).
void sumsOfAtMost(const std::vector<double>& parts, unsigned most, std::set<double>& out)
{
    std::set<std::pair<double, unsigned>> sums{{0.0, 0u}};
    for (double p : parts)
    {
        auto next = sums;
        for (const auto& [sum, used] : sums)
            if (used < most)
                next.insert({sum + p, used + 1});
        sums = std::move(next);
    }
    for (const auto& [sum, used] : sums)
        if (used > 0)
            out.insert(sum);
}

// The values a column of the paper sheet can hold on a row of n children, from the items'
// points (the paper sheet's own arithmetic, so an amended weight changes them too).
std::vector<double> allowed(const Scheme& s, const Column& c, int n)
{
    std::set<double> out;
    const auto points = [&](std::size_t i) { return s.items[i].points; };
    switch (c.kind)
    {
    case Column::Kind::OneOf:
        for (std::size_t i : c.items)
            out.insert(points(i));
        break;
    case Column::Kind::AnyOf:
    {
        std::vector<double> parts;
        for (std::size_t i : c.items)
            parts.push_back(points(i));
        sumsOfAtMost(parts, c.most, out);
        break;
    }
    case Column::Kind::EachChild:
    {
        // Each child scores the item, or the item and `plus`.
        const double a = points(c.items.front());
        const double b = a + points(c.plus);
        for (int j = 0; j <= n; ++j)
            out.insert(a * n + (b - a) * j);
        break;
    }
    case Column::Kind::ChildOrRow:
        out.insert({points(c.items.front()), points(c.items.front()) * n});
        break;
    case Column::Kind::Multiples:
        for (unsigned k = 1; k <= c.most; ++k)
            out.insert(points(c.items.front()) * k);
        break;
    case Column::Kind::Basic:
        // The basic weights of the case types: per child (capped where the scheme caps them),
        // or the family-size points.
        for (const Item& item : s.items)
        {
            if (item.group != Group::Case)
                continue;
            if (item.basic > 0)
                out.insert(std::isnan(item.basicCap) ? item.basic * n
                                                     : std::min(item.basic * n, item.basicCap));
            if (item.per == Per::FamilySize)
                out.insert(stepValue(item.sizes, n));
        }
        break;
    case Column::Kind::FirstChild:
    case Column::Kind::FurtherChildren:
        for (std::size_t i : c.items)
            out.insert(c.kind == Column::Kind::FirstChild ? points(i)
                                                          : s.items[i].further * (n - 1));
        out.erase(0);
        break;
    }
    if (c.kind == Column::Kind::AnyOf)
        out.erase(0);
    return {out.begin(), out.end()};
}

std::string listOr(const std::vector<double>& values)
{
    if (values.empty())
        return "nothing";
    std::string s;
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        if (i > 0)
            s += i + 1 == values.size() ? " or " : ", ";
        s += formatNumber(values[i]);
    }
    return s;
}
} // namespace

std::vector<double> columnValues(const Value& scheme, const Value& column, const Value& children)
{
    const Scheme& s = schemeArg(scheme);
    const Column& c = columnArg(s, column);
    const int n = childrenArg(children);
    std::vector<double> values = allowed(s, c, n);
    if (values.empty()) // an empty array would show as #VALUE! with no reason
        fail("The " + s.name + " " + c.what + " column holds nothing for a row of " +
             std::to_string(n) + (n == 1 ? " child" : " children") +
             "; give Children of 2 or more.");
    return values;
}

std::string columnCheck(const Value& scheme, const Value& column, const Value& value,
                        const Value& children)
{
    const Scheme& s = schemeArg(scheme);
    const Column& c = columnArg(s, column);
    const int n = childrenArg(children);
    const std::string where = "The " + s.name + " " + c.what + " column";
    if (isBlank(value) || isZero(value))
        return "OK"; // nothing scored in this column
    if (value.kind == Value::Kind::Error)
        return where + " cell holds an error.";
    if (value.kind == Value::Kind::Text)
        return where + " holds points, not the text " + quoted(value.text) + ".";
    if (!std::isfinite(value.number))
        return where + " holds points; this cell holds a value that is not a finite number.";
    const std::vector<double> ok = allowed(s, c, n);
    for (double v : ok)
        if (!exceeds(value.number, v) && !fallsBelow(value.number, v))
            return "OK";
    return where + " holds " + listOr(ok) + " for " + std::to_string(n) +
           (n == 1 ? " child" : " children") + "; " + formatNumber(value.number) +
           " is not one of them.";
}

std::vector<std::string> sheetColumns(const Value& scheme)
{
    const Scheme& s = schemeArg(scheme);
    std::vector<std::string> out;
    for (const Column& c : s.columns)
        out.emplace_back(c.key);
    if (out.empty())
        fail(s.name + " has no paper sheet of typed numbers to check.");
    return out;
}

} // namespace caseweight
