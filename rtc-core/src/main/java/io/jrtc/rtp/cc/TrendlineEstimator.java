package io.jrtc.rtp.cc;

import java.util.ArrayDeque;

/**
 * Estimates whether the queue on the path grows (draft-ietf-rmcat-gcc-02 §5.3, with libwebrtc's trendline filter
 * in place of the draft's Kalman filter): the one-way delay variation of each group is accumulated, smoothed, and
 * a least-squares line is fitted through the last {@link #WINDOW} smoothed values against arrival time. Its slope,
 * scaled by the number of samples and a gain, goes to the {@link OveruseDetector}.
 */
final class TrendlineEstimator {
    static final int WINDOW = 20;
    private static final double SMOOTHING = 0.9;
    private static final double THRESHOLD_GAIN = 4;
    private static final int MAX_SAMPLES_SCALE = 60;

    private final OveruseDetector detector = new OveruseDetector();
    private final ArrayDeque<double[]> window = new ArrayDeque<>(WINDOW + 1);
    private double firstArrivalMs = Double.NaN;
    private double accumulatedDelay;
    private double smoothedDelay;
    private int samples;
    private double trend;

    /** A group's deltas in milliseconds; returns the detector's state after it. */
    BandwidthUsage update(double arrivalDeltaMs, double sendDeltaMs, double arrivalTimeMs) {
        double delta = arrivalDeltaMs - sendDeltaMs;
        samples = Math.min(samples + 1, 1000);
        if (Double.isNaN(firstArrivalMs)) {
            firstArrivalMs = arrivalTimeMs;
        }
        accumulatedDelay += delta;
        smoothedDelay = SMOOTHING * smoothedDelay + (1 - SMOOTHING) * accumulatedDelay;
        window.addLast(new double[] {arrivalTimeMs - firstArrivalMs, smoothedDelay});
        if (window.size() > WINDOW) {
            window.removeFirst();
        }
        if (window.size() == WINDOW) {
            trend = slope();
        }
        double modified = Math.min(samples, MAX_SAMPLES_SCALE) * trend * THRESHOLD_GAIN;
        return detector.detect(modified, sendDeltaMs, arrivalTimeMs);
    }

    BandwidthUsage state() {
        return detector.state();
    }

    /** The least-squares slope of smoothed delay over time; the previous trend when time does not vary. */
    private double slope() {
        double meanX = 0;
        double meanY = 0;
        for (double[] point : window) {
            meanX += point[0];
            meanY += point[1];
        }
        meanX /= window.size();
        meanY /= window.size();
        double numerator = 0;
        double denominator = 0;
        for (double[] point : window) {
            numerator += (point[0] - meanX) * (point[1] - meanY);
            denominator += (point[0] - meanX) * (point[0] - meanX);
        }
        return denominator == 0 ? trend : numerator / denominator;
    }
}
