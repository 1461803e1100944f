package io.jrtc.rtp.cc;

/**
 * Compares the queuing-delay trend with an adaptive threshold (draft-ietf-rmcat-gcc-02 §5.4): overuse once the
 * trend stays above the threshold for {@link #OVERUSE_TIME_MS} over more than one sample and is not falling,
 * underuse below minus the threshold. The threshold follows the trend, slowly upwards and faster downwards, so
 * that a competing loss-based flow does not starve this one (§5.4, K_u and K_d).
 */
final class OveruseDetector {
    static final double INITIAL_THRESHOLD_MS = 12.5;
    private static final double OVERUSE_TIME_MS = 10;
    private static final double K_UP = 0.0087;
    private static final double K_DOWN = 0.039;
    private static final double MAX_ADAPT_OFFSET_MS = 15;
    private static final double MIN_THRESHOLD_MS = 6;
    private static final double MAX_THRESHOLD_MS = 600;
    private static final double MAX_TIME_DELTA_MS = 100;

    private double threshold = INITIAL_THRESHOLD_MS;
    private double timeOverUsing = -1;
    private int overuseCount;
    private double previousTrend;
    private double lastUpdateMs = Double.NaN;
    private BandwidthUsage state = BandwidthUsage.NORMAL;

    /** A new trend (ms of delay growth, scaled), {@code sendDeltaMs} after the previous group was sent. */
    BandwidthUsage detect(double modifiedTrend, double sendDeltaMs, double nowMs) {
        if (modifiedTrend > threshold) {
            timeOverUsing = timeOverUsing < 0 ? sendDeltaMs / 2 : timeOverUsing + sendDeltaMs;
            overuseCount++;
            if (timeOverUsing > OVERUSE_TIME_MS && overuseCount > 1 && modifiedTrend >= previousTrend) {
                timeOverUsing = 0;
                overuseCount = 0;
                state = BandwidthUsage.OVERUSING;
            }
        } else if (modifiedTrend < -threshold) {
            timeOverUsing = -1;
            overuseCount = 0;
            state = BandwidthUsage.UNDERUSING;
        } else {
            timeOverUsing = -1;
            overuseCount = 0;
            state = BandwidthUsage.NORMAL;
        }
        previousTrend = modifiedTrend;
        adaptThreshold(modifiedTrend, nowMs);
        return state;
    }

    BandwidthUsage state() {
        return state;
    }

    double threshold() {
        return threshold;
    }

    private void adaptThreshold(double modifiedTrend, double nowMs) {
        if (Double.isNaN(lastUpdateMs)) {
            lastUpdateMs = nowMs;
        }
        double magnitude = Math.abs(modifiedTrend);
        if (magnitude > threshold + MAX_ADAPT_OFFSET_MS) {
            lastUpdateMs = nowMs;  // a spike (a route change, a burst): do not let it drag the threshold
            return;
        }
        double k = magnitude < threshold ? K_DOWN : K_UP;
        double elapsed = Math.min(nowMs - lastUpdateMs, MAX_TIME_DELTA_MS);
        threshold += k * (magnitude - threshold) * elapsed;
        threshold = Math.max(MIN_THRESHOLD_MS, Math.min(MAX_THRESHOLD_MS, threshold));
        lastUpdateMs = nowMs;
    }
}
