// RBWM: Royal Borough of Windsor and Maidenhead caseload weighting scheme (seed 001,
// Appendix 1 and 2; SPEC 3.2 and 4).
#include "../arguments.hpp"
#include "../rules.hpp"
#include "../scheme.hpp"

namespace caseweight::detail
{

namespace
{

using namespace table;

// Sheet column tags (stable names; SCHEMEITEMS accepts them as groups):
//   complex          COMPLEX
//   assessment       SINGLE-ASSESSMENT, OTHER-ASSESSMENT
//   s47              S47
//   pre-proceedings  PRE-PROCEEDINGS
//   court            COURT, COURT-COMPLEX, DIRECTIONS, FINAL-HEARING
//   report           REPORT
//   fostering        FAMILY-FINDING, PANEL, PRIVATE-FOSTERING
//   travel           TRAVEL-NEAR, TRAVEL-1-2H, TRAVEL-2H
//   task             FYW, CONTACT
// The case types have no column of their own (RBWM has no basic column).
//
// ByRule items: COMPLEX (complexPoints), SINGLE-ASSESSMENT (singleAssessmentPoints).
// RBWM has no worker items.
constexpr Item kItems[] = {
    // code, points, (further child), basis, repeat, group, column, label
    {"CIN", 10, 0, PerRow, Once, Case, "", "Child in need: 10 per family"},
    {"CIC", 6, 0, PerChild, Once, Case, "", "Child in care, standard: 6 per child"},
    {"CARE-LEAVER", 6, 0, PerChild, Once, Case, "", "Care leaver: 6 per young person"},
    {"FOSTER-CARER", 6, 0, PerRow, Once, Case, "", "Foster carer: 6"},
    {"CP", 6, 0, PerChild, Once, Case, "", "Child protection, standard: 6 per child"},

    {"COMPLEX", 4, 0, ByRule, Once, Mod, "complex",
     "Complex: +4 per child (CIC, care leaver, CP); +4 for a foster carer"},
    {"SINGLE-ASSESSMENT", 10, 0, ByRule, Once, Mod, "assessment",
     "Single assessment (35 days): 10 per child for CIC/CP, 10 per family for CIN"},
    {"S47", 10, 0, PerRow, Once, Mod, "s47", "Section 47 enquiry: 10"},
    {"PRE-PROCEEDINGS", 5, 0, PerRow, Once, Mod, "pre-proceedings",
     "Pre-proceedings / initial statement: 5"},
    {"COURT", 3, 0, PerRow, Once, Mod, "court", "In court, ongoing: +3"},
    {"COURT-COMPLEX", 5, 0, PerRow, Once, Mod, "court", "Complex court issues: +5"},
    {"DIRECTIONS", 10, 0, PerRow, Once, Mod, "court",
     "Exceptionally demanding directions appointments: 10"},
    {"FINAL-HEARING", 3, 0, PerRow, Once, Mod, "court", "Final hearing: +3"},
    {"OTHER-ASSESSMENT", 10, 0, PerChild, May, Mod, "assessment",
     "Other assessment (parenting, connected persons ...): 10 per child each"},
    {"REPORT", 10, 0, PerChild, May, Mod, "report",
     "Report (CPR, Annex B, Form F, SGO, s7/s37, court statement, care plan): 10 per child"},
    {"FAMILY-FINDING", 3, 0, PerRow, Once, Mod, "fostering", "Family finding: 3"},
    {"PANEL", 3, 0, PerRow, Once, Mod, "fostering", "Panel: 3"},
    {"PRIVATE-FOSTERING", 3, 0, PerRow, Once, Mod, "fostering", "Private fostering: 3"},
    {"TRAVEL-NEAR", 4, 0, PerRow, Once, Mod, "travel", "Travel to neighbouring areas: 4"},
    {"TRAVEL-1-2H", 6, 0, PerRow, Once, Mod, "travel", "Travel of 1-2 hours each way: 6"},
    {"TRAVEL-2H", 10, 0, PerRow, Once, Mod, "travel", "Travel of over 2 hours each way: 10"},
    {"FYW", 5, 0, PerRow, Once, Mod, "task", "Family and youth worker, time-limited task: 5"},
    {"CONTACT", 5, 0, PerRow, Once, Mod, "task", "Supervising contact in person: 5"},
};

// Grades and bands at full time (the scheme says teams may amend these).
constexpr Grade kGrades[] = {
    {"NQSW", 220, 250},
    {"EXPERIENCED", 330, 350},
    {"SENIOR", 350, 400},
};

constexpr std::string_view kAliases[] = {"WINDSOR AND MAIDENHEAD"};

} // namespace

namespace rbwm
{

void atMostOneCaseType(const Row& row)
{
    if (row.countIn(Group::Case) > 1)
        fail("An RBWM row has at most one case type; this row has " + row.codesIn(Group::Case) +
             ". Split the row: one row for each case type.");
}

void complexOnlyWithEligibleCaseType(const Row& row)
{
    onlyWith(row, "COMPLEX", {"CIC", "CARE-LEAVER", "FOSTER-CARER", "CP"},
             "CIC, CARE-LEAVER, FOSTER-CARER or CP");
}

double complexPoints(const Row& row)
{
    if (!row.has("COMPLEX"))
        return 0.0;
    const double points = itemOf(*row.scheme, "COMPLEX").points;
    return row.has("FOSTER-CARER") ? points : points * row.children;
}

double singleAssessmentPoints(const Row& row)
{
    if (!row.has("SINGLE-ASSESSMENT"))
        return 0.0;
    const double points = itemOf(*row.scheme, "SINGLE-ASSESSMENT").points;
    return (row.has("CIC") || row.has("CP")) ? points * row.children : points;
}

double rowPoints(const Row& row)
{
    atMostOneCaseType(row);
    complexOnlyWithEligibleCaseType(row);
    atMostOneOf(row, {"TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"}, "travel code");
    return tablePoints(row) + complexPoints(row) + singleAssessmentPoints(row);
}

double workerElement(const Row&, double)
{
    return 0.0;
}

} // namespace rbwm

const Scheme kRbwm = {
    "RBWM",           "an",      kAliases,      kItems,          kGrades,
    "EXPERIENCED",    false,     false,         rbwm::rowPoints, rbwm::workerElement,
    noWorkloadWeight, limitBand, capacityAtTop,
};

} // namespace caseweight::detail
