// Each named rule alone (rules.hpp), on small schemes written for the test.
#include "items.hpp"
#include "rules.hpp"
#include "scheme.hpp"
#include "test_support.hpp"
#include "words.hpp"

using namespace cwtest;
using namespace caseweight::detail;

namespace
{

// A small scheme: two case types, modifiers, a cap, a family-size item and units.
const char* const kToy = R"(
name = "TOY"
council = "Test"
source = "Test"
from = 2020-01-01
[[grade]]
name = "G"
lower = 10
upper = 20
[bands]
below = "Low"
within = "Fine"
above = [{ label = "Busy", up_to = 30 }, { label = "Over" }]
[worker]
base = 5
hours_points = 0.5
[workload]
one_point_per = 10
[[rule]]
rule = "one-case-type"
[[rule]]
rule = "only-with"
code = "EXTRA"
with = ["A"]
[[rule]]
rule = "at-most-one-of"
codes = ["FAR", "NEAR"]
what = "travel code"
[[rule]]
rule = "at-most"
group = "modifier"
most = 3
what = "modifiers on a row"
[[rule]]
rule = "cap"
codes = ["TASK"]
with = ["FAM"]
most = 3
[[item]]
code = "A"
group = "case"
per = "child"
points = 6
basic = 10
basic_cap = 30
label = "A"
[[item]]
code = "FAM"
group = "case"
per = "family-size"
sizes = [{ from = 1, points = 2 }, { from = 3, points = 3 }]
units = [{ from = 1, units = 1 }, { from = 3, units = 2 }]
label = "Family"
[[item]]
code = "HOME"
group = "case"
points = 2
single_case = true
label = "Household"
[[item]]
code = "EXTRA"
group = "modifier"
per = "child"
per_row_with = ["HOME"]
points = 4
label = "Extra"
[[item]]
code = "FAR"
group = "modifier"
points = 6
label = "Far"
[[item]]
code = "NEAR"
group = "modifier"
points = 4
label = "Near"
[[item]]
code = "TASK"
group = "modifier"
points = 1
repeat = true
per_child_with = ["FAM"]
label = "Task"
[[item]]
code = "NEW"
group = "modifier"
per = "child"
points = 2
unit_points = 1
label = "New"
[[item]]
code = "SHUT"
group = "modifier"
per = "child"
points = 1
replaces_row = true
label = "Closing"
[[item]]
code = "SOLO"
group = "modifier"
points = 10
alone = true
label = "Alone"
[[item]]
code = "W"
group = "worker"
points = 3
label = "Worker item"
)";

const Scheme& toy()
{
    static const std::vector<SchemeEntry> entries = []
    {
        std::vector<std::string> problems;
        auto e = readSchemes({{"toy.toml", kToy}}, problems);
        EXPECT_EQ(problems, std::vector<std::string>{});
        return e;
    }();
    return entries.front().versions.front();
}

Row row(const std::string& items, int children = 1)
{
    Row r = parseItems(toy(), cell(items), ItemUse::CaseRow);
    r.children = children;
    return r;
}

const Rule& ruleOf(Rule::Kind kind)
{
    for (const Rule& r : toy().rules)
        if (r.kind == kind)
            return r;
    throw std::logic_error("no such rule");
}

} // namespace

TEST(SharedRules, ToleranceComparisons)
{
    EXPECT_FALSE(exceeds(0.8 * 95, 76));
    EXPECT_FALSE(exceeds(76 + 1e-12, 76));
    EXPECT_TRUE(exceeds(76.001, 76));
    EXPECT_FALSE(fallsBelow(75 - 1e-12, 75));
    EXPECT_TRUE(fallsBelow(74.999, 75));
}

TEST(SharedRules, FirstChildThenEach)
{
    EXPECT_DOUBLE_EQ(firstChildThenEach(15, 2, 1), 15);
    EXPECT_DOUBLE_EQ(firstChildThenEach(15, 2, 4), 21);
    EXPECT_DOUBLE_EQ(firstChildThenEach(3, 0, 5), 3);
}

TEST(SharedRules, StepValue)
{
    const std::vector<Step> steps{{1, 10}, {4, 20}, {7, 30}};
    EXPECT_DOUBLE_EQ(stepValue(steps, 1), 10);
    EXPECT_DOUBLE_EQ(stepValue(steps, 3), 10);
    EXPECT_DOUBLE_EQ(stepValue(steps, 4), 20);
    EXPECT_DOUBLE_EQ(stepValue(steps, 100), 30);
}

TEST(ItemPoints, BasicPartIsCapped)
{
    const Item& a = toy().items[indexOf(toy(), "A")];
    EXPECT_DOUBLE_EQ(itemPoints(row("A", 1), a), 16);
    EXPECT_DOUBLE_EQ(itemPoints(row("A", 4), a), 30 + 24);
}

TEST(ItemPoints, FamilySizeAndUnits)
{
    const Item& fam = toy().items[indexOf(toy(), "FAM")];
    EXPECT_DOUBLE_EQ(itemPoints(row("FAM", 2), fam), 2);
    EXPECT_DOUBLE_EQ(itemPoints(row("FAM", 5), fam), 3);
    EXPECT_EQ(perChildUnits(row("FAM", 5)), 2);
    EXPECT_EQ(perChildUnits(row("A", 5)), 5);
    const Item& niu = toy().items[indexOf(toy(), "NEW")];
    EXPECT_DOUBLE_EQ(itemPoints(row("A;NEW", 5), niu), 10);  // 2 per child
    EXPECT_DOUBLE_EQ(itemPoints(row("FAM;NEW", 5), niu), 2); // 1 per unit
}

TEST(ItemPoints, PerChildWithAndPerRowWith)
{
    const Item& task = toy().items[indexOf(toy(), "TASK")];
    EXPECT_DOUBLE_EQ(itemPoints(row("A;TASK", 5), task), 1);
    EXPECT_DOUBLE_EQ(itemPoints(row("FAM;TASK", 5), task), 2);
    const Item& extra = toy().items[indexOf(toy(), "EXTRA")];
    EXPECT_DOUBLE_EQ(itemPoints(row("A;EXTRA", 3), extra), 12);
    EXPECT_DOUBLE_EQ(itemPoints(row("HOME;EXTRA", 1), extra), 4);
}

TEST(NamedRules, OneCaseType)
{
    const Rule& rule = ruleOf(Rule::Kind::OneCaseType);
    EXPECT_NO_THROW(oneCaseType(row("A;FAR"), rule));
    EXPECT_NO_THROW(oneCaseType(row(""), rule));
    EXPECT_NO_THROW(oneCaseType(row("SOLO"), rule)); // may stand alone
    EXPECT_INPUT_ERROR(oneCaseType(row("FAR"), rule),
                       "A TOY row needs one case type (A, FAM, HOME, ...)");
    EXPECT_INPUT_ERROR(oneCaseType(row("SOLO;FAR"), rule), "needs one case type");
    EXPECT_INPUT_ERROR(oneCaseType(row("A;FAM"), rule), "this row has A and FAM. Split the row");
}

TEST(NamedRules, OnlyWith)
{
    const Rule& rule = ruleOf(Rule::Kind::OnlyWith);
    EXPECT_NO_THROW(onlyWith(row("A;EXTRA"), rule));
    EXPECT_NO_THROW(onlyWith(row("FAM"), rule));
    EXPECT_INPUT_ERROR(onlyWith(row("FAM;EXTRA"), rule), "TOY adds EXTRA only to A rows:");
}

TEST(NamedRules, AtMostOneOf)
{
    const Rule& rule = ruleOf(Rule::Kind::AtMostOneOf);
    EXPECT_NO_THROW(atMostOneOf(row("A;FAR"), rule));
    EXPECT_INPUT_ERROR(atMostOneOf(row("A;FAR;NEAR"), rule),
                       "TOY allows at most one travel code on a row; this row has FAR and NEAR.");
}

TEST(NamedRules, AtMost)
{
    const Rule& rule = ruleOf(Rule::Kind::AtMost);
    EXPECT_NO_THROW(atMost(row("A;FAR;NEW;EXTRA"), rule));
    EXPECT_INPUT_ERROR(atMost(row("A;FAR;NEW;EXTRA;TASK"), rule),
                       "TOY allows at most three modifiers on a row; this row has 4.");
}

TEST(NamedRules, Cap)
{
    const Rule& rule = ruleOf(Rule::Kind::Cap);
    EXPECT_DOUBLE_EQ(capped(row("FAM;TASK"), rule, 7), 3);
    EXPECT_DOUBLE_EQ(capped(row("A;TASK"), rule, 7), 7);
    EXPECT_DOUBLE_EQ(rowPoints(row("FAM;TASK;TASK;TASK", 5)), 3 + 3); // 3 x 2 capped at 3
}

TEST(NamedRules, SingleCase)
{
    EXPECT_NO_THROW(singleCase(row("HOME", 1)));
    EXPECT_INPUT_ERROR(singleCase(row("HOME", 2)), "Leave Children empty on household rows");
}

TEST(RowPoints, ReplacesRow)
{
    EXPECT_DOUBLE_EQ(rowPoints(row("A;SHUT;FAR", 3)), 3);
    EXPECT_DOUBLE_EQ(rowPoints(row("FAM;SHUT", 5)), 2);
}

TEST(RowPoints, WorkerElementAndWeight)
{
    const Row w = parseItems(toy(), cell("W"), ItemUse::Worker);
    EXPECT_DOUBLE_EQ(workerElement(w, 4), 5 + 2 + 3);
    EXPECT_DOUBLE_EQ(workloadWeight(toy(), 29.9), 2);
    EXPECT_DOUBLE_EQ(workloadWeight(toy(), 30), 3);
}

TEST(Bands, BelowWithinAndAbove)
{
    const Grade& g = toy().grades.front();
    EXPECT_EQ(band(toy(), 9, g, 1), "Low");
    EXPECT_EQ(band(toy(), 10, g, 1), "Fine");
    EXPECT_EQ(band(toy(), 20, g, 1), "Fine");
    EXPECT_EQ(band(toy(), 25, g, 1), "Busy");
    EXPECT_EQ(band(toy(), 31, g, 1), "Over");
    EXPECT_EQ(band(toy(), 12, g, 0.5), "Busy");
    EXPECT_DOUBLE_EQ(capacityAtTop(10, g, 0.5), 1);
}

TEST(PointsText, SaysHowAnItemScores)
{
    const Scheme& s = toy();
    EXPECT_EQ(pointsText(s, s.items[indexOf(s, "A")]),
              "16 (basic 10 + 6) per child; the basic part is capped at 30 for the row");
    EXPECT_EQ(pointsText(s, s.items[indexOf(s, "FAM")]), "2 for 1-2 children; 3 for 3 or more");
    EXPECT_EQ(pointsText(s, s.items[indexOf(s, "TASK")]),
              "1 per child with FAM (per group on FAM rows), else per row, each");
    // On rows that count groups, "per child" counts the groups: the label says so.
    EXPECT_EQ(pointsText(s, s.items[indexOf(s, "SHUT")]),
              "1 per child (per group on FAM rows), instead of every other point of the row");
    EXPECT_EQ(pointsText(s, s.items[indexOf(s, "NEW")]), "2 per child; 1 per group on FAM rows");
}
