package io.jrtc.rtp;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random RTCP packets of every modelled type, with field values across their whole wire ranges. */
final class RtcpArbitraries {
    private RtcpArbitraries() {
    }

    static Arbitrary<RtcpPacket> packets() {
        return Arbitraries.oneOf(senderReports(), receiverReports(), sourceDescriptions(), goodbyes(), apps(),
                nacks(), plis(), firs(), rembs(), transportWideFeedback(), unknown());
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.integers();
    }

    private static Arbitrary<byte[]> words(int maxWords) {
        return Arbitraries.integers().between(0, maxWords).flatMap(n ->
                Arbitraries.bytes().array(byte[].class).ofSize(4 * n));
    }

    private static Arbitrary<List<ReportBlock>> reportBlocks() {
        return Combinators.combine(ints(), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1), ints(), ints(), ints(), ints())
                .as(ReportBlock::new).list().ofMaxSize(3);
    }

    private static Arbitrary<RtcpPacket> senderReports() {
        return Combinators.combine(ints(), Arbitraries.longs(), ints(), ints(), ints(), reportBlocks(), words(2))
                .as(SenderReport::new);
    }

    private static Arbitrary<RtcpPacket> receiverReports() {
        return Combinators.combine(ints(), reportBlocks(), words(2)).as(ReceiverReport::new);
    }

    private static Arbitrary<RtcpPacket> sourceDescriptions() {
        Arbitrary<SdesItem> item = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12)).as(SdesItem::new);
        Arbitrary<SdesChunk> chunk = Combinators.combine(ints(), item.list().ofMaxSize(3)).as(SdesChunk::new);
        return chunk.list().ofMaxSize(3).map(SourceDescription::new);
    }

    private static Arbitrary<RtcpPacket> goodbyes() {
        return Combinators.combine(ints().array(int[].class).ofMaxSize(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(10).injectNull(0.3)).as(Goodbye::new);
    }

    private static Arbitrary<RtcpPacket> apps() {
        return Combinators.combine(Arbitraries.integers().between(0, 31), ints(), ints(), words(3))
                .as(ApplicationDefined::new);
    }

    private static Arbitrary<RtcpPacket> nacks() {
        Arbitrary<GenericNack.Item> item = Combinators.combine(Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(0, 65535)).as(GenericNack.Item::new);
        return Combinators.combine(ints(), ints(), item.list().ofMinSize(1).ofMaxSize(4)).as(GenericNack::new);
    }

    private static Arbitrary<RtcpPacket> plis() {
        return Combinators.combine(ints(), ints()).as(PictureLossIndication::new);
    }

    private static Arbitrary<RtcpPacket> firs() {
        Arbitrary<FullIntraRequest.Entry> entry = Combinators.combine(ints(), Arbitraries.integers().between(0, 255))
                .as(FullIntraRequest.Entry::new);
        return Combinators.combine(ints(), ints(), entry.list().ofMinSize(1).ofMaxSize(3)).as(FullIntraRequest::new);
    }

    private static Arbitrary<RtcpPacket> rembs() {
        return Combinators.combine(ints(), ints(), Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(0, (1 << 18) - 1), ints().array(int[].class).ofMaxSize(4))
                .as(ReceiverEstimatedMaxBitrate::new);
    }

    /** Deltas mix missing packets, small and large (also negative) deltas, and long runs of each. */
    static Arbitrary<RtcpPacket> transportWideFeedback() {
        Arbitrary<Integer> delta = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(TransportWideFeedback.MISSING)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 255)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)));
        Arbitrary<int[]> runs = Combinators.combine(delta, Arbitraries.integers().between(1, 30)).as((d, n) -> {
            int[] run = new int[n];
            java.util.Arrays.fill(run, d);
            return run;
        }).list().ofMaxSize(6).map(list -> list.stream().flatMapToInt(java.util.Arrays::stream).toArray());
        Arbitrary<int[]> deltas = Arbitraries.oneOf(delta.array(int[].class).ofMaxSize(60), runs);
        return Combinators.combine(ints(), ints(), Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1), Arbitraries.integers().between(0, 255),
                deltas).as(TransportWideFeedback::fromDeltas);
    }

    private static Arbitrary<RtcpPacket> unknown() {
        Arbitrary<Integer> type = Arbitraries.oneOf(Arbitraries.integers().between(0, 199),
                Arbitraries.integers().between(207, 255));
        return Combinators.combine(Arbitraries.integers().between(0, 31), type,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20)).as(UnknownRtcpPacket::new);
    }
}
