// SWINDON: Swindon Borough Council caseload weighting scheme (seed 001; SPEC 3.1 and 4).
#include "../arguments.hpp"
#include "../rules.hpp"
#include "../scheme.hpp"

#include <algorithm>

namespace caseweight::detail
{

namespace
{

using namespace table;

// Sheet column tags (stable names; SCHEMEITEMS accepts them as groups):
//   children          CIN, LAC, CP (columns C, D, E of the weighting sheet)
//   cypd              CARE-MANAGED (disabled children's team)
//   leaving-care      CARE-LEAVER
//   family-placements FP-CHILD, FP-CARER and the FP-* modifiers
//   complex, court, assessment, s47, pre-proceedings, travel, task, group-work: the modifiers
//
// ByRule items: CIN (cinSizePoints), CP (cpPoints), ASSESSMENT (assessmentPoints).
constexpr Item kItems[] = {
    // code, points, (further child), basis, repeat, group, column, label
    {"CIN", 10, 0, ByRule, Once, Case, "children",
     "Child in need: basic weight 10 per family; 20 for 4-6 children, 30 for 7 or more"},
    {"LAC", 16, 0, PerChild, Once, Case, "children",
     "Looked after child: basic weight 10 + looked after standard 6, per child"},
    {"CP", 16, 0, ByRule, Once, Case, "children",
     "Child protection plan: basic 10 + CP standard 6 per child (basic capped at 30 for siblings)"},
    {"CARE-MANAGED", 5, 0, PerRow, Once, Case, "cypd",
     "Care-managed case (disabled children's team): 5"},
    {"CARE-LEAVER", 10, 0, PerChild, Once, Case, "leaving-care",
     "Leaving care: basic weight 10 per young person (use LAC while still looked after)"},
    {"FP-CHILD", 10, 0, PerChild, Once, Case, "family-placements",
     "Family placements: 10 per child placed with the carer"},
    {"FP-CARER", 10, 0, PerRow, Once, Case, "family-placements",
     "Family placements: carer household without a full-time placement, 10"},

    {"COMPLEX", 4, 0, PerChild, Once, Mod, "complex",
     "Complex case: +4 per child (looked after or child protection only)"},
    {"COURT", 5, 0, PerRow, Once, Mod, "court", "Family in proceedings, settled: 5"},
    {"COURT-ACTIVE", 10, 0, PerRow, Once, Mod, "court",
     "Initial proceedings, court papers or final hearing: 10"},
    {"ASSESSMENT", 10, 0, ByRule, Once, Mod, "assessment",
     "Single assessment (about 40 days): 10 per child for LAC/CP, 10 per family otherwise"},
    {"S47", 10, 0, PerRow, Once, Mod, "s47", "Section 47 enquiry, referral to conference: 10"},
    {"PRE-PROCEEDINGS", 4, 0, PerRow, Once, Mod, "pre-proceedings", "Pre-proceedings (PLO): 4"},
    {"TRAVEL-NEAR", 4, 0, PerRow, Once, Mod, "travel", "Travel to neighbouring areas: 4"},
    {"TRAVEL-1-2H", 6, 0, PerRow, Once, Mod, "travel", "Travel of 1-2 hours each way: 6"},
    {"TRAVEL-2H", 10, 0, PerRow, Once, Mod, "travel", "Travel of over 2 hours each way: 10"},
    {"TASK", 5, 0, PerRow, May, Mod, "task",
     "Time-limited specific task (life story work, supervised contact, s7 report ...): 5 each"},
    {"GROUP", 10, 0, PerRow, Once, Mod, "group-work", "Approved group work or special project: 10"},
    {"FP-ASSESSMENT", 5, 0, PerRow, Once, Mod, "family-placements",
     "Family placements assessment: 5"},
    {"FP-ASSESSMENT-COMPLEX", 10, 0, PerRow, Once, Mod, "family-placements",
     "Family placements assessment, complex (e.g. Form F): 10"},
    {"FP-REVIEW", 5, 0, PerRow, Once, Mod, "family-placements",
     "Family placements review, report: 5"},
    {"FP-REVIEW-ATTEND", 10, 0, PerRow, Once, Mod, "family-placements",
     "Family placements review, report and attendance: 10"},
    {"FP-SUPPORT", 5, 0, PerRow, Once, Mod, "family-placements", "Family placements support: 5"},
    {"FP-SUPPORT-COMPLEX", 10, 0, PerRow, Once, Mod, "family-placements",
     "Family placements support, complex: 10"},
    {"FP-TASK", 5, 0, PerRow, Once, Mod, "family-placements", "Family placements task: 5"},
    {"FP-TASK-COMPLEX", 10, 0, PerRow, Once, Mod, "family-placements",
     "Family placements task, complex: 10"},
    {"FP-GROUP-SHORT", 5, 0, PerRow, Once, Mod, "family-placements",
     "Family placements group work, under half a day a month: 5"},
    {"FP-GROUP", 10, 0, PerRow, Once, Mod, "family-placements", "Family placements group work: 10"},

    {"HIGHER-SPECIALIST", 50, 0, PerRow, Once, Worker, "",
     "Higher specialist actively carrying out principal social worker tasks: 50"},
};

// CIN basic weight by family size.
constexpr double kCinBasic = 10;
constexpr double kCinBasicFourToSix = 20;
constexpr double kCinBasicSevenOrMore = 30;
// CP: basic weight per child, its cap for a sibling group, CP standard per child.
constexpr double kCpBasic = 10;
constexpr double kCpBasicCap = 30;
constexpr double kCpStandard = 6;

// Grades and bands at full time (NQSW: "very broadly 300", no lower bound).
constexpr Grade kGrades[] = {
    {"NQSW", 0, 300},
    {"EXPERIENCED", 330, 350},
    {"HIGHER-SPECIALIST", 350, 400},
};

} // namespace

namespace swindon
{

double cinSizePoints(int children)
{
    if (children >= 7)
        return kCinBasicSevenOrMore;
    if (children >= 4)
        return kCinBasicFourToSix;
    return kCinBasic;
}

double cpSiblingBasicCap(int children)
{
    return std::min(kCpBasic * children, kCpBasicCap);
}

double cpPoints(int children)
{
    return cpSiblingBasicCap(children) + kCpStandard * children;
}

double assessmentPoints(const Row& row)
{
    if (!row.has("ASSESSMENT"))
        return 0.0;
    const double points = itemOf(*row.scheme, "ASSESSMENT").points;
    return (row.has("LAC") || row.has("CP")) ? points * row.children : points;
}

bool isGroupWorkOnly(const Row& row)
{
    return row.count("GROUP") == 1 && row.total() == 1;
}

void exactlyOneCaseType(const Row& row)
{
    const unsigned n = row.countIn(Group::Case);
    if (n > 1)
        fail("A SWINDON row has one case type; this row has " + row.codesIn(Group::Case) +
             ". Split the row: one row for each case type.");
    if (n == 0 && row.total() > 0 && !isGroupWorkOnly(row))
        fail("A SWINDON row needs one case type (CIN, LAC, CP, ...) besides its other items: "
             "add it.");
}

void complexOnlyWithLacOrCp(const Row& row)
{
    onlyWith(row, "COMPLEX", {"LAC", "CP"}, "LAC or CP");
}

double rowPoints(const Row& row)
{
    exactlyOneCaseType(row);
    complexOnlyWithLacOrCp(row);
    atMostOneOf(row, {"COURT", "COURT-ACTIVE"}, "court code");
    atMostOneOf(row, {"TRAVEL-NEAR", "TRAVEL-1-2H", "TRAVEL-2H"}, "travel code");
    double points = tablePoints(row);
    if (row.has("CIN"))
        points += cinSizePoints(row.children);
    if (row.has("CP"))
        points += cpPoints(row.children);
    points += assessmentPoints(row);
    return points;
}

double workerElement(const Row& row, double)
{
    return tablePoints(row);
}

} // namespace swindon

const Scheme kSwindon = {
    "SWINDON",
    "a",
    {},
    kItems,
    kGrades,
    "EXPERIENCED",
    false,
    false,
    swindon::rowPoints,
    swindon::workerElement,
    noWorkloadWeight,
    limitBand,
    capacityAtTop,
};

} // namespace caseweight::detail
