// NOTTS scoring (SPEC 3.3). Expected numbers are written from SPEC, not read from the table.
#include "test_support.hpp"

#include <string>
#include <vector>

using namespace cwtest;

namespace
{

struct Specific
{
    const char* code;
    double a; // first child
    double b; // each further child
};

const Specific kSpecific[] = {
    {"S17-ASSESSMENT", 6, 2},
    {"S47", 8, 2},
    {"S47-ICPC", 15, 2},
    {"PF-NEW", 3, 0},
    {"PF", 1, 0},
    {"CIN-ORDER", 3, 1},
    {"CIN-STABLE", 2, 1},
    {"CIN-UNSTABLE", 4, 2},
    {"CP-STABLE", 5, 2},
    {"CP-UNSTABLE", 10, 2},
    {"LAC-NEW", 10, 2},
    {"LAC-UNSTABLE", 6, 2},
    {"LAC-STABLE", 3, 2},
    {"LAC-PERMANENT", 2, 1},
    {"CLOSING", 1, 0},
    {"TC-LAC-NEW", 10, 6},
    {"TC-LAC-UNSTABLE", 6, 4},
    {"TC-LAC-STABLE", 3, 2},
    {"TC-LAC-PERMANENT", 2, 1},
    {"TC-REG24", 4, 2},
    {"COURT-S7", 4, 1},
    {"COURT-S37", 5, 2},
    {"COURT-LAC-ASSESS", 14, 6},
    {"COURT-ASSESS", 8, 2},
    {"COURT-LAC-UNSTABLE", 10, 4},
    {"COURT-LAC-STABLE", 7, 2},
    {"COURT-REG24", 8, 2},
    {"COURT-CP", 6, 2},
    {"PERM-PRE-PLACEMENT", 7, 3},
    {"PERM-FAMILY-FINDING", 8, 4},
    {"PERM-MATCH-FOUND", 10, 4},
    {"PERM-PLACED", 5, 2},
    {"PERM-NO-MATCH", 5, 2},
};

struct Flat
{
    const char* code;
    double points;
};

const Flat kAdditional[] = {
    {"EPO", 2},
    {"LEGAL-PLANNING", 6},
    {"S7-OPEN", 2},
    {"S37-OPEN", 3},
    {"HOMELESS-16-17", 0},
    {"S47-OPEN", 3},
    {"AIMS", 2},
    {"UASC", 1},
    {"ADOPTION-BREAKDOWN", 1},
    {"INTERPRETER", 1},
    {"MAPPA", 1},
    {"ALLEGATION", 2},
    {"ADULT-OF-CONCERN", 2},
    {"TRAVEL-1-2H", 1},
    {"TRAVEL-3-4H", 2},
    {"TRAVEL-4H", 3},
    {"OVERNIGHT", 2},
    {"VIABILITY", 2},
    {"PARENTING-CAPACITY", 3},
    {"REG24-25", 2},
    {"PATHWAY-PLAN", 2},
    {"ACCESS-TO-RECORDS", 2},
    {"COMMUNICATION-NEEDS", 2},
    {"COMPLEX-FAMILY", 2},
    {"INTERAGENCY-MATCH", 1},
    {"COURT-STATEMENT", 1},
    {"ACTIVITY-DAY", 3},
    {"INTERAGENCY-REGIONAL", 1},
    {"INTERAGENCY-NATIONAL", 1},
};

const Flat kWorker[] = {
    {"NQSW", 10},       {"TRAINEE-TERM", 15},     {"TRAINEE", 10},          {"PQ", 7.5},
    {"ASYE-MENTOR", 5}, {"PRACTICE-EDUCATOR", 5}, {"ONSITE-SUPERVISOR", 3},
};

} // namespace

TEST(Notts, SeedWorkedExample)
{
    EXPECT_DOUBLE_EQ(points("NOTTS", "S47-ICPC", N(4)), 21);
    EXPECT_DOUBLE_EQ(points("NOTTS", "S47-ICPC;INTERPRETER", N(4)), 22);
    // Co-working halves.
    EXPECT_DOUBLE_EQ(points("NOTTS", "S47-ICPC;INTERPRETER", N(4), N(0.5)), 11);
}

TEST(Notts, EverySpecificItemFirstAndFurtherChildren)
{
    for (const Specific& s : kSpecific)
    {
        EXPECT_DOUBLE_EQ(points("NOTTS", s.code), s.a) << s.code;
        EXPECT_DOUBLE_EQ(points("NOTTS", s.code, N(2)), s.a + s.b) << s.code;
        EXPECT_DOUBLE_EQ(points("NOTTS", s.code, N(5)), s.a + 4 * s.b) << s.code;
    }
}

TEST(Notts, EveryAdditionalItem)
{
    // On a CP-STABLE row of 2 children (5 + 2 = 7): additional items are per row.
    for (const Flat& f : kAdditional)
        EXPECT_DOUBLE_EQ(points("NOTTS", std::string("CP-STABLE;") + f.code, N(2)), 7 + f.points)
            << f.code;
}

TEST(Notts, EveryPersonalElement)
{
    for (const Flat& f : kWorker)
        EXPECT_DOUBLE_EQ(worker("NOTTS", f.code), f.points) << f.code;
    EXPECT_DOUBLE_EQ(worker("NOTTS", "NQSW;PQ"), 17.5);
}

TEST(Notts, ExtraDutyHours)
{
    EXPECT_DOUBLE_EQ(worker("NOTTS", "", N(6)), 3);
    EXPECT_DOUBLE_EQ(worker("NOTTS", "PRACTICE-EDUCATOR", N(3)), 6.5);
    EXPECT_DOUBLE_EQ(worker("NOTTS", "", N(744)), 372);
    EXPECT_INPUT_ERROR(worker("NOTTS", "", N(745)), "Hours", "744");
    EXPECT_INPUT_ERROR(worker("NOTTS", "", N(-1)), "Hours");
}

TEST(Notts, TableListsExactlyTheseCodes)
{
    std::vector<std::string> expected;
    for (const Specific& s : kSpecific)
        expected.emplace_back(s.code);
    for (const Flat& f : kAdditional)
        expected.emplace_back(f.code);
    for (const Flat& f : kWorker)
        expected.emplace_back(f.code);
    EXPECT_EQ(caseweight::schemeItems(S("NOTTS"), E()), expected);
}

TEST(Notts, Rules)
{
    EXPECT_DOUBLE_EQ(points("NOTTS", "LAC-NEW;EPO;UASC", N(2)), 12 + 3);
    EXPECT_INPUT_ERROR(
        points("NOTTS", "LAC-NEW;EPO;UASC;MAPPA"),
        "NOTTS allows at most two additional items on a row; this row has 3. Keep the two that "
        "best describe the case.");
    EXPECT_INPUT_ERROR(points("NOTTS", "INTERPRETER"), "NOTTS", "needs one specific item");
    EXPECT_INPUT_ERROR(points("NOTTS", "S47;CLOSING"), "one specific item", "S47 and CLOSING");
    EXPECT_INPUT_ERROR(points("NOTTS", "S47;EPO;EPO"), "NOTTS counts EPO once per row");
    EXPECT_INPUT_ERROR(worker("NOTTS", "NQSW;PQ;ASYE-MENTOR"), "at most two personal elements",
                       "3");
    EXPECT_INPUT_ERROR(points("NOTTS", "NQSW"), "worker item");
    EXPECT_DOUBLE_EQ(points("nottinghamshire", "s47-icpc ; interpreter", N(4)), 22);
}
