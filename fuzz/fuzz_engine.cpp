// libFuzzer target over every public entry point of the engine (engine.hpp, planning.hpp).
//
// The input bytes choose a function and its arguments: sheet Values of every kind (empty,
// error, numbers including NaN, infinities, huge, tiny, negative and -0, texts of real codes,
// names and groups in any case and spacing, random bytes) and ranges of them. Checked on every
// call, beside the sanitizers:
//   - a number result is finite, or the call throws InputError;
//   - an InputError's message is a non-empty sentence ending with a period;
//   - no other exception leaves the engine;
//   - CASECHECK says "OK" exactly when CASEPOINTS scores, and otherwise CASEPOINTS' sentence;
//   - text results (bands, labels, codes) are never empty.
#include <caseweight/engine.hpp>
#include <caseweight/planning.hpp>
#include <caseweight/schemes.hpp>

#include "scheme.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace
{

using caseweight::InputError;
using caseweight::Value;
using caseweight::Values;

[[noreturn]] void failCheck(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "caseweight fuzz check failed: %s: %s\n", what, detail.c_str());
    std::abort();
}

void checkSentence(const std::string& message)
{
    if (message.empty())
        failCheck("empty InputError message", "");
    if (message.back() != '.')
        failCheck("InputError message does not end with a period", message);
}

// Every word the engine knows: scheme names and aliases, item codes, groups and columns,
// grades, policies; plus words it does not.
std::vector<std::string> buildDictionary()
{
    std::vector<std::string> words = {"",
                                      " ",
                                      "case",
                                      "modifier",
                                      "specific",
                                      "additional",
                                      "worker",
                                      "ANY",
                                      "BOSS",
                                      "XYZ",
                                      "cp ",
                                      " Cp",
                                      "lac;",
                                      ";;",
                                      ",",
                                      "NOTTINGHAMSHIRE",
                                      "Windsor  and maidenhead",
                                      "\t",
                                      "\xc3\xa9",
                                      "OK"};
    for (const caseweight::detail::SchemeEntry& entry : caseweight::detail::allSchemes())
    {
        const caseweight::detail::Scheme* scheme = &entry.versions.back();
        words.push_back(entry.name + "@2027-04-01");
        words.emplace_back(scheme->name);
        for (const std::string& alias : scheme->aliases)
            words.emplace_back(alias);
        for (const caseweight::detail::Item& item : scheme->items)
        {
            words.emplace_back(item.code);
            if (!item.column.empty())
                words.emplace_back(item.column);
        }
        for (const caseweight::detail::Grade& grade : scheme->grades)
            words.emplace_back(grade.name);
    }
    for (const std::string& policy : caseweight::caseloadPolicies(Value::empty()))
        words.push_back(policy);
    return words;
}

const std::vector<std::string>& dictionary()
{
    static const std::vector<std::string> words = buildDictionary();
    return words;
}

double interestingNumber(FuzzedDataProvider& in)
{
    static const double numbers[] = {0.0,
                                     -0.0,
                                     1.0,
                                     2.0,
                                     3.0,
                                     4.0,
                                     7.0,
                                     0.5,
                                     0.8,
                                     1.5,
                                     -1.0,
                                     100.0,
                                     101.0,
                                     350.0,
                                     744.0,
                                     745.0,
                                     37.0,
                                     1e308,
                                     -1e308,
                                     1e-308,
                                     4.9e-324,
                                     2147483648.0,
                                     9.3e18,
                                     std::numeric_limits<double>::max(),
                                     std::numeric_limits<double>::lowest(),
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(),
                                     std::numeric_limits<double>::quiet_NaN(),
                                     45000.0,
                                     46000.5};
    switch (in.ConsumeIntegralInRange<int>(0, 2))
    {
    case 0:
        return in.PickValueInArray(numbers);
    case 1:
        return static_cast<double>(in.ConsumeIntegralInRange<int>(-3, 120));
    default:
    {
        const std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d; // any bit pattern: NaN payloads, subnormals, huge
    }
    }
}

std::string word(FuzzedDataProvider& in)
{
    std::string w =
        dictionary()[in.ConsumeIntegralInRange<std::size_t>(0, dictionary().size() - 1)];
    if (in.ConsumeBool())
        for (char& c : w)
            if (c >= 'A' && c <= 'Z' && in.ConsumeBool())
                c = static_cast<char>(c - 'A' + 'a');
    return w;
}

// A text of codes as managers type it: "CP; complex,COURT".
std::string codeList(FuzzedDataProvider& in)
{
    static const char* const separators[] = {";", ",", " ; ", ";;", " ", ", ", "\n"};
    std::string text;
    const int n = in.ConsumeIntegralInRange<int>(1, 6);
    for (int i = 0; i < n; ++i)
    {
        if (i > 0)
            text += in.PickValueInArray(separators);
        text += word(in);
    }
    return text;
}

Value value(FuzzedDataProvider& in)
{
    switch (in.ConsumeIntegralInRange<int>(0, 6))
    {
    case 0:
        return Value::empty();
    case 1:
        return Value::error();
    case 2:
    case 3:
        return Value::num(interestingNumber(in));
    case 4:
        return Value::str(word(in));
    case 5:
        return Value::str(codeList(in));
    default:
        return Value::str(in.ConsumeRandomLengthString(40));
    }
}

Values range(FuzzedDataProvider& in)
{
    Values cells;
    const int n = in.ConsumeIntegralInRange<int>(0, 8);
    for (int i = 0; i < n; ++i)
        cells.push_back(value(in));
    return cells;
}

// A number from the engine: finite, or an InputError with a sentence.
template <class F> void number(const char* function, F&& call)
{
    try
    {
        const double result = call();
        if (!std::isfinite(result))
            failCheck(function, "returned a number that is not finite");
    }
    catch (const InputError& e)
    {
        checkSentence(e.what());
    }
}

// A text from the engine: non-empty, or an InputError with a sentence.
template <class F> void text(const char* function, F&& call)
{
    try
    {
        if (call().empty())
            failCheck(function, "returned an empty text");
    }
    catch (const InputError& e)
    {
        checkSentence(e.what());
    }
}

// CASEPOINTS and CASECHECK on the same row must agree.
void caseRow(const Value& scheme, const Values& items, const Value& children, const Value& share)
{
    std::string error;
    bool scored = false;
    try
    {
        const double points = caseweight::casePoints(scheme, items, children, share);
        if (!std::isfinite(points))
            failCheck("casePoints", "returned a number that is not finite");
        scored = true;
    }
    catch (const InputError& e)
    {
        error = e.what();
        checkSentence(error);
    }
    const std::string verdict = caseweight::caseCheck(scheme, items, children, share);
    if (scored && verdict != "OK")
        failCheck("caseCheck is not OK on a row casePoints scores", verdict);
    if (!scored && verdict != error)
        failCheck("caseCheck differs from casePoints' error", verdict + " | " + error);
}

caseweight::TeamArgs team(FuzzedDataProvider& in)
{
    caseweight::TeamArgs t;
    t.scheme = value(in);
    t.points = range(in);
    t.grades = range(in);
    t.ftes = range(in);
    t.groups = range(in);
    t.group = value(in);
    return t;
}

void oneCall(FuzzedDataProvider& in)
{
    namespace cw = caseweight;
    switch (in.ConsumeIntegralInRange<int>(0, 21))
    {
    case 0:
    case 1:
    case 2:
    {
        const Value scheme = value(in);
        const Values items = range(in);
        const Value children = value(in);
        const Value share = value(in);
        caseRow(scheme, items, children, share);
        break;
    }
    case 3:
    {
        const Value scheme = value(in);
        const Values items = range(in);
        const Value hours = value(in);
        number("workerPoints", [&] { return cw::workerPoints(scheme, items, hours); });
        break;
    }
    case 4:
    {
        const Value scheme = value(in);
        const Values cases = range(in);
        const Values worker = range(in);
        number("workloadPoints", [&] { return cw::workloadPoints(scheme, cases, worker); });
        break;
    }
    case 5:
    {
        const Value scheme = value(in), points = value(in), grade = value(in), fte = value(in);
        text("workloadBand", [&] { return cw::workloadBand(scheme, points, grade, fte); });
        number("workloadCapacity",
               [&] { return cw::workloadCapacity(scheme, points, grade, fte); });
        break;
    }
    case 6:
    {
        const Value scheme = value(in), code = value(in);
        text("itemLabel", [&] { return cw::itemLabel(scheme, code); });
        break;
    }
    case 7:
    {
        const Value scheme = value(in), group = value(in);
        try
        {
            const std::vector<std::string> codes = cw::schemeItems(scheme, group);
            if (codes.empty())
                failCheck("schemeItems", "returned no codes");
            for (const std::string& code : codes)
                if (code.empty())
                    failCheck("schemeItems", "returned an empty code");
        }
        catch (const InputError& e)
        {
            checkSentence(e.what());
        }
        break;
    }
    case 8:
    {
        const Value scheme = value(in), grade = value(in), hours = value(in), full = value(in);
        const Values reductions = range(in);
        number("availablePoints",
               [&] { return cw::availablePoints(scheme, grade, hours, reductions, full); });
        break;
    }
    case 9:
    case 10:
    {
        const Value scheme = value(in), points = value(in), grade = value(in), hours = value(in),
                    full = value(in);
        const Values reductions = range(in);
        number("capacityUsed",
               [&] { return cw::capacityUsed(scheme, points, grade, hours, reductions, full); });
        number("headroom",
               [&] { return cw::headroom(scheme, points, grade, hours, reductions, full); });
        break;
    }
    case 11:
    {
        const Values hours = range(in), starts = range(in), ends = range(in);
        const Value asAt = value(in);
        number("reductionHours", [&] { return cw::reductionHours(hours, starts, ends, asAt); });
        break;
    }
    case 12:
    case 13:
    {
        const Value scheme = value(in);
        const Values cases = range(in), worker = range(in), items = range(in);
        const Value children = value(in), share = value(in);
        number("allocatePoints",
               [&] { return cw::allocatePoints(scheme, cases, worker, items, children, share); });
        break;
    }
    case 14:
    case 15:
    {
        const cw::TeamArgs t = team(in);
        number("teamAverage", [&] { return cw::teamAverage(t); });
        number("teamSpread", [&] { return cw::teamSpread(t); });
        number("teamAboveBand", [&] { return cw::teamAboveBand(t); });
        number("teamCapacity", [&] { return cw::teamCapacity(t); });
        break;
    }
    case 16:
    {
        const Value policy = value(in), cases = value(in), fte = value(in);
        text("caseloadBand", [&] { return cw::caseloadBand(policy, cases, fte); });
        number("caseloadLimit", [&] { return cw::caseloadLimit(policy, fte); });
        break;
    }
    case 17:
    {
        const Value authority = value(in);
        try
        {
            for (const std::string& code : cw::caseloadPolicies(authority))
                if (code.empty())
                    failCheck("caseloadPolicies", "returned an empty code");
        }
        catch (const InputError& e)
        {
            checkSentence(e.what());
        }
        break;
    }
    case 18:
    {
        const Value cases = value(in), target = value(in), fte = value(in), cost = value(in);
        number("staffNeeded", [&] { return cw::staffNeeded(cases, target, fte); });
        number("staffCost", [&] { return cw::staffCost(cases, target, fte, cost); });
        break;
    }
    case 19:
    {
        // SCHEMETEXT: markers of every kind around codes, words and stray braces.
        static const char* const pieces[] = {"{points:",
                                             "{short:",
                                             "{label:",
                                             "{band:",
                                             "{most:",
                                             "{hours_points}",
                                             "{full_time_hours}",
                                             "{one_point_per}",
                                             "{",
                                             "}",
                                             "{x:",
                                             " ",
                                             "\n",
                                             "\"",
                                             ":"};
        std::string marked;
        const int n = in.ConsumeIntegralInRange<int>(0, 12);
        for (int i = 0; i < n; ++i)
            marked += in.ConsumeBool() ? std::string(in.PickValueInArray(pieces)) : word(in);
        const Value scheme = in.ConsumeBool() ? Value::str(word(in)) : value(in);
        const Value date = value(in);
        try
        {
            const std::string words = cw::schemeText(scheme, Value::str(marked), date);
            if (marked.find('{') == std::string::npos && words != marked)
                failCheck("schemeText", "changed a text without markers");
        }
        catch (const InputError& e)
        {
            checkSentence(e.what());
        }
        break;
    }
    default:
    {
        // The common shape of a sheet row: a real scheme, codes in cells, numbers.
        const Value scheme = Value::str(word(in));
        Values items;
        const int n = in.ConsumeIntegralInRange<int>(1, 5);
        for (int i = 0; i < n; ++i)
            items.push_back(in.ConsumeBool() ? Value::str(word(in)) : Value::empty());
        const Value children =
            in.ConsumeBool() ? Value::empty() : Value::num(interestingNumber(in));
        const Value share = in.ConsumeBool() ? Value::empty() : Value::num(interestingNumber(in));
        caseRow(scheme, items, children, share);
        break;
    }
    }
}

} // namespace

// The shipped scheme files, loaded once as the add-in does.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    if (!caseweight::loadSchemes(caseweight::schemeFilesIn(CASEWEIGHT_SCHEMES_DIR)).empty())
        std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    for (int calls = 0; calls < 16 && in.remaining_bytes() > 0; ++calls)
    {
        try
        {
            oneCall(in);
        }
        catch (const std::exception& e)
        {
            failCheck("an exception other than InputError left the engine", e.what());
        }
    }
    return 0;
}
