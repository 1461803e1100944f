package io.jrtc.rtp.cc;

import java.util.ArrayDeque;

/**
 * Decides when to probe (libwebrtc's ProbeController, simplified): at start two clusters at 3 and 6 times the start
 * rate; after a probe that got at least {@link #CONTINUE_SHARE} of its rate through, another at twice what it got
 * (exponential search up to the maximum); and every {@link #PERIODIC_INTERVAL_NANOS} while the path is not
 * overused, one at twice the target, so that a path that got faster is found in seconds rather than by the
 * rate controller's slow additive increase.
 */
final class ProbeController {
    static final long PERIODIC_INTERVAL_NANOS = 3_000_000_000L;
    private static final long RESULT_TIMEOUT_NANOS = 1_000_000_000L;
    private static final double CONTINUE_SHARE = 0.7;

    private final ArrayDeque<ProbeCluster> pending = new ArrayDeque<>();
    private final long maxBitrate;
    private int nextId;
    private long lastProbe = Long.MIN_VALUE;
    /** The rate of the probe whose result decides whether to go on, or 0. */
    private long awaitedRate;

    ProbeController(long maxBitrate) {
        this.maxBitrate = maxBitrate;
    }

    /** The transport can send: probe the start rate's multiples. */
    void onStart(long now, long startBitrate) {
        request(now, 3 * startBitrate);
        request(now, 6 * startBitrate);
    }

    /**
     * A probe sent at {@code probedRate} got {@code bitrate} through; {@code limit} is the highest rate worth
     * probing for (maximum, REMB). Only the highest probe of a batch decides whether to go on.
     */
    void onProbeResult(long now, long probedRate, long bitrate, long limit) {
        if (probedRate != awaitedRate) {
            return;
        }
        awaitedRate = 0;
        if (bitrate >= CONTINUE_SHARE * probedRate && bitrate < limit) {
            request(now, Math.min(2 * bitrate, limit));
        }
    }

    /** Time passed: a periodic probe when due and the path is not overused. */
    void onTimeout(long now, long target, long limit, BandwidthUsage usage) {
        if (awaitedRate > 0 && now - lastProbe > RESULT_TIMEOUT_NANOS) {
            awaitedRate = 0;  // the probe went unreported: do not wait for it forever
        }
        if (now >= deadline() && usage != BandwidthUsage.OVERUSING && awaitedRate == 0 && target < limit) {
            request(now, Math.min(2 * target, limit));
        }
    }

    /** When the last probe was asked for (the pacer sends it at once), or Long.MIN_VALUE. */
    long lastProbe() {
        return lastProbe;
    }

    long deadline() {
        return lastProbe == Long.MIN_VALUE ? Long.MAX_VALUE : lastProbe + PERIODIC_INTERVAL_NANOS;
    }

    /** The next cluster to send, or null. */
    ProbeCluster poll() {
        return pending.poll();
    }

    private void request(long now, long bitrate) {
        long rate = Math.min(bitrate, maxBitrate);
        pending.add(ProbeCluster.at(nextId++, rate));
        awaitedRate = Math.max(awaitedRate, rate);
        lastProbe = now;
    }
}
