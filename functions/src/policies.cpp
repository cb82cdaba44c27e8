// Caseload-number policies from the seeds (SPEC section 5): numbers of cases, not points.
// Each row: code (stable: stored in users' sheets), lower and upper limit at full time
// (lower 0 where the policy sets only a maximum), and where it comes from.
#include "policies.hpp"

namespace caseweight::detail
{
namespace
{
constexpr CaseloadPolicy kPolicies[] = {
    // code, lower, upper, source
    {"DONCASTER-2021", 18, 20, "Doncaster 2021: average caseload 18-20"},
    {"DONCASTER-2021-ASSESSMENT", 0, 20, "Doncaster 2021: assessment, at most 20"},
    {"DONCASTER-2021-EDGE-OF-CARE", 16, 20, "Doncaster 2021: edge of care 16-20"},
    {"DONCASTER-2021-EXPLOITATION", 16, 19, "Doncaster 2021: child exploitation 16-19"},
    {"DONCASTER-2021-CHILD-PROTECTION", 18, 20,
     "Doncaster 2021: area child protection 18-20 (at most 5 sets of care proceedings, 3 CP "
     "families)"},
    {"DONCASTER-2021-DISABILITY", 16, 18, "Doncaster 2021: disability 16-18"},
    {"DONCASTER-2021-CHILDREN-IN-CARE", 16, 18, "Doncaster 2021: children in care 16-18"},
    {"DONCASTER-2021-FOSTERING", 18, 20, "Doncaster 2021: fostering 18-20 households"},
    {"DONCASTER-2021-ADOPTION-SGO", 0, 20, "Doncaster 2021: adoption support / SGO, at most 20"},
    {"DONCASTER-2021-LEAVING-CARE", 18, 20, "Doncaster 2021: leaving care 18-20"},
    {"DONCASTER-2021-IRO", 0, 70, "Doncaster 2021: IRO / CP chair, about 70"},
    {"DONCASTER-2021-ASYE", 0, 12, "Doncaster 2021: ASYE about 60% of the average (60% of 20)"},
    {"DONCASTER-2021-ADVANCED", 0, 10, "Doncaster 2021: advanced practitioner, at most 10"},
    {"DONCASTER-2022", 16, 18, "Doncaster 2022: target caseload 16-18"},
    {"DONCASTER-2022-ASSESSMENT", 0, 20, "Doncaster 2022: assessment, up to 20"},
    {"DONCASTER-2022-MANAGER", 0, 100, "Doncaster 2022: managers oversee at most 100 cases"},
    {"WALSALL-EXPERIENCED", 0, 15, "Walsall caseload guarantee: experienced, at most 15"},
    {"WALSALL-NQSW", 0, 12, "Walsall caseload guarantee: newly qualified, at most 12"},
    {"WEST-SUSSEX", 15, 20, "West Sussex: average caseload 15-20"},
    {"WEST-SUSSEX-STUDENT-FIRST", 5, 8, "West Sussex: student, first placement 5-8"},
    {"WEST-SUSSEX-STUDENT-FINAL", 8, 9, "West Sussex: student, final placement 8-9"},
    {"WEST-SUSSEX-IRO", 50, 70, "West Sussex: IRO 50-70"},
    {"WEST-SUSSEX-CPA", 80, 95, "West Sussex: child protection adviser 80-95"},
    {"RBWM-NQSW", 8, 10, "RBWM: newly qualified 8-10 cases"},
    {"RBWM-AFTER-FIRST-YEAR", 10, 12, "RBWM: after the first year 10-12 cases"},
    {"RBWM-EXPERIENCED", 12, 15, "RBWM: more than two years 12-15 cases"},
    {"BARNSLEY", 0, 18, "Barnsley 2017: target 18 cases per FTE social worker"},
    {"LAMING", 0, 12, "Laming: at most 12 cases in complex child protection work"},
    {"DFE-2016", 0, 16.1, "DfE 2016: national average 16.1 cases per FTE"},
};
} // namespace

Table<CaseloadPolicy> caseloadPolicyTable()
{
    return kPolicies;
}

} // namespace caseweight::detail
