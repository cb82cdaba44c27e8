// The word functions remember their answers (remembered_words.hpp): a remembered answer is the
// one worded anew, a new scheme set is never answered from the previous one, a refusal is never
// remembered, and what is kept stays bounded.
#include "remembered_words.hpp"
#include "test_support.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace cwtest;
using caseweight::bandText;
using caseweight::itemLabel;
using caseweight::pointsText;
using caseweight::detail::Grade;
using caseweight::detail::Item;
using caseweight::detail::numberText;
using caseweight::detail::rememberedWordsCount;
using caseweight::detail::Scheme;
using caseweight::detail::Wording;
using caseweight::detail::WordsKey;

namespace
{

// KENT (kMinimalScheme) with CP worth `points` a child.
std::string kentWith(const std::string& points)
{
    std::string text = kMinimalScheme;
    const std::string from = "points = 6";
    text.replace(text.find(from), from.size(), "points = " + points);
    return text;
}

} // namespace

TEST(RememberedWords, EqualTheWordsWordedAnew)
{
    for (const std::string& name : caseweight::schemeNames())
    {
        const Scheme& s = schemeOf(name);
        for (const Item& item : s.items)
        {
            const std::string heading = caseweight::detail::pointsText(s, item, Wording::Heading);
            const std::string shortForm = caseweight::detail::pointsText(s, item, Wording::Short);
            const std::string label = item.label + ": " + caseweight::detail::pointsText(s, item);
            for (int round = 0; round < 2; ++round) // worded, then remembered
            {
                EXPECT_EQ(pointsText(S(name), cell(item.code), E()), heading) << item.code;
                EXPECT_EQ(pointsText(S(name), cell(item.code), S("short")), shortForm);
                EXPECT_EQ(itemLabel(S(name), S(item.code)), label) << item.code;
            }
        }
        for (const Grade& g : s.grades)
        {
            if (!g.invalid.empty() || s.gradesIgnored)
                continue;
            for (int round = 0; round < 2; ++round)
                EXPECT_EQ(bandText(S(name), S(g.name)), caseweight::detail::withinText(g));
        }
        for (int round = 0; round < 2; ++round)
            EXPECT_EQ(bandText(S(name), S("*")), caseweight::detail::gradesText(s));
    }
    EXPECT_GT(rememberedWordsCount(), 0u);
}

TEST(RememberedWords, ArgumentsThatDifferNeverShareAnAnswer)
{
    // Several codes in one cell or in several cells are the same codes (the same words) ...
    EXPECT_EQ(pointsText(S("SWINDON"), cell("CIN;CP"), E()),
              pointsText(S("SWINDON"), {S("CIN"), S("CP")}, E()));
    // ... but a form, a version or another code is another answer.
    EXPECT_NE(pointsText(S("SWINDON"), cell("CP"), E()),
              pointsText(S("SWINDON"), cell("CP"), S("short")));
    EXPECT_NE(pointsText(S("SWINDON"), cell("CP"), E()),
              pointsText(S("SWINDON"), cell("LAC"), E()));
    EXPECT_NE(bandText(S("SWINDON"), S("NQSW")), bandText(S("SWINDON"), S("EXPERIENCED")));
    // The keys write each value in full.
    EXPECT_NE((WordsKey('P') << cell("A;B")).text(),
              (WordsKey('P') << Values{S("A"), S("B")}).text());
    EXPECT_NE((WordsKey('P') << N(1)).text(), (WordsKey('P') << S("1")).text());
    EXPECT_NE((WordsKey('P') << N(1)).text(), (WordsKey('P') << N(2)).text());
    EXPECT_NE((WordsKey('P') << E()).text(), (WordsKey('P') << Err()).text());
    EXPECT_NE((WordsKey('P') << Values{S("AB")} << E()).text(),
              (WordsKey('P') << Values{S("A")} << S("B")).text());
    EXPECT_NE((WordsKey('P') << S("CP")).text(), (WordsKey('L') << S("CP")).text());
}

TEST(RememberedWords, ANewSchemeSetIsNeverAnsweredFromThePreviousOne)
{
    {
        WithFiles six(std::vector<caseweight::SchemeFile>{{"/packs/kent.toml", kentWith("6")}});
        ASSERT_EQ(six.problems, std::vector<std::string>{});
        for (int round = 0; round < 2; ++round)
        {
            EXPECT_EQ(pointsText(S("KENT"), cell("CP"), E()), "6 per child");
            EXPECT_EQ(itemLabel(S("KENT"), S("CP")), "Child protection: 6 per child");
            EXPECT_EQ(bandText(S("KENT"), S("SW")), "10 to 20 points");
        }
    }
    {
        // The same file name, the same scheme name, other numbers.
        std::string text = kentWith("7");
        text.replace(text.find("upper = 20"), 10, "upper = 25");
        WithFiles seven(std::vector<caseweight::SchemeFile>{{"/packs/kent.toml", text}});
        ASSERT_EQ(seven.problems, std::vector<std::string>{});
        EXPECT_EQ(rememberedWordsCount(), 0u);
        EXPECT_EQ(pointsText(S("KENT"), cell("CP"), E()), "7 per child");
        EXPECT_EQ(itemLabel(S("KENT"), S("CP")), "Child protection: 7 per child");
        EXPECT_EQ(bandText(S("KENT"), S("SW")), "10 to 25 points");
    }
    // And a set without KENT refuses it rather than remembering it.
    EXPECT_INPUT_ERROR(pointsText(S("KENT"), cell("CP"), E()), "\"KENT\" is not a scheme");
}

TEST(RememberedWords, ARefusalIsNotRemembered)
{
    caseweight::loadSchemes(shipped()); // a new set: nothing remembered
    ASSERT_EQ(rememberedWordsCount(), 0u);
    for (int round = 0; round < 2; ++round)
    {
        EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), cell("NOPE"), E()), "NOPE");
        EXPECT_INPUT_ERROR(pointsText(S("SWINDON"), cell("CP"), S("long")), "Form must be");
        EXPECT_INPUT_ERROR(itemLabel(S("SWINDON"), S("NOPE")), "NOPE");
        EXPECT_INPUT_ERROR(bandText(S("SWINDON"), S("BOSS")), "\"BOSS\" is not a SWINDON grade");
    }
    EXPECT_EQ(rememberedWordsCount(), 0u);
}

TEST(RememberedWords, EachVersionHasItsOwnWords)
{
    // The undated name is the version of today; dated names their own, remembered apart.
    const std::string today = pointsText(S("RBWM"), cell("COURT"), E());
    WithFiles loaded({{"/packs/rbwm-court.toml", courtAmendment("2027-04-01", "5")}});
    ASSERT_EQ(loaded.problems, std::vector<std::string>{});
    for (int round = 0; round < 2; ++round)
    {
        EXPECT_EQ(pointsText(S("RBWM@2027-03-31"), cell("COURT"), E()), "3");
        EXPECT_EQ(pointsText(S("RBWM@2027-04-01"), cell("COURT"), E()), "5");
        EXPECT_EQ(pointsText(S("RBWM@2027-03-31"), cell("COURT"), E()), today);
    }
}

TEST(RememberedWords, WhatIsKeptIsBounded)
{
    caseweight::loadSchemes(shipped());
    const std::string six = pointsText(S("SWINDON"), cell("CP"), S("short"));
    // A text numbered i: a new answer to keep each time.
    std::size_t most = 0;
    for (std::size_t i = 0; i < caseweight::detail::kMostRememberedWords + 10; ++i)
    {
        const std::string n = std::to_string(i);
        ASSERT_EQ(caseweight::schemeText(S("SWINDON"), S(n + " {short:CP}"), E()), n + " " + six);
        const std::size_t count = rememberedWordsCount();
        ASSERT_LE(count, caseweight::detail::kMostRememberedWords);
        most = std::max(most, count);
    }
    EXPECT_EQ(most, caseweight::detail::kMostRememberedWords);
    EXPECT_LT(rememberedWordsCount(), caseweight::detail::kMostRememberedWords);
    EXPECT_EQ(pointsText(S("SWINDON"), cell("CP"), S("short")), six);
}

TEST(RememberedWords, ALongAnswerIsWordedEachTimeNotKept)
{
    caseweight::loadSchemes(shipped());
    const std::size_t before = rememberedWordsCount();
    const std::string page(caseweight::detail::kLongestRememberedWords, 'x');
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(caseweight::schemeText(S("SWINDON"), S(page + "{short:CP}"), E()), page + "6");
    EXPECT_EQ(rememberedWordsCount(), before);
    // A range of many cells makes a long key too.
    Values codes{S("CP")};
    codes.resize(caseweight::detail::kLongestRememberedWords, E());
    EXPECT_EQ(pointsText(S("SWINDON"), codes, S("short")), "6");
    EXPECT_EQ(rememberedWordsCount(), before);
    // A short one is kept.
    caseweight::schemeText(S("SWINDON"), S("kept {short:CP}"), E());
    EXPECT_EQ(rememberedWordsCount(), before + 1);
}

TEST(RememberedWords, CallsFromSeveralThreadsGetTheirOwnAnswers)
{
    caseweight::loadSchemes(shipped());
    const std::vector<std::string> codes{"CP", "LAC", "CIN", "COURT", "TASK", "GROUP"};
    std::vector<std::string> expected;
    for (const std::string& code : codes)
        expected.push_back(pointsText(S("SWINDON"), cell(code), E()));
    caseweight::loadSchemes(shipped()); // worded again, by the threads at once
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(
            [&, t]
            {
                for (int i = 0; i < 2000; ++i)
                {
                    const std::size_t k = static_cast<std::size_t>(i + t) % codes.size();
                    if (pointsText(S("SWINDON"), cell(codes[k]), E()) != expected[k])
                        ++wrong[static_cast<std::size_t>(t)];
                }
            });
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(Words, WholeNumbersAsPrintfWritesThem)
{
    char buffer[400];
    for (double x : {1.0, -1.0, 6.0, 30.0, 1234567.0, -250.0, 9007199254740992.0,
                     999999999999999999.0, 1e17, -1e17, 1e18, 1e19, 1e300, 4294967296.0})
    {
        std::snprintf(buffer, sizeof buffer, "%.0f", x);
        EXPECT_EQ(numberText(x), buffer) << x;
    }
}
