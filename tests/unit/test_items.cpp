// Parsing item lists: cells, separators, case, repeats, unknown codes.
#include "items.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <string>
#include <vector>

using namespace cwtest;
using namespace caseweight::detail;

namespace
{

std::vector<std::string> tokens(std::string_view text)
{
    std::vector<std::string> out;
    forEachToken(text, [&](std::string_view t) { out.emplace_back(t); });
    return out;
}

} // namespace

TEST(Items, Tokens)
{
    EXPECT_EQ(tokens("CP"), std::vector<std::string>{"CP"});
    EXPECT_EQ(tokens(" cp ; complex,court "), (std::vector<std::string>{"cp", "complex", "court"}));
    EXPECT_EQ(tokens(";; ,\t,"), std::vector<std::string>{});
    EXPECT_EQ(tokens(""), std::vector<std::string>{});
    EXPECT_EQ(tokens("A;"), std::vector<std::string>{"A"});
}

TEST(Items, NormaliseCode)
{
    EXPECT_EQ(normaliseCode("  s47-icpc\t"), "S47-ICPC");
    EXPECT_EQ(normaliseCode("   "), "");
}

TEST(Items, CellsOfARangeAreJoined)
{
    const Values range = {S("CP"), E(), S("complex; court"), S("  "), E()};
    const Row row = parseItems(schemeOf("SWINDON"), range, ItemUse::CaseRow);
    EXPECT_EQ(countOf(row, "CP"), 1u);
    EXPECT_EQ(countOf(row, "COMPLEX"), 1u);
    EXPECT_EQ(countOf(row, "COURT"), 1u);
    EXPECT_EQ(row.total(), 3u);
    EXPECT_DOUBLE_EQ(caseweight::casePoints(S("SWINDON"), range, N(4), E()), 54 + 16 + 5);
}

TEST(Items, NoItemsScoreZero)
{
    EXPECT_DOUBLE_EQ(caseweight::casePoints(S("SWINDON"), {}, E(), E()), 0);
    EXPECT_DOUBLE_EQ(caseweight::casePoints(S("NOTTS"), {E(), E()}, E(), E()), 0);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", " ; "), 0);
    EXPECT_EQ(caseweight::caseCheck(S("RBWM"), {E()}, E(), E()), "OK");
}

TEST(Items, RepeatsOnlyWhereTheTableAllows)
{
    EXPECT_DOUBLE_EQ(points("SWINDON", "CIN;TASK;TASK;TASK"), 25);
    EXPECT_INPUT_ERROR(points("SWINDON", "CIN;COURT;court"),
                       "SWINDON counts COURT once per row; this row has it 2 times.");
    EXPECT_INPUT_ERROR(caseweight::casePoints(S("SWINDON"), {S("CP"), S("CP")}, E(), E()),
                       "counts CP once per row");
}

TEST(Items, UnknownCodes)
{
    EXPECT_INPUT_ERROR(points("SWINDON", "CP;XYZ"), "\"XYZ\" is not a SWINDON item code:");
    EXPECT_INPUT_ERROR(points("SWINDON", "s17-assessment"),
                       "\"S17-ASSESSMENT\" is a NOTTS code, not a SWINDON one:");
    EXPECT_INPUT_ERROR(points("RBWM", "LAC"), "\"LAC\" is a SWINDON code, not an RBWM one:");
    EXPECT_INPUT_ERROR(points("SWINDON", "CIC"), "is an RBWM and WARRINGTON code");
    EXPECT_INPUT_ERROR(points("NOTTS", "xyz"), "\"XYZ\" is not a NOTTS item code:");
}

TEST(Items, CellsThatAreNotText)
{
    EXPECT_INPUT_ERROR(caseweight::casePoints(S("SWINDON"), {N(6)}, E(), E()),
                       "Item codes are text; a cell holds the number 6.");
    EXPECT_INPUT_ERROR(caseweight::casePoints(S("SWINDON"), {S("CP"), Err()}, E(), E()),
                       "An item cell holds an error; fix that cell first.");
    // In a range, even 0 is a number where a code belongs ...
    EXPECT_INPUT_ERROR(caseweight::casePoints(S("SWINDON"), {S("CP"), N(0)}, E(), E()),
                       "Item codes are text; a cell holds the number 0.");
    // ... but a lone 0 is how Calc passes a reference to one empty cell: no items.
    EXPECT_DOUBLE_EQ(caseweight::casePoints(S("SWINDON"), {N(0)}, E(), E()), 0);
    EXPECT_DOUBLE_EQ(caseweight::workerPoints(S("WARRINGTON"), {N(0)}, E()), 15);
}

TEST(Items, WorkerAndCaseItemsAreKeptApart)
{
    EXPECT_INPUT_ERROR(points("NOTTS", "S47;PQ"), "\"PQ\" is a NOTTS worker item");
    EXPECT_INPUT_ERROR(worker("NOTTS", "S47"), "\"S47\" is a NOTTS case item");
}

TEST(Items, RowQueries)
{
    const Row row = parseItems(schemeOf("NOTTS"), cell("S47;EPO;AIMS"), ItemUse::CaseRow);
    EXPECT_EQ(row.countIn(Group::Specific), 1u);
    EXPECT_EQ(row.countIn(Group::Additional), 2u);
    EXPECT_EQ(row.codesIn(Group::Additional), "EPO and AIMS");
    EXPECT_TRUE(row.has(indexOf(*row.scheme, "S47")));
    EXPECT_FALSE(row.has(indexOf(*row.scheme, "PF")));
}

TEST(Items, TablesFitTheRowAndAreWellFormed)
{
    for (const SchemeEntry& entry : allSchemes())
    {
        const Scheme* scheme = &entry.versions.back();
        EXPECT_LE(scheme->items.size(), kMaxItems) << scheme->name;
        int order = 0;
        for (const Item& item : scheme->items)
        {
            // Case items first, then modifiers / additional items, then worker items.
            const int rank = item.group == Group::Worker                                    ? 2
                             : (item.group == Group::Case || item.group == Group::Specific) ? 0
                                                                                            : 1;
            EXPECT_GE(rank, order) << scheme->name << " " << item.code;
            order = rank;
            EXPECT_EQ(normaliseCode(item.code), item.code);
            EXPECT_FALSE(item.label.empty()) << item.code;
            EXPECT_LE(item.label.size(), 100u) << item.code;
            EXPECT_EQ(findItem(*scheme, item.code), &item - &scheme->items.front())
                << "duplicate " << item.code;
        }
    }
}

TEST(Items, Labels)
{
    EXPECT_EQ(caseweight::itemLabel(S("NOTTS"), S(" interpreter ")),
              "Regular use of an interpreter: 1");
    EXPECT_INPUT_ERROR(caseweight::itemLabel(S("NOTTS"), S("LAC")),
                       "\"LAC\" is a SWINDON code, not a NOTTS one:");
    EXPECT_INPUT_ERROR(caseweight::itemLabel(S("NOTTS"), E()), "code is missing");
    EXPECT_INPUT_ERROR(caseweight::itemLabel(S("NOTTS"), N(3)), "text");
    for (const std::string& scheme : caseweight::schemeNames())
        for (const std::string& code : caseweight::schemeItems(S(scheme), E()))
            EXPECT_FALSE(caseweight::itemLabel(S(scheme), S(code)).empty());
}

TEST(Items, SchemeItemsByGroupAndColumn)
{
    using caseweight::schemeItems;
    EXPECT_EQ(schemeItems(S("SWINDON"), S("worker")),
              std::vector<std::string>{"HIGHER-SPECIALIST"});
    EXPECT_EQ(schemeItems(S("SWINDON"), S("Travel")),
              (std::vector<std::string>{"TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"}));
    EXPECT_EQ(schemeItems(S("SWINDON"), S("court")),
              (std::vector<std::string>{"COURT", "COURT-ACTIVE"}));
    EXPECT_EQ(schemeItems(S("SWINDON"), S("children")),
              (std::vector<std::string>{"CIN", "LAC", "CP"}));
    EXPECT_EQ(schemeItems(S("SWINDON"), S("case")).size(), 7u);
    EXPECT_EQ(schemeItems(S("SWINDON"), S("family-placements")).size(), 12u);
    EXPECT_EQ(schemeItems(S("RBWM"), S("fostering")),
              (std::vector<std::string>{"FAMILY-FINDING", "PANEL", "PRIVATE-FOSTERING"}));
    EXPECT_EQ(schemeItems(S("RBWM"), S("court")).size(), 4u);
    EXPECT_EQ(schemeItems(S("NOTTS"), S("SPECIFIC")).size(), 33u);
    EXPECT_EQ(schemeItems(S("NOTTS"), S("additional")).size(), 29u);
    EXPECT_EQ(schemeItems(S("NOTTS"), S("worker")).size(), 7u);
    EXPECT_EQ(schemeItems(S("NOTTS"), S("assessment")),
              (std::vector<std::string>{"S17-ASSESSMENT", "S47", "S47-ICPC"}));
    EXPECT_EQ(schemeItems(S("NOTTS"), S("through-care")).size(), 5u);
    EXPECT_EQ(schemeItems(S("WARRINGTON"), S("status")),
              (std::vector<std::string>{"NEW", "TRANSFER", "CLOSING"}));
    EXPECT_EQ(schemeItems(S("WARRINGTON"), S("modifier")).size(), 7u);
    EXPECT_INPUT_ERROR(schemeItems(S("RBWM"), S("worker")), "RBWM has no worker items.");
    EXPECT_INPUT_ERROR(schemeItems(S("SWINDON"), S("xyz")), "\"xyz\" is not a SWINDON group",
                       "case, modifier or worker", "children");
    EXPECT_INPUT_ERROR(schemeItems(S("SWINDON"), N(1)), "group");
}

TEST(Items, SchemeNames)
{
    EXPECT_EQ(caseweight::schemeNames(),
              (std::vector<std::string>{"NOTTS", "RBWM", "SWINDON", "WARRINGTON"}));
}

TEST(Items, RepeatsAreBounded)
{
    std::string twenty = "LAC";
    for (int i = 0; i < 20; ++i)
        twenty += ";TASK";
    EXPECT_DOUBLE_EQ(points("SWINDON", twenty), 16 + 20 * 5);
    EXPECT_INPUT_ERROR(points("SWINDON", twenty + ";TASK"),
                       "SWINDON counts TASK at most 20 times on a row; this row has it 21 times.");
    std::string meetings;
    for (int i = 0; i < 21; ++i)
        meetings += "INFO-MEETING;";
    EXPECT_INPUT_ERROR(worker("WARRINGTON", meetings), "at most 20 times for a worker");
}
