package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where checks may go (issue 8): the address classes of RFC 6890's special-purpose registry, one by one. */
class DestinationPolicyTest {
    private static final InetSocketAddress PUBLIC_SOCKET = SimPeer.address("192.0.2.1", 5000);
    private static final InetSocketAddress LOOPBACK_SOCKET = SimPeer.address("127.0.0.1", 5000);
    private static final InetSocketAddress LOOPBACK6_SOCKET = SimPeer.address("::1", 5000);

    @ParameterizedTest(name = "{0} is never a destination")
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "::", "224.0.0.251", "239.255.255.250", "255.255.255.255",
            "240.0.0.1", "ff02::fb", "ff05::1:3", "169.254.169.254", "169.254.0.1", "fe80::1", "febf::1",
            "::ffff:169.254.169.254", "::ffff:224.0.0.1"})
    void neverFromAnySocketWhateverIsAllowed(String address) {
        DestinationPolicy everything = new DestinationPolicy(List.of(AddressRange.parse("0.0.0.0/0"),
                AddressRange.parse("::/0")));
        InetSocketAddress destination = SimPeer.address(address, 9);
        assertThat(everything.allows(PUBLIC_SOCKET, destination)).isFalse();
        assertThat(everything.allows(LOOPBACK_SOCKET, destination)).isFalse();
        assertThat(everything.allows(LOOPBACK6_SOCKET, destination)).isFalse();
        assertThat(everything.mayAllow(destination)).isFalse();
    }

    @ParameterizedTest(name = "port 0 of {0}")
    @ValueSource(strings = {"203.0.113.7", "2001:db8::1", "127.0.0.1"})
    void portZeroIsNeverADestination(String address) {
        assertThat(DestinationPolicy.lan().allows(LOOPBACK_SOCKET, SimPeer.address(address, 0))).isFalse();
    }

    @ParameterizedTest(name = "{0} only from a loopback socket")
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"})
    void loopbackOnlyFromALoopbackSocket(String address) {
        InetSocketAddress destination = SimPeer.address(address, 9);
        assertThat(DestinationPolicy.lan().allows(PUBLIC_SOCKET, destination)).isFalse();
        assertThat(DestinationPolicy.lan().allows(null, destination)).isFalse();
        InetSocketAddress sameFamilySocket = destination.getAddress() instanceof java.net.Inet6Address
                && !address.startsWith("::ffff") ? LOOPBACK6_SOCKET : LOOPBACK_SOCKET;
        assertThat(DestinationPolicy.lan().allows(sameFamilySocket, destination)).isTrue();
        assertThat(DestinationPolicy.publicOnly().allows(sameFamilySocket, destination)).isTrue();
        assertThat(DestinationPolicy.publicOnly().mayAllow(destination)).isTrue();
    }

    @ParameterizedTest(name = "{0} only when allowed")
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "198.18.0.2", "198.19.255.1", "fc00::1", "fd00:198:18::2",
            "::ffff:10.1.2.3"})
    void privateRangesOnlyWhenAllowed(String address) {
        InetSocketAddress destination = SimPeer.address(address, 9);
        assertThat(DestinationPolicy.isPrivate(destination.getAddress())).isTrue();
        assertThat(DestinationPolicy.publicOnly().allows(PUBLIC_SOCKET, destination)).isFalse();
        assertThat(DestinationPolicy.publicOnly().mayAllow(destination)).isFalse();
        assertThat(DestinationPolicy.lan().allows(PUBLIC_SOCKET, destination)).isTrue();
    }

    @ParameterizedTest(name = "{0} allowed by {1}: {2}")
    @CsvSource({"10.1.2.3, 10.1.0.0/16, true", "10.2.2.3, 10.1.0.0/16, false", "198.18.0.2, 198.18.0.0/15, true",
            "198.20.0.2, 198.18.0.0/15, true", "fd00::5, fd00::/8, true", "fc00::5, fd00::/8, false",
            "172.20.0.1, 172.16.0.0/12, true", "172.32.0.1, 172.16.0.0/12, true"})
    void aConfiguredRangeAllowsOnlyItsPart(String address, String range, boolean allowed) {
        DestinationPolicy policy = new DestinationPolicy(List.of(AddressRange.parse(range)));
        // 198.20/16 and 172.32/16 lie outside the private ranges, so they are public and always allowed.
        assertThat(policy.allows(PUBLIC_SOCKET, SimPeer.address(address, 9))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "192.169.0.1", "198.17.255.255", "198.20.0.0", "11.0.0.1", "2001:db8::1", "2606:4700::1111"})
    void publicAddressesAreAlwaysDestinations(String address) {
        InetSocketAddress destination = SimPeer.address(address, 9);
        assertThat(DestinationPolicy.isPrivate(destination.getAddress())).isFalse();
        assertThat(DestinationPolicy.publicOnly().allows(PUBLIC_SOCKET, destination)).isTrue();
    }

    @ParameterizedTest(name = "{0} is no range")
    @ValueSource(strings = {"", "10.0.0.0/33", "fc00::/129", "10.0.0.0/-1", "10.0.0.0/x", "example.com/8",
            "10.0.0/8", "256.0.0.0/8"})
    void aBadRangeIsRejectedNamingIt(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }
}
