// Converting what Calc passes (uno::Any: void, number, text or a range) into the engine's
// Values. Only conversion lives here; every check of meaning is in functions/.
#pragma once

#include <caseweight/engine.hpp>

#include <com/sun/star/uno/Any.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace caseweight::uno_args
{

// A range (any size) or a single value, flattened row by row. Empty cells come as empty
// texts from Calc; they become Empty here.
Values toValues(const css::uno::Any& any);

// Argument `index` of the UNO method `method`, named (from the function table) only when a
// message needs it.
struct ArgumentRef
{
    const char* method;
    std::size_t index;
};

// A single value. A range of one cell is that cell; a larger range throws InputError naming
// the argument ("Children must be one cell, not a range of 3 cells.").
Value toValue(const css::uno::Any& any, ArgumentRef argument);

std::string toUtf8(const rtl::OUString& s);
rtl::OUString fromUtf8(std::string_view s);

} // namespace caseweight::uno_args
