package io.jrtc.spring.autoconfigure.whip;

/**
 * The body of a POST to a WHEP session's layer URL (the core-extensions draft's Video Layer Selection): which video
 * layer the viewer wants. Every field may be missing; none but {@code mediaId} returns the choice to the server.
 *
 * @param mediaId            the m-line index of the video to apply it to (default: the first video m-line)
 * @param rid                the RID of the simulcast encoding (default: chosen from the viewer's bandwidth)
 * @param encodingId         the same as {@code rid}, under the name draft-ietf-wish-whep-00 gave it
 * @param spatialLayerId     the VP9 spatial layer (SVC) to forward up to; 0 for simulcast encodings
 * @param temporalLayerId    the VP8 temporal layer to forward up to
 * @param maxSpatialLayerId  a cap on the spatial layer
 * @param maxTemporalLayerId a cap on the temporal layer
 * @param maxWidth           a cap on the width (not supported: layer sizes are not known)
 * @param maxHeight          a cap on the height (not supported: layer sizes are not known)
 */
public record LayerRequest(String mediaId, String rid, String encodingId, Integer spatialLayerId,
        Integer temporalLayerId, Integer maxSpatialLayerId, Integer maxTemporalLayerId, Integer maxWidth,
        Integer maxHeight) {

    /** The RID asked for under either name, or null. */
    String encoding() {
        return rid != null ? rid : encodingId;
    }

    /** The highest temporal layer to forward, or null when the request leaves it open. */
    Integer temporalCap() {
        return lower(temporalLayerId, maxTemporalLayerId);
    }

    /** The highest spatial layer to forward, or null when the request leaves it open. */
    Integer spatialCap() {
        return lower(spatialLayerId, maxSpatialLayerId);
    }

    private static Integer lower(Integer layer, Integer cap) {
        if (layer != null && cap != null) {
            return Math.min(layer, cap);
        }
        return layer != null ? layer : cap;
    }
}
