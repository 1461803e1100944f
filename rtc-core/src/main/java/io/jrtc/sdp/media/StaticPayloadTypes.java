package io.jrtc.sdp.media;

import java.util.List;
import java.util.Map;

/**
 * The statically assigned RTP payload types of RFC 3551 §6 (tables 4 and 5), used when an m-line lists one of
 * them without an {@code a=rtpmap}. 96-127 are dynamic (RFC 3551 §6), to be bound by rtpmap.
 */
public final class StaticPayloadTypes {
    public static final int FIRST_DYNAMIC = 96;
    public static final int LAST_DYNAMIC = 127;

    private static final Map<Integer, RtpCodec> CODECS = Map.ofEntries(
            audio(0, "PCMU", 8000, 1), audio(3, "GSM", 8000, 1), audio(4, "G723", 8000, 1),
            audio(5, "DVI4", 8000, 1), audio(6, "DVI4", 16000, 1), audio(7, "LPC", 8000, 1),
            audio(8, "PCMA", 8000, 1), audio(9, "G722", 8000, 1), audio(10, "L16", 44100, 2),
            audio(11, "L16", 44100, 1), audio(12, "QCELP", 8000, 1), audio(13, "CN", 8000, 1),
            audio(14, "MPA", 90000, 1), audio(15, "G728", 8000, 1), audio(16, "DVI4", 11025, 1),
            audio(17, "DVI4", 22050, 1), audio(18, "G729", 8000, 1), video(25, "CelB"), video(26, "JPEG"),
            video(28, "nv"), video(31, "H261"), video(32, "MPV"), video(33, "MP2T"), video(34, "H263"));

    private StaticPayloadTypes() {
    }

    private static Map.Entry<Integer, RtpCodec> audio(int pt, String name, int clockRate, int channels) {
        return Map.entry(pt, new RtpCodec(pt, "audio/" + name, clockRate, channels, Map.of(), List.of()));
    }

    private static Map.Entry<Integer, RtpCodec> video(int pt, String name) {
        return Map.entry(pt, new RtpCodec(pt, "video/" + name, 90000, 0, Map.of(), List.of()));
    }

    /** The codec statically bound to this payload type, or null when it is dynamic or unassigned. */
    public static RtpCodec codec(int payloadType) {
        return CODECS.get(payloadType);
    }
}
