// RBWM scoring (SPEC 3.2). Expected numbers are written from SPEC, not read from the table.
#include "test_support.hpp"

#include <string>
#include <vector>

using namespace cwtest;

namespace
{

struct Case
{
    const char* items;
    int children;
    double expected;
};

const Case kCaseTypes[] = {
    {"CIN", 1, 10},        {"CIN", 4, 10},         {"CIC", 1, 6},          {"CIC", 3, 18},
    {"CARE-LEAVER", 1, 6}, {"CARE-LEAVER", 2, 12}, {"FOSTER-CARER", 1, 6}, {"FOSTER-CARER", 3, 6},
    {"CP", 1, 6},          {"CP", 4, 24},
};

// Modifiers per row, on a CIN row of 3 children (CIN alone: 10).
const Case kPerRowModifiers[] = {
    {"SINGLE-ASSESSMENT", 3, 10},
    {"S47", 3, 10},
    {"PRE-PROCEEDINGS", 3, 5},
    {"COURT", 3, 3},
    {"COURT-COMPLEX", 3, 5},
    {"DIRECTIONS", 3, 10},
    {"FINAL-HEARING", 3, 3},
    {"FAMILY-FINDING", 3, 3},
    {"PANEL", 3, 3},
    {"PRIVATE-FOSTERING", 3, 3},
    {"TRAVEL-NEAR", 3, 4},
    {"TRAVEL-1-2H", 3, 6},
    {"TRAVEL-2H", 3, 10},
    {"FYW", 3, 5},
    {"CONTACT", 3, 5},
};

// Modifiers per child, on a CIC row of 3 children (CIC alone: 18).
const Case kPerChildModifiers[] = {
    {"COMPLEX", 3, 12},
    {"SINGLE-ASSESSMENT", 3, 30},
    {"OTHER-ASSESSMENT", 3, 30},
    {"REPORT", 3, 30},
};

} // namespace

TEST(Rbwm, EveryCaseType)
{
    for (const Case& c : kCaseTypes)
        EXPECT_DOUBLE_EQ(points("RBWM", c.items, N(c.children)), c.expected)
            << c.items << " x" << c.children;
}

TEST(Rbwm, EveryModifier)
{
    for (const Case& c : kPerRowModifiers)
        EXPECT_DOUBLE_EQ(points("RBWM", std::string("CIN;") + c.items, N(c.children)),
                         10 + c.expected)
            << c.items;
    for (const Case& c : kPerChildModifiers)
        EXPECT_DOUBLE_EQ(points("RBWM", std::string("CIC;") + c.items, N(c.children)),
                         18 + c.expected)
            << c.items;
}

TEST(Rbwm, TableListsExactlyTheseCodes)
{
    const std::vector<std::string> expected = {"CIN",
                                               "CIC",
                                               "CARE-LEAVER",
                                               "FOSTER-CARER",
                                               "CP",
                                               "COMPLEX",
                                               "SINGLE-ASSESSMENT",
                                               "S47",
                                               "PRE-PROCEEDINGS",
                                               "COURT",
                                               "COURT-COMPLEX",
                                               "DIRECTIONS",
                                               "FINAL-HEARING",
                                               "OTHER-ASSESSMENT",
                                               "REPORT",
                                               "FAMILY-FINDING",
                                               "PANEL",
                                               "PRIVATE-FOSTERING",
                                               "TRAVEL-NEAR",
                                               "TRAVEL-1-2H",
                                               "TRAVEL-2H",
                                               "FYW",
                                               "CONTACT"};
    EXPECT_EQ(caseweight::schemeItems(S("RBWM"), E()), expected);
}

TEST(Rbwm, ComplexAndAssessmentByCaseType)
{
    EXPECT_DOUBLE_EQ(points("RBWM", "CP;COMPLEX", N(2)), 12 + 8);
    EXPECT_DOUBLE_EQ(points("RBWM", "CARE-LEAVER;COMPLEX", N(2)), 12 + 8);
    EXPECT_DOUBLE_EQ(points("RBWM", "FOSTER-CARER;COMPLEX", N(3)), 6 + 4);
    EXPECT_DOUBLE_EQ(points("RBWM", "CP;SINGLE-ASSESSMENT", N(2)), 12 + 20);
    EXPECT_DOUBLE_EQ(points("RBWM", "CARE-LEAVER;SINGLE-ASSESSMENT", N(2)), 12 + 10);
}

TEST(Rbwm, ModifiersWithoutCaseTypeAreAllowed)
{
    EXPECT_DOUBLE_EQ(points("RBWM", "REPORT;REPORT", N(2)), 40);
    EXPECT_DOUBLE_EQ(points("RBWM", "SINGLE-ASSESSMENT", N(2)), 10);
    EXPECT_DOUBLE_EQ(points("RBWM", "OTHER-ASSESSMENT;OTHER-ASSESSMENT;FYW"), 25);
}

TEST(Rbwm, ShareAndAlias)
{
    EXPECT_DOUBLE_EQ(points("windsor  and maidenhead", "CP;COMPLEX", N(2), N(0.5)), 10);
}

TEST(Rbwm, Rules)
{
    EXPECT_INPUT_ERROR(points("RBWM", "CIN;CP"), "RBWM", "one case type", "CIN and CP");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN;COMPLEX"), "RBWM adds COMPLEX only to", "FOSTER-CARER");
    EXPECT_INPUT_ERROR(points("RBWM", "COMPLEX"), "COMPLEX");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN;TRAVEL-NEAR;TRAVEL-1-2H"), "at most one travel code");
    EXPECT_INPUT_ERROR(points("RBWM", "CIN;S47;S47"), "RBWM counts S47 once per row", "2 times");
    EXPECT_INPUT_ERROR(worker("RBWM", "PQ"), "is a NOTTS and WARRINGTON code, not an RBWM one");
    EXPECT_DOUBLE_EQ(worker("RBWM", ""), 0);
}
