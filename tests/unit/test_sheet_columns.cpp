// Typed numbers of hand-made sheets against what each scheme's column can hold.
#include "caseweight/audit.hpp"
#include "test_support.hpp"

#include <limits>

using namespace cwtest;

namespace
{
std::string check(const char* scheme, const char* column, Value v, Value children = E())
{
    return caseweight::columnCheck(S(scheme), S(column), v, children);
}
std::vector<double> values(const char* scheme, const char* column, Value children = E())
{
    return caseweight::columnValues(S(scheme), S(column), children);
}
} // namespace

TEST(SheetColumns, SwindonColumns)
{
    EXPECT_EQ(values("SWINDON", "lac"), (std::vector<double>{6, 10}));
    EXPECT_EQ(values("SWINDON", "lac", N(2)), (std::vector<double>{12, 16, 20}));
    EXPECT_EQ(values("SWINDON", "travel"), (std::vector<double>{4, 6, 10}));
    EXPECT_EQ(values("SWINDON", "basic", N(4)), (std::vector<double>{20, 30, 40}));
    EXPECT_EQ(values("SWINDON", "basic"), (std::vector<double>{10}));
    EXPECT_EQ(values("SWINDON", "assessment", N(3)), (std::vector<double>{10, 30}));
    EXPECT_EQ(values("SWINDON", "task").back(), 50);
    EXPECT_EQ(check("SWINDON", "lac", N(6)), "OK");
    EXPECT_EQ(check("SWINDON", "lac", N(10)), "OK");
    EXPECT_EQ(check("SWINDON", "lac", E()), "OK");
    EXPECT_EQ(check("SWINDON", "lac", N(0)), "OK");
    EXPECT_EQ(check("SWINDON", "LAC", N(7)),
              "The SWINDON LAC column holds 6 or 10 for 1 child; 7 is "
              "not one of them.");
    EXPECT_TRUE(sentenceHas(check("SWINDON", "travel", N(5)), {"4, 6 or 10", "5"}));
    EXPECT_TRUE(sentenceHas(check("SWINDON", "court", S("TO BE CLOSED")),
                            {"holds points, not the text \"TO BE CLOSED\""}));
    EXPECT_EQ(check("SWINDON", "task", N(15)), "OK");
    EXPECT_NE(check("SWINDON", "task", N(12)), "OK");
}

TEST(SheetColumns, RbwmAndNotts)
{
    EXPECT_EQ(values("RBWM", "court"),
              (std::vector<double>{3, 5, 6, 8, 10, 11, 13, 15, 16, 18, 20, 21, 23, 26}));
    EXPECT_EQ(values("RBWM", "fostering"), (std::vector<double>{3, 6, 9}));
    EXPECT_EQ(check("RBWM", "cin", N(10)), "OK");
    EXPECT_NE(check("RBWM", "cin", N(20)), "OK");
    // NOTTS: the first child holds an A value, the others B x (children - 1).
    EXPECT_EQ(check("NOTTS", "first-child", N(15)), "OK"); // S47-ICPC
    EXPECT_NE(check("NOTTS", "first-child", N(9)), "OK");
    EXPECT_EQ(check("NOTTS", "other-children", N(6), N(4)), "OK"); // 2 x 3
    EXPECT_NE(check("NOTTS", "other-children", N(5), N(4)), "OK");
    EXPECT_EQ(check("NOTTS", "additional", N(1)), "OK");
    EXPECT_EQ(check("NOTTS", "additional", N(9)), "OK");  // 6 + 3
    EXPECT_NE(check("NOTTS", "additional", N(10)), "OK"); // no two items make 10
}

TEST(SheetColumns, BadArguments)
{
    EXPECT_INPUT_ERROR(check("SWINDON", "nonsense", N(1)), "\"nonsense\"", "not a column");
    EXPECT_INPUT_ERROR(check("SWINDON", "", N(1)), "column is missing");
    EXPECT_INPUT_ERROR(check("KENT", "lac", N(1)), "not a scheme");
    EXPECT_INPUT_ERROR(check("SWINDON", "lac", N(6), N(0.5)), "Children");
    EXPECT_INPUT_ERROR(caseweight::sheetColumns(S("WARRINGTON")), "no paper sheet");
    EXPECT_EQ(caseweight::sheetColumns(S("SWINDON")).front(), "basic");
}

TEST(SheetColumns, NonFiniteAndEmptyListsAreRefused)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NE(check("SWINDON", "lac", N(nan)), "OK");
    EXPECT_NE(check("SWINDON", "lac", N(std::numeric_limits<double>::infinity())), "OK");
    // One child has no "other children": a reason, not an empty array (#VALUE! in Calc).
    EXPECT_INPUT_ERROR(values("NOTTS", "other-children"), "other children", "1 child", "2 or more");
}
