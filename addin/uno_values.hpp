// Converting what Calc passes (uno::Any: void, number, text or a range) into the engine's
// Values. Only conversion lives here; every check of meaning is in functions/.
#pragma once

#include <caseweight/value.hpp>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace caseweight::uno_args
{

// Argument `index` of the UNO method `method`, named (from the function table) only when a
// message needs it.
struct ArgumentRef
{
    const char* method;
    std::size_t index;
};

// Rows and columns of a range argument; a single value is 1 x 1.
struct RangeShape
{
    std::size_t rows;
    std::size_t columns;
};
RangeShape shapeOf(const css::uno::Any& any);

// The largest range converted: one whole column. Calc has already built the range's cells
// when the add-in is called; a larger range is refused before it is copied again.
inline constexpr std::size_t kMaxRangeCells = 1048576;

// A range or a single value, flattened row by row. Empty cells come as empty texts from
// Calc; they become Empty here. More than kMaxRangeCells cells throws InputError.
Values toValues(const css::uno::Any& any, ArgumentRef argument);

// The codes of one case row: a range of several rows throws InputError, as scoring it as one
// row would merge several cases (an array formula over rows passes the whole range at once).
Values toRowValues(const css::uno::Any& any, ArgumentRef argument);

// A single value. A range of one cell is that cell; a larger range throws InputError naming
// the argument ("Children must be one cell, not a range of 3 cells.").
Value toValue(const css::uno::Any& any, ArgumentRef argument);

// The same for the typed parameters: a name (an empty text is Empty) and a required
// argument, which Calc passes as rows of cells even for a single value.
using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;
Value toValue(const rtl::OUString& name, ArgumentRef argument);
Value toValue(const Range& range, ArgumentRef argument);
Values toValues(const Range& range, ArgumentRef argument);
Values toRowValues(const Range& range, ArgumentRef argument);

std::string toUtf8(const rtl::OUString& s);
rtl::OUString fromUtf8(std::string_view s);

} // namespace caseweight::uno_args
