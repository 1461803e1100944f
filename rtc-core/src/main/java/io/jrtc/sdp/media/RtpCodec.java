package io.jrtc.sdp.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One RTP payload format of an audio or video section, assembled from the m-line format, {@code a=rtpmap},
 * {@code a=fmtp} and {@code a=rtcp-fb} (RFC 8866 §6.6, §6.15; RFC 4585 §4.2). {@code mimeType} is
 * "kind/encoding" as in RFC 4855 ("audio/opus", "video/H264"); {@code payloadType} is {@link #UNASSIGNED} for a
 * local capability that has not been given a number yet; {@code channels} is 1 or more for audio and 0 for video.
 */
public record RtpCodec(int payloadType, String mimeType, int clockRate, int channels, Map<String, String> parameters,
        List<RtcpFeedback.Mechanism> rtcpFeedback) {
    public static final int UNASSIGNED = -1;
    /** RFC 4588 §8.6: the payload type a retransmission format repairs. */
    public static final String RTX_ASSOCIATED_PAYLOAD_TYPE = "apt";

    public RtpCodec {
        if (payloadType != UNASSIGNED) {
            AttributeText.checkPayloadType(payloadType);
        }
        int slash = mimeType == null ? -1 : mimeType.indexOf('/');
        if (slash <= 0 || slash != mimeType.lastIndexOf('/')) {
            throw new IllegalArgumentException("mime type must be <kind>/<encoding>: '" + mimeType + "'");
        }
        AttributeText.checkToken(mimeType.substring(0, slash), "media kind");
        AttributeText.checkToken(mimeType.substring(slash + 1), "encoding name");
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        if (channels < 0 || channels > 255) {
            throw new IllegalArgumentException("channels must be from 0 to 255: " + channels);
        }
        if (channels == 0 && mimeType.regionMatches(true, 0, "audio/", 0, 6)) {
            channels = 1; // RFC 8866 §6.6: one audio channel when the rtpmap omits the count
        }
        parameters = Fmtp.copyParameters(parameters);
        rtcpFeedback = List.copyOf(rtcpFeedback);
    }

    /** A codec without parameters or feedback, e.g. {@code of("audio/PCMU", 8000, 1)}. */
    public static RtpCodec of(String mimeType, int clockRate, int channels) {
        return new RtpCodec(UNASSIGNED, mimeType, clockRate, channels, Map.of(), List.of());
    }

    /** "audio" or "video" (the part of the mime type before the slash). */
    public String kind() {
        return mimeType.substring(0, mimeType.indexOf('/'));
    }

    /** The rtpmap encoding name, e.g. "opus". */
    public String encodingName() {
        return mimeType.substring(mimeType.indexOf('/') + 1);
    }

    /** Whether this is an RTX retransmission format (RFC 4588 §8). */
    public boolean isRtx() {
        return encodingName().equalsIgnoreCase("rtx");
    }

    /** The {@code apt} parameter of an RTX format, or {@link #UNASSIGNED} when absent or malformed. */
    public int associatedPayloadType() {
        String apt = parameters.get(RTX_ASSOCIATED_PAYLOAD_TYPE);
        if (apt == null || apt.isEmpty() || apt.length() > 3 || !apt.chars().allMatch(Character::isDigit)) {
            return UNASSIGNED;
        }
        int value = Integer.parseInt(apt);
        return value <= 127 ? value : UNASSIGNED;
    }

    /** The parameter value compared case-insensitively by name, as RFC 4855 §3 makes names case-insensitive. */
    public String parameter(String name) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean hasMimeType(String other) {
        return mimeType.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    public RtpCodec withPayloadType(int newPayloadType) {
        return new RtpCodec(newPayloadType, mimeType, clockRate, channels, parameters, rtcpFeedback);
    }

    public RtpCodec withParameters(Map<String, String> newParameters) {
        return new RtpCodec(payloadType, mimeType, clockRate, channels, newParameters, rtcpFeedback);
    }

    public RtpCodec withRtcpFeedback(List<RtcpFeedback.Mechanism> newFeedback) {
        return new RtpCodec(payloadType, mimeType, clockRate, channels, parameters, newFeedback);
    }

    /** The rtpmap line of this codec; the channel count is written only when it is not the audio default 1. */
    public RtpMap toRtpMap() {
        return new RtpMap(payloadType, encodingName(), clockRate, channels > 1 ? channels : 0);
    }
}
