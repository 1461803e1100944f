package io.jrtc.spring.autoconfigure.service;

import java.util.List;
import java.util.function.Function;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.rtp.forward.ForwardableTrack;
import io.jrtc.rtp.forward.ForwardingStream;
import io.jrtc.rtp.forward.PacketSource;

/**
 * A viewer's choice of the publisher's simulcast encoding, by RID, for a sender that forwards a publisher's packets:
 * what the WHEP layer extension and the REST API share. The stack ranks the encodings (lowest first); the RID is
 * mapped to its rank when the choice is made.
 */
public final class ForwardedLayers {
    private ForwardedLayers() {
    }

    /** The publisher's packets a sender forwards, or null when its track offers none. */
    public static PacketSource sourceOf(RTCRtpSender sender) {
        MediaStreamTrack track = sender.getTrack();
        return track instanceof ForwardableTrack forwardable ? forwardable.packetSource() : null;
    }

    /**
     * Forwards the VP9 spatial layers up to {@code spatialLayer} of a publisher's SVC encoding, with temporal layers
     * up to {@code temporalLayer} (null: all).
     *
     * @param refusal makes the exception for a choice the sender cannot make, from a message naming what it can
     */
    public static void chooseSpatialLayer(RTCRtpSender sender, int spatialLayer, Integer temporalLayer,
            Function<String, RuntimeException> refusal) {
        checkTemporalLayer(temporalLayer, refusal);
        PacketSource source = sourceOf(sender);
        if (source == null) {
            throw refusal.apply("the sender forwards no publisher's packets");
        }
        int layers = source.spatialLayers();
        if (spatialLayer < 0 || spatialLayer >= layers) {
            throw refusal.apply("no spatial layer " + spatialLayer + "; the publisher sends spatial layers 0 to "
                    + (layers - 1));
        }
        sender.setForwardedLayer(spatialLayer,
                temporalLayer == null ? ForwardingStream.ALL_TEMPORAL_LAYERS : temporalLayer);
    }

    /**
     * Forwards encoding {@code rid} with VP8 temporal layers up to {@code temporalLayer}; both null: chosen from the
     * viewer's bandwidth estimate again. Without simulcast only a temporal layer may be named.
     *
     * @param refusal makes the exception for a choice the sender cannot make, from a message naming what it can
     */
    public static void choose(RTCRtpSender sender, String rid, Integer temporalLayer,
            Function<String, RuntimeException> refusal) {
        checkTemporalLayer(temporalLayer, refusal);
        PacketSource source = sourceOf(sender);
        if (source == null) {
            throw refusal.apply("the sender forwards no publisher's packets");
        }
        if (rid == null && temporalLayer == null) {
            sender.clearForwardedLayer();
            return;
        }
        List<String> rids = source.layerRids();
        int layer = rid == null ? 0 : rids.indexOf(rid);
        if (layer < 0) {
            throw refusal.apply("no encoding with rid '" + rid + "'; the publisher sends " + rids);
        }
        if (rid == null && !rids.isEmpty()) {
            throw refusal.apply("name the rid with the temporal layer: the publisher sends encodings " + rids);
        }
        sender.setForwardedLayer(layer, temporalLayer == null ? ForwardingStream.ALL_TEMPORAL_LAYERS : temporalLayer);
    }

    private static void checkTemporalLayer(Integer temporalLayer, Function<String, RuntimeException> refusal) {
        if (temporalLayer != null && (temporalLayer < 0 || temporalLayer > ForwardingStream.ALL_TEMPORAL_LAYERS)) {
            throw refusal.apply("a temporal layer is 0 to " + ForwardingStream.ALL_TEMPORAL_LAYERS + ", got "
                    + temporalLayer);
        }
    }
}
