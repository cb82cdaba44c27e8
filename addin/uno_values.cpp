#include "uno_values.hpp"

#include "function_table.hpp"

#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/TypeClass.hpp>
#include <cppu/unotype.hxx>
#include <rtl/string.hxx>

#include <type_traits>

namespace caseweight::uno_args
{
namespace
{
namespace uno = css::uno;

Value scalar(const uno::Any& any)
{
    switch (any.getValueTypeClass())
    {
    case uno::TypeClass_VOID:
        return Value::empty();
    case uno::TypeClass_STRING:
    {
        // Read in place: an Any of type string holds an OUString.
        const rtl::OUString& s = *static_cast<const rtl::OUString*>(any.getValue());
        return s.isEmpty() ? Value::empty() : Value::str(toUtf8(s));
    }
    case uno::TypeClass_DOUBLE:
        return Value::num(*static_cast<const double*>(any.getValue()));
    case uno::TypeClass_FLOAT:
    case uno::TypeClass_BYTE:
    case uno::TypeClass_SHORT:
    case uno::TypeClass_UNSIGNED_SHORT:
    case uno::TypeClass_LONG:
    case uno::TypeClass_UNSIGNED_LONG:
    case uno::TypeClass_HYPER:
    case uno::TypeClass_UNSIGNED_HYPER:
    {
        double d = 0.0;
        // >>= widens every numeric type; checked, as it fails quietly otherwise.
        if (any >>= d)
            return Value::num(d);
        return Value::error();
    }
    case uno::TypeClass_BOOLEAN:
        return Value::num(*static_cast<const sal_Bool*>(any.getValue()) ? 1.0 : 0.0);
    default:
        // Anything Calc should never pass (an object, a nested range): not a usable value.
        return Value::error();
    }
}

// Calc passes a range as rows of cells (always of Any for an `any` parameter; the other
// element types are accepted should a caller pass them).
template <class T> bool appendRange(const uno::Any& any, Values& out)
{
    using Rows = uno::Sequence<uno::Sequence<T>>;
    if (any.getValueType() != cppu::UnoType<Rows>::get())
        return false;
    // Read in place: `any >>= rows` would be cheap too, but this states that nothing is copied.
    const Rows& rows = *static_cast<const Rows*>(any.getValue());
    for (const auto& row : rows)
        for (const auto& cell : row)
            if constexpr (std::is_same_v<T, uno::Any>)
                out.push_back(scalar(cell)); // the cells of a range from Calc: no copy
            else
                out.push_back(scalar(uno::Any(cell)));
    return true;
}

} // namespace

std::string toUtf8(const rtl::OUString& s)
{
    // Codes and scheme names are ASCII: convert without the rtl string allocation.
    std::string ascii;
    ascii.reserve(static_cast<std::size_t>(s.getLength()));
    for (sal_Int32 i = 0; i < s.getLength(); ++i)
    {
        const sal_Unicode c = s[i];
        if (c >= 0x80)
            break;
        ascii.push_back(static_cast<char>(c));
    }
    if (ascii.size() == static_cast<std::size_t>(s.getLength()))
        return ascii;
    const rtl::OString utf8 = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), utf8.getLength());
}

rtl::OUString fromUtf8(std::string_view s)
{
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

namespace
{

std::string_view argumentName(ArgumentRef argument)
{
    const FunctionInfo* f = findByMethod(argument.method);
    return f && argument.index < f->arguments.size() ? f->arguments[argument.index].name
                                                     : std::string_view("An argument");
}

} // namespace

RangeShape shapeOf(const uno::Any& any)
{
    // Only rows of cells are read in place; any other value (a flat sequence from a macro)
    // counts as one cell, which the conversion then finds unusable.
    const uno::Type& type = any.getValueType();
    if (type != cppu::UnoType<uno::Sequence<uno::Sequence<uno::Any>>>::get() &&
        type != cppu::UnoType<uno::Sequence<uno::Sequence<double>>>::get() &&
        type != cppu::UnoType<uno::Sequence<uno::Sequence<rtl::OUString>>>::get())
        return {1, 1};
    // The outer sequence's length, and the first row's, without copying any cell.
    const auto* outer = static_cast<const uno_Sequence* const*>(any.getValue());
    RangeShape shape{0, 0};
    if (!outer || !*outer)
        return shape;
    shape.rows = static_cast<std::size_t>((*outer)->nElements);
    if (shape.rows > 0)
    {
        const auto* first = reinterpret_cast<const uno_Sequence* const*>((*outer)->elements);
        shape.columns = *first ? static_cast<std::size_t>((*first)->nElements) : 0;
    }
    return shape;
}

Values toValues(const uno::Any& any, ArgumentRef argument)
{
    Values out;
    if (any.getValueTypeClass() != uno::TypeClass_SEQUENCE)
    {
        out.push_back(scalar(any));
        return out;
    }
    const RangeShape shape = shapeOf(any);
    if (shape.rows * shape.columns > kMaxRangeCells)
        throw InputError(std::string(argumentName(argument)) + " covers " +
                         std::to_string(shape.rows * shape.columns) +
                         " cells; give only the rows and columns in use (such as C5:C60), "
                         "not whole columns or the whole sheet.");
    out.reserve(shape.rows * shape.columns);
    if (!appendRange<uno::Any>(any, out) && !appendRange<double>(any, out) &&
        !appendRange<rtl::OUString>(any, out))
        out.push_back(Value::error());
    return out;
}

Values toRowValues(const uno::Any& any, ArgumentRef argument)
{
    // Checked before any cell is converted: a whole-column range is refused at once.
    const std::size_t rows = shapeOf(any).rows;
    if (rows > 1)
        throw InputError(std::string(argumentName(argument)) + " must be one row; a range of " +
                         std::to_string(rows) +
                         " rows would add several cases together. Give each case row its own "
                         "formula (fill it down) instead of one formula over the rows.");
    return toValues(any, argument);
}

Value toValue(const uno::Any& any, ArgumentRef argument)
{
    if (any.getValueTypeClass() != uno::TypeClass_SEQUENCE)
        return scalar(any);
    const RangeShape shape = shapeOf(any);
    if (shape.rows * shape.columns != 1)
        throw InputError(std::string(argumentName(argument)) +
                         " must be one cell, not a range of " +
                         std::to_string(shape.rows * shape.columns) + " cells.");
    return toValues(any, argument).front();
}

Value toValue(const rtl::OUString& name, ArgumentRef)
{
    return name.isEmpty() ? Value::empty() : Value::str(toUtf8(name));
}

// A Range goes into an Any without copying its cells (the sequence is shared).
Value toValue(const Range& range, ArgumentRef argument)
{
    return toValue(uno::Any(range), argument);
}

Values toValues(const Range& range, ArgumentRef argument)
{
    return toValues(uno::Any(range), argument);
}

Values toRowValues(const Range& range, ArgumentRef argument)
{
    return toRowValues(uno::Any(range), argument);
}

} // namespace caseweight::uno_args
