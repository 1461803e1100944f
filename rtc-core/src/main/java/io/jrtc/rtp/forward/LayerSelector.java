package io.jrtc.rtp.forward;

/**
 * Picks one viewer's simulcast layer and VP8 temporal layer from what the path to it carries, sans-IO (time is an
 * input), as LiveKit's and mediasoup's allocators do for one stream: the highest layer whose bitrate fits
 * {@link #HEADROOM} of the estimate; going down at once when the current layer no longer fits the estimate, going
 * up only after the higher layer has fit for {@link #UP_AFTER_NANOS}, so a noisy estimate does not make the
 * viewer switch (and wait for a keyframe) back and forth. When even the lowest layer does not fit, temporal
 * layers are dropped: VP8 with three temporal layers sends about 80 % of its bits up to the middle one; below
 * that only the base layer goes.
 */
public final class LayerSelector {
    /** The share of the estimate a layer may take. */
    public static final double HEADROOM = 0.85;
    static final long UP_AFTER_NANOS = 2_000_000_000L;
    private static final double MIDDLE_SHARE = 0.8;

    /** A choice: the layer rank (0 lowest) and the highest temporal layer to forward. */
    public record Choice(int layer, int temporalLayer) {
    }

    private Choice current = new Choice(0, ForwardingStream.ALL_TEMPORAL_LAYERS);
    private int candidate = -1;
    private long candidateSince;

    public Choice current() {
        return current;
    }

    /**
     * The choice at {@code now} for layers of the given bitrates (by rank, lowest first; 0 for a layer not heard)
     * and the estimate; an unknown estimate keeps the current choice.
     */
    public Choice select(long now, long[] layerBitrates, long available) {
        if (available == AvailableBitrate.UNKNOWN || layerBitrates.length == 0) {
            return current;
        }
        double budget = available * HEADROOM;
        int fits = 0;
        for (int layer = 0; layer < layerBitrates.length; layer++) {
            if (layerBitrates[layer] > 0 && layerBitrates[layer] <= budget) {
                fits = layer;
            }
        }
        int temporal = ForwardingStream.ALL_TEMPORAL_LAYERS;
        if (layerBitrates[0] > budget) {
            temporal = layerBitrates[0] * MIDDLE_SHARE <= budget ? 1 : 0;
        }
        if (fits > current.layer()) {
            // the current layer surely fits whole; the higher one must fit for a while (the lowest seen meanwhile)
            current = new Choice(current.layer(), ForwardingStream.ALL_TEMPORAL_LAYERS);
            if (candidate < 0) {
                candidate = fits;
                candidateSince = now;
            } else {
                candidate = Math.min(candidate, fits);
            }
            if (now - candidateSince >= UP_AFTER_NANOS) {
                current = new Choice(candidate, ForwardingStream.ALL_TEMPORAL_LAYERS);
                candidate = -1;
            }
        } else {
            candidate = -1;
            current = new Choice(fits, temporal);
        }
        return current;
    }
}
