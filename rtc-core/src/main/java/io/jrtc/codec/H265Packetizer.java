package io.jrtc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes H.265 access units per RFC 7798 without decoding order numbers: a NAL unit that fits goes alone
 * (§4.4.1), consecutive small ones are aggregated into an AP (§4.4.2) while they fit together, and a NAL unit
 * larger than {@code maxPayloadSize} is cut into FUs (§4.4.3) of nearly equal size. The last payload of an access
 * unit has the marker bit (§4.1).
 */
public final class H265Packetizer {
    private static final int HEADER = H265NalUnits.HEADER_LENGTH;
    private static final int AP_LENGTH_FIELD = 2;
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
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("an access unit needs at least one NAL unit");
        }
        List<byte[]> payloads = new ArrayList<>();
        int i = 0;
        while (i < nalUnits.size()) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length <= HEADER) {
                throw new IllegalArgumentException("H.265 NAL unit without a payload");
            }
            if (nal.length > maxPayloadSize) {
                fragment(nal, payloads);
                i++;
                continue;
            }
            int count = aggregatable(nalUnits, i);
            payloads.add(count >= 2 ? aggregate(nalUnits, i, count) : nal.clone());
            i += Math.max(count, 1);
        }
        List<RtpPayload> out = new ArrayList<>(payloads.size());
        for (int p = 0; p < payloads.size(); p++) {
            out.add(new RtpPayload(payloads.get(p), p == payloads.size() - 1));
        }
        return out;
    }

    private int aggregatable(List<byte[]> nalUnits, int from) {
        int size = HEADER;
        int count = 0;
        for (int i = from; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length <= HEADER || size + AP_LENGTH_FIELD + nal.length > maxPayloadSize) {
                break;
            }
            size += AP_LENGTH_FIELD + nal.length;
            count++;
        }
        return count;
    }

    /** §4.4.2: F is the OR, LayerId and TID the lowest of the aggregated NAL units'. */
    private static byte[] aggregate(List<byte[]> nalUnits, int from, int count) {
        int size = HEADER;
        int forbidden = 0;
        int layerId = 0x3F;
        int tid = 7;
        for (int i = from; i < from + count; i++) {
            byte[] nal = nalUnits.get(i);
            size += AP_LENGTH_FIELD + nal.length;
            forbidden |= nal[0] & 0x80;
            layerId = Math.min(layerId, (nal[0] & 0x01) << 5 | (nal[1] & 0xFF) >>> 3);
            tid = Math.min(tid, nal[1] & 0x07);
        }
        byte[] ap = new byte[size];
        ap[0] = (byte) (forbidden | H265NalUnits.TYPE_AP << 1 | layerId >>> 5);
        ap[1] = (byte) ((layerId & 0x1F) << 3 | tid);
        int at = HEADER;
        for (int i = from; i < from + count; i++) {
            byte[] nal = nalUnits.get(i);
            ap[at] = (byte) (nal.length >>> 8);
            ap[at + 1] = (byte) nal.length;
            System.arraycopy(nal, 0, ap, at + AP_LENGTH_FIELD, nal.length);
            at += AP_LENGTH_FIELD + nal.length;
        }
        return ap;
    }

    /** §4.4.3: the payload header is the NAL header with type 49; the FU header holds S, E and the NAL type. */
    private void fragment(byte[] nal, List<byte[]> into) {
        int body = nal.length - HEADER;
        int room = maxPayloadSize - FU_HEADERS;
        int count = (body + room - 1) / room;
        int base = body / count;
        int larger = body % count;
        byte first = (byte) ((nal[0] & 0x81) | H265NalUnits.TYPE_FU << 1);
        int type = H265NalUnits.type(nal[0]);
        int at = HEADER;
        for (int i = 0; i < count; i++) {
            int size = base + (i < larger ? 1 : 0);
            byte[] fu = new byte[FU_HEADERS + size];
            fu[0] = first;
            fu[1] = nal[1];
            fu[2] = (byte) ((i == 0 ? 0x80 : 0) | (i == count - 1 ? 0x40 : 0) | type);
            System.arraycopy(nal, at, fu, FU_HEADERS, size);
            at += size;
            into.add(fu);
        }
    }
}
