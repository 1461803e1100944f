package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceCandidateTest {
    @Test
    void chromeServerReflexiveWithExtensions() throws Exception {
        IceCandidate c = IceCandidate.parse("candidate:842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx "
                + "raddr 0.0.0.0 rport 0 generation 0 ufrag sXGE network-id 1 network-cost 10");

        assertThat(c).isEqualTo(new IceCandidate("842163049", 1, "udp", 1677729535L, "203.0.113.7", 56143,
                IceCandidateType.SRFLX, "0.0.0.0", 0, null));
        assertThat(c.toSdpValue()).isEqualTo(
                "candidate:842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx raddr 0.0.0.0 rport 0");
        assertThat(c.socketAddress()).isEqualTo(SimPeer.address("203.0.113.7", 56143));
    }

    @Test
    void firefoxHostWithUppercaseTransportAndNoPrefix() throws Exception {
        IceCandidate c = IceCandidate.parse("0 1 UDP 2122252543 192.168.1.2 53415 typ host");

        assertThat(c.protocol()).isEqualTo("udp");
        assertThat(c.type()).isEqualTo(IceCandidateType.HOST);
        assertThat(c.relatedAddress()).isNull();
        assertThat(c.toSdpValue()).isEqualTo("candidate:0 1 udp 2122252543 192.168.1.2 53415 typ host");
    }

    @Test
    void sdpLineWithAttributePrefix() throws Exception {
        assertThat(IceCandidate.parse("a=candidate:1 1 udp 1 10.0.0.1 9 typ relay raddr 1.2.3.4 rport 5").type())
                .isEqualTo(IceCandidateType.RELAY);
    }

    @Test
    void mdnsHostNameIsKeptUnresolved() throws Exception {
        IceCandidate c = IceCandidate.parse("candidate:1 1 udp 2122260223 "
                + "3a8f4e1c-7f2b-4b8e-9a2d-1c2d3e4f5a6b.local 54321 typ host generation 0 network-id 1");

        assertThat(c.isMdns()).isTrue();
        assertThat(c.address()).isEqualTo("3a8f4e1c-7f2b-4b8e-9a2d-1c2d3e4f5a6b.local");
        assertThat(c.inetAddress()).isNull();
        assertThat(c.socketAddress()).isNull();
    }

    @Test
    void tcpCandidateKeepsTcpType() throws Exception {
        IceCandidate c = IceCandidate.parse("candidate:2 1 tcp 1518280447 10.0.0.1 9 typ host tcptype active "
                + "generation 0");

        assertThat(c.tcpType()).isEqualTo("active");
        assertThat(c.toSdpValue()).isEqualTo("candidate:2 1 tcp 1518280447 10.0.0.1 9 typ host tcptype active");
    }

    @Test
    void ipv6Candidate() throws Exception {
        IceCandidate c = IceCandidate.parse("candidate:3 1 udp 2122262783 2001:db8:0:0::5 50000 typ host");

        assertThat(c.inetAddress()).isEqualTo(SimPeer.address("2001:db8::5", 1).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "candidate:",
        "candidate:1 1 udp 1 10.0.0.1 9 typ",
        "candidate:1 1 udp 1 10.0.0.1 9 type host",
        "candidate:1 1 udp 1 10.0.0.1 9 typ nat",
        "candidate:1 0 udp 1 10.0.0.1 9 typ host",
        "candidate:1 1 udp 4294967296 10.0.0.1 9 typ host",
        "candidate:1 1 udp 1 10.0.0.1 65536 typ host",
        "candidate:1 1 udp -1 10.0.0.1 9 typ host",
        "candidate:f@o 1 udp 1 10.0.0.1 9 typ host",
        "candidate:123456789012345678901234567890123 1 udp 1 10.0.0.1 9 typ host",
    })
    void malformedCandidatesAreRejected(String value) {
        // A doubled space or a trailing extension name without value is read liberally (LiberalCandidateProperties).
        assertThatThrownBy(() -> IceCandidate.parse(value)).isInstanceOf(IceCandidateParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host ",
        "candidate:1 1 UDP 2122260223 192.0.2.1 5000 TYP HOST",
        "a=candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host\r\n",
        "1 1 udp 2122260223 192.0.2.1   5000 typ host generation 0 network-cost",
        "candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host generation 0 ufrag abcd network-id 2 x-unknown",
        "  candidate:  1\t1 udp 2122260223 192.0.2.1 5000 typ host"})
    void realWorldVariationsOfOneHostCandidateAreReadLiberally(String text) throws Exception {
        IceCandidate c = IceCandidate.parse(text);
        assertThat(c.toSdpValue()).isEqualTo("candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host");
    }

    @Test
    void typesAndStatesPrintTheirStandardNames() {
        assertThat(IceCandidateType.fromString("PRFLX")).isEqualTo(IceCandidateType.PRFLX);
        assertThat(IceCandidateType.SRFLX).hasToString("srflx");
        assertThat(IceConnectionState.DISCONNECTED).hasToString("disconnected");
        assertThat(IceGatheringState.COMPLETE).hasToString("complete");
        assertThat(IceRole.CONTROLLED).hasToString("controlled");
        assertThat(IceCandidatePairState.IN_PROGRESS).hasToString("in-progress");
    }

    @Test
    void randomParametersUseIceCharsOfTheRightLength() {
        IceParameters p = IceParameters.random(new java.util.Random(1));

        assertThat(p.usernameFragment()).hasSize(8).matches("[A-Za-z0-9+/]+");
        assertThat(p.password()).hasSize(24).matches("[A-Za-z0-9+/]+");
        assertThat(p.iceLite()).isFalse();
        assertThat(IceParameters.random(new java.util.Random(1))).isEqualTo(p);
        assertThat(p.toString()).doesNotContain(p.password());
    }

    @Test
    void ipLiteralsNeverResolveNames() {
        assertThat(IpLiterals.parse("localhost")).isNull();
        assertThat(IpLiterals.parse("abc.local")).isNull();
        assertThat(IpLiterals.parse("g::1")).isNull();
        assertThat(IpLiterals.parse("300.1.1.1")).isNull();
        assertThat(IpLiterals.parse("fe80::1%eth0")).isEqualTo(SimPeer.address("fe80::1", 1).getAddress());
        assertThat(IpLiterals.format(SimPeer.address("2001:db8:0:0:1:0:0:1", 1).getAddress()))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiterals.format(SimPeer.address("::", 1).getAddress())).isEqualTo("::");
        assertThat(IpLiterals.format(SimPeer.address("1::", 1).getAddress())).isEqualTo("1::");
        assertThat(IpLiterals.format(SimPeer.address("1:0:1:0:1:0:1:0", 1).getAddress()))
                .isEqualTo("1:0:1:0:1:0:1:0");
    }
}
