// SWINDON scoring (SPEC 3.1). Expected numbers are written from SPEC, not read from the table.
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

// Every case type, at several family sizes.
const Case kCaseTypes[] = {
    {"CIN", 1, 10},         {"CIN", 3, 10},         {"CIN", 4, 20},         {"CIN", 6, 20},
    {"CIN", 7, 30},         {"CIN", 100, 30},       {"LAC", 1, 16},         {"LAC", 3, 48},
    {"CP", 1, 16},          {"CP", 2, 32},          {"CP", 3, 48},          {"CP", 4, 54},
    {"CP", 5, 60},          {"CARE-MANAGED", 1, 5}, {"CARE-MANAGED", 3, 5}, {"CARE-LEAVER", 1, 10},
    {"CARE-LEAVER", 2, 20}, {"FP-CHILD", 1, 10},    {"FP-CHILD", 3, 30},    {"FP-CARER", 1, 10},
    {"FP-CARER", 3, 10},
};

// Every modifier, per row, on a CIN row of 3 children (CIN alone: 10).
const Case kPerRowModifiers[] = {
    {"COURT", 3, 5},
    {"COURT-ACTIVE", 3, 10},
    {"ASSESSMENT", 3, 10},
    {"S47", 3, 10},
    {"PRE-PROCEEDINGS", 3, 4},
    {"TRAVEL-NEAR", 3, 4},
    {"TRAVEL-1-2H", 3, 6},
    {"TRAVEL-2H", 3, 10},
    {"TASK", 3, 5},
    {"GROUP", 3, 10},
    {"FP-ASSESSMENT", 3, 5},
    {"FP-ASSESSMENT-COMPLEX", 3, 10},
    {"FP-REVIEW", 3, 5},
    {"FP-REVIEW-ATTEND", 3, 10},
    {"FP-SUPPORT", 3, 5},
    {"FP-SUPPORT-COMPLEX", 3, 10},
    {"FP-TASK", 3, 5},
    {"FP-TASK-COMPLEX", 3, 10},
    {"FP-GROUP-SHORT", 3, 5},
    {"FP-GROUP", 3, 10},
};

} // namespace

TEST(Swindon, EveryCaseType)
{
    for (const Case& c : kCaseTypes)
        EXPECT_DOUBLE_EQ(points("SWINDON", c.items, N(c.children)), c.expected)
            << c.items << " x" << c.children;
}

TEST(Swindon, EveryPerRowModifier)
{
    for (const Case& c : kPerRowModifiers)
        EXPECT_DOUBLE_EQ(points("SWINDON", std::string("CIN;") + c.items, N(c.children)),
                         10 + c.expected)
            << c.items;
}

TEST(Swindon, PerChildModifiers)
{
    // COMPLEX +4 per child, with LAC or CP.
    EXPECT_DOUBLE_EQ(points("SWINDON", "LAC;COMPLEX", N(3)), 48 + 12);
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP;COMPLEX", N(4)), 54 + 16);
    // ASSESSMENT 10 per child with LAC/CP, per row otherwise.
    EXPECT_DOUBLE_EQ(points("SWINDON", "LAC;ASSESSMENT", N(2)), 32 + 20);
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP;ASSESSMENT", N(3)), 48 + 30);
    EXPECT_DOUBLE_EQ(points("SWINDON", "CARE-LEAVER;ASSESSMENT", N(2)), 20 + 10);
    EXPECT_DOUBLE_EQ(points("SWINDON", "FP-CHILD;ASSESSMENT", N(2)), 20 + 10);
}

TEST(Swindon, WorkerItem)
{
    EXPECT_DOUBLE_EQ(worker("SWINDON", "HIGHER-SPECIALIST"), 50);
    EXPECT_DOUBLE_EQ(worker("SWINDON", ""), 0);
}

TEST(Swindon, TableListsExactlyTheseCodes)
{
    std::vector<std::string> expected;
    for (const char* code :
         {"CIN", "LAC", "CP", "CARE-MANAGED", "CARE-LEAVER", "FP-CHILD", "FP-CARER", "COMPLEX"})
        expected.emplace_back(code);
    const std::vector<std::string> modifiers = {"COURT",
                                                "COURT-ACTIVE",
                                                "ASSESSMENT",
                                                "S47",
                                                "PRE-PROCEEDINGS",
                                                "TRAVEL-NEAR",
                                                "TRAVEL-1-2H",
                                                "TRAVEL-2H",
                                                "TASK",
                                                "GROUP",
                                                "FP-ASSESSMENT",
                                                "FP-ASSESSMENT-COMPLEX",
                                                "FP-REVIEW",
                                                "FP-REVIEW-ATTEND",
                                                "FP-SUPPORT",
                                                "FP-SUPPORT-COMPLEX",
                                                "FP-TASK",
                                                "FP-TASK-COMPLEX",
                                                "FP-GROUP-SHORT",
                                                "FP-GROUP"};
    expected.insert(expected.end(), modifiers.begin(), modifiers.end());
    expected.emplace_back("HIGHER-SPECIALIST");
    EXPECT_EQ(caseweight::schemeItems(S("SWINDON"), E()), expected);
}

TEST(Swindon, SeedExampleFourCpSiblings)
{
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP", N(4)), 54);
}

TEST(Swindon, Combinations)
{
    // CP sibling group of 4 in settled proceedings, with travel and two tasks.
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP;COURT;TRAVEL-1-2H;TASK;TASK", N(4)), 54 + 5 + 6 + 10);
    // A row of only GROUP needs no case type.
    EXPECT_DOUBLE_EQ(points("SWINDON", "GROUP"), 10);
    // Family placements carer with a complex assessment and a review.
    EXPECT_DOUBLE_EQ(points("SWINDON", "FP-CARER;FP-ASSESSMENT-COMPLEX;FP-REVIEW"), 25);
}

TEST(Swindon, ShareMultipliesTheWholeRow)
{
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP;COMPLEX", N(4), N(0.5)), (54 + 16) / 2.0);
    EXPECT_DOUBLE_EQ(points("SWINDON", "GROUP", E(), N(0.25)), 2.5);
}

TEST(Swindon, Rules)
{
    EXPECT_INPUT_ERROR(points("SWINDON", "CIN;LAC"), "SWINDON", "one case type", "CIN", "LAC");
    EXPECT_INPUT_ERROR(points("SWINDON", "COURT"), "SWINDON", "needs one case type");
    EXPECT_INPUT_ERROR(points("SWINDON", "GROUP;TASK"), "needs one case type");
    EXPECT_INPUT_ERROR(points("SWINDON", "CIN;COMPLEX"), "COMPLEX", "LAC or CP");
    EXPECT_INPUT_ERROR(points("SWINDON", "FP-CHILD;COMPLEX"), "COMPLEX", "LAC or CP");
    EXPECT_INPUT_ERROR(points("SWINDON", "CP;COURT;COURT-ACTIVE"), "at most one court code",
                       "COURT and COURT-ACTIVE");
    EXPECT_INPUT_ERROR(points("SWINDON", "CP;TRAVEL-NEAR;TRAVEL-2H"), "at most one travel code");
    EXPECT_INPUT_ERROR(points("SWINDON", "CP;COURT;COURT"), "SWINDON counts COURT once per row",
                       "2 times");
    EXPECT_INPUT_ERROR(points("SWINDON", "HIGHER-SPECIALIST"), "worker item", "WORKERPOINTS");
    EXPECT_INPUT_ERROR(worker("SWINDON", "CP"), "case item", "WORKERPOINTS");
    EXPECT_INPUT_ERROR(worker("SWINDON", "HIGHER-SPECIALIST", N(3)), "SWINDON",
                       "does not score hours");
    EXPECT_EQ(check("SWINDON", "CP", N(4)), "OK");
    EXPECT_EQ(check("SWINDON", "CIN;COMPLEX"),
              "SWINDON adds COMPLEX only to LAC or CP rows: add the case type, or remove COMPLEX.");
}

TEST(Swindon, Labels)
{
    EXPECT_NE(caseweight::itemLabel(S("SWINDON"), S("cp")).find("capped at 30"), std::string::npos);
    EXPECT_NE(caseweight::itemLabel(S("SWINDON"), S("HIGHER-SPECIALIST")).find("50"),
              std::string::npos);
}
