// Reading scheme files: every mistake with its line, dated versions, packs beside the
// built-in schemes, and the SPEC 4b amendments of the shipped files.
#include "caseweight/schemes.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace cwtest;
using caseweight::SchemeFile;

namespace
{

std::vector<std::string> check(const std::string& text)
{
    return caseweight::checkSchemeFiles({{"/tmp/kent.toml", text}}, shipped());
}

// kMinimalScheme with its first `old` replaced.
std::string minimalWith(const std::string& old, const std::string& now)
{
    std::string text = kMinimalScheme;
    return text.replace(text.find(old), old.size(), now);
}

bool mentions(const std::vector<std::string>& problems, const std::string& what)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(what) != std::string::npos; });
}

} // namespace

TEST(SchemeFiles, ShippedFilesHaveNoMistakes)
{
    EXPECT_EQ(caseweight::checkSchemeFiles(shipped()), std::vector<std::string>{});
    EXPECT_EQ(caseweight::schemeNames(),
              (std::vector<std::string>{"NOTTS", "RBWM", "SWINDON", "WARRINGTON"}));
}

TEST(SchemeFiles, AMinimalCouncilSchemeChecksClean)
{
    EXPECT_EQ(check(kMinimalScheme), std::vector<std::string>{});
}

TEST(SchemeFiles, TheWorkerSheetLayoutIsAcceptedAndDoesNotScore)
{
    // [sheet] is the layout of the scheme's worker sheet (docs/schemes.md): the engine
    // accepts it with whatever keys and ignores it; it must be a table.
    const std::string sheet = std::string(kMinimalScheme) +
                              "[sheet]\ntitle = \"Kent - caseload weighting sheet\"\nrows = 12\n"
                              "[[sheet.column]]\ncodes = \"case\"\nheading = \"Case type\"\n";
    EXPECT_EQ(check(sheet), std::vector<std::string>{});
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/kent.toml", sheet}});
    EXPECT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_DOUBLE_EQ(points("KENT", "CP", N(3)), 18);
    EXPECT_TRUE(mentions(check("sheet = 3\n" + std::string(kMinimalScheme)),
                         "kent.toml:1: \"sheet\" must be a [sheet] table"));
    // A sheet per team: [[sheet]] tables.
    const std::string sheets = std::string(kMinimalScheme) +
                               "[[sheet]]\nfile = \"kent-children\"\n"
                               "[[sheet]]\nfile = \"kent-fostering\"\nrows = 12\n";
    EXPECT_EQ(check(sheets), std::vector<std::string>{});
}

TEST(SchemeFiles, EachMistakeIsReportedWithItsLine)
{
    const std::string base = kMinimalScheme;
    struct Case
    {
        std::string text;
        std::string expected;
    };
    const Case cases[] = {
        {base + "[[rule]]\nrule = \"two-case-types\"\n", "kent.toml:19: unknown rule"},
        {base + "[[item]]\ncode = \"CP\"\ngroup = \"case\"\npoints = 1\nlabel = \"x\"\n",
         "kent.toml:19: the code CP is given twice"},
        {base + "[[item]]\ncode = \"CIN\"\ngroup = \"case\"\npoints = -2\nlabel = \"x\"\n",
         "kent.toml:22: \"points\" cannot be negative"},
        {base + "[[item]]\ncode = \"CIN\"\ngroup = \"case\"\npionts = 2\nlabel = \"x\"\n",
         "unknown key \"pionts\""},
        {base + "[[grade]]\nname = \"NQ\"\nlower = 30\nupper = 20\n", "the bands of NQ overlap"},
        {base + "[[amendment]]\nfrom = 2021-01-01\n[[amendment]]\nfrom = 2021-01-01\n",
         "two amendments of KENT start on 2021-01-01: this one and kent.toml line 19"},
        {base + "[[amendment]]\nfrom = 2021-01-01\n[[amendment.item]]\ncode = \"CP\"\n"
                "per = \"row\"\n",
         "CP changes meaning in the amendment from 2021-01-01"},
        {base + "name2 = [\n", "kent.toml:19: this is not valid TOML"},
        {"amends = \"NOWHERE\"\n", "names no scheme that is loaded"},
        {std::string(kMinimalScheme).replace(0, 13, "name = \"RBWM\""), "RBWM is already defined"},
        // Plain words, each at the line of its key.
        {base + "[[item]]\ncode = \"CIN\"\ngroup = \"case\"\npoints = inf\nlabel = \"x\"\n",
         "kent.toml:22: \"points\" must be an ordinary number such as 6 or 2.5; inf is not one."},
        {base + "[[item]]\ncode = \"CIN\"\ngroup = \"case\"\npoints = nan\nlabel = \"x\"\n",
         "kent.toml:22: \"points\" must be an ordinary number such as 6 or 2.5; nan is not one."},
        {base + "[[item]]\ncode = \"CIN\"\ngroup = \"case\"\npoints = 1e308\nlabel = \"x\"\n",
         "kent.toml:22: \"points\" is 1e+308, more than any scheme needs"},
        {minimalWith("\"Test\"", "\"" + std::string(5000, 'x') + "\""),
         "kent.toml:3: \"source\" is 5000 characters long; a text goes up to 4000"},
        {"default_grade = \"\"\n" + base,
         "kent.toml:1: default_grade \"\" is not one of the scheme's grades; use SW."},
        {minimalWith("{ label = \"Above band\" }", "{ label = \"A\" }, { label = \"B\" }"),
         "kent.toml:9: the band \"A\" needs up_to"},
        {base + "[[item]]\ncode = \"FC\"\ngroup = \"case\"\npoints = 3\nper = \"first-child\"\n"
                "label = \"x\"\n",
         "kent.toml:19: FC: a per = \"first-child\" item needs \"further\""},
        {base + "[[amendment]]\nfrom = 2021-01-01\n[[amendment.item]]\ncode = \"CP\"\n"
                "points = 7\n[[amendment.item]]\ncode = \"cp\"\npoints = 8\n",
         "kent.toml:24: the code CP is given twice in the amendment from 2021-01-01"},
        {base + "label2 = \"\xff\"\n",
         "kent.toml:19: this is not valid TOML: the file is not UTF-8 "
         "text; save it again with the encoding UTF-8"},
        {base + "x = [1, 2\n", "kent.toml:19: this is not valid TOML: in a list [ ], "},
    };
    for (const Case& c : cases)
    {
        const auto problems = check(c.text);
        EXPECT_TRUE(mentions(problems, c.expected))
            << c.expected << "\n got: " << (problems.empty() ? "nothing" : problems.front());
    }
}

TEST(SchemeFiles, ABrokenFileDisablesOnlyItsSchemeAndSaysWhere)
{
    WithFiles loaded(std::vector<SchemeFile>{
        {"/packs/kent.toml", std::string(kMinimalScheme) + "[[rule]]\nrule = \"nope\"\n"}});
    EXPECT_FALSE(loaded.problems.empty());
    EXPECT_INPUT_ERROR(points("KENT", "CP"),
                       "KENT cannot be used: kent.toml line 19: unknown rule");
    EXPECT_DOUBLE_EQ(points("SWINDON", "CP", N(2)), 32);
    const WithFiles garbage(std::vector<SchemeFile>{{"/packs/essex.toml", "this is [ not toml"}});
    EXPECT_INPUT_ERROR(points("ESSEX", "CP"), "ESSEX cannot be used: essex.toml line 1:");
    EXPECT_DOUBLE_EQ(points("RBWM", "CP", N(2)), 12);
}

TEST(SchemeFiles, ACouncilSchemeScores)
{
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/kent.toml", kMinimalScheme}});
    EXPECT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_DOUBLE_EQ(points("KENT", "CP", N(3)), 18);
    EXPECT_EQ(caseweight::workloadBand(S("kent"), N(25), E(), E()), "Above band");
}

TEST(DatedVersions, AnAmendmentScoresFromItsDateOnly)
{
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/rbwm-court.toml", R"(amends = "RBWM"
[[amendment]]
from = 2027-04-01
note = "Court points amended"
[[amendment.item]]
code = "COURT"
points = 5
[[amendment.grade]]
name = "NQSW"
upper = 260
)"}});
    EXPECT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_DOUBLE_EQ(points("RBWM@2027-03-31", "CP;COURT"), 6 + 3);
    EXPECT_DOUBLE_EQ(points("RBWM@2027-04-01", "CP;COURT"), 6 + 5);
    EXPECT_DOUBLE_EQ(points("RBWM@2020-01-01", "CP;COURT"), 6 + 3);
    EXPECT_EQ(caseweight::workloadBand(S("RBWM@2027-05-01"), N(255), S("NQSW"), E()),
              "Within band");
    EXPECT_EQ(caseweight::workloadBand(S("RBWM@2027-03-01"), N(255), S("NQSW"), E()), "Above band");
    EXPECT_EQ(caseweight::schemeAt(S("rbwm"), N(46478)), "RBWM@2027-04-01");
    EXPECT_NE(caseweight::schemeVersion(S("RBWM@2027-06-01")).find("Court points amended"),
              std::string::npos);
    EXPECT_NE(caseweight::schemeVersion(S("RBWM@2027-06-01")).find("rbwm-court.toml"),
              std::string::npos);
    EXPECT_NE(caseweight::itemLabel(S("RBWM@2027-06-01"), S("COURT")).find(": 5"),
              std::string::npos);
}

TEST(DatedVersions, DatesAreChecked)
{
    EXPECT_INPUT_ERROR(points("RBWM@2027-02-30", "CP"), "not a real date");
    EXPECT_INPUT_ERROR(caseweight::schemeAt(S("RBWM"), E()), "The date is missing");
    EXPECT_INPUT_ERROR(caseweight::schemeAt(S("RBWM"), S("soon")), "not the text");
    EXPECT_EQ(caseweight::schemeAt(S("notts"), N(36526)), "NOTTS@2000-01-01");
    // Before its first version a scheme scores with that version.
    EXPECT_DOUBLE_EQ(points("NOTTS@2000-01-01", "S47-ICPC", N(4)), 21);
    // Any real ISO date, however early, scores with the first version.
    EXPECT_DOUBLE_EQ(points("RBWM@1000-01-01", "CP"), 6);
    EXPECT_DOUBLE_EQ(points("RBWM@1899-12-31", "CP"), 6);
    EXPECT_DOUBLE_EQ(points("RBWM@1600-02-29", "CP"), 6);
    EXPECT_DOUBLE_EQ(points("RBWM@9999-12-31", "CP"), 6);
    EXPECT_INPUT_ERROR(points("RBWM@1700-02-29", "CP"), "not a real date");
    EXPECT_INPUT_ERROR(points("RBWM@0999-12-31", "CP"), "not a real date");
    EXPECT_INPUT_ERROR(points("RBWM@2027-13-01", "CP"), "not a real date");
}

TEST(Spec4b, SwindonFamilyPlacementGroupWorkStandsAlone)
{
    EXPECT_DOUBLE_EQ(points("SWINDON", "FP-GROUP"), 10);
    EXPECT_DOUBLE_EQ(points("SWINDON", "FP-GROUP-SHORT"), 5);
    EXPECT_DOUBLE_EQ(points("SWINDON", "GROUP"), 10);
    EXPECT_INPUT_ERROR(points("SWINDON", "FP-REVIEW"), "needs one case type");
}

TEST(Spec4b, SwindonBasicGradeIsInvalidWithAReason)
{
    EXPECT_INPUT_ERROR(caseweight::workloadBand(S("SWINDON"), N(300), S("Basic"), E()),
                       "BASIC is not a grade SWINDON bands: the sheet's header names Basic, but "
                       "the scheme gives it no band. Use NQSW, EXPERIENCED or HIGHER-SPECIALIST.");
}

TEST(Spec4b, WarringtonClosingReplacesEveryOtherPoint)
{
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CP;CLOSING;ASSESS-HIGH", N(2)), 2);
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "CIN;CLOSING;NEW", N(7)), 3);
}

TEST(Spec4b, WarringtonHouseholdRowsAreOneCase)
{
    EXPECT_DOUBLE_EQ(points("WARRINGTON", "APPROVED-HOUSEHOLD"), 3);
    EXPECT_INPUT_ERROR(points("WARRINGTON", "FOSTERING-HOUSEHOLD", N(2)),
                       "Leave Children empty on household rows");
}
