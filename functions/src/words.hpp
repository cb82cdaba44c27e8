// A scheme's numbers in words: how an item scores and a grade's band. The one place that words
// points and bands, for ITEMLABEL, POINTSTEXT, BANDTEXT and the README's code reference.
#pragma once

#include "scheme.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace caseweight::detail
{

// How much an item's words say.
enum class Wording
{
    Label,   // every rule, after an item's label (ITEMLABEL, the README's code reference):
             // "16 (basic 10 + 6) per child; the basic part is capped at 30 for the row"
    Heading, // as a sheet's column heading states it: "basic 10 + 6 per child (basic at
             // most 30)", "8 first child, 2 each further child", "10 a family (4-6 children
             // 20, 7+ 30)", "5 each time"
    Short    // the points alone, as a heading quotes them: "6" (a per-child item without its
             // basic weight); a family-size item as Heading
};

// A number as the headings write it: a whole number without decimals ("6"), else six
// significant digits ("7.5", "0.333333"), as the templates have always written them.
std::string numberText(double number);

// How an item scores, in words, from its numbers.
std::string pointsText(const Scheme& scheme, const Item& item, Wording wording = Wording::Label);

// The distinct Short points of items, in their order: "4, 6 or 10" ("5" when all agree).
std::string pointsList(const Scheme& scheme, const std::vector<std::size_t>& items);

// A grade's band at full time: "330 to 350 points", "up to 300 points" (no lower limit).
std::string withinText(const Grade& grade);

// Every grade's band at full time and the default grade: "NQSW: up to 300 points;
// EXPERIENCED: 330 to 350 points; HIGHER-SPECIALIST: 350 to 400 points. Empty means
// EXPERIENCED." A scheme whose bands ignore the grade has one band: its withinText.
std::string gradesText(const Scheme& scheme);

} // namespace caseweight::detail
