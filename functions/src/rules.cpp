// The rules shared by several schemes, and the bands.
#include "rules.hpp"

#include "arguments.hpp"

#include <string>

namespace caseweight::detail
{

bool exceeds(double value, double limit)
{
    return value > limit + kTolerance;
}

bool fallsBelow(double value, double limit)
{
    return value < limit - kTolerance;
}

double firstChildThenEach(double first, double each, int children)
{
    return first + each * (children - 1);
}

double itemPoints(const Item& item, int children)
{
    switch (item.basis)
    {
    case Basis::PerRow:
        return item.points;
    case Basis::PerChild:
        return item.points * children;
    case Basis::FirstChildThenEach:
        return firstChildThenEach(item.points, item.furtherChild, children);
    case Basis::ByRule:
        return 0.0;
    }
    return 0.0;
}

double tablePoints(const Row& row)
{
    double sum = 0.0;
    for (std::size_t k = 0; k < row.presentCount; ++k)
    {
        const std::size_t i = row.present[k];
        sum += row.counts[i] * itemPoints(row.scheme->items[i], row.children);
    }
    return sum;
}

double applyShare(double points, double share)
{
    return points * share;
}

void atMostOneOf(const Row& row, std::initializer_list<std::string_view> codes,
                 std::string_view what)
{
    std::string present;
    unsigned n = 0;
    for (std::string_view code : codes)
        if (row.has(code))
        {
            present += (n++ == 0) ? "" : " and ";
            present += code;
        }
    if (n > 1)
        fail(std::string(row.scheme->name) + " allows at most one " + std::string(what) +
             " on a row; this row has " + present + ". Keep the one that applies.");
}

void onlyWith(const Row& row, std::string_view code,
              std::initializer_list<std::string_view> caseTypes, std::string_view allowed)
{
    if (!row.has(code))
        return;
    for (std::string_view type : caseTypes)
        if (row.has(type))
            return;
    fail(std::string(row.scheme->name) + " adds " + std::string(code) + " only to " +
         std::string(allowed) + " rows: add the case type, or remove " + std::string(code) + ".");
}

void atMostOfGroup(const Row& row, Group group, unsigned limit, std::string_view what)
{
    const unsigned n = row.countIn(group);
    if (n > limit)
        fail(std::string(row.scheme->name) + " allows at most " +
             (limit == 2 ? std::string("two") : std::to_string(limit)) + " " + std::string(what) +
             "; this " + (group == Group::Worker ? "list" : "row") + " has " + std::to_string(n) +
             ". Keep the " + (limit == 2 ? std::string("two") : std::to_string(limit)) +
             " that best describe the case.");
}

std::string_view limitBand(double points, const Grade& grade, double fte)
{
    if (fallsBelow(points, grade.lower * fte))
        return kBelowBand;
    if (exceeds(points, grade.upper * fte))
        return kAboveBand;
    return kWithinBand;
}

double capacityAtTop(double points, const Grade& grade, double fte)
{
    return points / (grade.upper * fte);
}

double noWorkloadWeight(double)
{
    return 0.0;
}

} // namespace caseweight::detail
