// Packs beside the shipped schemes: a pack's mistake or clash stops only what the pack brings,
// and sheets dated before a broken amendment keep their scores.
#include "caseweight/schemes.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <fstream>

using namespace cwtest;
using caseweight::SchemeFile;

namespace
{

// kMinimalScheme under another name, with aliases ("[\"A\", \"B\"]") on its second line.
std::string council(const std::string& name, const std::string& aliases = "")
{
    std::string text = kMinimalScheme;
    text.replace(0, text.find('\n'), "name = \"" + name + "\"");
    if (!aliases.empty())
        text.insert(text.find('\n') + 1, "aliases = " + aliases + "\n");
    return text;
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
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP", N(2)), 32); // the shipped weights, not 12
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
    EXPECT_DOUBLE_EQ(points("KENT", "CP", N(2)), 12);
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

TEST(SchemeStatus, SaysWhatIsLoadedAndEveryMistake)
{
    const WithFiles loaded(
        {{"/ext/rbwm-court.oxt/schemes/rbwm-court.toml", courtAmendment("2027-04-01", "-5")},
         {"/ext/kent.oxt/schemes/kent.toml", council("KENT", "[\"NOTTS\"]")}});
    const std::vector<std::string> lines = caseweight::schemeStatus(E());
    const auto has = [&](const std::string& what) { return mentions(lines, what); };
    EXPECT_TRUE(has("SWINDON: in use; versions from 2014-01-01 (swindon.toml)."));
    EXPECT_TRUE(has("RBWM: in use before 2027-04-01; versions from 2014-01-01 (rbwm.toml). RBWM "
                    "cannot be used from 2027-04-01 on"));
    EXPECT_TRUE(has("KENT cannot be used: kent.toml line 2: the alias NOTTS"));
    EXPECT_TRUE(has("Mistake: rbwm-court.toml:6: \"points\" cannot be negative"));
    EXPECT_TRUE(has("rbwm-court.toml (pack rbwm-court.oxt)"));
    EXPECT_EQ(lines.back().rfind("Files read (", 0), 0u) << lines.back();
    EXPECT_EQ(caseweight::schemeStatus(S("windsor and maidenhead")).size(), 1u);
    EXPECT_INPUT_ERROR(caseweight::schemeStatus(S("ESSEX")), "\"ESSEX\" is not a scheme");
}

TEST(SchemeStatus, AClearSetSaysSo)
{
    const WithFiles loaded(
        {{"/ext/rbwm-court.oxt/schemes/rbwm-court.toml", courtAmendment("2027-04-01", "5")}});
    const std::vector<std::string> lines = caseweight::schemeStatus(E());
    EXPECT_TRUE(mentions(lines, "No mistakes found in the files."));
    EXPECT_TRUE(mentions(lines, "RBWM: in use; versions from 2014-01-01 (rbwm.toml), from "
                                "2027-04-01 (rbwm-court.toml (pack rbwm-court.oxt))."));
}

TEST(SchemeCheck, ChecksAFileBesideThePacksInUse)
{
    const WithFiles loaded(
        {{"/ext/a.oxt/schemes/rbwm-court.toml", courtAmendment("2027-04-01", "5")}});
    const std::string dir = ::testing::TempDir();
    const auto write = [&](const std::string& name, const std::string& text)
    {
        std::ofstream(dir + name, std::ios::binary) << text;
        return dir + name;
    };
    // A second amendment from the same day meets the installed one.
    EXPECT_TRUE(mentions(
        caseweight::schemeCheck({S(write("rbwm-b.toml", courtAmendment("2027-04-01", "4")))}),
        "rbwm-b.toml:2: two amendments of RBWM start on 2027-04-01"));
    // A file named like the installed one replaces it.
    EXPECT_EQ(
        caseweight::schemeCheck({S(write("rbwm-court.toml", courtAmendment("2090-04-01", "4")))}),
        std::vector<std::string>{"No mistakes found in rbwm-court.toml."});
    EXPECT_INPUT_ERROR(caseweight::schemeCheck({S(dir + "nothing-here.toml")}), "cannot be read",
                       "nothing-here.toml");
    EXPECT_INPUT_ERROR(caseweight::schemeCheck({S(dir)}), "cannot be read");
    // A device is never read (/dev/zero would never end).
    EXPECT_INPUT_ERROR(caseweight::schemeCheck({S("/dev/zero")}), "cannot be read");
    // Files given together are checked together.
    const std::string a = write("rbwm-x.toml", courtAmendment("2090-01-01", "4"));
    const std::string b = write("rbwm-y.toml", courtAmendment("2090-01-01", "7"));
    EXPECT_TRUE(mentions(caseweight::schemeCheck({S(a), E(), S(b)}),
                         "rbwm-y.toml:2: two amendments of RBWM start on 2090-01-01"));
    EXPECT_EQ(caseweight::schemeCheck({S(a), S(write("kent.toml", council("KENT")))}),
              std::vector<std::string>{"No mistakes found in rbwm-x.toml and kent.toml."});
    EXPECT_INPUT_ERROR(caseweight::schemeCheck({E()}), "The Paths are missing");
    EXPECT_INPUT_ERROR(caseweight::schemeCheck({N(3)}), "A path must be a text");
}

TEST(SchemeCheck, AnAmendmentInForceAlreadyIsNotedNotRefused)
{
    const std::vector<std::string> lines = caseweight::checkSchemeFiles(
        {{"/tmp/rbwm-old.toml", courtAmendment("2020-04-01", "5")}}, shipped());
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_TRUE(caseweight::isNote(lines[0])) << lines[0];
    EXPECT_EQ(lines[0], "rbwm-old.toml:2: note: this amendment of RBWM is in force already (from "
                        "2020-04-01): once it is installed, sheets dated from 2020-04-01 on score "
                        "by it when recalculated.");
    EXPECT_FALSE(caseweight::isNote("rbwm-old.toml:6: \"points\" cannot be negative; it is -5."));
    // A later amendment gets no note.
    EXPECT_EQ(caseweight::checkSchemeFiles(
                  {{"/tmp/rbwm-new.toml", courtAmendment("2090-04-01", "5")}}, shipped()),
              std::vector<std::string>{});
}
