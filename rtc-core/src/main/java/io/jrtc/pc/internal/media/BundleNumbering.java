package io.jrtc.pc.internal.media;

import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers that stay bound once negotiated: payload types to their codecs (RFC 3264 §8.3.2) and header extension
 * ids to their URIs (RFC 8285 §6), across the whole bundle (RFC 8843 §9.1, §9.2). Our later offers renumber our
 * own codecs and extensions so that they never contradict what the bundle has bound.
 */
final class BundleNumbering {
    private BundleNumbering() {
    }

    /**
     * Our header extensions for a later offer: a URI negotiated before keeps its id, one id means one URI across
     * the bundle (RFC 8843 §9.2, RFC 8285 §6); the others keep ours unless taken, then take the lowest free one.
     */
    static List<ExtMap> keepBoundExtensionIds(List<ExtMap> local, Map<String, Integer> bound) {
        if (bound.isEmpty()) {
            return local;
        }
        Set<Integer> used = new HashSet<>(bound.values());
        List<ExtMap> result = new ArrayList<>();
        for (ExtMap e : local) {
            Integer id = bound.get(e.uri());
            if (id == null) {
                id = e.id();
                for (int free = 1; used.contains(id); free++) {
                    id = free;
                }
                used.add(id);
            }
            result.add(new ExtMap(id, e.uri()));
        }
        return result;
    }

    /**
     * Our codecs renumbered for a later offer: a payload type stays bound to its codec for the whole session
     * (RFC 3264 §8.3.2), across the bundle (RFC 8843 §9.1). A codec negotiated before keeps the number it got
     * (the remote offerer's, say aiortc's opus on 96), RTX follows its codec, and the others keep their own number
     * unless the bundle has bound it to something else, then take the lowest free one.
     */
    static List<RtpCodec> keepBoundPayloadTypes(List<RtpCodec> local, Map<Integer, RtpCodec> bound) {
        if (bound.isEmpty()) {
            return local;
        }
        Map<Integer, Integer> renumbered = new HashMap<>();
        for (RtpCodec codec : local) {
            if (!codec.isRtx()) {
                bound.forEach((pt, b) -> {
                    if (!b.isRtx() && CodecNegotiation.sameFormat(b, codec)) {
                        renumbered.putIfAbsent(codec.payloadType(), pt);
                    }
                });
            }
        }
        for (RtpCodec codec : local) {
            Integer apt = codec.isRtx() ? renumbered.get(codec.associatedPayloadType()) : null;
            if (apt != null) {
                bound.forEach((pt, b) -> {
                    if (b.isRtx() && b.associatedPayloadType() == apt) {
                        renumbered.putIfAbsent(codec.payloadType(), pt);
                    }
                });
            }
        }
        Set<Integer> used = new HashSet<>(bound.keySet());
        for (RtpCodec codec : local) {
            if (!renumbered.containsKey(codec.payloadType())) {
                int pt = codec.payloadType();
                while (used.contains(pt)) {
                    pt = nextDynamic(pt);
                }
                used.add(pt);
                renumbered.put(codec.payloadType(), pt);
            }
        }
        List<RtpCodec> result = new ArrayList<>();
        for (RtpCodec codec : local) {
            RtpCodec numbered = codec.withPayloadType(renumbered.get(codec.payloadType()));
            if (codec.isRtx()) {
                Map<String, String> parameters = new LinkedHashMap<>(codec.parameters());
                parameters.put(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE,
                        Integer.toString(renumbered.get(codec.associatedPayloadType())));
                numbered = numbered.withParameters(parameters);
            }
            result.add(numbered);
        }
        return result;
    }

    /** The dynamic payload types in order: 96-127, then 35-63 (RFC 3551 §6, RFC 5761 §4); static ones start at 96. */
    private static int nextDynamic(int pt) {
        if (pt < 96) {
            return pt >= 35 && pt < 63 ? pt + 1 : 96;
        }
        if (pt < 127) {
            return pt + 1;
        }
        return 35;
    }
}
