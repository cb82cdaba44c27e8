// Shorthands for the unit tests: sheet arguments and checks of the error sentences.
#pragma once

#include "caseweight/engine.hpp"
#include "caseweight/schemes.hpp"
#include "scheme.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace cwtest
{

// The version of a shipped scheme in force today, and the index of one of its codes.
inline const caseweight::detail::Scheme& schemeOf(const std::string& name)
{
    return caseweight::detail::versionOn(*caseweight::detail::findScheme(name), 1 << 20);
}
inline std::size_t indexOf(const caseweight::detail::Scheme& scheme, const std::string& code)
{
    const int i = caseweight::detail::findItem(scheme, code);
    if (i < 0)
        throw std::logic_error("not a code: " + code);
    return static_cast<std::size_t>(i);
}
inline unsigned countOf(const caseweight::detail::Row& row, const std::string& code)
{
    return row.counts[indexOf(*row.scheme, code)];
}

using caseweight::InputError;
using caseweight::Value;
using caseweight::Values;

inline Value S(std::string text)
{
    return Value::str(std::move(text));
}
inline Value N(double number)
{
    return Value::num(number);
}
inline Value E()
{
    return Value::empty();
}
inline Value Err()
{
    return Value::error();
}

// Items given as one text cell.
inline Values cell(const std::string& text)
{
    return {S(text)};
}

inline double points(const std::string& scheme, const std::string& items, Value children = E(),
                     Value share = E())
{
    return caseweight::casePoints(S(scheme), cell(items), children, share);
}

inline std::string check(const std::string& scheme, const std::string& items, Value children = E(),
                         Value share = E())
{
    return caseweight::caseCheck(S(scheme), cell(items), children, share);
}

inline double worker(const std::string& scheme, const std::string& items, Value hours = E())
{
    return caseweight::workerPoints(S(scheme), cell(items), hours);
}

// A council scheme in as few lines as a file may have: KENT, a grade SW 10-20, CP 6 per child
// (the file's lines are counted by the tests: what follows it starts at line 19).
inline const char* const kMinimalScheme = R"(name = "KENT"
council = "Kent"
source = "Test"
from = 2020-01-01
[[grade]]
name = "SW"
lower = 10
upper = 20
[bands]
below = "Below band"
within = "Within band"
above = [{ label = "Above band" }]
[[item]]
code = "CP"
group = "case"
points = 6
per = "child"
label = "Child protection"
)";

// A pack's amendment of RBWM's COURT points from a date (its points on line 6).
inline std::string courtAmendment(const std::string& from, const std::string& points)
{
    return "amends = \"RBWM\"\n[[amendment]]\nfrom = " + from +
           "\n[[amendment.item]]\ncode = \"COURT\"\npoints = " + points + "\n";
}

// The shipped scheme files.
inline std::vector<caseweight::SchemeFile> shipped()
{
    return caseweight::schemeFilesIn(CASEWEIGHT_SCHEMES_DIR);
}

// Loads the shipped files (unless told not to) and `extra` for one test, and the shipped ones
// again after it.
class WithFiles
{
  public:
    explicit WithFiles(const std::vector<caseweight::SchemeFile>& extra, bool withShipped = true)
    {
        auto files = withShipped ? shipped() : std::vector<caseweight::SchemeFile>{};
        files.insert(files.end(), extra.begin(), extra.end());
        problems = caseweight::loadSchemes(files);
    }
    ~WithFiles() { caseweight::loadSchemes(shipped()); }
    WithFiles(const WithFiles&) = delete;
    WithFiles& operator=(const WithFiles&) = delete;
    std::vector<std::string> problems;
};

// The message contains every word, is one sentence and ends with a period.
inline ::testing::AssertionResult sentenceHas(const std::string& message,
                                              std::initializer_list<const char*> words)
{
    for (const char* word : words)
        if (message.find(word) == std::string::npos)
            return ::testing::AssertionFailure()
                   << "\"" << message << "\" does not contain \"" << word << "\"";
    if (message.empty() || message.back() != '.')
        return ::testing::AssertionFailure() << "\"" << message << "\" does not end with a period";
    return ::testing::AssertionSuccess();
}

// Runs f, which must throw InputError whose sentence contains every word.
template <class F>
::testing::AssertionResult throwsWith(F&& f, std::initializer_list<const char*> words)
{
    try
    {
        f();
    }
    catch (const InputError& e)
    {
        return sentenceHas(e.what(), words);
    }
    catch (const std::exception& e)
    {
        return ::testing::AssertionFailure() << "threw another exception: " << e.what();
    }
    return ::testing::AssertionFailure() << "did not throw InputError";
}

} // namespace cwtest

#define EXPECT_INPUT_ERROR(expr, ...)                                                              \
    EXPECT_TRUE(::cwtest::throwsWith([&] { (void)(expr); }, {__VA_ARGS__}))
