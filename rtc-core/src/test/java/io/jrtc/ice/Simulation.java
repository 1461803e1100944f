package io.jrtc.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs peers and a network on a virtual clock: jumps from one deadline to the next (agent timers, packet
 * deliveries), so minutes of protocol time take milliseconds. Fails on a timer that does not make progress.
 */
public final class Simulation {
    public static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    public static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_STEPS_WITHOUT_PROGRESS = 10_000;

    public final SimNetwork network;
    private final List<SimPeer> peers = new ArrayList<>();
    private final List<Runnable> afterEachStep = new ArrayList<>();
    private final VirtualClock clock = new VirtualClock(1_000 * SECOND);

    public Simulation(long seed) {
        this.network = new SimNetwork(seed);
    }

    public long now() {
        return clock.now();
    }

    public SimPeer peer(String name, IceAgentConfig config) {
        SimPeer p = new SimPeer(name, config, network);
        peers.add(p);
        return p;
    }

    public void afterEachStep(Runnable r) {
        afterEachStep.add(r);
    }

    /** Runs until the condition holds or {@code maxNanos} of virtual time pass; returns the condition. */
    public boolean runUntil(BooleanSupplier condition, long maxNanos) {
        long end = clock.now() + maxNanos;
        long lastTime = clock.now();
        int stepsAtSameTime = 0;
        while (true) {
            drainAll();
            if (condition.getAsBoolean()) {
                return true;
            }
            long next = network.nextDelivery();
            for (SimPeer p : peers) {
                next = Math.min(next, p.agent.pollTimeout());
            }
            if (next > end) {
                clock.advanceTo(end);
                return condition.getAsBoolean();
            }
            clock.advanceTo(next);
            long now = clock.now();
            if (now == lastTime) {
                if (++stepsAtSameTime > MAX_STEPS_WITHOUT_PROGRESS) {
                    throw new AssertionError("no progress at " + now + ": " + peers);
                }
            } else {
                lastTime = now;
                stepsAtSameTime = 0;
            }
            network.deliverDue(now);
            for (SimPeer p : peers) {
                if (p.agent.pollTimeout() <= now) {
                    p.agent.handleTimeout(now);
                }
            }
            afterEachStep.forEach(Runnable::run);
        }
    }

    public void runFor(long nanos) {
        runUntil(() -> false, nanos);
    }

    public void drainAll() {
        for (SimPeer p : peers) {
            p.drain(clock.now());
        }
    }

    /** Exchanges credentials and starts gathering on both sides, as an offer/answer would. */
    public static void exchangeParameters(SimPeer a, SimPeer b) {
        a.agent.setRemoteParameters(b.agent.localParameters());
        b.agent.setRemoteParameters(a.agent.localParameters());
    }

    /** Gives each peer the other's gathered candidates and, optionally, end-of-candidates. */
    public void exchangeCandidates(SimPeer a, SimPeer b, boolean endOfCandidates) {
        drainAll();
        long now = clock.now();
        for (IceCandidate c : a.gatheredCandidates()) {
            b.agent.addRemoteCandidate(now, c);
        }
        for (IceCandidate c : b.gatheredCandidates()) {
            a.agent.addRemoteCandidate(now, c);
        }
        if (endOfCandidates) {
            a.agent.endOfRemoteCandidates(now);
            b.agent.endOfRemoteCandidates(now);
        }
    }
}
