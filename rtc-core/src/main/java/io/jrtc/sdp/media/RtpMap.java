package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]} (RFC 8866 §6.6).
 * {@code channels} is the encoding parameter (audio channel count), 0 when the line omits it.
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {
    public static final String NAME = "rtpmap";

    public RtpMap {
        AttributeText.checkPayloadType(payloadType);
        AttributeText.checkToken(encodingName, "encoding name");
        if (encodingName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("encoding name must not contain '/'");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        if (channels < 0) {
            throw new IllegalArgumentException("channels must not be negative: " + channels);
        }
    }

    public static RtpMap parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length != 2) {
            throw AttributeText.error(NAME, value, "needs <payload type> <encoding>/<clock rate>[/<channels>]");
        }
        int pt = AttributeText.payloadType(NAME, value, f[0]);
        String[] encoding = f[1].split("/", -1);
        if (encoding.length < 2 || encoding.length > 3) {
            throw AttributeText.error(NAME, value, "needs <encoding>/<clock rate>[/<channels>]");
        }
        AttributeText.requireToken(NAME, value, encoding[0], "encoding name");
        int clockRate = (int) AttributeText.number(NAME, value, encoding[1], 1, Integer.MAX_VALUE, "clock rate");
        int channels = encoding.length == 3
                ? (int) AttributeText.number(NAME, value, encoding[2], 1, 255, "channel count") : 0;
        return new RtpMap(pt, encoding[0], clockRate, channels);
    }

    public String toValue() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels > 0 ? "/" + channels : "");
    }
}
