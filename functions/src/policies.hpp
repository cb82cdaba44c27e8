// The table of caseload-number policies (policies.cpp).
#pragma once

#include "scheme.hpp"

#include <string_view>

namespace caseweight::detail
{

struct CaseloadPolicy
{
    std::string_view code;
    double lower; // at full time; 0 where the policy sets only a maximum
    double upper;
    std::string_view source;
};

Table<CaseloadPolicy> caseloadPolicyTable();

} // namespace caseweight::detail
