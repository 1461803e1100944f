package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.DataAttribute;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any split of a valid stream yields the same frames; garbage throws nothing but TurnParseException. */
class StreamFramerProperties {
    @Property(tries = 300)
    void anySplitOfAValidStreamYieldsTheSameFrames(@ForAll("frames") List<byte[]> frames,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 300) Integer> chunkSizes) throws Exception {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (byte[] frame : frames) {
            stream.writeBytes(StreamFramer.toStream(frame));
        }
        byte[] bytes = stream.toByteArray();
        StreamFramer framer = new StreamFramer();
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (at < bytes.length) {
            int size = chunkSizes.isEmpty() ? bytes.length : chunkSizes.get(i++ % chunkSizes.size());
            int n = Math.min(size, bytes.length - at);
            framer.feed(bytes, at, n);
            at += n;
            for (byte[] f = framer.next(); f != null; f = framer.next()) {
                out.add(f);
            }
        }
        assertThat(out).containsExactlyElementsOf(frames);
        assertThat(framer.buffered()).isZero();
    }

    @Property(tries = 800)
    void garbageThrowsOnlyParseExceptionAndNeverYieldsMoreThanWasFed(@ForAll @Size(max = 200) byte[] garbage,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        StreamFramer framer = new StreamFramer();
        long yielded = 0;
        try {
            for (int at = 0; at < garbage.length; at += chunk) {
                framer.feed(garbage, at, Math.min(chunk, garbage.length - at));
                for (byte[] f = framer.next(); f != null; f = framer.next()) {
                    yielded += f.length;
                }
            }
        } catch (TurnParseException expected) {
            assertThat(framer.isDesynchronised()).isTrue();
        }
        assertThat(yielded + framer.buffered()).isLessThanOrEqualTo(garbage.length);
    }

    @Provide
    Arbitrary<List<byte[]>> frames() {
        Arbitrary<byte[]> channelData = Combinators.combine(
                Arbitraries.integers().between(ChannelData.MIN_CHANNEL, ChannelData.MAX_CHANNEL),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120))
                .as((channel, data) -> new ChannelData(channel, data).encode());
        Arbitrary<byte[]> stun = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(StunMessage.TRANSACTION_ID_LENGTH),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120))
                .as((tid, data) -> new StunMessage(StunMethod.SEND, StunClass.INDICATION, tid,
                        List.of(new DataAttribute(data))).encode());
        return Arbitraries.oneOf(channelData, stun).list().ofMaxSize(8);
    }
}
