// Rows scored per second by the pure engine, for representative case rows of every scheme.
//
// Each row is given as Calc gives it to the add-in: the scheme as text, the items as a range of
// five cells (codes and empty cells, as in columns D:H of a weighting sheet) or one text of
// codes, and Children and Share as numbers or empty. The figure to read is items_per_second
// (one item = one row scored). Target: over 5 million rows a second on one core.
#include <caseweight/engine.hpp>
#include <caseweight/schemes.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

namespace
{

using caseweight::Value;
using caseweight::Values;

struct CaseRow
{
    Value scheme;
    Values items;
    Value children;
    Value share;
};

// Items as a range of five cells, padded with empty cells like a sheet row.
Values cells(std::vector<std::string> codes)
{
    Values out;
    for (auto& code : codes)
        out.push_back(Value::str(std::move(code)));
    while (out.size() < 5)
        out.push_back(Value::empty());
    return out;
}

// Items as one text cell of codes separated by ";".
Values text(std::string codes)
{
    return {Value::str(std::move(codes))};
}

Value children(double n)
{
    return Value::num(n);
}

const Value kDefault = Value::empty();

std::vector<CaseRow> swindonRows()
{
    const Value s = Value::str("SWINDON");
    return {
        {s, cells({"CP"}), children(4), kDefault},
        {s, cells({"LAC", "COMPLEX", "COURT-ACTIVE"}), children(1), kDefault},
        {s, cells({"CIN", "ASSESSMENT"}), children(2), kDefault},
        {s, cells({"CP", "COMPLEX", "PRE-PROCEEDINGS"}), children(2), Value::num(0.5)},
        {s, text("LAC;TASK;TASK"), kDefault, kDefault},
        {s, cells({}), kDefault, kDefault}, // an empty template row
    };
}

std::vector<CaseRow> rbwmRows()
{
    const Value s = Value::str("RBWM");
    return {
        {s, cells({"CIC", "COMPLEX"}), children(2), kDefault},
        {s, cells({"CP", "PRE-PROCEEDINGS", "COURT", "COURT-COMPLEX", "FINAL-HEARING"}),
         children(3), kDefault},
        {s, cells({"CIN", "SINGLE-ASSESSMENT"}), children(3), kDefault},
        {s, text("CIC;REPORT;REPORT"), kDefault, Value::num(0.5)},
    };
}

std::vector<CaseRow> nottsRows()
{
    const Value s = Value::str("NOTTS");
    return {
        {s, cells({"S47-ICPC", "INTERPRETER"}), children(4), kDefault},
        {s, cells({"CP-UNSTABLE", "ALLEGATION", "TRAVEL-1-2H"}), children(2), kDefault},
        {s, cells({"LAC-STABLE"}), children(1), Value::num(0.5)},
        {s, text("COURT-LAC-ASSESS; PARENTING-CAPACITY"), children(3), kDefault},
    };
}

std::vector<CaseRow> warringtonRows()
{
    const Value s = Value::str("WARRINGTON");
    return {
        {s, cells({"CIN", "NEW", "ASSESS-LOW"}), children(5), kDefault},
        {s, cells({"CP", "CLOSING"}), children(2), kDefault},
        {s, cells({"CIC", "TRANSFER", "TRAVEL-1H"}), children(1), kDefault},
        {s, text("APPROVED-HOUSEHOLD;ASSESS-HIGH"), kDefault, kDefault},
    };
}

void scoreRows(benchmark::State& state, const std::vector<CaseRow>& rows)
{
    // Every row must score: a benchmark of the error path would measure something else.
    for (const CaseRow& r : rows)
        if (caseweight::caseCheck(r.scheme, r.items, r.children, r.share) != "OK")
        {
            state.SkipWithError("a benchmark row does not score");
            return;
        }
    for (auto _ : state)
        for (const CaseRow& r : rows)
            benchmark::DoNotOptimize(
                caseweight::casePoints(r.scheme, r.items, r.children, r.share));
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(rows.size()));
}

void BM_CasePoints_Swindon(benchmark::State& state)
{
    scoreRows(state, swindonRows());
}

void BM_CasePoints_Rbwm(benchmark::State& state)
{
    scoreRows(state, rbwmRows());
}

void BM_CasePoints_Notts(benchmark::State& state)
{
    scoreRows(state, nottsRows());
}

void BM_CasePoints_Warrington(benchmark::State& state)
{
    scoreRows(state, warringtonRows());
}

void BM_CasePoints_AllSchemes(benchmark::State& state)
{
    std::vector<CaseRow> rows;
    for (auto&& part : {swindonRows(), rbwmRows(), nottsRows(), warringtonRows()})
        rows.insert(rows.end(), part.begin(), part.end());
    scoreRows(state, rows);
}

// The same rows as the templates give them: the scheme dated by SCHEMEAT ("SWINDON@2026-11-28").
void BM_CasePoints_AllSchemesDated(benchmark::State& state)
{
    std::vector<CaseRow> rows;
    for (auto&& part : {swindonRows(), rbwmRows(), nottsRows(), warringtonRows()})
        rows.insert(rows.end(), part.begin(), part.end());
    for (CaseRow& r : rows)
        r.scheme = Value::str(r.scheme.text + "@2026-11-28");
    scoreRows(state, rows);
}

// An invalid row: the error path (an exception and its sentence) per call.
void BM_CasePoints_InvalidRow(benchmark::State& state)
{
    const Value s = Value::str("SWINDON");
    const Values items = cells({"CIN", "COMPLEX"});
    for (auto _ : state)
    {
        try
        {
            benchmark::DoNotOptimize(caseweight::casePoints(s, items, children(2), kDefault));
            state.SkipWithError("an invalid row scored");
            return;
        }
        catch (const caseweight::InputError&)
        {
        }
    }
    state.SetItemsProcessed(state.iterations());
}

// The worker's total and band, once per worker sheet.
void BM_WorkloadPointsAndBand(benchmark::State& state)
{
    const Value s = Value::str("SWINDON");
    Values column;
    for (int i = 0; i < 20; ++i)
        column.push_back(i < 12 ? Value::num(16 + i) : Value::empty());
    const Values worker = {Value::num(0)};
    for (auto _ : state)
    {
        const double total = caseweight::workloadPoints(s, column, worker);
        benchmark::DoNotOptimize(total);
        benchmark::DoNotOptimize(
            caseweight::workloadBand(s, Value::num(total), Value::str("EXPERIENCED"), kDefault));
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_CasePoints_Swindon);
BENCHMARK(BM_CasePoints_Rbwm);
BENCHMARK(BM_CasePoints_Notts);
BENCHMARK(BM_CasePoints_Warrington);
BENCHMARK(BM_CasePoints_AllSchemes);
BENCHMARK(BM_CasePoints_AllSchemesDated);
BENCHMARK(BM_CasePoints_InvalidRow);
BENCHMARK(BM_WorkloadPointsAndBand);

// The schemes are loaded once, as the add-in does, before any benchmark runs.
int main(int argc, char** argv)
{
    if (!caseweight::loadSchemes(caseweight::schemeFilesIn(CASEWEIGHT_SCHEMES_DIR)).empty())
        return 1;
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
