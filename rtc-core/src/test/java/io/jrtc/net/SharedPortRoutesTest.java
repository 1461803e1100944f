package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing on a shared port: the first check's ufrag, then the peer's address; strangers get no route. */
class SharedPortRoutesTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("198.18.0.2", 40000);
    private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("198.18.0.2", 40001);
    private static final byte[] DTLS = {22, (byte) 0xFE, (byte) 0xFD, 0, 0};

    private final SharedPortRoutes<String> routes = new SharedPortRoutes<>();

    @Test
    void aCheckForAKnownUfragBindsItsSenderSoLaterDatagramsFollow() {
        routes.addUfrag("ufA", "A");
        routes.addUfrag("ufB", "B");

        assertThat(routes.route(PEER, DTLS, DTLS.length)).as("before any check").isNull();
        assertThat(route(PEER, check("ufB"))).isEqualTo("B");
        assertThat(routes.route(PEER, DTLS, DTLS.length)).isEqualTo("B");
        assertThat(routes.route(OTHER_PEER, DTLS, DTLS.length)).isNull();
    }

    @Test
    void unknownUfragsAndUnknownAddressesHaveNoRoute() {
        routes.addUfrag("ufA", "A");

        assertThat(route(PEER, check("nobody"))).isNull();
        assertThat(routes.route(PEER, DTLS, DTLS.length)).isNull();
        assertThat(routes.keyCount()).isEqualTo(1);
    }

    @Test
    void aDestinationWeCheckedRoutesItsAnswersBackButTakesNoAddressFromAnother() {
        routes.addUfrag("ufA", "A");
        routes.addUfrag("ufB", "B");
        routes.noteDestination(PEER, "A");
        routes.noteDestination(PEER, "B");

        assertThat(routes.route(PEER, DTLS, DTLS.length)).isEqualTo("A");
        assertThat(route(PEER, check("ufB"))).as("the peer's own check decides").isEqualTo("B");
        assertThat(routes.route(PEER, DTLS, DTLS.length)).isEqualTo("B");
    }

    @Test
    void aUfragBelongsToOneRoute() {
        assertThat(routes.addUfrag("same", "A")).isTrue();
        assertThat(routes.addUfrag("same", "B")).isFalse();
        assertThat(routes.addUfrag("same", "A")).isTrue();
    }

    @Test
    void removingARouteLeavesNoKeyBehind() {
        routes.addUfrag("ufA", "A");
        routes.addUfrag("ufA2", "A");
        routes.addUfrag("ufB", "B");
        route(PEER, check("ufA"));
        routes.noteDestination(OTHER_PEER, "A");

        routes.remove("A");

        assertThat(routes.size()).isEqualTo(1);
        assertThat(routes.keyCount()).isEqualTo(1);
        assertThat(routes.route(PEER, DTLS, DTLS.length)).isNull();
        assertThat(route(PEER, check("ufA"))).isNull();
    }

    @Test
    void aRouteHoldsABoundedNumberOfAddresses() {
        routes.addUfrag("ufA", "A");
        for (int port = 1; port <= SharedPortRoutes.MAX_ADDRESSES_PER_ROUTE + 100; port++) {
            route(new InetSocketAddress("198.18.0.2", port), check("ufA"));
        }

        assertThat(routes.keyCount()).isEqualTo(1 + SharedPortRoutes.MAX_ADDRESSES_PER_ROUTE);
    }

    private String route(InetSocketAddress sender, byte[] data) {
        return routes.route(sender, data, data.length);
    }

    private static byte[] check(String receiverUfrag) {
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, new byte[StunMessage.TRANSACTION_ID_LENGTH],
                List.of(new UsernameAttribute(receiverUfrag + ":peer"))).encode();
    }
}
