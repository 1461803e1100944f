package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RTP header byte literals: parse to the expected fields, and write back to the same bytes. */
class RtpHeaderTest {

    /** Re-encodes a parsed packet through {@link RtpHeaderWriter#copyFrom} and checks it is byte-identical. */
    private static void assertRewritesIdentically(RtpHeader h, byte[] wire) {
        byte[] out = new byte[wire.length];
        int n = new RtpHeaderWriter().copyFrom(h).write(out, 0, h.buffer(), h.payloadOffset(), h.payloadLength(),
                h.paddingLength());
        assertThat(n).isEqualTo(wire.length);
        assertThat(Hex.of(out)).isEqualTo(Hex.of(wire));
    }

    @Test
    void minimalPacket() throws Exception {
        byte[] wire = Hex.bytes("80 | 6f | 1234 | 0000abcd | deadbeef | 010203");
        // V=2 P=0 X=0 CC=0 | M=0 PT=111 | seq | timestamp | SSRC | payload
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        assertThat(h.version()).isEqualTo(2);
        assertThat(h.padding()).isFalse();
        assertThat(h.extension()).isFalse();
        assertThat(h.marker()).isFalse();
        assertThat(h.payloadType()).isEqualTo(111);
        assertThat(h.sequenceNumber()).isEqualTo(0x1234);
        assertThat(h.timestamp()).isEqualTo(0xabcd);
        assertThat(h.ssrc()).isEqualTo(0xdeadbeef);
        assertThat(h.headerLength()).isEqualTo(12);
        assertThat(h.payloadOffset()).isEqualTo(12);
        assertThat(h.payloadLength()).isEqualTo(3);
        assertThat(h.extensionProfile()).isEqualTo(-1);
        assertThat(h.extensionOffset(1)).isEqualTo(-1);
        assertRewritesIdentically(h, wire);
    }

    @Test
    void csrcsOneByteExtensionsAndPaddingAtAnOffset() throws Exception {
        byte[] wire = Hex.bytes("ffff"                      // two bytes before the packet, not part of it
                + "b2 | e0 | ffff | ffffffff | 11111111"       // V=2 P=1 X=1 CC=2 | M=1 PT=96 | seq | ts | SSRC
                + "22222222 | 33333333"                          // CSRC 1, CSRC 2
                + "bede | 0003"                                  // one-byte profile, 3 words of elements
                + "12 | 0a0b0c"                                  // id 1, length 3: abs-send-time
                + "31 | 0102"                                    // id 3, length 2: transport-wide seq 0x0102
                + "40 | 85"                                      // id 4, length 1: audio level V=1 level 5
                + "00 00 00"                                     // element padding to the 32-bit boundary
                + "cafe"                                         // payload
                + "000003");                                     // 3 padding bytes, last one the count
        RtpHeader h = RtpHeader.parse(wire, 2, wire.length - 2);
        assertThat(h.offset()).isEqualTo(2);
        assertThat(h.padding()).isTrue();
        assertThat(h.marker()).isTrue();
        assertThat(h.payloadType()).isEqualTo(96);
        assertThat(h.sequenceNumber()).isEqualTo(65535);
        assertThat(h.timestamp()).isEqualTo(-1);
        assertThat(h.csrcCount()).isEqualTo(2);
        assertThat(h.csrc(0)).isEqualTo(0x22222222);
        assertThat(h.csrc(1)).isEqualTo(0x33333333);
        assertThat(h.extensionProfile()).isEqualTo(RtpExtensionProfile.ONE_BYTE);
        assertThat(h.extensionDataLength()).isEqualTo(12);
        assertThat(h.headerLength()).isEqualTo(12 + 8 + 4 + 12);
        assertThat(Hex.of(wire, h.payloadOffset(), h.payloadLength())).isEqualTo("cafe");
        assertThat(h.paddingLength()).isEqualTo(3);
        assertThat(AbsSendTimeExtension.read(h, 1)).isEqualTo(0x0a0b0c);
        assertThat(TransportSequenceNumberExtension.read(h, 3)).isEqualTo(0x0102);
        assertThat(AudioLevelExtension.readLevel(h, 4)).isEqualTo(5);
        assertThat(AudioLevelExtension.readVoiceActivity(h, 4)).isTrue();
        assertThat(h.extensionOffset(2)).isEqualTo(-1);
        assertThat(h.extensions()).extracting(RtpHeaderExtension::id).containsExactly(1, 3, 4);
        assertRewritesIdentically(h, java.util.Arrays.copyOfRange(wire, 2, wire.length));
    }

    @Test
    void writerProducesTheOneByteLayout() {
        RtpHeaderWriter w = new RtpHeaderWriter().marker(true).payloadType(96).sequenceNumber(65535).timestamp(-1)
                .ssrc(0x11111111).addCsrc(0x22222222).addCsrc(0x33333333);
        AbsSendTimeExtension.write(w, 1, 0x0a0b0c);
        TransportSequenceNumberExtension.write(w, 3, 0x0102);
        AudioLevelExtension.write(w, 4, true, 5);
        byte[] out = new byte[64];
        int n = w.write(out, 0, Hex.bytes("cafe"), 0, 2, 3);
        assertThat(Hex.of(out, 0, n)).isEqualTo("b2e0ffffffffffff111111112222222233333333bede0003120a0b0c310102408500"
                + "0000cafe000003");
    }

    @Test
    void twoByteExtensionsWithEmptyAndLongValues() throws Exception {
        byte[] wire = Hex.bytes("90 | 60 | 0001 | 00000002 | 00000003"   // V=2 X=1, PT=96, seq 1, ts 2, SSRC 3
                + "1005 | 0007"                                          // two-byte profile, app bits 5, 7 words
                + "0f | 00"                                              // id 15, empty value
                + "00"                                                   // a padding byte between elements
                + "10 | 11 | 000102030405060708090a0b0c0d0e0f10"       // id 16, 17 bytes
                + "01 | 01 | 41"                                         // id 1, one byte 'A'
                + "000000"                                               // padding to the boundary
                + "77");                                                 // payload
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        assertThat(RtpExtensionProfile.isTwoByte(h.extensionProfile())).isTrue();
        assertThat(h.extensionProfile() & 0xF).isEqualTo(5);
        assertThat(h.extensionLength(15)).isZero();
        assertThat(h.extensionLength(16)).isEqualTo(17);
        assertThat(Hex.of(wire, h.extensionOffset(16), 2)).isEqualTo("0001");
        assertThat(SdesMidExtension.read(h, 1)).isEqualTo("A");
        assertThat(SdesMidExtension.matches(h, 1, "A".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(SdesMidExtension.matches(h, 1, "B".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(SdesMidExtension.read(h, 15)).isNull();
        assertThat(h.payloadLength()).isEqualTo(1);
        assertRewritesIdentically(h, wire);

        RtpHeaderWriter w = new RtpHeaderWriter().payloadType(96).sequenceNumber(1).timestamp(2).ssrc(3)
                .twoByteExtensions(5).addExtension(15, new byte[0], 0, 0)
                .addExtension(16, Hex.bytes("000102030405060708090a0b0c0d0e0f10"), 0, 17);
        SdesMidExtension.write(w, 1, "A");
        byte[] out = new byte[64];
        int n = w.write(out, 0, Hex.bytes("77"), 0, 1, 0);
        assertThat(Hex.of(out, 0, n)).isEqualTo("90600001000000020000000310050006"
                + "0f00" + "1011000102030405060708090a0b0c0d0e0f10" + "010141" + "77");
    }

    @Test
    void oneByteStopIdEndsTheElements() throws Exception {
        byte[] wire = Hex.bytes("90 60 0001 00000002 00000003 | bede 0001 | 10 aa | f0 | 00"); // id 1, then id 15
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        assertThat(h.extensions()).hasSize(1);
        assertThat(h.extensionOffset(1)).isEqualTo(17);
        assertThat(h.extensionOffset(15)).isEqualTo(-1);
    }

    @Test
    void oneByteIdZeroIsAPaddingByteWhateverItsLength() throws Exception {
        byte[] wire = Hex.bytes("90 60 0001 00000002 00000003 | bede 0001 | 05 10 aa 00"); // pad, id 1, pad
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        assertThat(h.extensions()).hasSize(1);
        assertThat(h.extensionOffset(1)).isEqualTo(18);
    }

    @Test
    void otherProfilesAreAnOpaqueBlock() throws Exception {
        byte[] wire = Hex.bytes("90 60 0001 00000002 00000003 | abcd 0001 | 11223344 | 99");
        RtpHeader h = RtpHeader.parse(wire, 0, wire.length);
        assertThat(h.extensionProfile()).isEqualTo(0xabcd);
        assertThat(h.extensions()).isEmpty();
        assertThat(h.extensionOffset(1)).isEqualTo(-1);
        assertThat(h.payloadLength()).isEqualTo(1);
        assertRewritesIdentically(h, wire);
    }

    @Test
    void malformedPacketsAreRejected() {
        for (String hex : new String[] {
            "80 60 0001 00000002",                                  // shorter than the fixed header
            "40 60 0001 00000002 00000003",                         // version 1
            "81 60 0001 00000002 00000003",                         // CSRC count beyond the packet
            "90 60 0001 00000002 00000003 bede",                    // truncated extension header
            "90 60 0001 00000002 00000003 bede 0002 10aa0000",      // extension longer than the packet
            "90 60 0001 00000002 00000003 bede 0001 13aa0000",      // element value beyond the block
            "90 60 0001 00000002 00000003 1000 0001 0105aaaa",      // two-byte element beyond the block
            "a0 60 0001 00000002 00000003 0100",                    // padding count 0
            "a0 60 0001 00000002 00000003 0005",                    // padding count beyond the payload
        }) {
            byte[] wire = Hex.bytes(hex);
            assertThatThrownBy(() -> RtpHeader.parse(wire, 0, wire.length)).as(hex)
                    .isInstanceOf(RtpParseException.class);
        }
    }

    @Test
    void writerRejectsFieldsOutOfRange() {
        RtpHeaderWriter w = new RtpHeaderWriter();
        assertThatThrownBy(() -> w.payloadType(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.addExtension(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.addExtension(256, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioLevelExtension.write(w, 1, false, 128))
                .isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < 15; i++) {
            w.addCsrc(i);
        }
        assertThatThrownBy(() -> w.addCsrc(15)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void absSendTimeIsSixPointEighteenSeconds() {
        assertThat(AbsSendTimeExtension.fromNanos(1_500_000_000L)).isEqualTo((1 << 18) | (1 << 17));
        assertThat(AbsSendTimeExtension.fromNanos(64_000_000_000L)).isZero();
        assertThat(AbsSendTimeExtension.toNanos((3 << 18) | (1 << 16))).isEqualTo(3_250_000_000L);
    }
}
