package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** TCP candidates (RFC 6544 §4.5) in SDP: read liberally, written canonically, paired by direction (§6.2). */
class IceTcpCandidateProperties {

    @Provide
    Arbitrary<IceCandidate> tcpCandidates() {
        Arbitrary<String> address = Arbitraries.of("192.0.2.1", "2001:db8::7", "10.1.2.3", "x.local");
        Arbitrary<Integer> port = Arbitraries.integers().between(0, 65535);
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), address, port,
                Arbitraries.of(IceCandidateType.class), Arbitraries.of(IceTcpType.class))
                .as((prio, addr, p, type, tcpType) -> new IceCandidate("f1", 1, "tcp", prio, addr, p, type,
                        null, null, tcpType.toString()));
    }

    @Property(tries = 200)
    void tcpCandidatesRoundTripWithTheirDirection(@ForAll("tcpCandidates") IceCandidate c) throws Exception {
        IceCandidate parsed = IceCandidate.parse(c.toSdpValue());

        assertThat(parsed).isEqualTo(c);
        assertThat(parsed.isTcp()).isTrue();
        assertThat(parsed.iceTcpType()).isEqualTo(IceTcpType.fromSdp(c.tcpType()));
        assertThat(c.toSdpValue()).contains(" tcp ").endsWith(" tcptype " + c.tcpType());
    }

    @Property(tries = 200)
    void transportAndTcptypeAreReadInAnyCaseAmongOtherExtensions(@ForAll("tcpCandidates") IceCandidate c,
            @ForAll boolean upper) throws Exception {
        String transport = upper ? "TCP" : "Tcp";
        String tcpType = upper ? c.tcpType().toUpperCase() : c.tcpType();
        String text = "a=candidate:f1 1 " + transport + " " + c.priority() + " " + c.address() + " " + c.port()
                + " typ " + c.type() + " generation 0 TCPTYPE " + tcpType + " network-id 1";

        assertThat(IceCandidate.parse(text)).isEqualTo(c);
    }

    @Property(tries = 100)
    void aTcptypeOnAUdpCandidateIsDropped(@ForAll IceTcpType tcpType) throws Exception {
        IceCandidate parsed = IceCandidate.parse("candidate:1 1 udp 2130706431 192.0.2.1 5000 typ host tcptype "
                + tcpType);

        assertThat(parsed.tcpType()).isNull();
        assertThat(parsed.iceTcpType()).isNull();
        assertThat(parsed.toSdpValue()).doesNotContain("tcptype");
    }

    @Property(tries = 100)
    void aTcpCandidatePairsOnlyWithTcpOfTheCounterpartDirection(@ForAll IceTcpType ours, @ForAll IceTcpType theirs,
            @ForAll IceCandidateType theirType) {
        IceCandidate local = new IceCandidate("1", 1, "tcp", 1, "192.0.2.1", 443, IceCandidateType.HOST, null, null,
                ours.toString());
        IceCandidate remote = new IceCandidate("2", 1, "tcp", 1, "198.51.100.1", 9, theirType, null, null,
                theirs.toString());
        IceCandidate udpRemote = new IceCandidate("3", 1, "udp", 1, "198.51.100.1", 9, theirType, null, null, null);

        boolean expected = theirs == ours.counterpart()
                && (ours != IceTcpType.PASSIVE || theirType == IceCandidateType.PRFLX);
        assertThat(CheckList.transportsPair(local, remote)).isEqualTo(expected);
        assertThat(CheckList.transportsPair(local, udpRemote)).isFalse();
        assertThat(CheckList.transportsPair(udpRemote, local)).isFalse();
    }

    @Property(tries = 50)
    void anUnknownTcptypePairsWithNothing(@ForAll IceTcpType ours) throws Exception {
        IceCandidate odd = IceCandidate.parse("candidate:2 1 tcp 1 198.51.100.1 9 typ prflx tcptype sideways");
        IceCandidate local = new IceCandidate("1", 1, "tcp", 1, "192.0.2.1", 443, IceCandidateType.HOST, null, null,
                ours.toString());

        assertThat(odd.iceTcpType()).isNull();
        assertThat(CheckList.transportsPair(local, odd)).isFalse();
        assertThat(CheckList.transportsPair(odd, local)).isFalse();
    }
}
