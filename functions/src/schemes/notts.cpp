// NOTTS: Nottinghamshire County Council workload management (WLM) tool (seed 001; SPEC 3.3).
#include "../arguments.hpp"
#include "../rules.hpp"
#include "../scheme.hpp"

namespace caseweight::detail
{

namespace
{

using namespace table;

// A row is one family group: the one specific item scores A for the first child and B for
// each further child; additional items (at most two) are per row.
//
// Sheet column tags (stable names; SCHEMEITEMS accepts them as groups), one per table of the
// tool: assessment, private-fostering, cin, cp, lac, closing, through-care, court, permanence;
// the additional items: additional.
//
// Decision (SPEC 3.3): the private-fostering rows print no B value; further children score 0.
constexpr Item kItems[] = {
    // code, A (first child), B (each further child), basis, repeat, group, column, label
    {"S17-ASSESSMENT", 6, 2, AB, Once, Spec, "assessment", "Section 17 assessment"},
    {"S47", 8, 2, AB, Once, Spec, "assessment", "Section 47 assessment"},
    {"S47-ICPC", 15, 2, AB, Once, Spec, "assessment",
     "Section 47 assessment leading to an initial child protection conference"},
    {"PF-NEW", 3, 0, AB, Once, Spec, "private-fostering", "Private fostering: first 3 months"},
    {"PF", 1, 0, AB, Once, Spec, "private-fostering", "Private fostering: after 3 months"},
    {"CIN-ORDER", 3, 1, AB, Once, Spec, "cin",
     "Child in need: supervision order / family assistance order"},
    {"CIN-STABLE", 2, 1, AB, Once, Spec, "cin",
     "Child in need: stable (disability: short breaks s17)"},
    {"CIN-UNSTABLE", 4, 2, AB, Once, Spec, "cin", "Child in need: unstable"},
    {"CP-STABLE", 5, 2, AB, Once, Spec, "cp", "Child protection plan: stable"},
    {"CP-UNSTABLE", 10, 2, AB, Once, Spec, "cp", "Child protection plan: unstable"},
    {"LAC-NEW", 10, 2, AB, Once, Spec, "lac", "LAC: newly accommodated until first LAC review"},
    {"LAC-UNSTABLE", 6, 2, AB, Once, Spec, "lac", "LAC: unstable"},
    {"LAC-STABLE", 3, 2, AB, Once, Spec, "lac", "LAC: stable case"},
    {"LAC-PERMANENT", 2, 1, AB, Once, Spec, "lac", "LAC: stable case, permanent placement"},
    {"CLOSING", 1, 0, AB, Once, Spec, "closing", "Work completed: case to be closed / transferred"},
    {"TC-LAC-NEW", 10, 6, AB, Once, Spec, "through-care",
     "Through care LAC: newly accommodated until first LAC review"},
    {"TC-LAC-UNSTABLE", 6, 4, AB, Once, Spec, "through-care", "Through care LAC: unstable"},
    {"TC-LAC-STABLE", 3, 2, AB, Once, Spec, "through-care", "Through care LAC: stable case"},
    {"TC-LAC-PERMANENT", 2, 1, AB, Once, Spec, "through-care",
     "Through care LAC: stable case, permanent placement"},
    {"TC-REG24", 4, 2, AB, Once, Spec, "through-care",
     "Through care LAC: reg 24 placement until approved by fostering panel"},
    {"COURT-S7", 4, 1, AB, Once, Spec, "court", "Private law proceedings: section 7 report"},
    {"COURT-S37", 5, 2, AB, Once, Spec, "court", "Private law proceedings: section 37 report"},
    {"COURT-LAC-ASSESS", 14, 6, AB, Once, Spec, "court",
     "Care proceedings and LAC (incl. reg 24), until all assessments are completed"},
    {"COURT-ASSESS", 8, 2, AB, Once, Spec, "court",
     "Care proceedings not LAC, until all assessments are completed"},
    {"COURT-LAC-UNSTABLE", 10, 4, AB, Once, Spec, "court",
     "Care proceedings and LAC (unstable placement), assessments completed"},
    {"COURT-LAC-STABLE", 7, 2, AB, Once, Spec, "court",
     "Care proceedings and LAC (stable placement), assessments completed"},
    {"COURT-REG24", 8, 2, AB, Once, Spec, "court",
     "Care proceedings and reg 24 placement until approved, assessments completed"},
    {"COURT-CP", 6, 2, AB, Once, Spec, "court",
     "Care proceedings (incl. child protection plan) not LAC, assessments completed"},
    {"PERM-PRE-PLACEMENT", 7, 3, AB, Once, Spec, "permanence",
     "Child pre-placement order: from recommendation of parallel planning"},
    {"PERM-FAMILY-FINDING", 8, 4, AB, Once, Spec, "permanence",
     "Child awaiting placement (family finding)"},
    {"PERM-MATCH-FOUND", 10, 4, AB, Once, Spec, "permanence",
     "Child awaiting placement (match found)"},
    {"PERM-PLACED", 5, 2, AB, Once, Spec, "permanence", "Child placed (pre-adoption order)"},
    {"PERM-NO-MATCH", 5, 2, AB, Once, Spec, "permanence", "Child match not found"},

    {"EPO", 2, 0, PerRow, Once, Add, "additional", "Application for an EPO: +2"},
    {"LEGAL-PLANNING", 6, 0, PerRow, Once, Add, "additional",
     "Preparation for legal planning meeting / application for interim care order: +6"},
    {"S7-OPEN", 2, 0, PerRow, Once, Add, "additional", "Section 7 report on open case: +2"},
    {"S37-OPEN", 3, 0, PerRow, Once, Add, "additional", "Section 37 report on open case: +3"},
    {"HOMELESS-16-17", 0, 0, PerRow, Once, Add, "additional",
     "Assessment of a child/YP who is 16/17 and homeless: no additional points"},
    {"S47-OPEN", 3, 0, PerRow, Once, Add, "additional",
     "Strategy discussion leading to a S47 assessment (open case): +3"},
    {"AIMS", 2, 0, PerRow, Once, Add, "additional", "Completion of an AIMS assessment: +2"},
    {"UASC", 1, 0, PerRow, Once, Add, "additional",
     "Unaccompanied asylum seeker (assessment up to 3 months only): +1"},
    {"ADOPTION-BREAKDOWN", 1, 0, PerRow, Once, Add, "additional", "Adoption breakdown: +1"},
    {"INTERPRETER", 1, 0, PerRow, Once, Add, "additional", "Regular use of an interpreter: +1"},
    {"MAPPA", 1, 0, PerRow, Once, Add, "additional", "Attendance at MAPPA meeting: +1"},
    {"ALLEGATION", 2, 0, PerRow, Once, Add, "additional", "Allegations against a professional: +2"},
    {"ADULT-OF-CONCERN", 2, 0, PerRow, Once, Add, "additional", "Adult of concern: +2"},
    {"TRAVEL-1-2H", 1, 0, PerRow, Once, Add, "additional",
     "Home visits 1-2 hours return journey away: +1"},
    {"TRAVEL-3-4H", 2, 0, PerRow, Once, Add, "additional",
     "Home visits 3-4 hours return journey away: +2"},
    {"TRAVEL-4H", 3, 0, PerRow, Once, Add, "additional",
     "Home visits over 4 hours return journey away: +3"},
    {"OVERNIGHT", 2, 0, PerRow, Once, Add, "additional", "Overnight stays: +2"},
    {"VIABILITY", 2, 0, PerRow, Once, Add, "additional",
     "Viability assessment (more than one separate assessment): +2"},
    {"PARENTING-CAPACITY", 3, 0, PerRow, Once, Add, "additional",
     "Assessment of parenting capacity (more than one separate assessment): +3"},
    {"REG24-25", 2, 0, PerRow, Once, Add, "additional", "Reg 24/25 assessment: +2"},
    {"PATHWAY-PLAN", 2, 0, PerRow, Once, Add, "additional",
     "LAC in transition: initial pathway plan and needs assessment: +2"},
    {"ACCESS-TO-RECORDS", 2, 0, PerRow, Once, Add, "additional",
     "Access to records (on an open case): +2"},
    {"COMMUNICATION-NEEDS", 2, 0, PerRow, Once, Add, "additional",
     "Complex communication needs needing additional preparation time: +2"},
    {"COMPLEX-FAMILY", 2, 0, PerRow, Once, Add, "additional",
     "Complex family (more than 4 siblings with different parents): +2"},
    {"INTERAGENCY-MATCH", 1, 0, PerRow, Once, Add, "additional",
     "Adoption: interagency matching and placement: +1"},
    {"COURT-STATEMENT", 1, 0, PerRow, Once, Add, "additional",
     "Adoption: court statement re likelihood of family finding: +1"},
    {"ACTIVITY-DAY", 3, 0, PerRow, Once, Add, "additional",
     "Adoption: attendance at adoption activity day: +3"},
    {"INTERAGENCY-REGIONAL", 1, 0, PerRow, Once, Add, "additional",
     "Adoption: inter-agency regional: +1"},
    {"INTERAGENCY-NATIONAL", 1, 0, PerRow, Once, Add, "additional",
     "Adoption: inter-agency national: +1"},

    // Personal elements (at most two per worker).
    {"NQSW", 10, 0, PerRow, Once, Worker, "",
     "Newly qualified social worker (ASYE, first 12 months): 10"},
    {"TRAINEE-TERM", 15, 0, PerRow, Once, Worker, "", "Trainee social worker, in term time: 15"},
    {"TRAINEE", 10, 0, PerRow, Once, Worker, "", "Trainee social worker: 10"},
    {"PQ", 7.5, 0, PerRow, Once, Worker, "", "Post-qualifying study: 7.5"},
    {"ASYE-MENTOR", 5, 0, PerRow, Once, Worker, "", "Mentor to an ASYE worker: 5"},
    {"PRACTICE-EDUCATOR", 5, 0, PerRow, Once, Worker, "", "Practice educator: 5"},
    {"ONSITE-SUPERVISOR", 3, 0, PerRow, Once, Worker, "", "Onsite supervisor: 3"},
};

// Extra formal duties: points per hour a month.
constexpr double kPointsPerDutyHour = 0.5;

// Bands at full time (the grade is ignored): under 75 below sustainable, 75 to 95
// sustainable, over 95 to 110 demanding, over 110 high. Capacity is points / (95 x FTE).
constexpr double kSustainableFrom = 75;
constexpr double kDemandingAbove = 95;
constexpr double kHighAbove = 110;
constexpr Grade kGrades[] = {{"ANY", kSustainableFrom, kDemandingAbove}};

constexpr std::string_view kAliases[] = {"NOTTINGHAMSHIRE"};

} // namespace

namespace notts
{

void exactlyOneSpecificItem(const Row& row)
{
    const unsigned n = row.countIn(Group::Specific);
    if (n > 1)
        fail("A NOTTS row has one specific item; this row has " + row.codesIn(Group::Specific) +
             ". Keep the one that applies; another family group goes on a row of its own.");
    if (n == 0 && row.total() > 0)
        fail("A NOTTS row needs one specific item (S17-ASSESSMENT, S47, CIN-STABLE, ...) besides "
             "its additional items: add it.");
}

void atMostTwoAdditionalItems(const Row& row)
{
    atMostOfGroup(row, Group::Additional, 2, "additional items on a row");
}

void atMostTwoPersonalElements(const Row& row)
{
    atMostOfGroup(row, Group::Worker, 2, "personal elements for a worker");
}

double extraDutyPoints(double hoursPerMonth)
{
    return kPointsPerDutyHour * hoursPerMonth;
}

std::string_view band(double points, const Grade&, double fte)
{
    if (fallsBelow(points, kSustainableFrom * fte))
        return kBelowSustainable;
    if (!exceeds(points, kDemandingAbove * fte))
        return kSustainable;
    if (!exceeds(points, kHighAbove * fte))
        return kDemanding;
    return kHigh;
}

double rowPoints(const Row& row)
{
    exactlyOneSpecificItem(row);
    atMostTwoAdditionalItems(row);
    return tablePoints(row);
}

double workerElement(const Row& row, double hours)
{
    atMostTwoPersonalElements(row);
    return tablePoints(row) + extraDutyPoints(hours);
}

} // namespace notts

const Scheme kNotts = {
    "NOTTS",
    "a",
    kAliases,
    kItems,
    kGrades,
    "ANY",
    true,
    true,
    notts::rowPoints,
    notts::workerElement,
    noWorkloadWeight,
    notts::band,
    capacityAtTop,
};

} // namespace caseweight::detail
