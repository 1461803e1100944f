package io.jrtc.stun;

import static io.jrtc.stun.Rfc5769VectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each attribute against a byte literal, both ways. */
class StunAttributeCodecTest {
    static final byte[] TID = hex("000102030405060708090a0b");

    private static StunAttribute decode(int type, byte[] value) throws StunParseException {
        return StunAttributeCodec.decode(type, value, 0, value.length, TID);
    }

    private static void assertRoundTrip(StunAttribute attribute, String valueHex) throws StunParseException {
        byte[] value = hex(valueHex);
        assertThat(attribute.encodeValue(TID)).isEqualTo(value);
        assertThat(decode(attribute.type(), value)).isEqualTo(attribute);
    }

    @Test
    void xorMappedAddressIpv4() throws Exception {
        // 192.0.2.1:32853 as in RFC 5769 §2.2; the IPv4 mask does not involve the transaction id.
        assertRoundTrip(XorAddressAttribute.xorMappedAddress(
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)), "0001a147e112a643");
    }

    @Test
    void xorPeerAndRelayedAddressShareTheFormat() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 3478);
        assertThat(decode(StunAttributeType.XOR_PEER_ADDRESS, hex("00012c842b12a443")))
                .isEqualTo(new XorAddressAttribute(StunAttributeType.XOR_PEER_ADDRESS, a));
        assertThat(decode(StunAttributeType.XOR_RELAYED_ADDRESS, hex("00012c842b12a443")))
                .isEqualTo(new XorAddressAttribute(StunAttributeType.XOR_RELAYED_ADDRESS, a));
    }

    @Test
    void xorMappedAddressIpv6MixesTheTransactionId() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 1);
        // 2001:0db8:0000:...:0001 xor 2112a442 000102030405060708090a0b
        assertRoundTrip(XorAddressAttribute.xorMappedAddress(a),
                "0002 2113 0113a9fa 00010203 04050607 08090a0a");
    }

    @Test
    void mappedAddress() throws Exception {
        assertRoundTrip(MappedAddressAttribute.mappedAddress(
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)), "00018055c0000201");
    }

    @Test
    void textAttributes() throws Exception {
        assertRoundTrip(new UsernameAttribute("ab:cd"), "61623a6364");
        assertRoundTrip(new SoftwareAttribute("jrtc"), "6a727463");
        assertRoundTrip(new RealmAttribute("x.org"), "782e6f7267");
        assertRoundTrip(new NonceAttribute("n"), "6e");
    }

    @Test
    void iceAttributes() throws Exception {
        assertRoundTrip(new PriorityAttribute(0xFFFF_FFFFL), "ffffffff");
        assertRoundTrip(UseCandidateAttribute.INSTANCE, "");
        assertRoundTrip(new IceControllingAttribute(0x8000000000000001L), "8000000000000001");
        assertRoundTrip(new IceControlledAttribute(42), "000000000000002a");
    }

    @Test
    void errorCodeSplitsClassAndNumber() throws Exception {
        assertRoundTrip(new ErrorCodeAttribute(487, "Role Conflict"), "00000457" + "526f6c6520436f6e666c696374");
        assertRoundTrip(new ErrorCodeAttribute(300, ""), "00000300");
        assertThatThrownBy(() -> decode(StunAttributeType.ERROR_CODE, hex("00000264")))
                .isInstanceOf(StunParseException.class);
    }

    @Test
    void unknownAttributesAndRaw() throws Exception {
        assertRoundTrip(new UnknownAttributesAttribute(List.of(0x0031, 0x7fff)), "00317fff");
        assertRoundTrip(new RawAttribute(StunAttributeType.RESERVATION_TOKEN, hex("0102030405060708")),
                "0102030405060708");
        assertRoundTrip(new FingerprintAttribute(0xe57a3bcf), "e57a3bcf");
    }

    @Test
    void wrongFixedLengthsAreParseErrors() {
        assertThatThrownBy(() -> decode(StunAttributeType.PRIORITY, hex("0102")))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.ICE_CONTROLLING, hex("01020304")))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.USE_CANDIDATE, hex("00")))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.XOR_MAPPED_ADDRESS, hex("0003000001020304")))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.MAPPED_ADDRESS, hex("00020000010203040506")))
                .isInstanceOf(StunParseException.class);
    }
}
