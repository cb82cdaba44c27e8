// The word functions' answers for one scheme version: POINTSTEXT, BANDTEXT, ITEMLABEL, and
// SCHEMETEXT, a whole text with the scheme file's own markers worded (so that a sheet's heading
// is one call, whatever it quotes).
#pragma once

#include "caseweight/value.hpp"
#include "scheme.hpp"
#include "words.hpp"

#include <string>
#include <string_view>

namespace caseweight::detail
{

// ITEMLABEL: the item's label and its points in words.
std::string labelWords(const Scheme& scheme, const Value& code);

// POINTSTEXT: one code's points in `wording`, or the distinct points of several.
std::string codesWords(const Scheme& scheme, const Values& codes, Wording wording);

// BANDTEXT: a grade's band ("" or 0: the default grade; "*": every grade's band).
std::string bandWords(const Scheme& scheme, const Value& grade);

// SCHEMETEXT: `text` with every marker replaced by its words:
//   {points:CODES}  the points of one code in words, or the distinct points of several
//                   (codes separated by spaces, commas or semicolons)
//   {short:CODE}    the points alone ("6")
//   {label:CODE}    the item's label and its points (ITEMLABEL)
//   {band:GRADE}    a grade's band at full time (left empty: the default grade)
//   {most:GROUP}    the most items of the group a row may hold (its at-most rule)
//   {hours_points}  the points of an hour a month of extra duties
//   {full_time_hours}, {one_point_per}   the full-time week; one workload point per how many
//                   case points
// A brace holding a lower-case name, alone or before a colon, is a marker; any other brace is
// text. A marker of an unknown name, or one the scheme cannot word, throws
// InputError naming it.
std::string markedWords(const Scheme& scheme, std::string_view text);

} // namespace caseweight::detail
