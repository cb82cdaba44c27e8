// The engine's basic types: what a sheet passes (Value, Values) and why it is refused
// (InputError). Every layer uses them; the functions themselves are in caseweight/engine.hpp.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace caseweight
{

// One argument or one cell of a range, as the sheet gave it.
struct Value
{
    enum class Kind
    {
        Empty,
        Number,
        Text,
        Error
    };
    Kind kind = Kind::Empty;
    double number = 0.0;
    std::string text;

    static Value empty() { return {}; }
    static Value num(double d) { return {Kind::Number, d, {}}; }
    static Value str(std::string s) { return {Kind::Text, 0.0, std::move(s)}; }
    static Value error() { return {Kind::Error, 0.0, {}}; }
};

// A cell range flattened row by row; a single argument is a range of one.
using Values = std::vector<Value>;

// Why an argument is invalid, in one sentence a team manager understands.
class InputError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

} // namespace caseweight
