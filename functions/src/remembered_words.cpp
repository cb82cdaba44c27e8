#include "remembered_words.hpp"

#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace caseweight::detail
{

namespace
{

struct Remembered
{
    std::mutex mutex;
    std::uint64_t set = 0; // schemeSetNumber() of the answers held
    std::unordered_map<std::string, std::string> words;

    // Answers of an earlier set are never asked for again (its versions' addresses are not
    // those of the new set's): they are dropped, not kept until the limit.
    void forgetUnless(std::uint64_t current)
    {
        if (set != current)
        {
            words.clear();
            set = current;
        }
    }
};

Remembered& remembered()
{
    static Remembered r;
    return r;
}

void appendSize(std::string& out, std::size_t n)
{
    char bytes[sizeof n];
    std::memcpy(bytes, &n, sizeof n);
    out.append(bytes, sizeof bytes);
}

// The scheme version's address, then the function and its arguments.
std::string fullKey(const Scheme& scheme, const WordsKey& key)
{
    std::string out;
    const Scheme* address = &scheme;
    out.reserve(sizeof address + key.text().size());
    char bytes[sizeof address];
    std::memcpy(bytes, &address, sizeof address);
    out.append(bytes, sizeof bytes);
    out += key.text();
    return out;
}

} // namespace

WordsKey& WordsKey::operator<<(const Value& value)
{
    switch (value.kind)
    {
    case Value::Kind::Empty:
        text_ += 'E';
        break;
    case Value::Kind::Error:
        text_ += 'X';
        break;
    case Value::Kind::Number:
    {
        text_ += 'N';
        char bytes[sizeof value.number];
        std::memcpy(bytes, &value.number, sizeof bytes);
        text_.append(bytes, sizeof bytes);
        break;
    }
    case Value::Kind::Text:
        text_ += 'T';
        appendSize(text_, value.text.size());
        text_ += value.text;
        break;
    }
    return *this;
}

WordsKey& WordsKey::operator<<(const Values& values)
{
    text_ += 'R';
    appendSize(text_, values.size());
    for (const Value& value : values)
        *this << value;
    return *this;
}

bool recallWords(const Scheme& scheme, const WordsKey& key, std::string& words)
{
    Remembered& r = remembered();
    const std::string full = fullKey(scheme, key);
    const std::uint64_t set = schemeSetNumber();
    const std::lock_guard<std::mutex> lock(r.mutex);
    r.forgetUnless(set);
    const auto found = r.words.find(full);
    if (found == r.words.end())
        return false;
    words = found->second;
    return true;
}

void rememberWords(const Scheme& scheme, const WordsKey& key, const std::string& words)
{
    if (key.text().size() + words.size() > kLongestRememberedWords)
        return;
    Remembered& r = remembered();
    std::string full = fullKey(scheme, key);
    const std::uint64_t set = schemeSetNumber();
    const std::lock_guard<std::mutex> lock(r.mutex);
    r.forgetUnless(set);
    if (r.words.size() >= kMostRememberedWords)
        r.words.clear();
    r.words.emplace(std::move(full), words);
}

std::size_t rememberedWordsCount()
{
    Remembered& r = remembered();
    const std::lock_guard<std::mutex> lock(r.mutex);
    return r.set == schemeSetNumber() ? r.words.size() : 0;
}

} // namespace caseweight::detail
