package io.jrtc.codec;

import java.util.List;

/**
 * Packetizes H.265 access units per RFC 7798 without decoding order numbers: a NAL unit that fits goes alone
 * (§4.4.1), consecutive small ones are aggregated into an AP (§4.4.2) while they fit together, and a NAL unit
 * larger than {@code maxPayloadSize} is cut into FUs (§4.4.3) of nearly equal size. The last payload of an access
 * unit has the marker bit (§4.1).
 */
public final class H265Packetizer {
    private static final int FU_HEADERS = 3;

    private final int maxPayloadSize;

    /** @param maxPayloadSize the largest RTP payload to produce (e.g. 1200 minus headers); at least 4 */
    public H265Packetizer(int maxPayloadSize) {
        if (maxPayloadSize < FU_HEADERS + 1) {
            throw new IllegalArgumentException("maxPayloadSize too small for an FU: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
    }

    /** Packetizes one access unit given as an Annex B byte stream. */
    public List<RtpPayload> packetizeAnnexB(byte[] accessUnit, int off, int len) {
        return packetize(H264NalUnits.splitAnnexB(accessUnit, off, len));
    }

    /** Packetizes one access unit given as its NAL units, each starting with its two-byte NAL header. */
    public List<RtpPayload> packetize(List<byte[]> nalUnits) {
        return NalUnitPayloads.packetize(H265NalUnits.RTP, nalUnits, maxPayloadSize, false);
    }
}
