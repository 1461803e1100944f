package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.RetransmissionBuffer;
import io.jrtc.rtp.RtcpCompound;
import io.jrtc.rtp.RtcpPacket;
import io.jrtc.rtp.RtpParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compound RTCP (RFC 3550 §6.1, RFC 4585 §6, RFC 5506) from arbitrary bytes: parse, write each packet back and read
 * it again (the same bytes must come out), and answer every Generic NACK (RFC 4585 §6.2.1) from a full retransmission buffer, which must name each packet at
 * most once. Only {@link RtpParseException} may leave the parser.
 */
class RtcpFuzzTest {
    private static final int HELD = 512;
    private static final long NOW = 1_000_000_000L;

    @FuzzTest(maxDuration = "5s")
    void compoundPacket(byte[] input) throws Exception {
        InputBudget.within(() -> {
            List<RtcpPacket> packets;
            try {
                packets = RtcpCompound.parse(input, 0, input.length);
            } catch (RtpParseException e) {
                return;
            }
            RetransmissionBuffer sent = null;
            for (RtcpPacket p : packets) {
                byte[] written = p.toBytes();
                if (written.length != p.length()) {
                    throw new AssertionError(p + " wrote " + written.length + " bytes, not " + p.length());
                }
                byte[] rewritten = reparsed(written).toBytes();
                if (!Arrays.equals(written, rewritten)) {
                    throw new AssertionError(p + " does not survive writing and reading: "
                            + HexFormat.of().formatHex(written) + " became " + HexFormat.of().formatHex(rewritten));
                }
                if (p instanceof GenericNack nack) {
                    sent = sent == null ? heldPackets() : sent;
                    answer(sent, nack);
                }
            }
        });
    }

    /** What we wrote, read again: one packet that the parser must take. */
    private static RtcpPacket reparsed(byte[] written) throws RtpParseException {
        List<RtcpPacket> again = RtcpCompound.parse(written, 0, written.length);
        if (again.size() != 1) {
            throw new AssertionError("one packet written, " + again.size() + " read back");
        }
        return again.get(0);
    }

    /** 512 RTP packets with sequence numbers 65,300 onwards (across the wrap). */
    private static RetransmissionBuffer heldPackets() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(HELD, Duration.ofSeconds(1));
        byte[] rtp = new byte[40];
        rtp[0] = (byte) 0x80;
        for (int i = 0; i < HELD; i++) {
            int seq = (65_300 + i) & 0xFFFF;
            rtp[2] = (byte) (seq >>> 8);
            rtp[3] = (byte) seq;
            buffer.handleSent(NOW, rtp, 0, rtp.length);
        }
        return buffer;
    }

    private static void answer(RetransmissionBuffer buffer, GenericNack nack) {
        List<byte[]> resent = buffer.packetsFor(NOW, nack, 0);
        Set<Integer> seen = new HashSet<>();
        for (byte[] packet : resent) {
            int seq = (packet[2] & 0xFF) << 8 | packet[3] & 0xFF;
            if (!seen.add(seq)) {
                throw new AssertionError("NACK " + nack + " resends " + seq + " twice");
            }
        }
        if (resent.size() > 17 * nack.items().size()) {
            throw new AssertionError("NACK of " + nack.items().size() + " items resends " + resent.size());
        }
    }
}
