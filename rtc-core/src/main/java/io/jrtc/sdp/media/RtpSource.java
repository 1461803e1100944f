package io.jrtc.sdp.media;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SSRC of a section and its source attributes (RFC 5576 §4.1, §6.1): the {@code cname}, the legacy
 * {@code msid} form Chrome still writes per SSRC (RFC 8830 §2), and any other attribute verbatim in order
 * (a null value for a property attribute). {@code cname} and {@code msid} may be null.
 */
public record RtpSource(long ssrc, String cname, Msid msid, Map<String, String> otherAttributes) {
    public RtpSource {
        SsrcAttribute.checkSsrc(ssrc);
        if (cname != null) {
            AttributeText.checkLineText(cname, "cname");
            if (cname.isEmpty()) {
                throw new IllegalArgumentException("cname must not be empty");
            }
        }
        otherAttributes = copyOthers(otherAttributes);
        if (cname == null && msid == null && otherAttributes.isEmpty()) {
            throw new IllegalArgumentException("an ssrc needs at least one attribute to be written");
        }
    }

    public RtpSource(long ssrc, String cname, Msid msid) {
        this(ssrc, cname, msid, Map.of());
    }

    private static Map<String, String> copyOthers(Map<String, String> others) {
        Map<String, String> copy = new LinkedHashMap<>();
        others.forEach((name, value) -> {
            new SsrcAttribute(0, name, value); // validates that the line can be written and parsed back
            if (name.equals("cname") || name.equals("msid")) {
                throw new IllegalArgumentException(name + " has its own component");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
