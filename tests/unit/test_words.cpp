// A scheme's points and bands in words: POINTSTEXT and BANDTEXT, as the templates' headings
// have written them (python/caseweight/schemes.py points_text, short_points, points_list;
// templates/cwtemplate.py within_text, grades_note), for each version of a scheme.
#include "test_support.hpp"
#include "words.hpp"

using namespace cwtest;
using caseweight::bandText;
using caseweight::pointsText;
using caseweight::schemeText;
using caseweight::detail::numberText;

namespace
{

std::string words(const std::string& scheme, const std::string& codes, Value form = E())
{
    return pointsText(S(scheme), cell(codes), form);
}

std::string band(const std::string& scheme, Value grade = E())
{
    return bandText(S(scheme), grade);
}

std::string text(const std::string& scheme, const std::string& marked)
{
    return schemeText(S(scheme), S(marked), E());
}

// RBWM amended from 2027-04-01: COURT 3 -> 5, NQSW's band 220-250 -> 220-260, and a new item.
const char* const kAmendment = R"(amends = "RBWM"
[[amendment]]
from = 2027-04-01
note = "Court points amended"
[[amendment.item]]
code = "COURT"
points = 5
[[amendment.item]]
code = "FAMILY-MEETING"
group = "modifier"
column = "fostering"
points = 2
label = "Family group meeting arranged"
[[amendment.grade]]
name = "NQSW"
upper = 260
)";

} // namespace

TEST(Words, NumbersAsTheHeadingsWriteThem)
{
    EXPECT_EQ(numberText(6), "6");
    EXPECT_EQ(numberText(7.5), "7.5");
    EXPECT_EQ(numberText(0.5), "0.5");
    EXPECT_EQ(numberText(0), "0");
    EXPECT_EQ(numberText(-0.0), "0");
    EXPECT_EQ(numberText(300), "300");
    EXPECT_EQ(numberText(1234567), "1234567");
    EXPECT_EQ(numberText(1.0 / 3.0), "0.333333"); // six significant digits, as Python's %g
    EXPECT_EQ(numberText(1234567.5), "1.23457e+06");
}

TEST(PointsTextFunction, OneCodeInWords)
{
    EXPECT_EQ(words("SWINDON", "TRAVEL-2H"), "10");
    EXPECT_EQ(words("RBWM", "COMPLEX"), "4 per child");
    EXPECT_EQ(words("SWINDON", "LAC"), "basic 10 + 6 per child");
    EXPECT_EQ(words("SWINDON", "CP"), "basic 10 + 6 per child (basic at most 30)");
    EXPECT_EQ(words("NOTTS", "PQ"), "7.5");
    EXPECT_EQ(words("SWINDON", "ASSESSMENT"), "10 (per child with LAC or CP)");
    EXPECT_EQ(words("RBWM", "SINGLE-ASSESSMENT"), "10 (per child with CIC or CP)");
    EXPECT_EQ(words("NOTTS", "S47-ICPC"), "15 first child, 2 each further child");
    EXPECT_EQ(words("NOTTS", "S47"), "8 first child, 2 each further child");
    EXPECT_EQ(words("NOTTS", "PF"), "1 first child, 0 each further child");
    EXPECT_EQ(words("NOTTS", "TC-LAC-NEW"), "10 first child, 6 each further child");
    EXPECT_EQ(words("SWINDON", "CIN"), "10 a family (4-6 children 20, 7+ 30)");
    EXPECT_EQ(words("WARRINGTON", "CIN"), "2 a family (3-6 children 3, 7+ 4)");
    EXPECT_EQ(words("RBWM", "REPORT"), "10 per child each time");
    EXPECT_EQ(words("SWINDON", "TASK"), "5 each time");
    EXPECT_EQ(words("SWINDON", "HIGHER-SPECIALIST"), "50"); // a worker item too
    // Codes in any case and with spaces, as the other functions take them.
    EXPECT_EQ(words("swindon", " cp "), "basic 10 + 6 per child (basic at most 30)");
}

TEST(PointsTextFunction, ShortFormIsThePointsAlone)
{
    EXPECT_EQ(words("SWINDON", "CP", S("short")), "6");
    EXPECT_EQ(words("SWINDON", "CP", S(" SHORT ")), "6");
    EXPECT_EQ(words("SWINDON", "LAC", S("Short")), "6");
    EXPECT_EQ(words("SWINDON", "COURT-ACTIVE", S("short")), "10");
    EXPECT_EQ(words("NOTTS", "S47-ICPC", S("short")), "15");
    EXPECT_EQ(words("RBWM", "REPORT", S("short")), "10");
    // A family-size item has no one number: its words.
    EXPECT_EQ(words("SWINDON", "CIN", S("short")), "10 a family (4-6 children 20, 7+ 30)");
}

TEST(PointsTextFunction, SeveralCodesGiveTheirDistinctPoints)
{
    EXPECT_EQ(words("SWINDON", "TRAVEL-NEAR;TRAVEL-1-2H;TRAVEL-2H"), "4, 6 or 10");
    EXPECT_EQ(words("SWINDON", "COURT, COURT-ACTIVE"), "5 or 10");
    EXPECT_EQ(words("SWINDON", "TASK;COURT"), "5");
    EXPECT_EQ(words("SWINDON", "CP;LAC"), "6");
    EXPECT_EQ(words("WARRINGTON", "ASSESS-LOW;ASSESS-MEDIUM;ASSESS-HIGH"), "1, 2 or 3");
    EXPECT_EQ(words("SWINDON", "COURT;COURT-ACTIVE", S("short")), "5 or 10");
    // A repeated code is two codes: their list, not the one code's words.
    EXPECT_EQ(words("SWINDON", "TASK;TASK"), "5");
    // A range of cells, empty cells ignored, each cell possibly holding several codes.
    EXPECT_EQ(pointsText(S("SWINDON"), {S("TRAVEL-NEAR"), E(), S("TRAVEL-1-2H; TRAVEL-2H")}, E()),
              "4, 6 or 10");
    EXPECT_EQ(pointsText(S("SWINDON"), {E(), S("CP"), E()}, E()),
              "basic 10 + 6 per child (basic at most 30)");
    // An empty Form cell arrives as 0: the words.
    EXPECT_EQ(words("SWINDON", "CP", N(0)), "basic 10 + 6 per child (basic at most 30)");
}

TEST(PointsTextFunction, RefusesWhatIsNotAnItemOrAForm)
{
    EXPECT_INPUT_ERROR(words("SWINDON", "XYZ"), "XYZ", "SWINDON item code");
    EXPECT_INPUT_ERROR(words("SWINDON", "S17-ASSESSMENT"), "NOTTS code");
    EXPECT_INPUT_ERROR(words("SWINDON", "CP;XYZ"), "XYZ");
    EXPECT_INPUT_ERROR(words("KENT", "CP"), "KENT", "not a scheme");
    EXPECT_INPUT_ERROR(words("", "CP"), "scheme is missing");
    EXPECT_INPUT_ERROR(words("SWINDON", ""), "codes are missing");
    EXPECT_INPUT_ERROR(words("SWINDON", " ; "), "codes are missing");
    EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), {N(0)}, E()), "codes are missing");
    EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), {E(), E()}, E()), "codes are missing");
    EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), {N(6)}, E()), "number 6");
    EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), {S("CP"), Err()}, E()), "error");
    EXPECT_INPUT_ERROR(words("SWINDON", "CP", S("long")), "Form", "\"long\"", "short");
    EXPECT_INPUT_ERROR(words("SWINDON", "CP", N(3)), "Form", "3");
    EXPECT_INPUT_ERROR(words("SWINDON", "CP", Err()), "Form cell holds an error");
}

TEST(BandTextFunction, AGradesBandInWords)
{
    EXPECT_EQ(band("SWINDON"), "330 to 350 points");       // the default grade, EXPERIENCED
    EXPECT_EQ(band("SWINDON", N(0)), "330 to 350 points"); // an empty cell
    EXPECT_EQ(band("SWINDON", S("  ")), "330 to 350 points");
    EXPECT_EQ(band("SWINDON", S("NQSW")), "up to 300 points");
    EXPECT_EQ(band("SWINDON", S("higher-specialist")), "350 to 400 points");
    EXPECT_EQ(band("RBWM", S("NQSW")), "220 to 250 points");
    EXPECT_EQ(band("WARRINGTON", S("ASYE")), "up to 90 points");
    // NOTTS bands ignore the grade: one band, whatever the grade.
    EXPECT_EQ(band("NOTTS"), "75 to 95 points");
    EXPECT_EQ(band("NOTTS", S("NQSW")), "75 to 95 points");
}

TEST(BandTextFunction, StarGivesEveryGradeAndTheDefault)
{
    EXPECT_EQ(band("SWINDON", S("*")),
              "NQSW: up to 300 points; EXPERIENCED: 330 to 350 points; HIGHER-SPECIALIST: 350 "
              "to 400 points. Empty means EXPERIENCED.");
    EXPECT_EQ(band("RBWM", S(" * ")),
              "NQSW: 220 to 250 points; EXPERIENCED: 330 to 350 points; SENIOR: 350 to 400 "
              "points. Empty means EXPERIENCED.");
    EXPECT_EQ(band("WARRINGTON", S("*")),
              "PRACTITIONER: up to 100 points; ASYE: up to 90 points; STUDENT: up to 60 points. "
              "Empty means PRACTITIONER.");
    EXPECT_EQ(band("NOTTS", S("*")), "75 to 95 points");
}

TEST(BandTextFunction, RefusesAGradeWithoutABand)
{
    EXPECT_INPUT_ERROR(band("SWINDON", S("BOSS")), "\"BOSS\" is not a SWINDON grade");
    EXPECT_INPUT_ERROR(band("SWINDON", S("BASIC")), "BASIC is not a grade SWINDON bands");
    EXPECT_INPUT_ERROR(band("SWINDON", S("**")), "\"**\" is not a SWINDON grade");
    EXPECT_INPUT_ERROR(band("SWINDON", N(3)), "grade must be a name");
    EXPECT_INPUT_ERROR(band("SWINDON", Err()), "Grade cell holds an error");
    EXPECT_INPUT_ERROR(band("KENT"), "not a scheme");
}

TEST(WordsOfAVersion, AnAmendmentChangesTheWordsFromItsDateOnly)
{
    WithFiles loaded(std::vector<caseweight::SchemeFile>{{"/packs/rbwm-court.toml", kAmendment}});
    ASSERT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_EQ(words("RBWM@2027-03-31", "COURT"), "3");
    EXPECT_EQ(words("RBWM@2027-04-01", "COURT"), "5");
    EXPECT_EQ(words("RBWM@2027-03-31", "COURT;COURT-COMPLEX;FINAL-HEARING"), "3 or 5");
    EXPECT_EQ(words("RBWM@2027-04-01", "COURT;COURT-COMPLEX;FINAL-HEARING"), "5 or 3");
    EXPECT_EQ(pointsText(S(caseweight::schemeAt(S("RBWM"), N(46477))), cell("COURT"), E()), "3");
    EXPECT_EQ(pointsText(S(caseweight::schemeAt(S("RBWM"), N(46478))), cell("COURT"), E()), "5");
    EXPECT_EQ(band("RBWM@2027-03-31", S("NQSW")), "220 to 250 points");
    EXPECT_EQ(band("RBWM@2027-04-01", S("NQSW")), "220 to 260 points");
    EXPECT_EQ(band("RBWM@2027-04-01", S("*")),
              "NQSW: 220 to 260 points; EXPERIENCED: 330 to 350 points; SENIOR: 350 to 400 "
              "points. Empty means EXPERIENCED.");
    // An item the amendment adds is in force from its date only.
    EXPECT_EQ(words("RBWM@2027-04-01", "FAMILY-MEETING"), "2");
    EXPECT_INPUT_ERROR(words("RBWM@2027-03-31", "FAMILY-MEETING"),
                       "\"FAMILY-MEETING\" is an RBWM code only from 2027-04-01 on",
                       "the one from 2014-01-01");
    EXPECT_INPUT_ERROR(words("RBWM@2027-03-31", "COURT;FAMILY-MEETING"), "only from 2027-04-01");
    // The same sentence where a case row names it.
    EXPECT_INPUT_ERROR(points("RBWM@2027-03-31", "CP;FAMILY-MEETING"), "only from 2027-04-01");
    EXPECT_DOUBLE_EQ(points("RBWM@2027-04-01", "CP;FAMILY-MEETING"), 8);
}

// SCHEMETEXT: a heading as the scheme file writes it, markers worded; one marker each.

TEST(SchemeTextFunction, PointsMarkerIsPointsText)
{
    EXPECT_EQ(text("SWINDON", "Child protection\n{points:CP}"),
              "Child protection\nbasic 10 + 6 per child (basic at most 30)");
    EXPECT_EQ(text("SWINDON", "Travel {points:TRAVEL-NEAR TRAVEL-1-2H,TRAVEL-2H}"),
              "Travel 4, 6 or 10");
    EXPECT_EQ(text("SWINDON", "{points: cp ; lac }"), "6");
}

TEST(SchemeTextFunction, ShortLabelAndBandMarkers)
{
    EXPECT_EQ(text("SWINDON", "with COMPLEX +{short:COMPLEX}"), "with COMPLEX +4");
    EXPECT_EQ(text("SWINDON", "{short:CP}"), "6");
    EXPECT_EQ(text("NOTTS", "{label:PQ}"), schemeText(S("NOTTS"), S("{label:PQ}"), N(0)));
    EXPECT_EQ(text("NOTTS", "{label:PQ}"), caseweight::itemLabel(S("NOTTS"), S("PQ")));
    EXPECT_EQ(text("SWINDON", "NQSW {band:NQSW}; usual {band:}"),
              "NQSW up to 300 points; usual 330 to 350 points");
    EXPECT_EQ(text("WARRINGTON", "{band:*}"), band("WARRINGTON", S("*")));
}

TEST(SchemeTextFunction, NumbersOfTheSchemesFile)
{
    EXPECT_EQ(text("NOTTS", "at most {most:additional} additional items"),
              "at most 2 additional items");
    EXPECT_EQ(text("NOTTS", "hours worked / {full_time_hours}"), "hours worked / 37");
    EXPECT_EQ(text("WARRINGTON", "1 per whole {one_point_per} case points"),
              "1 per whole 10 case points");
    EXPECT_EQ(text("NOTTS", "{hours_points} point an hour"), "0.5 point an hour");
    EXPECT_DOUBLE_EQ(caseweight::workerPoints(S("NOTTS"), {E()}, N(1)), 0.5);
}

TEST(SchemeTextFunction, OtherBracesAndPlainTextAreKept)
{
    EXPECT_EQ(text("SWINDON", "no markers"), "no markers");
    EXPECT_EQ(text("SWINDON", ""), "");
    EXPECT_EQ(text("SWINDON", "{} {CP} {see note} {x {short:CP}} {"), "{} {CP} {see note} {x 6} {");
    EXPECT_EQ(text("SWINDON", "}{short:CP}}"), "}6}");
    EXPECT_EQ(schemeText(S("SWINDON"), E(), E()), "");
    EXPECT_EQ(schemeText(S("SWINDON"), N(7.5), E()), "7.5");
}

TEST(SchemeTextFunction, RefusesAMarkerItCannotWord)
{
    EXPECT_INPUT_ERROR(text("SWINDON", "{point:CP}"), "\"{point:CP}\" is not a marker",
                       "{points:...}");
    EXPECT_INPUT_ERROR(text("SWINDON", "{points:XYZ}"), "XYZ", "SWINDON item code");
    EXPECT_INPUT_ERROR(text("SWINDON", "{points:}"), "codes are missing");
    EXPECT_INPUT_ERROR(text("SWINDON", "{short:CP LAC}"), "names one item code");
    EXPECT_INPUT_ERROR(text("SWINDON", "{label:}"), "names one item code");
    EXPECT_INPUT_ERROR(text("SWINDON", "{band:BOSS}"), "\"BOSS\" is not a SWINDON grade");
    EXPECT_INPUT_ERROR(text("SWINDON", "{most:case}"), "no at-most rule");
    EXPECT_INPUT_ERROR(text("SWINDON", "{hours_points:3}"), "is written {hours_points}");
    EXPECT_INPUT_ERROR(text("SWINDON", "{points}"), "is written {points:...}");
    EXPECT_INPUT_ERROR(text("SWINDON", "{hours_points}"), "does not score hours");
    EXPECT_INPUT_ERROR(text("SWINDON", "{one_point_per}"), "no workload points");
    EXPECT_INPUT_ERROR(schemeText(S("SWINDON"), Err(), E()), "Text cell holds an error");
    EXPECT_INPUT_ERROR(text("KENT", "x"), "not a scheme");
}

TEST(SchemeTextFunction, FollowsTheSheetsVersion)
{
    WithFiles loaded(std::vector<caseweight::SchemeFile>{{"/packs/rbwm-court.toml", kAmendment}});
    ASSERT_EQ(loaded.problems, std::vector<std::string>{});
    EXPECT_EQ(text("RBWM@2027-03-31", "Court: ongoing +{short:COURT}"), "Court: ongoing +3");
    EXPECT_EQ(text("RBWM@2027-04-01", "Court: ongoing +{short:COURT}"), "Court: ongoing +5");
    EXPECT_EQ(text("RBWM@2027-04-01", "NQSW {band:NQSW}"), "NQSW 220 to 260 points");
    EXPECT_INPUT_ERROR(text("RBWM@2027-03-31", "{label:FAMILY-MEETING}"), "only from 2027-04-01");
    // The sheet's date as the Date argument: the same as SCHEMEAT (46477 is 2027-03-31).
    EXPECT_EQ(schemeText(S("RBWM"), S("+{short:COURT}"), N(46477)), "+3");
    EXPECT_EQ(schemeText(S("RBWM"), S("+{short:COURT}"), N(46478)), "+5");
    EXPECT_EQ(schemeText(S("RBWM"), S("+{short:COURT}"), N(46478.75)), "+5");
    EXPECT_EQ(schemeText(S("RBWM"), S("+{short:COURT}"), N(0)), text("RBWM", "+{short:COURT}"));
    EXPECT_INPUT_ERROR(schemeText(S("RBWM"), S("x"), S("soon")), "not the text \"soon\"");
    EXPECT_INPUT_ERROR(schemeText(S("RBWM"), S("x"), Err()), "date cell holds an error");
    EXPECT_INPUT_ERROR(schemeText(S("RBWM"), S("x"), N(-3)), "between 1900 and 9999");
}
