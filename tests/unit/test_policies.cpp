// Caseload-number policies and the full-time week as data: the shipped [[policy]] tables give
// every code its old limits, packs add policies and amend their limits from a date, and every
// mistake is reported with its file and line.
#include "caseweight/planning.hpp"
#include "caseweight/schemes.hpp"
#include "dates.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace cwtest;
using caseweight::SchemeFile;

namespace
{

std::vector<std::string> checkFile(const std::string& name, const std::string& text)
{
    return caseweight::checkSchemeFiles({{"/packs/" + name, text}}, shipped());
}

bool mentions(const std::vector<std::string>& problems, const std::string& what)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(what) != std::string::npos; });
}

Value day(int year, unsigned month, unsigned d)
{
    return N(caseweight::detail::dayOf(year, month, d));
}

std::string band(const std::string& policy, double cases, Value date = E())
{
    return caseweight::caseloadBand(S(policy), N(cases), E(), date);
}

double limit(const std::string& policy, Value date = E())
{
    return caseweight::caseloadLimit(S(policy), E(), date);
}

// The 29 policies of the C++ table they replace, with their limits: codes are stored in sheets.
struct OldPolicy
{
    const char* code;
    double lower;
    double upper;
};

const OldPolicy kOld[] = {
    {"DONCASTER-2021", 18, 20},
    {"DONCASTER-2021-ASSESSMENT", 0, 20},
    {"DONCASTER-2021-EDGE-OF-CARE", 16, 20},
    {"DONCASTER-2021-EXPLOITATION", 16, 19},
    {"DONCASTER-2021-CHILD-PROTECTION", 18, 20},
    {"DONCASTER-2021-DISABILITY", 16, 18},
    {"DONCASTER-2021-CHILDREN-IN-CARE", 16, 18},
    {"DONCASTER-2021-FOSTERING", 18, 20},
    {"DONCASTER-2021-ADOPTION-SGO", 0, 20},
    {"DONCASTER-2021-LEAVING-CARE", 18, 20},
    {"DONCASTER-2021-IRO", 0, 70},
    {"DONCASTER-2021-ASYE", 0, 12},
    {"DONCASTER-2021-ADVANCED", 0, 10},
    {"DONCASTER-2022", 16, 18},
    {"DONCASTER-2022-ASSESSMENT", 0, 20},
    {"DONCASTER-2022-MANAGER", 0, 100},
    {"WALSALL-EXPERIENCED", 0, 15},
    {"WALSALL-NQSW", 0, 12},
    {"WEST-SUSSEX", 15, 20},
    {"WEST-SUSSEX-STUDENT-FIRST", 5, 8},
    {"WEST-SUSSEX-STUDENT-FINAL", 8, 9},
    {"WEST-SUSSEX-IRO", 50, 70},
    {"WEST-SUSSEX-CPA", 80, 95},
    {"RBWM-NQSW", 8, 10},
    {"RBWM-AFTER-FIRST-YEAR", 10, 12},
    {"RBWM-EXPERIENCED", 12, 15},
    {"BARNSLEY", 0, 18},
    {"LAMING", 0, 12},
    {"DFE-2016", 0, 16.1},
};

const char* const kNqswFrom2027 = R"(amends = "RBWM"

[[amendment]]
from = 2027-04-01
note = "Newly qualified: at most 11 cases"

[[amendment.policy]]
code = "RBWM-NQSW"
upper = 11
)";

const char* const kKentPolicies = R"(# Kent's caseload numbers
[[policy]]
code = "KENT-CIN"
label = "Children in need"
lower = 14
upper = 18
source = "Kent caseload policy 2026"

[[amendment]]
from = 2027-01-01
note = "Lower range"

[[amendment.policy]]
code = "KENT-CIN"
lower = 12
upper = 16

[[amendment.policy]]
code = "WALSALL-NQSW"
upper = 10
)";

} // namespace

TEST(PolicyData, EveryOldCodeGivesItsOldLimits)
{
    const auto all = caseweight::caseloadPolicies(E());
    EXPECT_EQ(all.size(), std::size(kOld));
    for (const OldPolicy& p : kOld)
    {
        SCOPED_TRACE(p.code);
        EXPECT_NE(std::find(all.begin(), all.end(), p.code), all.end());
        EXPECT_DOUBLE_EQ(limit(p.code), p.upper);
        EXPECT_DOUBLE_EQ(caseweight::caseloadLimit(S(p.code), N(0.5)), p.upper * 0.5);
        EXPECT_EQ(band(p.code, p.upper), "Within range");
        EXPECT_EQ(band(p.code, p.lower), "Within range");
        EXPECT_EQ(band(p.code, p.upper + 0.5), "Above range");
        if (p.lower > 0)
        {
            EXPECT_EQ(band(p.code, p.lower - 0.5), "Below range");
        }
        // The same limits on any date: the shipped files amend no policy.
        EXPECT_DOUBLE_EQ(limit(p.code, day(2030, 1, 1)), p.upper);
    }
}

TEST(PolicyData, RbwmRangesAreInItsOwnFile)
{
    const auto& rbwm = *caseweight::detail::findPolicy("RBWM-NQSW");
    ASSERT_EQ(rbwm.versions.size(), 1u);
    EXPECT_EQ(rbwm.versions[0].file, "rbwm.toml");
    EXPECT_EQ(rbwm.versions[0].label, "Newly qualified");
    EXPECT_EQ(caseweight::detail::findPolicy("WALSALL-NQSW")->versions[0].file, "policies.toml");
    EXPECT_EQ(caseweight::caseloadPolicies(S("RBWM")),
              (std::vector<std::string>{"RBWM-NQSW", "RBWM-AFTER-FIRST-YEAR", "RBWM-EXPERIENCED"}));
}

TEST(PolicyData, APackAmendsAPolicyFromItsDateOnly)
{
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/rbwm-nqsw-2027.toml", kNqswFrom2027}});
    EXPECT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_EQ(band("RBWM-NQSW", 11, day(2027, 3, 31)), "Above range");
    EXPECT_EQ(band("RBWM-NQSW", 11, day(2027, 4, 1)), "Within range");
    EXPECT_EQ(band("RBWM-NQSW", 11, day(2000, 1, 1)), "Above range");
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW", day(2027, 3, 31)), 10);
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW", day(2027, 4, 1)), 11);
    // The lower limit stays: only the keys given change.
    EXPECT_EQ(band("RBWM-NQSW", 7.5, day(2028, 1, 1)), "Below range");
    // The date after @, or a SCHEMEAT result as the Date.
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW@2027-04-01"), 11);
    EXPECT_DOUBLE_EQ(limit("rbwm nqsw@2027-03-31"), 10);
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW", S("RBWM@2027-04-01")), 11);
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW", S(caseweight::schemeAt(S("RBWM"), day(2027, 3, 1)))), 10);
    // The other policies and RBWM's points are untouched: an amendment of policies only is
    // no new version of the scheme.
    EXPECT_DOUBLE_EQ(limit("RBWM-AFTER-FIRST-YEAR", day(2028, 1, 1)), 12);
    EXPECT_EQ(caseweight::schemeAt(S("RBWM"), day(2028, 1, 1)), "RBWM@2028-01-01");
    EXPECT_EQ(caseweight::schemeVersion(S("RBWM@2028-01-01")).find("2027"), std::string::npos);
}

TEST(PolicyData, AFileOfPoliciesAddsAndAmendsPolicies)
{
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/kent-policies.toml", kKentPolicies}});
    EXPECT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_EQ(caseweight::caseloadPolicies(S("kent")), (std::vector<std::string>{"KENT-CIN"}));
    EXPECT_EQ(caseweight::caseloadPolicies(E()).size(), std::size(kOld) + 1);
    EXPECT_EQ(band("KENT-CIN", 13, day(2026, 12, 31)), "Below range");
    EXPECT_EQ(band("KENT-CIN", 13, day(2027, 1, 1)), "Within range");
    EXPECT_DOUBLE_EQ(limit("WALSALL-NQSW", day(2026, 12, 31)), 12);
    EXPECT_DOUBLE_EQ(limit("WALSALL-NQSW", day(2027, 1, 1)), 10);
}

TEST(PolicyData, EachMistakeIsReportedWithItsFileAndLine)
{
    struct Case
    {
        std::string text;
        std::string expected;
    };
    const std::string head = "[[policy]]\ncode = \"KENT-CIN\"\nlabel = \"Children in need\"\n"
                             "source = \"Kent\"\n";
    const std::vector<Case> cases = {
        {head, "kent.toml:1: \"upper\" is missing"},
        {head + "lower = 20\nupper = 18\n", "kent.toml:1: the limits of the policy KENT-CIN"},
        {head + "upper = -3\n", "kent.toml:5: \"upper\" cannot be negative"},
        {head + "upper = 18\nlimit = 4\n", "kent.toml:6: unknown key \"limit\" in a policy"},
        {"[[policy]]\ncode = \"kent cin\"\nlabel = \"x\"\nsource = \"x\"\nupper = 3\n",
         "kent.toml:1: the policy code \"kent cin\" must be capital letters"},
        {"\n[[policy]]\ncode = \"WALSALL-NQSW\"\nlabel = \"x\"\nsource = \"x\"\nupper = 3\n",
         "kent.toml:2: the policy WALSALL-NQSW is already defined by policies.toml"},
        {"[[amendment]]\nfrom = 2027-01-01\n[[amendment.policy]]\ncode = \"KENT-NONE\"\n"
         "upper = 3\n",
         "kent.toml:3: KENT-NONE is not a caseload policy of any file loaded"},
        {"[[amendment]]\nfrom = 2027-01-01\n[[amendment.policy]]\ncode = \"LAMING\"\n"
         "upper = 3\n[[amendment]]\nfrom = 2027-01-01\n[[amendment.policy]]\ncode = \"LAMING\"\n"
         "upper = 4\n",
         "kent.toml:8: two versions of the policy LAMING start on 2027-01-01"},
        {"[[amendment]]\nfrom = 2027-01-01\n[[amendment.policy]]\ncode = \"RBWM-NQSW\"\n"
         "upper = 5\n",
         "kent.toml:3: from 2027-01-01 the lower limit 8 of the policy RBWM-NQSW is above its "
         "upper limit 5"},
        {"[[amendment]]\n[[amendment.policy]]\ncode = \"LAMING\"\nupper = 4\n",
         "kent.toml:1: \"from\" is missing"},
        {"[[amendment]]\nfrom = 2027-01-01\n", "kent.toml:1: an amendment in a file of policies"},
        {"[[amendment]]\nfrom = 2027-01-01\nitem = 3\n[[amendment.policy]]\ncode = \"LAMING\"\n"
         "upper = 4\n",
         "kent.toml:3: unknown key \"item\" in an amendment of policies"},
        {"full_time_hours = 36\n", "kent.toml:1: the default full-time week is already given by "
                                   "policies.toml"},
        {"full_time_hours = 0.5\n", "kent.toml:1: \"full_time_hours\" is the hours of a full-time "
                                    "week, from 1 to 168"},
        {"name = \"KENT\"\nfull_time_hours = 200\n",
         "kent.toml:2: \"full_time_hours\" is the hours"},
        {"policy = 3\n", "kent.toml:1: \"policy\" must be [[policy]] tables"},
        {"unknown = 3\n[[policy]]\ncode = \"KENT-CIN\"\nlabel = \"x\"\nsource = \"x\"\nupper = 3\n",
         "kent.toml:1: unknown key \"unknown\" in a file of policies"},
    };
    for (const Case& c : cases)
    {
        const auto problems = checkFile("kent.toml", c.text);
        EXPECT_TRUE(mentions(problems, c.expected))
            << c.expected << "\n got: " << (problems.empty() ? "nothing" : problems.front());
    }
    // The shipped files, and a good file of policies, check clean.
    EXPECT_EQ(checkFile("kent.toml", kKentPolicies), std::vector<std::string>{});
    EXPECT_EQ(checkFile("rbwm-nqsw-2027.toml", kNqswFrom2027), std::vector<std::string>{});
}

TEST(PolicyData, AMistakeStopsOnlyWhatItConcerns)
{
    // A mistake in one [[policy]] table of a scheme file stops that policy, not the scheme.
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/kent.toml", R"(name = "KENT"
council = "Kent"
source = "Test"
from = 2020-01-01
[[grade]]
name = "SW"
upper = 20
[bands]
within = "Within band"
above = [{ label = "Above band" }]
[[item]]
code = "CP"
group = "case"
points = 6
label = "Child protection"
[[policy]]
code = "KENT-CIN"
label = "Children in need"
source = "Kent"
lower = 20
upper = 18
[[policy]]
code = "KENT-CP"
label = "Child protection"
source = "Kent"
upper = 12
)"},
                                             {"/packs/essex-policies.toml", R"([[policy]]
code = "ESSEX-CIN"
label = "Children in need"
source = "Essex"
upper = 18
[[amendment]]
from = 2027-01-01
[[amendment.policy]]
code = "LAMING"
upper = 10
[[amendment.policy]]
code = "WALSALL-NQSW"
upper = -1
)"}});
    EXPECT_FALSE(loaded.problems.empty());
    EXPECT_DOUBLE_EQ(points("KENT", "CP"), 6);
    EXPECT_INPUT_ERROR(band("KENT-CIN", 3),
                       "KENT-CIN cannot be used: kent.toml line 16:", "wrong way round");
    EXPECT_DOUBLE_EQ(limit("KENT-CP"), 12);
    // A file of policies with a mistake stops everything it defines or amends.
    EXPECT_INPUT_ERROR(limit("ESSEX-CIN"),
                       "ESSEX-CIN cannot be used: essex-policies.toml line 13:");
    EXPECT_INPUT_ERROR(limit("LAMING"), "LAMING cannot be used: essex-policies.toml line 13:");
    EXPECT_INPUT_ERROR(limit("WALSALL-NQSW"), "cannot be used", "cannot be negative");
    // The others are untouched.
    EXPECT_DOUBLE_EQ(limit("WALSALL-EXPERIENCED"), 15);
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW"), 10);
}

TEST(PolicyData, AFileThatIsNotTomlIsNamedForUnknownCodes)
{
    WithFiles loaded(std::vector<SchemeFile>{{"/packs/medway.toml", "[[policy]\ncode = 3"}});
    EXPECT_INPUT_ERROR(limit("MEDWAY-CIN"), "\"MEDWAY-CIN\" is not a caseload policy",
                       "cannot be read: medway.toml line 1");
    EXPECT_DOUBLE_EQ(limit("LAMING"), 12);
}

TEST(PolicyData, DatesAreChecked)
{
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW@2027-02-30"), "not a real date", "RBWM-NQSW@2027-04-01");
    // A code that is no policy is not repeated raw: it may hold a NUL that would end the
    // sentence early.
    EXPECT_INPUT_ERROR(limit(std::string("NO\0SUCH@2027-02-30", 19)), "not a real date",
                       "POLICY@2027-04-01.");
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW", N(0)), "Date is an empty cell");
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW", S("soon")), "Date must be a date", "\"soon\"");
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW", Err()), "Date cell holds an error");
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW", N(-4)), "between 1900 and 9999");
    EXPECT_INPUT_ERROR(limit("RBWM-NQSW@2027-01-01", day(2027, 1, 1)), "has a date already");
    EXPECT_DOUBLE_EQ(limit("RBWM-NQSW", S("  ")), 10); // blank: today
}

TEST(FullTimeWeek, FromTheSchemeFileElseTheDefault)
{
    using caseweight::detail::findScheme;
    using caseweight::detail::versionOn;
    // NOTTS gives its own week; the others take the default of policies.toml.
    EXPECT_DOUBLE_EQ(caseweight::schemeFullTimeHours("NOTTS"), 37);
    EXPECT_DOUBLE_EQ(caseweight::schemeFullTimeHours("SWINDON"), 37);
    EXPECT_DOUBLE_EQ(caseweight::availablePoints(S("SWINDON"), E(), N(18.5), {}, E()), 175);
    {
        WithFiles loaded(std::vector<SchemeFile>{{"/packs/rbwm-week.toml", R"(amends = "RBWM"
[[amendment]]
from = 2027-04-01
full_time_hours = 36
)"}});
        EXPECT_EQ(loaded.problems, std::vector<std::string>{});
        EXPECT_DOUBLE_EQ(
            caseweight::availablePoints(S("RBWM@2027-04-01"), S("SENIOR"), N(18), {}, E()), 200);
        EXPECT_DOUBLE_EQ(
            caseweight::availablePoints(S("RBWM@2027-03-31"), S("SENIOR"), N(18.5), {}, E()), 200);
        // A given FullTimeHours still wins.
        EXPECT_DOUBLE_EQ(
            caseweight::availablePoints(S("RBWM@2027-04-01"), S("SENIOR"), N(20), {}, N(40)), 200);
    }
    {
        // Without the file of policies, a scheme that gives no week of its own has none.
        const auto files = shipped();
        std::vector<SchemeFile> schemesOnly;
        for (const SchemeFile& f : files)
            if (f.path.find("policies.toml") == std::string::npos)
                schemesOnly.push_back(f);
        WithFiles loaded(schemesOnly, false);
        EXPECT_DOUBLE_EQ(caseweight::availablePoints(S("NOTTS"), E(), N(18.5), {}, E()), 47.5);
        EXPECT_INPUT_ERROR(caseweight::availablePoints(S("SWINDON"), E(), N(18.5), {}, E()),
                           "full-time week of SWINDON is not known", "give FullTimeHours");
        EXPECT_DOUBLE_EQ(caseweight::availablePoints(S("SWINDON"), E(), N(18.5), {}, N(37)), 175);
    }
}
