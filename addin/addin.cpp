// The Calc add-in component: registers the sheet functions of function_table.cpp and turns
// each call into a call of the engine in functions/. It converts arguments and errors only.
//
// No exception other than a UNO one may leave a method: anything else would terminate the
// whole office process and lose the user's unsaved work.

#include "function_table.hpp"
#include "uno_values.hpp"

#include <caseweight/audit.hpp>
#include <caseweight/engine.hpp>
#include <caseweight/planning.hpp>
#include <caseweight/schemes.hpp>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/reflection/InvocationTargetException.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/caseweight/XCaseweight.hpp>
#include <osl/file.hxx>
#include <uno/lbnames.h>
#include <uno/mapping.hxx>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <mutex>
#include <optional>

namespace uno = css::uno;
namespace lang = css::lang;
namespace sheet = css::sheet;
namespace reflection = css::reflection;
namespace deployment = css::deployment;
namespace task = css::task;
namespace beans = css::beans;
using caseweight::uno_args::Range;
using rtl::OUString;

namespace caseweight
{
namespace
{
using uno_args::fromUtf8;
using uno_args::toRowValues;
using uno_args::toUtf8;
using uno_args::toValue;
using uno_args::toValues;

// Runs one sheet function: the engine's InputError becomes IllegalArgumentException
// (Err:502 in the cell), any other C++ exception a RuntimeException (#VALUE!).
template <class F> auto guarded(F&& compute) -> decltype(compute())
{
    try
    {
        return compute();
    }
    catch (const InputError& e)
    {
        throw lang::IllegalArgumentException(fromUtf8(e.what()), {}, 0);
    }
    catch (const uno::Exception&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        throw uno::RuntimeException(fromUtf8(std::string("caseweight: ") + e.what()));
    }
    catch (...)
    {
        throw uno::RuntimeException("caseweight: unexpected failure");
    }
}

uno::Any cellOf(const std::string& text)
{
    return uno::Any(fromUtf8(text));
}

uno::Any cellOf(double number)
{
    return uno::Any(number);
}

// A one-column array, as SCHEMEITEMS, CASELOADPOLICIES, COLUMNVALUES and SHEETCOLUMNS return.
template <class T> uno::Sequence<uno::Sequence<uno::Any>> columnArray(const std::vector<T>& cells)
{
    uno::Sequence<uno::Sequence<uno::Any>> rows(static_cast<sal_Int32>(cells.size()));
    auto* out = rows.getArray();
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        const uno::Any cell = cellOf(cells[i]);
        out[i] = uno::Sequence<uno::Any>(&cell, 1);
    }
    return rows;
}

// The schemes are data files: the built-in ones in caseweight's own extension folder, a
// council's in scheme packs (extensions named org.caseweight.schemes.*), read once per
// office process when Calc first creates the add-in. A file with mistakes only disables its
// scheme (whose functions then say which file and line); nothing here may throw into Calc.
std::string systemPath(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return {};
    return toUtf8(path);
}

// A path of this computer as a user gives it: a file:// address (as a file picker gives it)
// becomes a path; anything else is taken as it is.
std::string localPath(const std::string& text)
{
    if (text.rfind("file:", 0) != 0)
        return text;
    const std::string path = systemPath(fromUtf8(text));
    return path.empty() ? text : path;
}

// The files loaded at start: the built-in schemes and the installed packs.
std::vector<SchemeFile>& installedFiles()
{
    static std::vector<SchemeFile> files;
    return files;
}

void loadSchemesOnce(const uno::Reference<uno::XComponentContext>& context)
{
    static std::once_flag once;
    std::call_once(
        once,
        [&]
        {
            std::vector<SchemeFile> files;
            try
            {
                const auto info = deployment::PackageInformationProvider::get(context);
                files = schemeFilesIn(systemPath(info->getPackageLocation(fromUtf8(kExtensionId))) +
                                      "/schemes");
                std::vector<std::string> packs;
                for (const auto& extension : info->getExtensionList())
                    if (extension.getLength() > 0 &&
                        extension[0].startsWith(fromUtf8(kSchemePackPrefix)))
                        packs.push_back(toUtf8(extension[0]));
                std::sort(packs.begin(), packs.end());
                for (const std::string& id : packs)
                    for (SchemeFile& f : schemeFilesIn(
                             systemPath(info->getPackageLocation(fromUtf8(id))) + "/schemes"))
                        files.push_back(std::move(f));
            }
            catch (...)
            {
                // No extension information: the built-in folder stays empty, and every
                // function says that no scheme is loaded.
            }
            installedFiles() = files;
            for (const std::string& problem : loadSchemes(files))
                std::fprintf(stderr, "caseweight: %s\n", problem.c_str());
        });
}

// "A, B or C".
std::string listOr(const std::vector<std::string>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == names.size() ? " or " : ", ")) + names[i];
    return out.empty() ? "none loaded" : out;
}

// The wizard's texts name what the loaded scheme files hold: {schemes} their names, {bands}
// their band labels ("Below band / Within band / Above band (RBWM, SWINDON)"), {hours} the
// schemes that score hours.
std::string withSchemeNames(std::string_view text)
{
    std::string out(text);
    const auto put = [&](const std::string& key, const std::string& value)
    {
        const std::size_t at = out.find(key);
        if (at != std::string::npos)
            out.replace(at, key.size(), value);
    };
    const std::vector<std::string> names = schemeNames();
    put("{schemes}", listOr(names));
    put("{hours}", listOr(schemesScoringHours()));
    // Examples from the files: a scheme, a case type with a modifier, two codes, a grade.
    std::string items, codes, grade;
    for (const std::string& name : names)
    {
        const auto group = [&](const char* g)
        {
            try
            {
                return caseweight::schemeItems(Value::str(name), Value::str(g));
            }
            catch (const std::exception&)
            {
                return std::vector<std::string>{};
            }
        };
        const auto cases = group("case");
        const auto modifiers = group("modifier");
        if (items.empty() && !cases.empty() && !modifiers.empty())
            items = cases.front() + "; " + modifiers.front();
        const auto all = cases.empty() ? group("specific") : cases;
        if (!all.empty() && codes.find(" or ") == std::string::npos &&
            codes.find(all.front()) == std::string::npos)
            codes += (codes.empty() ? "" : " or ") + all.front();
        if (grade.empty())
            grade = schemeDefaultGrade(name);
    }
    put("{scheme}", names.empty() ? "NAME" : names.front());
    put("{items}", items.empty() ? "CODE; CODE" : items);
    put("{codes}", codes.empty() ? "a code of the scheme" : codes);
    put("{grade}", grade.empty() ? "the first of its grades" : grade);
    if (out.find("{week}") != std::string::npos)
    {
        // "37 hours (NOTTS, RBWM ...)", from the files.
        std::vector<std::pair<double, std::string>> weeks;
        for (const std::string& name : names)
        {
            const double hours = schemeFullTimeHours(name);
            if (hours <= 0)
                continue;
            auto it = std::find_if(weeks.begin(), weeks.end(),
                                   [&](const auto& w) { return w.first == hours; });
            if (it == weeks.end())
                weeks.push_back({hours, name});
            else
                it->second += ", " + name;
        }
        std::string text;
        for (const auto& [hours, who] : weeks)
        {
            char number[32];
            std::snprintf(number, sizeof number, "%g", hours);
            text += (text.empty() ? "" : "; ") + std::string(number) + " hours (" + who + ")";
        }
        put("{week}", text.empty() ? "see the scheme's file" : text);
    }
    if (out.find("{policies}") != std::string::npos ||
        out.find("{authorities}") != std::string::npos)
    {
        // Examples from the files: the first code of each authority (the part before a dash).
        std::vector<std::string> codes, authorities;
        try
        {
            for (const std::string& code : caseloadPolicies(Value::empty()))
            {
                const std::string head = code.substr(0, code.find('-'));
                if (std::find(authorities.begin(), authorities.end(), head) == authorities.end())
                {
                    authorities.push_back(head);
                    codes.push_back(code);
                }
            }
        }
        catch (const std::exception&)
        {
        }
        if (codes.size() > 3)
            codes.resize(3);
        put("{policies}", codes.empty() ? "AUTHORITY-CODE" : listOr(codes));
        put("{authorities}", authorities.empty() ? "the authority's name" : listOr(authorities));
    }
    if (out.find("{bands}") != std::string::npos)
    {
        std::vector<std::pair<std::string, std::vector<std::string>>> groups;
        for (const std::string& name : schemeNames())
        {
            std::string labels;
            for (const std::string& label : bandLabels(name))
                labels += (labels.empty() ? "" : " / ") + label;
            if (labels.empty())
                continue;
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const auto& g) { return g.first == labels; });
            if (it == groups.end())
                groups.push_back({labels, {name}});
            else
                it->second.push_back(name);
        }
        std::string bands;
        for (const auto& [labels, names] : groups)
        {
            std::string who;
            for (const std::string& n : names)
                who += (who.empty() ? "" : ", ") + n;
            bands += (bands.empty() ? "" : "; ") + labels + " (" + who + ")";
        }
        put("{bands}", bands);
    }
    return out;
}

// Named only when a message needs it: the table is not searched on every call.
uno_args::ArgumentRef argName(const char* method, std::size_t i)
{
    return {method, i};
}

class AddIn : public cppu::WeakImplHelper4<org::caseweight::XCaseweight, sheet::XAddIn,
                                           lang::XServiceName, lang::XServiceInfo>
{
  public:
    explicit AddIn(const uno::Reference<uno::XComponentContext>& context) : context_(context)
    {
        loadSchemesOnce(context);
    }

    // org::caseweight::XCaseweight
    OUString SAL_CALL schemeAt(const OUString& scheme, const Range& date) override
    {
        return guarded(
            [&]
            {
                return fromUtf8(caseweight::schemeAt(toValue(scheme, argName("schemeAt", 0)),
                                                     toValue(date, argName("schemeAt", 1))));
            });
    }

    OUString SAL_CALL schemeVersion(const OUString& scheme) override
    {
        return guarded(
            [&] {
                return fromUtf8(
                    caseweight::schemeVersion(toValue(scheme, argName("schemeVersion", 0))));
            });
    }

    OUString SAL_CALL pointsText(const OUString& scheme, const Range& codes,
                                 const uno::Any& form) override
    {
        return guarded(
            [&]
            {
                const char* f = "pointsText";
                return fromUtf8(caseweight::pointsText(toValue(scheme, argName(f, 0)),
                                                       toValues(codes, argName(f, 1)),
                                                       toValue(form, argName(f, 2))));
            });
    }

    OUString SAL_CALL bandText(const OUString& scheme, const uno::Any& grade) override
    {
        return guarded(
            [&]
            {
                return fromUtf8(caseweight::bandText(toValue(scheme, argName("bandText", 0)),
                                                     toValue(grade, argName("bandText", 1))));
            });
    }

    OUString SAL_CALL schemeText(const OUString& scheme, const OUString& text,
                                 const uno::Any& date) override
    {
        return guarded(
            [&]
            {
                const char* f = "schemeText";
                return fromUtf8(caseweight::schemeText(toValue(scheme, argName(f, 0)),
                                                       toValue(text, argName(f, 1)),
                                                       toValue(date, argName(f, 2))));
            });
    }

    double SAL_CALL casePoints(const OUString& scheme, const Range& items, const uno::Any& children,
                               const uno::Any& share) override
    {
        return guarded(
            [&]
            {
                return caseweight::casePoints(toValue(scheme, argName("casePoints", 0)),
                                              toRowValues(items, argName("casePoints", 1)),
                                              toValue(children, argName("casePoints", 2)),
                                              toValue(share, argName("casePoints", 3)));
            });
    }

    OUString SAL_CALL caseCheck(const OUString& scheme, const Range& items,
                                const uno::Any& children, const uno::Any& share) override
    {
        return guarded(
            [&]
            {
                std::string verdict;
                try
                {
                    verdict = caseweight::caseCheck(toValue(scheme, argName("caseCheck", 0)),
                                                    toRowValues(items, argName("caseCheck", 1)),
                                                    toValue(children, argName("caseCheck", 2)),
                                                    toValue(share, argName("caseCheck", 3)));
                }
                catch (const InputError& e) // an argument that could not even be converted
                {
                    verdict = e.what();
                }
                return fromUtf8(verdict);
            });
    }

    double SAL_CALL workerPoints(const OUString& scheme, const uno::Any& items,
                                 const uno::Any& hours) override
    {
        return guarded(
            [&]
            {
                return caseweight::workerPoints(toValue(scheme, argName("workerPoints", 0)),
                                                toValues(items, argName("workerPoints", 1)),
                                                toValue(hours, argName("workerPoints", 2)));
            });
    }

    double SAL_CALL workloadPoints(const OUString& scheme, const Range& casePoints,
                                   const uno::Any& workerPoints) override
    {
        return guarded(
            [&]
            {
                return caseweight::workloadPoints(
                    toValue(scheme, argName("workloadPoints", 0)),
                    toValues(casePoints, argName("workloadPoints", 1)),
                    toValues(workerPoints, argName("workloadPoints", 2)));
            });
    }

    OUString SAL_CALL workloadBand(const OUString& scheme, const Range& points,
                                   const uno::Any& grade, const uno::Any& fte) override
    {
        return guarded(
            [&]
            {
                return fromUtf8(
                    caseweight::workloadBand(toValue(scheme, argName("workloadBand", 0)),
                                             toValue(points, argName("workloadBand", 1)),
                                             toValue(grade, argName("workloadBand", 2)),
                                             toValue(fte, argName("workloadBand", 3))));
            });
    }

    double SAL_CALL workloadCapacity(const OUString& scheme, const Range& points,
                                     const uno::Any& grade, const uno::Any& fte) override
    {
        return guarded(
            [&]
            {
                return caseweight::workloadCapacity(toValue(scheme, argName("workloadCapacity", 0)),
                                                    toValue(points, argName("workloadCapacity", 1)),
                                                    toValue(grade, argName("workloadCapacity", 2)),
                                                    toValue(fte, argName("workloadCapacity", 3)));
            });
    }

    OUString SAL_CALL itemLabel(const OUString& scheme, const OUString& code) override
    {
        return guarded(
            [&]
            {
                return fromUtf8(caseweight::itemLabel(toValue(scheme, argName("itemLabel", 0)),
                                                      toValue(code, argName("itemLabel", 1))));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>> SAL_CALL schemeItems(const OUString& scheme,
                                                                const uno::Any& group) override
    {
        return guarded(
            [&]
            {
                return columnArray(
                    caseweight::schemeItems(toValue(scheme, argName("schemeItems", 0)),
                                            toValue(group, argName("schemeItems", 1))));
            });
    }

    double SAL_CALL availablePoints(const OUString& scheme, const uno::Any& grade,
                                    const uno::Any& hours, const uno::Any& reductionHours,
                                    const uno::Any& fullTimeHours) override
    {
        return guarded(
            [&]
            {
                const char* f = "availablePoints";
                return caseweight::availablePoints(
                    toValue(scheme, argName(f, 0)), toValue(grade, argName(f, 1)),
                    toValue(hours, argName(f, 2)), toValues(reductionHours, argName(f, 3)),
                    toValue(fullTimeHours, argName(f, 4)));
            });
    }

    double SAL_CALL capacityUsed(const OUString& scheme, const Range& points, const uno::Any& grade,
                                 const uno::Any& hours, const uno::Any& reductionHours,
                                 const uno::Any& fullTimeHours) override
    {
        return guarded(
            [&]
            {
                const char* f = "capacityUsed";
                return caseweight::capacityUsed(
                    toValue(scheme, argName(f, 0)), toValue(points, argName(f, 1)),
                    toValue(grade, argName(f, 2)), toValue(hours, argName(f, 3)),
                    toValues(reductionHours, argName(f, 4)), toValue(fullTimeHours, argName(f, 5)));
            });
    }

    double SAL_CALL headroom(const OUString& scheme, const Range& points, const uno::Any& grade,
                             const uno::Any& hours, const uno::Any& reductionHours,
                             const uno::Any& fullTimeHours) override
    {
        return guarded(
            [&]
            {
                const char* f = "headroom";
                return caseweight::headroom(
                    toValue(scheme, argName(f, 0)), toValue(points, argName(f, 1)),
                    toValue(grade, argName(f, 2)), toValue(hours, argName(f, 3)),
                    toValues(reductionHours, argName(f, 4)), toValue(fullTimeHours, argName(f, 5)));
            });
    }

    double SAL_CALL reductionHours(const Range& hours, const uno::Any& starts, const uno::Any& ends,
                                   const Range& asAt) override
    {
        return guarded(
            [&]
            {
                return caseweight::reductionHours(toValues(hours, argName("reductionHours", 0)),
                                                  toValues(starts, argName("reductionHours", 1)),
                                                  toValues(ends, argName("reductionHours", 2)),
                                                  toValue(asAt, argName("reductionHours", 3)));
            });
    }

    double SAL_CALL allocatePoints(const OUString& scheme, const Range& casePoints,
                                   const uno::Any& workerPoints, const Range& items,
                                   const uno::Any& children, const uno::Any& share) override
    {
        return guarded(
            [&]
            {
                const char* f = "allocatePoints";
                return caseweight::allocatePoints(
                    toValue(scheme, argName(f, 0)), toValues(casePoints, argName(f, 1)),
                    toValues(workerPoints, argName(f, 2)), toRowValues(items, argName(f, 3)),
                    toValue(children, argName(f, 4)), toValue(share, argName(f, 5)));
            });
    }

    double SAL_CALL teamAverage(const OUString& scheme, const Range& points, const uno::Any& grades,
                                const uno::Any& ftes, const uno::Any& groups,
                                const uno::Any& group) override
    {
        return guarded(
            [&]
            {
                return caseweight::teamAverage(
                    team("teamAverage", scheme, points, grades, ftes, groups, group));
            });
    }

    double SAL_CALL teamSpread(const OUString& scheme, const Range& points, const uno::Any& grades,
                               const uno::Any& ftes, const uno::Any& groups,
                               const uno::Any& group) override
    {
        return guarded(
            [&]
            {
                return caseweight::teamSpread(
                    team("teamSpread", scheme, points, grades, ftes, groups, group));
            });
    }

    double SAL_CALL teamAboveBand(const OUString& scheme, const Range& points,
                                  const uno::Any& grades, const uno::Any& ftes,
                                  const uno::Any& groups, const uno::Any& group) override
    {
        return guarded(
            [&]
            {
                return caseweight::teamAboveBand(
                    team("teamAboveBand", scheme, points, grades, ftes, groups, group));
            });
    }

    double SAL_CALL teamCapacity(const OUString& scheme, const Range& points,
                                 const uno::Any& grades, const uno::Any& ftes,
                                 const uno::Any& groups, const uno::Any& group) override
    {
        return guarded(
            [&]
            {
                return caseweight::teamCapacity(
                    team("teamCapacity", scheme, points, grades, ftes, groups, group));
            });
    }

    OUString SAL_CALL caseloadBand(const OUString& policy, const Range& cases, const uno::Any& fte,
                                   const uno::Any& date) override
    {
        return guarded(
            [&]
            {
                const char* f = "caseloadBand";
                return fromUtf8(caseweight::caseloadBand(
                    toValue(policy, argName(f, 0)), toValue(cases, argName(f, 1)),
                    toValue(fte, argName(f, 2)), toValue(date, argName(f, 3))));
            });
    }

    double SAL_CALL caseloadLimit(const OUString& policy, const uno::Any& fte, const uno::Any& date,
                                  const uno::Any& limit) override
    {
        return guarded(
            [&]
            {
                const char* f = "caseloadLimit";
                return caseweight::caseloadLimit(
                    toValue(policy, argName(f, 0)), toValue(fte, argName(f, 1)),
                    toValue(date, argName(f, 2)), toValue(limit, argName(f, 3)));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>> SAL_CALL schemeStatus(const uno::Any& scheme) override
    {
        return guarded(
            [&] {
                return columnArray(
                    caseweight::schemeStatus(toValue(scheme, argName("schemeStatus", 0))));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>> SAL_CALL schemeCheck(const Range& paths) override
    {
        return guarded(
            [&]
            {
                Values files = toValues(paths, argName("schemeCheck", 0));
                for (Value& f : files)
                    if (f.kind == Value::Kind::Text)
                        f.text = localPath(f.text);
                return columnArray(caseweight::schemeCheck(files));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>>
        SAL_CALL caseloadPolicies(const uno::Any& authority) override
    {
        return guarded(
            [&]
            {
                return columnArray(caseweight::caseloadPolicies(
                    toValue(authority, argName("caseloadPolicies", 0))));
            });
    }

    double SAL_CALL staffNeeded(const Range& cases, const Range& target,
                                const Range& currentFte) override
    {
        return guarded(
            [&]
            {
                const char* f = "staffNeeded";
                return caseweight::staffNeeded(toValue(cases, argName(f, 0)),
                                               toValue(target, argName(f, 1)),
                                               toValue(currentFte, argName(f, 2)));
            });
    }

    double SAL_CALL staffCost(const Range& cases, const Range& target, const Range& currentFte,
                              const Range& costPerFte) override
    {
        return guarded(
            [&]
            {
                const char* f = "staffCost";
                return caseweight::staffCost(
                    toValue(cases, argName(f, 0)), toValue(target, argName(f, 1)),
                    toValue(currentFte, argName(f, 2)), toValue(costPerFte, argName(f, 3)));
            });
    }

    OUString SAL_CALL columnCheck(const OUString& scheme, const OUString& column,
                                  const Range& value, const uno::Any& children) override
    {
        return guarded(
            [&]
            {
                const char* f = "columnCheck";
                return fromUtf8(caseweight::columnCheck(
                    toValue(scheme, argName(f, 0)), toValue(column, argName(f, 1)),
                    toValue(value, argName(f, 2)), toValue(children, argName(f, 3))));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>> SAL_CALL columnValues(const OUString& scheme,
                                                                 const OUString& column,
                                                                 const uno::Any& children) override
    {
        return guarded(
            [&]
            {
                const char* f = "columnValues";
                return columnArray(caseweight::columnValues(toValue(scheme, argName(f, 0)),
                                                            toValue(column, argName(f, 1)),
                                                            toValue(children, argName(f, 2))));
            });
    }

    uno::Sequence<uno::Sequence<uno::Any>> SAL_CALL sheetColumns(const OUString& scheme) override
    {
        return guarded(
            [&] {
                return columnArray(
                    caseweight::sheetColumns(toValue(scheme, argName("sheetColumns", 0))));
            });
    }

    OUString SAL_CALL caseReason(const OUString& function, const uno::Any& a1, const uno::Any& a2,
                                 const uno::Any& a3, const uno::Any& a4, const uno::Any& a5,
                                 const uno::Any& a6) override
    {
        return guarded(
            [&]
            {
                const Value name = toValue(function, argName("caseReason", 0));
                const FunctionInfo* f = name.kind == Value::Kind::Text
                                            ? findByDisplayName(normalisedName(name.text))
                                            : nullptr;
                if (!f || f->method == "caseReason")
                    return fromUtf8(
                        (name.kind == Value::Kind::Text
                             ? quotedText(name.text) + " is not a caseweight function. "
                             : std::string()) +
                        "Give the name of a caseweight function as the first argument, e.g. "
                        "\"WORKLOADBAND\".");
                const uno::Any* args[] = {&a1, &a2, &a3, &a4, &a5, &a6};
                for (std::size_t i = f->arguments.size(); i < 6; ++i)
                    if (args[i]->hasValue())
                        return fromUtf8(std::string(f->displayName) + " takes " +
                                        std::to_string(f->arguments.size()) +
                                        " arguments; more were given.");
                // The function is called as Calc calls it, through UNO reflection by its
                // method name, so that the table is the only list of functions.
                const uno::Reference<reflection::XIdlMethod> method =
                    reflection::theCoreReflection::get(context_)
                        ->forName("org.caseweight.XCaseweight")
                        ->getMethod(fromUtf8(f->method));
                // The table and the IDL are checked against each other by the tests; should
                // they ever disagree, say so rather than read past either.
                if (!method.is() ||
                    static_cast<std::size_t>(method->getParameterTypes().getLength()) !=
                        f->arguments.size())
                    throw uno::RuntimeException("caseweight: the function table and the "
                                                "interface disagree about " +
                                                fromUtf8(f->displayName));
                const auto types = method->getParameterTypes();
                uno::Sequence<uno::Any> values(types.getLength());
                for (sal_Int32 i = 0; i < types.getLength(); ++i)
                {
                    const std::string_view argName = f->arguments[static_cast<std::size_t>(i)].name;
                    const std::optional<uno::Any> value =
                        asParameter(*args[i], types[i]->getTypeClass());
                    if (!value) // what Calc itself refuses before calling the function
                        return fromUtf8(std::string(argName) + (args[i]->hasValue()
                                                                    ? " must be one cell."
                                                                    : " is missing."));
                    values.getArray()[i] = *value;
                }
                try
                {
                    uno::Any self(uno::Reference<org::caseweight::XCaseweight>(this));
                    method->invoke(self, values);
                    return OUString("OK");
                }
                catch (const reflection::InvocationTargetException& e)
                {
                    uno::Exception refusal; // the function's own, with its sentence
                    if (e.TargetException >>= refusal)
                        return refusal.Message;
                    throw;
                }
            });
    }

    // sheet::XAddIn: everything the function wizard shows comes from functionTable().
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override
    {
        const FunctionInfo* f = findByDisplayName(toUtf8(displayName));
        return f ? fromUtf8(f->method) : OUString();
    }

    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override
    {
        const FunctionInfo* f = findByMethod(toUtf8(method));
        return f ? fromUtf8(f->displayName) : OUString();
    }

    OUString SAL_CALL getFunctionDescription(const OUString& method) override
    {
        const FunctionInfo* f = findByMethod(toUtf8(method));
        return f ? fromUtf8(withSchemeNames(f->description)) : OUString();
    }

    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 i) override
    {
        const ArgumentInfo* a = argument(method, i);
        return a ? fromUtf8(a->name) : OUString();
    }

    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 i) override
    {
        const ArgumentInfo* a = argument(method, i);
        return a ? fromUtf8(withSchemeNames(a->description)) : OUString();
    }

    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override
    {
        return fromUtf8(kCategory);
    }

    OUString SAL_CALL getDisplayCategoryName(const OUString&) override
    {
        return fromUtf8(kCategory);
    }

    // lang::XLocalizable (the texts are English only; the locale is kept as Calc expects).
    void SAL_CALL setLocale(const lang::Locale& locale) override
    {
        std::lock_guard<std::mutex> lock(localeMutex_);
        locale_ = locale;
    }

    lang::Locale SAL_CALL getLocale() override
    {
        std::lock_guard<std::mutex> lock(localeMutex_);
        return locale_;
    }

    // lang::XServiceName
    OUString SAL_CALL getServiceName() override { return fromUtf8(kServiceName); }

    // lang::XServiceInfo
    OUString SAL_CALL getImplementationName() override { return fromUtf8(kImplementationName); }

    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }

    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> names(2);
        names.getArray()[0] = "com.sun.star.sheet.AddIn";
        names.getArray()[1] = fromUtf8(kServiceName);
        return names;
    }

  private:
    // An argument as Calc would pass it to a parameter of that type class, or nothing when
    // Calc would not call the function (a required argument left out, a range for a name).
    static std::optional<uno::Any> asParameter(const uno::Any& given, uno::TypeClass type)
    {
        const bool isRange = given.getValueTypeClass() == uno::TypeClass_SEQUENCE;
        switch (type)
        {
        case uno::TypeClass_STRING:
        {
            if (!given.hasValue())
                return uno::Any(OUString());
            if (isRange)
            {
                Range cells;
                given >>= cells;
                if (cells.getLength() != 1 || cells[0].getLength() != 1)
                    return std::nullopt;
                return asParameter(cells[0][0], type);
            }
            double number = 0;
            if (given >>= number)
                return uno::Any(OUString::number(number));
            return given;
        }
        case uno::TypeClass_SEQUENCE:
            if (!given.hasValue())
                return std::nullopt;
            if (isRange)
                return given;
            {
                const uno::Sequence<uno::Any> row(&given, 1);
                return uno::Any(Range(&row, 1));
            }
        default:
            return given;
        }
    }

    static std::string normalisedName(const std::string& text)
    {
        std::string out;
        for (char c : text)
            if (c != ' ' && c != '\t')
                out.push_back(c);
        return out;
    }

    static TeamArgs team(const char* f, const OUString& scheme, const Range& points,
                         const uno::Any& grades, const uno::Any& ftes, const uno::Any& groups,
                         const uno::Any& group)
    {
        return TeamArgs{toValue(scheme, argName(f, 0)),  toValues(points, argName(f, 1)),
                        toValues(grades, argName(f, 2)), toValues(ftes, argName(f, 3)),
                        toValues(groups, argName(f, 4)), toValue(group, argName(f, 5))};
    }

    static const ArgumentInfo* argument(const OUString& method, sal_Int32 i)
    {
        const FunctionInfo* f = findByMethod(toUtf8(method));
        if (!f || i < 0 || static_cast<std::size_t>(i) >= f->arguments.size())
            return nullptr;
        return &f->arguments[static_cast<std::size_t>(i)];
    }

    const uno::Reference<uno::XComponentContext> context_;
    // The only mutable member; Calc may set it from another thread than it calculates on.
    std::mutex localeMutex_;
    lang::Locale locale_;
};

} // namespace
} // namespace caseweight

namespace caseweight
{
// org.caseweight.SchemeSession (com.sun.star.task.XJob): scheme files read beside the installed
// ones for a while, so that the worker sheet of a scheme not yet installed can be built in
// this office (Tools > Add-Ons > caseweight: Make a Scheme Pack...).
//   execute(Command "use", Paths [path, ...]) -> the given files' problems (an empty sequence
//   when they were loaded: the installed files, a given file replacing one of the same name);
//   execute(Command "restore") -> the installed files again.
// Not an add-in, so Calc does not list its method as a function.
class SchemeSession : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>
{
  public:
    explicit SchemeSession(const uno::Reference<uno::XComponentContext>& context)
    {
        loadSchemesOnce(context);
    }

    uno::Any SAL_CALL execute(const uno::Sequence<beans::NamedValue>& arguments) override
    {
        OUString command;
        uno::Sequence<OUString> paths;
        for (const beans::NamedValue& a : arguments)
            if (a.Name == "Command")
                a.Value >>= command;
            else if (a.Name == "Paths" && !(a.Value >>= paths))
            {
                // From Python a tuple of texts arrives as a sequence of any.
                uno::Sequence<uno::Any> any;
                a.Value >>= any;
                paths.realloc(any.getLength());
                for (sal_Int32 i = 0; i < any.getLength(); ++i)
                    any[i] >>= paths.getArray()[i];
            }
        std::vector<std::string> problems;
        if (command == "restore")
            problems = loadSchemes(installedFiles());
        else if (command == "use")
        {
            std::vector<SchemeFile> files;
            for (const OUString& p : paths)
            {
                const std::string path = localPath(toUtf8(p));
                std::optional<SchemeFile> file = schemeFileAt(path);
                if (!file)
                    throw lang::IllegalArgumentException(
                        fromUtf8("caseweight: " + path + " cannot be read"), {}, 0);
                files.push_back(std::move(*file));
            }
            problems = loadSchemesWith(installedFiles(), files);
        }
        else
            throw lang::IllegalArgumentException("caseweight: the command is use or restore", {},
                                                 0);
        uno::Sequence<OUString> out(static_cast<sal_Int32>(problems.size()));
        for (std::size_t i = 0; i < problems.size(); ++i)
            out.getArray()[i] = fromUtf8(problems[i]);
        return uno::Any(out);
    }

    OUString SAL_CALL getImplementationName() override
    {
        return "org.caseweight.SchemeSessionImpl";
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> names(1);
        names.getArray()[0] = "org.caseweight.SchemeSession";
        return names;
    }
};
} // namespace caseweight

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_caseweight_SchemeSession_get_implementation(uno::XComponentContext* context,
                                                const uno::Sequence<uno::Any>&)
{
    auto* session = new caseweight::SchemeSession(context);
    session->acquire();
    return static_cast<cppu::OWeakObject*>(session);
}

namespace caseweight
{
namespace
{
// Calc calls a sheet function through UNO reflection, which hands the add-in to the UNO
// environment for the call and takes it back after. Unless something holds the add-in there,
// every call makes a new proxy of it, registers it under a global lock and removes it again:
// about 40 % of what a call costs. The add-in is therefore held there for the life of the
// office process, so each call finds the proxy made once. That proxy holds the add-in, which
// is thus never freed: Calc itself keeps the one add-in object it calls until the office ends.
void keepMapped(AddIn* addIn)
{
    const uno::Mapping cppToUno(CPPU_CURRENT_LANGUAGE_BINDING_NAME, UNO_LB_UNO);
    if (!cppToUno.is())
        return;
    // Its reference is never released.
    void* const proxy = cppToUno.mapInterface(static_cast<org::caseweight::XCaseweight*>(addIn),
                                              cppu::UnoType<org::caseweight::XCaseweight>::get());
    static_cast<void>(proxy);
}
} // namespace
} // namespace caseweight

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_caseweight_AddIn_get_implementation(uno::XComponentContext* context,
                                        const uno::Sequence<uno::Any>&)
{
    auto* addIn = new caseweight::AddIn(context);
    addIn->acquire();
    caseweight::keepMapped(addIn);
    return static_cast<cppu::OWeakObject*>(addIn);
}
