#include "words.hpp"

#include "checked_arguments.hpp"
#include "rules.hpp"

#include <cmath>
#include <cstdio>

namespace caseweight::detail
{

namespace
{

// "A or B or C": the codes as a heading names them.
std::string codesJoinedOr(const Scheme& s, const std::vector<std::size_t>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : " or ") + s.items[items[i]].code;
    return out;
}

// "10 a family (4-6 children 20, 7+ 30)": the first size's points, then each further size.
std::string familySizeHeading(const Item& item)
{
    const std::vector<Step>& sizes = item.sizes;
    if (sizes.empty())
        return "0 a family";
    std::string parts;
    for (std::size_t k = 1; k < sizes.size(); ++k)
    {
        std::string span = std::to_string(sizes[k].from);
        span += k + 1 < sizes.size() ? "-" + std::to_string(sizes[k + 1].from - 1) : "+";
        if (k == 1)
            span += " children";
        parts += (k == 1 ? "" : ", ") + span + " " + numberText(sizes[k].value);
    }
    std::string text = numberText(sizes[0].value) + " a family";
    if (!parts.empty())
        text += " (" + parts + ")";
    return text;
}

std::string heading(const Scheme& s, const Item& item)
{
    std::string text;
    switch (item.per)
    {
    case Per::FamilySize:
        text = familySizeHeading(item);
        break;
    case Per::FirstChild:
        text = numberText(item.points) + " first child, " + numberText(item.further) +
               " each further child";
        break;
    case Per::Child:
        text = numberText(item.points) + " per child";
        if (item.basic > 0)
        {
            text = "basic " + numberText(item.basic) + " + " + text;
            if (!std::isnan(item.basicCap))
                text += " (basic at most " + numberText(item.basicCap) + ")";
        }
        break;
    case Per::Row:
        text = numberText(item.points);
        if (!item.perChildWith.empty())
            text += " (per child with " + codesJoinedOr(s, item.perChildWith) + ")";
        break;
    }
    if (item.repeat == Repeat::MayRepeat)
        text += " each time";
    return text;
}

std::string label(const Scheme& s, const Item& item)
{
    const auto n = [](double x) { return formatNumber(x); };
    std::string text;
    switch (item.per)
    {
    case Per::FamilySize:
        for (std::size_t i = 0; i < item.sizes.size(); ++i)
        {
            const Step& step = item.sizes[i];
            text += (i == 0 ? "" : "; ") + n(step.value);
            if (i + 1 < item.sizes.size())
                text += " for " +
                        (step.from == item.sizes[i + 1].from - 1
                             ? std::to_string(step.from)
                             : std::to_string(step.from) + "-" +
                                   std::to_string(item.sizes[i + 1].from - 1)) +
                        (item.sizes[i + 1].from - 1 == 1 ? " child" : " children");
            else
                text += " for " + std::to_string(step.from) + " or more";
        }
        return text;
    case Per::FirstChild:
        return n(item.points) + " for the first child, " + n(item.further) + " for each further";
    case Per::Row:
    case Per::Child:
        break;
    }
    const double total = item.points + item.basic;
    const bool perChild = item.per == Per::Child;
    text = n(total);
    if (item.basic > 0)
        text += " (basic " + n(item.basic) + " + " + n(item.points) + ")";
    // A modifier "per child" counts the groups on the rows of a case type that counts groups.
    std::vector<std::size_t> grouped;
    for (std::size_t i = 0; i < s.items.size(); ++i)
        if (!s.items[i].units.empty())
            grouped.push_back(i);
    if (item.group == Group::Case)
        grouped.clear();
    const std::string groups = grouped.empty() || !std::isnan(item.unitPoints)
                                   ? std::string()
                                   : " (per group on " + codesOr(s, grouped, " or ") + " rows)";
    if (!item.perChildWith.empty())
        text +=
            " per child with " + codesOr(s, item.perChildWith, " or ") + groups + ", else per row";
    else if (perChild)
        text += " per child" + groups;
    if (!item.perRowWith.empty())
        text += "; per row with " + codesOr(s, item.perRowWith, " or ");
    if (!std::isnan(item.basicCap))
        text += "; the basic part is capped at " + n(item.basicCap) + " for the row";
    if (!std::isnan(item.unitPoints) && !grouped.empty())
        text +=
            "; " + n(item.unitPoints) + " per group on " + codesOr(s, grouped, " or ") + " rows";
    if (item.replacesRow)
        text += ", instead of every other point of the row";
    if (item.repeat == Repeat::MayRepeat)
        text += ", each";
    return text;
}

} // namespace

std::string numberText(double number)
{
    // Large enough for every double written whole ("%.0f" of 1e308 has 309 digits).
    char buffer[400];
    if (number == 0.0 || !std::isfinite(number))
        return number == 0.0 ? "0" : formatNumber(number);
    if (number == std::trunc(number) && std::fabs(number) < 1e18)
        return std::to_string(static_cast<long long>(number)); // as "%.0f", without its cost
    if (number == std::trunc(number))
        std::snprintf(buffer, sizeof buffer, "%.0f", number);
    else
        std::snprintf(buffer, sizeof buffer, "%g", number);
    return buffer;
}

std::string pointsText(const Scheme& scheme, const Item& item, Wording wording)
{
    switch (wording)
    {
    case Wording::Label:
        return label(scheme, item);
    case Wording::Heading:
        return heading(scheme, item);
    case Wording::Short:
        return item.per == Per::FamilySize ? heading(scheme, item) : numberText(item.points);
    }
    return {};
}

std::string pointsList(const Scheme& scheme, const std::vector<std::size_t>& items)
{
    std::vector<std::string> seen;
    for (std::size_t i : items)
    {
        std::string text = pointsText(scheme, scheme.items[i], Wording::Short);
        bool known = false;
        for (const std::string& s : seen)
            known = known || s == text;
        if (!known)
            seen.push_back(std::move(text));
    }
    std::string out;
    for (std::size_t i = 0; i < seen.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == seen.size() ? " or " : ", ")) + seen[i];
    return out;
}

std::string withinText(const Grade& grade)
{
    if (grade.lower == 0)
        return "up to " + numberText(grade.upper) + " points";
    return numberText(grade.lower) + " to " + numberText(grade.upper) + " points";
}

std::string gradesText(const Scheme& scheme)
{
    const Grade* usual = nullptr;
    std::string text;
    for (const Grade& g : scheme.grades)
    {
        if (g.name == scheme.defaultGrade)
            usual = &g;
        if (!g.invalid.empty() || scheme.gradesIgnored)
            continue;
        text += (text.empty() ? "" : "; ") + g.name + ": " + withinText(g);
    }
    if (scheme.gradesIgnored)
        return usual ? withinText(*usual) : withinText(scheme.grades.front());
    return text + ". Empty means " + scheme.defaultGrade + ".";
}

} // namespace caseweight::detail
