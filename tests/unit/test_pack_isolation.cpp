// Packs beside the shipped schemes: a pack's mistake or clash stops only what the pack brings,
// and sheets dated before a broken amendment keep their scores.
#include "caseweight/schemes.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace cwtest;
using caseweight::SchemeFile;

namespace
{

std::string council(const std::string& name, const std::string& aliases = "")
{
    return "name = \"" + name + "\"\n" + (aliases.empty() ? "" : "aliases = " + aliases + "\n") +
           R"(council = "Kent"
source = "Test"
from = 2020-01-01
[[grade]]
name = "SW"
lower = 10
upper = 20
[bands]
below = "Below band"
within = "Within band"
above = [{ label = "Above band" }]
[[item]]
code = "CP"
group = "case"
points = 7
per = "child"
label = "Child protection"
)";
}

std::string courtAmendment(const std::string& from, const std::string& points)
{
    return "amends = \"RBWM\"\n[[amendment]]\nfrom = " + from +
           "\n[[amendment.item]]\ncode = \"COURT\"\npoints = " + points + "\n";
}

bool mentions(const std::vector<std::string>& problems, const std::string& what)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(what) != std::string::npos; });
}

} // namespace

TEST(PackIsolation, APackNamedLikeAShippedSchemeCannotReplaceIt)
{
    const WithFiles loaded({{"/packs/swindon-copy.toml", council("SWINDON")}});
    EXPECT_TRUE(mentions(loaded.problems, "swindon-copy.toml:1: SWINDON is already defined by "
                                          "swindon.toml"));
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP", N(2)), 32); // the shipped weights, not 7 a child
}

TEST(PackIsolation, AClashingAliasRefusesTheNewcomerOnly)
{
    const WithFiles loaded(
        {{"/packs/kent.toml", council("KENT", "[\"KENT CC\", \"NOTTS\", \"Windsor and "
                                              "Maidenhead\"]")}});
    // Both clashes, each at its own line.
    EXPECT_TRUE(mentions(loaded.problems, "kent.toml:2: the alias NOTTS is already defined by "
                                          "notts.toml; choose another alias."));
    EXPECT_TRUE(mentions(loaded.problems, "kent.toml:2: the alias WINDSOR AND MAIDENHEAD is "
                                          "already an alias of RBWM in rbwm.toml"));
    EXPECT_DOUBLE_EQ(points("NOTTS", "S47-ICPC", N(4)), 21);
    EXPECT_DOUBLE_EQ(points("Windsor and Maidenhead", "CP"), 6);
    // The newcomer says why, by its name and by its own alias.
    EXPECT_INPUT_ERROR(points("KENT", "CP"), "KENT cannot be used", "alias NOTTS", "notts.toml");
    EXPECT_INPUT_ERROR(points("KENT CC", "CP"), "KENT cannot be used");
}

TEST(PackIsolation, TwoPacksOfOneNewSchemeKeepTheFirst)
{
    const WithFiles loaded(
        {{"/packs/a/kent.toml", council("KENT")}, {"/packs/b/kent-again.toml", council("KENT")}});
    EXPECT_TRUE(mentions(loaded.problems, "kent-again.toml:1: KENT is already defined by "
                                          "kent.toml"));
    EXPECT_DOUBLE_EQ(points("KENT", "CP"), 7);
}

TEST(PackIsolation, ABrokenAmendmentStopsTheSchemeFromItsDateOnly)
{
    const WithFiles loaded({{"/packs/rbwm-court.toml", courtAmendment("2027-04-01", "-5")}});
    EXPECT_TRUE(mentions(loaded.problems, "rbwm-court.toml:"));
    EXPECT_DOUBLE_EQ(points("RBWM@2027-03-15", "CP;COURT"), 6 + 3);
    EXPECT_INPUT_ERROR(points("RBWM@2027-04-01", "CP;COURT"),
                       "RBWM cannot be used from 2027-04-01 on", "rbwm-court.toml line");
    EXPECT_INPUT_ERROR(points("RBWM@2030-01-01", "CP"), "from 2027-04-01");
    // A sheet's header keeps its scheme whatever today is.
    EXPECT_EQ(caseweight::schemeAt(S("RBWM"), N(46461)), "RBWM@2027-03-15");
    EXPECT_EQ(caseweight::workloadBand(S("RBWM@2027-03-15"), N(100), S("NQSW"), E()), "Below band");
}

TEST(PackIsolation, TwoAmendmentsFromOneDayStopTheSchemeFromThatDayNamingBoth)
{
    const WithFiles loaded({{"/packs/rbwm-court.toml", courtAmendment("2027-04-01", "5")},
                            {"/packs/rbwm-court-b.toml", courtAmendment("2027-04-01", "4")}});
    EXPECT_TRUE(mentions(loaded.problems, "two amendments of RBWM start on 2027-04-01"));
    EXPECT_DOUBLE_EQ(points("RBWM@2027-03-31", "CP;COURT"), 6 + 3);
    EXPECT_INPUT_ERROR(points("RBWM@2027-04-01", "CP;COURT"), "from 2027-04-01", "rbwm-court.toml",
                       "rbwm-court-b.toml");
}

TEST(PackIsolation, AGoodAmendmentBeforeABrokenOneStillScores)
{
    const WithFiles loaded({{"/packs/rbwm-court.toml", courtAmendment("2027-04-01", "5")},
                            {"/packs/rbwm-later.toml", courtAmendment("2028-01-01", "\"x\"")}});
    EXPECT_DOUBLE_EQ(points("RBWM@2027-06-01", "CP;COURT"), 6 + 5);
    EXPECT_INPUT_ERROR(points("RBWM@2028-01-01", "CP;COURT"), "from 2028-01-01", "rbwm-later.toml");
}

TEST(PackIsolation, AFileOfAmendmentsWithAMistakeOutsideThemStopsFromItsFirstDate)
{
    const WithFiles loaded(
        {{"/packs/rbwm-court.toml", courtAmendment("2027-04-01", "5") + "colour = \"red\"\n"}});
    EXPECT_DOUBLE_EQ(points("RBWM@2027-03-31", "CP;COURT"), 6 + 3);
    EXPECT_INPUT_ERROR(points("RBWM@2027-04-01", "CP"), "from 2027-04-01", "rbwm-court.toml");
}

TEST(PackIsolation, AnAliasMustBeAName)
{
    const WithFiles loaded({{"/packs/kent.toml", council("KENT", "[\"\", \"K@NT\"]")}});
    EXPECT_TRUE(mentions(loaded.problems, "an alias cannot be empty"));
    EXPECT_TRUE(mentions(loaded.problems, "cannot hold @"));
    EXPECT_INPUT_ERROR(points("KENT", "CP"), "KENT cannot be used");
}
