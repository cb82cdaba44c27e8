// Capacity with hours and reductions, allocation, team roll-up, caseload-number policies.
#include "caseweight/planning.hpp"
#include "test_support.hpp"

#include <cmath>

using namespace cwtest;
using caseweight::TeamArgs;

namespace
{
const Values none;

double available(const char* scheme, Value grade, Value hours, Values reductions = {},
                 Value fullTime = E())
{
    return caseweight::availablePoints(S(scheme), grade, hours, reductions, fullTime);
}
} // namespace

TEST(Capacity, AvailablePointsArePoRataToHoursLeft)
{
    EXPECT_DOUBLE_EQ(available("SWINDON", E(), E()), 350);           // full time, EXPERIENCED
    EXPECT_DOUBLE_EQ(available("SWINDON", S("NQSW"), N(18.5)), 150); // half of 300
    EXPECT_DOUBLE_EQ(available("NOTTS", E(), N(37), {N(7.4)}), 76);  // 95 x 29.6 / 37
    EXPECT_DOUBLE_EQ(available("WARRINGTON", S("ASYE"), N(30), {}, N(40)), 67.5);
    EXPECT_DOUBLE_EQ(available("RBWM", S("SENIOR"), E(), {N(10), E(), N(8.5)}), 200);
    EXPECT_DOUBLE_EQ(available("SWINDON", E(), N(20), {N(20)}), 0);
}

TEST(Capacity, BadHours)
{
    EXPECT_INPUT_ERROR(available("SWINDON", E(), N(40)), "Hours", "at most 37", "40");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), N(0)), "Hours", "empty cell counts as 0");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), S("full")), "Hours must be a number");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), N(20), {N(25)}), "reductions", "25", "20");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), N(20), {N(-1)}), "negative");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), E(), {}, N(200)), "FullTimeHours", "168");
    EXPECT_INPUT_ERROR(available("SWINDON", E(), E(), {}, N(1e-300)), "FullTimeHours",
                       "at least 1");
    EXPECT_INPUT_ERROR(available("SWINDON", S("BOSS"), E()), "BOSS", "grade");
}

TEST(Capacity, UsedAndHeadroom)
{
    const auto used = [](double points, Value hours, Values reductions = {})
    { return caseweight::capacityUsed(S("NOTTS"), N(points), E(), hours, reductions, E()); };
    EXPECT_DOUBLE_EQ(used(95, E()), 1);
    EXPECT_DOUBLE_EQ(used(19, N(18.5), {N(3.7)}), 0.5); // available: 95 x 14.8 / 37 = 38
    EXPECT_DOUBLE_EQ(caseweight::headroom(S("SWINDON"), N(300), E(), E(), none, E()), 50);
    EXPECT_DOUBLE_EQ(caseweight::headroom(S("SWINDON"), N(360), E(), E(), none, E()), -10);
    EXPECT_INPUT_ERROR(used(10, N(10), {N(10)}), "No hours are left");
    EXPECT_INPUT_ERROR(used(-1, E()), "Points cannot be negative");
}

TEST(Capacity, ReductionHoursInForceOnADate)
{
    // 1 Jan 2026 = 46023, 31 Mar 2026 = 46112, 1 Apr 2026 = 46113.
    const Values hours{N(7.4), N(3), E(), N(2)};
    const Values starts{N(46023), E(), E(), N(46113)};
    const Values ends{N(46112), E(), E(), E()};
    EXPECT_DOUBLE_EQ(caseweight::reductionHours(hours, starts, ends, N(46050)), 10.4);
    EXPECT_DOUBLE_EQ(caseweight::reductionHours(hours, starts, ends, N(46112)), 10.4);
    EXPECT_DOUBLE_EQ(caseweight::reductionHours(hours, starts, ends, N(46113)), 5);
    EXPECT_INPUT_ERROR(caseweight::reductionHours(hours, starts, ends, E()), "AsAt is missing");
    EXPECT_INPUT_ERROR(caseweight::reductionHours(hours, {N(1)}, ends, N(46050)),
                       "same number of cells");
    EXPECT_INPUT_ERROR(caseweight::reductionHours({N(2)}, {N(46113)}, {N(46023)}, N(46050)), "ends",
                       "before it starts");
    EXPECT_INPUT_ERROR(caseweight::reductionHours({S("x")}, {E()}, {E()}, N(46050)),
                       "Reduction hours must be a number");
}

TEST(Capacity, EmptySingleCellsMeanNoDate)
{
    // Calc passes one empty cell as 0 (30-12-1899): as an empty cell of a range, no date.
    const double day = 45444; // 1 Jun 2024
    EXPECT_DOUBLE_EQ(caseweight::reductionHours({N(7.4)}, {N(0)}, {N(0)}, N(day)), 7.4);
    EXPECT_DOUBLE_EQ(caseweight::reductionHours({N(7.4)}, {N(45400)}, {N(0)}, N(day)), 7.4);
    EXPECT_DOUBLE_EQ(caseweight::reductionHours({N(7.4)}, {N(0)}, {N(45400)}, N(day)), 0);
    // Starts and Ends left out: open at both ends, for every reduction.
    EXPECT_DOUBLE_EQ(caseweight::reductionHours({N(7.4), N(2)}, {E()}, {E()}, N(day)), 9.4);
    EXPECT_DOUBLE_EQ(caseweight::reductionHours({N(7.4), N(2)}, {N(0)}, {N(0)}, N(day)), 9.4);
    EXPECT_INPUT_ERROR(caseweight::reductionHours({N(7.4)}, {E()}, {E()}, N(0)), "AsAt",
                       "empty cell", "TODAY()");
}

TEST(Allocation, NewTotalIncludesTheNewCase)
{
    // Swindon: 300 now, a CP sibling group of 4 (54) -> 354.
    EXPECT_DOUBLE_EQ(caseweight::allocatePoints(S("SWINDON"), {N(300)}, {}, cell("CP"), N(4), E()),
                     354);
    // Warrington: the workload weight follows the new case points (55 + 6 = 61 -> +6).
    EXPECT_DOUBLE_EQ(
        caseweight::allocatePoints(S("WARRINGTON"), {N(40), N(15)}, {}, cell("CP"), N(2), E()),
        61 + 15 + 6);
    EXPECT_DOUBLE_EQ(
        caseweight::allocatePoints(S("NOTTS"), {N(80)}, {N(10)}, cell("S47-ICPC"), N(4), N(0.5)),
        100.5);
    EXPECT_INPUT_ERROR(
        caseweight::allocatePoints(S("SWINDON"), {N(300)}, {}, cell("CP;LAC"), E(), E()),
        "case type");
}

namespace
{
TeamArgs team(const char* scheme, Values points, Values grades = {}, Values ftes = {})
{
    return TeamArgs{S(scheme), std::move(points), std::move(grades), std::move(ftes), {}, E()};
}
} // namespace

TEST(Team, RollUp)
{
    // Swindon: 336 (max 350), 223 NQSW (max 300), 345 at 0.8 higher specialist (max 320).
    const TeamArgs t =
        team("SWINDON", {N(336), N(223), E(), N(345)},
             {E(), S("NQSW"), E(), S("HIGHER-SPECIALIST")}, {N(1), N(1), E(), N(0.8)});
    EXPECT_DOUBLE_EQ(caseweight::teamAverage(t), (336.0 + 223 + 345) / 3);
    EXPECT_DOUBLE_EQ(caseweight::teamAboveBand(t), 1);
    EXPECT_DOUBLE_EQ(caseweight::teamCapacity(t), (336.0 + 223 + 345) / (350 + 300 + 320));
    EXPECT_DOUBLE_EQ(caseweight::teamSpread(t), 345.0 / 320 - 223.0 / 300);
}

TEST(Team, PerAssistantTeamManager)
{
    TeamArgs t = team("NOTTS", {N(80), N(100), N(120), N(60)});
    t.groups = {S("ATM Ann"), S("ATM Bob"), S("atm ann"), S("ATM Bob")};
    t.group = S("ATM Ann");
    EXPECT_DOUBLE_EQ(caseweight::teamAverage(t), 100);
    EXPECT_DOUBLE_EQ(caseweight::teamAboveBand(t), 1); // 120 > 95
    t.group = S("ATM Bob");
    EXPECT_DOUBLE_EQ(caseweight::teamAboveBand(t), 1); // 100 > 95
    t.group = S("Nobody");
    EXPECT_INPUT_ERROR(caseweight::teamAverage(t), "No worker belongs to that group");
    t.group = N(0); // an empty Group cell: the whole team
    EXPECT_DOUBLE_EQ(caseweight::teamAverage(t), 90);
}

TEST(Team, BadInput)
{
    EXPECT_INPUT_ERROR(caseweight::teamAverage(team("SWINDON", {})), "no worker totals");
    EXPECT_INPUT_ERROR(caseweight::teamAverage(team("SWINDON", {N(1), S("x")})), "Points", "\"x\"");
    EXPECT_INPUT_ERROR(caseweight::teamAverage(team("SWINDON", {N(1), N(-2)})), "negative");
    EXPECT_INPUT_ERROR(caseweight::teamAverage(team("SWINDON", {N(1), N(2)}, {E(), E(), E()})),
                       "Grades", "one cell per worker");
    EXPECT_INPUT_ERROR(caseweight::teamAverage(team("SWINDON", {N(1)}, {}, {N(1.5)})), "FTE");
    EXPECT_INPUT_ERROR(caseweight::teamCapacity(team("KENT", {N(1)})), "not a scheme");
}

TEST(Policies, Bands)
{
    EXPECT_EQ(caseweight::caseloadBand(S("WALSALL-EXPERIENCED"), N(15), E()), "Within range");
    EXPECT_EQ(caseweight::caseloadBand(S("walsall experienced"), N(16), E()), "Above range");
    EXPECT_EQ(caseweight::caseloadBand(S("WALSALL-NQSW"), N(13), E()), "Above range");
    EXPECT_EQ(caseweight::caseloadBand(S("RBWM-NQSW"), N(7), E()), "Below range");
    EXPECT_EQ(caseweight::caseloadBand(S("RBWM-EXPERIENCED"), N(12), E()), "Within range");
    EXPECT_EQ(caseweight::caseloadBand(S("DONCASTER-2022"), N(9), N(0.5)), "Within range");
    EXPECT_EQ(caseweight::caseloadBand(S("LAMING"), N(13), E()), "Above range");
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("BARNSLEY"), E()), 18);
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("WEST-SUSSEX-CPA"), N(0.5)), 47.5);
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("DFE-2016"), E()), 16.1);
    // The lower limit, for a sheet showing a policy's range; 0 where the policy has none.
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("RBWM-NQSW"), N(0.5), E(), S("lower")), 4);
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("RBWM-NQSW"), E(), E(), S("Upper")), 10);
    EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S("BARNSLEY"), E(), E(), S("lower")), 0);
    EXPECT_THROW(caseweight::caseloadLimit(S("RBWM-NQSW"), E(), E(), S("middle")),
                 caseweight::InputError);
    EXPECT_THROW(caseweight::caseloadLimit(S("RBWM-NQSW"), E(), E(), N(1)), caseweight::InputError);
    EXPECT_INPUT_ERROR(caseweight::caseloadBand(S("KENT"), N(1), E()), "\"KENT\"",
                       "not a caseload policy");
    EXPECT_INPUT_ERROR(caseweight::caseloadBand(S("LAMING"), N(-1), E()), "Cases");
    EXPECT_INPUT_ERROR(caseweight::caseloadBand(S("LAMING"), S("ten"), E()), "Cases");
}

TEST(Policies, List)
{
    const auto all = caseweight::caseloadPolicies(E());
    EXPECT_EQ(all.size(), 29u);
    const auto walsall = caseweight::caseloadPolicies(S("Walsall"));
    ASSERT_EQ(walsall.size(), 2u);
    EXPECT_EQ(walsall[0], "WALSALL-EXPERIENCED");
    EXPECT_EQ(caseweight::caseloadPolicies(S("DONCASTER-2022")).size(), 3u);
    EXPECT_EQ(caseweight::caseloadPolicies(S("WEST SUSSEX")).size(), 5u);
    EXPECT_INPUT_ERROR(caseweight::caseloadPolicies(S("KENT")), "No caseload policy");
}

TEST(Policies, BarnsleyStaffingCalculation)
{
    // Barnsley cabinet report (Dec 2017), option 2: 21.7 cases per FTE -> 18 needs 14.47 more
    // FTE; to the DfE average of 16, 25.1. The team's FTE follows from those figures: 70.4.
    const double fte = 70.4, cases = 21.7 * fte;
    EXPECT_NEAR(caseweight::staffNeeded(N(cases), N(18), N(fte)), 14.47, 0.005);
    EXPECT_NEAR(caseweight::staffNeeded(N(cases), N(16), N(fte)), 25.1, 0.05);
    // Costed at 41,839 per social worker; the report costs the 14 whole posts: 585,746.
    EXPECT_NEAR(caseweight::staffCost(N(cases), N(18), N(fte), N(41839)), 14.47 * 41839, 250);
    EXPECT_DOUBLE_EQ(std::round(caseweight::staffNeeded(N(cases), N(18), N(fte))) * 41839, 585746);
    EXPECT_INPUT_ERROR(caseweight::staffNeeded(N(100), N(0), N(1)), "Target", "more than 0");
    EXPECT_INPUT_ERROR(caseweight::staffNeeded(N(100), E(), N(1)), "Target is missing");
    EXPECT_INPUT_ERROR(caseweight::staffCost(N(100), N(18), N(1), N(-5)), "CostPerFTE");
}
