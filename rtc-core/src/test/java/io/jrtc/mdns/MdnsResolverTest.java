package io.jrtc.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolver on a virtual clock: time only moves when the test says so. */
class MdnsResolverTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String NAME = DnsMessageTest.NAME;
    private static final long T0 = 5 * SECOND;

    private final MdnsResolver resolver = new MdnsResolver();

    private static byte[] response(String name, String ip, long ttl) throws Exception {
        DnsRecord record = DnsRecord.address(name, InetAddress.getByName(ip), true, ttl);
        return new DnsMessage(0, 0x8400, List.of(), List.of(record), List.of(), List.of()).encode();
    }

    private List<DnsMessage> drainQueries() throws Exception {
        List<DnsMessage> sent = new ArrayList<>();
        for (byte[] wire = resolver.pollTransmit(); wire != null; wire = resolver.pollTransmit()) {
            sent.add(DnsMessage.parse(wire, 0, wire.length));
        }
        return sent;
    }

    private List<MdnsEvent> drainEvents() {
        List<MdnsEvent> events = new ArrayList<>();
        for (MdnsEvent event = resolver.pollEvent(); event != null; event = resolver.pollEvent()) {
            events.add(event);
        }
        return events;
    }

    private void receive(long now, byte[] datagram) {
        resolver.handleReceive(now, datagram, 0, datagram.length);
    }

    @Test
    void resolveSendsOneQueryForAAndOneForAaaa() throws Exception {
        resolver.resolve(T0, NAME);

        List<DnsMessage> queries = drainQueries();
        assertThat(queries).extracting(DnsMessage::questions).containsExactly(
                List.of(new DnsQuestion(NAME, DnsRecord.TYPE_A, DnsRecord.CLASS_IN)),
                List.of(new DnsQuestion(NAME, DnsRecord.TYPE_AAAA, DnsRecord.CLASS_IN)));
        assertThat(queries).allSatisfy(query -> {
            assertThat(query.id()).isZero();
            assertThat(query.flags()).isZero();
        });
        assertThat(resolver.pollTimeout()).isEqualTo(T0 + SECOND);
    }

    @Test
    void theChromiumResponseResolvesTheName() throws Exception {
        resolver.resolve(T0, NAME.toUpperCase());
        drainQueries();

        receive(T0 + SECOND / 10, HexFormat.of().parseHex(DnsMessageTest.CHROMIUM_RESPONSE_HEX));

        assertThat(drainEvents()).containsExactly(
                new MdnsEvent.Resolved(NAME, InetAddress.getByName("198.18.0.1")));
        assertThat(resolver.pendingCount()).isZero();
        assertThat(resolver.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anAnswerInTheAdditionalSectionCountsAndNamesMatchWhateverTheirCase() throws Exception {
        resolver.resolve(T0, NAME);
        DnsRecord record = DnsRecord.address(NAME.toUpperCase() + ".", InetAddress.getByName("fe80::7"), false, 10);
        byte[] wire = new DnsMessage(0, 0x8400, List.of(), List.of(), List.of(), List.of(record)).encode();

        receive(T0, wire);

        assertThat(drainEvents()).containsExactly(new MdnsEvent.Resolved(NAME, InetAddress.getByName("fe80::7")));
    }

    @Test
    void anUnansweredNameIsQueriedAgainAfterOneSecondAndFailsAfterThree() throws Exception {
        resolver.resolve(T0, NAME);
        drainQueries();

        resolver.handleTimeout(T0 + SECOND - 1);
        assertThat(drainQueries()).isEmpty();
        resolver.handleTimeout(T0 + SECOND);
        assertThat(drainQueries()).hasSize(2);
        assertThat(resolver.pollTimeout()).isEqualTo(T0 + 3 * SECOND);

        resolver.handleTimeout(T0 + 3 * SECOND - 1);
        assertThat(drainEvents()).isEmpty();
        resolver.handleTimeout(T0 + 3 * SECOND);
        assertThat(drainQueries()).isEmpty();
        assertThat(drainEvents()).containsExactly(new MdnsEvent.Failed(NAME));
        assertThat(resolver.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void concurrentResolvesOfOneNameShareOneQueryAndOneEvent() throws Exception {
        resolver.resolve(T0, NAME);
        resolver.resolve(T0 + 1, NAME.toUpperCase());

        assertThat(drainQueries()).hasSize(2);
        receive(T0 + 2, response(NAME, "198.18.0.9", 120));
        assertThat(drainEvents()).hasSize(1);
    }

    @Test
    void severalNamesResolveIndependently() throws Exception {
        String other = "0a0b0c0d-1111-2222-3333-444455556666.local";
        resolver.resolve(T0, NAME);
        resolver.resolve(T0, other);

        receive(T0 + 1, response(other, "198.18.0.2", 120));
        resolver.handleTimeout(T0 + 3 * SECOND);

        assertThat(drainEvents()).containsExactly(
                new MdnsEvent.Resolved(other, InetAddress.getByName("198.18.0.2")), new MdnsEvent.Failed(NAME));
    }

    @Test
    void aCachedAnswerIsReportedAtOnceUntilItsTtlRunsOut() throws Exception {
        resolver.resolve(T0, NAME);
        receive(T0, response(NAME, "198.18.0.9", 120));
        drainQueries();
        drainEvents();

        resolver.resolve(T0 + 119 * SECOND, NAME);
        assertThat(drainQueries()).isEmpty();
        assertThat(drainEvents()).containsExactly(new MdnsEvent.Resolved(NAME, InetAddress.getByName("198.18.0.9")));

        resolver.resolve(T0 + 120 * SECOND, NAME);
        assertThat(drainQueries()).hasSize(2);
        assertThat(drainEvents()).isEmpty();
    }

    @Test
    void aGoodbyeRemovesTheCachedAnswer() throws Exception {
        resolver.resolve(T0, NAME);
        receive(T0, response(NAME, "198.18.0.9", 120));
        drainQueries();
        drainEvents();

        receive(T0 + SECOND, response(NAME, "198.18.0.9", 0));
        resolver.resolve(T0 + 2 * SECOND, NAME);

        assertThat(drainEvents()).isEmpty();
        assertThat(drainQueries()).hasSize(2);
    }

    @Test
    void aGoodbyeDoesNotResolveAPendingName() throws Exception {
        resolver.resolve(T0, NAME);

        receive(T0, response(NAME, "198.18.0.9", 0));

        assertThat(drainEvents()).isEmpty();
        assertThat(resolver.pendingCount()).isOne();
    }

    @Test
    void answersForNamesNobodyAskedForAreNotCached() throws Exception {
        receive(T0, response(NAME, "198.18.0.9", 120));

        resolver.resolve(T0 + 1, NAME);

        assertThat(drainEvents()).isEmpty();
        assertThat(drainQueries()).hasSize(2);
    }

    @Test
    void queriesAndMalformedDatagramsAreIgnored() throws Exception {
        resolver.resolve(T0, NAME);
        byte[] ownQuery = resolver.pollTransmit();
        byte[] garbage = {1, 2, 3};

        receive(T0, ownQuery);
        receive(T0, garbage);

        assertThat(drainEvents()).isEmpty();
        assertThat(resolver.malformedCount()).isOne();
        assertThat(resolver.pendingCount()).isOne();
    }

    @Test
    void onlyLocalNamesAreAccepted() {
        assertThatThrownBy(() -> resolver.resolve(T0, "example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolve(T0, ".local")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolve(T0, "a..local")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver.resolve(T0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(resolver.pollTransmit()).isNull();
    }
}
