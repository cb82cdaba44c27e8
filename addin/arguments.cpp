#include "arguments.hpp"

#include "function_table.hpp"

#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/TypeClass.hpp>
#include <rtl/string.hxx>

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
        rtl::OUString s;
        any >>= s;
        return s.isEmpty() ? Value::empty() : Value::str(toUtf8(s));
    }
    case uno::TypeClass_DOUBLE:
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

template <class T> bool appendRange(const uno::Any& any, Values& out)
{
    uno::Sequence<uno::Sequence<T>> rows;
    if (!(any >>= rows))
        return false;
    for (const auto& row : rows)
        for (const auto& cell : row)
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

Values toValues(const uno::Any& any)
{
    Values out;
    if (any.getValueTypeClass() != uno::TypeClass_SEQUENCE)
    {
        out.push_back(scalar(any));
        return out;
    }
    if (!appendRange<uno::Any>(any, out) && !appendRange<double>(any, out) &&
        !appendRange<rtl::OUString>(any, out))
        out.push_back(Value::error());
    return out;
}

Value toValue(const uno::Any& any, ArgumentRef argument)
{
    if (any.getValueTypeClass() != uno::TypeClass_SEQUENCE)
        return scalar(any);
    Values cells = toValues(any);
    if (cells.size() == 1)
        return cells.front();
    const FunctionInfo* f = findByMethod(argument.method);
    const std::string_view name = f && argument.index < f->arguments.size()
                                      ? f->arguments[argument.index].name
                                      : std::string_view("An argument");
    throw InputError(std::string(name) + " must be one cell, not a range of " +
                     std::to_string(cells.size()) + " cells.");
}

} // namespace caseweight::uno_args
