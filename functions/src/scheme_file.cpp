// Reading scheme files (TOML) into dated Scheme versions and caseload policies, and the
// registry every function reads. Every mistake is reported with its file and line; a file with
// mistakes only disables the scheme it defines or amends (a mistake in a [[policy]] table: that
// policy; in a file of policies: the policies it defines or amends).
#include "caseweight/schemes.hpp"

#include "checked_arguments.hpp"
#include "dates.hpp"
#include "rules.hpp"
#include "scheme.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#define TOML_EXCEPTIONS 1
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

namespace caseweight
{
namespace detail
{

namespace
{

// Limits on what a file may hold: far beyond any scheme, low enough that a slip (1e308 points,
// a whole document pasted as a source) is caught rather than carried into every sheet.
constexpr double kLargestNumber = 100000;
constexpr std::size_t kLongestText = 4000;
constexpr std::uintmax_t kLargestFile = 64u << 20; // 64 MB: a thousand times a real scheme

// The set in use: replaced as a whole, never changed; earlier sets are kept (see schemes.hpp).
std::atomic<const Loaded*> gLoaded{nullptr};
std::atomic<std::uint64_t> gSetNumber{0};

const Loaded& emptySet()
{
    static const Loaded none{{}, {}, kNone, "no files are loaded", {}, {}, {}, {}};
    return none;
}

const Loaded& inUse()
{
    const Loaded* set = gLoaded.load(std::memory_order_acquire);
    return set ? *set : emptySet();
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stemUpper(const std::string& path)
{
    std::string name = baseName(path);
    if (const std::size_t dot = name.rfind('.'); dot != std::string::npos)
        name.resize(dot);
    return normaliseName(name);
}

// Mistakes of one file: "file:line: sentence".
class Report
{
  public:
    Report(std::string file, std::vector<std::string>& out) : file_(std::move(file)), out_(out) {}

    void add(int line, const std::string& sentence)
    {
        out_.push_back(file_ + ":" + std::to_string(line) + ": " + sentence);
        mine_.push_back(file_ + " line " + std::to_string(line) + ": " + sentence);
    }
    void add(const toml::node& node, const std::string& sentence)
    {
        add(static_cast<int>(node.source().begin.line), sentence);
    }
    std::size_t count() const { return mine_.size(); }
    // The first mistake ("file line N: sentence"), or "".
    std::string first() const { return firstSince(0); }
    // The first mistake after the first `n`, or "".
    std::string firstSince(std::size_t n) const { return n < mine_.size() ? mine_[n] : ""; }
    const std::string& file() const { return file_; }

  private:
    std::string file_;
    std::vector<std::string>& out_;
    std::vector<std::string> mine_;
};

int lineOf(const toml::node& node)
{
    return static_cast<int>(node.source().begin.line);
}

void unknownKeys(const toml::table& t, const std::vector<std::string_view>& known,
                 std::string_view where, Report& r)
{
    for (auto&& [key, value] : t)
        if (std::find(known.begin(), known.end(), key.str()) == known.end())
            r.add(value, "unknown key \"" + std::string(key.str()) + "\" in " + std::string(where) +
                             "; check its spelling (docs/schemes.md).");
}

std::optional<std::string> text(const toml::table& t, std::string_view key, Report& r,
                                bool required, const toml::node& where)
{
    const toml::node* n = t.get(key);
    if (!n)
    {
        if (required)
            r.add(where, "\"" + std::string(key) + "\" is missing.");
        return std::nullopt;
    }
    if (auto s = n->value<std::string>())
    {
        if (s->size() <= kLongestText)
            return *s;
        r.add(*n, "\"" + std::string(key) + "\" is " + std::to_string(s->size()) +
                      " characters long; a text goes up to " + std::to_string(kLongestText) +
                      " (put longer guidance in a document and name it here).");
        return std::nullopt;
    }
    r.add(*n, "\"" + std::string(key) + "\" must be a text in quotes.");
    return std::nullopt;
}

std::optional<double> number(const toml::table& t, std::string_view key, Report& r, bool required,
                             const toml::node& where)
{
    const toml::node* n = t.get(key);
    if (!n)
    {
        if (required)
            r.add(where, "\"" + std::string(key) + "\" is missing.");
        return std::nullopt;
    }
    if (n->is_number())
    {
        const double x = *n->value<double>();
        if (!std::isfinite(x))
        {
            r.add(*n, "\"" + std::string(key) + "\" must be an ordinary number such as 6 or 2.5; " +
                          (std::isnan(x) ? "nan" : "inf") + " is not one.");
            return std::nullopt;
        }
        if (x < 0)
        {
            r.add(*n, "\"" + std::string(key) + "\" cannot be negative; it is " + formatNumber(x) +
                          ".");
            return std::nullopt;
        }
        if (x > kLargestNumber)
        {
            r.add(*n, "\"" + std::string(key) + "\" is " + formatNumber(x) +
                          ", more than any scheme needs; numbers go up to " +
                          formatNumber(kLargestNumber) + ".");
            return std::nullopt;
        }
        return x;
    }
    r.add(*n, "\"" + std::string(key) + "\" must be a number.");
    return std::nullopt;
}

std::optional<bool> flag(const toml::table& t, std::string_view key, Report& r)
{
    const toml::node* n = t.get(key);
    if (!n)
        return std::nullopt;
    if (auto b = n->value<bool>())
        return *b;
    r.add(*n, "\"" + std::string(key) + "\" must be true or false.");
    return std::nullopt;
}

std::optional<int> day(const toml::table& t, std::string_view key, Report& r, bool required,
                       const toml::node& where)
{
    const toml::node* n = t.get(key);
    if (!n)
    {
        if (required)
            r.add(where,
                  "\"" + std::string(key) + "\" is missing: give a date such as 2027-04-01.");
        return std::nullopt;
    }
    if (const toml::date* d = n->as_date() ? &n->as_date()->get() : nullptr)
        return dayOf(d->year, d->month, d->day);
    r.add(*n, "\"" + std::string(key) + "\" must be a date such as 2027-04-01 (no quotes).");
    return std::nullopt;
}

std::vector<std::pair<std::string, int>> texts(const toml::table& t, std::string_view key,
                                               Report& r)
{
    std::vector<std::pair<std::string, int>> out;
    const toml::node* n = t.get(key);
    if (!n)
        return out;
    const toml::array* a = n->as_array();
    if (!a)
    {
        r.add(*n, "\"" + std::string(key) + "\" must be a list such as [\"CP\", \"CIN\"].");
        return out;
    }
    for (const toml::node& e : *a)
        if (auto s = e.value<std::string>())
            out.emplace_back(*s, lineOf(e));
        else
            r.add(e, "\"" + std::string(key) + "\" must hold texts in quotes.");
    return out;
}

bool validCode(const std::string& code)
{
    if (code.empty() || code.size() > 40)
        return false;
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return code.front() != '-' && code.back() != '-';
}

std::optional<Group> groupOf(const std::string& name)
{
    for (Group g :
         {Group::Case, Group::Modifier, Group::Specific, Group::Additional, Group::Worker})
        if (groupName(g) == name)
            return g;
    return std::nullopt;
}

std::vector<Step> steps(const toml::table& t, std::string_view key, std::string_view valueKey,
                        Report& r)
{
    std::vector<Step> out;
    const toml::node* n = t.get(key);
    if (!n)
        return out;
    const toml::array* a = n->as_array();
    const std::string k(key);
    if (!a || a->empty())
    {
        r.add(*n, "\"" + k + "\" must be a list such as [{ from = 1, " + std::string(valueKey) +
                      " = 10 }, { from = 4, " + std::string(valueKey) + " = 20 }].");
        return out;
    }
    for (const toml::node& e : *a)
    {
        const toml::table* st = e.as_table();
        if (!st)
        {
            r.add(e, "each step of \"" + k + "\" must be { from = ..., " + std::string(valueKey) +
                         " = ... }.");
            continue;
        }
        unknownKeys(*st, {"from", valueKey}, "a step of \"" + k + "\"", r);
        const auto from = number(*st, "from", r, true, e);
        const auto value = number(*st, valueKey, r, true, e);
        if (!from || !value)
            continue;
        if (*from != std::floor(*from) || *from < 1)
        {
            r.add(e, "\"from\" in \"" + k + "\" must be a whole number of children, 1 or more.");
            continue;
        }
        if (!out.empty() && *from <= out.back().from)
            r.add(e, "the steps of \"" + k + "\" must go up: " + formatNumber(*from) +
                         " comes after " + std::to_string(out.back().from) + ".");
        if (out.empty() && *from != 1)
            r.add(e, "the first step of \"" + k + "\" must be from 1 child.");
        out.push_back({static_cast<int>(*from), *value});
    }
    return out;
}

// ---- caseload policies and the full-time week ----------------------------------------------

constexpr double kMinWeek = 1;   // an hour a week: below it, a typing slip
constexpr double kMaxWeek = 168; // the hours of a week

// `full_time_hours` of a table, checked: the hours of a full-time week.
std::optional<double> fullTimeHours(const toml::table& t, Report& r)
{
    const auto hours = number(t, "full_time_hours", r, false, t);
    if (hours && (*hours < kMinWeek || *hours > kMaxWeek))
    {
        r.add(*t.get("full_time_hours"),
              "\"full_time_hours\" is the hours of a full-time week, from " +
                  formatNumber(kMinWeek) + " to " + formatNumber(kMaxWeek) + "; it is " +
                  formatNumber(*hours) + ".");
        return std::nullopt;
    }
    return hours;
}

// A [[policy]] table, or an [[amendment.policy]] table (only the keys it gives).
struct PolicyChange
{
    std::string code;
    std::optional<double> lower;
    std::optional<double> upper;
    std::optional<std::string> label;
    std::optional<std::string> source;
    int from = 0;
    std::string note;
    std::string file; // its path
    int line = 0;
    std::string problem; // its table's first mistake (a file of policies: the file's)
};

const std::vector<std::string_view> kPolicyKeys = {"code", "label", "lower", "upper", "source"};

PolicyChange readPolicyTable(const toml::table& t, bool isNew, const std::string& path, Report& r)
{
    const std::size_t before = r.count();
    unknownKeys(t, kPolicyKeys, isNew ? "a policy" : "an amendment of a policy", r);
    PolicyChange c;
    c.file = path;
    c.line = lineOf(t);
    if (auto code = text(t, "code", r, true, t))
    {
        c.code = *code;
        if (!validCode(c.code))
            r.add(t, "the policy code \"" + c.code +
                         "\" must be capital letters, digits and dashes (such as WALSALL-NQSW).");
    }
    c.label = text(t, "label", r, isNew, t);
    c.source = text(t, "source", r, isNew, t);
    c.lower = number(t, "lower", r, false, t);
    c.upper = number(t, "upper", r, isNew, t);
    if (c.upper && !(*c.upper > 0))
        r.add(t, "the policy " + c.code + " needs an upper limit above 0.");
    if (c.lower && c.upper && *c.lower > *c.upper)
        r.add(t, "the limits of the policy " + c.code +
                     " are the wrong way round: its lower "
                     "limit " +
                     formatNumber(*c.lower) + " is above its upper limit " +
                     formatNumber(*c.upper) + ".");
    c.problem = r.firstSince(before);
    return c;
}

// The tables of an array key ("policy", "amendment.policy").
std::vector<const toml::table*> tablesOf(const toml::node& n, const std::string& what, Report& r)
{
    std::vector<const toml::table*> out;
    const toml::array* a = n.as_array();
    if (!a)
    {
        r.add(n, "\"" + what + "\" must be [[" + what + "]] tables.");
        return out;
    }
    for (const toml::node& e : *a)
        if (const toml::table* t = e.as_table())
            out.push_back(t);
        else
            r.add(e, "\"" + what + "\" must be [[" + what + "]] tables.");
    return out;
}

void readPolicies(const toml::table& top, const std::string& path, Report& r,
                  std::vector<PolicyChange>& out)
{
    if (const toml::node* n = top.get("policy"))
        for (const toml::table* t : tablesOf(*n, "policy", r))
            out.push_back(readPolicyTable(*t, true, path, r));
}

// An item's references to other codes, resolved once every item is read.
struct PendingCodes
{
    std::size_t item;
    std::vector<std::pair<std::string, int>> perChildWith;
    std::vector<std::pair<std::string, int>> perRowWith;
};

const std::vector<std::string_view> kItemKeys = {
    "code",           "label",        "group",        "column",      "points", "per",
    "further",        "sizes",        "basic",        "basic_cap",   "units",  "unit_points",
    "per_child_with", "per_row_with", "replaces_row", "single_case", "alone",  "repeat"};

// Reads the keys present in an [[item]] table onto `item` (a new item, or a copy of the one an
// amendment changes).
void readItem(const toml::table& t, Item& item, PendingCodes& pending, Report& r, bool isNew)
{
    unknownKeys(t, kItemKeys, "an item", r);
    const toml::node& where = t;
    if (auto code = text(t, "code", r, true, where))
        item.code = *code;
    if (auto label = text(t, "label", r, isNew, where))
        item.label = *label;
    if (auto g = text(t, "group", r, isNew, where))
    {
        if (auto group = groupOf(*g))
            item.group = *group;
        else
            r.add(*t.get("group"), "unknown group \"" + *g +
                                       "\"; use case, modifier, specific, additional or worker.");
    }
    if (auto c = text(t, "column", r, false, where))
        item.column = *c;
    if (auto per = text(t, "per", r, false, where))
    {
        if (*per == "row")
            item.per = Per::Row;
        else if (*per == "child")
            item.per = Per::Child;
        else if (*per == "first-child")
            item.per = Per::FirstChild;
        else if (*per == "family-size")
            item.per = Per::FamilySize;
        else
            r.add(*t.get("per"),
                  "unknown \"per\" \"" + *per + "\"; use row, child, first-child or family-size.");
    }
    if (auto p = number(t, "points", r, false, where))
        item.points = *p;
    else if (isNew && !t.get("points") && item.per != Per::FamilySize)
        r.add(where, "\"points\" is missing.");
    if (auto f = number(t, "further", r, false, where))
        item.further = *f;
    if (t.get("sizes"))
        item.sizes = steps(t, "sizes", "points", r);
    if (item.per == Per::FamilySize && item.sizes.empty() && !t.get("sizes"))
        r.add(where, "a family-size item needs \"sizes\": points by the number of children.");
    if (auto b = number(t, "basic", r, false, where))
        item.basic = *b;
    if (auto b = number(t, "basic_cap", r, false, where))
        item.basicCap = *b;
    if (t.get("units"))
        item.units = steps(t, "units", "units", r);
    if (auto u = number(t, "unit_points", r, false, where))
        item.unitPoints = *u;
    if (t.get("per_child_with"))
        pending.perChildWith = texts(t, "per_child_with", r);
    if (t.get("per_row_with"))
        pending.perRowWith = texts(t, "per_row_with", r);
    if (auto b = flag(t, "replaces_row", r))
        item.replacesRow = *b;
    if (auto b = flag(t, "single_case", r))
        item.singleCase = *b;
    if (auto b = flag(t, "alone", r))
        item.alone = *b;
    if (auto b = flag(t, "repeat", r))
        item.repeat = *b ? Repeat::MayRepeat : Repeat::Once;
    item.line = lineOf(t);
    if (!item.code.empty() && !validCode(item.code))
        r.add(where, "the code \"" + item.code +
                         "\" must be capital letters, digits and dashes (such as CP or "
                         "TRAVEL-1-2H).");
    if (item.per != Per::FirstChild && item.further != 0)
        r.add(where, item.code + ": \"further\" belongs to per = \"first-child\" items.");
    if (isNew && item.per == Per::FirstChild && !t.get("further"))
        r.add(where, item.code + ": a per = \"first-child\" item needs \"further\", the points of "
                                 "each further child (0 when they add nothing).");
    if (!std::isnan(item.basicCap) && item.basic <= 0)
        r.add(where, item.code + ": \"basic_cap\" needs a \"basic\".");
    if (!item.units.empty() && item.group != Group::Case)
        r.add(where, item.code + ": only a case type counts \"units\".");
}

std::vector<std::size_t> resolve(const Scheme& s,
                                 const std::vector<std::pair<std::string, int>>& codes, Report& r)
{
    std::vector<std::size_t> out;
    for (const auto& [code, line] : codes)
    {
        const int i = findItem(s, code);
        if (i < 0)
            r.add(line, "\"" + code + "\" is not an item of " + s.name + ".");
        else
            out.push_back(static_cast<std::size_t>(i));
    }
    return out;
}

void resolvePending(Scheme& s, const std::vector<PendingCodes>& pending, Report& r)
{
    for (const PendingCodes& p : pending)
    {
        Item& item = s.items[p.item];
        if (!p.perChildWith.empty())
            item.perChildWith = resolve(s, p.perChildWith, r);
        if (!p.perRowWith.empty())
            item.perRowWith = resolve(s, p.perRowWith, r);
    }
}

void readItems(const toml::table& top, Scheme& s, Report& r)
{
    const toml::node* n = top.get("item");
    const toml::array* a = n ? n->as_array() : nullptr;
    if (!a || a->empty())
    {
        r.add(n ? *n : static_cast<const toml::node&>(top),
              "a scheme needs its items: [[item]] tables with code, group, points and label.");
        return;
    }
    std::vector<PendingCodes> pending;
    for (const toml::node& e : *a)
    {
        const toml::table* t = e.as_table();
        if (!t)
        {
            r.add(e, "\"item\" must be [[item]] tables.");
            continue;
        }
        Item item;
        PendingCodes p{s.items.size(), {}, {}};
        readItem(*t, item, p, r, true);
        if (findItem(s, item.code) >= 0)
        {
            r.add(e, "the code " + item.code + " is given twice; each code once.");
            continue;
        }
        if (s.items.size() == kMaxItems)
        {
            r.add(e, "a scheme has at most " + std::to_string(kMaxItems) + " items.");
            break;
        }
        s.items.push_back(std::move(item));
        pending.push_back(std::move(p));
        indexItems(s);
    }
    resolvePending(s, pending, r);
}

void readGrade(const toml::table& t, Grade& g, Report& r, bool isNew)
{
    unknownKeys(t, {"name", "lower", "upper", "invalid"}, "a grade", r);
    if (auto name = text(t, "name", r, true, t))
        g.name = normaliseName(*name);
    if (auto lower = number(t, "lower", r, false, t))
        g.lower = *lower;
    if (auto invalid = text(t, "invalid", r, false, t))
        g.invalid = *invalid;
    if (auto upper = number(t, "upper", r, isNew && g.invalid.empty(), t))
        g.upper = *upper;
    if (g.invalid.empty() && !(g.upper > 0))
        r.add(t, "the grade " + g.name + " needs an upper limit above 0.");
    if (g.lower > g.upper && g.invalid.empty())
        r.add(t, "the bands of " + g.name + " overlap: its lower limit " + formatNumber(g.lower) +
                     " is above its upper limit " + formatNumber(g.upper) + ".");
}

void readGrades(const toml::table& top, std::vector<Grade>& grades, Report& r, bool isNew)
{
    const toml::node* n = top.get("grade");
    if (!n)
    {
        if (isNew)
            r.add(top, "a scheme needs at least one [[grade]] with its band limits.");
        return;
    }
    const toml::array* a = n->as_array();
    if (!a)
    {
        r.add(*n, "\"grade\" must be [[grade]] tables.");
        return;
    }
    for (const toml::node& e : *a)
    {
        const toml::table* t = e.as_table();
        if (!t)
        {
            r.add(e, "\"grade\" must be [[grade]] tables.");
            continue;
        }
        const auto name = t->get("name") ? t->get("name")->value<std::string>() : std::nullopt;
        auto it =
            std::find_if(grades.begin(), grades.end(),
                         [&](const Grade& g) { return name && g.name == normaliseName(*name); });
        if (it != grades.end() && isNew)
        {
            r.add(e, "the grade " + it->name + " is given twice.");
            continue;
        }
        if (it == grades.end())
        {
            Grade g;
            readGrade(*t, g, r, true);
            grades.push_back(g);
        }
        else
            readGrade(*t, *it, r, false);
    }
}

void readBands(const toml::table& top, Scheme& s, Report& r)
{
    const toml::node* n = top.get("bands");
    const toml::table* t = n ? n->as_table() : nullptr;
    if (!t)
    {
        r.add(n ? *n : static_cast<const toml::node&>(top),
              "a scheme needs [bands] with the labels of its bands (within, above).");
        return;
    }
    unknownKeys(*t, {"below", "within", "above"}, "[bands]", r);
    s.bandsLine = lineOf(*n);
    if (auto below = text(*t, "below", r, false, *t))
        s.bands.below = *below;
    if (auto within = text(*t, "within", r, true, *t))
        s.bands.within = *within;
    const toml::node* an = t->get("above");
    const toml::array* a = an ? an->as_array() : nullptr;
    if (!a || a->empty())
    {
        r.add(an ? *an : static_cast<const toml::node&>(*t),
              "[bands] needs \"above\": the labels above the grade's upper limit, such as "
              "[{ label = \"Above band\" }].");
        return;
    }
    for (const toml::node& e : *a)
    {
        const toml::table* bt = e.as_table();
        if (!bt)
        {
            r.add(e,
                  "each band above must be { label = \"...\" } (with up_to = ... but the last).");
            continue;
        }
        unknownKeys(*bt, {"label", "up_to"}, "a band", r);
        BandAbove b;
        if (auto label = text(*bt, "label", r, true, e))
            b.label = *label;
        if (auto upTo = number(*bt, "up_to", r, false, e))
            b.upTo = *upTo;
        s.bands.above.push_back(b);
    }
}

// Checks that bands do not overlap for any grade; run on every version.
void checkBands(const Scheme& s, Report& r, int line)
{
    const auto& above = s.bands.above;
    for (std::size_t i = 0; i < above.size(); ++i)
    {
        const bool last = i + 1 == above.size();
        if (!last && std::isnan(above[i].upTo))
            r.add(line, "the band \"" + above[i].label +
                            "\" needs up_to (only the last band "
                            "above has none).");
        if (last && !std::isnan(above[i].upTo))
            r.add(line, "the last band above, \"" + above[i].label + "\", has no up_to.");
        if (i > 0 && !std::isnan(above[i].upTo) && !std::isnan(above[i - 1].upTo) &&
            above[i].upTo <= above[i - 1].upTo)
            r.add(line, "the bands overlap: \"" + above[i].label + "\" must go up to more than \"" +
                            above[i - 1].label + "\".");
        if (!std::isnan(above[i].upTo))
            for (const Grade& g : s.grades)
                if (g.invalid.empty() && above[i].upTo <= g.upper)
                    r.add(line, "the bands overlap: \"" + above[i].label + "\" goes up to " +
                                    formatNumber(above[i].upTo) + ", not above the upper limit " +
                                    formatNumber(g.upper) + " of " + g.name + ".");
    }
    if (!s.bands.below.empty())
        return;
    for (const Grade& g : s.grades)
        if (g.lower > 0 && g.invalid.empty())
            r.add(line, "the grade " + g.name + " has a lower limit but [bands] has no \"below\".");
}

void readRules(const toml::table& top, Scheme& s, Report& r)
{
    const toml::node* n = top.get("rule");
    if (!n)
        return;
    const toml::array* a = n->as_array();
    if (!a)
    {
        r.add(*n, "\"rule\" must be [[rule]] tables.");
        return;
    }
    for (const toml::node& e : *a)
    {
        const toml::table* t = e.as_table();
        if (!t)
        {
            r.add(e, "\"rule\" must be [[rule]] tables.");
            continue;
        }
        Rule rule;
        const auto name = text(*t, "rule", r, true, e);
        if (!name)
            continue;
        const auto groupArg = [&](Group fallback)
        {
            if (auto g = text(*t, "group", r, false, e))
            {
                if (auto group = groupOf(*g))
                    return *group;
                r.add(*t->get("group"), "unknown group \"" + *g + "\".");
            }
            return fallback;
        };
        const auto whatArg = [&]()
        {
            if (auto w = text(*t, "what", r, true, e))
                rule.what = *w;
        };
        if (*name == "one-case-type")
        {
            unknownKeys(*t, {"rule", "group", "required"}, "the rule one-case-type", r);
            rule.kind = Rule::Kind::OneCaseType;
            rule.group = groupArg(Group::Case);
            rule.required = flag(*t, "required", r).value_or(true);
        }
        else if (*name == "only-with")
        {
            unknownKeys(*t, {"rule", "code", "with"}, "the rule only-with", r);
            rule.kind = Rule::Kind::OnlyWith;
            if (auto code = text(*t, "code", r, true, e))
                rule.codes = resolve(s, {{*code, lineOf(e)}}, r);
            rule.with = resolve(s, texts(*t, "with", r), r);
            if (rule.codes.empty() || rule.with.empty())
            {
                r.add(e, "the rule only-with needs a code and the case types it goes with.");
                continue;
            }
        }
        else if (*name == "at-most-one-of")
        {
            unknownKeys(*t, {"rule", "codes", "what"}, "the rule at-most-one-of", r);
            rule.kind = Rule::Kind::AtMostOneOf;
            rule.codes = resolve(s, texts(*t, "codes", r), r);
            whatArg();
        }
        else if (*name == "at-most")
        {
            unknownKeys(*t, {"rule", "group", "most", "what"}, "the rule at-most", r);
            rule.kind = Rule::Kind::AtMost;
            rule.group = groupArg(Group::Additional);
            if (auto most = number(*t, "most", r, true, e))
                rule.most = static_cast<unsigned>(*most);
            whatArg();
        }
        else if (*name == "cap")
        {
            unknownKeys(*t, {"rule", "codes", "with", "most"}, "the rule cap", r);
            rule.kind = Rule::Kind::Cap;
            rule.codes = resolve(s, texts(*t, "codes", r), r);
            rule.with = resolve(s, texts(*t, "with", r), r);
            if (auto most = number(*t, "most", r, true, e))
                rule.cap = *most;
        }
        else
        {
            r.add(e, "unknown rule \"" + *name +
                         "\"; the rules are one-case-type, only-with, at-most-one-of, at-most "
                         "and cap.");
            continue;
        }
        s.rules.push_back(rule);
    }
}

void readColumns(const toml::table& top, Scheme& s, Report& r)
{
    const toml::node* n = top.get("column");
    if (!n)
        return;
    const toml::array* a = n->as_array();
    if (!a)
    {
        r.add(*n, "\"column\" must be [[column]] tables.");
        return;
    }
    static const std::pair<std::string_view, Column::Kind> kKinds[] = {
        {"one-of", Column::Kind::OneOf},
        {"any-of", Column::Kind::AnyOf},
        {"each-child", Column::Kind::EachChild},
        {"child-or-row", Column::Kind::ChildOrRow},
        {"multiples", Column::Kind::Multiples},
        {"basic", Column::Kind::Basic},
        {"first-child", Column::Kind::FirstChild},
        {"further-children", Column::Kind::FurtherChildren}};
    for (const toml::node& e : *a)
    {
        const toml::table* t = e.as_table();
        if (!t)
        {
            r.add(e, "\"column\" must be [[column]] tables.");
            continue;
        }
        unknownKeys(*t, {"key", "what", "kind", "item", "items", "group", "plus", "most"},
                    "a column", r);
        Column c;
        c.key = text(*t, "key", r, true, e).value_or("");
        c.what = text(*t, "what", r, true, e).value_or(c.key);
        const std::string kind = text(*t, "kind", r, true, e).value_or("");
        bool known = false;
        for (const auto& [name, k] : kKinds)
            if (kind == name)
            {
                c.kind = k;
                known = true;
            }
        if (!known)
        {
            if (!kind.empty())
                r.add(e, "unknown column kind \"" + kind + "\".");
            continue;
        }
        if (auto item = text(*t, "item", r, false, e))
            c.items = resolve(s, {{*item, lineOf(e)}}, r);
        if (t->get("items"))
            c.items = resolve(s, texts(*t, "items", r), r);
        if (auto g = text(*t, "group", r, false, e))
        {
            if (auto group = groupOf(*g))
            {
                for (std::size_t i = 0; i < s.items.size(); ++i)
                    if (s.items[i].group == *group)
                        c.items.push_back(i);
            }
            else
                r.add(e, "unknown group \"" + *g + "\".");
        }
        if (auto plus = text(*t, "plus", r, false, e))
        {
            const auto p = resolve(s, {{*plus, lineOf(e)}}, r);
            c.hasPlus = !p.empty();
            c.plus = c.hasPlus ? p.front() : 0;
        }
        c.most = static_cast<unsigned>(number(*t, "most", r, false, e).value_or(0));
        if (c.kind == Column::Kind::AnyOf && c.most == 0)
            c.most = static_cast<unsigned>(c.items.size());
        if (c.kind == Column::Kind::Multiples && c.most == 0)
            r.add(e, "a multiples column needs \"most\".");
        if (c.kind == Column::Kind::EachChild && !c.hasPlus)
            r.add(e, "an each-child column needs \"plus\".");
        if (c.items.empty() && c.kind != Column::Kind::Basic)
            r.add(e, "the column " + c.key + " needs its item(s).");
        if (std::any_of(s.columns.begin(), s.columns.end(),
                        [&](const Column& other) { return other.key == c.key; }))
            r.add(e, "the column " + c.key + " is given twice.");
        s.columns.push_back(std::move(c));
    }
}

// What identifies an item's meaning; an amendment may change numbers and words only.
bool sameMeaning(const Item& a, const Item& b)
{
    return a.group == b.group && a.per == b.per && a.column == b.column && a.repeat == b.repeat &&
           a.replacesRow == b.replacesRow && a.singleCase == b.singleCase && a.alone == b.alone &&
           a.perChildWith == b.perChildWith && a.perRowWith == b.perRowWith &&
           a.units.empty() == b.units.empty();
}

// An amendment, kept until every file is read (it may come from another file).
struct Amendment
{
    const toml::table* table;
    int from;
    std::string note;
    std::string file;
    int line;
    std::shared_ptr<toml::table> keep; // owns the parsed file
};

// Applies one amendment to a copy of the version before it.
void applyAmendment(Scheme& s, const Amendment& a, Report& r)
{
    const toml::table& t = *a.table;
    unknownKeys(t, {"from", "note", "item", "grade", "default_grade", "full_time_hours", "policy"},
                "an amendment", r);
    if (auto hours = fullTimeHours(t, r))
        s.fullTimeHours = *hours;
    s.from = a.from;
    s.note = a.note;
    s.file = baseName(a.file);
    if (const toml::node* n = t.get("item"))
    {
        const toml::array* arr = n->as_array();
        std::vector<PendingCodes> pending;
        std::vector<std::string> changedCodes;
        for (std::size_t k = 0; arr && k < arr->size(); ++k)
        {
            const toml::table* it = (*arr)[k].as_table();
            if (!it)
                continue;
            const auto code =
                it->get("code") ? it->get("code")->value<std::string>() : std::nullopt;
            if (code)
            {
                // The same code twice would leave the last table silently winning.
                const std::string name = normaliseName(*code);
                if (std::find(changedCodes.begin(), changedCodes.end(), name) != changedCodes.end())
                {
                    r.add(*it, "the code " + name + " is given twice in the amendment from " +
                                   isoDate(a.from) + "; give each code once.");
                    continue;
                }
                changedCodes.push_back(name);
            }
            const int found = code ? findItem(s, *code) : -1;
            if (found >= 0)
            {
                Item changed = s.items[static_cast<std::size_t>(found)];
                PendingCodes p{static_cast<std::size_t>(found), {}, {}};
                readItem(*it, changed, p, r, false);
                Scheme probe = s;
                probe.items[p.item] = changed;
                resolvePending(probe, {p}, r);
                if (!sameMeaning(probe.items[p.item], s.items[p.item]))
                    r.add(*it, changed.code + " changes meaning in the amendment from " +
                                   isoDate(a.from) +
                                   "; an amendment may change points and labels only: give a "
                                   "new meaning a new code.");
                else
                    s.items[p.item] = probe.items[p.item];
            }
            else
            {
                Item item;
                PendingCodes p{s.items.size(), {}, {}};
                readItem(*it, item, p, r, true);
                if (s.items.size() == kMaxItems)
                {
                    r.add(*it, "a scheme has at most " + std::to_string(kMaxItems) + " items.");
                    continue;
                }
                s.items.push_back(item);
                indexItems(s);
                resolvePending(s, {p}, r);
            }
        }
    }
    readGrades(t, s.grades, r, false);
    if (auto g = text(t, "default_grade", r, false, t))
        s.defaultGrade = normaliseName(*g);
}

void checkDefaultGrade(const Scheme& s, Report& r, int line)
{
    const auto it = std::find_if(s.grades.begin(), s.grades.end(),
                                 [&](const Grade& g) { return g.name == s.defaultGrade; });
    if (it == s.grades.end() || !it->invalid.empty())
    {
        const std::string grades = gradeList(s);
        r.add(line, "default_grade \"" + s.defaultGrade + "\" is not one of the scheme's grades" +
                        (grades.empty() ? std::string(".") : "; use " + grades + "."));
    }
}

struct Definition
{
    Scheme base;
    std::vector<Amendment> amendments;
    std::string file;
    std::string firstProblem;
    std::vector<std::string> otherFiles; // mistakes of files of amendments that give no date
    // Mistakes of files of amendments: (their first date, why).
    std::vector<std::pair<int, std::string>> datedProblems;
};

// The [[amendment]] tables of a file: those of the scheme to `out`, their [[amendment.policy]]
// tables to `changes`. An amendment of policies only is no version of the scheme; its
// mistakes (reported to `pr`) stop the policies, not the scheme. `policiesOnly`: a file of
// policies, whose amendments change policies only.
void collectAmendments(const toml::table& top, const std::shared_ptr<toml::table>& keep,
                       const std::string& path, std::vector<Amendment>& out, Report& r, Report& pr,
                       std::vector<PolicyChange>& changes, bool policiesOnly)
{
    const toml::node* n = top.get("amendment");
    if (!n)
        return;
    const toml::array* a = n->as_array();
    if (!a)
    {
        r.add(*n, "\"amendment\" must be [[amendment]] tables.");
        return;
    }
    for (const toml::node& e : *a)
    {
        const toml::table* t = e.as_table();
        if (!t)
        {
            r.add(e, "\"amendment\" must be [[amendment]] tables.");
            continue;
        }
        bool onlyPolicies = policiesOnly || t->get("policy") != nullptr;
        for (auto&& [key, value] : *t)
            if (key.str() != "from" && key.str() != "note" && key.str() != "policy")
                onlyPolicies = policiesOnly;
        Report& rr = onlyPolicies ? pr : r;
        const std::size_t before = pr.count();
        if (policiesOnly)
        {
            unknownKeys(*t, {"from", "note", "policy"}, "an amendment of policies", pr);
            if (!t->get("policy"))
                pr.add(e, "an amendment in a file of policies changes policies: give "
                          "[[amendment.policy]] tables with their codes.");
        }
        const auto from = day(*t, "from", rr, true, e);
        const std::string note = text(*t, "note", rr, false, e).value_or("");
        // Without a date the amendment's policies still stop, with the mistake.
        if (const toml::node* p = t->get("policy"); p && (from || onlyPolicies))
            for (const toml::table* pt : tablesOf(*p, "amendment.policy", pr))
            {
                PolicyChange c = readPolicyTable(*pt, false, path, pr);
                c.from = from.value_or(0);
                c.note = note;
                if (c.problem.empty())
                    c.problem = pr.firstSince(before);
                changes.push_back(std::move(c));
            }
        if (from && !onlyPolicies)
            out.push_back({t, *from, note, path, lineOf(e), keep});
    }
}

Scheme readBase(const toml::table& top, const std::string& path, Report& r)
{
    Scheme s;
    unknownKeys(top, {"name",   "article",   "aliases",         "council",        "source",
                      "from",   "note",      "default_grade",   "grades_ignored", "grade",
                      "bands",  "worker",    "workload",        "rule",           "item",
                      "column", "amendment", "full_time_hours", "policy",         "sheet"},
                "the scheme", r);
    s.file = baseName(path);
    s.name = normaliseName(text(top, "name", r, true, top).value_or(stemUpper(path)));
    if (const toml::node* n = top.get("name"))
        s.nameLine = lineOf(*n);
    if (!validCode(s.name))
        r.add(s.nameLine,
              "the name \"" + s.name + "\" must be capital letters, digits and dashes.");
    s.article = text(top, "article", r, false, top).value_or("a");
    if (s.article != "a" && s.article != "an")
        r.add(*top.get("article"), "\"article\" is a or an (\"an RBWM code\").");
    for (const auto& [alias, line] : texts(top, "aliases", r))
    {
        const std::string name = normaliseName(alias);
        if (name.empty())
            r.add(line, "an alias cannot be empty; remove the \"\" from aliases.");
        else if (name.find('@') != std::string::npos)
            r.add(line, "the alias \"" + name +
                            "\" cannot hold @ (in a formula, @ puts a date after the scheme).");
        else
        {
            s.aliases.push_back(name);
            s.aliasLines.push_back(line);
        }
    }
    s.council = text(top, "council", r, true, top).value_or("");
    s.source = text(top, "source", r, true, top).value_or("");
    s.from = day(top, "from", r, true, top).value_or(0);
    s.note = text(top, "note", r, false, top).value_or("");
    s.fullTimeHours = fullTimeHours(top, r).value_or(kNone);
    readItems(top, s, r);
    readGrades(top, s.grades, r, true);
    s.gradesIgnored = flag(top, "grades_ignored", r).value_or(false);
    if (auto g = text(top, "default_grade", r, false, top))
    {
        s.defaultGrade = normaliseName(*g);
        s.defaultGradeLine = lineOf(*top.get("default_grade"));
    }
    else if (!s.grades.empty())
        s.defaultGrade = s.grades.front().name;
    readBands(top, s, r);
    if (const toml::node* w = top.get("worker"))
    {
        if (const toml::table* wt = w->as_table())
        {
            unknownKeys(*wt, {"base", "hours_points"}, "[worker]", r);
            s.workerBase = number(*wt, "base", r, false, *w).value_or(0);
            s.hoursPoints = number(*wt, "hours_points", r, false, *w).value_or(0);
        }
        else
            r.add(*w, "\"worker\" must be a [worker] table.");
    }
    if (const toml::node* w = top.get("workload"))
    {
        if (const toml::table* wt = w->as_table())
        {
            unknownKeys(*wt, {"one_point_per"}, "[workload]", r);
            s.onePointPer = number(*wt, "one_point_per", r, false, *w).value_or(0);
        }
        else
            r.add(*w, "\"workload\" must be a [workload] table.");
    }
    // [sheet] or [[sheet]]: the layout of the scheme's worker sheets, read by the sheet's
    // builder (python/caseweight/sheets/scheme_layout.py), not by the engine.
    if (const toml::node* sh = top.get("sheet"); sh && !sh->is_table() && !sh->is_array_of_tables())
        r.add(*sh, "\"sheet\" must be a [sheet] table or [[sheet]] tables (the layout of the "
                   "worker sheets).");
    readRules(top, s, r);
    readColumns(top, s, r);
    return s;
}

} // namespace

// Everything loadSchemes and checkSchemeFiles share: the entries, and every mistake.
namespace
{

// A file that adds dated versions to a scheme of another file (amends = "RBWM").
struct Amends
{
    std::string target;
    std::string file;
    int line = 0;
    std::vector<Amendment> amendments;
    std::string firstProblem;
};

// A file of policies' default full-time week.
struct Week
{
    double hours = kNone;
    std::string file; // its path
    int line = 0;
};

// What the files hold, before the versions are built.
struct Sources
{
    std::vector<Definition> defs;
    std::vector<Amends> amends;
    std::vector<std::pair<std::string, std::string>> broken; // scheme (by file name), why
    std::vector<PolicyChange> policies;                      // [[policy]] tables
    std::vector<PolicyChange> policyChanges;                 // [[amendment.policy]] tables
    std::vector<Week> weeks;
    std::map<std::string, std::string> policyFileProblems; // file of policies -> first mistake
    std::vector<std::string> unreadable;
};

bool names(const Scheme& s, const std::string& name)
{
    return s.name == name || std::find(s.aliases.begin(), s.aliases.end(), name) != s.aliases.end();
}

// The reader's message in a council officer's words: what cannot be read and what to check.
std::string plainParseError(std::string_view description)
{
    std::string what(description);
    if (normaliseName(what).find("UTF-8") != std::string::npos)
        return "this is not valid TOML: the file is not UTF-8 text; save it again with the "
               "encoding UTF-8 (LibreOffice: File > Save As, tick Edit filter settings; Notepad: "
               "Save As, Encoding UTF-8).";
    // "Error while parsing array: expected comma or closing ']'" -> "in a list, expected ..."
    static const std::pair<std::string_view, std::string_view> kThings[] = {
        {"array", "a list [ ]"},
        {"inline table", "a table { }"},
        {"table header", "a [table] heading"},
        {"array-of-tables header", "a [[table]] heading"},
        {"key-value pair", "a key = value line"},
        {"string", "a text in quotes"},
        {"date-time", "a date"},
        {"value", "a value"}};
    constexpr std::string_view kPrefix = "Error while parsing ";
    std::string where;
    if (what.rfind(kPrefix, 0) == 0)
    {
        const std::size_t colon = what.find(": ", kPrefix.size());
        const std::string thing =
            what.substr(kPrefix.size(),
                        colon == std::string::npos ? std::string::npos : colon - kPrefix.size());
        where = thing;
        for (const auto& [name, plain] : kThings)
            if (thing == name)
                where = plain;
        what = colon == std::string::npos ? std::string() : what.substr(colon + 2);
    }
    std::string sentence = "this is not valid TOML";
    if (!where.empty())
        sentence += ": in " + where;
    if (!what.empty())
        sentence += (where.empty() ? ": " : ", ") + what;
    return sentence + "; check the quotes, commas and brackets on this line and the one before.";
}

// What a name of another definition is, for sentences: "defined by notts.toml" or "an alias
// of NOTTS in notts.toml".
std::string ownerOf(const Definition& other, const std::string& name)
{
    return other.base.name == name
               ? "defined by " + baseName(other.file)
               : "an alias of " + other.base.name + " in " + baseName(other.file);
}

// A later file may not take a name (or alias) that an earlier one has: the newcomer is
// refused and the scheme that has the name keeps working (built-in files come first, so a
// pack can amend a shipped scheme but never replace it). A newcomer whose own name is taken
// adds nothing; one whose alias is taken stays, unusable, so that its name says why.
void addDefinition(Definition d, std::vector<Definition>& defs, std::vector<std::string>& problems)
{
    Report r(baseName(d.file), problems);
    bool nameTaken = false;
    std::vector<std::string> keptAliases;
    for (const Definition& other : defs)
        if (names(other.base, d.base.name))
        {
            nameTaken = true;
            r.add(d.base.nameLine, d.base.name + " is already " + ownerOf(other, d.base.name) +
                                       "; a file may change it from a date (amends = \"" +
                                       other.base.name +
                                       "\" and [[amendment]] tables) but not define it again.");
            break;
        }
    for (std::size_t k = 0; k < d.base.aliases.size(); ++k)
    {
        const std::string& alias = d.base.aliases[k];
        const auto owner =
            std::find_if(defs.begin(), defs.end(),
                         [&](const Definition& other) { return names(other.base, alias); });
        if (owner == defs.end())
            keptAliases.push_back(alias);
        else
            r.add(d.base.aliasLines[k], "the alias " + alias + " is already " +
                                            ownerOf(*owner, alias) + "; choose another alias.");
    }
    if (nameTaken)
        return;
    if (d.firstProblem.empty())
        d.firstProblem = r.first();
    d.base.aliases = std::move(keptAliases);
    defs.push_back(std::move(d));
}

void readFile(const SchemeFile& f, Sources& sources, std::vector<std::string>& problems)
{
    Report r(baseName(f.path), problems);
    auto table = std::make_shared<toml::table>();
    try
    {
        *table = toml::parse(f.text, f.path);
    }
    catch (const toml::parse_error& e)
    {
        r.add(static_cast<int>(e.source().begin.line), plainParseError(e.description()));
        sources.broken.emplace_back(stemUpper(f.path), r.first());
        sources.unreadable.push_back(r.first());
        return;
    }
    const toml::table& top = *table;
    // The policies' mistakes, reported apart so that they stop the policies, not the scheme.
    Report pr(baseName(f.path), problems);
    if (const toml::node* target = top.get("amends"))
    {
        unknownKeys(top, {"amends", "amendment"}, "a file of amendments", r);
        Amends a;
        a.target = normaliseName(target->value<std::string>().value_or(""));
        a.file = f.path;
        a.line = lineOf(*target);
        const std::size_t changes = sources.policyChanges.size();
        collectAmendments(top, table, f.path, a.amendments, r, pr, sources.policyChanges, false);
        a.firstProblem = r.first();
        // A file that amends policies only needs no scheme.
        if (!a.amendments.empty() || !a.firstProblem.empty() ||
            sources.policyChanges.size() == changes)
            sources.amends.push_back(std::move(a));
        return;
    }
    if (!top.get("name") && !top.get("item") &&
        (top.get("policy") || top.get("full_time_hours") || top.get("amendment")))
    {
        // A file of policies: any mistake stops everything it defines or amends.
        unknownKeys(top, {"full_time_hours", "policy", "amendment"}, "a file of policies", r);
        if (top.get("full_time_hours"))
            sources.weeks.push_back({fullTimeHours(top, r).value_or(kNone), f.path,
                                     lineOf(*top.get("full_time_hours"))});
        readPolicies(top, f.path, r, sources.policies);
        std::vector<Amendment> none;
        collectAmendments(top, table, f.path, none, r, r, sources.policyChanges, true);
        if (!r.first().empty())
            sources.policyFileProblems[f.path] = r.first();
        return;
    }
    Definition d;
    d.base = readBase(top, f.path, r);
    d.file = f.path;
    readPolicies(top, f.path, pr, sources.policies);
    collectAmendments(top, table, f.path, d.amendments, r, pr, sources.policyChanges, false);
    d.firstProblem = r.first();
    addDefinition(std::move(d), sources.defs, problems);
}

// The default full-time week: the first file of policies that gives one; a second is a
// mistake of its file.
void chooseWeek(Sources& sources, Loaded& out, std::vector<std::string>& problems)
{
    if (sources.weeks.empty())
    {
        out.fullTimeProblem = "no file of policies gives the default full_time_hours";
        return;
    }
    const Week& first = sources.weeks.front();
    for (std::size_t i = 1; i < sources.weeks.size(); ++i)
    {
        const Week& w = sources.weeks[i];
        Report r(baseName(w.file), problems);
        r.add(w.line, "the default full-time week is already given by " + baseName(first.file) +
                          "; give a scheme's own week as full_time_hours in the scheme's file.");
        sources.policyFileProblems.emplace(w.file, r.first());
    }
    const auto bad = sources.policyFileProblems.find(first.file);
    if (bad != sources.policyFileProblems.end())
        out.fullTimeProblem = "the default full_time_hours cannot be used: " + bad->second;
    else if (std::isnan(first.hours))
        out.fullTimeProblem =
            "the default full_time_hours of " + baseName(first.file) + " is not a number of hours";
    else
        out.fullTimeHours = first.hours;
}

// The policies and their dated versions. A policy stops when its own table, an amendment of
// it or its file of policies has a mistake, or when a second file defines its code again.
std::vector<PolicyEntry> buildPolicies(Sources& sources, std::vector<std::string>& problems)
{
    struct Building
    {
        const PolicyChange* def;
        std::vector<const PolicyChange*> changes;
        std::string problem;
    };
    const auto fileProblem = [&](const PolicyChange& c)
    {
        const auto it = sources.policyFileProblems.find(c.file);
        return c.problem.empty() && it != sources.policyFileProblems.end() ? it->second : c.problem;
    };
    std::vector<Building> all;
    for (const PolicyChange& d : sources.policies)
    {
        if (!validCode(d.code))
            continue; // its mistake is reported
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const Building& b) { return b.def->code == d.code; });
        if (it != all.end())
        {
            Report again(baseName(d.file), problems);
            again.add(d.line, "the policy " + d.code + " is already defined by " +
                                  baseName(it->def->file) +
                                  "; to change its limits from a date, give an "
                                  "[[amendment.policy]] table.");
            if (it->problem.empty())
                it->problem = again.first();
            continue;
        }
        all.push_back({&d, {}, fileProblem(d)});
    }
    for (const PolicyChange& c : sources.policyChanges)
    {
        if (!validCode(c.code))
            continue;
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const Building& b) { return b.def->code == c.code; });
        if (it == all.end())
        {
            Report r(baseName(c.file), problems);
            r.add(c.line, c.code + " is not a caseload policy of any file loaded; a new policy "
                                   "needs a [[policy]] table with its code, label, limits and "
                                   "source.");
            continue;
        }
        it->changes.push_back(&c);
    }
    std::vector<PolicyEntry> out;
    for (Building& b : all)
    {
        std::stable_sort(b.changes.begin(), b.changes.end(),
                         [](const PolicyChange* x, const PolicyChange* y)
                         { return x->from < y->from; });
        const PolicyChange& d = *b.def;
        PolicyVersion first;
        first.lower = d.lower.value_or(0);
        first.upper = d.upper.value_or(0);
        first.label = d.label.value_or("");
        first.source = d.source.value_or("");
        first.file = baseName(d.file);
        std::vector<PolicyVersion> versions{first};
        for (const PolicyChange* c : b.changes)
        {
            Report r(baseName(c->file), problems);
            if (b.problem.empty())
                b.problem = fileProblem(*c);
            if (c->problem.empty() && c->from == versions.back().from)
                r.add(c->line, "two versions of the policy " + d.code + " start on " +
                                   isoDate(c->from) + "; give each version its own date.");
            PolicyVersion next = versions.back();
            next.from = c->from;
            next.note = c->note;
            next.file = baseName(c->file);
            next.lower = c->lower.value_or(next.lower);
            next.upper = c->upper.value_or(next.upper);
            next.label = c->label.value_or(next.label);
            next.source = c->source.value_or(next.source);
            if (next.lower > next.upper)
                r.add(c->line, "from " + isoDate(c->from) + " the lower limit " +
                                   formatNumber(next.lower) + " of the policy " + d.code +
                                   " is above its upper limit " + formatNumber(next.upper) + ".");
            versions.push_back(std::move(next));
            if (b.problem.empty())
                b.problem = r.first();
        }
        PolicyEntry entry;
        entry.code = d.code;
        if (b.problem.empty())
            entry.versions = std::move(versions);
        else
            entry.error = d.code + " cannot be used: " + b.problem;
        out.push_back(std::move(entry));
    }
    return out;
}

// Each file of amendments joins the definition it names (its own mistakes disable that scheme).
void attachAmendments(Sources& sources, std::vector<std::string>& problems)
{
    for (Amends& a : sources.amends)
    {
        auto it = std::find_if(sources.defs.begin(), sources.defs.end(),
                               [&](const Definition& d) { return names(d.base, a.target); });
        if (it == sources.defs.end())
        {
            Report r(baseName(a.file), problems);
            r.add(a.line, "amends = \"" + a.target + "\" names no scheme that is loaded.");
            continue;
        }
        // A mistake of the file stops the scheme from the file's first date (it cannot be
        // told which of its amendments it spoils); without any date, for every date.
        if (!a.firstProblem.empty())
        {
            int first = kNoStop;
            for (const Amendment& am : a.amendments)
                first = std::min(first, am.from);
            if (first == kNoStop)
                it->otherFiles.push_back(a.firstProblem);
            else
                it->datedProblems.emplace_back(first, a.firstProblem);
        }
        for (Amendment& am : a.amendments)
            it->amendments.push_back(am);
    }
}

// The dated versions of one definition: its base, then each amendment applied to the version
// before it, in date order. A mistake of the base stops the scheme; a mistake of an amendment
// (or two amendments from one day) stops it from that amendment's date only, so that sheets
// dated before keep their scores.
SchemeEntry buildEntry(Definition& d, std::vector<std::string>& problems)
{
    SchemeEntry entry;
    entry.name = d.base.name;
    entry.aliases = d.base.aliases;
    Report r(d.base.file, problems);
    indexItems(d.base);
    checkBands(d.base, r, d.base.bandsLine);
    checkDefaultGrade(d.base, r, d.base.defaultGradeLine);
    std::stable_sort(d.amendments.begin(), d.amendments.end(),
                     [](const Amendment& a, const Amendment& b) { return a.from < b.from; });
    std::vector<Scheme> versions{d.base};
    std::string stopWhy;
    const auto stopAt = [&](int day, const std::string& why)
    {
        if (!why.empty() && day < entry.stopsFrom)
        {
            entry.stopsFrom = day;
            stopWhy = why;
        }
    };
    const Amendment* before = nullptr;
    for (const Amendment& a : d.amendments)
    {
        Report ar(baseName(a.file), problems);
        if (before && a.from == before->from)
            ar.add(a.line, "two amendments of " + d.base.name + " start on " + isoDate(a.from) +
                               ": this one and " + baseName(before->file) + " line " +
                               std::to_string(before->line) +
                               "; remove one, or merge them into one [[amendment]].");
        else if (a.from <= d.base.from)
            ar.add(a.line, "the amendment from " + isoDate(a.from) + " is not later than " +
                               d.base.name + " itself (" + isoDate(d.base.from) + ").");
        Scheme next = versions.back();
        applyAmendment(next, a, ar);
        checkBands(next, ar, a.line);
        checkDefaultGrade(next, ar, a.line);
        versions.push_back(std::move(next));
        stopAt(a.from, ar.first());
        before = &a;
    }
    for (const auto& [day, why] : d.datedProblems)
        stopAt(day, why);
    for (const std::string& why :
         {r.first(), d.otherFiles.empty() ? std::string() : d.otherFiles.front()})
        if (d.firstProblem.empty())
            d.firstProblem = why;
    // Versions from the stop on are never used.
    versions.erase(std::remove_if(versions.begin() + 1, versions.end(),
                                  [&](const Scheme& v) { return v.from >= entry.stopsFrom; }),
                   versions.end());
    for (Scheme& v : versions)
        noteFeatures(v);
    if (!stopWhy.empty())
        entry.stopError = d.base.name + " cannot be used from " + isoDate(entry.stopsFrom) +
                          " on (dates before it score as before): " + stopWhy;
    if (d.firstProblem.empty())
        entry.versions = std::move(versions);
    else
        entry.error = d.base.name + " cannot be used: " + d.firstProblem;
    return entry;
}

} // namespace

std::vector<SchemeEntry> readSchemes(const std::vector<SchemeFile>& files,
                                     std::vector<std::string>& problems)
{
    return readAll(files, problems).schemes;
}

Loaded readAll(const std::vector<SchemeFile>& files, std::vector<std::string>& problems)
{
    Sources sources;
    for (const SchemeFile& f : files)
        readFile(f, sources, problems);
    attachAmendments(sources, problems);
    Loaded loaded;
    chooseWeek(sources, loaded, problems);
    std::vector<SchemeEntry>& entries = loaded.schemes;
    for (Definition& d : sources.defs)
    {
        for (const Amendment& a : d.amendments)
            loaded.amendments.push_back({d.base.name, a.file, a.line, a.from});
        entries.push_back(buildEntry(d, problems));
    }
    // A scheme without its own full-time week has the default one.
    for (SchemeEntry& entry : entries)
        for (Scheme& v : entry.versions)
            if (std::isnan(v.fullTimeHours))
                v.fullTimeHours = loaded.fullTimeHours;
    loaded.policies = buildPolicies(sources, problems);
    loaded.unreadable = sources.unreadable;
    // A file that is not TOML names no scheme: the scheme named like the file stops.
    for (const auto& [name, why] : sources.broken)
        if (std::none_of(entries.begin(), entries.end(),
                         [&name = name](const SchemeEntry& e) { return e.name == name; }))
        {
            SchemeEntry entry;
            entry.name = name;
            entry.error = name + " cannot be used: " + why;
            entries.push_back(std::move(entry));
        }
    return loaded;
}

const std::vector<SchemeEntry>& allSchemes()
{
    return inUse().schemes;
}

const std::vector<PolicyEntry>& allPolicies()
{
    return inUse().policies;
}

const PolicyEntry* findPolicy(std::string_view code)
{
    for (const PolicyEntry& entry : allPolicies())
        if (entry.code == code)
            return &entry;
    return nullptr;
}

const PolicyVersion& policyOn(const PolicyEntry& entry, int d)
{
    const PolicyVersion* in = &entry.versions.front();
    for (const PolicyVersion& v : entry.versions)
        if (v.from <= d)
            in = &v;
    return *in;
}

const std::string& fullTimeWeekProblem()
{
    return inUse().fullTimeProblem;
}

const std::vector<std::string>& unreadableFiles()
{
    return inUse().unreadable;
}

const SchemeEntry* findScheme(std::string_view normalisedName)
{
    for (const SchemeEntry& entry : allSchemes())
    {
        if (entry.name == normalisedName)
            return &entry;
        for (const std::string& alias : entry.aliases)
            if (alias == normalisedName)
                return &entry;
    }
    return nullptr;
}

const Scheme& versionOn(const SchemeEntry& entry, int d)
{
    const Scheme* in = &entry.versions.front();
    for (const Scheme& v : entry.versions)
        if (v.from <= d)
            in = &v;
    return *in;
}

std::uint64_t schemeSetNumber()
{
    return gSetNumber.load(std::memory_order_acquire);
}

} // namespace detail

using namespace detail;

std::vector<std::string> loadSchemes(const std::vector<SchemeFile>& files)
{
    std::vector<std::string> problems;
    try
    {
        // Every set loaded stays allocated (and reachable) for the life of the process: a
        // calculation that started with the previous set may still be reading it.
        static std::mutex mutex;
        static std::vector<std::unique_ptr<const Loaded>> kept;
        auto loaded = std::make_unique<Loaded>(readAll(files, problems));
        loaded->files = files;
        loaded->problems = problems;
        std::unique_ptr<const Loaded> set = std::move(loaded);
        const std::lock_guard<std::mutex> lock(mutex);
        gLoaded.store(set.get(), std::memory_order_release);
        gSetNumber.fetch_add(1, std::memory_order_acq_rel);
        kept.push_back(std::move(set));
    }
    catch (const std::exception& e)
    {
        problems.push_back(std::string("the schemes could not be loaded: ") + e.what());
    }
    return problems;
}

namespace
{

// `base` with each of `given` replacing a file of the same name, the given ones last.
std::vector<SchemeFile> withReplaced(const std::vector<SchemeFile>& base,
                                     const std::vector<SchemeFile>& given)
{
    std::vector<SchemeFile> all = base;
    for (const SchemeFile& f : given)
        all.erase(std::remove_if(all.begin(), all.end(),
                                 [&](const SchemeFile& b)
                                 { return baseName(b.path) == baseName(f.path); }),
                  all.end());
    all.insert(all.end(), given.begin(), given.end());
    return all;
}

// Whether `path` (a path, or the file name a problem starts with) names one of `files`.
bool isOneOf(const std::string& path, const std::vector<SchemeFile>& files)
{
    return std::any_of(files.begin(), files.end(),
                       [&](const SchemeFile& f) { return baseName(f.path) == baseName(path); });
}

// The problems ("file:line: sentence") of `files` only.
std::vector<std::string> problemsOf(const std::vector<std::string>& problems,
                                    const std::vector<SchemeFile>& files)
{
    std::vector<std::string> out;
    for (const std::string& p : problems)
        if (isOneOf(p.substr(0, p.find(':')), files))
            out.push_back(p);
    return out;
}

} // namespace

std::vector<std::string> loadSchemesWith(const std::vector<SchemeFile>& installed,
                                         const std::vector<SchemeFile>& given)
{
    return problemsOf(loadSchemes(withReplaced(installed, given)), given);
}

std::vector<std::string> checkSchemeFiles(const std::vector<SchemeFile>& files,
                                          const std::vector<SchemeFile>& builtIn)
{
    std::vector<std::string> problems;
    try
    {
        // A file given to check replaces the built-in file of the same name.
        std::vector<std::string> everything;
        const Loaded loaded = readAll(withReplaced(builtIn, files), everything);
        problems = problemsOf(everything, files);
        // Not a mistake, but worth a word: an amendment whose day has come changes the scores
        // of saved sheets dated from it as soon as it is installed.
        const int now = today();
        for (const Loaded::Dated& a : loaded.amendments)
            if (isOneOf(a.file, files) && a.from <= now)
                problems.push_back(baseName(a.file) + ":" + std::to_string(a.line) + ": " +
                                   std::string(kNote) + "this amendment of " + a.scheme +
                                   " is in force already (from " + isoDate(a.from) +
                                   "): once it is installed, sheets dated from " + isoDate(a.from) +
                                   " on score by it when recalculated.");
    }
    catch (const std::exception& e)
    {
        problems.push_back(std::string("the files could not be checked: ") + e.what());
    }
    return problems;
}

std::vector<SchemeFile> schemeFilesIn(const std::string& folder)
{
    std::vector<SchemeFile> files;
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->path().extension() == ".toml")
            paths.push_back(it->path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths)
        if (std::optional<SchemeFile> f = schemeFileAt(p.string()))
            files.push_back(std::move(*f));
    return files;
}

std::optional<SchemeFile> schemeFileAt(const std::string& path)
{
    // Only a regular file of a sane size: a device such as /dev/zero (typed as SCHEMECHECK's
    // path) would be read for ever, and the office with it.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) ||
        std::filesystem::file_size(path, ec) > kLargestFile || ec)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.is_open() || !(in.good() || in.eof()))
        return std::nullopt;
    return SchemeFile{path, text.str()};
}

bool schemesLoaded()
{
    return gLoaded.load(std::memory_order_acquire) != nullptr;
}

namespace
{

// A file as the status names it: "rbwm-court-2027.toml (pack rbwm-court.oxt)" for a file of a
// scheme pack, the file name alone for caseweight's own.
std::string fileLabel(const std::string& path)
{
    const std::filesystem::path p(path);
    const std::string folder = p.parent_path().filename().string();
    const std::string extension = p.parent_path().parent_path().filename().string();
    if (folder == "schemes" && extension.size() > 4 &&
        extension.compare(extension.size() - 4, 4, ".oxt") == 0 && extension != "caseweight.oxt")
        return baseName(path) + " (pack " + extension + ")";
    return baseName(path);
}

} // namespace

// SCHEMESTATUS's line of one scheme.
std::string statusLine(const SchemeEntry& entry, const std::map<std::string, std::string>& labels)
{
    if (!entry.error.empty())
        return entry.error;
    const auto label = [&](const std::string& file)
    {
        const auto it = labels.find(file);
        return it == labels.end() ? file : it->second;
    };
    std::string line = entry.name + ": in use";
    if (entry.stopsFrom != kNoStop)
        line += " before " + isoDate(entry.stopsFrom);
    line += "; versions from ";
    for (std::size_t i = 0; i < entry.versions.size(); ++i)
        line += (i ? ", from " : "") + isoDate(entry.versions[i].from) + " (" +
                label(entry.versions[i].file) + ")";
    return line + (entry.stopError.empty() ? "." : ". " + entry.stopError);
}

std::vector<std::string> schemeStatus(const Value& scheme)
{
    const Loaded& set = inUse();
    std::map<std::string, std::string> labels; // file name -> label
    for (const SchemeFile& f : set.files)
        labels.emplace(baseName(f.path), fileLabel(f.path));
    if (!isBlank(scheme) && !isZero(scheme))
    {
        if (scheme.kind != Value::Kind::Text)
            fail("The scheme must be a name such as " + schemeList() + ".");
        const SchemeEntry* entry = findScheme(normaliseName(scheme.text));
        if (!entry)
            fail(detail::quoted(normaliseName(scheme.text)) +
                 " is not a scheme of the files "
                 "read; use " +
                 schemeList() + ", or leave the Scheme out for everything.");
        return {statusLine(*entry, labels)};
    }
    std::vector<std::string> lines;
    for (const SchemeEntry& entry : set.schemes)
        lines.push_back(statusLine(entry, labels));
    for (const PolicyEntry& policy : set.policies)
        if (!policy.error.empty())
            lines.push_back("Policy " + policy.error);
    if (!set.fullTimeProblem.empty())
        lines.push_back("The default full-time week is not known: " + set.fullTimeProblem + ".");
    if (set.problems.empty())
        lines.push_back("No mistakes found in the files.");
    for (const std::string& p : set.problems)
        lines.push_back("Mistake: " + p);
    std::string files;
    for (const SchemeFile& f : set.files)
        files += (files.empty() ? "" : ", ") + fileLabel(f.path);
    lines.push_back("Files read (" + std::to_string(set.files.size()) +
                    "): " + (files.empty() ? "none" : files) + ".");
    return lines;
}

std::vector<std::string> schemeCheck(const Values& paths)
{
    const std::string hint = "; give the full path of a scheme file, such as "
                             "/home/me/kent.toml or C:\\Schemes\\kent.toml.";
    std::vector<SchemeFile> files;
    for (const Value& path : paths)
    {
        if (path.kind == Value::Kind::Error)
            fail("A Paths cell holds an error; fix that cell first.");
        if (isBlank(path))
            continue;
        if (path.kind != Value::Kind::Text)
            fail("A path must be a text, not the number " + formatNumber(path.number) + hint);
        std::optional<SchemeFile> file = schemeFileAt(path.text);
        if (!file)
            fail("The file " + detail::quoted(path.text) + " cannot be read" + hint);
        files.push_back(std::move(*file));
    }
    if (files.empty())
        fail("The Paths are missing" + hint);
    std::vector<std::string> problems = checkSchemeFiles(files, inUse().files);
    if (std::all_of(problems.begin(), problems.end(), isNote))
    {
        std::vector<std::string> names;
        for (const SchemeFile& f : files)
            names.push_back(baseName(f.path));
        problems.push_back("No mistakes found in " + listOr(names, " and ") + ".");
    }
    return problems;
}

} // namespace caseweight
