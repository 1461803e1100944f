package io.jrtc.rtp.cc;

import io.jrtc.rtp.TransportWideFeedback;
import java.util.List;

/**
 * Send-side bandwidth estimation for one transport (draft-ietf-rmcat-gcc-02 with libwebrtc's refinements): numbers
 * every packet sent ({@link #onPacketSent}), reads transport-wide feedback into the delay-based and loss-based
 * estimates and probe results, and keeps the target bitrate, the smallest of the delay-based estimate, the
 * loss-based cap and a peer's REMB (draft-alvestrand-rmcat-remb-03: the receiver's own estimate, honoured as a
 * ceiling). Without transport-wide feedback, RTCP report blocks feed the loss-based half alone. Sans-IO: every
 * input carries the time; {@link #pollTimeout()} says when {@link #handleTimeout} is due.
 */
public final class SendSideBandwidthEstimator {
    /** Bounds and starting point of the estimate, in bit/s. */
    public record Settings(long startBitrate, long minBitrate, long maxBitrate) {
        public Settings {
            if (minBitrate <= 0 || startBitrate < minBitrate || maxBitrate < startBitrate) {
                throw new IllegalArgumentException("need 0 < min <= start <= max: " + minBitrate + ", "
                        + startBitrate + ", " + maxBitrate);
            }
        }

        /** libwebrtc's defaults: start at 300 kbit/s, never below 30 kbit/s; at most 20 Mbit/s. */
        public static Settings defaults() {
            return new Settings(300_000, 30_000, 20_000_000);
        }
    }

    /** Above this share of packets lost since the start, a probe's result does not undo a drop. */
    private static final double LOSSY_PATH = 0.02;

    private final Settings settings;
    private final SentPacketHistory history = new SentPacketHistory();
    private final DelayBasedEstimator delayBased;
    private final LossBasedEstimator lossBased = new LossBasedEstimator();
    private final ProbeController probes;
    private final ProbeResultEstimator probeResults = new ProbeResultEstimator();
    private long remb = LossBasedEstimator.UNLIMITED;
    private long target;
    private boolean started;
    private boolean feedbackSeen;
    private long feedbackLost;
    private long feedbackPackets;

    public SendSideBandwidthEstimator(Settings settings) {
        this.settings = settings;
        this.delayBased = new DelayBasedEstimator(settings.startBitrate(), settings.minBitrate(),
                settings.maxBitrate());
        this.probes = new ProbeController(settings.maxBitrate());
        this.target = settings.startBitrate();
    }

    /** Numbers a packet of {@code size} bytes sent now; returns its transport-wide sequence number. */
    public int onPacketSent(long now, int size, int probeClusterId) {
        if (!started) {
            started = true;
            probes.onStart(now, settings.startBitrate());
        }
        return history.onSent(now, size, probeClusterId);
    }

    /** Transport-wide feedback from the receiver (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1). */
    public void handleFeedback(long now, TransportWideFeedback feedback) {
        feedbackSeen = true;
        List<PacketResult> results = history.onFeedback(feedback);
        int lost = 0;
        int counted = 0;
        for (PacketResult result : results) {
            boolean probing = result.probeClusterId() != ProbeCluster.NONE;
            counted += probing ? 0 : 1;
            if (!result.received()) {
                lost += probing ? 0 : 1;
                continue;
            }
            ProbeResultEstimator.Result probe = probeResults.onPacketResult(result);
            if (probe != null && probe.bitrate() > 0) {
                onProbeResult(now, probe);
            }
        }
        feedbackLost += lost;
        feedbackPackets += counted;
        delayBased.onPacketResults(now, results);
        lossBased.onLoss(now, lost, counted, target);  // a probe overshoots on purpose: its losses are its answer
        updateTarget();
    }

    private void onProbeResult(long now, ProbeResultEstimator.Result probe) {
        // on a lossy path a probe's packets are lost with the rest: it says little of what the path carries
        delayBased.onProbeResult(now, probe.bitrate(), lossFraction() < LOSSY_PATH);
        lossBased.onProbeResult(probe.bitrate());
        probes.onProbeResult(now, probe.cluster().bitrate(), probe.bitrate(), probeLimit());
    }

    /** The peer's REMB: its estimate of what it can receive, a ceiling for ours. */
    public void handleRemb(long bitrate) {
        remb = Math.max(settings.minBitrate(), bitrate);
        updateTarget();
    }

    /**
     * A report block's fraction lost (out of 256) over about {@code packets} packets; used only while the peer
     * sends no transport-wide feedback, which reports loss per packet.
     */
    public void handleReportBlock(long now, int fractionLost, int packets) {
        if (!feedbackSeen && packets > 0) {
            lossBased.onFractionLost(now, fractionLost, packets, target);
            updateTarget();
        }
    }

    /** The round-trip time RTCP measured (RFC 3550 §6.4.1). */
    public void handleRoundTripTime(long nanos) {
        if (nanos > 0) {
            delayBased.setRoundTripTime(nanos);
            lossBased.setRoundTripTime(nanos);
        }
    }

    public void handleTimeout(long now) {
        if (started && feedbackSeen) {
            probes.onTimeout(now, target, probeLimit(), delayBased.usage());
        }
    }

    public long pollTimeout() {
        return started && feedbackSeen ? probes.deadline() : Long.MAX_VALUE;
    }

    /** The next probe cluster the pacer should send, or null; its packets will be read as a probe. */
    public ProbeCluster pollProbe() {
        ProbeCluster cluster = probes.poll();
        if (cluster != null) {
            delayBased.onProbeStarted(probes.lastProbe());
            probeResults.onProbeStarted(cluster);
        }
        return cluster;
    }

    /** The target bitrate in bit/s: what everything sent on this transport together should stay under. */
    public long targetBitrate() {
        return target;
    }

    /** What the receiver said it got lately in bit/s, or -1 before feedback told. */
    public long acknowledgedBitrate() {
        return delayBased.acknowledgedBitrate();
    }

    /** Packets fed back as lost over all fed back, since the start (probe packets aside). */
    public double lossFraction() {
        return feedbackPackets == 0 ? 0 : (double) feedbackLost / feedbackPackets;
    }

    /** The REMB ceiling in bit/s, or Long.MAX_VALUE while the peer sent none. */
    public long remb() {
        return remb;
    }

    private long probeLimit() {
        return Math.min(settings.maxBitrate(), remb);
    }

    private void updateTarget() {
        long next = Math.min(delayBased.bitrate(), Math.min(lossBased.cap(), remb));
        target = Math.max(settings.minBitrate(), Math.min(settings.maxBitrate(), next));
    }
}
