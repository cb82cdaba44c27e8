// The scoring engine behind the sheet functions. Pure C++: no UNO, no I/O.
//
// Every function takes the arguments as they arrive from a sheet (Value: empty, number,
// text or error) and does all the checking itself, so the spreadsheet layer only converts.
// Invalid input throws InputError whose what() is one plain-English sentence for a manager.
//
// The schemes come from their data files (caseweight/schemes.hpp: loadSchemes). Thread safety:
// a loaded set of schemes is never changed and no function keeps state between calls, so
// calls may come from any thread.
#pragma once

#include "caseweight/value.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace caseweight
{

// CASEPOINTS: points of one case row (items, children, co-working share).
double casePoints(const Value& scheme, const Values& items, const Value& children,
                  const Value& share);

// CASECHECK: "OK", or the sentence that makes casePoints fail. Never throws.
std::string caseCheck(const Value& scheme, const Values& items, const Value& children,
                      const Value& share);

// WORKERPOINTS: the worker element (points that belong to the worker, not to a case).
double workerPoints(const Value& scheme, const Values& items, const Value& hours);

// WORKLOADPOINTS: the worker's total. casePoints: row totals, summed (empty cells ignored).
// workerPoints: the worker element, summed; when wholly empty or 0 (what Calc passes for one
// empty cell), the scheme's element of a worker with no items (Warrington's stable element).
double workloadPoints(const Value& scheme, const Values& casePoints, const Values& workerPoints);

// WORKLOADBAND: the band label for a worker's total at a grade and FTE.
std::string workloadBand(const Value& scheme, const Value& points, const Value& grade,
                         const Value& fte);

// WORKLOADCAPACITY: points as a fraction of the grade's reasonable maximum at that FTE.
double workloadCapacity(const Value& scheme, const Value& points, const Value& grade,
                        const Value& fte);

// ITEMLABEL: the scheme's own description of an item code.
std::string itemLabel(const Value& scheme, const Value& code);

// SCHEMEITEMS: the valid codes, in table order, optionally of one group or sheet column.
std::vector<std::string> schemeItems(const Value& scheme, const Value& group);

// POINTSTEXT: the points of item codes in words, as a sheet's headings state them, for the
// scheme's version (a SCHEMEAT scheme: the sheet's date). One code: "basic 10 + 6 per child
// (basic at most 30)", "8 first child, 2 each further child" ...; several: their distinct
// points, "4, 6 or 10". Form "short" (any case): the points alone ("6"). Form left out, empty
// or 0 (an empty cell): the words.
std::string pointsText(const Value& scheme, const Values& codes, const Value& form);

// BANDTEXT: a grade's band at full time in words ("330 to 350 points", "up to 300 points");
// the default grade when left out; Grade "*": every grade's band and the default grade
// ("NQSW: up to 300 points; ... Empty means EXPERIENCED.").
std::string bandText(const Value& scheme, const Value& grade);

// SCHEMETEXT: a text with the scheme file's markers worded for the scheme's version, as a
// sheet's headings and notes are written in the file: "Child protection {points:CP}" ->
// "Child protection basic 10 + 6 per child (basic at most 30)". The markers:
// {points:CODES} {short:CODE} {label:CODE} {band:GRADE} {most:GROUP} {hours_points}
// {full_time_hours} {one_point_per}; a brace without a lower-case name is text. A number is its
// text, an empty cell "". Date (optional; empty arrives as 0): the version in force on it, as
// SCHEMEAT.
std::string schemeText(const Value& scheme, const Value& text, const Value& date);

// SCHEMEAT: the scheme as in force on a date: "RBWM@2027-04-01", which every Scheme argument
// accepts. A scheme given without a date is the version in force today.
std::string schemeAt(const Value& scheme, const Value& date);

// SCHEMEVERSION: which version scores a sheet, its date, what it changed and its file.
std::string schemeVersion(const Value& scheme);

// For the function wizard's texts: each usable scheme's band labels, lowest first, and the
// names of the schemes that score hours of extra duties.
std::vector<std::string> bandLabels(const std::string& scheme);
std::vector<std::string> schemesScoringHours();
// The grade a scheme bands with when none is given; "" when its bands ignore the grade.
std::string schemeDefaultGrade(const std::string& scheme);
// The full-time week in hours of the version in force today (its file's full_time_hours, else
// the default week); 0 when it is not known.
double schemeFullTimeHours(const std::string& scheme);

// The canonical scheme names, for listings and tests.
std::vector<std::string> schemeNames();

// A user's text as the sentences quote it: in quotes, control characters as spaces, a long
// text cut (at a character boundary) with "...".
std::string quotedText(std::string_view text);

} // namespace caseweight
