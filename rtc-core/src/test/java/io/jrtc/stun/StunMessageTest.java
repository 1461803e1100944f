package io.jrtc.stun;

import static io.jrtc.stun.Rfc5769VectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunMessageTest {
    static final byte[] TID = hex("0102030405060708090a0b0c");

    @Test
    void messageTypeInterleavesMethodAndClass() {
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.REQUEST)).isEqualTo(0x0001);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.INDICATION)).isEqualTo(0x0011);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)).isEqualTo(0x0101);
        assertThat(StunMethod.messageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE)).isEqualTo(0x0111);
        assertThat(StunMethod.messageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE)).isEqualTo(0x0113);
        assertThat(StunMethod.messageType(StunMethod.SEND, StunClass.INDICATION)).isEqualTo(0x0016);
        assertThat(StunMethod.messageType(0xFFF, StunClass.ERROR_RESPONSE)).isEqualTo(0x3FFF);
        for (int method = 0; method <= StunMethod.MAX; method++) {
            for (StunClass c : StunClass.values()) {
                int type = StunMethod.messageType(method, c);
                assertThat(StunMethod.methodOf(type)).isEqualTo(method);
                assertThat(StunMethod.classOf(type)).isEqualTo(c);
            }
        }
    }

    @Test
    void emptyBindingRequestLiteral() throws Exception {
        byte[] bytes = hex("0001 0000 2112a442 0102030405060708090a0b0c");
        StunMessage m = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TID, List.of());

        assertThat(m.encode()).isEqualTo(bytes);
        StunMessage parsed = StunMessage.parse(bytes);
        assertThat(parsed.method()).isEqualTo(StunMethod.BINDING);
        assertThat(parsed.isRequest()).isTrue();
        assertThat(parsed.attributes()).isEmpty();
        assertThat(parsed.hasIntegrity()).isFalse();
        assertThat(parsed.verifyIntegrity(new byte[] {1})).isFalse();
    }

    @Test
    void integrityAndFingerprintComeLastAndVerify() throws Exception {
        byte[] key = StunIntegrity.shortTermKey("pass");
        StunMessage m = new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE, TID, List.of(
                new FingerprintAttribute(1),
                new MessageIntegrityAttribute(new byte[20]),
                XorAddressAttribute.xorMappedAddress(new InetSocketAddress(InetAddress.getByName("::1"), 9)),
                new SoftwareAttribute("abc")));
        byte[] bytes = new StunEncoder().integrity(key).integritySha256(key).fingerprint(true).encode(m);
        StunMessage parsed = StunMessage.parse(bytes);

        assertThat(parsed.attributes()).extracting(StunAttribute::type).containsExactly(
                StunAttributeType.XOR_MAPPED_ADDRESS, StunAttributeType.SOFTWARE,
                StunAttributeType.MESSAGE_INTEGRITY, StunAttributeType.MESSAGE_INTEGRITY_SHA256,
                StunAttributeType.FINGERPRINT);
        assertThat(parsed.verifyIntegrity(key)).isTrue();
        assertThat(parsed.verifyIntegritySha256(key)).isTrue();
        assertThat(parsed.verifyIntegritySha256(StunIntegrity.shortTermKey("other"))).isFalse();
        assertThat(parsed.verifyFingerprint()).isTrue();
        assertThat(parsed.xorMappedAddress().getPort()).isEqualTo(9);
        assertThat(parsed.software()).isEqualTo("abc");
    }

    @Test
    void attributesAfterIntegrityAreIgnoredExceptFingerprint() throws Exception {
        byte[] key = StunIntegrity.shortTermKey("k");
        byte[] signed = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TID,
                List.of(new UsernameAttribute("a:b"))).encode(key, false);
        byte[] extended = new byte[signed.length + 8];
        System.arraycopy(signed, 0, extended, 0, signed.length);
        System.arraycopy(hex("0024000400000001"), 0, extended, signed.length, 8);
        extended[3] = (byte) (extended.length - 20);

        StunMessage parsed = StunMessage.parse(extended);

        assertThat(parsed.priority()).isNull();
        assertThat(parsed.verifyIntegrity(key)).isTrue();
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReported() throws Exception {
        byte[] bytes = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TID, List.of(
                new RawAttribute(0x7001, new byte[] {1}),
                new RawAttribute(0xC057, new byte[] {0, 1, 0, 1}),
                new RawAttribute(StunAttributeType.RESERVATION_TOKEN, new byte[8]))).encode();
        StunMessage parsed = StunMessage.parse(bytes);

        assertThat(parsed.unknownComprehensionRequired()).containsExactly(0x7001, StunAttributeType.RESERVATION_TOKEN);
        assertThat(parsed.first(0xC057)).isEqualTo(new RawAttribute(0xC057, new byte[] {0, 1, 0, 1}));
    }

    @Test
    void isStunChecksBitsCookieAndLength() {
        byte[] bytes = hex("0001 0000 2112a442 0102030405060708090a0b0c");
        assertThat(StunMessage.isStun(bytes, 0, bytes.length)).isTrue();
        assertThat(StunMessage.isStun(bytes, 0, 19)).isFalse();
        byte[] rtp = bytes.clone();
        rtp[0] = (byte) 0x80;
        assertThat(StunMessage.isStun(rtp, 0, rtp.length)).isFalse();
        byte[] oddLength = bytes.clone();
        oddLength[3] = 2;
        assertThat(StunMessage.isStun(oddLength, 0, oddLength.length)).isFalse();
        byte[] noCookie = bytes.clone();
        noCookie[4] = 0;
        assertThat(StunMessage.isStun(noCookie, 0, noCookie.length)).isFalse();
        assertThat(StunMessage.isStun(bytes, 4, 20)).isFalse();
    }

    @Test
    void malformedFramingIsAParseError() {
        byte[] good = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TID,
                List.of(new SoftwareAttribute("abc"))).encode();
        byte[] longer = good.clone();
        longer[3] += 4;
        byte[] overrun = good.clone();
        overrun[23] = 9;
        assertThatThrownBy(() -> StunMessage.parse(good, 0, good.length - 4)).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> StunMessage.parse(longer)).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> StunMessage.parse(overrun)).isInstanceOf(StunParseException.class);
    }

    @Test
    void parsesAtAnOffset() throws Exception {
        byte[] good = new StunMessage(StunMethod.BINDING, StunClass.INDICATION, TID, List.of()).encode();
        byte[] framed = new byte[good.length + 7];
        System.arraycopy(good, 0, framed, 3, good.length);
        assertThat(StunMessage.parse(framed, 3, good.length).messageClass()).isEqualTo(StunClass.INDICATION);
    }
}
