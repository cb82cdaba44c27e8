// The one table describing every sheet function: it drives the registration in Calc (names,
// category) and the function wizard's help, and a test checks the README against it.
// No UNO here, so that the table can be tested on its own.
#pragma once

#include <string_view>
#include <vector>

namespace caseweight
{

struct ArgumentInfo
{
    std::string_view name;        // shown in the wizard and in tooltips
    std::string_view description; // one line
};

struct FunctionInfo
{
    std::string_view method;      // UNO method name: stored in documents, never renamed
    std::string_view displayName; // what users type: never renamed
    std::string_view description;
    std::vector<ArgumentInfo> arguments; // in the UNO method's order
};

// Calc's category for the function wizard.
inline constexpr std::string_view kCategory = "Add-In";
// The UNO service, the prefix of every stored formula: never renamed.
inline constexpr std::string_view kServiceName = "org.caseweight.AddIn";
inline constexpr std::string_view kImplementationName = "org.caseweight.AddInImpl";

// caseweight's extension (its folder holds the built-in schemes/), and the identifiers of
// councils' scheme packs: never renamed.
inline constexpr std::string_view kExtensionId = "org.caseweight.extension";
inline constexpr std::string_view kSchemePackPrefix = "org.caseweight.schemes.";

const std::vector<FunctionInfo>& functionTable();

// nullptr when unknown. Display names are matched case-insensitively.
const FunctionInfo* findByMethod(std::string_view method);
const FunctionInfo* findByDisplayName(std::string_view displayName);

} // namespace caseweight
