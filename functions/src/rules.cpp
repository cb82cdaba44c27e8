// The named rules and the scoring of a row from the scheme's numbers.
#include "rules.hpp"

#include "checked_arguments.hpp"

#include <algorithm>
#include <cmath>

namespace caseweight::detail
{

namespace
{

std::string capitalised(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// "A SWINDON row", "An RBWM row".
std::string aRow(const Scheme& s)
{
    return capitalised(s.article) + " " + s.name + " row";
}

// The noun of a group in sentences.
std::string groupNoun(Group group)
{
    switch (group)
    {
    case Group::Case:
        return "case type";
    case Group::Specific:
        return "specific item";
    case Group::Modifier:
        return "modifier";
    case Group::Additional:
        return "additional item";
    case Group::Worker:
        return "worker item";
    }
    return "item";
}

std::string numberWord(unsigned n)
{
    static const char* const kWords[] = {"no", "one", "two", "three", "four", "five"};
    return n < 6 ? kWords[n] : std::to_string(n);
}

} // namespace

std::string codesOr(const Scheme& s, const std::vector<std::size_t>& items, const char* last)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        if (i > 0)
            out += (i + 1 == items.size()) ? last : ", ";
        out += s.items[items[i]].code;
    }
    return out;
}

bool exceeds(double value, double limit)
{
    return value > limit + kTolerance;
}

bool fallsBelow(double value, double limit)
{
    return value < limit - kTolerance;
}

double stepValue(const std::vector<Step>& steps, int n)
{
    double value = 0;
    for (const Step& step : steps)
        if (n >= step.from)
            value = step.value;
    return value;
}

namespace
{
// The row's case type that counts units instead of children, or nullptr.
const Item* unitsItem(const Row& row)
{
    if (!row.scheme->hasUnits)
        return nullptr;
    for (std::size_t k = 0; k < row.presentCount; ++k)
    {
        const Item& item = row.scheme->items[row.present[k]];
        if (!item.units.empty())
            return &item;
    }
    return nullptr;
}
} // namespace

int perChildUnits(const Row& row)
{
    const Item* counted = unitsItem(row);
    return counted ? static_cast<int>(stepValue(counted->units, row.children)) : row.children;
}

double firstChildThenEach(double first, double each, int children)
{
    return first + each * (children - 1);
}

double itemPoints(const Row& row, const Item& item)
{
    switch (item.per)
    {
    case Per::FamilySize:
        return stepValue(item.sizes, row.children);
    case Per::FirstChild:
        return firstChildThenEach(item.points, item.further, row.children);
    case Per::Row:
    case Per::Child:
        break;
    }
    bool perChild = item.per == Per::Child;
    if (!item.perChildWith.empty())
        perChild = row.hasAny(item.perChildWith);
    if (!item.perRowWith.empty() && row.hasAny(item.perRowWith))
        perChild = false;
    double points = item.points;
    if (perChild && !std::isnan(item.unitPoints) && unitsItem(row))
        points = item.unitPoints;
    double sum = perChild ? points * perChildUnits(row) : points;
    if (item.basic > 0)
    {
        const double basic = item.basic * row.children;
        sum += std::isnan(item.basicCap) ? basic : std::min(basic, item.basicCap);
    }
    return sum;
}

double applyShare(double points, double share)
{
    return points * share;
}

void oneCaseType(const Row& row, const Rule& rule)
{
    const Scheme& s = *row.scheme;
    const unsigned n = row.countIn(rule.group);
    if (n == 1 || (n == 0 && (!rule.required || row.total() == 0)))
        return; // the usual row: no sentence is built
    const std::string noun = groupNoun(rule.group);
    if (n > 1)
        fail(aRow(s) + (rule.required ? " has one " : " has at most one ") + noun +
             "; this row has " + row.codesIn(rule.group) + ". " +
             (rule.group == Group::Case
                  ? "Split the row: one row for each " + noun + "."
                  : std::string("Keep the one that applies; another family group goes on a row "
                                "of its own.")));
    bool alone = true;
    for (std::size_t k = 0; k < row.presentCount; ++k)
        alone = alone && s.items[row.present[k]].alone;
    if (alone)
        return;
    std::vector<std::size_t> examples;
    for (std::size_t i = 0; i < s.items.size() && examples.size() < 3; ++i)
        if (s.items[i].group == rule.group)
            examples.push_back(i);
    fail(aRow(s) + " needs one " + noun + " (" + codesOr(s, examples, ", ") +
         ", ...) besides its other items: add it.");
}

void onlyWith(const Row& row, const Rule& rule)
{
    const Scheme& s = *row.scheme;
    const std::size_t code = rule.codes.front();
    if (!row.has(code) || row.hasAny(rule.with))
        return;
    fail(s.name + " adds " + s.items[code].code + " only to " + codesOr(s, rule.with, " or ") +
         " rows: add the case type, or remove " + s.items[code].code + ".");
}

void atMostOneOf(const Row& row, const Rule& rule)
{
    unsigned n = 0;
    for (std::size_t code : rule.codes)
        n += row.has(code) ? 1 : 0;
    if (n <= 1)
        return;
    std::string present;
    for (std::size_t code : rule.codes)
        if (row.has(code))
            present += (present.empty() ? "" : " and ") + row.scheme->items[code].code;
    fail(row.scheme->name + " allows at most one " + rule.what + " on a row; this row has " +
         present + ". Keep the one that applies.");
}

void atMost(const Row& row, const Rule& rule)
{
    const unsigned n = row.countIn(rule.group);
    if (n > rule.most)
        fail(row.scheme->name + " allows at most " + numberWord(rule.most) + " " + rule.what +
             "; this " + (rule.group == Group::Worker ? "list" : "row") + " has " +
             std::to_string(n) + ". Keep the " + numberWord(rule.most) +
             " that best describe the case.");
}

double capped(const Row& row, const Rule& rule, double pointsOfCodes)
{
    return row.hasAny(rule.with) ? std::min(pointsOfCodes, rule.cap) : pointsOfCodes;
}

void singleCase(const Row& row)
{
    if (row.children <= 1 || !row.scheme->hasSingleCase)
        return;
    for (std::size_t k = 0; k < row.presentCount; ++k)
    {
        const Item& item = row.scheme->items[row.present[k]];
        if (item.singleCase)
            fail(capitalised(row.scheme->article) + " " + row.scheme->name + " " + item.code +
                 " row is one case, whatever the children; this row gives Children " +
                 std::to_string(row.children) + ". Leave Children empty on household rows.");
    }
}

double rowPoints(const Row& row)
{
    const Scheme& s = *row.scheme;
    for (const Rule& rule : s.rules)
        switch (rule.kind)
        {
        case Rule::Kind::OneCaseType:
            oneCaseType(row, rule);
            break;
        case Rule::Kind::OnlyWith:
            onlyWith(row, rule);
            break;
        case Rule::Kind::AtMostOneOf:
            atMostOneOf(row, rule);
            break;
        case Rule::Kind::AtMost:
            if (rule.group != Group::Worker)
                atMost(row, rule);
            break;
        case Rule::Kind::Cap:
            break;
        }
    singleCase(row);
    for (std::size_t k = 0; s.hasReplacing && k < row.presentCount; ++k)
    {
        const Item& item = s.items[row.present[k]];
        if (item.replacesRow) // it scores instead of every other item of the row
            return itemPoints(row, item);
    }
    if (!s.hasCap)
    {
        double points = 0.0;
        for (std::size_t k = 0; k < row.presentCount; ++k)
        {
            const std::size_t i = row.present[k];
            points += row.counts[i] * itemPoints(row, s.items[i]);
        }
        return points;
    }
    // Each cap takes its codes out of the plain sum and adds them back capped.
    std::array<bool, kMaxItems> inCap{};
    double points = 0.0;
    for (const Rule& rule : s.rules)
        if (rule.kind == Rule::Kind::Cap)
        {
            double sum = 0.0;
            for (std::size_t code : rule.codes)
                if (row.has(code) && !inCap[code])
                {
                    inCap[code] = true;
                    sum += row.counts[code] * itemPoints(row, s.items[code]);
                }
            points += capped(row, rule, sum);
        }
    for (std::size_t k = 0; k < row.presentCount; ++k)
    {
        const std::size_t i = row.present[k];
        if (!inCap[i])
            points += row.counts[i] * itemPoints(row, s.items[i]);
    }
    return points;
}

double workerElement(const Row& row, double hours)
{
    const Scheme& s = *row.scheme;
    for (const Rule& rule : s.rules)
        if (rule.kind == Rule::Kind::AtMost && rule.group == Group::Worker)
            atMost(row, rule);
    double points = s.workerBase + s.hoursPoints * hours;
    for (std::size_t k = 0; k < row.presentCount; ++k)
    {
        const std::size_t i = row.present[k];
        points += row.counts[i] * itemPoints(row, s.items[i]);
    }
    return points;
}

double workloadWeight(const Scheme& scheme, double casePoints)
{
    if (scheme.onePointPer <= 0)
        return 0.0;
    return std::floor((casePoints + kTolerance) / scheme.onePointPer);
}

std::string_view band(const Scheme& scheme, double points, const Grade& grade, double fte)
{
    const Bands& b = scheme.bands;
    if (!b.below.empty() && fallsBelow(points, grade.lower * fte))
        return b.below;
    if (!exceeds(points, grade.upper * fte))
        return b.within;
    for (const BandAbove& above : b.above)
        if (std::isnan(above.upTo) || !exceeds(points, above.upTo * fte))
            return above.label;
    return b.above.back().label;
}

double capacityAtTop(double points, const Grade& grade, double fte)
{
    return points / (grade.upper * fte);
}

void noteFeatures(Scheme& scheme)
{
    scheme.hasUnits = scheme.hasReplacing = scheme.hasSingleCase = scheme.hasCap = false;
    for (const Item& item : scheme.items)
    {
        scheme.hasUnits = scheme.hasUnits || !item.units.empty();
        scheme.hasReplacing = scheme.hasReplacing || item.replacesRow;
        scheme.hasSingleCase = scheme.hasSingleCase || item.singleCase;
    }
    for (const Rule& rule : scheme.rules)
        scheme.hasCap = scheme.hasCap || rule.kind == Rule::Kind::Cap;
}

} // namespace caseweight::detail
