package io.jrtc.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DnsMessageProperties {
    private static final byte[] CHROMIUM = HexFormat.of().parseHex(DnsMessageTest.CHROMIUM_RESPONSE_HEX);

    @Property(tries = 1000)
    void randomBytesOnlyEverFailWithTheParseException(@ForAll @Size(max = 300) byte[] data) {
        parseOrReject(data, 0, data.length);
    }

    @Property(tries = 300)
    void truncationsOfAResponseOnlyEverFailWithTheParseException(@ForAll @IntRange(min = 0, max = 70) int cut) {
        parseOrReject(CHROMIUM, 0, Math.min(cut, CHROMIUM.length));
    }

    @Property(tries = 500)
    void corruptedResponsesOnlyEverFailWithTheParseException(@ForAll @IntRange(min = 0, max = 69) int at,
                                                              @ForAll byte value) {
        byte[] copy = CHROMIUM.clone();
        copy[Math.min(at, copy.length - 1)] = value;
        parseOrReject(copy, 0, copy.length);
    }

    @Property(tries = 300)
    void messagesRoundTrip(@ForAll("messages") DnsMessage message) throws Exception {
        byte[] wire = message.encode();

        DnsMessage parsed = DnsMessage.parse(wire, 0, wire.length);

        assertThat(parsed).isEqualTo(message);
        assertThat(parsed.encode()).isEqualTo(wire);
    }

    private static void parseOrReject(byte[] data, int offset, int length) {
        try {
            DnsMessage.parse(data, offset, length);
        } catch (DnsParseException expected) {
            // the only way a parse may fail
        }
    }

    @Provide
    Arbitrary<DnsMessage> messages() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0', '9')
                .ofMinLength(1).ofMaxLength(63).list().ofMinSize(0).ofMaxSize(3)
                .map(labels -> String.join(".", labels));
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<DnsQuestion> questions = Combinators.combine(names, u16, u16).as(DnsQuestion::new);
        Arbitrary<DnsRecord> records = Combinators.combine(names, u16, u16,
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
                .as(DnsRecord::new);
        return Combinators.combine(u16, u16, questions.list().ofMaxSize(3), records.list().ofMaxSize(3),
                records.list().ofMaxSize(2), records.list().ofMaxSize(3)).as(DnsMessage::new);
    }

    @Property(tries = 100)
    void addressRecordsCarryTheirAddress(@ForAll @Size(4) byte[] v4, @ForAll @Size(16) byte[] v6) throws Exception {
        for (byte[] bytes : List.of(v4, v6)) {
            InetAddress address = InetAddress.getByAddress(bytes);
            DnsRecord record = DnsRecord.address("x.local", address, true, 120);
            assertThat(record.address()).isEqualTo(address);
        }
    }
}
