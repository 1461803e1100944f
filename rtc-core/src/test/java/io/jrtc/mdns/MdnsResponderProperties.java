package io.jrtc.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MdnsResponderProperties {
    private static final InetSocketAddress PEER = new InetSocketAddress("198.18.0.2", 5353);

    @Property(tries = 1000)
    void anyDatagramIsAnsweredWithOurRecordOnlyOrNotAtAll(@ForAll @Size(max = 300) byte[] data,
                                                          @ForAll @IntRange(min = 1024, max = 65535) int port)
            throws Exception {
        MdnsResponder responder = new MdnsResponder();
        InetAddress address = InetAddress.getByName("198.18.0.1");
        responder.register(0, DnsMessageTest.NAME, address);
        responder.pollTransmit();

        responder.handleReceive(10_000_000_000L, new InetSocketAddress("198.18.0.2", port), data, 0, data.length);
        responder.handleReceive(10_000_000_000L, PEER, data, 0, data.length);

        for (MdnsResponder.Transmit t = responder.pollTransmit(); t != null; t = responder.pollTransmit()) {
            DnsMessage answer = DnsMessage.parse(t.data(), 0, t.data().length);
            assertThat(answer.isResponse()).isTrue();
            assertThat(answer.answers()).allSatisfy(record -> assertThat(record.address()).isEqualTo(address));
        }
    }

    @Property(tries = 300)
    void everyCasingOfTheNameGetsTheAnswer(@ForAll @Size(min = 41, max = 41) List<Boolean> upper)
            throws Exception {
        MdnsResponder responder = new MdnsResponder();
        responder.register(0, DnsMessageTest.NAME, InetAddress.getByName("198.18.0.1"));
        responder.pollTransmit();
        StringBuilder asked = new StringBuilder();
        for (int i = 0; i < DnsMessageTest.NAME.length(); i++) {
            char c = DnsMessageTest.NAME.charAt(i);
            asked.append(upper.get(i % upper.size()) ? Character.toUpperCase(c) : c);
        }
        byte[] query = DnsMessage.query(List.of(new DnsQuestion(asked.toString(), DnsRecord.TYPE_A,
                DnsRecord.CLASS_IN))).encode();

        responder.handleReceive(2_000_000_000L, PEER, query, 0, query.length);

        assertThat(responder.pollTransmit()).isNotNull();
    }
}
