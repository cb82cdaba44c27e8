// Checking the numbers typed into existing hand-made weighting sheets: which values a
// scheme's sheet column can hold. Same conventions as engine.hpp.
#pragma once

#include "caseweight/value.hpp"

#include <string>
#include <vector>

namespace caseweight
{

// COLUMNCHECK(Scheme; Column; Value; [Children]): "OK" when the number is one the column can
// hold for a row of that many children (an empty cell or 0 is OK: nothing scored), otherwise
// one sentence saying what the column allows. An unknown scheme or column is an InputError.
std::string columnCheck(const Value& scheme, const Value& column, const Value& value,
                        const Value& children);

// COLUMNVALUES(Scheme; Column; [Children]): the values the column can hold, ascending.
std::vector<double> columnValues(const Value& scheme, const Value& column, const Value& children);

// SHEETCOLUMNS(Scheme): the column keys of the scheme's paper sheet, in its order.
std::vector<std::string> sheetColumns(const Value& scheme);

} // namespace caseweight
