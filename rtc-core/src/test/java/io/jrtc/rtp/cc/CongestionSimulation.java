package io.jrtc.rtp.cc;

import io.jrtc.rtp.TransportFeedbackGenerator;
import io.jrtc.rtp.TransportWideFeedback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A sender and a receiver on virtual time across a {@link SimulatedBottleneck}: a synthetic video source makes
 * 30 frames a second at the estimator's target, the {@link Pacer} sends them (and probes), the receiver's
 * {@link TransportFeedbackGenerator} reports arrivals every 100 ms, and the feedback comes back after the return
 * delay. Records the target once every 100 ms.
 */
final class CongestionSimulation {
    static final long MS = 1_000_000L;
    private static final long STEP = MS;
    private static final long FRAME_INTERVAL = 33 * MS;
    private static final int MAX_PAYLOAD = 1100;
    private static final int HEADER = 20;

    final SimulatedBottleneck link;
    final SendSideBandwidthEstimator estimator =
            new SendSideBandwidthEstimator(SendSideBandwidthEstimator.Settings.defaults());
    final Pacer pacer = new Pacer(estimator.targetBitrate());
    private final TransportFeedbackGenerator receiver = new TransportFeedbackGenerator(1);
    private final ArrayDeque<long[]> feedbackTimes = new ArrayDeque<>();
    private final ArrayDeque<TransportWideFeedback> feedbackInFlight = new ArrayDeque<>();
    private final long returnDelay;
    private final byte[] frame = new byte[MAX_PAYLOAD];
    /** The target every 100 ms, in bit/s. */
    final List<Long> targets = new ArrayList<>();
    long now;
    private long nextFrame;

    CongestionSimulation(SimulatedBottleneck link, long returnDelay) {
        this.link = link;
        this.returnDelay = returnDelay;
    }

    /** Runs {@code nanos} of virtual time. */
    void run(long nanos) {
        long end = now + nanos;
        while (now < end) {
            step();
            now += STEP;
        }
    }

    private void step() {
        if (now >= nextFrame) {
            produceFrame();
            nextFrame = now + FRAME_INTERVAL;
        }
        for (ProbeCluster probe = estimator.pollProbe(); probe != null; probe = estimator.pollProbe()) {
            pacer.addProbe(probe);
        }
        for (Pacer.Outgoing out = pacer.poll(now); out != null; out = pacer.poll(now)) {
            int size = out.isPadding() ? out.length() + HEADER : out.length();
            int sequence = estimator.onPacketSent(now, size, out.probeClusterId());
            link.send(now, sequence, size);
        }
        for (SimulatedBottleneck.Delivery d = link.poll(now); d != null; d = link.poll(now)) {
            receiver.handleReceive(d.arrival(), 2, d.sequence());
        }
        receiver.handleTimeout(now);
        for (TransportWideFeedback fb = receiver.pollTransmit(); fb != null; fb = receiver.pollTransmit()) {
            feedbackInFlight.add(fb);
            feedbackTimes.add(new long[] {now + returnDelay});
        }
        while (!feedbackTimes.isEmpty() && feedbackTimes.peek()[0] <= now) {
            feedbackTimes.poll();
            estimator.handleFeedback(now, feedbackInFlight.poll());
        }
        if (estimator.pollTimeout() <= now) {
            estimator.handleTimeout(now);
        }
        pacer.setTargetBitrate(estimator.targetBitrate());
        if (now % (100 * MS) == 0) {
            targets.add(estimator.targetBitrate());
        }
    }

    /** One frame of the target's size, in packets of at most {@link #MAX_PAYLOAD} bytes. */
    private void produceFrame() {
        long bytes = estimator.targetBitrate() * FRAME_INTERVAL / 8_000_000_000L;
        while (bytes > 0) {
            int size = (int) Math.min(MAX_PAYLOAD, bytes);
            pacer.enqueue(frame, size, 0);
            bytes -= size;
        }
    }

    /** The mean target over {@code [fromSeconds, toSeconds)} of the recording. */
    double meanTarget(double fromSeconds, double toSeconds) {
        List<Long> window = targets.subList((int) (fromSeconds * 10), (int) (toSeconds * 10));
        return window.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    /** The first time at or after {@code fromSeconds} when the target reached {@code bitrate}, or -1. */
    double firstReaching(double fromSeconds, long bitrate) {
        for (int i = (int) (fromSeconds * 10); i < targets.size(); i++) {
            if (targets.get(i) >= bitrate) {
                return i / 10.0;
            }
        }
        return -1;
    }
}
