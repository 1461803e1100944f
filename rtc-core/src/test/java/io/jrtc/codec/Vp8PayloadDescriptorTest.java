package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Byte layouts of the VP8 payload descriptor, RFC 7741 §4.2. */
class Vp8PayloadDescriptorTest {
    private static final int ABSENT = Vp8PayloadDescriptor.ABSENT;

    @Test
    void basicDescriptorIsOneByte() throws Exception {
        // X=0 R=0 N=1 S=1 R=0 PID=011
        byte[] bytes = {0x33};
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(bytes, 0, 1);
        assertThat(d).isEqualTo(new Vp8PayloadDescriptor(true, true, 3, ABSENT, false, ABSENT, ABSENT, false,
                ABSENT));
        assertThat(d.length()).isEqualTo(1);
        assertThat(d.startsFrame()).isFalse();
        assertThat(encode(d)).containsExactly(bytes);
    }

    @Test
    void allExtensionsWithFifteenBitPictureId() throws Exception {
        byte[] bytes = {
            (byte) 0x90,             // X=1 R=0 N=0 S=1 R=0 PID=000
            (byte) 0xF0,             // I=1 L=1 T=1 K=1 RSV=0000
            (byte) 0x92, 0x34,       // M=1 PictureID=0x1234 (15 bits)
            0x56,                    // TL0PICIDX=0x56
            (byte) 0xB7              // TID=10 Y=1 KEYIDX=10111
        };
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(bytes, 0, bytes.length);
        assertThat(d).isEqualTo(new Vp8PayloadDescriptor(false, true, 0, 0x1234, true, 0x56, 2, true, 0x17));
        assertThat(d.length()).isEqualTo(6);
        assertThat(d.startsFrame()).isTrue();
        assertThat(Vp8PayloadDescriptor.headerLength(bytes, 0, bytes.length)).isEqualTo(6);
        assertThat(encode(d)).containsExactly(bytes);
    }

    @Test
    void sevenBitPictureIdAndKeyIndexOnly() throws Exception {
        byte[] bytes = {
            (byte) 0x81,             // X=1 N=0 S=0 PID=001
            (byte) 0x90,             // I=1 L=0 T=0 K=1
            0x7F,                    // M=0 PictureID=127 (7 bits)
            0x05                     // TID ignored (T=0), Y=0, KEYIDX=5
        };
        Vp8PayloadDescriptor d = Vp8PayloadDescriptor.parse(bytes, 0, bytes.length);
        assertThat(d).isEqualTo(new Vp8PayloadDescriptor(false, false, 1, 127, false, ABSENT, ABSENT, false, 5));
        assertThat(encode(d)).containsExactly(bytes);
    }

    @Test
    void emptyExtensionByteStillCountsInTheHeaderLength() throws Exception {
        // X=1 S=1 PID=0, then I=L=T=K=0: legal, two bytes of descriptor
        byte[] bytes = {(byte) 0x90, 0x00, (byte) 0x9D};
        assertThat(Vp8PayloadDescriptor.headerLength(bytes, 0, bytes.length)).isEqualTo(2);
        assertThat(Vp8PayloadDescriptor.parse(bytes, 0, bytes.length)).isEqualTo(Vp8PayloadDescriptor.basic(true, 0));
    }

    @Test
    void truncatedDescriptorsAreRejected() {
        byte[] bytes = {(byte) 0x90, (byte) 0xF0, (byte) 0x92, 0x34, 0x56, (byte) 0xB7};
        for (int len = 0; len < bytes.length; len++) {
            int cut = len;
            assertThatThrownBy(() -> Vp8PayloadDescriptor.headerLength(bytes, 0, cut))
                    .isInstanceOf(CodecParseException.class);
            if (len >= 1) {
                assertThatThrownBy(() -> Vp8PayloadDescriptor.parse(bytes, 0, cut))
                        .isInstanceOf(CodecParseException.class);
            }
        }
    }

    @Test
    void outOfRangeFieldsAreApiMisuse() {
        assertThatThrownBy(() -> new Vp8PayloadDescriptor(false, true, 8, ABSENT, false, ABSENT, ABSENT, false,
                ABSENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vp8PayloadDescriptor(false, true, 0, 128, false, ABSENT, ABSENT, false,
                ABSENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyframeIsTheClearedPBitOfTheFirstPartition() throws Exception {
        Vp8PayloadFormat format = new Vp8PayloadFormat();
        // descriptor S=1 PID=0, then VP8 payload header byte 0x9D: size0=100 H=1 VER=110 P=1 -> interframe
        assertThat(format.inspect(new byte[] {0x10, (byte) 0x9D}, 0, 2)).isEqualTo(Depacketizer.FRAME_START);
        // 0x9C: P=0 -> keyframe
        assertThat(format.inspect(new byte[] {0x10, (byte) 0x9C}, 0, 2))
                .isEqualTo(Depacketizer.FRAME_START | Depacketizer.KEYFRAME);
        // S=0: a continuation, whatever its bytes
        assertThat(format.inspect(new byte[] {0x00, (byte) 0x9C}, 0, 2)).isZero();
        // S=1 but PID=1: a later partition, not the frame start
        assertThat(format.inspect(new byte[] {0x11, (byte) 0x9C}, 0, 2)).isZero();
    }

    @Property(tries = 300)
    void everyValidDescriptorRoundTrips(@ForAll boolean n, @ForAll boolean s, @ForAll @IntRange(max = 7) int pid,
                                        @ForAll @IntRange(min = -1, max = 0x7FFF) int pictureId,
                                        @ForAll boolean longId, @ForAll @IntRange(min = -1, max = 255) int tl0,
                                        @ForAll @IntRange(min = -1, max = 3) int tid, @ForAll boolean y,
                                        @ForAll @IntRange(min = -1, max = 31) int keyIdx) throws Exception {
        boolean isLong = pictureId > 0x7F || pictureId >= 0 && longId;
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor(n, s, pid, pictureId, isLong, tl0, tid, tid >= 0 && y,
                keyIdx);
        byte[] bytes = encode(d);
        assertThat(Vp8PayloadDescriptor.parse(bytes, 0, bytes.length)).isEqualTo(d);
        assertThat(Vp8PayloadDescriptor.headerLength(bytes, 0, bytes.length)).isEqualTo(d.length());
    }

    private static byte[] encode(Vp8PayloadDescriptor d) {
        byte[] out = new byte[d.length()];
        assertThat(d.encode(out, 0)).isEqualTo(out.length);
        return out;
    }
}
