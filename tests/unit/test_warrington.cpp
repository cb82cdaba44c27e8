// WARRINGTON scoring (SPEC 3.4). Expected numbers are written from SPEC, not read from the
// table.
#include "test_support.hpp"

#include <cmath>
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
    {"CP", 1, 3},
    {"CP", 4, 12},
    {"CIC", 1, 3},
    {"CIC", 2, 6},
    {"PRIVATE-FOSTERING", 1, 3},
    {"PRIVATE-FOSTERING", 3, 9},
    {"FOSTERING-HOUSEHOLD", 1, 2},
    {"APPROVED-HOUSEHOLD", 1, 3},
    {"CIN", 1, 2},
    {"CIN", 2, 2},
    {"CIN", 3, 3},
    {"CIN", 6, 3},
    {"CIN", 7, 4},
    {"CIN", 100, 4},
};

// Modifiers on a CP row of 2 children (CP alone: 6).
const Case kOnCp[] = {
    {"NEW", 2, 2},           {"TRANSFER", 2, 4},    {"ASSESS-LOW", 2, 1},
    {"ASSESS-MEDIUM", 2, 2}, {"ASSESS-HIGH", 2, 3}, {"TRAVEL-1H", 2, 1},
};

// Modifiers on a CIN row of 3 children: 2 groups (CIN alone: 3).
const Case kOnCin[] = {
    {"NEW", 3, 2},           {"TRANSFER", 3, 2},    {"ASSESS-LOW", 3, 2},
    {"ASSESS-MEDIUM", 3, 3}, {"ASSESS-HIGH", 3, 3}, {"TRAVEL-1H", 3, 1},
};

struct Flat
{
    const char* code;
    double points;
};

const Flat kWorker[] = {
    {"PRACTICE-TEACHING", 10},
    {"PQ", 10},
    {"LONG-ARM", 5},
    {"PANEL-MEMBER", 5},
    {"INFO-MEETING", 5},
    {"SKILLS-TO-FOSTER", 15},
    {"ABE", 2},
    {"MENTORING", 5},
    {"GROUP-WORK", 5},
};

} // namespace

TEST(Warrington, EveryCaseType)
{
    for (const Case& c : kCaseTypes)
        EXPECT_DOUBLE_EQ(points("WARRINGTON", c.items, N(c.children)), c.expected)
            << c.items << " x" << c.children;
}

TEST(Warrington, EveryModifier)
{
    for (const Case& c : kOnCp)
        EXPECT_DOUBLE_EQ(points("WARRINGTON", std::string("CP;") + c.items, N(c.children)),
                         6 + c.expected)
            << c.items;
    for (const Case& c : kOnCin)
        EXPECT_DOUBLE_EQ(points("WARRINGTON", std::string("CIN;") + c.items, N(c.children)),
                         3 + c.expected)
            << c.items;
    // CLOSING replaces everything: 1 per child, CIN 1 per group.
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CP;CLOSING", N(3)), 3);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIN;CLOSING", N(7)), 3);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "APPROVED-HOUSEHOLD;CLOSING"), 1);
}

TEST(Warrington, EveryWorkerItemAddsToTheStableElement)
{
    for (const Flat& f : kWorker)
        EXPECT_DOUBLE_EQ(worker("WARRINGTON", f.code), 15 + f.points) << f.code;
    EXPECT_DOUBLE_EQ(worker("WARRINGTON", ""), 15);
    EXPECT_DOUBLE_EQ(worker("WARRINGTON", "INFO-MEETING;INFO-MEETING;ABE;ABE;ABE;PQ"),
                     15 + 10 + 6 + 10);
}

TEST(Warrington, TableListsExactlyTheseCodes)
{
    const std::vector<std::string> expected = {"CP",
                                               "CIC",
                                               "PRIVATE-FOSTERING",
                                               "FOSTERING-HOUSEHOLD",
                                               "APPROVED-HOUSEHOLD",
                                               "CIN",
                                               "NEW",
                                               "TRANSFER",
                                               "CLOSING",
                                               "ASSESS-LOW",
                                               "ASSESS-MEDIUM",
                                               "ASSESS-HIGH",
                                               "TRAVEL-1H",
                                               "PRACTICE-TEACHING",
                                               "PQ",
                                               "LONG-ARM",
                                               "PANEL-MEMBER",
                                               "INFO-MEETING",
                                               "SKILLS-TO-FOSTER",
                                               "ABE",
                                               "MENTORING",
                                               "GROUP-WORK"};
    EXPECT_EQ(caseweight::schemeItems(S("WARRINGTON"), E()), expected);
}

TEST(Warrington, HouseholdRowsCountChildrenForPerChildItems)
{
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "FOSTERING-HOUSEHOLD;NEW"), 3);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "FOSTERING-HOUSEHOLD;TRANSFER"), 2 + 2);
    // SPEC 4b: a household row is one case.
    EXPECT_INPUT_ERROR(points("WARRINGTON", "FOSTERING-HOUSEHOLD;TRANSFER", N(2)),
                       "household rows");
}

TEST(Warrington, CinAssessmentsArePerGroupCappedAtThree)
{
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIN;ASSESS-LOW", N(2)), 2 + 1);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIN;ASSESS-LOW;ASSESS-LOW", N(2)), 2 + 2);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIN;ASSESS-HIGH;ASSESS-LOW", N(8)), 4 + 3);
    // Not capped on other rows; each occurrence counts.
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIC;ASSESS-HIGH;ASSESS-HIGH"), 3 + 6);
}

TEST(Warrington, Rules)
{
    EXPECT_INPUT_ERROR(points("WARRINGTON", "NEW"), "WARRINGTON", "needs one case type");
    EXPECT_INPUT_ERROR(points("WARRINGTON", "CP;CIC"), "one case type", "CP and CIC");
    // SPEC 4b: CLOSING replaces every other point of the row, without an error.
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CP;CLOSING;NEW"), 1);
    EXPECT_INPUT_ERROR(points("WARRINGTON", "CLOSING"), "needs one case type");
    EXPECT_INPUT_ERROR(points("WARRINGTON", "CP;NEW;NEW"), "WARRINGTON counts NEW once per row");
    EXPECT_INPUT_ERROR(worker("WARRINGTON", "PQ;PQ"), "counts PQ once per worker", "2 times");
    EXPECT_INPUT_ERROR(worker("WARRINGTON", "", N(2)), "WARRINGTON does not score hours");
    EXPECT_DOUBLE_EQ(worker("WARRINGTON", "", N(0)), 15);
}

TEST(Warrington, WorkloadWeight)
{
    using caseweight::workloadPoints;
    // 47 case points: weight 4; stable element 15 when worker points are empty.
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(20), N(27)}, {}), 47 + 4 + 15);
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(20), E(), N(27)}, {E()}), 47 + 4 + 15);
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(47)}, {N(25)}), 47 + 4 + 25);
    // 0 is what Calc passes for one empty cell: as if left out, the stable element stays.
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(47)}, {N(0)}), 47 + 4 + 15);
    // Shares summing to 30 up to rounding still give 3.
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(std::nextafter(30.0, 0.0))}, {N(15)}),
                     30 + 3 + 15);
    EXPECT_DOUBLE_EQ(workloadPoints(S("WARRINGTON"), {N(29.99)}, {N(15)}), 29.99 + 2 + 15);
}
