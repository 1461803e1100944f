package io.jrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random, truncated and mutated input never throws anything but StunParseException; built messages round-trip. */
class StunMessageProperties {
    private static final List<byte[]> VECTORS = List.of(Rfc5769VectorsTest.REQUEST,
            Rfc5769VectorsTest.IPV4_RESPONSE, Rfc5769VectorsTest.IPV6_RESPONSE, Rfc5769VectorsTest.LONG_TERM_REQUEST);

    private static void parseAndUse(byte[] b, int off, int len) {
        StunMessage.isStun(b, off, len);
        try {
            StunMessage m = StunMessage.parse(b, off, len);
            m.verifyIntegrity(new byte[] {1});
            m.verifyIntegritySha256(new byte[] {1});
            m.verifyFingerprint();
            m.unknownComprehensionRequired();
            m.encode();
        } catch (StunParseException expected) {
            // the only exception parse may throw
        }
    }

    @Property(tries = 500)
    void randomBytesOnlyThrowParseException(@ForAll @Size(max = 120) byte[] bytes) {
        parseAndUse(bytes, 0, bytes.length);
    }

    @Property(tries = 500)
    void randomBodiesBehindAValidHeaderOnlyThrowParseException(@ForAll @Size(max = 30) List<Integer> words) {
        byte[] b = new byte[20 + 4 * words.size()];
        b[1] = 1;
        b[2] = (byte) ((4 * words.size()) >> 8);
        b[3] = (byte) (4 * words.size());
        StunValues.putU32(b, 4, StunMessage.MAGIC_COOKIE);
        for (int i = 0; i < words.size(); i++) {
            StunValues.putU32(b, 20 + 4 * i, words.get(i));
        }
        parseAndUse(b, 0, b.length);
    }

    @Property(tries = 500)
    void truncatedAndMutatedVectorsOnlyThrowParseException(@ForAll @IntRange(max = 3) int which,
            @ForAll @IntRange(max = 200) int cut, @ForAll @IntRange(max = 200) int flipAt,
            @ForAll byte flip) {
        byte[] v = VECTORS.get(which).clone();
        v[flipAt % v.length] ^= flip;
        parseAndUse(v, 0, Math.min(cut, v.length));
    }

    @Provide
    Arbitrary<List<StunAttribute>> attributeLists() {
        return attribute().list().ofMaxSize(8);
    }

    private static Arbitrary<StunAttribute> attribute() {
        Arbitrary<InetSocketAddress> addresses = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(StunMessageProperties::ip),
                Arbitraries.integers().between(0, 65535)).as(InetSocketAddress::new);
        Arbitrary<InetSocketAddress> v6 = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(16).map(StunMessageProperties::ip6),
                Arbitraries.integers().between(0, 65535)).as(InetSocketAddress::new);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(40);
        return Arbitraries.oneOf(
                addresses.map(XorAddressAttribute::xorMappedAddress),
                v6.map(XorAddressAttribute::xorMappedAddress),
                addresses.map(MappedAddressAttribute::mappedAddress),
                text.map(UsernameAttribute::new),
                text.map(SoftwareAttribute::new),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(PriorityAttribute::new),
                Arbitraries.longs().map(IceControllingAttribute::new),
                Arbitraries.longs().map(IceControlledAttribute::new),
                Arbitraries.just(UseCandidateAttribute.INSTANCE),
                Combinators.combine(Arbitraries.integers().between(300, 699), text).as(ErrorCodeAttribute::new),
                Combinators.combine(Arbitraries.integers().between(0xC000, 0xFFFF),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(33)).as(RawAttribute::new));
    }

    private static InetAddress ip(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress ip6(byte[] b) {
        try {
            return java.net.Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void builtMessagesRoundTrip(@ForAll("attributeLists") List<StunAttribute> attributes,
            @ForAll @Size(12) byte[] tid, @ForAll @IntRange(max = StunMethod.MAX) int method,
            @ForAll StunClass messageClass, @ForAll @Size(max = 24) byte[] key) throws Exception {
        StunMessage m = new StunMessage(method, messageClass, tid, attributes);
        StunMessage parsed = StunMessage.parse(m.encode(key, true));

        assertThat(parsed.method()).isEqualTo(method);
        assertThat(parsed.messageClass()).isEqualTo(messageClass);
        assertThat(parsed.transactionId()).isEqualTo(tid);
        assertThat(parsed.attributes().subList(0, attributes.size())).isEqualTo(attributes);
        assertThat(parsed.verifyIntegrity(key)).isTrue();
        assertThat(parsed.verifyFingerprint()).isTrue();
        assertThat(parsed.encode(key, true)).isEqualTo(m.encode(key, true));
    }
}
