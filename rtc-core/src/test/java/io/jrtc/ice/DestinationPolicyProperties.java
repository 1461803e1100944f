package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The destination filter and CIDR ranges against an independent reading of each address's bits. */
class DestinationPolicyProperties {
    private static final InetSocketAddress PUBLIC_SOCKET = SimPeer.address("192.0.2.1", 5000);

    @Property(tries = 2000)
    void anIpv4DestinationIsAllowedExactlyWhenItsClassSaysSo(@ForAll @Size(4) byte[] bytes,
            @ForAll @IntRange(max = 65535) int port, @ForAll boolean lan, @ForAll boolean fromLoopback)
            throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress(bytes);
        int a = bytes[0] & 0xFF;
        int b = bytes[1] & 0xFF;
        boolean never = port == 0 || a == 0 || a >= 224 || (a == 169 && b == 254);
        boolean loopback = a == 127;
        boolean isPrivate = a == 10 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168)
                || (a == 100 && b >= 64 && b < 128) || (a == 198 && (b == 18 || b == 19));
        boolean expected = !never && (loopback ? fromLoopback : !isPrivate || lan);

        DestinationPolicy policy = lan ? DestinationPolicy.lan() : DestinationPolicy.publicOnly();
        InetSocketAddress local = fromLoopback ? SimPeer.address("127.0.0.1", 5000) : PUBLIC_SOCKET;
        InetSocketAddress destination = new InetSocketAddress(address, port);

        assertThat(policy.allows(local, destination)).isEqualTo(expected);
        assertThat(policy.verdict(local, destination) == null).isEqualTo(expected);
        assertThat(DestinationPolicy.isPrivate(address)).isEqualTo(isPrivate);
    }

    @Property(tries = 1000)
    void anIpv4MappedAddressIsJudgedAsItsIpv4Address(@ForAll @Size(4) byte[] bytes, @ForAll boolean lan)
            throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        InetAddress v4 = InetAddress.getByAddress(bytes);
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        DestinationPolicy policy = lan ? DestinationPolicy.lan() : DestinationPolicy.publicOnly();
        assertThat(policy.allows(PUBLIC_SOCKET, new InetSocketAddress(v6, 9)))
                .isEqualTo(policy.allows(PUBLIC_SOCKET, new InetSocketAddress(v4, 9)));
    }

    @Property(tries = 1000)
    void aRangeContainsAnAddressExactlyWhenTheirPrefixBitsAgree(@ForAll @Size(16) byte[] network,
            @ForAll @Size(16) byte[] candidate, @ForAll @IntRange(max = 128) int length) throws UnknownHostException {
        AddressRange range = new AddressRange(java.net.Inet6Address.getByAddress(null, network, -1), length);
        boolean agree = true;
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit % 8);
            agree &= (network[bit / 8] & mask) == (candidate[bit / 8] & mask);
        }
        assertThat(range.contains(java.net.Inet6Address.getByAddress(null, candidate, -1))).isEqualTo(agree);
    }

    @Property(tries = 500)
    void aRangeReadsBackFromItsText(@ForAll @Size(4) byte[] network, @ForAll @IntRange(max = 32) int length)
            throws UnknownHostException {
        AddressRange range = new AddressRange(InetAddress.getByAddress(network), length);
        assertThat(AddressRange.parse(range.toString())).isEqualTo(range);
        assertThat(range.contains(range.network())).isTrue();
    }

    @Property(tries = 300)
    void parsingAnyTextOnlyThrowsIllegalArgument(@ForAll String text) {
        try {
            AddressRange.parse(text);
        } catch (IllegalArgumentException expected) {
            // the only exception parse may throw
        }
    }

    @Property(tries = 200)
    void anyRangeListIsAPolicy(@ForAll @Size(max = 4) List<@IntRange(max = 32) Integer> lengths) {
        List<AddressRange> ranges = lengths.stream().map(l -> AddressRange.parse("10.0.0.0/" + l)).toList();
        assertThat(new DestinationPolicy(ranges).allowedPrivate()).hasSize(lengths.size());
    }
}
