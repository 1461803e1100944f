package io.jrtc.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The responder against RFC 6762's rules, on byte literals where the wire shape is the point. */
class MdnsResponderTest {
    private static final String NAME = DnsMessageTest.NAME;
    private static final long SECOND = 1_000_000_000L;
    private static final InetSocketAddress BROWSER = new InetSocketAddress("198.18.0.2", 5353);
    private final MdnsResponder responder = new MdnsResponder();

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static byte[] query(int type, int qclass) {
        return DnsMessage.query(List.of(new DnsQuestion(NAME, type, qclass))).encode();
    }

    private List<MdnsResponder.Transmit> drain() {
        List<MdnsResponder.Transmit> out = new ArrayList<>();
        for (MdnsResponder.Transmit t = responder.pollTransmit(); t != null; t = responder.pollTransmit()) {
            out.add(t);
        }
        return out;
    }

    private static DnsMessage parse(MdnsResponder.Transmit transmit) throws DnsParseException {
        return DnsMessage.parse(transmit.data(), 0, transmit.data().length);
    }

    @Test
    void rfc6762Section6AnswerIsMulticastInChromiumsShape() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();  // the announcement

        byte[] query = query(DnsRecord.TYPE_A, DnsRecord.CLASS_IN);
        responder.handleReceive(2 * SECOND, BROWSER, query, 0, query.length);

        List<MdnsResponder.Transmit> sent = drain();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).multicast()).isTrue();
        assertThat(HexFormat.of().formatHex(sent.get(0).data())).isEqualTo(DnsMessageTest.CHROMIUM_RESPONSE_HEX);
    }

    @Test
    void rfc6762Section8_3NamesAreAnnouncedTwiceOneSecondApart() throws Exception {
        responder.register(5 * SECOND, NAME, ip("198.18.0.1"));

        assertThat(drain()).singleElement().satisfies(t -> assertThat(HexFormat.of().formatHex(t.data()))
                .isEqualTo(DnsMessageTest.CHROMIUM_RESPONSE_HEX));
        assertThat(responder.pollTimeout()).isEqualTo(6 * SECOND);
        responder.handleTimeout(6 * SECOND);
        assertThat(drain()).hasSize(1);
        assertThat(responder.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ipv6AddressesAreAnsweredWithAaaaAndOnlyToAaaaOrAnyQuestions() throws Exception {
        responder.register(0, NAME, ip("fd00:198:18::1"));
        drain();

        byte[] askA = query(DnsRecord.TYPE_A, DnsRecord.CLASS_IN);
        responder.handleReceive(2 * SECOND, BROWSER, askA, 0, askA.length);
        assertThat(drain()).isEmpty();

        byte[] askAaaa = query(DnsRecord.TYPE_AAAA, DnsRecord.CLASS_IN | 0x8000);
        responder.handleReceive(2 * SECOND, BROWSER, askAaaa, 0, askAaaa.length);
        DnsRecord answer = parse(drain().get(0)).answers().get(0);
        assertThat(answer.type()).isEqualTo(DnsRecord.TYPE_AAAA);
        assertThat(answer.address()).isEqualTo(ip("fd00:198:18::1"));
        assertThat(answer.cacheFlush()).isTrue();

        byte[] askAny = query(MdnsResponder.TYPE_ANY, MdnsResponder.CLASS_ANY);
        responder.handleReceive(4 * SECOND, BROWSER, askAny, 0, askAny.length);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void rfc6762Section6ARecordIsMulticastAtMostOnceASecond() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();
        byte[] query = query(DnsRecord.TYPE_A, DnsRecord.CLASS_IN);

        responder.handleReceive(SECOND / 2, BROWSER, query, 0, query.length);
        assertThat(drain()).isEmpty();
        responder.handleReceive(SECOND, BROWSER, query, 0, query.length);
        assertThat(drain()).hasSize(1);
        responder.handleReceive(SECOND + 10, BROWSER, query, 0, query.length);
        assertThat(drain()).isEmpty();
    }

    @Test
    void rfc6762Section7_1KnownAnswersWithHalfTheirTtlLeftAreNotRepeated() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();
        DnsQuestion question = new DnsQuestion(NAME, DnsRecord.TYPE_A, DnsRecord.CLASS_IN);
        byte[] fresh = new DnsMessage(0, 0, List.of(question),
                List.of(DnsRecord.address(NAME, ip("198.18.0.1"), false, 60)), List.of(), List.of()).encode();
        byte[] stale = new DnsMessage(0, 0, List.of(question),
                List.of(DnsRecord.address(NAME, ip("198.18.0.1"), false, 59)), List.of(), List.of()).encode();

        responder.handleReceive(2 * SECOND, BROWSER, fresh, 0, fresh.length);
        assertThat(drain()).isEmpty();
        responder.handleReceive(2 * SECOND, BROWSER, stale, 0, stale.length);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void rfc6762Section6_7LegacyUnicastQueriesGetAConventionalAnswerToTheirPort() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();
        // dig -p 5353 @224.0.0.251 <name> A: id 0x1234, RD set, from an ephemeral port
        byte[] query = HexFormat.of().parseHex("1234" + "0100" + "0001" + "0000" + "0000" + "0000"
                + DnsMessageTest.NAME_HEX + "0001" + "0001");
        InetSocketAddress dig = new InetSocketAddress("198.18.0.2", 40000);

        responder.handleReceive(0, dig, query, 0, query.length);

        MdnsResponder.Transmit sent = drain().get(0);
        assertThat(sent.destination()).isEqualTo(dig);
        assertThat(HexFormat.of().formatHex(sent.data())).isEqualTo("1234" + "8400" + "0001" + "0001" + "0000"
                + "0000" + DnsMessageTest.NAME_HEX + "0001" + "0001"
                + DnsMessageTest.NAME_HEX + "0001" + "0001" + "0000000a" + "0004" + "c6120001");
    }

    @Test
    void rfc6762Section10_1UnregisteringSaysGoodbyeAndStopsAnswering() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();

        responder.unregister(NAME.toUpperCase());

        DnsRecord goodbye = parse(drain().get(0)).answers().get(0);
        assertThat(goodbye.ttl()).isZero();
        byte[] query = query(DnsRecord.TYPE_A, DnsRecord.CLASS_IN);
        responder.handleReceive(5 * SECOND, BROWSER, query, 0, query.length);
        assertThat(drain()).isEmpty();
        assertThat(responder.registeredCount()).isZero();
    }

    @Test
    void responsesOtherNamesAndMalformedDatagramsGetNoAnswer() throws Exception {
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();
        byte[] response = HexFormat.of().parseHex(DnsMessageTest.CHROMIUM_RESPONSE_HEX);
        byte[] other = DnsMessage.query(List.of(new DnsQuestion("other.local", DnsRecord.TYPE_A,
                DnsRecord.CLASS_IN))).encode();
        byte[] garbage = {1, 2, 3};

        responder.handleReceive(5 * SECOND, BROWSER, response, 0, response.length);
        responder.handleReceive(5 * SECOND, BROWSER, other, 0, other.length);
        responder.handleReceive(5 * SECOND, BROWSER, garbage, 0, garbage.length);

        assertThat(drain()).isEmpty();
        assertThat(responder.malformedCount()).isEqualTo(1);
    }

    @Test
    void theResolverResolvesWhatTheResponderAnswers() throws Exception {
        MdnsResolver resolver = new MdnsResolver();
        responder.register(0, NAME, ip("198.18.0.1"));
        drain();

        resolver.resolve(3 * SECOND, NAME);
        for (byte[] query = resolver.pollTransmit(); query != null; query = resolver.pollTransmit()) {
            responder.handleReceive(3 * SECOND, BROWSER, query, 0, query.length);
        }
        for (MdnsResponder.Transmit answer : drain()) {
            resolver.handleReceive(3 * SECOND, answer.data(), 0, answer.data().length);
        }

        assertThat(resolver.pollEvent()).isEqualTo(new MdnsEvent.Resolved(NAME, ip("198.18.0.1")));
    }

    @Test
    void namesAreVersion4UuidsUnderLocalAndEachRegisteredOnce() throws Exception {
        String name = MdnsNames.random(new Random(7));

        assertThat(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.local");
        responder.register(0, name, ip("198.18.0.1"));
        assertThatThrownBy(() -> responder.register(0, name, ip("198.18.0.2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> responder.register(0, "example.com", ip("198.18.0.2")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
