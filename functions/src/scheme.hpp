// Internal types of the scoring engine: a scheme as read from its data file (schemes/*.toml),
// its items, grades, bands, rules and paper-sheet columns, and a parsed case row.
//
// A scheme is data. The rules are a small fixed set of named functions (rules.hpp); a scheme
// file says which of them apply and gives their numbers. A Scheme is one dated version of a
// scheme: a file's base version, or the base with its amendments up to one date applied.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "caseweight/schemes.hpp"

namespace caseweight::detail
{

// What an item is to a scheme. Case, Modifier, Specific and Additional items belong on a case
// row (CASEPOINTS); Worker items belong to the worker (WORKERPOINTS).
enum class Group
{
    Case,       // a case type (CIN, CP ...)
    Modifier,   // added to a case type (COURT, TRAVEL ...)
    Specific,   // the one specific item of a family-group row (NOTTS)
    Additional, // added to a specific item (NOTTS)
    Worker      // the worker element
};

// The name users type for a group in SCHEMEITEMS, and the files' `group` values.
std::string_view groupName(Group group);

bool isWorkerGroup(Group group);

// How an item's points are counted on a row (the files' `per`).
enum class Per
{
    Row,        // `points` once per row
    Child,      // `points` times the row's children (or units: see Item::units)
    FirstChild, // `points` for the first child + `further` for each further child
    FamilySize  // `sizes`: points by the number of children of the family
};

enum class Repeat
{
    Once,     // a second occurrence on the row is an invalid argument
    MayRepeat // each occurrence counts
};

// "From this many children on, this value": the steps of a family-size table.
struct Step
{
    int from;
    double value;
};

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
// A day after every date a sheet can hold (9999-12-31 is day 2958465).
constexpr int kNoStop = std::numeric_limits<int>::max();

// One item of a scheme. Codes of other items are held as indices into the scheme's items.
struct Item
{
    std::string code;   // stable, upper case; never changes meaning once released
    std::string label;  // the scheme's own words, without points
    std::string column; // sheet column tag (lower case), "" when none
    Group group = Group::Case;
    Per per = Per::Row;
    Repeat repeat = Repeat::Once;
    double points = 0;         // per row / per child / first child
    double further = 0;        // FirstChild: each further child
    std::vector<Step> sizes;   // FamilySize: points by children
    double basic = 0;          // a basic weight per child, added to `points`
    double basicCap = kNone;   // the basic part of a row is at most this
    std::vector<Step> units;   // a case type whose rows count these units instead of children
    double unitPoints = kNone; // per unit instead of `points` on such a row
    std::vector<std::size_t> perChildWith; // per child on rows with one of these, else per row
    std::vector<std::size_t> perRowWith;   // per row on rows with one of these
    bool replacesRow = false;              // the row scores only this item (Warrington CLOSING)
    bool singleCase = false; // a row of this case type is one case: Children must be 1
    bool alone = false;      // may stand on a row without a case type
    int line = 0;            // where the file defines it
};

// A grade and its band limits at full time. `upper` is also the capacity.
struct Grade
{
    std::string name;
    double lower = 0;
    double upper = 0;
    std::string invalid; // non-empty: not a grade to band with, and why
};

// A band above the grade's upper limit, up to `upTo` (times FTE); the last has none.
struct BandAbove
{
    std::string label;
    double upTo = kNone;
};

struct Bands
{
    std::string below; // under the grade's lower limit; "" when the scheme has none
    std::string within;
    std::vector<BandAbove> above;
};

// One check of a row, named in the file's [[rule]] tables.
struct Rule
{
    enum class Kind
    {
        OneCaseType, // exactly (or, not required, at most) one item of `group` per row
        OnlyWith,    // `codes[0]` only on rows with one of `with`
        AtMostOneOf, // at most one of `codes`
        AtMost,      // at most `most` items of `group`
        Cap          // on rows with one of `with`, the points of `codes` are at most `cap`
    };
    Kind kind = Kind::OneCaseType;
    Group group = Group::Case;
    bool required = true;
    std::vector<std::size_t> codes;
    std::vector<std::size_t> with;
    unsigned most = 0;
    double cap = 0;
    std::string what; // names the codes in sentences: "travel code"
};

// A number column of the scheme's paper sheet (COLUMNCHECK) and how its values are made.
struct Column
{
    enum class Kind
    {
        OneOf,          // the points of one of `items`
        AnyOf,          // the sum of at most `most` different items (of `items`)
        EachChild,      // each child scores item or item + plus
        ChildOrRow,     // item per child, or once per row
        Multiples,      // item's points x k, k = 1..most
        Basic,          // the case types' basic weights (and family-size points)
        FirstChild,     // the first-child points of the group's items
        FurtherChildren // the further-children points of the group's items
    };
    std::string key;  // stable, lower case
    std::string what; // for sentences: "The SWINDON court column"
    Kind kind = Kind::OneOf;
    std::vector<std::size_t> items;
    std::size_t plus = 0;
    bool hasPlus = false;
    unsigned most = 0;
};

// The largest item table; a parsed row keeps one count per item without allocating.
constexpr std::size_t kMaxItems = 120;
static_assert(kMaxItems <= 255, "Row::present holds item indices in one byte");

constexpr std::size_t kIndexSlots = 512; // a power of two, over 3 x kMaxItems

constexpr std::array<std::int16_t, kIndexSlots> emptyIndex()
{
    std::array<std::int16_t, kIndexSlots> index{};
    for (auto& slot : index)
        slot = -1;
    return index;
}

struct Scheme
{
    std::string name;    // canonical, upper case
    std::string article; // "a" or "an", for sentences ("an RBWM code")
    std::vector<std::string> aliases;
    int nameLine = 1;            // where the file gives the name and each alias (for sentences)
    std::vector<int> aliasLines; // parallel to aliases
    int bandsLine = 1;           // [bands], and default_grade (1 when the first grade is it)
    int defaultGradeLine = 1;
    std::string council;
    std::string source;
    std::string file; // the file of this version (for sentences)
    int from = 0;     // the day this version is in force from (days since 1899-12-30)
    std::string note; // what this version changed ("" for the base version)

    std::vector<Item> items; // in the file's order
    std::vector<Grade> grades;
    std::string defaultGrade;
    bool gradesIgnored = false;
    Bands bands;
    std::vector<Rule> rules;
    std::vector<Column> columns;
    double workerBase = 0;  // given to every worker (Warrington's stable element)
    double hoursPoints = 0; // points per hour a month of extra duties; 0: not scored
    double onePointPer = 0; // workload weight: 1 point per whole this many case points
    // The full-time week in hours (AVAILABLEPOINTS and friends when FullTimeHours is blank):
    // the file's full_time_hours, else the default week of the file of policies; kNone when
    // neither is known (see fullTimeWeekProblem).
    double fullTimeHours = kNone;
    // What the scheme uses at all (set by noteFeatures), so that a row skips the rest.
    bool hasUnits = false;
    bool hasReplacing = false;
    bool hasSingleCase = false;
    bool hasCap = false;
    std::array<std::int16_t, kIndexSlots> index = emptyIndex(); // code -> item
};

// Sets the has* flags from the items and rules.
void noteFeatures(Scheme& scheme);

// Index of a code (any case, trimmed) in the scheme's items, or -1.
int findItem(const Scheme& scheme, std::string_view code);
// Builds scheme.index from scheme.items.
void indexItems(Scheme& scheme);

// One case row (or one worker's list of worker items) after parsing: how many times each
// item occurs, and how many children the row covers.
struct Row
{
    const Scheme* scheme = nullptr;
    std::array<unsigned, kMaxItems> counts{};
    int children = 1;
    // The items that occur, in the order first met, so that totals look at the few items of
    // a row rather than the whole table. Change counts only through add().
    std::array<std::uint8_t, kMaxItems> present{};
    std::size_t presentCount = 0;

    void add(std::size_t i)
    {
        if (counts[i]++ == 0)
            present[presentCount++] = static_cast<std::uint8_t>(i);
    }

    bool has(std::size_t i) const { return counts[i] > 0; }
    bool hasAny(const std::vector<std::size_t>& items) const;
    // Occurrences of all items of a group.
    unsigned countIn(Group group) const;
    // All occurrences on the row.
    unsigned total() const;
    // The codes of a group present on the row, for sentences: "CP and CIN", "A, B and C".
    std::string codesIn(Group group) const;
};

// Every loaded scheme, in the order users see them listed.
struct SchemeEntry
{
    std::string name;
    std::vector<std::string> aliases;
    std::vector<Scheme> versions; // by date, oldest first; empty when `error` is set
    std::string error;            // why the scheme cannot be used (names file and line)
    // A broken amendment (or two from one day) stops the scheme from its date only: earlier
    // dates score as before. kNoStop when every amendment is usable.
    int stopsFrom = kNoStop;
    std::string stopError; // why, from stopsFrom on
};

// Reads scheme files into entries without making them the ones in use (loadSchemes does);
// every mistake is added to `problems` as "file:line: sentence".
std::vector<SchemeEntry> readSchemes(const std::vector<SchemeFile>& files,
                                     std::vector<std::string>& problems);

// A caseload-number policy (docs/schemes.md, "Caseload policies"): numbers of cases at full time,
// not points. One dated version, as a [[policy]] table gives it or an [[amendment.policy]] changes
// it.
struct PolicyVersion
{
    int from = 0;     // in force from this day (the first version: also every earlier day)
    double lower = 0; // 0 where the policy sets only a maximum
    double upper = 0;
    std::string label;  // short words: "Newly qualified"
    std::string source; // where the figures come from
    std::string note;   // what this version changed ("" for the first)
    std::string file;   // the file of this version (for sentences)
};

struct PolicyEntry
{
    std::string code;                    // stable, upper case: stored in users' sheets
    std::vector<PolicyVersion> versions; // by date, oldest first; empty when `error` is set
    std::string error;                   // why the policy cannot be used (names file and line)
};

// Everything the files define: schemes, policies and the default full-time week.
struct Loaded
{
    std::vector<SchemeEntry> schemes;
    std::vector<PolicyEntry> policies;
    double fullTimeHours = kNone;        // the default week (a file of policies' full_time_hours)
    std::string fullTimeProblem;         // why it is not known, when it is not
    std::vector<std::string> unreadable; // files that are not TOML: "file line N: sentence"
    std::vector<SchemeFile> files;       // what was read (SCHEMECHECK reads a file beside them)
    // Every amendment of a scheme: its file, line and first day (the checker's notes).
    struct Dated
    {
        std::string scheme, file;
        int line = 0, from = 0;
    };
    std::vector<Dated> amendments;
    std::vector<std::string> problems; // every mistake found in them (SCHEMESTATUS)
};

// Reads every file (see readSchemes) into schemes, policies and the default week.
Loaded readAll(const std::vector<SchemeFile>& files, std::vector<std::string>& problems);

// Every policy (usable or not), in the files' order.
const std::vector<PolicyEntry>& allPolicies();
// The policy with this code (upper case, dashes), or nullptr.
const PolicyEntry* findPolicy(std::string_view code);
// The version in force on a day (the first version for earlier days).
const PolicyVersion& policyOn(const PolicyEntry& entry, int day);
// Why the default full-time week is not known ("" when it is).
const std::string& fullTimeWeekProblem();
// The files of the set in use that are not TOML, for sentences about unknown codes.
const std::vector<std::string>& unreadableFiles();

// The entry with this normalised name or alias, or nullptr.
const SchemeEntry* findScheme(std::string_view normalisedName);
// Every entry (usable or not), in order.
const std::vector<SchemeEntry>& allSchemes();
// The version in force on a day (the first version for earlier days).
const Scheme& versionOn(const SchemeEntry& entry, int day);
// Counts the sets made the ones in use (loadSchemes): changes whenever the set in use does.
std::uint64_t schemeSetNumber();

} // namespace caseweight::detail
