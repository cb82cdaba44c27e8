#include "checked_arguments.hpp"

#include "dates.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace caseweight::detail
{

namespace
{

constexpr int kMaxChildren = 100;
constexpr double kHoursInMonth = 744; // 31 days x 24 hours

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Whether the version that scores depends on the day.
bool dated(const SchemeEntry& entry)
{
    return entry.versions.size() > 1 || entry.stopsFrom != kNoStop;
}

// The entry's version in force on the day, or its reason for being unusable.
const Scheme& usable(const SchemeEntry& entry, int day)
{
    if (!entry.error.empty())
        fail(entry.error);
    if (day >= entry.stopsFrom)
        fail(entry.stopError);
    return versionOn(entry, day);
}

// "NAME" or "NAME@YYYY-MM-DD" (SCHEMEAT): the entry and the day.
const Scheme* lookupScheme(std::string_view text)
{
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos)
    {
        const SchemeEntry* entry = findScheme(text);
        if (!entry)
            entry = findScheme(normaliseName(text));
        // Today's date is looked up only for a scheme that has amendments.
        return entry ? &usable(*entry, dated(*entry) ? today() : 0) : nullptr;
    }
    // A scheme cell from SCHEMEAT is already in this form: no copy is made for it.
    const SchemeEntry* entry = findScheme(text.substr(0, at));
    if (!entry)
        entry = findScheme(normaliseName(text.substr(0, at)));
    if (!entry)
        return nullptr;
    std::optional<int> day = parseIsoDate(text.substr(at + 1));
    if (!day)
        day = parseIsoDate(normaliseName(text.substr(at + 1)));
    if (!day)
        fail("The scheme " + quoted(text) + " has a date that is not a real date; write it as " +
             entry->name + "@2027-04-01, or use SCHEMEAT.");
    return &usable(*entry, *day);
}

// The fraction 0 < x <= 1 shared by Share and FTE.
// Calc passes a reference to an empty cell as the number 0, so a 0 may be a cell left empty.
std::string emptyCellHint(double x)
{
    return x == 0.0 ? " (an empty cell counts as 0: fill it in, or leave the argument out)" : "";
}

double fractionArg(const Value& value, std::string_view name)
{
    if (isBlank(value))
        return 1.0;
    const std::string n(name);
    switch (value.kind)
    {
    case Value::Kind::Number:
        break;
    case Value::Kind::Error:
        fail("The " + n + " cell holds an error; fix that cell first.");
    default:
        fail(n + " must be a number; got the text " + quoted(value.text) + ".");
    }
    const double x = value.number;
    if (!std::isfinite(x))
        fail(n + " must be a finite number.");
    if (!(x > 0.0 && x <= 1.0))
        fail(n + " must be more than 0 and at most 1; got " + formatNumber(x) + emptyCellHint(x) +
             ".");
    return x;
}

} // namespace

void fail(const std::string& sentence)
{
    throw InputError(sentence);
}

std::string formatNumber(double number)
{
    if (number == 0.0)
        return "0";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", number);
    return buffer;
}

std::string quoted(std::string_view text)
{
    // The text is the user's: a control character (a NUL would even end the sentence early in
    // what()) shows as a space, and a long text is cut at a character boundary.
    constexpr std::size_t kLongest = 60;
    std::size_t size = text.size();
    if (size > kLongest)
    {
        size = kLongest;
        while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80)
            --size; // not inside a UTF-8 sequence
    }
    std::string out = "\"";
    for (std::size_t i = 0; i < size; ++i)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        out += (c < 0x20 || c == 0x7F) ? ' ' : text[i];
    }
    if (size < text.size())
        out += "...";
    return out + "\"";
}

std::string normaliseName(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char c : text)
    {
        if (isSpace(c))
        {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += upper(c);
    }
    return out;
}

bool isZero(const Value& value)
{
    return value.kind == Value::Kind::Number && value.number == 0.0;
}

bool isBlank(const Value& value)
{
    if (value.kind == Value::Kind::Empty)
        return true;
    if (value.kind != Value::Kind::Text)
        return false;
    for (char c : value.text)
        if (!isSpace(c))
            return false;
    return true;
}

const Scheme& schemeArg(const Value& scheme)
{
    // Every call passes here: a valid name (usually typed as listed) returns before any
    // sentence is built.
    if (scheme.kind == Value::Kind::Text)
        if (const Scheme* found = lookupScheme(scheme.text))
            return *found;
    const std::string list = schemeList();
    if (isBlank(scheme))
        fail("The scheme is missing; use " + list + ".");
    if (scheme.kind == Value::Kind::Error)
        fail("The scheme cell holds an error; fix that cell first.");
    if (scheme.kind == Value::Kind::Number)
        fail("The scheme must be a name, not the number " + formatNumber(scheme.number) + "; use " +
             list + ".");
    const std::string name = normaliseName(scheme.text);
    fail(quoted(name) + " is not a scheme; use " + list + ".");
}

int childrenArg(const Value& children)
{
    if (isBlank(children))
        return 1;
    if (children.kind == Value::Kind::Error)
        fail("The Children cell holds an error; fix that cell first.");
    if (children.kind == Value::Kind::Text)
        fail("Children must be a number; got the text " + quoted(children.text) + ".");
    const double n = children.number;
    if (!std::isfinite(n))
        fail("Children must be a finite number.");
    if (n != std::floor(n) || n < 1 || n > kMaxChildren)
        fail("Children must be a whole number between 1 and " + std::to_string(kMaxChildren) +
             "; got " + formatNumber(n) + emptyCellHint(n) + ".");
    return static_cast<int>(n);
}

double shareArg(const Value& share)
{
    return fractionArg(share, "Share");
}

double fteArg(const Value& fte)
{
    return fractionArg(fte, "FTE");
}

double pointsArg(const Value& points)
{
    if (isBlank(points))
        fail("Points are missing.");
    if (points.kind == Value::Kind::Error)
        fail("The Points cell holds an error; fix that cell first.");
    if (points.kind == Value::Kind::Text)
        fail("Points must be a number; got the text " + quoted(points.text) + ".");
    const double p = points.number;
    if (!std::isfinite(p))
        fail("Points must be a finite number.");
    if (p < 0)
        fail("Points cannot be negative; got " + formatNumber(p) + ".");
    return p;
}

double hoursArg(const Value& hours, const Scheme& scheme)
{
    if (isBlank(hours))
        return 0.0;
    if (hours.kind == Value::Kind::Error)
        fail("The Hours cell holds an error; fix that cell first.");
    if (hours.kind == Value::Kind::Text)
        fail("Hours must be a number; got the text " + quoted(hours.text) + ".");
    const double h = hours.number;
    if (!std::isfinite(h))
        fail("Hours must be a finite number.");
    if (h < 0 || h > kHoursInMonth)
        fail("Hours must be between 0 and " + formatNumber(kHoursInMonth) +
             " (the hours in a month); got " + formatNumber(h) + ".");
    if (h != 0 && scheme.hoursPoints <= 0)
        fail(std::string(scheme.name) +
             " does not score hours of extra duties; leave Hours empty.");
    return h;
}

const Grade& gradeArg(const Value& grade, const Scheme& scheme)
{
    std::string name;
    // An empty Grade cell arrives as 0; no grade is a number, so 0 can only mean "left empty".
    if (scheme.gradesIgnored || isBlank(grade) || isZero(grade))
        name = scheme.defaultGrade;
    else if (grade.kind == Value::Kind::Error)
        fail("The Grade cell holds an error; fix that cell first.");
    else if (grade.kind == Value::Kind::Number)
        fail("The grade must be a name, not the number " + formatNumber(grade.number) + "; use " +
             gradeList(scheme) + ".");
    else
        name = normaliseName(grade.text);
    for (const Grade& g : scheme.grades)
        if (g.name == name)
        {
            if (!g.invalid.empty())
                fail(g.name + " is not a grade " + scheme.name + " bands: " + g.invalid + ". Use " +
                     gradeList(scheme) + ".");
            return g;
        }
    fail(quoted(name) + " is not " + scheme.article + " " + scheme.name + " grade; use " +
         gradeList(scheme) + ".");
}

std::optional<double> sumArg(const Values& range, std::string_view what)
{
    const std::string name(what);
    std::string lower = name;
    if (!lower.empty() && lower[0] >= 'A' && lower[0] <= 'Z')
        lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    std::optional<double> sum;
    for (const Value& cell : range)
    {
        if (isBlank(cell))
            continue;
        if (cell.kind == Value::Kind::Error)
            fail("A " + lower + " cell holds an error; fix that cell first.");
        if (cell.kind == Value::Kind::Text)
            fail(name + " must be numbers; a cell holds the text " + quoted(cell.text) + ".");
        if (!std::isfinite(cell.number))
            fail(name + " must be finite numbers.");
        if (cell.number < 0)
            fail(name + " cannot be negative; a cell holds " + formatNumber(cell.number) + ".");
        sum = sum.value_or(0.0) + cell.number;
        if (!std::isfinite(*sum))
            fail("The " + lower + " add up to more than a number can hold.");
    }
    return sum;
}

double finiteResult(double result)
{
    if (!std::isfinite(result))
        fail("The result is too large to compute.");
    return result;
}

std::string schemeList()
{
    std::vector<std::string> names;
    for (const SchemeEntry& entry : allSchemes())
        names.push_back(entry.name);
    return names.empty() ? std::string("a scheme (none is loaded: reinstall caseweight)")
                         : listOr(names);
}

std::string gradeList(const Scheme& scheme)
{
    std::vector<std::string> names;
    for (const Grade& g : scheme.grades)
        if (g.invalid.empty())
            names.push_back(g.name);
    return listOr(names);
}

} // namespace caseweight::detail
