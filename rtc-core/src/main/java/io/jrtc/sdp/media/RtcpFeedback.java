package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=rtcp-fb:<payload type or *> <type> [<parameter>]} (RFC 4585 §4.2), e.g. "96 nack pli",
 * "* transport-cc". {@link #ANY_PAYLOAD_TYPE} stands for "*"; {@code parameter} is null when absent and otherwise
 * the rest of the line verbatim (e.g. "tmmbr smaxpr=120").
 */
public record RtcpFeedback(int payloadType, String type, String parameter) {
    public static final String NAME = "rtcp-fb";
    public static final int ANY_PAYLOAD_TYPE = -1;

    public RtcpFeedback {
        if (payloadType != ANY_PAYLOAD_TYPE) {
            AttributeText.checkPayloadType(payloadType);
        }
        checkMechanism(type, parameter);
    }

    private static void checkMechanism(String type, String parameter) {
        AttributeText.checkToken(type, "rtcp-fb type");
        if (parameter != null) {
            AttributeText.checkLineText(parameter, "rtcp-fb parameter");
            if (parameter.isEmpty() || parameter.startsWith(" ") || parameter.endsWith(" ")
                    || parameter.contains("  ")) {
                throw new IllegalArgumentException("rtcp-fb parameter has stray spaces: '" + parameter + "'");
            }
        }
    }

    /** The feedback mechanism a codec supports, without the payload type: "nack" + "pli". */
    public record Mechanism(String type, String parameter) {
        public Mechanism {
            checkMechanism(type, parameter);
        }

        @Override
        public String toString() {
            return parameter == null ? type : type + " " + parameter;
        }
    }

    public Mechanism mechanism() {
        return new Mechanism(type, parameter);
    }

    public static RtcpFeedback parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length < 2) {
            throw AttributeText.error(NAME, value, "needs <payload type> <type> [<parameter>]");
        }
        int pt = f[0].equals("*") ? ANY_PAYLOAD_TYPE : AttributeText.payloadType(NAME, value, f[0]);
        AttributeText.requireToken(NAME, value, f[1], "feedback type");
        String parameter = null;
        if (f.length > 2) {
            parameter = value.substring(f[0].length() + f[1].length() + 2);
        }
        return new RtcpFeedback(pt, f[1], parameter);
    }

    public String toValue() {
        return (payloadType == ANY_PAYLOAD_TYPE ? "*" : Integer.toString(payloadType)) + " " + mechanism();
    }
}
