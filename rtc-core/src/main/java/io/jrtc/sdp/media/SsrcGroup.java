package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576 §4.2), e.g. "FID 1 2" pairing a media SSRC with its RTX
 * SSRC (RFC 4588 §8), or "SIM 1 2 3".
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public static final String NAME = "ssrc-group";
    /** Flow identification: the first SSRC carries the media, the second its retransmissions. */
    public static final String FLOW_ID = "FID";

    public SsrcGroup {
        AttributeText.checkToken(semantics, "ssrc-group semantics");
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.isEmpty()) {
            throw new IllegalArgumentException("an ssrc-group needs at least one ssrc");
        }
        ssrcs.forEach(SsrcAttribute::checkSsrc);
    }

    public static SsrcGroup parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length < 2) {
            throw AttributeText.error(NAME, value, "needs <semantics> <ssrc>...");
        }
        AttributeText.requireToken(NAME, value, f[0], "semantics");
        List<Long> ssrcs = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            ssrcs.add(AttributeText.number(NAME, value, f[i], 0, SsrcAttribute.MAX_SSRC, "ssrc"));
        }
        return new SsrcGroup(f[0], ssrcs);
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder(semantics);
        ssrcs.forEach(s -> sb.append(' ').append(s));
        return sb.toString();
    }
}
