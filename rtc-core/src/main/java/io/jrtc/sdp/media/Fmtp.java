package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code a=fmtp:<payload type> <format specific parameters>} (RFC 8866 §6.15) in the {@code key=value;...} form
 * the RTP payload formats use (RFC 4855 §3). Parameters keep their order; one without "=" (RED's "111/111",
 * telephone-event's "0-16") maps to a null value and is written back as it came.
 */
public record Fmtp(int payloadType, Map<String, String> parameters) {
    public static final String NAME = "fmtp";

    public Fmtp {
        AttributeText.checkPayloadType(payloadType);
        parameters = copyParameters(parameters);
    }

    /** An ordered, unmodifiable copy that allows null values; keys and values are checked to write back. */
    static Map<String, String> copyParameters(Map<String, String> parameters) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.indexOf(';') >= 0 || key.indexOf(' ') >= 0
                    || key.indexOf('=') >= 0) {
                throw new IllegalArgumentException("fmtp parameter name is malformed: '" + key + "'");
            }
            AttributeText.checkLineText(key, "fmtp parameter name");
            String v = e.getValue();
            if (v != null && (v.indexOf(';') >= 0 || v.indexOf(' ') >= 0)) {
                throw new IllegalArgumentException("fmtp parameter value contains ';' or a space: '" + v + "'");
            }
            if (v != null) {
                AttributeText.checkLineText(v, "fmtp parameter value");
            }
            copy.put(key, v);
        }
        return Collections.unmodifiableMap(copy);
    }

    public static Fmtp parse(String value) throws SdpParseException {
        AttributeText.requireValue(NAME, value);
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            throw AttributeText.error(NAME, value, "needs <payload type> <parameters>");
        }
        int pt = AttributeText.payloadType(NAME, value, value.substring(0, space));
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : value.substring(space + 1).split(";", -1)) {
            String parameter = part.strip();
            if (parameter.isEmpty()) {
                continue;
            }
            if (parameter.indexOf(' ') >= 0) {
                throw AttributeText.error(NAME, value, "has a parameter with a space inside: '" + parameter + "'");
            }
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            if (key.isEmpty()) {
                throw AttributeText.error(NAME, value, "has a parameter without a name");
            }
            if (parameters.containsKey(key)) {
                throw AttributeText.error(NAME, value, "repeats the parameter " + key);
            }
            parameters.put(key, eq < 0 ? null : parameter.substring(eq + 1));
        }
        if (parameters.isEmpty()) {
            throw AttributeText.error(NAME, value, "has no parameters");
        }
        return new Fmtp(pt, parameters);
    }

    public String toValue() {
        return payloadType + " " + formatParameters(parameters);
    }

    static String formatParameters(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey());
            if (e.getValue() != null) {
                sb.append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
