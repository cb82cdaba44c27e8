#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace caseweight
{
namespace
{
constexpr ArgumentInfo kScheme{"Scheme",
                               "The weighting scheme: SWINDON, RBWM, NOTTS or WARRINGTON."};
constexpr ArgumentInfo kItems{
    "Items", "One item code, codes separated by ; or , (\"CP; COMPLEX\"), or a range of code "
             "cells (empty cells are ignored)."};
constexpr ArgumentInfo kChildren{
    "Children", "Optional. How many children the row covers: a whole number from 1 (default 1)."};
constexpr ArgumentInfo kShare{
    "Share", "Optional. The co-working share of the case, more than 0 and at most 1 "
             "(default 1; 0.5 for a co-worker with a reduced role)."};
constexpr ArgumentInfo kPoints{"Points", "The worker's total points (WORKLOADPOINTS)."};
constexpr ArgumentInfo kGrade{
    "Grade", "Optional. The worker's grade: SWINDON NQSW, EXPERIENCED (default) or "
             "HIGHER-SPECIALIST; RBWM NQSW, EXPERIENCED (default) or SENIOR; WARRINGTON "
             "PRACTITIONER (default), ASYE or STUDENT; ignored by NOTTS."};
constexpr ArgumentInfo kFte{
    "FTE", "Optional. The worker's full-time equivalent, more than 0 and at most 1 (default 1); "
           "bands are pro rata."};
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
         "Returns the worker element: points that belong to the worker, not to a case "
         "(NOTTS personal elements and extra duties, WARRINGTON stable element and extra "
         "responsibilities, SWINDON higher-specialist allowance).",
         {kScheme,
          {"Items", "Optional. The worker's items: one code, codes separated by ; or , or a "
                    "range of code cells."},
          {"Hours", "Optional. NOTTS only: hours a month of extra formal duties "
                    "(0.5 point each)."}}},
        {"workloadPoints",
         "WORKLOADPOINTS",
         "Returns the worker's total as the scheme defines it: the case points, the worker "
         "element and, for WARRINGTON, the workload weight (1 point per whole 10 case points).",
         {kScheme,
          {"CasePoints", "A number or a range of case row totals (summed; empty cells ignored)."},
          {"WorkerPoints", "Optional. The worker element (WORKERPOINTS). Left out: that of a "
                           "worker with no items (WARRINGTON adds its stable element 15)."}}},
        {"workloadBand",
         "WORKLOADBAND",
         "Returns the band of a worker's total: Below band / Within band / Above band (SWINDON, "
         "RBWM), Below sustainable / Sustainable / Demanding / High (NOTTS), Within capacity / "
         "Over capacity (WARRINGTON).",
         {kScheme, kPoints, kGrade, kFte}},
        {"workloadCapacity",
         "WORKLOADCAPACITY",
         "Returns a worker's total as a fraction of the grade's reasonable maximum at that FTE "
         "(1 = at the top of the band); format it as a percentage.",
         {kScheme, kPoints, kGrade, kFte}},
        {"itemLabel",
         "ITEMLABEL",
         "Returns the scheme's own description of an item code.",
         {kScheme, {"Code", "One item code, for example CP or S47-ICPC."}}},
        {"schemeItems",
         "SCHEMEITEMS",
         "Returns a one-column array of the scheme's valid item codes, for validity lists and "
         "reference tables.",
         {kScheme,
          {"Group", "Optional. Only the items of one group (case, modifier, specific, "
                    "additional, worker) or sheet column (travel, court, ...)."}}},
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
