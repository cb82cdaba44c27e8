// Every invalid argument of the README's "Functions" (and the argument conventions) is an
// InputError with a sentence that says what is wrong.
#include "checked_arguments.hpp"
#include "test_support.hpp"

#include <cmath>
#include <limits>

using namespace cwtest;
using namespace caseweight;

namespace
{
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

TEST(Arguments, Scheme)
{
    EXPECT_INPUT_ERROR(casePoints(E(), cell("CP"), E(), E()),
                       "The scheme is missing; use NOTTS, RBWM, SWINDON or WARRINGTON.");
    EXPECT_INPUT_ERROR(casePoints(S("  "), cell("CP"), E(), E()), "The scheme is missing");
    EXPECT_INPUT_ERROR(casePoints(S("xyz"), cell("CP"), E(), E()),
                       "\"XYZ\" is not a scheme; use NOTTS, RBWM, SWINDON or WARRINGTON.");
    EXPECT_INPUT_ERROR(casePoints(N(1), cell("CP"), E(), E()), "scheme", "number 1");
    EXPECT_INPUT_ERROR(casePoints(Err(), cell("CP"), E(), E()), "scheme", "error");
    EXPECT_DOUBLE_EQ(casePoints(S(" swindon "), cell("CP"), E(), E()), 16);
    EXPECT_DOUBLE_EQ(casePoints(S("Nottinghamshire"), cell("PF"), E(), E()), 1);
    EXPECT_DOUBLE_EQ(casePoints(S(" Windsor\tand  Maidenhead "), cell("CIN"), E(), E()), 10);
    // Every public function checks the scheme.
    EXPECT_INPUT_ERROR(workerPoints(S("x"), {}, E()), "not a scheme");
    EXPECT_INPUT_ERROR(workloadPoints(S("x"), {N(1)}, {}), "not a scheme");
    EXPECT_INPUT_ERROR(workloadBand(S("x"), N(1), E(), E()), "not a scheme");
    EXPECT_INPUT_ERROR(workloadCapacity(S("x"), N(1), E(), E()), "not a scheme");
    EXPECT_INPUT_ERROR(itemLabel(S("x"), S("CP")), "not a scheme");
    EXPECT_INPUT_ERROR(schemeItems(S("x"), E()), "not a scheme");
}

TEST(Arguments, Codes)
{
    EXPECT_INPUT_ERROR(points("SWINDON", "XYZ"), "\"XYZ\" is not a SWINDON item code:");
    EXPECT_INPUT_ERROR(points("WARRINGTON", "LAC"), "\"LAC\" is a SWINDON code",
                       "not a WARRINGTON one");
}

TEST(Arguments, Children)
{
    EXPECT_DOUBLE_EQ(points("RBWM", "CIC", E()), 6);
    EXPECT_DOUBLE_EQ(points("RBWM", "CIC", S(" ")), 6);
    EXPECT_DOUBLE_EQ(points("RBWM", "CIC", N(100)), 600);
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(0)),
                       "Children must be a whole number between 1 and 100; got 0 (an empty cell "
                       "counts as 0: fill it in, or leave the argument out).");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(-2)), "between 1 and 100", "-2");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(2.5)), "whole number", "2.5");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(101)), "between 1 and 100", "101");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(1e300)), "between 1 and 100");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", S("two")),
                       "Children must be a number; got the text \"two\".");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", S("2")), "Children must be a number");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(kNaN)), "Children", "finite");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", N(kInf)), "Children", "finite");
    EXPECT_INPUT_ERROR(points("RBWM", "CIC", Err()), "Children", "error");
    // Checked even on an empty row, but for 0: that is how Calc passes an empty cell, and an
    // empty template row must total 0.
    EXPECT_DOUBLE_EQ(points("RBWM", "", N(0), N(0)), 0);
    EXPECT_INPUT_ERROR(points("RBWM", "", N(-1)), "Children");
    EXPECT_INPUT_ERROR(points("RBWM", "", E(), N(2)), "Share");
}

TEST(Arguments, Share)
{
    EXPECT_DOUBLE_EQ(points("RBWM", "CIN", E(), E()), 10);
    EXPECT_DOUBLE_EQ(points("RBWM", "CIN", E(), N(1)), 10);
    EXPECT_DOUBLE_EQ(points("RBWM", "CIN", E(), N(0.3)), 3);
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), N(0)),
                       "Share must be more than 0 and at most 1; got 0 (an empty cell counts as 0");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), N(1.5)), "Share", "1.5");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), N(-0.5)), "Share", "-0.5");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), N(kNaN)), "Share", "finite");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), S("half")),
                       "Share must be a number; got the text \"half\".");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN", E(), Err()), "Share", "error");
}

TEST(Arguments, Fte)
{
    EXPECT_EQ(workloadBand(S("RBWM"), N(340), E(), E()), "Within band");
    EXPECT_INPUT_ERROR(workloadBand(S("RBWM"), N(340), E(), N(0)),
                       "FTE must be more than 0 and at most 1; got 0 (an empty cell counts as 0");
    EXPECT_INPUT_ERROR(workloadBand(S("RBWM"), N(340), E(), N(1.2)), "FTE", "1.2");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), N(340), E(), N(-1)), "FTE");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), N(340), E(), N(kInf)), "FTE", "finite");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), N(340), E(), S("full")), "FTE",
                       "text \"full\"");
}

TEST(Arguments, Points)
{
    EXPECT_INPUT_ERROR(workloadBand(S("NOTTS"), E(), E(), E()), "Points are missing.");
    EXPECT_INPUT_ERROR(workloadBand(S("NOTTS"), N(-1), E(), E()),
                       "Points cannot be negative; got -1.");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), S("90"), E(), E()), "Points", "text");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), N(kNaN), E(), E()), "Points", "finite");
    EXPECT_INPUT_ERROR(workloadCapacity(S("NOTTS"), Err(), E(), E()), "Points", "error");
    EXPECT_DOUBLE_EQ(workloadCapacity(S("NOTTS"), N(0), E(), E()), 0);
}

TEST(Arguments, Hours)
{
    EXPECT_DOUBLE_EQ(worker("NOTTS", "", E()), 0);
    EXPECT_INPUT_ERROR(worker("NOTTS", "", N(-1)), "Hours must be between 0 and 744");
    EXPECT_INPUT_ERROR(worker("NOTTS", "", N(800)), "Hours", "744", "800");
    EXPECT_INPUT_ERROR(worker("NOTTS", "", N(kInf)), "Hours", "finite");
    EXPECT_INPUT_ERROR(worker("NOTTS", "", S("6")), "Hours must be a number");
    EXPECT_INPUT_ERROR(worker("NOTTS", "", Err()), "Hours", "error");
    EXPECT_INPUT_ERROR(worker("SWINDON", "", N(2)),
                       "SWINDON does not score hours of extra duties; leave Hours empty.");
    EXPECT_INPUT_ERROR(worker("RBWM", "", N(2)), "RBWM does not score hours");
}

TEST(Arguments, WorkloadPointsRanges)
{
    EXPECT_DOUBLE_EQ(workloadPoints(S("NOTTS"), {N(21), E(), N(11.5)}, {N(10)}), 42.5);
    EXPECT_DOUBLE_EQ(workloadPoints(S("SWINDON"), {N(300)}, {}), 300);
    EXPECT_DOUBLE_EQ(workloadPoints(S("SWINDON"), {}, {}), 0);
    EXPECT_DOUBLE_EQ(workloadPoints(S("SWINDON"), {N(300)}, {E(), N(50)}), 350);
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1), S("abc")}, {}),
                       "Case points must be numbers; a cell holds the text \"abc\".");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1), Err()}, {}), "case points", "error");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(-4)}, {}), "Case points", "negative", "-4");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(kInf)}, {}), "Case points", "finite");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1.7e308), N(1.7e308)}, {}),
                       "more than a number can hold");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1)}, {S("x")}),
                       "Worker points must be numbers");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1)}, {N(-1)}), "Worker points", "negative");
    EXPECT_INPUT_ERROR(workloadPoints(S("NOTTS"), {N(1e308)}, {N(1e308)}), "too large");
    // One empty WorkerPoints cell arrives as 0: the same as leaving the argument out.
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(55)}, {N(0)}),
                     workloadPoints(S("WARRINGTON"), {N(55)}, {}));
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(55)}, {N(0)}), 75);
    EXPECT_INPUT_ERROR(workloadPoints(S("WARRINGTON"), {N(55)}, {N(10)}), "at least 15", "10");
    EXPECT_DOUBLE_EQ(workloadPoints(S("SWINDON"), {N(300)}, {N(0)}), 300);
}

TEST(Arguments, CaseCheckNeverThrows)
{
    EXPECT_EQ(caseCheck(E(), {}, E(), E()),
              "The scheme is missing; use NOTTS, RBWM, SWINDON or WARRINGTON.");
    EXPECT_EQ(caseCheck(S("NOTTS"), cell("S47-ICPC;INTERPRETER"), N(4), E()), "OK");
    EXPECT_EQ(
        check("NOTTS", "S47;EPO;AIMS;UASC"),
        "NOTTS allows at most two additional items on a row; this row has 3. Keep the two that "
        "best describe the case.");
    EXPECT_EQ(check("NOTTS", "S47", N(2.5)),
              "Children must be a whole number between 1 and 100; got 2.5.");
}

TEST(Arguments, FormatNumber)
{
    using detail::formatNumber;
    EXPECT_EQ(formatNumber(3), "3");
    EXPECT_EQ(formatNumber(2.5), "2.5");
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(-0.0), "0");
    EXPECT_EQ(formatNumber(1e20), "1e+20");
}

TEST(Arguments, NormaliseName)
{
    EXPECT_EQ(detail::normaliseName("  windsor \t and   maidenhead "), "WINDSOR AND MAIDENHEAD");
    EXPECT_EQ(detail::normaliseName(""), "");
}

// Found by fuzzing: a NUL in the user's text ended what() inside the quotation.
TEST(Arguments, QuotedTextStaysOneSentence)
{
    EXPECT_EQ(detail::quoted(std::string("a\0b\tc", 5)), "\"a b c\"");
    EXPECT_EQ(detail::quoted(std::string(100, 'x')), "\"" + std::string(60, 'x') + "...\"");
    // Cut at a character boundary: 59 x and a two-byte e acute straddling the 60th byte.
    EXPECT_EQ(detail::quoted(std::string(59, 'x') + "\xc3\xa9z"),
              "\"" + std::string(59, 'x') + "...\"");
    // The public form the add-in quotes with (CASEREASON's unknown function name).
    EXPECT_EQ(caseweight::quotedText(std::string(100, 'x')), detail::quoted(std::string(100, 'x')));
    try
    {
        casePoints(S(std::string("\0CP", 3)), cell("CP"), E(), E());
        FAIL() << "a scheme name with a NUL scored";
    }
    catch (const InputError& e)
    {
        const std::string message = e.what();
        EXPECT_EQ(message.back(), '.') << message;
    }
}
