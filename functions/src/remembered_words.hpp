// The word functions' answers, remembered (POINTSTEXT, BANDTEXT, ITEMLABEL, SCHEMETEXT). A
// sheet's live words ask for the same texts of the same scheme version on every
// recalculation; a scheme version never changes once loaded, so an answer is worded once and
// then looked up.
#pragma once

#include "caseweight/value.hpp"
#include "scheme.hpp"

#include <cstddef>
#include <string>

namespace caseweight::detail
{

// The most answers kept; when full, the remembered answers are forgotten and kept anew.
inline constexpr std::size_t kMostRememberedWords = 4096;
// The longest answer kept, in bytes with its key: a longer one (a SCHEMETEXT of a whole page)
// is worded each time, so that what is kept stays under 16 MB.
inline constexpr std::size_t kLongestRememberedWords = 4096;

// What identifies an answer besides the scheme version: the function and its other arguments,
// each Value written in full (kind, number's bits or text), so that different arguments never
// share a key.
class WordsKey
{
  public:
    explicit WordsKey(char function) : text_(1, function) {}
    WordsKey& operator<<(const Value& value);
    WordsKey& operator<<(const Values& values);
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

// The remembered words of `key` into `words`; false when there are none.
bool recallWords(const Scheme& scheme, const WordsKey& key, std::string& words);
void rememberWords(const Scheme& scheme, const WordsKey& key, const std::string& words);

// The words for `key` of the scheme version `scheme`: remembered ones, else `compute()`'s,
// then remembered. An InputError of compute() is thrown on and nothing is remembered. The
// version is one of the set in use (schemeArg): a set once loaded is never freed, so the
// version's address identifies it for the life of the process; a new set (loadSchemes)
// forgets every answer. Calls may come from any thread.
template <class Compute>
std::string rememberedWords(const Scheme& scheme, const WordsKey& key, Compute&& compute)
{
    std::string words;
    if (recallWords(scheme, key, words))
        return words;
    words = compute();
    rememberWords(scheme, key, words);
    return words;
}

// How many answers are remembered (for the tests).
std::size_t rememberedWordsCount();

} // namespace caseweight::detail
