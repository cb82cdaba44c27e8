// The named rules a scheme file can apply, and the scoring of a row from the file's numbers:
// small pure functions, each with its own unit test. Rules that check a row throw InputError
// with one sentence; the others return points.
#pragma once

#include "scheme.hpp"

#include <string>
#include <string_view>

namespace caseweight::detail
{

// Band limits are compared with this tolerance, so that 0.8 x 95 = 76 (as a binary double)
// is not over 76.
constexpr double kTolerance = 1e-9;
// value > limit, beyond the tolerance.
bool exceeds(double value, double limit);
// value < limit, beyond the tolerance.
bool fallsBelow(double value, double limit);

// The value of the last step whose `from` is at most n (steps ascend; the first is from 1).
double stepValue(const std::vector<Step>& steps, int n);
// What "per child" counts on the row: its children, or the units of its case type.
int perChildUnits(const Row& row);
// A + B x (children - 1).
double firstChildThenEach(double first, double each, int children);
// One occurrence of an item on the row, by its `per` and the row.
double itemPoints(const Row& row, const Item& item);
// The co-working share multiplies the whole row's points, after all other rules.
double applyShare(double points, double share);

// ---- the named rules of [[rule]] tables ---------------------------------------------------
// "one-case-type": one item of the rule's group on a row that has any item (or, not
// required, at most one); items marked `alone` may stand without one.
void oneCaseType(const Row& row, const Rule& rule);
// "only-with": the code only on rows with one of `with`.
void onlyWith(const Row& row, const Rule& rule);
// "at-most-one-of": at most one of the codes on a row.
void atMostOneOf(const Row& row, const Rule& rule);
// "at-most": at most `most` items of the group on a row (or a worker's list).
void atMost(const Row& row, const Rule& rule);
// "cap": on rows with one of `with`, the codes' points together are at most `cap`.
double capped(const Row& row, const Rule& rule, double pointsOfCodes);
// Items marked `single_case`: the row is one case, Children must be 1.
void singleCase(const Row& row);

// Checks every rule of the scheme on a row with at least one item and returns its points
// before the share.
double rowPoints(const Row& row);
// Checks the worker's items and returns the worker element (hours already checked).
double workerElement(const Row& row, double hours);
// Points added to the case points in WORKLOADPOINTS (a workload weight).
double workloadWeight(const Scheme& scheme, double casePoints);

// The band of points at a grade and FTE: below / within / the bands above.
std::string_view band(const Scheme& scheme, double points, const Grade& grade, double fte);
// Points as a fraction of the top of the grade's band (or capacity) at the FTE.
double capacityAtTop(double points, const Grade& grade, double fte);

// "A, B or C" of item codes (`last` is " or " or ", ").
std::string codesOr(const Scheme& s, const std::vector<std::size_t>& items, const char* last);

} // namespace caseweight::detail
