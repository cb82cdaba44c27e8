// Capacity with hours and reductions, allocation "what if", team roll-up and caseload-number
// policies. Small functions over the schemes' grades; no state.
#include "caseweight/planning.hpp"
#include "caseweight/engine.hpp"

#include "checked_arguments.hpp"
#include "dates.hpp"
#include "rules.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace caseweight
{
using namespace detail;

namespace
{
constexpr double kMinFullTimeHours = 1; // below an hour a week is a typing slip, not a contract
constexpr double kHoursInWeek = 168;
constexpr double kLastDate = 2958465; // 9999-12-31

double zeroAsBlank(double date, double blank)
{
    return date == 0.0 ? blank : date;
}

// A checked number argument: blank gives `blank` (or is missing); otherwise it must be a
// finite number within [min, max] (or (min, max]).
struct NumberRule
{
    const char* name; // "Hours", at the start of a sentence
    double min;
    double max;
    bool minExcluded; // (min, max] instead of [min, max]
};

double numberArg(const Value& v, const NumberRule& rule, std::optional<double> blank)
{
    const std::string name(rule.name);
    if (isBlank(v))
    {
        if (!blank)
            fail(name + " is missing.");
        return *blank;
    }
    if (v.kind == Value::Kind::Error)
        fail("The " + name + " cell holds an error; fix that cell first.");
    if (v.kind == Value::Kind::Text)
        fail(name + " must be a number; got the text " + quoted(v.text) + ".");
    if (!std::isfinite(v.number))
        fail(name + " must be a finite number.");
    const bool low = rule.minExcluded ? v.number <= rule.min : v.number < rule.min;
    if (low || v.number > rule.max)
        fail(name + " must be " + (rule.minExcluded ? "more than " : "at least ") +
             formatNumber(rule.min) +
             (rule.max < std::numeric_limits<double>::max()
                  ? " and at most " + formatNumber(rule.max)
                  : std::string()) +
             "; got " + formatNumber(v.number) +
             (v.number == 0 ? " (an empty cell counts as 0: fill it in, or leave the argument out)"
                            : "") +
             ".");
    return v.number;
}

// The reasonable maximum of a grade at full time: the top of its band, NOTTS 95, or the
// WARRINGTON capacity.
double gradeMaximum(const Grade& grade)
{
    return grade.upper;
}

struct Hours
{
    double available; // hours a week after reductions
    double fullTime;
};

// Blank FullTimeHours: the scheme's full-time week, from its file (or the default week).
Hours hoursArgs(const Scheme& s, const Value& hours, const Values& reductions,
                const Value& fullTimeHours)
{
    if (isBlank(fullTimeHours) && std::isnan(s.fullTimeHours))
        fail("The full-time week of " + s.name + " is not known (" + fullTimeWeekProblem() +
             "); give FullTimeHours.");
    const double fullTime = numberArg(
        fullTimeHours, {"FullTimeHours", kMinFullTimeHours, kHoursInWeek, false}, s.fullTimeHours);
    const double contracted = numberArg(hours, {"Hours", 0, fullTime, true}, fullTime);
    const double off = sumArg(reductions, "Reduction hours").value_or(0.0);
    if (exceeds(off, contracted))
        fail("The reductions (" + formatNumber(off) + " hours) exceed the contracted hours (" +
             formatNumber(contracted) + ").");
    return {contracted - off, fullTime};
}

double available(const Scheme& s, const Value& grade, const Hours& h)
{
    return gradeMaximum(gradeArg(grade, s)) * h.available / h.fullTime;
}

} // namespace

double availablePoints(const Value& scheme, const Value& grade, const Value& hours,
                       const Values& reductions, const Value& fullTimeHours)
{
    const Scheme& s = schemeArg(scheme);
    return finiteResult(available(s, grade, hoursArgs(s, hours, reductions, fullTimeHours)));
}

double capacityUsed(const Value& scheme, const Value& points, const Value& grade,
                    const Value& hours, const Values& reductions, const Value& fullTimeHours)
{
    const Scheme& s = schemeArg(scheme);
    const double p = pointsArg(points);
    const double a = available(s, grade, hoursArgs(s, hours, reductions, fullTimeHours));
    if (a <= 0)
        fail("No hours are left after the reductions, so there is no capacity to use.");
    return finiteResult(p / a);
}

double headroom(const Value& scheme, const Value& points, const Value& grade, const Value& hours,
                const Values& reductions, const Value& fullTimeHours)
{
    const Scheme& s = schemeArg(scheme);
    const double p = pointsArg(points);
    return finiteResult(available(s, grade, hoursArgs(s, hours, reductions, fullTimeHours)) - p);
}

double reductionHours(const Values& hours, const Values& starts, const Values& ends,
                      const Value& asAt)
{
    // An empty AsAt cell arrives as 0 (30-12-1899): never a date a reduction is looked at.
    if (isBlank(asAt) || isZero(asAt))
        fail("AsAt is missing or an empty cell; give the date to look at, e.g. TODAY().");
    const double day = numberArg(asAt, {"AsAt", 0, kLastDate, true}, std::nullopt);
    // Starts or Ends left out (or one empty cell): every reduction open at that end.
    const Values noDates(hours.size());
    const auto leftOut = [](const Values& dates)
    { return dates.size() == 1 && (isBlank(dates[0]) || isZero(dates[0])); };
    const Values& from = leftOut(starts) ? noDates : starts;
    const Values& to = leftOut(ends) ? noDates : ends;
    if (from.size() != hours.size() || to.size() != hours.size())
        fail("Hours, Starts and Ends must have the same number of cells; got " +
             std::to_string(hours.size()) + ", " + std::to_string(starts.size()) + " and " +
             std::to_string(ends.size()) + ".");
    double total = 0;
    for (std::size_t i = 0; i < hours.size(); ++i)
    {
        if (isBlank(hours[i]))
            continue;
        const double h = numberArg(hours[i], {"Reduction hours", 0, kHoursInWeek, false}, 0.0);
        // A single empty Starts or Ends cell arrives as 0 (30-12-1899): no date, as when the
        // cell of a range is empty.
        const double start =
            zeroAsBlank(numberArg(from[i], {"A start date", 0, kLastDate, false}, 0.0), 0.0);
        const double end = zeroAsBlank(
            numberArg(to[i], {"An end date", 0, kLastDate, false}, kLastDate), kLastDate);
        if (end < start)
            fail("A reduction ends (" + formatNumber(end) + ") before it starts (" +
                 formatNumber(start) + ").");
        if (start <= day && day <= end)
            total += h;
    }
    return finiteResult(total);
}

double allocatePoints(const Value& scheme, const Values& casePoints, const Values& workerPoints,
                      const Values& items, const Value& children, const Value& share)
{
    Values withNewCase = casePoints;
    withNewCase.push_back(Value::num(caseweight::casePoints(scheme, items, children, share)));
    return workloadPoints(scheme, withNewCase, workerPoints);
}

// ---- team -----------------------------------------------------------------------------------
namespace
{
struct Worker
{
    double points;
    double maximum; // the grade's reasonable maximum at the worker's FTE
};

// One cell per worker, or one value for all.
const Value& perWorker(const Values& range, std::size_t i, std::size_t workers, const char* what)
{
    static const Value blank;
    if (range.empty())
        return blank;
    if (range.size() == 1)
        return range.front();
    if (range.size() != workers)
        fail(std::string(what) + " must have one cell per worker (" + std::to_string(workers) +
             ") or a single value; got " + std::to_string(range.size()) + ".");
    return range[i];
}

bool sameGroup(const Value& cell, const Value& group)
{
    if (cell.kind == Value::Kind::Number && group.kind == Value::Kind::Number)
        return cell.number == group.number;
    if (cell.kind == Value::Kind::Text && group.kind == Value::Kind::Text)
        return normaliseName(cell.text) == normaliseName(group.text);
    return false;
}

std::vector<Worker> workers(const TeamArgs& t)
{
    const Scheme& s = schemeArg(t.scheme);
    const std::size_t n = t.points.size();
    // An empty Group cell arrives as 0: no filter.
    const bool filtered = !isBlank(t.group) && !isZero(t.group);
    if (t.group.kind == Value::Kind::Error)
        fail("The Group cell holds an error; fix that cell first.");
    if (filtered && t.groups.empty())
        fail("Give the Groups range to pick the workers of one group.");
    std::vector<Worker> out;
    for (std::size_t i = 0; i < n; ++i)
    {
        const Value& p = t.points[i];
        if (isBlank(p))
            continue; // no worker on this row
        if (filtered && !sameGroup(perWorker(t.groups, i, n, "Groups"), t.group))
            continue;
        const double points = pointsArg(p);
        const Grade& grade = gradeArg(perWorker(t.grades, i, n, "Grades"), s);
        const double fte = fteArg(perWorker(t.ftes, i, n, "FTEs"));
        out.push_back({points, gradeMaximum(grade) * fte});
    }
    if (out.empty())
        fail(filtered ? "No worker belongs to that group." : "There are no worker totals.");
    return out;
}
} // namespace

double teamAverage(const TeamArgs& team)
{
    double sum = 0;
    const auto ws = workers(team);
    for (const Worker& w : ws)
        sum += w.points;
    return finiteResult(sum / static_cast<double>(ws.size()));
}

double teamSpread(const TeamArgs& team)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Worker& w : workers(team))
    {
        lo = std::min(lo, w.points / w.maximum);
        hi = std::max(hi, w.points / w.maximum);
    }
    return finiteResult(hi - lo);
}

double teamAboveBand(const TeamArgs& team)
{
    double count = 0;
    for (const Worker& w : workers(team))
        if (exceeds(w.points, w.maximum))
            ++count;
    return count;
}

double teamCapacity(const TeamArgs& team)
{
    double points = 0, maximum = 0;
    for (const Worker& w : workers(team))
    {
        points += w.points;
        maximum += w.maximum;
    }
    return finiteResult(points / maximum);
}

// ---- caseload-number policies ---------------------------------------------------------------
namespace
{
// The Date argument: a date, or a SCHEMEAT result ("RBWM@2027-04-01") for its date.
int dateArg(const Value& date)
{
    if (date.kind == Value::Kind::Error)
        fail("The Date cell holds an error; fix that cell first.");
    if (date.kind == Value::Kind::Text)
    {
        const std::size_t at = date.text.find('@');
        const std::optional<int> day = at == std::string::npos
                                           ? std::nullopt
                                           : parseIsoDate(normaliseName(date.text.substr(at + 1)));
        if (!day)
            fail("The Date must be a date, or a scheme with its date such as SCHEMEAT gives "
                 "(RBWM@2027-04-01); got the text " +
                 quoted(date.text) + ".");
        return *day;
    }
    if (isZero(date)) // an empty cell arrives as 0
        fail("The Date is an empty cell; give the sheet's date (its As at cell), or leave the "
             "argument out for the limits in force today.");
    if (!std::isfinite(date.number) || date.number < 1 || date.number > kLastDate)
        fail("The Date must be a date between 1900 and 9999.");
    return static_cast<int>(std::floor(date.number));
}

// The version of the policy in force on the Date (left out: on the date after the code's @,
// else today).
const PolicyVersion& policyArg(const Value& policy, const Value& date)
{
    if (isBlank(policy) || isZero(policy))
        fail("The policy is missing; CASELOADPOLICIES() lists them.");
    if (policy.kind == Value::Kind::Error)
        fail("The Policy cell holds an error; fix that cell first.");
    if (policy.kind == Value::Kind::Number)
        fail("The policy must be a code, not the number " + formatNumber(policy.number) + ".");
    std::string code = normaliseName(policy.text);
    std::replace(code.begin(), code.end(), ' ', '-');
    std::optional<int> day;
    if (const std::size_t at = code.find('@'); at != std::string::npos)
    {
        day = parseIsoDate(code.substr(at + 1));
        code.resize(at);
        if (!day)
        {
            // The example names the policy only when it is one: the code is the user's text.
            const PolicyEntry* known = findPolicy(code);
            fail("The policy " + quoted(policy.text) +
                 " has a date that is not a real date; write it as " +
                 (known ? code : std::string("POLICY")) + "@2027-04-01.");
        }
    }
    const PolicyEntry* entry = findPolicy(code);
    if (!entry)
    {
        std::string unread;
        for (const std::string& why : unreadableFiles())
            unread += (unread.empty() ? " (a file that may define it cannot be read: " : "; ") +
                      why.substr(0, why.find(':'));
        fail(quoted(code) + " is not a caseload policy; CASELOADPOLICIES() lists them" +
             (unread.empty() ? "" : unread + ")") + ".");
    }
    if (!entry->error.empty())
        fail(entry->error);
    if (!isBlank(date))
    {
        if (day)
            fail("The policy " + quoted(policy.text) +
                 " has a date already; leave the Date argument out, or the date after @.");
        day = dateArg(date);
    }
    // Today's date is looked up only for a policy that has amendments.
    return policyOn(*entry, day ? *day : (entry->versions.size() > 1 ? today() : 0));
}

double casesArg(const Value& cases)
{
    return numberArg(cases, {"Cases", 0, std::numeric_limits<double>::max(), false}, std::nullopt);
}
} // namespace

std::string caseloadBand(const Value& policy, const Value& cases, const Value& fte,
                         const Value& date)
{
    const PolicyVersion& p = policyArg(policy, date);
    const double n = casesArg(cases);
    const double f = fteArg(fte);
    if (fallsBelow(n, p.lower * f))
        return "Below range";
    if (exceeds(n, p.upper * f))
        return "Above range";
    return "Within range";
}

double caseloadLimit(const Value& policy, const Value& fte, const Value& date, const Value& limit)
{
    const PolicyVersion& p = policyArg(policy, date);
    // Which limit: the upper unless "lower" is asked for (a sheet showing a policy's range);
    // an empty cell arrives as 0.
    if (limit.kind == Value::Kind::Error)
        fail("The Limit cell holds an error; fix that cell first.");
    const bool leftOut = limit.kind == Value::Kind::Empty ||
                         (limit.kind == Value::Kind::Number && limit.number == 0) ||
                         (limit.kind == Value::Kind::Text && limit.text.empty());
    const std::string which =
        limit.kind == Value::Kind::Text ? normaliseName(limit.text) : std::string();
    if (!leftOut && which != "LOWER" && which != "UPPER")
        fail("The limit must be \"lower\" or \"upper\" (left out: upper).");
    const bool lower = which == "LOWER";
    return finiteResult((lower ? p.lower : p.upper) * fteArg(fte));
}

std::vector<std::string> caseloadPolicies(const Value& authority)
{
    std::string prefix;
    if (authority.kind == Value::Kind::Number && authority.number != 0)
        fail("The authority must be a name, not a number.");
    if (authority.kind == Value::Kind::Error)
        fail("The Authority cell holds an error; fix that cell first.");
    if (authority.kind == Value::Kind::Text)
    {
        prefix = normaliseName(authority.text);
        std::replace(prefix.begin(), prefix.end(), ' ', '-');
    }
    std::vector<std::string> out;
    for (const PolicyEntry& p : allPolicies())
        if (p.code.substr(0, prefix.size()) == prefix &&
            (p.code.size() == prefix.size() || prefix.empty() || p.code[prefix.size()] == '-'))
            out.emplace_back(p.code);
    if (out.empty())
        fail("No caseload policy belongs to " + quoted(prefix) + ".");
    return out;
}

double staffNeeded(const Value& cases, const Value& target, const Value& currentFte)
{
    const double n = casesArg(cases);
    const double t =
        numberArg(target, {"Target", 0, std::numeric_limits<double>::max(), true}, std::nullopt);
    const double f = numberArg(currentFte, {"CurrentFTE", 0, 1e6, false}, std::nullopt);
    return finiteResult(n / t - f);
}

double staffCost(const Value& cases, const Value& target, const Value& currentFte,
                 const Value& costPerFte)
{
    const double needed = staffNeeded(cases, target, currentFte);
    const double cost = numberArg(costPerFte, {"CostPerFTE", 0, 1e9, false}, std::nullopt);
    return finiteResult(needed * cost);
}

} // namespace caseweight
