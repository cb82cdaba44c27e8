#include "scheme_text.hpp"

#include "checked_arguments.hpp"
#include "items.hpp"

#include <cmath>

namespace caseweight::detail
{

std::string labelWords(const Scheme& s, const Value& code)
{
    const Item& item = lookupItem(s, code);
    return item.label + ": " + pointsText(s, item);
}

std::string codesWords(const Scheme& s, const Values& codes, Wording wording)
{
    const std::vector<std::size_t> items = codeList(s, codes);
    if (items.size() == 1)
        return pointsText(s, s.items[items.front()], wording);
    return pointsList(s, items);
}

std::string bandWords(const Scheme& s, const Value& grade)
{
    if (grade.kind == Value::Kind::Text && normaliseName(grade.text) == "*")
        return gradesText(s);
    return withinText(gradeArg(grade, s));
}

namespace
{

// Each marker's words from its argument (the text after the colon, as written).

// Codes in a marker may be separated by spaces, as the scheme files write them.
Value codesOf(std::string_view argument)
{
    std::string codes(argument);
    for (char& c : codes)
        if (c == ' ' || c == '\t')
            c = ',';
    return Value::str(std::move(codes));
}

Value oneCode(std::string_view marker, std::string_view argument)
{
    Value code = codesOf(argument);
    std::size_t count = 0;
    forEachToken(code.text, [&](std::string_view) { ++count; });
    if (count != 1)
        fail(quoted(marker) + " names one item code.");
    return code;
}

std::string pointsMarker(const Scheme& s, std::string_view, std::string_view argument)
{
    return codesWords(s, {codesOf(argument)}, Wording::Heading);
}

std::string shortMarker(const Scheme& s, std::string_view marker, std::string_view argument)
{
    return codesWords(s, {oneCode(marker, argument)}, Wording::Short);
}

std::string labelMarker(const Scheme& s, std::string_view marker, std::string_view argument)
{
    return labelWords(s, oneCode(marker, argument));
}

std::string bandMarker(const Scheme& s, std::string_view, std::string_view argument)
{
    const std::string grade = normaliseName(argument);
    return bandWords(s, grade.empty() ? Value::empty() : Value::str(grade));
}

std::string mostMarker(const Scheme& s, std::string_view marker, std::string_view argument)
{
    const std::string group = normaliseName(argument);
    for (const Rule& rule : s.rules)
        if (rule.kind == Rule::Kind::AtMost && normaliseName(groupName(rule.group)) == group)
            return numberText(rule.most);
    fail(quoted(marker) + ": " + s.name + " has no at-most rule of that group.");
}

std::string hoursPointsMarker(const Scheme& s, std::string_view, std::string_view)
{
    if (s.hoursPoints == 0)
        fail(s.name + " does not score hours of extra duties.");
    return numberText(s.hoursPoints);
}

std::string fullTimeHoursMarker(const Scheme& s, std::string_view, std::string_view)
{
    if (std::isnan(s.fullTimeHours))
        fail("The full-time week of " + s.name + " is not known (" + fullTimeWeekProblem() + ").");
    return numberText(s.fullTimeHours);
}

std::string onePointPerMarker(const Scheme& s, std::string_view, std::string_view)
{
    if (s.onePointPer == 0)
        fail(s.name + " gives no workload points per case points.");
    return numberText(s.onePointPer);
}

struct Marker
{
    std::string_view name;
    bool argument; // {name:ARGUMENT}, else {name}
    std::string (*words)(const Scheme&, std::string_view marker, std::string_view argument);
};

constexpr Marker kMarkers[] = {
    {"points", true, pointsMarker},
    {"short", true, shortMarker},
    {"label", true, labelMarker},
    {"band", true, bandMarker},
    {"most", true, mostMarker},
    {"hours_points", false, hoursPointsMarker},
    {"full_time_hours", false, fullTimeHoursMarker},
    {"one_point_per", false, onePointPerMarker},
};

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || c == '_';
}

// The words of one marker, braces included ("{points:CP}").
std::string markerWords(const Scheme& s, std::string_view marker)
{
    const std::string_view inside = marker.substr(1, marker.size() - 2);
    const std::size_t colon = inside.find(':');
    const std::string_view name = inside.substr(0, colon);
    for (const Marker& m : kMarkers)
        if (m.name == name)
        {
            if (m.argument != (colon != std::string_view::npos))
                fail(quoted(marker) + " is written " +
                     (m.argument ? "{" + std::string(name) + ":...}"
                                 : "{" + std::string(name) + "}") +
                     ".");
            return m.words(s, marker,
                           colon == std::string_view::npos ? "" : inside.substr(colon + 1));
        }
    std::string known;
    for (const Marker& m : kMarkers)
        known += (known.empty() ? "" : ", ") +
                 ("{" + std::string(m.name) + (m.argument ? ":...}" : "}"));
    fail(quoted(marker) + " is not a marker; the markers are " + known + ".");
}

// Whether what stands between two braces is a marker: a lower-case name, alone or before ":".
bool isMarker(std::string_view inside)
{
    std::size_t i = 0;
    while (i < inside.size() && isNameChar(inside[i]))
        ++i;
    return i > 0 && (i == inside.size() || inside[i] == ':');
}

} // namespace

std::string markedWords(const Scheme& s, std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t pos = 0;
    while (pos < text.size())
    {
        const std::size_t open = text.find('{', pos);
        if (open == std::string_view::npos)
            break;
        const std::size_t close = text.find_first_of("{}", open + 1);
        if (close == std::string_view::npos)
            break;
        if (text[close] == '{' || !isMarker(text.substr(open + 1, close - open - 1)))
        {
            out.append(text, pos, close - pos); // a brace of the text itself
            pos = close;
            continue;
        }
        out.append(text, pos, open - pos);
        out += markerWords(s, text.substr(open, close - open + 1));
        pos = close + 1;
    }
    out.append(text, pos, std::string_view::npos);
    return out;
}

} // namespace caseweight::detail
