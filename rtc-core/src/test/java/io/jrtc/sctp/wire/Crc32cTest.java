package io.jrtc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 9260 Appendix B checksum, checked against the RFC 3720 Appendix B.4 iSCSI vectors. */
class Crc32cTest {
    private final Crc32c crc = new Crc32c();

    private static byte[] filled(int from, int step) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (from + step * i);
        }
        return b;
    }

    @Test
    void rfc3720Vectors() {
        assertThat(crc.compute(new byte[32], 0, 32)).isEqualTo(0x8A9136AA);
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertThat(crc.compute(ones, 0, 32)).isEqualTo(0x62A8AB43);
        assertThat(crc.compute(filled(0, 1), 0, 32)).isEqualTo(0x46DD794E);
        assertThat(crc.compute(filled(31, -1), 0, 32)).isEqualTo(0x113FDB5C);
    }

    @Test
    void standardCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(crc.compute(check, 0, check.length)).isEqualTo(0xE3069283);
    }

    @Test
    void packetChecksumIsStoredLeastSignificantByteFirst() {
        // COOKIE ACK from port 5000 to 5000, tag 0x11223344; checksum computed independently.
        byte[] packet = Hex.bytes("13881388 11223344 77cda945 0b000004");
        assertThat(crc.verify(packet, 0, packet.length)).isTrue();
        byte[] resealed = packet.clone();
        resealed[8] = resealed[9] = resealed[10] = resealed[11] = 0;
        crc.seal(resealed, 0, resealed.length);
        assertThat(resealed).isEqualTo(packet);
        packet[15] ^= 1;
        assertThat(crc.verify(packet, 0, packet.length)).isFalse();
    }

    @Test
    void tooShortPacketsDoNotVerify() {
        assertThat(crc.verify(new byte[11], 0, 11)).isFalse();
    }
}
