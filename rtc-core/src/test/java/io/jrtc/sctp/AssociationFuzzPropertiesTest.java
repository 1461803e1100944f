package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.ReConfigChunk;
import io.jrtc.sctp.wire.ReConfigParameter;
import io.jrtc.sctp.wire.SackChunk;
import io.jrtc.sctp.wire.SctpPacket;
import io.jrtc.sctp.wire.WirePropertiesTest;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Network input never makes an association throw or trip over its own bookkeeping: random bytes, and packets with
 * valid checksums and tags whose chunks carry TSNs and sequence numbers close to the live ones.
 */
class AssociationFuzzPropertiesTest {

    private static final class Pair {
        final SctpAssociation a = new SctpAssociation(SctpConfig.defaults().withRandomSeed(1));
        final SctpAssociation b = new SctpAssociation(SctpConfig.defaults().withRandomSeed(2));
        long now = 1_000_000_000L;

        Pair() {
            a.connect(now);
            pump();
        }

        void pump() {
            for (int round = 0; round < 50; round++) {
                boolean moved = false;
                byte[] p;
                while ((p = a.pollTransmit()) != null) {
                    b.handleReceive(now, p, 0, p.length);
                    moved = true;
                }
                while ((p = b.pollTransmit()) != null) {
                    a.handleReceive(now, p, 0, p.length);
                    moved = true;
                }
                while (a.pollEvent() != null || b.pollEvent() != null) {
                    moved = true;
                }
                if (!moved) {
                    return;
                }
            }
        }

        /** Lets b run its machinery after an input: transmit, events, timers. */
        void exercise(SctpAssociation x, long advance) {
            now += advance;
            if (x.pollTimeout() <= now) {
                x.handleTimeout(now);
            }
            while (x.pollTransmit() != null) {
                continue;
            }
            while (x.pollEvent() != null) {
                continue;
            }
        }
    }

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes, @ForAll boolean sealChecksum) {
        Pair pair = new Pair();
        byte[] packet = bytes.clone();
        if (sealChecksum && packet.length >= 12) {
            new io.jrtc.sctp.wire.Crc32c().seal(packet, 0, packet.length);
        }
        pair.b.handleReceive(pair.now, packet, 0, packet.length);
        new SctpAssociation(SctpConfig.defaults().withRandomSeed(3)).handleReceive(0, packet, 0, packet.length);
        pair.exercise(pair.b, 1_000_000);
        assertThat(pair.b.counters.internalErrors).isZero();
    }

    @Property(tries = 300)
    void plausiblePacketsNeverBreakAnEstablishedAssociation(
            @ForAll @Size(min = 1, max = 6) List<@Size(min = 1, max = 4) List<@From("chunks") Chunk>> packets,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = -4, max = 40) Integer> offsets,
            @ForAll boolean bHasDataInFlight) {
        Pair pair = new Pair();
        assertThat(pair.b.state()).isEqualTo(SctpState.ESTABLISHED);
        if (bHasDataInFlight) {
            for (int i = 0; i < 20; i++) {
                pair.b.send(pair.now, i % 3, 51, new byte[100 + 300 * (i % 5)], i % 4 == 0, i % 2 == 0 ? 0 : null,
                        null);
            }
            while (pair.b.pollTransmit() != null) {
                continue;
            }
        }
        int n = 0;
        for (List<Chunk> chunks : packets) {
            int offset = offsets.get(n++ % offsets.size());
            List<Chunk> aimed = new ArrayList<>();
            for (Chunk c : chunks) {
                aimed.add(aim(c, pair.b, offset));
            }
            byte[] wire = new SctpPacket(5000, 5000, pair.b.localTag, aimed).encode();
            pair.b.handleReceive(pair.now, wire, 0, wire.length);
            pair.exercise(pair.b, 50_000_000L * (offset & 7));
            assertThat(pair.b.counters.internalErrors).isZero();
        }
        pair.exercise(pair.b, 5_000_000_000L);
        assertThat(pair.b.counters.internalErrors).isZero();
    }

    /** Moves TSNs and sequence numbers next to the association's live ones so the chunks reach deep code. */
    private static Chunk aim(Chunk c, SctpAssociation target, int offset) {
        long cum = target.receiverCumulativeTsn();
        if (c instanceof DataChunk d) {
            return new DataChunk((int) (cum + offset), d.streamId() % 8, d.ssn() % 4, d.ppid(), d.unordered(),
                    d.beginning(), d.ending(), d.immediateAck(), d.payload());
        }
        if (c instanceof SackChunk s) {
            return new SackChunk((int) (target.senderCumulativeAck() + offset / 4), s.advertisedReceiverWindowCredit(),
                    s.gapAckBlocks(), s.duplicateTsns());
        }
        if (c instanceof ForwardTsnChunk f) {
            return new ForwardTsnChunk((int) (cum + offset), f.skippedStreams().stream()
                    .map(s -> new ForwardTsnChunk.SkippedStream(s.streamId() % 8, s.ssn() % 4)).toList());
        }
        if (c instanceof ReConfigChunk r) {
            List<ReConfigParameter> params = new ArrayList<>();
            for (ReConfigParameter p : r.parameters()) {
                if (p instanceof ReConfigParameter.OutgoingSsnResetRequest q) {
                    params.add(new ReConfigParameter.OutgoingSsnResetRequest(q.requestSequenceNumber() & 3,
                            q.responseSequenceNumber(), (int) (cum + offset), q.streamIds()));
                } else {
                    params.add(p);
                }
            }
            return new ReConfigChunk(params);
        }
        return c;
    }

    @Provide
    Arbitrary<Chunk> chunks() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, WirePropertiesTest.chunks().filter(c -> c instanceof DataChunk)),
                net.jqwik.api.Tuple.of(3, WirePropertiesTest.chunks().filter(c -> c instanceof SackChunk)),
                net.jqwik.api.Tuple.of(4, WirePropertiesTest.chunks()));
    }
}
