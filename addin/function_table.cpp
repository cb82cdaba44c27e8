#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace caseweight
{
namespace
{
// {schemes} is replaced by the names of the schemes loaded (built-in and councils' packs).
constexpr ArgumentInfo kScheme{"Scheme", "The weighting scheme: {schemes}; or SCHEMEAT(scheme; "
                                         "date) for the rules in force on a sheet's date."};
constexpr ArgumentInfo kItems{
    "Items", "One item code, codes separated by ; or , (\"{items}\"), or a range of code "
             "cells (empty cells are ignored)."};
constexpr ArgumentInfo kChildren{
    "Children", "Optional. How many children the row covers: a whole number from 1 (default 1)."};
constexpr ArgumentInfo kShare{
    "Share", "Optional. The co-working share of the case, more than 0 and at most 1 "
             "(default 1; 0.5 for a co-worker with a reduced role)."};
constexpr ArgumentInfo kPoints{"Points", "The worker's total points (WORKLOADPOINTS)."};
constexpr ArgumentInfo kGrade{
    "Grade", "Optional. The worker's grade in the scheme (left out: its usual grade, such as "
             "{grade}); an unknown grade's error lists the scheme's grades."};
constexpr ArgumentInfo kFte{
    "FTE", "Optional. The worker's full-time equivalent, more than 0 and at most 1 (default 1); "
           "bands are pro rata."};
constexpr ArgumentInfo kHours{"Hours", "Optional. Contracted hours a week (default: full time)."};
constexpr ArgumentInfo kReductions{
    "ReductionHours", "Optional. Hours a week off for reasons such as training or union duties: a "
                      "number or a range (summed), e.g. from REDUCTIONHOURS."};
constexpr ArgumentInfo kFullTime{
    "FullTimeHours", "Optional. The full-time hours a week, 1 to 168 (default: the scheme's "
                     "full-time week from its file: {week})."};
constexpr ArgumentInfo kTeamPoints{
    "Points", "A range of worker totals, one cell per worker (empty cells: no worker)."};
constexpr ArgumentInfo kGrades{
    "Grades", "Optional. The workers' grades: one cell per worker, or one grade for all."};
constexpr ArgumentInfo kFtes{"FTEs",
                             "Optional. The workers' FTEs: one cell per worker, or one for all "
                             "(default 1)."};
constexpr ArgumentInfo kGroups{"Groups",
                               "Optional. Each worker's group, e.g. their assistant team manager."};
constexpr ArgumentInfo kGroup{"Group",
                              "Optional. Only the workers whose Groups cell holds this value."};
constexpr ArgumentInfo kPolicy{
    "Policy", "A caseload policy code such as {policies} (CASELOADPOLICIES lists them); "
              "CODE@2027-04-01 for its limits in force on a date."};
constexpr ArgumentInfo kPolicyDate{
    "Date", "Optional. The sheet's date (its As at cell), or SCHEMEAT(scheme; date), for the "
            "limits in force on it (left out: today)."};
constexpr ArgumentInfo kCases{"Cases", "A number of cases."};
constexpr ArgumentInfo kTarget{"Target", "The target number of cases per FTE, e.g. 18."};
constexpr ArgumentInfo kCurrentFte{"CurrentFTE", "The FTE of the social workers now."};
constexpr ArgumentInfo kColumn{
    "Column", "A column of the scheme's paper sheet, such as \"lac\" or \"travel\"; "
              "SHEETCOLUMNS(Scheme) lists them."};
} // namespace

const std::vector<FunctionInfo>& functionTable()
{
    // Built once on first use and never changed: safe to read from any calculation thread.
    static const std::vector<FunctionInfo> table{
        {"casePoints",
         "CASEPOINTS",
         "Returns the points of one case row under a weighting scheme; an item, count or share "
         "the scheme does not allow gives an error (CASECHECK says why).",
         {kScheme, kItems, kChildren, kShare}},
        {"caseCheck",
         "CASECHECK",
         "Returns OK when a case row follows the scheme, or one sentence saying what is wrong "
         "with it.",
         {kScheme, kItems, kChildren, kShare}},
        {"workerPoints",
         "WORKERPOINTS",
         "Returns the worker element: points that belong to the worker, not to a case (personal "
         "elements, extra responsibilities, extra duties, a stable element: as the scheme "
         "defines them).",
         {kScheme,
          {"Items", "Optional. The worker's items: one code, codes separated by ; or , or a "
                    "range of code cells."},
          {"Hours", "Optional. Hours a month of extra formal duties, for a scheme that scores "
                    "them ({hours}); the other schemes refuse hours."}}},
        {"workloadPoints",
         "WORKLOADPOINTS",
         "Returns the worker's total as the scheme defines it: the case points, the worker "
         "element and the scheme's workload weight, if it has one.",
         {kScheme,
          {"CasePoints", "A number or a range of case row totals (summed; empty cells ignored)."},
          {"WorkerPoints", "Optional. The worker element (WORKERPOINTS). Left out: that of a "
                           "worker with no items (a scheme's stable element included)."}}},
        {"workloadBand",
         "WORKLOADBAND",
         "Returns the band of a worker's total: {bands}.",
         {kScheme, kPoints, kGrade, kFte}},
        {"workloadCapacity",
         "WORKLOADCAPACITY",
         "Returns a worker's total as a fraction of the grade's reasonable maximum at that FTE "
         "(1 = at the top of the band); format it as a percentage.",
         {kScheme, kPoints, kGrade, kFte}},
        {"itemLabel",
         "ITEMLABEL",
         "Returns an item code's label in the scheme's own words, and its points.",
         {kScheme, {"Code", "One item code, for example {codes}."}}},
        {"schemeItems",
         "SCHEMEITEMS",
         "Returns a one-column array of the scheme's valid item codes, for validity lists and "
         "reference tables.",
         {kScheme,
          {"Group", "Optional. Only the items of one group (case, modifier, specific, "
                    "additional, worker) or sheet column (travel, court, ...)."}}},
        {"availablePoints",
         "AVAILABLEPOINTS",
         "Returns the points a worker can carry: the grade's reasonable maximum x (contracted "
         "hours - reduction hours) / full-time hours.",
         {kScheme, kGrade, kHours, kReductions, kFullTime}},
        {"capacityUsed",
         "CAPACITYUSED",
         "Returns a worker's total as a fraction of the points their hours allow after "
         "reductions (AVAILABLEPOINTS); format it as a percentage.",
         {kScheme, kPoints, kGrade, kHours, kReductions, kFullTime}},
        {"headroom",
         "HEADROOM",
         "Returns the points a worker can still take on: AVAILABLEPOINTS - the worker's total "
         "(negative when over).",
         {kScheme, kPoints, kGrade, kHours, kReductions, kFullTime}},
        {"reductionHours",
         "REDUCTIONHOURS",
         "Returns the hours a week of the reductions in force on a date, from a table of "
         "reductions (hours, start date, end date).",
         {{"Hours", "The range of the reductions' hours a week."},
          {"Starts", "Optional. The range of their start dates (left out or empty: from the "
                     "beginning)."},
          {"Ends", "Optional. The range of their end dates (left out or empty: open-ended)."},
          {"AsAt", "The date to look at, e.g. TODAY()."}}},
        {"allocatePoints",
         "ALLOCATEPOINTS",
         "Returns the worker's total (as WORKLOADPOINTS) if a new case were allocated: for "
         "comparing workers before allocating. Combine with WORKLOADBAND or CAPACITYUSED.",
         {kScheme,
          {"CasePoints", "The worker's current case row totals (a range or a number)."},
          {"WorkerPoints", "Optional. The worker element (WORKERPOINTS); left out or empty: "
                           "that of a worker with no items."},
          {"Items", "The new case's item codes."},
          kChildren,
          kShare}},
        {"teamAverage",
         "TEAMAVERAGE",
         "Returns the average of the workers' totals (of one group, if given).",
         {kScheme, kTeamPoints, kGrades, kFtes, kGroups, kGroup}},
        {"teamSpread",
         "TEAMSPREAD",
         "Returns the spread between workers: the highest minus the lowest share of their "
         "band's maximum used (0.25 = 25 percentage points).",
         {kScheme, kTeamPoints, kGrades, kFtes, kGroups, kGroup}},
        {"teamAboveBand",
         "TEAMABOVEBAND",
         "Returns how many workers are above the top of their band (or over their capacity).",
         {kScheme, kTeamPoints, kGrades, kFtes, kGroups, kGroup}},
        {"teamCapacity",
         "TEAMCAPACITY",
         "Returns the team's capacity used: the sum of the totals / the sum of the workers' "
         "maxima at their FTE; format it as a percentage.",
         {kScheme, kTeamPoints, kGrades, kFtes, kGroups, kGroup}},
        {"caseloadBand",
         "CASELOADBAND",
         "Returns Below range, Within range or Above range for a number of cases against a "
         "published caseload policy, pro rata to FTE.",
         {kPolicy, kCases, kFte, kPolicyDate}},
        {"caseloadLimit",
         "CASELOADLIMIT",
         "Returns a caseload policy's upper (or lower) limit of cases, pro rata to FTE.",
         {kPolicy,
          kFte,
          kPolicyDate,
          {"Limit", "Optional. \"lower\" for the policy's lower limit; left out or \"upper\": "
                    "its upper limit."}}},
        {"caseloadPolicies",
         "CASELOADPOLICIES",
         "Returns a one-column array of the caseload policy codes (of one authority).",
         {{"Authority", "Optional. Only the codes that start with this, up to a dash: such as "
                        "{authorities}."}}},
        {"staffNeeded",
         "STAFFNEEDED",
         "Returns the extra FTE social workers needed to bring the cases to a target per FTE: "
         "cases / target - current FTE.",
         {kCases, kTarget, kCurrentFte}},
        {"staffCost",
         "STAFFCOST",
         "Returns the cost of the extra FTE that STAFFNEEDED gives, at a cost per FTE.",
         {kCases, kTarget, kCurrentFte, {"CostPerFTE", "The yearly cost of one FTE."}}},
        {"columnCheck",
         "COLUMNCHECK",
         "Returns OK when a number typed in a column of a hand-made weighting sheet is one the "
         "scheme allows there, or one sentence saying what the column holds; for checking "
         "existing sheets.",
         {kScheme, kColumn, {"Value", "The typed number (an empty cell or 0 is OK)."}, kChildren}},
        {"columnValues",
         "COLUMNVALUES",
         "Returns a one-column array of the numbers a column of the scheme's sheet can hold for "
         "a row of that many children.",
         {kScheme, kColumn, kChildren}},
        {"sheetColumns",
         "SHEETCOLUMNS",
         "Returns a one-column array of the column names of the scheme's paper weighting sheet, "
         "for COLUMNCHECK.",
         {kScheme}},
        {"caseReason",
         "CASEREASON",
         "Returns OK when another caseweight function gives a result for these arguments, or "
         "the sentence saying why it gives an error (Err:502) and what to change.",
         {{"Function", "The function's name, e.g. \"WORKLOADBAND\"."},
          {"Argument1", "Optional. Its first argument, as given to the function."},
          {"Argument2", "Optional. Its second argument."},
          {"Argument3", "Optional. Its third argument."},
          {"Argument4", "Optional. Its fourth argument."},
          {"Argument5", "Optional. Its fifth argument."},
          {"Argument6", "Optional. Its sixth argument."}}},
        {"schemeAt",
         "SCHEMEAT",
         "Returns the scheme as in force on a date, e.g. \"{scheme}@2027-04-01\": give it as the "
         "Scheme of the other functions so that a sheet keeps the scores of its own date.",
         {kScheme, {"Date", "The sheet's date (its As at cell)."}}},
        {"schemeVersion",
         "SCHEMEVERSION",
         "Returns which version of the scheme scores: its name, the date it is in force from, "
         "what it changed and its file.",
         {kScheme}},
        {"pointsText",
         "POINTSTEXT",
         "Returns the points of item codes in words, as a sheet's headings state them: one code's "
         "points (\"6 per child\"), or the distinct points of several (\"4, 6 or 10\"). With "
         "SCHEMEAT, those in force on the sheet's date.",
         {kScheme,
          {"Codes", "One item code, codes separated by ; or , or a range of code cells (empty "
                    "cells are ignored)."},
          {"Form", "Optional. Left out or empty: the points in words; \"short\": the points "
                   "alone (\"6\" for \"basic 10 + 6 per child\")."}}},
        {"bandText",
         "BANDTEXT",
         "Returns a grade's band at full time in words (\"330 to 350 points\", \"up to 300 "
         "points\"); with SCHEMEAT, the band in force on the sheet's date.",
         {kScheme,
          {"Grade", "Optional. The grade (left out or empty: the scheme's usual grade, such as "
                    "{grade}); \"*\": every grade's band and the usual grade."}}},
        {"schemeText",
         "SCHEMETEXT",
         "Returns a text with its markers replaced by the scheme's points in words, as a scheme "
         "file writes a sheet's headings: \"Child protection {points:CP}\". With a Date, "
         "those in force on the sheet's date.",
         {kScheme,
          {"Text", "The text. Markers: {points:CODES} {short:CODE} {label:CODE} {band:GRADE} "
                   "{most:GROUP} {hours_points} {full_time_hours} {one_point_per}."},
          {"Date", "Optional. The sheet's date (its As at cell): the words in force on it, as "
                   "SCHEMEAT. Left out or empty: as the Scheme says."}}},
        {"schemeStatus",
         "SCHEMESTATUS",
         "Returns a one-column array saying what the scheme files in use hold: each scheme with "
         "its versions and their files (packs named), from when a scheme cannot be used and why, "
         "every mistake found in the files, and the files read.",
         {{"Scheme", "Optional. One scheme's name (or alias): its line alone. Left out: "
                     "everything."}}},
        {"schemeCheck",
         "SCHEMECHECK",
         "Returns a one-column array of the mistakes of scheme files, each with its file and "
         "line, read together beside the schemes and packs installed, as Calc will read them; "
         "or \"No mistakes found\".",
         {{"Paths", "A file's full path (\"/home/me/kent.toml\", \"C:\\Schemes\\kent.toml\" "
                    "or a file:// address), or a range of them, checked together."}}},
    };
    return table;
}

const FunctionInfo* findByMethod(std::string_view method)
{
    for (const auto& f : functionTable())
        if (f.method == method)
            return &f;
    return nullptr;
}

const FunctionInfo* findByDisplayName(std::string_view displayName)
{
    auto same = [](std::string_view a, std::string_view b)
    {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(),
                          [](char x, char y)
                          {
                              return std::toupper(static_cast<unsigned char>(x)) ==
                                     std::toupper(static_cast<unsigned char>(y));
                          });
    };
    for (const auto& f : functionTable())
        if (same(f.displayName, displayName))
            return &f;
    return nullptr;
}

} // namespace caseweight
