// The named rules of the schemes: small pure functions, each with its own unit test.
// Rules that check a row throw InputError with one sentence; rules that score return points.
#pragma once

#include "scheme.hpp"

#include <initializer_list>
#include <string_view>

namespace caseweight::detail
{

// ---- shared by several schemes ----------------------------------------------------------

// Band limits are compared with this tolerance, so that 0.8 x 95 = 76 (as a binary double)
// is not over 76.
constexpr double kTolerance = 1e-9;
// value > limit, beyond the tolerance.
bool exceeds(double value, double limit);
// value < limit, beyond the tolerance.
bool fallsBelow(double value, double limit);

// A + B x (children - 1): NOTTS specific items (first child, each further child).
double firstChildThenEach(double first, double each, int children);
// One occurrence of an item by its table basis (PerRow, PerChild, FirstChildThenEach);
// ByRule items score 0 here, their scheme's rule scores them.
double itemPoints(const Item& item, int children);
// Sum over the row of count x itemPoints: everything the table alone decides.
double tablePoints(const Row& row);
// The co-working share multiplies the whole row's points, after all other rules.
double applyShare(double points, double share);

// Rule: at most one of these codes on a row. `what` names them: "travel code".
void atMostOneOf(const Row& row, std::initializer_list<std::string_view> codes,
                 std::string_view what);
// Rule: `code` only on rows with one of these case types; `allowed` lists them for the
// sentence ("LAC or CP").
void onlyWith(const Row& row, std::string_view code,
              std::initializer_list<std::string_view> caseTypes, std::string_view allowed);
// Rule: at most `limit` occurrences of the group's items; `what` names them in the sentence
// ("additional items on a row", "personal elements for a worker").
void atMostOfGroup(const Row& row, Group group, unsigned limit, std::string_view what);

// SWINDON and RBWM bands: limits times FTE.
constexpr std::string_view kBelowBand = "Below band";
constexpr std::string_view kWithinBand = "Within band";
constexpr std::string_view kAboveBand = "Above band";
std::string_view limitBand(double points, const Grade& grade, double fte);
// Points as a fraction of the top of the grade's band (or capacity) at the FTE.
double capacityAtTop(double points, const Grade& grade, double fte);
// A scheme without a workload weight.
double noWorkloadWeight(double casePoints);

// ---- SWINDON ----------------------------------------------------------------------------
namespace swindon
{
// CIN basic weight per family: 10 for 1-3 children, 20 for 4-6, 30 for 7 or more.
double cinSizePoints(int children);
// The basic part (10 per child) of a CP sibling group is capped at 30.
double cpSiblingBasicCap(int children);
// CP: capped basic + CP standard 6 per child (4 siblings: 30 + 24 = 54).
double cpPoints(int children);
// ASSESSMENT: 10 per child on LAC/CP rows, 10 per row otherwise.
double assessmentPoints(const Row& row);
// A row of only GROUP (once) needs no case type.
bool isGroupWorkOnly(const Row& row);
// Rule: exactly one case type per row that has any item, except a GROUP-only row.
void exactlyOneCaseType(const Row& row);
// Rule: COMPLEX only with LAC or CP.
void complexOnlyWithLacOrCp(const Row& row);
double rowPoints(const Row& row);
double workerElement(const Row& row, double hours);
} // namespace swindon

// ---- RBWM -------------------------------------------------------------------------------
namespace rbwm
{
// Rule: at most one case type per row (modifiers alone are allowed).
void atMostOneCaseType(const Row& row);
// Rule: COMPLEX only with CIC, CARE-LEAVER, FOSTER-CARER or CP.
void complexOnlyWithEligibleCaseType(const Row& row);
// COMPLEX: +4 per child (CIC, CARE-LEAVER, CP), +4 per row (FOSTER-CARER).
double complexPoints(const Row& row);
// SINGLE-ASSESSMENT: 10 per child for CIC/CP, 10 per row otherwise.
double singleAssessmentPoints(const Row& row);
double rowPoints(const Row& row);
double workerElement(const Row& row, double hours);
} // namespace rbwm

// ---- NOTTS ------------------------------------------------------------------------------
namespace notts
{
constexpr std::string_view kBelowSustainable = "Below sustainable";
constexpr std::string_view kSustainable = "Sustainable";
constexpr std::string_view kDemanding = "Demanding";
constexpr std::string_view kHigh = "High";
// Rule: exactly one specific item when the row has any item.
void exactlyOneSpecificItem(const Row& row);
// Rule: at most two additional items per row.
void atMostTwoAdditionalItems(const Row& row);
// Rule: at most two personal elements per worker.
void atMostTwoPersonalElements(const Row& row);
// Extra formal duties: 0.5 points per hour a month.
double extraDutyPoints(double hoursPerMonth);
// Bands by points at FTE (the grade is ignored): 75 / 95 / 110 times FTE.
std::string_view band(double points, const Grade& grade, double fte);
double rowPoints(const Row& row);
double workerElement(const Row& row, double hours);
} // namespace notts

// ---- WARRINGTON -------------------------------------------------------------------------
namespace warrington
{
constexpr std::string_view kWithinCapacity = "Within capacity";
constexpr std::string_view kOverCapacity = "Over capacity";
// Stable element, always added for practitioners.
constexpr double kStableElement = 15;
// CIN size groups: 1-2 children 1 group, 3-6 2 groups, 7 or more 3 groups.
int cinSizeGroups(int children);
// CIN: 1 + groups per family (2 / 3 / 4).
double cinCasePoints(int groups);
// The row's units for "per child" items: CIN rows count size groups, others children.
int perChildUnits(const Row& row);
// NEW: +1 per child; CIN: +1 per group.
double newAllocationPoints(const Row& row);
// TRANSFER: +2 per child; CIN: +1 per group.
double transferPoints(const Row& row);
// CIN rows: assessment points per group, at most 3 in all.
double cinAssessmentCap(double assessmentSum, int groups);
// ASSESS-LOW/MEDIUM/HIGH: 1/2/3 per row (each occurrence); CIN rows capped as above.
double assessmentPoints(const Row& row);
// Rule: exactly one case type per row that has any item.
void exactlyOneCaseType(const Row& row);
// Rule: CLOSING may be combined with a case type only.
void closingWithCaseTypeOnly(const Row& row);
// CLOSING: 1 per child (CIN: 1 per group) instead of all the row's other points.
double closingReplacesAllPoints(const Row& row);
// Workload weight: +1 per whole 10 case points.
double workloadWeight(double casePoints);
// Bands: within or over the grade's capacity times FTE.
std::string_view band(double points, const Grade& grade, double fte);
double rowPoints(const Row& row);
double workerElement(const Row& row, double hours);
} // namespace warrington

} // namespace caseweight::detail
