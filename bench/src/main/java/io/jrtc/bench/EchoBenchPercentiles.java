package io.jrtc.bench;

/** Percentiles of sorted samples. */
final class EchoBenchPercentiles {
    private EchoBenchPercentiles() {
    }

    /** The median of sorted samples (mean of the middle two when even); NaN when empty. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank percentile of sorted samples: the smallest value with p % at or below it; NaN when empty. */
    static double nearestRank(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
