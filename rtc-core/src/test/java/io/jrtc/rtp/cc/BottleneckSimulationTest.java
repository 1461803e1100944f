package io.jrtc.rtp.cc;

import static io.jrtc.rtp.cc.CongestionSimulation.MS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The estimator on virtual time across a simulated bottleneck (queue + rate + delay), GCC's behaviour as a whole. */
class BottleneckSimulationTest {
    private static final long SECOND = 1000 * MS;

    @Test
    void convergesBelowAOneMegabitBottleneckWithLittleLoss() {
        CongestionSimulation sim = new CongestionSimulation(
                new SimulatedBottleneck(1_000_000, 20 * MS, 50 * MS, 0), 20 * MS);
        sim.run(30 * SECOND);
        assertThat(sim.meanTarget(15, 30)).isBetween(700_000.0, 1_000_000.0);
        assertThat(sim.link.lossRate()).isLessThan(0.05);
    }

    @Test
    void followsAStepUpToThreeMegabitsWithinTenSeconds() {
        SimulatedBottleneck link = new SimulatedBottleneck(1_000_000, 20 * MS, 50 * MS, 0);
        CongestionSimulation sim = new CongestionSimulation(link, 20 * MS);
        sim.run(15 * SECOND);
        link.setRate(3_000_000);
        sim.run(15 * SECOND);
        assertThat(sim.firstReaching(15, 2_100_000)).isBetween(15.0, 25.0);
        assertThat(sim.meanTarget(25, 30)).isBetween(2_100_000.0, 3_000_000.0);
    }

    @Test
    void backsOffWithinSecondsWhenTheBottleneckNarrows() {
        SimulatedBottleneck link = new SimulatedBottleneck(3_000_000, 20 * MS, 50 * MS, 0);
        CongestionSimulation sim = new CongestionSimulation(link, 20 * MS);
        sim.run(15 * SECOND);
        assertThat(sim.meanTarget(10, 15)).isGreaterThan(2_000_000.0);
        link.setRate(1_000_000);
        sim.run(10 * SECOND);
        assertThat(sim.targets.subList(170, 250)).allMatch(target -> target <= 1_050_000);
    }

    @Test
    void randomLossOfTwentyPercentBringsTheTargetDownAndHoldsItThere() {
        CongestionSimulation sim = new CongestionSimulation(
                new SimulatedBottleneck(5_000_000, 20 * MS, 50 * MS, 0.2), 20 * MS);
        sim.run(20 * SECOND);
        assertThat(sim.meanTarget(10, 20)).isLessThan(1_000_000.0);
    }

    @Test
    void aRembCapsTheTargetAndProbesStopThere() {
        CongestionSimulation sim = new CongestionSimulation(
                new SimulatedBottleneck(5_000_000, 20 * MS, 50 * MS, 0), 20 * MS);
        sim.estimator.handleRemb(600_000);
        sim.run(10 * SECOND);
        assertThat(sim.targets.subList(10, 100)).allMatch(target -> target <= 600_000);
        assertThat(sim.meanTarget(5, 10)).isGreaterThan(500_000.0);
    }
}
