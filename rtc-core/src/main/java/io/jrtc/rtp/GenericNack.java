package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK (RFC 4585 §6.2.1): items of a packet id (PID) and a bitmask of the 16 following lost packets (BLP),
 * bit i set meaning PID + i + 1 is lost. Items are kept as sent, so a packet re-encodes byte for byte.
 */
public record GenericNack(int senderSsrc, int mediaSsrc, List<Item> items) implements RtcpPacket {

    /** One FCI entry: PID and BLP, both 16-bit. */
    public record Item(int packetId, int lostBitmask) {
        public Item {
            if ((packetId & ~0xFFFF) != 0 || (lostBitmask & ~0xFFFF) != 0) {
                throw new IllegalArgumentException("PID and BLP are 16 bits");
            }
        }
    }

    public GenericNack {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a NACK holds at least one item");
        }
    }

    /**
     * Compresses lost sequence numbers into items: each number that is 1-16 after the current item's PID joins its
     * BLP, any other starts a new item. Give them in ascending order (modulo 2^16) for the fewest items.
     */
    public static GenericNack ofLost(int senderSsrc, int mediaSsrc, int[] lostSequenceNumbers) {
        List<Item> items = new ArrayList<>();
        int packetId = -1;
        int bitmask = 0;
        for (int seq : lostSequenceNumbers) {
            int s = seq & 0xFFFF;
            int after = packetId < 0 ? -1 : SequenceNumbers.distance(packetId, s);
            if (after == 0) {
                continue;
            }
            if (after >= 1 && after <= 16) {
                bitmask |= 1 << (after - 1);
                continue;
            }
            if (packetId >= 0) {
                items.add(new Item(packetId, bitmask));
            }
            packetId = s;
            bitmask = 0;
        }
        if (packetId >= 0) {
            items.add(new Item(packetId, bitmask));
        }
        return new GenericNack(senderSsrc, mediaSsrc, items);
    }

    /** Every sequence number the items report lost, item by item, each PID before its BLP bits. */
    public int[] lostSequenceNumbers() {
        int count = 0;
        for (Item item : items) {
            count += 1 + Integer.bitCount(item.lostBitmask());
        }
        int[] lost = new int[count];
        int n = 0;
        for (Item item : items) {
            lost[n++] = item.packetId();
            for (int bit = 0; bit < 16; bit++) {
                if ((item.lostBitmask() & (1 << bit)) != 0) {
                    lost[n++] = SequenceNumbers.add(item.packetId(), bit + 1);
                }
            }
        }
        return lost;
    }

    @Override
    public int packetType() {
        return RtcpHeader.RTPFB;
    }

    @Override
    public int countOrFormat() {
        return RtcpHeader.FMT_NACK;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(FeedbackHeader.LENGTH + 4 * items.size());
    }

    @Override
    public int encode(byte[] dst, int off) {
        FeedbackHeader.write(dst, off, senderSsrc, mediaSsrc);
        int at = off + HEADER_LENGTH + FeedbackHeader.LENGTH;
        for (Item item : items) {
            WireBytes.put16(dst, at, item.packetId());
            WireBytes.put16(dst, at + 2, item.lostBitmask());
            at += 4;
        }
        return RtcpHeader.seal(dst, off, RtcpHeader.FMT_NACK, RtcpHeader.RTPFB, at - off - HEADER_LENGTH);
    }

    static GenericNack parse(byte[] b, int off, int len) throws RtpParseException {
        FeedbackHeader.require(len, "NACK");
        int fciLength = len - FeedbackHeader.LENGTH;
        RtpParseException.require(fciLength > 0 && (fciLength & 3) == 0, "NACK FCI not whole items");
        List<Item> items = new ArrayList<>(fciLength / 4);
        for (int at = off + FeedbackHeader.LENGTH; at < off + len; at += 4) {
            items.add(new Item(WireBytes.u16(b, at), WireBytes.u16(b, at + 2)));
        }
        return new GenericNack(FeedbackHeader.senderSsrc(b, off), FeedbackHeader.mediaSsrc(b, off), items);
    }
}
