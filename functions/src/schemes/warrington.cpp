// WARRINGTON: Warrington workload management scheme, February 2014 (seed 001; SPEC 3.4).
#include "../arguments.hpp"
#include "../rules.hpp"
#include "../scheme.hpp"

#include <algorithm>
#include <cmath>

namespace caseweight::detail
{

namespace
{

using namespace table;

// Sheet column tags (stable names; SCHEMEITEMS accepts them as groups):
//   status      NEW, TRANSFER, CLOSING
//   assessment  ASSESS-LOW, ASSESS-MEDIUM, ASSESS-HIGH
//   travel      TRAVEL-1H
//
// Decision (SPEC 3.4): where the scheme's text and its weighting table disagree (transfer
// 1 vs 2, PQ 5 vs 10, ABE 1 vs 2), the table wins.
//
// ByRule items: CIN (cinCasePoints), NEW (newAllocationPoints), TRANSFER (transferPoints),
// CLOSING (closingReplacesAllPoints), ASSESS-* (assessmentPoints, which uses their points).
// On household rows "per child" counts Children (default 1).
constexpr Item kItems[] = {
    // code, points, (further child), basis, repeat, group, column, label
    {"CP", 3, 0, PerChild, Once, Case, "",
     "Child protection: 2 allocated + 1 statutory, per child"},
    {"CIC", 3, 0, PerChild, Once, Case, "",
     "Child in care (incl. short breaks): 2 allocated + 1 statutory, per child"},
    {"PRIVATE-FOSTERING", 3, 0, PerChild, Once, Case, "",
     "Private fostering: 2 allocated + 1 statutory, per child"},
    {"FOSTERING-HOUSEHOLD", 2, 0, PerRow, Once, Case, "", "Fostering household in assessment: 2"},
    {"APPROVED-HOUSEHOLD", 3, 0, PerRow, Once, Case, "",
     "Approved fostering household: 2 allocated + 1 statutory"},
    {"CIN", 2, 0, ByRule, Once, Case, "",
     "Child in need: 2 per family of 1-2 children, 3 for 3-6, 4 for 7 or more"},

    {"NEW", 1, 0, ByRule, Once, Mod, "status",
     "Newly allocated this month: +1 per child (CIN: +1 per group)"},
    {"TRANSFER", 2, 0, ByRule, Once, Mod, "status",
     "To be transferred this month: +2 per child (CIN: +1 per group)"},
    {"CLOSING", 1, 0, ByRule, Once, Mod, "status",
     "To be closed this month: 1 per child (CIN: 1 per group) instead of all other points"},
    {"ASSESS-LOW", 1, 0, ByRule, May, Mod, "assessment",
     "Assessment, low: 1 each (CIN: per group, at most 3 in all)"},
    {"ASSESS-MEDIUM", 2, 0, ByRule, May, Mod, "assessment",
     "Assessment, medium: 2 each (CIN: per group, at most 3 in all)"},
    {"ASSESS-HIGH", 3, 0, ByRule, May, Mod, "assessment",
     "Assessment, high: 3 each (CIN: per group, at most 3 in all)"},
    {"TRAVEL-1H", 1, 0, PerRow, Once, Mod, "travel",
     "Child placed or foster family over an hour away each way: +1"},

    // Extra responsibilities, added to the stable element.
    {"PRACTICE-TEACHING", 10, 0, PerRow, Once, Worker, "", "Practice teaching: 10"},
    {"PQ", 10, 0, PerRow, Once, Worker, "", "Post-qualifying award: 10"},
    {"LONG-ARM", 5, 0, PerRow, Once, Worker, "", "Long arm practice teaching: 5"},
    {"PANEL-MEMBER", 5, 0, PerRow, Once, Worker, "", "Panel member: 5"},
    {"INFO-MEETING", 5, 0, PerRow, May, Worker, "", "Information meeting: 5 per meeting held"},
    {"SKILLS-TO-FOSTER", 15, 0, PerRow, Once, Worker, "", "Skills to foster training: 15"},
    {"ABE", 2, 0, PerRow, May, Worker, "", "Achieving best evidence interview: 2 per case"},
    {"MENTORING", 5, 0, PerRow, Once, Worker, "", "Mentoring: 5"},
    {"GROUP-WORK", 5, 0, PerRow, Once, Worker, "", "Group work: 5"},
};

// CIN size groups by number of children.
constexpr int kCinOneGroupUpTo = 2;
constexpr int kCinTwoGroupsUpTo = 6;
// CIN: 1 point for the family + 1 per size group.
constexpr double kCinFamilyPoint = 1;
// NEW and TRANSFER on a CIN row: +1 per group.
constexpr double kCinStatusPerGroup = 1;
// CIN rows: assessment points per group are capped in all.
constexpr double kCinAssessmentCap = 3;
// Workload weight: 1 point per whole this many case points.
constexpr double kCasePointsPerWeightPoint = 10;

// Capacity at full time, scaled by FTE (lower limit unused).
constexpr Grade kGrades[] = {
    {"PRACTITIONER", 0, 100},
    {"ASYE", 0, 90},
    {"STUDENT", 0, 60},
};

} // namespace

namespace warrington
{

int cinSizeGroups(int children)
{
    if (children <= kCinOneGroupUpTo)
        return 1;
    if (children <= kCinTwoGroupsUpTo)
        return 2;
    return 3;
}

double cinCasePoints(int groups)
{
    return kCinFamilyPoint + groups;
}

int perChildUnits(const Row& row)
{
    return row.has("CIN") ? cinSizeGroups(row.children) : row.children;
}

double newAllocationPoints(const Row& row)
{
    if (!row.has("NEW"))
        return 0.0;
    if (row.has("CIN"))
        return kCinStatusPerGroup * cinSizeGroups(row.children);
    return itemOf(*row.scheme, "NEW").points * row.children;
}

double transferPoints(const Row& row)
{
    if (!row.has("TRANSFER"))
        return 0.0;
    if (row.has("CIN"))
        return kCinStatusPerGroup * cinSizeGroups(row.children);
    return itemOf(*row.scheme, "TRANSFER").points * row.children;
}

double cinAssessmentCap(double assessmentSum, int groups)
{
    return std::min(assessmentSum * groups, kCinAssessmentCap);
}

double assessmentPoints(const Row& row)
{
    double sum = 0.0;
    for (std::string_view code : {"ASSESS-LOW", "ASSESS-MEDIUM", "ASSESS-HIGH"})
        sum += row.count(code) * itemOf(*row.scheme, code).points;
    if (row.has("CIN"))
        return cinAssessmentCap(sum, cinSizeGroups(row.children));
    return sum;
}

void exactlyOneCaseType(const Row& row)
{
    const unsigned n = row.countIn(Group::Case);
    if (n > 1)
        fail("A WARRINGTON row has one case type; this row has " + row.codesIn(Group::Case) +
             ". Split the row: one row for each case type.");
    if (n == 0 && row.total() > 0)
        fail("A WARRINGTON row needs one case type (CP, CIC, CIN, ...) besides its other items: "
             "add it.");
}

void closingWithCaseTypeOnly(const Row& row)
{
    if (row.has("CLOSING") && row.total() > row.countIn(Group::Case) + row.count("CLOSING"))
        fail("WARRINGTON scores a CLOSING row 1 per child instead of its other points; give "
             "CLOSING with the case type only.");
}

double closingReplacesAllPoints(const Row& row)
{
    return itemOf(*row.scheme, "CLOSING").points * perChildUnits(row);
}

double workloadWeight(double casePoints)
{
    return std::floor((casePoints + kTolerance) / kCasePointsPerWeightPoint);
}

std::string_view band(double points, const Grade& grade, double fte)
{
    return exceeds(points, grade.upper * fte) ? kOverCapacity : kWithinCapacity;
}

double rowPoints(const Row& row)
{
    exactlyOneCaseType(row);
    closingWithCaseTypeOnly(row);
    if (row.has("CLOSING"))
        return closingReplacesAllPoints(row);
    double points = tablePoints(row);
    if (row.has("CIN"))
        points += cinCasePoints(cinSizeGroups(row.children));
    return points + newAllocationPoints(row) + transferPoints(row) + assessmentPoints(row);
}

double workerElement(const Row& row, double)
{
    return kStableElement + tablePoints(row);
}

} // namespace warrington

const Scheme kWarrington = {
    "WARRINGTON",
    "a",
    {},
    kItems,
    kGrades,
    "PRACTITIONER",
    false,
    false,
    warrington::rowPoints,
    warrington::workerElement,
    warrington::workloadWeight,
    warrington::band,
    capacityAtTop,
};

} // namespace caseweight::detail
