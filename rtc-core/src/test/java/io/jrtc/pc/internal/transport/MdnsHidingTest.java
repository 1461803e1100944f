package io.jrtc.pc.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateType;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.EngineResources;
import io.jrtc.time.RtcClock;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hiding engine signals (draft-ietf-mmusic-mdns-ice-candidates §3.1): one {@code <uuid>.local} name per
 * address for host candidates, {@code raddr 0.0.0.0 rport 0} for server-reflexive ones, relayed ones as they are;
 * and the names are answered on the mDNS port, so that a resolver (here the engine's own) gets the address back.
 */
class MdnsHidingTest {
    private final EngineResources engine = new EngineResources(RtcEngineSettings.defaults()
            .withHideHostAddresses(true), RtcClock.system());

    @AfterEach
    void close() {
        engine.close();
    }

    private static IceCandidate candidate(String address, IceCandidateType type, String raddr, Integer rport) {
        return new IceCandidate("1", 1, "udp", 2122260223L, address, 50000, type, raddr, rport, null);
    }

    @Test
    void hostAddressesGetOneNameEachAndReflexiveOnesHideTheirBase() {
        MdnsResolution mdns = MdnsResolution.of(engine);

        IceCandidate host = mdns.hide(candidate("198.18.0.1", IceCandidateType.HOST, null, null));
        IceCandidate sameAddressOtherPort = mdns.hide(new IceCandidate("2", 1, "udp", 1L, "198.18.0.1", 50001,
                IceCandidateType.HOST, null, null, null));
        IceCandidate v6 = mdns.hide(candidate("fd00:198:18::1", IceCandidateType.HOST, null, null));
        IceCandidate srflx = mdns.hide(candidate("203.0.113.7", IceCandidateType.SRFLX, "198.18.0.1", 50000));
        IceCandidate relay = candidate("203.0.113.9", IceCandidateType.RELAY, "203.0.113.7", 50000);

        assertThat(host.address()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.local");
        assertThat(host.port()).isEqualTo(50000);
        assertThat(sameAddressOtherPort.address()).isEqualTo(host.address());
        assertThat(v6.address()).endsWith(".local").isNotEqualTo(host.address());
        assertThat(srflx.toSdpValue()).endsWith("203.0.113.7 50000 typ srflx raddr 0.0.0.0 rport 0");
        assertThat(mdns.hide(relay)).isEqualTo(relay);
    }

    @Test
    void theNamesAreAnsweredOnTheMdnsPort() throws Exception {
        MdnsResolution mdns = MdnsResolution.of(engine);
        InetAddress address = InetAddress.getByName("198.18.0.1");
        String name = mdns.nameFor(address);

        assertThat(mdns.resolve(name).get(5, TimeUnit.SECONDS)).isEqualTo(address);
    }

    @Test
    void aHidingGathererSignalsNamesAndNoAddress() {
        IceGatherer gatherer = new IceGatherer(ConnectionContext.create(engine), List.of(),
                RTCIceTransportPolicy.ALL);
        gatherer.gather().orTimeout(10, TimeUnit.SECONDS).join();

        List<RTCIceCandidate> candidates = gatherer.getLocalCandidates();
        assertThat(candidates).isNotEmpty().allSatisfy(c -> assertThat(c.getCandidate()).contains(".local "));
        assertThat(gatherer.agent().localCandidates()).noneMatch(c -> c.address().endsWith(".local"));
        gatherer.context().onLoop(() -> {
            gatherer.close();
            return null;
        }).orTimeout(5, TimeUnit.SECONDS).join();
    }
}
