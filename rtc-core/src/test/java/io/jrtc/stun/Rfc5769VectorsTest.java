package io.jrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5769 §2.1-2.4: decode, verify the hashes, and rebuild the bytes. */
class Rfc5769VectorsTest {
    static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
    static final byte[] TID = hex("b7e7a701bc34d686fa87dfae");

    static final byte[] REQUEST = hex("""
            00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
            00 24 00 04 6e 00 01 ff
            80 29 00 08 93 2f f9 b1 51 26 3b 36
            00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
            00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
            80 28 00 04 e5 7a 3b cf""");

    static final byte[] IPV4_RESPONSE = hex("""
            01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 08 00 01 a1 47 e1 12 a6 43
            00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
            80 28 00 04 c0 7d 4c 96""");

    static final byte[] IPV6_RESPONSE = hex("""
            01 01 00 48 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 14 00 02 a1 47 01 13 a9 fa a5 d3 f1 79 bc 25 f4 b5 be d2 b9 d9
            00 08 00 14 a3 82 95 4e 4b e6 7b f1 17 84 c9 7c 82 92 c2 75 bf e3 ed 41
            80 28 00 04 c8 fb 0b 4c""");

    static final byte[] LONG_TERM_REQUEST = hex("""
            00 01 00 60 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
            00 06 00 12 e3 83 9e e3 83 88 e3 83 aa e3 83 83 e3 82 af e3 82 b9 00 00
            00 15 00 1c 66 2f 2f 34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39 46 53 54 76 79 36 34 73 41
            00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
            00 08 00 14 f6 70 24 65 6d d6 4a 3e 02 b8 e0 71 2e 85 c9 a2 8c a8 96 66""");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    private static byte[] spacePaddedWithIntegrity(StunMessage m, byte[] key) {
        return new StunEncoder().integrity(key).fingerprint(true).padding((byte) 0x20).encode(m);
    }

    @Test
    void sampleRequestDecodesVerifiesAndReencodes() throws Exception {
        StunMessage m = StunMessage.parse(REQUEST);

        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.transactionId()).isEqualTo(TID);
        assertThat(m.software()).isEqualTo("STUN test client");
        assertThat(m.priority()).isEqualTo(0x6e0001ffL);
        assertThat(m.iceControlled()).isEqualTo(0x932ff9b151263b36L);
        assertThat(m.iceControlling()).isNull();
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.verifyIntegrity(StunIntegrity.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.verifyIntegrity(StunIntegrity.shortTermKey("wrong"))).isFalse();
        assertThat(m.verifyFingerprint()).isTrue();
        assertThat(spacePaddedWithIntegrity(m, StunIntegrity.shortTermKey(PASSWORD))).isEqualTo(REQUEST);
    }

    @Test
    void sampleRequestBuiltFromScratchMatches() {
        StunMessage built = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TID, List.of(
                new SoftwareAttribute("STUN test client"),
                new PriorityAttribute(0x6e0001ffL),
                new IceControlledAttribute(0x932ff9b151263b36L),
                new UsernameAttribute("evtj:h6vY")));

        assertThat(spacePaddedWithIntegrity(built, StunIntegrity.shortTermKey(PASSWORD))).isEqualTo(REQUEST);
    }

    @Test
    void ipv4ResponseDecodesVerifiesAndReencodes() throws Exception {
        StunMessage m = StunMessage.parse(IPV4_RESPONSE);

        assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.software()).isEqualTo("test vector");
        assertThat(m.xorMappedAddress())
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(m.verifyIntegrity(StunIntegrity.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
        assertThat(spacePaddedWithIntegrity(m, StunIntegrity.shortTermKey(PASSWORD))).isEqualTo(IPV4_RESPONSE);
    }

    @Test
    void ipv6ResponseDecodesVerifiesAndReencodes() throws Exception {
        StunMessage m = StunMessage.parse(IPV6_RESPONSE);

        assertThat(m.xorMappedAddress()).isEqualTo(new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(m.verifyIntegrity(StunIntegrity.shortTermKey(PASSWORD))).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
        assertThat(spacePaddedWithIntegrity(m, StunIntegrity.shortTermKey(PASSWORD))).isEqualTo(IPV6_RESPONSE);
    }

    @Test
    void longTermRequestVerifiesWithMd5KeyAndReencodes() throws Exception {
        StunMessage m = StunMessage.parse(LONG_TERM_REQUEST);
        String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        byte[] key = StunIntegrity.longTermKey(username, "example.org", "TheMatrIX");

        assertThat(m.username()).isEqualTo(username);
        assertThat(m.nonce()).isEqualTo("f//499k954d6OL34oL9FSTvy64sA");
        assertThat(m.realm()).isEqualTo("example.org");
        assertThat(m.hasFingerprint()).isFalse();
        assertThat(m.verifyFingerprint()).isFalse();
        assertThat(m.verifyIntegrity(key)).isTrue();
        assertThat(m.verifyIntegrity(StunIntegrity.longTermKey(username, "example.org", "thematrix"))).isFalse();
        assertThat(m.encode(key, false)).isEqualTo(LONG_TERM_REQUEST);
    }

    @Test
    void anyFlippedBitBreaksIntegrityOrFingerprint() throws Exception {
        byte[] key = StunIntegrity.shortTermKey(PASSWORD);
        for (int i = 20; i < REQUEST.length; i++) {
            byte[] copy = REQUEST.clone();
            copy[i] ^= 0x01;
            StunMessage m;
            try {
                m = StunMessage.parse(copy);
            } catch (StunParseException e) {
                continue;
            }
            assertThat(m.verifyIntegrity(key) && m.verifyFingerprint()).as("flipped byte %d", i).isFalse();
        }
    }
}
