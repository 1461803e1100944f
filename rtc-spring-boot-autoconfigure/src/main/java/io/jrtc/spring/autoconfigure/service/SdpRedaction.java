package io.jrtc.spring.autoconfigure.service;

import java.util.regex.Pattern;

/**
 * Session descriptions as views other than their owner's may show them: without {@code a=ice-pwd} lines. The ICE
 * password of a description is what authenticates connectivity checks (RFC 8445 section 7.2.2); whoever reads a
 * remote one can forge the peer's checks, so it stays with the response that carried it.
 */
public final class SdpRedaction {
    private static final Pattern ICE_PWD_LINE = Pattern.compile("(?m)^a=ice-pwd:[^\\r\\n]*(\\r?\\n|$)");

    private SdpRedaction() {
    }

    /** The description without its ICE password lines (RFC 8839 section 5.4); null stays null. */
    public static String withoutIcePasswords(String sdp) {
        if (sdp == null || !sdp.contains("a=ice-pwd")) {
            return sdp;
        }
        return ICE_PWD_LINE.matcher(sdp).replaceAll("");
    }
}
