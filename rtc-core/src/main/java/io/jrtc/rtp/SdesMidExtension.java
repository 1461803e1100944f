package io.jrtc.rtp;

import java.nio.charset.StandardCharsets;

/** The MID header extension ({@value #URI}, RFC 8843 §15): the media section's identification tag as text. */
public final class SdesMidExtension {
    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    private SdesMidExtension() {
    }

    /** The MID in element {@code id}, or null when absent or empty. */
    public static String read(RtpHeader header, int id) {
        int at = header.extensionOffset(id);
        int len = header.extensionLength(id);
        return at < 0 || len == 0 ? null : new String(header.buffer(), at, len, StandardCharsets.UTF_8);
    }

    /** Whether element {@code id} holds exactly {@code mid}, compared without allocating. */
    public static boolean matches(RtpHeader header, int id, byte[] mid) {
        int at = header.extensionOffset(id);
        return at >= 0 && header.extensionLength(id) == mid.length && java.util.Arrays.equals(header.buffer(), at,
                at + mid.length, mid, 0, mid.length);
    }

    public static void write(RtpHeaderWriter writer, int id, String mid) {
        byte[] value = mid.getBytes(StandardCharsets.UTF_8);
        if (value.length == 0) {
            throw new IllegalArgumentException("a MID is at least one character");
        }
        writer.addExtension(id, value, 0, value.length);
    }
}
