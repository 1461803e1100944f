package io.jrtc.pc.internal.media;

import io.jrtc.sdp.media.Rid;
import io.jrtc.sdp.media.RtpMediaSection;
import io.jrtc.sdp.media.Simulcast;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a simulcast offer (RFC 8853 §5.3, RFC 8851 §7.2): an offer that sends up to three streams, each
 * named by a rid, is answered with {@code a=rid:<id> recv} for each and {@code a=simulcast:recv} listing them, when
 * the answer keeps the RID header extension (RFC 8852 §3.1) that tells the streams apart. Of a stream with
 * alternatives the first is taken; a paused one ("~") is taken unpaused-named, as the sender may resume it.
 */
final class SimulcastAnswer {
    /** The simulcast stream's RID (RFC 8852 §3.1) and, on RTX, the RID of the stream repaired (§3.2). */
    static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    static final String REPAIRED_RID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** What an answer accepts beside our own header extensions: only to receive simulcast, never offered. */
    static final java.util.Set<String> RECEIVE_ONLY_EXTENSIONS = java.util.Set.of(RID_URI, REPAIRED_RID_URI);

    private SimulcastAnswer() {
    }

    /** Our receiving answer with the offer's simulcast streams accepted, or as it was when there are none. */
    static RtpMediaSection receiving(RtpMediaSection answer, RtpMediaSection offered) {
        Simulcast simulcast = offered.simulcast();
        boolean ridsNegotiated = answer.headerExtensions().stream()
                .anyMatch(e -> e.uri().equals(RID_URI));
        if (simulcast == null || simulcast.send().size() < 2 || !ridsNegotiated) {
            return answer;
        }
        List<String> offeredRids = offered.rids().stream().filter(Rid::send).map(Rid::id).toList();
        List<List<String>> streams = new ArrayList<>();
        List<Rid> rids = new ArrayList<>();
        for (List<String> alternatives : simulcast.send()) {
            String id = alternatives.get(0).startsWith("~") ? alternatives.get(0).substring(1) : alternatives.get(0);
            if (offeredRids.contains(id) && streams.size() < SimulcastLayers.MAX_LAYERS) {
                streams.add(List.of(id));
                rids.add(new Rid(id, false, null));
            }
        }
        if (streams.size() < 2) {
            return answer;
        }
        return new RtpMediaSection(answer.kind(), answer.mid(), answer.direction(), answer.codecs(),
                answer.headerExtensions(), answer.sources(), answer.ssrcGroups(), answer.msids(), answer.rtcpMux(),
                answer.rtcpReducedSize(), rids, new Simulcast(List.of(), streams));
    }

    /** The rids an answer of ours receives, in its {@code a=simulcast:recv} order; empty without simulcast. */
    static List<String> receivedRids(RtpMediaSection ourAnswer) {
        Simulcast simulcast = ourAnswer.simulcast();
        if (simulcast == null) {
            return List.of();
        }
        return simulcast.receive().stream().map(alternatives -> alternatives.get(0)).toList();
    }
}
