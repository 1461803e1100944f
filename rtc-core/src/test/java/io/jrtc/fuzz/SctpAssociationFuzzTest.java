package io.jrtc.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.Jazzer;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.sctp.SctpAssociation;
import io.jrtc.sctp.SctpConfig;
import io.jrtc.sctp.SctpState;
import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.Crc32c;
import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.InitAckChunk;
import io.jrtc.sctp.wire.InitChunk;
import io.jrtc.sctp.wire.SackChunk;
import io.jrtc.sctp.wire.SctpPacket;
import io.jrtc.sctp.wire.SctpParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An established SCTP association (RFC 9260, RFC 3758, RFC 6525) fed packets from its peer: chunk bytes as the
 * fuzzer writes them, and DATA, SACK and FORWARD TSN aimed at the live TSNs, with time passing and the user reading
 * or not. The packets carry the right tag and checksum, so they reach the state machine; each also goes through
 * the wire codec, whose output must read back to the same bytes. Nothing may throw (the
 * association counts what it catches as internal errors, which must stay 0), and what it holds for the receiver
 * stays within its window plus one packet, plus the message being reassembled in order.
 */
class SctpAssociationFuzzTest {
    private static final SctpConfig CONFIG = SctpConfig.defaults().withReceiveWindow(8192).withMaxMessageSize(4096)
            .withHeartbeatIntervalNanos(0);
    private static final long HELD_BOUND = CONFIG.receiveWindow() + CONFIG.mtu() + CONFIG.maxMessageSize();
    private static final long MS = 1_000_000L;

    @FuzzTest(maxDuration = "5s")
    void establishedAssociation(FuzzedDataProvider data) throws Exception {
        boolean victimSends = data.consumeBoolean();
        List<Step> steps = new ArrayList<>();
        while (data.remainingBytes() > 0 && steps.size() < 48) {
            steps.add(Step.from(data));
        }
        InputBudget.within(() -> run(victimSends, steps));
    }

    private static void run(boolean victimSends, List<Step> steps) throws SctpParseException {
        Pair pair = new Pair();
        if (victimSends) {
            for (int i = 0; i < 12; i++) {
                pair.victim.send(pair.now, i % 3, 53, new byte[200 + 150 * i], i % 4 == 0, i % 2 == 0 ? 0 : null,
                        null);
            }
            pair.drainVictim(true);
        }
        for (Step step : steps) {
            pair.now += step.advanceNanos;
            if (pair.victim.pollTimeout() <= pair.now) {
                pair.victim.handleTimeout(pair.now);
            }
            byte[] packet = step.packet(pair);
            requireStableEncoding(packet);
            pair.victim.handleReceive(pair.now, packet, 0, packet.length);
            pair.drainVictim(step.userReads);
            long held = pair.victim.receiveBufferedBytes();
            // Coverage alone does not lead towards holding more; this does (each new maximum counts as progress).
            Jazzer.maximize(held, 0, 2 * HELD_BOUND);
            if (held > HELD_BOUND) {
                throw new AssertionError("the association holds " + held + " bytes, bound " + HELD_BOUND);
            }
            if (pair.victim.stats().internalErrors() != 0) {
                throw new AssertionError("packet processing threw: see the log (internal errors)");
            }
        }
        pair.now += 60_000 * MS;
        pair.victim.handleTimeout(pair.now);
        pair.drainVictim(true);
        if (pair.victim.stats().internalErrors() != 0) {
            throw new AssertionError("timers threw after the input: see the log (internal errors)");
        }
    }

    /** The wire codec (sctp.wire): a packet that parses writes out to bytes that parse to the same bytes again. */
    private static void requireStableEncoding(byte[] packet) throws SctpParseException {
        SctpPacket parsed;
        try {
            parsed = SctpPacket.parse(packet, 0, packet.length);
        } catch (SctpParseException e) {
            return;
        }
        byte[] written = parsed.encode();
        byte[] again = SctpPacket.parse(written, 0, written.length).encode();
        if (!Arrays.equals(written, again)) {
            throw new AssertionError("SCTP packet does not survive writing and reading: "
                    + HexFormat.of().formatHex(written) + " became " + HexFormat.of().formatHex(again));
        }
    }

    /** The victim and what the attacker knows after a real handshake: its tag and both initial TSNs. */
    private static final class Pair {
        final SctpAssociation attacker = new SctpAssociation(CONFIG.withRandomSeed(11));
        final SctpAssociation victim = new SctpAssociation(CONFIG.withRandomSeed(12));
        final Crc32c crc = new Crc32c();
        long now = 1_000_000_000L;
        int victimTag;
        long attackerInitialTsn;
        long victimInitialTsn;

        Pair() throws SctpParseException {
            attacker.connect(now);
            for (int round = 0; round < 4; round++) {
                for (byte[] p = attacker.pollTransmit(); p != null; p = attacker.pollTransmit()) {
                    learn(p);
                    victim.handleReceive(now, p, 0, p.length);
                }
                for (byte[] p = victim.pollTransmit(); p != null; p = victim.pollTransmit()) {
                    learn(p);
                    attacker.handleReceive(now, p, 0, p.length);
                }
            }
            if (victim.state() != SctpState.ESTABLISHED) {
                throw new IllegalStateException("handshake failed: " + victim.state());
            }
            drainVictim(true);
        }

        private void learn(byte[] packet) throws SctpParseException {
            for (Chunk c : SctpPacket.parse(packet, 0, packet.length).chunks()) {
                if (c instanceof InitChunk init) {
                    attackerInitialTsn = init.initialTsn() & 0xFFFF_FFFFL;
                } else if (c instanceof InitAckChunk ack) {
                    victimTag = ack.initiateTag();
                    victimInitialTsn = ack.initialTsn() & 0xFFFF_FFFFL;
                }
            }
        }

        void drainVictim(boolean userReads) {
            while (victim.pollTransmit() != null) {
                continue;
            }
            if (userReads) {
                while (victim.pollEvent() != null) {
                    continue;
                }
                while (victim.pollTransmit() != null) {
                    continue;
                }
            }
        }

        byte[] seal(byte[] chunkBytes) {
            byte[] packet = new byte[12 + chunkBytes.length];
            packet[0] = (byte) (5000 >>> 8);
            packet[1] = (byte) 5000;
            packet[2] = (byte) (5000 >>> 8);
            packet[3] = (byte) 5000;
            packet[4] = (byte) (victimTag >>> 24);
            packet[5] = (byte) (victimTag >>> 16);
            packet[6] = (byte) (victimTag >>> 8);
            packet[7] = (byte) victimTag;
            System.arraycopy(chunkBytes, 0, packet, 12, chunkBytes.length);
            crc.seal(packet, 0, packet.length);
            return packet;
        }
    }

    /** One packet from the fuzzer and how much time passes before it. */
    private record Step(int kind, long advanceNanos, boolean userReads, int offset, int stream, int ssn, int flags,
                        int ppid, long window, int payloadLength, byte[] bytes) {

        /** DATA payloads are sized by the input, not made of it, so a small input can fill the window. */
        static Step from(FuzzedDataProvider d) {
            return new Step(d.consumeInt(0, 3), d.consumeLong(0, 3_000) * MS, d.consumeBoolean(),
                    d.consumeInt(-4, 80), d.consumeInt(0, 9), d.consumeInt(0, 9), d.consumeInt(0, 15),
                    d.consumeInt(0, 60), d.consumeLong(0, 1 << 20), d.consumeInt(0, 1100),
                    d.consumeBytes(d.consumeInt(0, 300)));
        }

        private byte[] payload() {
            return Arrays.copyOf(bytes, Math.max(bytes.length, payloadLength));
        }

        byte[] packet(Pair pair) {
            int tsn = (int) (pair.attackerInitialTsn + offset);
            Chunk chunk = switch (kind) {
                case 0 -> null;
                case 1 -> new DataChunk(tsn, stream, ssn, ppid, (flags & 1) != 0, (flags & 2) != 0,
                        (flags & 4) != 0, (flags & 8) != 0, payload());
                case 2 -> new ForwardTsnChunk(tsn, List.of(new ForwardTsnChunk.SkippedStream(stream, ssn)));
                default -> new SackChunk((int) (pair.victimInitialTsn + offset / 4), window, gapBlocks(),
                        new int[0]);
            };
            if (chunk == null) {
                return pair.seal(bytes);
            }
            return new SctpPacket(5000, 5000, pair.victimTag, List.of(chunk)).encode();
        }

        private int[] gapBlocks() {
            int n = Math.min(bytes.length / 2, 8) & ~1;
            int[] gaps = new int[n];
            for (int i = 0; i < n; i++) {
                gaps[i] = bytes[i] & 0x3F;
            }
            return gaps;
        }
    }
}
