// Capacity, allocation, team view and caseload-number policies: what a manager needs beside
// the scores themselves. Same conventions as engine.hpp: sheet Values in, InputError out.
#pragma once

#include "caseweight/value.hpp"

#include <string>
#include <vector>

namespace caseweight
{

// ---- Capacity with hours and reductions ------------------------------------------------
// available = the grade's reasonable maximum x (hours - reductions) / full-time hours.
// hours: contracted hours a week (blank = full time); reductions: hours a week off, a number
// or a range (summed; see reductionHours); fullTimeHours: blank = the scheme's full-time week
// (full_time_hours in its file, else the default week of schemes/policies.toml).

// AVAILABLEPOINTS(Scheme; [Grade]; [Hours]; [ReductionHours]; [FullTimeHours])
double availablePoints(const Value& scheme, const Value& grade, const Value& hours,
                       const Values& reductions, const Value& fullTimeHours);

// CAPACITYUSED(Scheme; Points; [Grade]; [Hours]; [ReductionHours]; [FullTimeHours])
// points / available points (1 = full).
double capacityUsed(const Value& scheme, const Value& points, const Value& grade,
                    const Value& hours, const Values& reductions, const Value& fullTimeHours);

// HEADROOM(Scheme; Points; [Grade]; [Hours]; [ReductionHours]; [FullTimeHours])
// available points - points: what can still be allocated (negative when over).
double headroom(const Value& scheme, const Value& points, const Value& grade, const Value& hours,
                const Values& reductions, const Value& fullTimeHours);

// REDUCTIONHOURS(Hours; Starts; Ends; AsAt): the hours a week of the reductions (one per row
// of the ranges) in force on the date AsAt. An empty start or end is open.
double reductionHours(const Values& hours, const Values& starts, const Values& ends,
                      const Value& asAt);

// ---- What if I allocate this case ----------------------------------------------------------
// ALLOCATEPOINTS(Scheme; CasePoints; WorkerPoints; Items; [Children]; [Share]): the worker's
// total (WORKLOADPOINTS) after adding the new case row to the current case points.
double allocatePoints(const Value& scheme, const Values& casePoints, const Values& workerPoints,
                      const Values& items, const Value& children, const Value& share);

// ---- Team roll-up ---------------------------------------------------------------------------
// Points: one worker total per cell (empty cells: no worker). Grades and FTEs: one per worker
// (same size as Points), one value for all, or blank. Groups and Group: only the workers whose
// Groups cell equals Group (e.g. their assistant team manager).
struct TeamArgs
{
    Value scheme;
    Values points;
    Values grades;
    Values ftes;
    Values groups;
    Value group;
};

double teamAverage(const TeamArgs& team);   // TEAMAVERAGE: mean of the totals
double teamSpread(const TeamArgs& team);    // TEAMSPREAD: highest - lowest capacity used
double teamAboveBand(const TeamArgs& team); // TEAMABOVEBAND: workers above their band's top
double teamCapacity(const TeamArgs& team);  // TEAMCAPACITY: sum of totals / sum of maxima

// ---- Caseload-number policies (docs/schemes.md, "Caseload policies") -------------------------
// The policies are data ([[policy]] tables of the scheme files), with dated versions. Policy is
// a code ("RBWM-NQSW") or a code with a date ("RBWM-NQSW@2027-04-01"); Date is a date or a
// SCHEMEAT result ("RBWM@2027-04-01", for its date). Neither: the version in force today.
// CASELOADBAND(Policy; Cases; [FTE]; [Date]): "Below range", "Within range" or "Above range".
std::string caseloadBand(const Value& policy, const Value& cases, const Value& fte,
                         const Value& date = Value::empty());
// CASELOADLIMIT(Policy; [FTE]; [Date]; [Limit]): the policy's upper limit, pro rata; Limit
// "lower": its lower limit.
double caseloadLimit(const Value& policy, const Value& fte, const Value& date = Value::empty(),
                     const Value& limit = Value::empty());
// CASELOADPOLICIES([Authority]): the policy codes (of one authority).
std::vector<std::string> caseloadPolicies(const Value& authority);
// STAFFNEEDED(Cases; Target; CurrentFTE): cases / target - current FTE.
double staffNeeded(const Value& cases, const Value& target, const Value& currentFte);
// STAFFCOST(Cases; Target; CurrentFTE; CostPerFTE): staffNeeded x cost.
double staffCost(const Value& cases, const Value& target, const Value& currentFte,
                 const Value& costPerFte);

} // namespace caseweight
