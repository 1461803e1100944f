package io.jrtc.pc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A codec this side can send or receive, as {@code RTCRtpSender.getCapabilities(kind)} lists it (W3C webrtc
 * §5.2 RTCRtpCodecCapability; the reference's {@code RTCRtpCodecCapability}). {@code mimeType} is "audio/..." or
 * "video/..." (RFC 4855), {@code clockRate} is in hertz, {@code channels} is null when not signalled (video), and
 * {@code parameters} are the {@code a=fmtp} key/values (RFC 8866 §6.15) in order; a parameter without "=" maps to
 * a null value.
 */
public record RTCRtpCodecCapability(String mimeType, int clockRate, Integer channels, Map<String, String> parameters) {

    public RTCRtpCodecCapability {
        checkMimeType(mimeType);
        checkClockRate(clockRate);
        checkChannels(channels);
        parameters = copyParameters(parameters);
    }

    /** A capability without channels or fmtp parameters, e.g. {@code ("video/VP8", 90000)}. */
    public RTCRtpCodecCapability(String mimeType, int clockRate) {
        this(mimeType, clockRate, null, Map.of());
    }

    /** "audio" or "video": the part of the mime type before the slash. */
    public String kind() {
        return mimeType.substring(0, mimeType.indexOf('/'));
    }

    static void checkMimeType(String mimeType) {
        if (mimeType == null || !(mimeType.startsWith("audio/") || mimeType.startsWith("video/"))
                || mimeType.length() == 6 || mimeType.indexOf('/', 6) >= 0 || mimeType.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("mimeType must be audio/<subtype> or video/<subtype>: '"
                    + mimeType + "'");
        }
    }

    static void checkClockRate(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate must be positive: " + clockRate);
        }
    }

    static void checkChannels(Integer channels) {
        if (channels != null && (channels < 1 || channels > 255)) {
            throw new IllegalArgumentException("channels must be null or 1 to 255: " + channels);
        }
    }

    /** An ordered unmodifiable copy; null becomes empty, and null values stay (fmtp flags such as "0-15"). */
    static Map<String, String> copyParameters(Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("codec parameter names must be non-empty: " + parameters);
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
