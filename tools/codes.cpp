// Prints every scheme's item codes, groups, sheet columns, labels and grades as Markdown, from
// the engine's own tables: the README's code reference is this output, checked by a test.
//   caseweight-codes            print the reference
//   caseweight-codes --check F  exit 1 unless F holds it between the codes:begin/end markers
#include "scheme.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace
{
using namespace caseweight::detail;

std::string number(double d)
{
    std::ostringstream s;
    s << d;
    return s.str();
}

std::string reference()
{
    std::ostringstream out;
    for (const Scheme* s : allSchemes())
    {
        out << "#### " << s->name
            << "\n\n| code | group | column | what it is |\n|---|---|---|---|\n";
        for (const Item& item : s->items)
            out << "| `" << item.code << "` | " << groupName(item.group) << " | " << item.column
                << " | " << item.label << " |\n";
        out << "\nGrades: ";
        if (s->gradeIgnored)
            out << "ignored (bands by FTE only).";
        else
        {
            bool first = true;
            for (const Grade& g : s->grades)
            {
                out << (first ? "" : ", ") << "`" << g.name << "` " << number(g.lower) << "-"
                    << number(g.upper);
                first = false;
            }
            out << " (default `" << s->defaultGrade << "`).";
        }
        out << "\n\n";
    }
    return out.str();
}
} // namespace

int main(int argc, char** argv)
{
    const std::string text = reference();
    if (argc == 3 && std::string(argv[1]) == "--check")
    {
        std::ifstream in(argv[2]);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string readme = buffer.str();
        const std::string begin = "<!-- codes:begin -->\n", end = "<!-- codes:end -->";
        const auto b = readme.find(begin), e = readme.find(end);
        if (b == std::string::npos || e == std::string::npos ||
            readme.substr(b + begin.size(), e - b - begin.size()) != text)
        {
            std::cerr << argv[2] << ": the code reference is out of date; paste the output of "
                      << "caseweight-codes between the codes:begin and codes:end markers.\n";
            return 1;
        }
        return 0;
    }
    std::cout << text;
    return 0;
}
