// The public functions: arguments checked, then the scheme's table and rules applied.
#include "caseweight/engine.hpp"

#include "checked_arguments.hpp"
#include "dates.hpp"
#include "items.hpp"
#include "remembered_words.hpp"
#include "rules.hpp"
#include "scheme.hpp"
#include "scheme_text.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>

namespace caseweight
{

namespace detail
{

namespace
{

std::string lowerCase(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

void addOnce(std::vector<std::string_view>& list, std::string_view name)
{
    if (!name.empty() && std::find(list.begin(), list.end(), name) == list.end())
        list.push_back(name);
}

// POINTSTEXT's Form: empty (an empty cell arrives as 0) for the words, "short" for the points.
Wording formArg(const Value& form)
{
    if (isBlank(form) || isZero(form))
        return Wording::Heading;
    if (form.kind == Value::Kind::Error)
        fail("The Form cell holds an error; fix that cell first.");
    if (form.kind == Value::Kind::Text && normaliseName(form.text) == "SHORT")
        return Wording::Short;
    fail("Form must be left out, empty or \"short\"; got " +
         (form.kind == Value::Kind::Number ? formatNumber(form.number) : quoted(form.text)) + ".");
}

[[noreturn]] void unknownGroup(const Scheme& scheme, const std::string& group)
{
    for (Group g :
         {Group::Case, Group::Modifier, Group::Specific, Group::Additional, Group::Worker})
        if (groupName(g) == group)
            fail(std::string(scheme.name) + " has no " + group + " items.");
    std::vector<std::string_view> groups;
    std::vector<std::string_view> columns;
    for (const Item& item : scheme.items)
        addOnce(groups, groupName(item.group));
    for (const Item& item : scheme.items)
        if (std::find(groups.begin(), groups.end(), item.column) == groups.end())
            addOnce(columns, item.column);
    std::string sentence = quoted(group) + " is not " + std::string(scheme.article) + " " +
                           std::string(scheme.name) + " group; use " + listOr(groups);
    if (!columns.empty())
        sentence += ", or a column: " + listOr(columns);
    fail(sentence + ".");
}

} // namespace

} // namespace detail

using namespace detail;

double casePoints(const Value& scheme, const Values& items, const Value& children,
                  const Value& share)
{
    const Scheme& s = schemeArg(scheme);
    Row row = parseItems(s, items, ItemUse::CaseRow);
    // An empty template row totals 0. Its empty Children and Share cells arrive as 0, which
    // is not an error there; any other invalid value still is.
    const bool emptyRow = row.total() == 0;
    row.children = emptyRow && isZero(children) ? 1 : childrenArg(children);
    const double fraction = emptyRow && isZero(share) ? 1.0 : shareArg(share);
    if (emptyRow)
        return 0.0;
    return finiteResult(applyShare(rowPoints(row), fraction));
}

std::string caseCheck(const Value& scheme, const Values& items, const Value& children,
                      const Value& share)
{
    try
    {
        casePoints(scheme, items, children, share);
        return "OK";
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    catch (...)
    {
        return "The row could not be checked.";
    }
}

double workerPoints(const Value& scheme, const Values& items, const Value& hours)
{
    const Scheme& s = schemeArg(scheme);
    const Row row = parseItems(s, items, ItemUse::Worker);
    const double h = hoursArg(hours, s);
    return finiteResult(workerElement(row, h));
}

double workloadPoints(const Value& scheme, const Values& casePoints, const Values& workerPoints)
{
    const Scheme& s = schemeArg(scheme);
    const double cases = sumArg(casePoints, "Case points").value_or(0.0);
    const std::optional<double> worker = sumArg(workerPoints, "Worker points");
    Row noItems;
    noItems.scheme = &s;
    const double least = workerElement(noItems, 0.0);
    // Calc passes a reference to one empty cell as 0, so 0 means "left out": the element of a
    // worker with no items (for the other schemes that is 0 anyway).
    const bool leftOut = !worker || *worker == 0.0;
    if (!leftOut && fallsBelow(*worker, least))
        fail(std::string(s.name) + " gives every worker an element of at least " +
             formatNumber(least) + "; Worker points of " + formatNumber(*worker) +
             " cannot be right. Use WORKERPOINTS, or leave the argument out.");
    const double element = leftOut ? least : *worker;
    return finiteResult(cases + element + workloadWeight(s, cases));
}

std::string workloadBand(const Value& scheme, const Value& points, const Value& grade,
                         const Value& fte)
{
    const Scheme& s = schemeArg(scheme);
    const double p = pointsArg(points);
    const Grade& g = gradeArg(grade, s);
    const double f = fteArg(fte);
    return std::string(band(s, p, g, f));
}

double workloadCapacity(const Value& scheme, const Value& points, const Value& grade,
                        const Value& fte)
{
    const Scheme& s = schemeArg(scheme);
    const double p = pointsArg(points);
    const Grade& g = gradeArg(grade, s);
    const double f = fteArg(fte);
    return finiteResult(capacityAtTop(p, g, f));
}

// The word functions are worded once per scheme version and arguments (remembered_words.hpp):
// a sheet's live words ask for the same texts on every recalculation.

std::string itemLabel(const Value& scheme, const Value& code)
{
    const Scheme& s = schemeArg(scheme);
    return rememberedWords(s, WordsKey('L') << code, [&] { return labelWords(s, code); });
}

std::string pointsText(const Value& scheme, const Values& codes, const Value& form)
{
    const Scheme& s = schemeArg(scheme);
    return rememberedWords(s, WordsKey('P') << codes << form,
                           [&] { return codesWords(s, codes, formArg(form)); });
}

std::string bandText(const Value& scheme, const Value& grade)
{
    const Scheme& s = schemeArg(scheme);
    return rememberedWords(s, WordsKey('B') << grade, [&] { return bandWords(s, grade); });
}

std::string schemeText(const Value& scheme, const Value& text, const Value& date)
{
    // The sheet's date given here rather than through SCHEMEAT: one call for a heading.
    const Scheme& s = isBlank(date) || isZero(date) ? schemeArg(scheme)
                                                    : schemeArg(Value::str(schemeAt(scheme, date)));
    if (text.kind == Value::Kind::Error)
        fail("The Text cell holds an error; fix that cell first.");
    if (text.kind != Value::Kind::Text)
        return isBlank(text) ? std::string() : formatNumber(text.number);
    return rememberedWords(s, WordsKey('T') << text, [&] { return markedWords(s, text.text); });
}

std::vector<std::string> schemeItems(const Value& scheme, const Value& group)
{
    const Scheme& s = schemeArg(scheme);
    std::vector<std::string> codes;
    if (isBlank(group) || isZero(group)) // an empty cell arrives as 0; no group is a number
    {
        for (const Item& item : s.items)
            codes.emplace_back(item.code);
        return codes;
    }
    if (group.kind == Value::Kind::Error)
        fail("The Group cell holds an error; fix that cell first.");
    if (group.kind == Value::Kind::Number)
        fail("The group must be a name, not the number " + formatNumber(group.number) + ".");
    const std::string name = lowerCase(normaliseName(group.text));
    for (const Item& item : s.items)
        if (groupName(item.group) == name || (!item.column.empty() && item.column == name))
            codes.emplace_back(item.code);
    if (codes.empty())
        unknownGroup(s, name);
    return codes;
}

std::string quotedText(std::string_view text)
{
    return quoted(text);
}

std::vector<std::string> schemeNames()
{
    std::vector<std::string> names;
    for (const SchemeEntry& entry : allSchemes())
        names.emplace_back(entry.name);
    return names;
}

std::vector<std::string> bandLabels(const std::string& scheme)
{
    std::vector<std::string> labels;
    const SchemeEntry* entry = findScheme(scheme);
    if (!entry || entry->versions.empty())
        return labels;
    const Bands& b = versionOn(*entry, today()).bands;
    if (!b.below.empty())
        labels.push_back(b.below);
    labels.push_back(b.within);
    for (const BandAbove& above : b.above)
        labels.push_back(above.label);
    return labels;
}

std::string schemeDefaultGrade(const std::string& scheme)
{
    const SchemeEntry* entry = findScheme(scheme);
    if (!entry || entry->versions.empty())
        return {};
    const Scheme& s = versionOn(*entry, today());
    return s.gradesIgnored ? std::string() : s.defaultGrade;
}

double schemeFullTimeHours(const std::string& scheme)
{
    const SchemeEntry* entry = findScheme(scheme);
    if (!entry || entry->versions.empty())
        return 0;
    const double hours = versionOn(*entry, today()).fullTimeHours;
    return std::isnan(hours) ? 0 : hours;
}

std::vector<std::string> schemesScoringHours()
{
    std::vector<std::string> names;
    for (const SchemeEntry& entry : allSchemes())
        if (!entry.versions.empty() && versionOn(entry, today()).hoursPoints > 0)
            names.push_back(entry.name);
    return names;
}

std::string schemeAt(const Value& scheme, const Value& date)
{
    // An undated name is not checked against today: a sheet dated before a broken amendment
    // keeps its scheme when today is after it.
    const SchemeEntry* entry =
        scheme.kind == Value::Kind::Text && scheme.text.find('@') == std::string::npos
            ? findScheme(normaliseName(scheme.text))
            : nullptr;
    const std::string name = entry && entry->error.empty() ? entry->name : schemeArg(scheme).name;
    if (isBlank(date) || isZero(date)) // an empty cell arrives as 0
        fail("The date is missing; give the sheet's date (its As at cell).");
    if (date.kind == Value::Kind::Error)
        fail("The date cell holds an error; fix that cell first.");
    if (date.kind == Value::Kind::Text)
        fail("The date must be a date, not the text " + quoted(date.text) + ".");
    if (!std::isfinite(date.number) || date.number < 1 || date.number > 2958465)
        fail("The date must be a date between 1900 and 9999.");
    return name + "@" + isoDate(static_cast<int>(std::floor(date.number)));
}

std::string schemeVersion(const Value& scheme)
{
    const Scheme& s = schemeArg(scheme);
    std::string text = s.name + " as from " + isoDate(s.from);
    if (!s.note.empty())
        text += ": " + s.note;
    return text + " (" + s.source + "; " + s.file + ")";
}

} // namespace caseweight
