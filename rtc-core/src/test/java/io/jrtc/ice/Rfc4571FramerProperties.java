package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** RFC 4571 §2 framing: packets come out whole and in order however the stream is cut, and nothing else does. */
class Rfc4571FramerProperties {

    @Property(tries = 300)
    void packetsSurviveAnyCutOfTheStream(@ForAll @Size(max = 20) List<@Size(max = 1500) byte[]> packets,
            @ForAll @IntRange(min = 1, max = 700) int chunk) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            stream.writeBytes(Rfc4571Framer.frame(p, 0, p.length));
        }
        byte[] bytes = stream.toByteArray();
        Rfc4571Framer framer = new Rfc4571Framer();
        List<byte[]> out = new ArrayList<>();

        for (int at = 0; at < bytes.length; at += chunk) {
            framer.feed(bytes, at, Math.min(chunk, bytes.length - at));
            for (byte[] p = framer.next(); p != null; p = framer.next()) {
                out.add(p);
            }
        }

        assertThat(out).hasSameSizeAs(packets);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).containsExactly(packets.get(i));
        }
        assertThat(framer.buffered()).isZero();
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAndYieldAtMostTheirLength(@ForAll @Size(max = 3000) byte[] noise) {
        Rfc4571Framer framer = new Rfc4571Framer();
        framer.feed(noise, 0, noise.length);
        int consumed = 0;
        for (byte[] p = framer.next(); p != null; p = framer.next()) {
            consumed += 2 + p.length;
        }
        assertThat(consumed + framer.buffered()).isEqualTo(noise.length);
    }

    @Property(tries = 50)
    void theLargestPacketFitsAndOneMoreDoesNot(@ForAll @IntRange(min = 65535, max = 65540) int length) {
        byte[] packet = new byte[length];
        if (length <= Rfc4571Framer.MAX_PACKET) {
            byte[] framed = Rfc4571Framer.frame(packet, 0, length);
            assertThat(framed).hasSize(length + 2);
            assertThat(framed[0]).isEqualTo((byte) 0xFF);
        } else {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> Rfc4571Framer.frame(packet, 0, length));
        }
    }
}
