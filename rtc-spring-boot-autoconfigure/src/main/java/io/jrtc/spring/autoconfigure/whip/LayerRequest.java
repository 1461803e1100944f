package io.jrtc.spring.autoconfigure.whip;

/**
 * The body of a POST to a WHEP session's layer URL (the core-extensions draft's Video Layer Selection): which video
 * layer the viewer wants. Every field may be missing; none but {@code mediaId} returns the choice to the server.
 *
 * @param mediaId            the m-line index of the video to apply it to (default: the first video m-line)
 * @param rid                the RID of the simulcast encoding (default: chosen from the viewer's bandwidth)
 * @param encodingId         the same as {@code rid}, under the name draft-ietf-wish-whep-00 gave it
 * @param spatialLayerId     the spatial layer (only 0: simulcast encodings carry no spatial layers here)
 * @param temporalLayerId    the VP8 temporal layer to forward up to
 * @param maxSpatialLayerId  a cap on the spatial layer (only 0 exists)
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
        if (temporalLayerId != null && maxTemporalLayerId != null) {
            return Math.min(temporalLayerId, maxTemporalLayerId);
        }
        return temporalLayerId != null ? temporalLayerId : maxTemporalLayerId;
    }
}
