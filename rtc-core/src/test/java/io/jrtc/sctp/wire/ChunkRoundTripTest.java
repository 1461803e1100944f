package io.jrtc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every chunk type: a byte literal parses to the expected fields and encodes back to the same bytes. */
class ChunkRoundTripTest {

    private static <T extends Chunk> T roundTrip(String hex, Class<T> type) throws SctpParseException {
        byte[] wire = Hex.bytes(hex);
        Chunk parsed = Hex.chunk(wire);
        assertThat(parsed).isInstanceOf(type);
        assertThat(parsed.length()).isEqualTo(wire.length);
        assertThat(Hex.of(parsed.toBytes())).isEqualTo(Hex.of(wire));
        return type.cast(parsed);
    }

    @Test
    void data() throws Exception {
        DataChunk d = roundTrip("00 03 0013 | 0000002a | 0005 | 0007 | 00000033 | 686921", DataChunk.class);
        assertThat(d.tsn()).isEqualTo(42);
        assertThat(d.streamId()).isEqualTo(5);
        assertThat(d.ssn()).isEqualTo(7);
        assertThat(d.ppid()).isEqualTo(51);
        assertThat(d.beginning()).isTrue();
        assertThat(d.ending()).isTrue();
        assertThat(d.unordered()).isFalse();
        assertThat(d.immediateAck()).isFalse();
        assertThat(new String(d.payload(), StandardCharsets.US_ASCII)).isEqualTo("hi!");
        DataChunk flags = roundTrip("00 0c 0011 | ffffffff | ffff | ffff | ffffffff | 00", DataChunk.class);
        assertThat(flags.unordered()).isTrue();
        assertThat(flags.immediateAck()).isTrue();
        assertThat(flags.beginning() || flags.ending()).isFalse();
        assertThat(flags.tsn()).isEqualTo(-1);
        assertThat(flags.streamId()).isEqualTo(65535);
    }

    @Test
    void init() throws Exception {
        InitChunk i = roundTrip("01 00 001e | 11223344 | 00100000 | ffff | 0400 | 01020304 | c000 0004 | 8008 0006 c082",
                InitChunk.class);
        assertThat(i.initiateTag()).isEqualTo(0x11223344);
        assertThat(i.advertisedReceiverWindowCredit()).isEqualTo(1 << 20);
        assertThat(i.outboundStreams()).isEqualTo(65535);
        assertThat(i.inboundStreams()).isEqualTo(1024);
        assertThat(i.initialTsn()).isEqualTo(0x01020304);
        assertThat(i.parameters()).extracting(Parameter::type)
                .containsExactly(Parameter.FORWARD_TSN_SUPPORTED, Parameter.SUPPORTED_EXTENSIONS);
        assertThat(Parameter.supportsExtension(i.parameters(), ChunkType.RE_CONFIG)).isTrue();
        assertThat(Parameter.supportsExtension(i.parameters(), ChunkType.FORWARD_TSN)).isTrue();
        assertThat(Parameter.supportsExtension(i.parameters(), ChunkType.SACK)).isFalse();
    }

    @Test
    void initWithPaddedMiddleParameter() throws Exception {
        InitChunk i = roundTrip("01 00 0028 | 11223344 | 00100000 | 0001 | 0001 | 00000000 | 8008 0005 c0000000 | "
                + "c000 0004 | 0009 0008 00000001", InitChunk.class);
        assertThat(i.parameters()).hasSize(3);
        assertThat(i.parameters().get(0).value()).containsExactly(0xC0);
    }

    @Test
    void initAck() throws Exception {
        InitAckChunk i = roundTrip("02 00 0020 | 55667788 | 00400000 | 0010 | 0020 | fffffffe | 0007 0008 deadbeef | "
                + "c000 0004", InitAckChunk.class);
        assertThat(i.initiateTag()).isEqualTo(0x55667788);
        assertThat(i.outboundStreams()).isEqualTo(16);
        assertThat(i.inboundStreams()).isEqualTo(32);
        assertThat(i.initialTsn()).isEqualTo(-2);
        assertThat(Parameter.find(i.parameters(), Parameter.STATE_COOKIE).value())
                .isEqualTo(Hex.bytes("deadbeef"));
    }

    @Test
    void sack() throws Exception {
        SackChunk s = roundTrip("03 00 001c | 00000064 | 00010000 | 0002 | 0001 | 0002 0003 | 0005 0005 | 00000063",
                SackChunk.class);
        assertThat(s.cumulativeTsnAck()).isEqualTo(100);
        assertThat(s.advertisedReceiverWindowCredit()).isEqualTo(65536);
        assertThat(s.gapAckBlockCount()).isEqualTo(2);
        assertThat(s.gapStart(0)).isEqualTo(2);
        assertThat(s.gapEnd(0)).isEqualTo(3);
        assertThat(s.gapStart(1)).isEqualTo(5);
        assertThat(s.gapEnd(1)).isEqualTo(5);
        assertThat(s.duplicateTsns()).containsExactly(99);
    }

    @Test
    void heartbeatAndAck() throws Exception {
        HeartbeatChunk h = roundTrip("04 00 000c | 0001 0008 | 01020304", HeartbeatChunk.class);
        assertThat(h.info()).isEqualTo(Hex.bytes("01020304"));
        HeartbeatAckChunk a = roundTrip("05 00 000c | 0001 0008 | 01020304", HeartbeatAckChunk.class);
        assertThat(a.info()).isEqualTo(h.info());
        assertThatThrownBy(() -> Hex.chunk(Hex.bytes("04 00 000c | 0002 0008 | 01020304")))
                .isInstanceOf(SctpParseException.class);
    }

    @Test
    void abort() throws Exception {
        AbortChunk a = roundTrip("06 01 000b | 000c 0007 627965", AbortChunk.class);
        assertThat(a.reflectedTag()).isTrue();
        assertThat(a.causes()).singleElement().satisfies(c -> assertThat(c.code())
                .isEqualTo(ErrorCause.USER_INITIATED_ABORT));
        assertThat(a.describe()).isEqualTo("bye");
        assertThat(roundTrip("06 00 0004", AbortChunk.class).causes()).isEmpty();
    }

    @Test
    void shutdownFamily() throws Exception {
        assertThat(roundTrip("07 00 0008 | 00000064", ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(100);
        roundTrip("08 00 0004", ShutdownAckChunk.class);
        assertThat(roundTrip("0e 01 0004", ShutdownCompleteChunk.class).reflectedTag()).isTrue();
        assertThat(roundTrip("0e 00 0004", ShutdownCompleteChunk.class).reflectedTag()).isFalse();
    }

    @Test
    void error() throws Exception {
        ErrorChunk e = roundTrip("09 00 0014 | 0001 0008 0005 0000 | 0009 0008 0000002a", ErrorChunk.class);
        assertThat(e.causes()).extracting(ErrorCause::code)
                .containsExactly(ErrorCause.INVALID_STREAM_IDENTIFIER, ErrorCause.NO_USER_DATA);
        assertThat(Hex.of(ErrorCause.invalidStreamIdentifier(5).info())).isEqualTo("00050000");
    }

    @Test
    void cookieEchoAndAck() throws Exception {
        assertThat(roundTrip("0a 00 0008 | cafebabe", CookieEchoChunk.class).cookie())
                .isEqualTo(Hex.bytes("cafebabe"));
        roundTrip("0b 00 0004", CookieAckChunk.class);
    }

    @Test
    void forwardTsn() throws Exception {
        ForwardTsnChunk f = roundTrip("c0 00 0010 | 00000064 | 0001 0005 | 0002 0007", ForwardTsnChunk.class);
        assertThat(f.newCumulativeTsn()).isEqualTo(100);
        assertThat(f.skippedStreams()).containsExactly(new ForwardTsnChunk.SkippedStream(1, 5),
                new ForwardTsnChunk.SkippedStream(2, 7));
        assertThatThrownBy(() -> Hex.chunk(Hex.bytes("c0 00 000a | 00000064 | 0001")))
                .isInstanceOf(SctpParseException.class);
    }

    @Test
    void reConfig() throws Exception {
        ReConfigChunk r = roundTrip("82 00 0024 | 000d 0014 00000001 00000000 00000063 0001 0002 | "
                + "0010 000c 00000009 00000001", ReConfigChunk.class);
        assertThat(r.parameters()).hasSize(2);
        var request = (ReConfigParameter.OutgoingSsnResetRequest) r.parameters().get(0);
        assertThat(request.requestSequenceNumber()).isEqualTo(1);
        assertThat(request.senderLastAssignedTsn()).isEqualTo(0x63);
        assertThat(request.streamIds()).containsExactly(1, 2);
        var response = (ReConfigParameter.ReconfigurationResponse) r.parameters().get(1);
        assertThat(response.responseSequenceNumber()).isEqualTo(9);
        assertThat(response.result()).isEqualTo(ReConfigParameter.RESULT_SUCCESS_PERFORMED);
        ReConfigChunk odd = roundTrip("82 00 0016 | 000d 0012 00000001 00000000 00000063 0003", ReConfigChunk.class);
        assertThat(((ReConfigParameter.OutgoingSsnResetRequest) odd.parameters().get(0)).streamIds())
                .containsExactly(3);
        ReConfigChunk incoming = roundTrip("82 00 000e | 000e 000a 00000005 0004", ReConfigChunk.class);
        assertThat(incoming.parameters().get(0)).isInstanceOf(ReConfigParameter.IncomingSsnResetRequest.class);
        ReConfigChunk other = roundTrip("82 00 0010 | 0011 000c 00000007 00010000", ReConfigChunk.class);
        assertThat(other.parameters().get(0)).isInstanceOf(ReConfigParameter.Other.class);
        ReConfigChunk withTsns = roundTrip("82 00 0018 | 0010 0014 00000009 00000001 00000010 00000020",
                ReConfigChunk.class);
        assertThat(((ReConfigParameter.ReconfigurationResponse) withTsns.parameters().get(0)).hasNextTsns()).isTrue();
    }

    @Test
    void unknown() throws Exception {
        UnknownChunk u = roundTrip("ff 05 0006 | abcd", UnknownChunk.class);
        assertThat(u.type()).isEqualTo(0xFF);
        assertThat(u.flags()).isEqualTo(5);
        assertThat(ChunkType.UnrecognizedAction.of(u.type())).isEqualTo(ChunkType.UnrecognizedAction.SKIP_AND_REPORT);
        assertThat(ChunkType.UnrecognizedAction.of(0x3F)).isEqualTo(ChunkType.UnrecognizedAction.STOP);
        assertThat(ChunkType.UnrecognizedAction.of(0x40)).isEqualTo(ChunkType.UnrecognizedAction.STOP_AND_REPORT);
        assertThat(ChunkType.UnrecognizedAction.of(0x84)).isEqualTo(ChunkType.UnrecognizedAction.SKIP);
    }

    @Test
    void malformedLengthsAreRejected() {
        assertThatThrownBy(() -> Hex.chunk(Hex.bytes("00 03 0010 | 0000002a | 0005 | 0007")))
                .isInstanceOf(SctpParseException.class);
        assertThatThrownBy(() -> Hex.chunk(Hex.bytes("03 00 0014 | 00000064 | 00010000 | 0002 | 0000 | 00020003")))
                .isInstanceOf(SctpParseException.class);
        assertThatThrownBy(() -> Hex.chunk(Hex.bytes("01 00 0018 | 11223344 | 00100000 | ffff | 0400 | 01020304 | "
                + "c000 0008"))).isInstanceOf(SctpParseException.class);
    }
}
