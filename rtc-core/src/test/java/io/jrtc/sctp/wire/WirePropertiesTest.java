package io.jrtc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Parsers throw nothing but {@link SctpParseException}, whatever the input; codecs round-trip. */
public class WirePropertiesTest {

    static final List<byte[]> VALID_PACKETS = List.of(
            Hex.bytes("13881388 11223344 746d95bb 03000010 00000064 00010000 00000000 00030013 00000065 00000000"
                    + "00000033 68692100"),
            new SctpPacket(5000, 5000, 0, List.of(new InitChunk(7, 1 << 20, 10, 10, 99,
                    List.of(Parameter.forwardTsnSupported(), Parameter.supportedExtensions(0xC0, 0x82))))).encode(),
            new SctpPacket(5000, 5000, 9, List.of(new ForwardTsnChunk(5, List.of(new ForwardTsnChunk.SkippedStream(
                    1, 2))), new ReConfigChunk(List.of(new ReConfigParameter.OutgoingSsnResetRequest(1, 2, 3,
                    new int[] {4, 5}))), new AbortChunk(false, List.of(ErrorCause.userInitiatedAbort("x"))),
                    new HeartbeatChunk(new byte[] {1, 2, 3}), new ErrorChunk(List.of(ErrorCause.noUserData(3))))).encode());

    @Property(tries = 1000)
    void randomBytesOnlyEverFailWithParseException(@ForAll @Size(max = 400) byte[] bytes) {
        try {
            SctpPacket.parse(bytes, 0, bytes.length);
        } catch (SctpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 1000)
    void randomChunkValuesOnlyEverFailWithParseException(@ForAll @IntRange(max = 255) int type,
                                                         @ForAll @IntRange(max = 255) int flags,
                                                         @ForAll @Size(max = 80) byte[] value) {
        try {
            SctpPacket.parseChunk(type, flags, value, 0, value.length);
        } catch (SctpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 500)
    void truncatedOrCorruptedValidPacketsOnlyFailWithParseException(@ForAll @IntRange(max = 2) int which,
                                                                    @ForAll @IntRange(max = 200) int cut,
                                                                    @ForAll @IntRange(max = 1600) int flipBit) {
        byte[] packet = VALID_PACKETS.get(which).clone();
        if (flipBit / 8 < packet.length) {
            packet[flipBit / 8] ^= (byte) (1 << (flipBit % 8));
        }
        int len = Math.min(cut, packet.length);
        try {
            SctpPacket.parse(packet, 0, len);
        } catch (SctpParseException expected) {
            // the one acceptable failure
        }
    }

    @Property(tries = 500)
    void generatedChunksRoundTrip(@ForAll("chunks") Chunk chunk) throws SctpParseException {
        byte[] wire = chunk.toBytes();
        Chunk parsed = Hex.chunk(wire);
        assertThat(parsed.getClass()).isEqualTo(chunk.getClass());
        assertThat(Hex.of(parsed.toBytes())).isEqualTo(Hex.of(wire));
    }

    @Property(tries = 300)
    void packetsOfGeneratedChunksRoundTrip(@ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("chunks") Chunk>
                                                   chunks, @ForAll int tag) throws SctpParseException {
        SctpPacket packet = new SctpPacket(5000, 5001, tag, chunks);
        byte[] wire = packet.encode();
        assertThat(new Crc32c().verify(wire, 0, wire.length)).isTrue();
        SctpPacket parsed = SctpPacket.parse(wire, 0, wire.length);
        assertThat(parsed.verificationTag()).isEqualTo(tag);
        assertThat(Hex.of(parsed.encode())).isEqualTo(Hex.of(wire));
    }

    /** Any chunk type with arbitrary field values; also used by the association fuzz tests. */
    @Provide
    public static Arbitrary<Chunk> chunks() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 65535);
        Arbitrary<Integer> any = Arbitraries.integers();
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<Chunk> data = Combinators.combine(any, u16, u16, any, Arbitraries.integers().between(0, 15),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(60)).as((tsn, stream, ssn, ppid, f, p) ->
                new DataChunk(tsn, stream, ssn, ppid, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0, (f & 8) != 0, p));
        Arbitrary<Chunk> sack = Combinators.combine(any, Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                u16.array(int[].class).ofMaxSize(5), any.array(int[].class).ofMaxSize(4)).as((cum, rwnd, g, d) -> {
                    int[] gaps = new int[2 * g.length];
                    for (int i = 0; i < g.length; i++) {
                        gaps[2 * i] = g[i];
                        gaps[2 * i + 1] = g[i];
                    }
                    return new SackChunk(cum, rwnd, gaps, d);
                });
        Arbitrary<Parameter> param = Combinators.combine(u16, small).as(Parameter::new);
        Arbitrary<Chunk> init = Combinators.combine(any, Arbitraries.longs().between(0, 0xFFFF_FFFFL), u16, u16, any,
                param.list().ofMaxSize(4)).as((tag, rwnd, os, is, tsn, params) ->
                new InitChunk(tag, rwnd, os, is, tsn, params));
        Arbitrary<Chunk> initAck = Combinators.combine(any, Arbitraries.longs().between(0, 0xFFFF_FFFFL), u16, u16,
                any, param.list().ofMaxSize(4)).as((tag, rwnd, os, is, tsn, params) ->
                new InitAckChunk(tag, rwnd, os, is, tsn, params));
        Arbitrary<ErrorCause> cause = Combinators.combine(u16, small).as(ErrorCause::new);
        Arbitrary<Chunk> forward = Combinators.combine(any, Combinators.combine(u16, u16)
                .as(ForwardTsnChunk.SkippedStream::new).list().ofMaxSize(5)).as(ForwardTsnChunk::new);
        Arbitrary<ReConfigParameter> reconfigParam = Arbitraries.oneOf(
                Combinators.combine(any, any, any, u16.array(int[].class).ofMaxSize(5))
                        .as(ReConfigParameter.OutgoingSsnResetRequest::new),
                Combinators.combine(any, u16.array(int[].class).ofMaxSize(5))
                        .as(ReConfigParameter.IncomingSsnResetRequest::new),
                Combinators.combine(any, Arbitraries.integers().between(0, 6))
                        .as(ReConfigParameter.ReconfigurationResponse::new));
        Arbitrary<Chunk> reconfig = reconfigParam.list().ofMinSize(1).ofMaxSize(2).map(ReConfigChunk::new);
        Arbitrary<Chunk> unknown = Combinators.combine(Arbitraries.of(0x40, 0x84, 0xC1, 0xFF, 12, 13, 64),
                Arbitraries.integers().between(0, 255), small).as(UnknownChunk::new);
        return Arbitraries.oneOf(List.of(data, sack, init, initAck, forward, reconfig, unknown,
                small.map(HeartbeatChunk::new), small.map(HeartbeatAckChunk::new), small.map(CookieEchoChunk::new),
                any.map(ShutdownChunk::new), cause.list().ofMaxSize(3).map(ErrorChunk::new),
                Combinators.combine(Arbitraries.of(true, false), cause.list().ofMaxSize(3)).as(AbortChunk::new),
                Arbitraries.just(new ShutdownAckChunk()), Arbitraries.just(new CookieAckChunk()),
                Arbitraries.of(true, false).map(ShutdownCompleteChunk::new)));
    }
}
