package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sctp.wire.AbortChunk;
import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ErrorCause;
import io.jrtc.sctp.wire.ErrorChunk;
import io.jrtc.sctp.wire.HeartbeatAckChunk;
import io.jrtc.sctp.wire.HeartbeatChunk;
import io.jrtc.sctp.wire.SackChunk;
import io.jrtc.sctp.wire.SctpPacket;
import io.jrtc.sctp.wire.SctpParseException;
import io.jrtc.sctp.wire.UnknownChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made packets against an established association: RFC 9260 §3.2, §6.5, §8.5 and heartbeat answers. */
class ChunkHandlingTest {
    private final SctpAssociation a = new SctpAssociation(SctpConfig.defaults().withRandomSeed(1));
    private final SctpAssociation b = new SctpAssociation(SctpConfig.defaults().withStreams(4, 4).withRandomSeed(2));
    private final long now = 1_000_000_000L;

    ChunkHandlingTest() {
        a.connect(now);
        for (int i = 0; i < 10; i++) {
            byte[] p;
            while ((p = a.pollTransmit()) != null) {
                b.handleReceive(now, p, 0, p.length);
            }
            while ((p = b.pollTransmit()) != null) {
                a.handleReceive(now, p, 0, p.length);
            }
        }
        assertThat(b.state()).isEqualTo(SctpState.ESTABLISHED);
        while (b.pollEvent() != null) {
            continue;
        }
    }

    private void toB(int tag, Chunk... chunks) {
        byte[] wire = new SctpPacket(5000, 5000, tag, List.of(chunks)).encode();
        b.handleReceive(now, wire, 0, wire.length);
    }

    private DataChunk nextData(int stream, byte[] payload) {
        return new DataChunk((int) (b.receiverCumulativeTsn() + 1), stream, 0, 51, false, true, true, true, payload);
    }

    private List<Chunk> fromB() throws SctpParseException {
        List<Chunk> out = new ArrayList<>();
        byte[] p;
        while ((p = b.pollTransmit()) != null) {
            out.addAll(SctpPacket.parse(p, 0, p.length).chunks());
        }
        return out;
    }

    private List<SctpEvent> eventsOfB() {
        List<SctpEvent> out = new ArrayList<>();
        SctpEvent e;
        while ((e = b.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }

    @Test
    void unknownChunkMarkedSkipAndReportIsReportedAndTheRestOfThePacketProcessed() throws Exception {
        toB(b.localTag, new UnknownChunk(0xC5, 0, new byte[] {1, 2, 3}), nextData(1, new byte[] {9}));
        assertThat(eventsOfB()).hasAtLeastOneElementOfType(SctpEvent.MessageReceived.class);
        assertThat(fromB()).filteredOn(ErrorChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((ErrorChunk) c).causes().get(0).code())
                        .isEqualTo(ErrorCause.UNRECOGNIZED_CHUNK_TYPE));
    }

    @Test
    void unknownChunkMarkedSkipIsIgnoredSilently() throws Exception {
        toB(b.localTag, new UnknownChunk(0x84, 0, new byte[0]), nextData(1, new byte[] {9}));
        assertThat(eventsOfB()).hasAtLeastOneElementOfType(SctpEvent.MessageReceived.class);
        assertThat(fromB()).noneMatch(ErrorChunk.class::isInstance);
    }

    @Test
    void unknownChunkMarkedStopEndsPacketProcessing() throws Exception {
        toB(b.localTag, new UnknownChunk(0x3E, 0, new byte[0]), nextData(1, new byte[] {9}));
        assertThat(eventsOfB()).isEmpty();
        assertThat(fromB()).noneMatch(ErrorChunk.class::isInstance);
        toB(b.localTag, new UnknownChunk(0x7E, 0, new byte[0]), nextData(1, new byte[] {9}));
        assertThat(eventsOfB()).isEmpty();
        assertThat(fromB()).anyMatch(ErrorChunk.class::isInstance);
    }

    @Test
    void wrongTagOrChecksumIsDroppedAndCounted() {
        long dropped = b.stats().packetsDropped();
        toB(b.localTag + 1, nextData(1, new byte[] {9}));
        byte[] corrupt = new SctpPacket(5000, 5000, b.localTag, List.of(nextData(1, new byte[] {9}))).encode();
        corrupt[corrupt.length - 1] ^= 1;
        b.handleReceive(now, corrupt, 0, corrupt.length);
        b.handleReceive(now, new byte[5], 0, 5);
        assertThat(eventsOfB()).isEmpty();
        assertThat(b.stats().packetsDropped()).isEqualTo(dropped + 3);
    }

    @Test
    void heartbeatIsAnsweredWithItsOwnInfo() throws Exception {
        byte[] info = {7, 7, 7, 1, 2};
        toB(b.localTag, new HeartbeatChunk(info));
        assertThat(fromB()).filteredOn(HeartbeatAckChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((HeartbeatAckChunk) c).info()).isEqualTo(info));
    }

    @Test
    void dataOnAStreamBeyondTheNegotiatedCountIsAcknowledgedAndReported() throws Exception {
        long cum = b.receiverCumulativeTsn();
        toB(b.localTag, nextData(10, new byte[] {9}));
        assertThat(eventsOfB()).isEmpty();
        List<Chunk> answer = fromB();
        assertThat(answer).filteredOn(SackChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((SackChunk) c).cumulativeTsnAck()).isEqualTo((int) (cum + 1)));
        assertThat(answer).filteredOn(ErrorChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((ErrorChunk) c).causes().get(0).code())
                        .isEqualTo(ErrorCause.INVALID_STREAM_IDENTIFIER));
    }

    @Test
    void dataWithoutUserDataAbortsTheAssociation() throws Exception {
        toB(b.localTag, nextData(1, new byte[0]));
        assertThat(fromB()).filteredOn(AbortChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((AbortChunk) c).causes().get(0).code())
                        .isEqualTo(ErrorCause.NO_USER_DATA));
        assertThat(eventsOfB()).hasAtLeastOneElementOfType(SctpEvent.Aborted.class);
        assertThat(b.state()).isEqualTo(SctpState.CLOSED);
    }

    @Test
    void abortWithAForeignTagIsIgnored() {
        toB(b.localTag + 1, new AbortChunk(false, List.of()));
        toB(b.localTag, new AbortChunk(true, List.of()));
        assertThat(b.state()).isEqualTo(SctpState.ESTABLISHED);
        toB(b.localTag, new AbortChunk(false, List.of(ErrorCause.userInitiatedAbort("bye"))));
        assertThat(b.state()).isEqualTo(SctpState.CLOSED);
        assertThat(eventsOfB()).containsExactly(new SctpEvent.Aborted("bye"));
    }

    @Test
    void duplicateDataIsReportedInTheNextSack() throws Exception {
        DataChunk d = nextData(1, new byte[] {9});
        toB(b.localTag, d);
        fromB();
        toB(b.localTag, d);
        assertThat(fromB()).filteredOn(SackChunk.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((SackChunk) c).duplicateTsns()).containsExactly(d.tsn()));
        assertThat(b.stats().duplicateTsns()).isEqualTo(1);
    }
}
