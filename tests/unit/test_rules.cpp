// Each named rule alone (rules.hpp).
#include "items.hpp"
#include "rules.hpp"
#include "scheme.hpp"
#include "test_support.hpp"

#include <cmath>

using namespace cwtest;
using namespace caseweight::detail;

namespace
{

Row row(const Scheme& scheme, const std::string& items, int children = 1)
{
    Row r = parseItems(scheme, cell(items), ItemUse::CaseRow);
    r.children = children;
    return r;
}

Row workerRow(const Scheme& scheme, const std::string& items)
{
    return parseItems(scheme, cell(items), ItemUse::Worker);
}

} // namespace

// ---- shared ----

TEST(SharedRules, ToleranceComparisons)
{
    EXPECT_FALSE(exceeds(0.8 * 95, 76));
    EXPECT_FALSE(exceeds(76 + 1e-12, 76));
    EXPECT_TRUE(exceeds(76.001, 76));
    EXPECT_FALSE(fallsBelow(75 - 1e-12, 75));
    EXPECT_TRUE(fallsBelow(74.999, 75));
}

TEST(SharedRules, FirstChildThenEach)
{
    EXPECT_DOUBLE_EQ(firstChildThenEach(15, 2, 1), 15);
    EXPECT_DOUBLE_EQ(firstChildThenEach(15, 2, 4), 21);
    EXPECT_DOUBLE_EQ(firstChildThenEach(3, 0, 5), 3);
}

TEST(SharedRules, ItemPointsByBasis)
{
    const Item perRow{"X", 5, 0, Basis::PerRow, Repeat::Once, Group::Modifier, "", ""};
    const Item perChild{"X", 6, 0, Basis::PerChild, Repeat::Once, Group::Case, "", ""};
    const Item ab{"X", 10, 4, Basis::FirstChildThenEach, Repeat::Once, Group::Specific, "", ""};
    const Item byRule{"X", 10, 0, Basis::ByRule, Repeat::Once, Group::Case, "", ""};
    EXPECT_DOUBLE_EQ(itemPoints(perRow, 3), 5);
    EXPECT_DOUBLE_EQ(itemPoints(perChild, 3), 18);
    EXPECT_DOUBLE_EQ(itemPoints(ab, 3), 18);
    EXPECT_DOUBLE_EQ(itemPoints(byRule, 3), 0);
}

TEST(SharedRules, TablePointsCountsEachOccurrence)
{
    EXPECT_DOUBLE_EQ(tablePoints(row(kRbwm, "CIC;REPORT;REPORT", 2)), 12 + 40);
    // ByRule items are left to the scheme's rules.
    EXPECT_DOUBLE_EQ(tablePoints(row(kSwindon, "CP;COURT", 4)), 5);
}

TEST(SharedRules, ApplyShare)
{
    EXPECT_DOUBLE_EQ(applyShare(21, 0.5), 10.5);
    EXPECT_DOUBLE_EQ(applyShare(21, 1), 21);
}

TEST(SharedRules, AtMostOneOf)
{
    EXPECT_NO_THROW(
        atMostOneOf(row(kSwindon, "CP;TRAVEL-NEAR"), {"TRAVEL-NEAR", "TRAVEL-2H"}, "travel code"));
    EXPECT_INPUT_ERROR(atMostOneOf(row(kSwindon, "CP;TRAVEL-NEAR;TRAVEL-2H"),
                                   {"TRAVEL-NEAR", "TRAVEL-2H"}, "travel code"),
                       "SWINDON allows at most one travel code on a row; this row has "
                       "TRAVEL-NEAR and TRAVEL-2H.");
}

TEST(SharedRules, OnlyWith)
{
    EXPECT_NO_THROW(onlyWith(row(kSwindon, "LAC;COMPLEX"), "COMPLEX", {"LAC", "CP"}, "LAC or CP"));
    EXPECT_NO_THROW(onlyWith(row(kSwindon, "CIN"), "COMPLEX", {"LAC", "CP"}, "LAC or CP"));
    EXPECT_INPUT_ERROR(
        onlyWith(row(kSwindon, "CIN;COMPLEX"), "COMPLEX", {"LAC", "CP"}, "LAC or CP"),
        "SWINDON adds COMPLEX only to LAC or CP rows: add the case type, or remove COMPLEX.");
}

TEST(SharedRules, AtMostOfGroup)
{
    EXPECT_NO_THROW(
        atMostOfGroup(row(kNotts, "S47;EPO;AIMS"), Group::Additional, 2, "additional items"));
    EXPECT_INPUT_ERROR(atMostOfGroup(row(kNotts, "S47;EPO;AIMS;UASC"), Group::Additional, 2,
                                     "additional items on a row"),
                       "at most two additional items on a row; this row has 3.");
}

TEST(SharedRules, NoWorkloadWeight)
{
    EXPECT_DOUBLE_EQ(noWorkloadWeight(345), 0);
}

// ---- SWINDON ----

TEST(SwindonRules, CinSizePoints)
{
    EXPECT_DOUBLE_EQ(swindon::cinSizePoints(1), 10);
    EXPECT_DOUBLE_EQ(swindon::cinSizePoints(3), 10);
    EXPECT_DOUBLE_EQ(swindon::cinSizePoints(4), 20);
    EXPECT_DOUBLE_EQ(swindon::cinSizePoints(6), 20);
    EXPECT_DOUBLE_EQ(swindon::cinSizePoints(7), 30);
}

TEST(SwindonRules, CpSiblingBasicCap)
{
    EXPECT_DOUBLE_EQ(swindon::cpSiblingBasicCap(1), 10);
    EXPECT_DOUBLE_EQ(swindon::cpSiblingBasicCap(3), 30);
    EXPECT_DOUBLE_EQ(swindon::cpSiblingBasicCap(4), 30);
    EXPECT_DOUBLE_EQ(swindon::cpSiblingBasicCap(9), 30);
}

TEST(SwindonRules, CpPoints)
{
    EXPECT_DOUBLE_EQ(swindon::cpPoints(1), 16);
    EXPECT_DOUBLE_EQ(swindon::cpPoints(4), 54);
}

TEST(SwindonRules, AssessmentPoints)
{
    EXPECT_DOUBLE_EQ(swindon::assessmentPoints(row(kSwindon, "LAC;ASSESSMENT", 3)), 30);
    EXPECT_DOUBLE_EQ(swindon::assessmentPoints(row(kSwindon, "CP;ASSESSMENT", 2)), 20);
    EXPECT_DOUBLE_EQ(swindon::assessmentPoints(row(kSwindon, "CIN;ASSESSMENT", 3)), 10);
    EXPECT_DOUBLE_EQ(swindon::assessmentPoints(row(kSwindon, "CIN", 3)), 0);
}

TEST(SwindonRules, GroupWorkOnly)
{
    EXPECT_TRUE(swindon::isGroupWorkOnly(row(kSwindon, "GROUP")));
    EXPECT_FALSE(swindon::isGroupWorkOnly(row(kSwindon, "GROUP;TASK")));
    EXPECT_FALSE(swindon::isGroupWorkOnly(row(kSwindon, "CIN;GROUP")));
}

TEST(SwindonRules, ExactlyOneCaseType)
{
    EXPECT_NO_THROW(swindon::exactlyOneCaseType(row(kSwindon, "CIN;TASK")));
    EXPECT_NO_THROW(swindon::exactlyOneCaseType(row(kSwindon, "GROUP")));
    EXPECT_NO_THROW(swindon::exactlyOneCaseType(row(kSwindon, "")));
    EXPECT_INPUT_ERROR(swindon::exactlyOneCaseType(row(kSwindon, "TASK")),
                       "A SWINDON row needs one case type (CIN, LAC, CP, ...) besides its other "
                       "items: add it.");
    EXPECT_INPUT_ERROR(swindon::exactlyOneCaseType(row(kSwindon, "LAC;CP;FP-CARER")),
                       "LAC, CP and FP-CARER");
}

TEST(SwindonRules, ComplexOnlyWithLacOrCp)
{
    EXPECT_NO_THROW(swindon::complexOnlyWithLacOrCp(row(kSwindon, "CP;COMPLEX")));
    EXPECT_INPUT_ERROR(swindon::complexOnlyWithLacOrCp(row(kSwindon, "CARE-LEAVER;COMPLEX")),
                       "COMPLEX", "LAC or CP");
}

// ---- RBWM ----

TEST(RbwmRules, AtMostOneCaseType)
{
    EXPECT_NO_THROW(rbwm::atMostOneCaseType(row(kRbwm, "REPORT")));
    EXPECT_NO_THROW(rbwm::atMostOneCaseType(row(kRbwm, "CIC;REPORT")));
    EXPECT_INPUT_ERROR(rbwm::atMostOneCaseType(row(kRbwm, "CIC;CARE-LEAVER")),
                       "CIC and CARE-LEAVER");
}

TEST(RbwmRules, ComplexOnlyWithEligibleCaseType)
{
    for (const char* ok :
         {"CIC;COMPLEX", "CARE-LEAVER;COMPLEX", "FOSTER-CARER;COMPLEX", "CP;COMPLEX"})
        EXPECT_NO_THROW(rbwm::complexOnlyWithEligibleCaseType(row(kRbwm, ok))) << ok;
    EXPECT_INPUT_ERROR(rbwm::complexOnlyWithEligibleCaseType(row(kRbwm, "CIN;COMPLEX")),
                       "RBWM adds COMPLEX only to CIC, CARE-LEAVER, FOSTER-CARER or CP rows:");
    EXPECT_INPUT_ERROR(rbwm::complexOnlyWithEligibleCaseType(row(kRbwm, "COMPLEX")), "COMPLEX");
}

TEST(RbwmRules, ComplexPoints)
{
    EXPECT_DOUBLE_EQ(rbwm::complexPoints(row(kRbwm, "CP;COMPLEX", 3)), 12);
    EXPECT_DOUBLE_EQ(rbwm::complexPoints(row(kRbwm, "FOSTER-CARER;COMPLEX", 3)), 4);
    EXPECT_DOUBLE_EQ(rbwm::complexPoints(row(kRbwm, "CP", 3)), 0);
}

TEST(RbwmRules, SingleAssessmentPoints)
{
    EXPECT_DOUBLE_EQ(rbwm::singleAssessmentPoints(row(kRbwm, "CIC;SINGLE-ASSESSMENT", 2)), 20);
    EXPECT_DOUBLE_EQ(rbwm::singleAssessmentPoints(row(kRbwm, "CIN;SINGLE-ASSESSMENT", 2)), 10);
    EXPECT_DOUBLE_EQ(rbwm::singleAssessmentPoints(row(kRbwm, "SINGLE-ASSESSMENT", 2)), 10);
}

// ---- NOTTS ----

TEST(NottsRules, ExactlyOneSpecificItem)
{
    EXPECT_NO_THROW(notts::exactlyOneSpecificItem(row(kNotts, "S47;EPO")));
    EXPECT_NO_THROW(notts::exactlyOneSpecificItem(row(kNotts, "")));
    EXPECT_INPUT_ERROR(notts::exactlyOneSpecificItem(row(kNotts, "EPO")),
                       "needs one specific item");
    EXPECT_INPUT_ERROR(notts::exactlyOneSpecificItem(row(kNotts, "S47;PF")), "S47 and PF");
}

TEST(NottsRules, AtMostTwoAdditionalItems)
{
    EXPECT_NO_THROW(notts::atMostTwoAdditionalItems(row(kNotts, "S47;EPO;MAPPA")));
    EXPECT_INPUT_ERROR(
        notts::atMostTwoAdditionalItems(row(kNotts, "S47;EPO;MAPPA;AIMS")),
        "NOTTS allows at most two additional items on a row; this row has 3. Keep the two that "
        "best describe the case.");
}

TEST(NottsRules, AtMostTwoPersonalElements)
{
    EXPECT_NO_THROW(notts::atMostTwoPersonalElements(workerRow(kNotts, "NQSW;PQ")));
    EXPECT_INPUT_ERROR(notts::atMostTwoPersonalElements(workerRow(kNotts, "NQSW;PQ;TRAINEE")),
                       "NOTTS allows at most two personal elements for a worker; this list has "
                       "3.");
}

TEST(NottsRules, ExtraDutyPoints)
{
    EXPECT_DOUBLE_EQ(notts::extraDutyPoints(0), 0);
    EXPECT_DOUBLE_EQ(notts::extraDutyPoints(7), 3.5);
}

TEST(NottsRules, Band)
{
    const Grade any{"ANY", 75, 95};
    EXPECT_EQ(notts::band(74, any, 1), notts::kBelowSustainable);
    EXPECT_EQ(notts::band(75, any, 1), notts::kSustainable);
    EXPECT_EQ(notts::band(95, any, 1), notts::kSustainable);
    EXPECT_EQ(notts::band(96, any, 1), notts::kDemanding);
    EXPECT_EQ(notts::band(110, any, 1), notts::kDemanding);
    EXPECT_EQ(notts::band(110.5, any, 1), notts::kHigh);
}

// ---- WARRINGTON ----

TEST(WarringtonRules, CinSizeGroups)
{
    EXPECT_EQ(warrington::cinSizeGroups(1), 1);
    EXPECT_EQ(warrington::cinSizeGroups(2), 1);
    EXPECT_EQ(warrington::cinSizeGroups(3), 2);
    EXPECT_EQ(warrington::cinSizeGroups(6), 2);
    EXPECT_EQ(warrington::cinSizeGroups(7), 3);
    EXPECT_EQ(warrington::cinSizeGroups(100), 3);
}

TEST(WarringtonRules, CinCasePoints)
{
    EXPECT_DOUBLE_EQ(warrington::cinCasePoints(1), 2);
    EXPECT_DOUBLE_EQ(warrington::cinCasePoints(2), 3);
    EXPECT_DOUBLE_EQ(warrington::cinCasePoints(3), 4);
}

TEST(WarringtonRules, PerChildUnits)
{
    EXPECT_EQ(warrington::perChildUnits(row(kWarrington, "CIN", 7)), 3);
    EXPECT_EQ(warrington::perChildUnits(row(kWarrington, "CP", 7)), 7);
}

TEST(WarringtonRules, NewAllocationPoints)
{
    EXPECT_DOUBLE_EQ(warrington::newAllocationPoints(row(kWarrington, "CP;NEW", 3)), 3);
    EXPECT_DOUBLE_EQ(warrington::newAllocationPoints(row(kWarrington, "CIN;NEW", 3)), 2);
    EXPECT_DOUBLE_EQ(warrington::newAllocationPoints(row(kWarrington, "CP", 3)), 0);
}

TEST(WarringtonRules, TransferPoints)
{
    EXPECT_DOUBLE_EQ(warrington::transferPoints(row(kWarrington, "CIC;TRANSFER", 3)), 6);
    EXPECT_DOUBLE_EQ(warrington::transferPoints(row(kWarrington, "CIN;TRANSFER", 7)), 3);
}

TEST(WarringtonRules, CinAssessmentCap)
{
    EXPECT_DOUBLE_EQ(warrington::cinAssessmentCap(1, 1), 1);
    EXPECT_DOUBLE_EQ(warrington::cinAssessmentCap(1, 2), 2);
    EXPECT_DOUBLE_EQ(warrington::cinAssessmentCap(2, 2), 3);
    EXPECT_DOUBLE_EQ(warrington::cinAssessmentCap(6, 3), 3);
}

TEST(WarringtonRules, AssessmentPoints)
{
    EXPECT_DOUBLE_EQ(
        warrington::assessmentPoints(row(kWarrington, "CP;ASSESS-LOW;ASSESS-MEDIUM;ASSESS-HIGH")),
        6);
    EXPECT_DOUBLE_EQ(warrington::assessmentPoints(row(kWarrington, "CIN;ASSESS-MEDIUM", 1)), 2);
    EXPECT_DOUBLE_EQ(warrington::assessmentPoints(row(kWarrington, "CIN;ASSESS-MEDIUM", 3)), 3);
}

TEST(WarringtonRules, ExactlyOneCaseType)
{
    EXPECT_NO_THROW(warrington::exactlyOneCaseType(row(kWarrington, "CP;NEW")));
    EXPECT_INPUT_ERROR(warrington::exactlyOneCaseType(row(kWarrington, "TRAVEL-1H")),
                       "needs one case type");
    EXPECT_INPUT_ERROR(warrington::exactlyOneCaseType(row(kWarrington, "CIN;CIC")), "CIC and CIN");
}

TEST(WarringtonRules, ClosingWithCaseTypeOnly)
{
    EXPECT_NO_THROW(warrington::closingWithCaseTypeOnly(row(kWarrington, "CP;CLOSING")));
    EXPECT_NO_THROW(warrington::closingWithCaseTypeOnly(row(kWarrington, "CP;NEW")));
    EXPECT_INPUT_ERROR(
        warrington::closingWithCaseTypeOnly(row(kWarrington, "CP;CLOSING;ASSESS-LOW")),
        "CLOSING with the case type only");
}

TEST(WarringtonRules, ClosingReplacesAllPoints)
{
    EXPECT_DOUBLE_EQ(warrington::closingReplacesAllPoints(row(kWarrington, "CP;CLOSING", 4)), 4);
    EXPECT_DOUBLE_EQ(warrington::closingReplacesAllPoints(row(kWarrington, "CIN;CLOSING", 4)), 2);
}

TEST(WarringtonRules, WorkloadWeight)
{
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(0), 0);
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(9.5), 0);
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(10), 1);
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(47), 4);
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(std::nextafter(30.0, 0.0)), 3);
    EXPECT_DOUBLE_EQ(warrington::workloadWeight(29.999999), 2);
}

TEST(WarringtonRules, Band)
{
    const Grade practitioner{"PRACTITIONER", 0, 100};
    EXPECT_EQ(warrington::band(100, practitioner, 1), warrington::kWithinCapacity);
    EXPECT_EQ(warrington::band(100.5, practitioner, 1), warrington::kOverCapacity);
    EXPECT_EQ(warrington::band(51, practitioner, 0.5), warrington::kOverCapacity);
}
