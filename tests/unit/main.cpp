// The unit tests score with the shipped scheme files, loaded once before any test.
#include "caseweight/schemes.hpp"

#include <gtest/gtest.h>

#include <iostream>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    const auto problems =
        caseweight::loadSchemes(caseweight::schemeFilesIn(CASEWEIGHT_SCHEMES_DIR));
    for (const std::string& p : problems)
        std::cerr << p << "\n";
    if (!problems.empty())
        return 1;
    return RUN_ALL_TESTS();
}
