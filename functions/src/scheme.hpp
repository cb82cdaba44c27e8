// Internal types of the scoring engine: an item table row, a scheme definition and a parsed
// case row. A scheme is data (its table of items and its grades) plus a few small named rules
// (functions declared in rules.hpp), so that a council can read and amend its weights in the
// table at the top of its scheme file without reading control flow.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caseweight::detail
{

// A read-only view of a constant array (the tables are constant arrays at namespace scope).
template <class T> class Table
{
  public:
    constexpr Table() = default;
    template <std::size_t N> constexpr Table(const T (&array)[N]) : first_(array), size_(N) {}

    constexpr const T* begin() const { return first_; }
    constexpr const T* end() const { return first_ + size_; }
    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr const T& operator[](std::size_t i) const { return first_[i]; }

  private:
    const T* first_ = nullptr;
    std::size_t size_ = 0;
};

// What an item is to a scheme. Case, Modifier, Specific and Additional items belong on a case
// row (CASEPOINTS); Worker items belong to the worker (WORKERPOINTS).
enum class Group
{
    Case,       // a case type (CIN, CP ...)
    Modifier,   // added to a case type (COURT, TRAVEL ...)
    Specific,   // NOTTS: the one specific item of a row
    Additional, // NOTTS: at most two per row
    Worker      // the worker element
};

// The name users type for a group in SCHEMEITEMS.
std::string_view groupName(Group group);

bool isWorkerGroup(Group group);

// How an item's points are counted on a row.
enum class Basis
{
    PerRow,             // `points` once per row
    PerChild,           // `points` times Children
    FirstChildThenEach, // NOTTS: `points` (A) for the first child + `furtherChild` (B) each
    ByRule              // set by a named rule of the scheme; `points` is its base value
};

enum class Repeat
{
    Once,     // a second occurrence on the row is an invalid argument
    MayRepeat // each occurrence counts
};

// Short names for the columns of the schemes' tables (schemes/*.cpp), so that each row of a
// table reads as one line: `using namespace table;` there.
namespace table
{
constexpr Basis PerRow = Basis::PerRow;
constexpr Basis PerChild = Basis::PerChild;
constexpr Basis AB = Basis::FirstChildThenEach;
constexpr Basis ByRule = Basis::ByRule;
constexpr Repeat Once = Repeat::Once;
constexpr Repeat May = Repeat::MayRepeat;
constexpr Group Case = Group::Case;
constexpr Group Mod = Group::Modifier;
constexpr Group Spec = Group::Specific;
constexpr Group Add = Group::Additional;
constexpr Group Worker = Group::Worker;
} // namespace table

// One row of a scheme's table of items.
struct Item
{
    std::string_view code; // stable code, upper case; never changes meaning once released
    double points;         // per row / per child / first child (see basis)
    double furtherChild;   // NOTTS B: each further child; 0 elsewhere
    Basis basis;
    Repeat repeat;
    Group group;
    std::string_view column; // sheet column tag (lower case), "" when none
    std::string_view label;  // the scheme's own wording, short
};

// A grade and its band limits at full time. For WARRINGTON `upper` is the capacity.
struct Grade
{
    std::string_view name;
    double lower;
    double upper;
};

// The largest item table; a parsed row keeps one count per table row without allocating.
constexpr std::size_t kMaxItems = 80;
static_assert(kMaxItems <= 256, "Row::present holds table indices in one byte");

struct Scheme;

// One case row (or one worker's list of worker items) after parsing: how many times each
// table row occurs, and how many children the row covers.
struct Row
{
    const Scheme* scheme = nullptr;
    std::array<unsigned, kMaxItems> counts{};
    int children = 1;
    // The table rows that occur, in the order first met, so that totals look at the few
    // items of a row rather than the whole table. Change counts only through add().
    std::array<std::uint8_t, kMaxItems> present{};
    std::size_t presentCount = 0;

    // One more occurrence of table row i.
    void add(std::size_t i)
    {
        if (counts[i]++ == 0)
            present[presentCount++] = static_cast<std::uint8_t>(i);
    }

    // Occurrences of a code of the scheme's table (a code not in the table is a bug).
    unsigned count(std::string_view code) const;
    bool has(std::string_view code) const { return count(code) > 0; }
    // Occurrences of all items of a group.
    unsigned countIn(Group group) const;
    // All occurrences on the row.
    unsigned total() const;
    // The codes of a group present on the row, for sentences: "CP and CIN", "A, B and C".
    std::string codesIn(Group group) const;
};

struct Scheme
{
    std::string_view name;    // canonical, upper case
    std::string_view article; // "a" or "an", for sentences ("an RBWM code")
    Table<std::string_view> aliases;
    Table<Item> items; // case items, then modifiers (or specific, additional), then worker
    Table<Grade> grades;
    std::string_view defaultGrade;
    bool gradeIgnored; // NOTTS bands do not depend on the grade
    bool scoresHours;  // NOTTS scores hours of extra duties a month

    // Checks the scheme's rules on a row with at least one item and returns its points before
    // the share; throws InputError.
    double (*rowPoints)(const Row& row);
    // Checks the worker items and returns the worker element (hours already checked).
    double (*workerElement)(const Row& row, double hours);
    // Points added to the case points in WORKLOADPOINTS (WARRINGTON's workload weight).
    double (*workloadWeight)(double casePoints);
    std::string_view (*band)(double points, const Grade& grade, double fte);
    double (*capacity)(double points, const Grade& grade, double fte);
};

// Index of a code (normalised: trimmed, upper case) in the scheme's table, or -1.
int findItem(const Scheme& scheme, std::string_view code);
// The table row of a code the scheme's rules name (a code not in the table is a bug).
const Item& itemOf(const Scheme& scheme, std::string_view code);

// The registry, in the order of schemeNames().
extern const Scheme kSwindon;
extern const Scheme kRbwm;
extern const Scheme kNotts;
extern const Scheme kWarrington;
Table<const Scheme*> allSchemes();

// The scheme with this normalised name or alias, or nullptr.
const Scheme* findScheme(std::string_view normalisedName);

} // namespace caseweight::detail
