// The function table drives Calc's registration and the wizard; the README documents it.
// These checks keep the three in step.
#include "function_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace
{
std::string readme()
{
    std::ifstream in(CASEWEIGHT_README);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST(FunctionTable, NamesAreUniqueAndDescribed)
{
    std::set<std::string_view> methods, names;
    for (const auto& f : caseweight::functionTable())
    {
        EXPECT_TRUE(methods.insert(f.method).second) << f.method;
        EXPECT_TRUE(names.insert(f.displayName).second) << f.displayName;
        EXPECT_GT(f.description.size(), 20u) << f.displayName;
        EXPECT_FALSE(f.arguments.empty()) << f.displayName;
        for (const auto& a : f.arguments)
            EXPECT_GT(a.description.size(), 10u) << f.displayName << " " << a.name;
        EXPECT_EQ(caseweight::findByDisplayName(f.displayName), &f);
        EXPECT_EQ(caseweight::findByMethod(f.method), &f);
    }
    // The names users type, as the README's "Functions" lists them: never renamed.
    for (const char* name : {"CASEPOINTS", "CASECHECK", "WORKERPOINTS", "WORKLOADPOINTS",
                             "WORKLOADBAND", "WORKLOADCAPACITY", "ITEMLABEL", "SCHEMEITEMS"})
        EXPECT_NE(caseweight::findByDisplayName(name), nullptr) << name;
    EXPECT_NE(caseweight::findByDisplayName("casepoints"), nullptr);
    EXPECT_EQ(caseweight::findByDisplayName("NOSUCH"), nullptr);
}

// What the Function Wizard shows whole at 100 % zoom: three lines of a function's description,
// two of an argument's (longer texts are cut without a scroll bar).
TEST(FunctionTable, TextsFitTheFunctionWizard)
{
    for (const auto& f : caseweight::functionTable())
    {
        EXPECT_LE(f.description.size(), 230u) << f.displayName;
        for (const auto& a : f.arguments)
            EXPECT_LE(a.description.size(), 145u) << f.displayName << " " << a.name;
    }
}

TEST(FunctionTable, ReadmeDocumentsEveryFunctionAndArgument)
{
    const std::string text = readme();
    ASSERT_FALSE(text.empty());
    for (const auto& f : caseweight::functionTable())
    {
        // "### NAME(Arg1; [Arg2] ...)": the heading names every argument in order.
        const std::string heading = "### " + std::string(f.displayName) + "(";
        const auto at = text.find(heading);
        ASSERT_NE(at, std::string::npos) << "README has no section " << heading;
        const std::string line = text.substr(at, text.find('\n', at) - at);
        std::size_t pos = 0;
        for (const auto& a : f.arguments)
        {
            const auto found = line.find(std::string(a.name), pos);
            EXPECT_NE(found, std::string::npos) << line << " lacks " << a.name;
            pos = found == std::string::npos ? pos : found;
        }
    }
}
