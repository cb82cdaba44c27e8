// Bands and capacity (SPEC 3.3, 3.4 and 4).
#include "test_support.hpp"

using namespace cwtest;
using caseweight::workloadBand;
using caseweight::workloadCapacity;

TEST(Bands, SwindonByGrade)
{
    EXPECT_EQ(workloadBand(S("SWINDON"), N(329), E(), E()), "Below band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(330), E(), E()), "Within band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(350), S("experienced"), E()), "Within band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(351), E(), E()), "Above band");
    // NQSW has no lower bound.
    EXPECT_EQ(workloadBand(S("SWINDON"), N(0), S("NQSW"), E()), "Within band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(301), S("NQSW"), E()), "Above band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(399), S(" higher-specialist "), E()), "Within band");
    EXPECT_EQ(workloadBand(S("SWINDON"), N(349), S("HIGHER-SPECIALIST"), E()), "Below band");
}

TEST(Bands, RbwmByGradeAndFte)
{
    EXPECT_EQ(workloadBand(S("RBWM"), N(219), S("NQSW"), E()), "Below band");
    EXPECT_EQ(workloadBand(S("RBWM"), N(250), S("NQSW"), E()), "Within band");
    EXPECT_EQ(workloadBand(S("RBWM"), N(251), S("NQSW"), E()), "Above band");
    EXPECT_EQ(workloadBand(S("RBWM"), N(360), S("SENIOR"), E()), "Within band");
    // At 0.5 FTE, EXPERIENCED is 165-175.
    EXPECT_EQ(workloadBand(S("RBWM"), N(170), E(), N(0.5)), "Within band");
    EXPECT_EQ(workloadBand(S("RBWM"), N(176), E(), N(0.5)), "Above band");
    EXPECT_EQ(workloadBand(S("RBWM"), N(164), E(), N(0.5)), "Below band");
}

TEST(Bands, NottsIgnoresGrade)
{
    EXPECT_EQ(workloadBand(S("NOTTS"), N(74.9), E(), E()), "Below sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(75), S("anything"), E()), "Sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(95), N(3), E()), "Sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(95.5), Err(), E()), "Demanding");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(110), E(), E()), "Demanding");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(110.5), E(), E()), "High");
}

TEST(Bands, NottsFteWithTolerance)
{
    // 0.8 x 95 = 76 and 0.8 x 75 = 60 are compared with a tolerance.
    EXPECT_EQ(workloadBand(S("NOTTS"), N(76), E(), N(0.8)), "Sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(60), E(), N(0.8)), "Sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(88), E(), N(0.8)), "Demanding");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(88.1), E(), N(0.8)), "High");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(0.7 * 95), E(), N(0.7)), "Sustainable");
    EXPECT_EQ(workloadBand(S("NOTTS"), N(0.3 * 110), E(), N(0.3)), "Demanding");
}

TEST(Bands, WarringtonCapacity)
{
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(100), E(), E()), "Within capacity");
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(101), E(), E()), "Over capacity");
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(90), S("ASYE"), E()), "Within capacity");
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(91), S("asye"), E()), "Over capacity");
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(61), S("STUDENT"), E()), "Over capacity");
    EXPECT_EQ(workloadBand(S("WARRINGTON"), N(0.6 * 100), E(), N(0.6)), "Within capacity");
}

TEST(Bands, Capacity)
{
    EXPECT_DOUBLE_EQ(workloadCapacity(S("SWINDON"), N(350), E(), E()), 1);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("SWINDON"), N(150), S("NQSW"), N(0.5)), 1);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("RBWM"), N(200), S("SENIOR"), E()), 0.5);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("NOTTS"), N(95), E(), E()), 1);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("NOTTS"), N(57), S("x"), N(0.6)), 1);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("NOTTS"), N(0), E(), E()), 0);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("WARRINGTON"), N(45), S("ASYE"), N(0.5)), 1);
    EXPECT_DOUBLE_EQ(workloadCapacity(S("WARRINGTON"), N(120), E(), E()), 1.2);
}

TEST(Bands, UnknownGrade)
{
    EXPECT_INPUT_ERROR(workloadBand(S("SWINDON"), N(300), S("senior"), E()),
                       "\"SENIOR\" is not a SWINDON grade; use NQSW, EXPERIENCED or "
                       "HIGHER-SPECIALIST.");
    EXPECT_INPUT_ERROR(workloadCapacity(S("WARRINGTON"), N(3), S("NQSW"), E()),
                       "PRACTITIONER, ASYE or STUDENT");
    EXPECT_INPUT_ERROR(workloadBand(S("RBWM"), N(300), N(2), E()), "grade", "number 2");
    EXPECT_INPUT_ERROR(workloadBand(S("RBWM"), N(300), Err(), E()), "error");
}
