// The number columns of each scheme's paper weighting sheet and the values they can hold,
// so that typed numbers in existing sheets can be checked (COLUMNCHECK). Column keys are
// stable names, stored in users' formulas.
#include "caseweight/audit.hpp"

#include "arguments.hpp"
#include "rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace caseweight
{
using namespace detail;

namespace
{
// How a column's values are made.
enum class Kind
{
    Values,     // one of `values`, once per row
    EachChild,  // each child scores values[0] or values[1]: a*n + (b-a)*j, j = 0..n
    ChildOrRow, // values[0] per child or once per row
    Multiples,  // values[0] x k, k = 1..values[1] (repeatable items)
    SubsetSums, // the sum of any of `values` (each at most once)
    SwindonBasic,
    NottsFirstChild,
    NottsOtherChildren,
    NottsAdditional
};

struct Column
{
    std::string_view scheme;
    std::string_view key;  // stable
    std::string_view what; // for sentences: "The SWINDON LAC column"
    Kind kind;
    std::vector<double> values;
};

// clang-format off
const std::vector<Column>& columns()
{
    // Built once, then only read: safe from any calculation thread.
    static const std::vector<Column> table{
        // SWINDON children's teams sheet (seed 001), in its order.
        {"SWINDON", "basic", "basic weight", Kind::SwindonBasic, {}},
        {"SWINDON", "lac", "LAC (standard 6, complex 4)", Kind::EachChild, {6, 10}},
        {"SWINDON", "cp", "CP plan (standard 6, complex 4)", Kind::EachChild, {6, 10}},
        {"SWINDON", "court", "court (10 initial / final, 5 settled)", Kind::Values, {5, 10}},
        {"SWINDON", "assessment", "significant assessment", Kind::ChildOrRow, {10}},
        {"SWINDON", "pre-proceedings", "pre-proceedings", Kind::Values, {4}},
        {"SWINDON", "travel", "additional travel", Kind::Values, {4, 6, 10}},
        {"SWINDON", "task", "time-limited specific task", Kind::Multiples, {5, 10}},
        {"SWINDON", "group-work", "group work", Kind::Values, {10}},
        // RBWM Appendix 1 (all cases).
        {"RBWM", "cin", "Child in Need", Kind::Values, {10}},
        {"RBWM", "cic", "CiC / care leaver / foster carer (standard 6, complex +4)",
         Kind::EachChild, {6, 10}},
        {"RBWM", "cp", "CP (standard 6, complex +4)", Kind::EachChild, {6, 10}},
        {"RBWM", "single-assessment", "single assessment", Kind::ChildOrRow, {10}},
        {"RBWM", "s47", "section 47 enquiries", Kind::Values, {10}},
        {"RBWM", "court", "court (pre-proceedings 5, ongoing +3, complex +5, directions 10, "
         "final hearing +3)", Kind::SubsetSums, {5, 3, 5, 10, 3}},
        {"RBWM", "other-assessment", "any other assessment", Kind::Multiples, {10, 10}},
        {"RBWM", "reports", "reports", Kind::Multiples, {10, 10}},
        {"RBWM", "fostering", "fostering (family finding, panel, private fostering: 3 each)",
         Kind::SubsetSums, {3, 3, 3}},
        {"RBWM", "travel", "additional travel", Kind::Values, {4, 6, 10}},
        {"RBWM", "fyw", "family and youth worker / supervised contact", Kind::SubsetSums, {5, 5}},
        // NOTTS pro-forma: one block per family group.
        {"NOTTS", "first-child", "first child", Kind::NottsFirstChild, {}},
        {"NOTTS", "other-children", "other children", Kind::NottsOtherChildren, {}},
        {"NOTTS", "additional", "additional points (at most two items)", Kind::NottsAdditional, {}},
    };
    return table;
}
// clang-format on

const Column& columnArg(const Scheme& s, const Value& column)
{
    if (isBlank(column) || isZero(column))
        fail("The column is missing; SHEETCOLUMNS(\"" + std::string(s.name) + "\") lists them.");
    if (column.kind != Value::Kind::Text)
        fail("The column must be a name such as \"lac\" or \"travel\".");
    std::string key = normaliseName(column.text);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c == ' ' ? '-' : static_cast<char>(std::tolower(c)); });
    for (const Column& c : columns())
        if (c.scheme == s.name && c.key == key)
            return c;
    fail(quoted(key) + " is not a column of the " + std::string(s.name) +
         " sheet; SHEETCOLUMNS(\"" + std::string(s.name) + "\") lists them.");
}

void subsetSums(const std::vector<double>& parts, std::set<double>& out)
{
    std::set<double> sums{0};
    for (double p : parts)
    {
        std::set<double> next = sums;
        for (double s : sums)
            next.insert(s + p);
        sums = std::move(next);
    }
    sums.erase(0);
    out.insert(sums.begin(), sums.end());
}

std::vector<double> allowed(const Scheme& s, const Column& c, int n)
{
    std::set<double> out;
    switch (c.kind)
    {
    case Kind::Values:
        out.insert(c.values.begin(), c.values.end());
        break;
    case Kind::EachChild:
        for (int j = 0; j <= n; ++j)
            out.insert(c.values[0] * n + (c.values[1] - c.values[0]) * j);
        break;
    case Kind::ChildOrRow:
        out.insert({c.values[0], c.values[0] * n});
        break;
    case Kind::Multiples:
        for (int k = 1; k <= static_cast<int>(c.values[1]); ++k)
            out.insert(c.values[0] * k);
        break;
    case Kind::SubsetSums:
        subsetSums(c.values, out);
        break;
    case Kind::SwindonBasic:
        // LAC / care leaver 10 per child; CP 10 per child capped at 30; CIN 10 / 20 / 30 a family.
        out.insert({10.0 * n, std::min(10.0 * n, 30.0), swindon::cinSizePoints(n)});
        break;
    case Kind::NottsFirstChild:
    case Kind::NottsOtherChildren:
        for (const Item& item : s.items)
            if (item.group == Group::Specific)
                out.insert(c.kind == Kind::NottsFirstChild ? item.points
                                                           : item.furtherChild * (n - 1));
        out.erase(0);
        break;
    case Kind::NottsAdditional:
    {
        std::vector<double> points;
        for (const Item& item : s.items)
            if (item.group == Group::Additional)
                points.push_back(item.points);
        for (std::size_t i = 0; i < points.size(); ++i)
        {
            out.insert(points[i]);
            for (std::size_t j = i + 1; j < points.size(); ++j)
                out.insert(points[i] + points[j]);
        }
        out.erase(0);
        break;
    }
    }
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
        fail("The " + std::string(s.name) + " " + std::string(c.what) +
             " column holds nothing for a row of " + std::to_string(n) +
             (n == 1 ? " child" : " children") + "; give Children of 2 or more.");
    return values;
}

std::string columnCheck(const Value& scheme, const Value& column, const Value& value,
                        const Value& children)
{
    const Scheme& s = schemeArg(scheme);
    const Column& c = columnArg(s, column);
    const int n = childrenArg(children);
    const std::string where = "The " + std::string(s.name) + " " + std::string(c.what) + " column";
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
    for (const Column& c : columns())
        if (c.scheme == s.name)
            out.emplace_back(c.key);
    if (out.empty())
        fail(std::string(s.name) + " has no paper sheet of typed numbers to check.");
    return out;
}

} // namespace caseweight
