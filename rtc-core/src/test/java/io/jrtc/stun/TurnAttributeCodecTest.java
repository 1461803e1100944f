package io.jrtc.stun;

import static io.jrtc.stun.Rfc5769VectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TURN attributes of RFC 8656 §18 against byte literals, both ways, and inside a whole message. */
class TurnAttributeCodecTest {
    private static final byte[] TID = StunAttributeCodecTest.TID;

    private static StunAttribute decode(int type, String valueHex) throws StunParseException {
        byte[] value = hex(valueHex);
        return StunAttributeCodec.decode(type, value, 0, value.length, TID);
    }

    private static void assertRoundTrip(StunAttribute attribute, String valueHex) throws StunParseException {
        assertThat(attribute.encodeValue(TID)).isEqualTo(hex(valueHex));
        assertThat(decode(attribute.type(), valueHex)).isEqualTo(attribute);
        assertThat(StunAttributeCodec.isModelled(attribute.type())).isTrue();
    }

    @Test
    void lifetimeIsAnUnsigned32BitNumber() throws Exception {
        assertRoundTrip(new LifetimeAttribute(600), "00000258");
        assertRoundTrip(new LifetimeAttribute(0xFFFF_FFFFL), "ffffffff");
        assertRoundTrip(new LifetimeAttribute(0), "00000000");
    }

    @Test
    void requestedTransportIgnoresTheReservedBytes() throws Exception {
        assertRoundTrip(RequestedTransportAttribute.udp(), "11000000");
        assertThat(decode(StunAttributeType.REQUESTED_TRANSPORT, "06ffffff"))
                .isEqualTo(new RequestedTransportAttribute(6));
    }

    @Test
    void channelNumberIgnoresTheReservedBytes() throws Exception {
        assertRoundTrip(new ChannelNumberAttribute(0x4000), "40000000");
        assertRoundTrip(new ChannelNumberAttribute(0x4FFF), "4fff0000");
        assertThat(decode(StunAttributeType.CHANNEL_NUMBER, "4001abcd")).isEqualTo(new ChannelNumberAttribute(0x4001));
    }

    @Test
    void dataCarriesAnyBytes() throws Exception {
        assertRoundTrip(new DataAttribute(hex("010203")), "010203");
        assertRoundTrip(new DataAttribute(new byte[0]), "");
    }

    @Test
    void xorPeerAndRelayedAddressFactories() throws Exception {
        // 192.0.2.1:32853 XORed with the magic cookie, as RFC 5769 §2.2 shows for XOR-MAPPED-ADDRESS.
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        assertRoundTrip(XorAddressAttribute.xorPeerAddress(a), "0001a147e112a643");
        assertRoundTrip(XorAddressAttribute.xorRelayedAddress(a), "0001a147e112a643");
        assertThat(XorAddressAttribute.xorPeerAddress(a).type()).isEqualTo(0x0012);
        assertThat(XorAddressAttribute.xorRelayedAddress(a).type()).isEqualTo(0x0016);
    }

    @Test
    void wrongFixedLengthsAreParseErrors() {
        assertThatThrownBy(() -> decode(StunAttributeType.LIFETIME, "000258")).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.REQUESTED_TRANSPORT, "11"))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> decode(StunAttributeType.CHANNEL_NUMBER, "4000000000"))
                .isInstanceOf(StunParseException.class);
    }

    @Test
    void allocateRequestWithTurnAttributesRoundTrips() throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 49152);
        StunMessage m = new StunMessage(StunMethod.CHANNEL_BIND, StunClass.REQUEST, TID, List.of(
                new ChannelNumberAttribute(0x4001), XorAddressAttribute.xorPeerAddress(peer),
                new LifetimeAttribute(600), RequestedTransportAttribute.udp(), new DataAttribute(hex("ab"))));
        byte[] key = StunIntegrity.longTermKey("u", "jrtc.test", "p");

        StunMessage parsed = StunMessage.parse(m.encode(key, true));

        assertThat(parsed.attributes().subList(0, 5)).isEqualTo(m.attributes());
        assertThat(parsed.first(ChannelNumberAttribute.class).channelNumber()).isEqualTo(0x4001);
        assertThat(parsed.unknownComprehensionRequired()).isEmpty();
        assertThat(parsed.verifyIntegrity(key)).isTrue();
    }
}
