package io.jrtc.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the agent may send connectivity checks, and so any datagram: a remote candidate is a destination a peer
 * chooses, and without this filter a peer could aim our checks at any host (RFC 8445 §19.5.1 and RFC 7675 §1 on
 * voice hammer attacks). Never allowed: port 0, the unspecified, "this network" (0.0.0.0/8), multicast, reserved
 * and broadcast (240.0.0.0/4) addresses and link-local ones (169.254.0.0/16, fe80::/10). Loopback only from a
 * socket that is itself bound on loopback, which the caller binds only when loopback gathering is on. Private
 * ranges ({@link #PRIVATE_RANGES}: RFC 1918, RFC 6598 shared address space, RFC 2544 benchmarking (the test
 * namespace), RFC 4193 unique local) only within {@link #allowedPrivate()}. Every other address is allowed. An
 * IPv4-mapped IPv6 address is judged as its IPv4 address.
 *
 * @param allowedPrivate the parts of the private ranges checks may go to
 */
public record DestinationPolicy(List<AddressRange> allowedPrivate) {
    /** 10/8, 172.16/12, 192.168/16, 100.64/10, 198.18/15 and fc00::/7. */
    public static final List<AddressRange> PRIVATE_RANGES = List.of(AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("172.16.0.0/12"), AddressRange.parse("192.168.0.0/16"),
            AddressRange.parse("100.64.0.0/10"), AddressRange.parse("198.18.0.0/15"), AddressRange.parse("fc00::/7"));

    private static final AddressRange THIS_NETWORK = AddressRange.parse("0.0.0.0/8");
    private static final AddressRange RESERVED_AND_BROADCAST = AddressRange.parse("240.0.0.0/4");

    public DestinationPolicy {
        allowedPrivate = List.copyOf(allowedPrivate);
    }

    /** Private destinations allowed: peers on the same LAN or VPN connect directly, as browsers allow. */
    public static DestinationPolicy lan() {
        return new DestinationPolicy(PRIVATE_RANGES);
    }

    /** No private destination: the safe choice of a service facing the internet. */
    public static DestinationPolicy publicOnly() {
        return new DestinationPolicy(List.of());
    }

    /** Whether a check from a socket bound at {@code local} may go to {@code destination}. */
    public boolean allows(InetSocketAddress local, InetSocketAddress destination) {
        return verdict(local, destination) == null;
    }

    /**
     * Whether a check may go to {@code destination} from some socket: false for a destination no socket may send
     * to, true for loopback (a loopback socket may).
     */
    public boolean mayAllow(InetSocketAddress destination) {
        return verdict(true, destination) == null;
    }

    /** Why a check from {@code local} may not go to {@code destination}, or null when it may. */
    public String verdict(InetSocketAddress local, InetSocketAddress destination) {
        InetAddress bound = local == null ? null : unmapped(local.getAddress());
        return verdict(bound != null && bound.isLoopbackAddress(), destination);
    }

    private String verdict(boolean fromLoopback, InetSocketAddress destination) {
        Objects.requireNonNull(destination, "destination");
        InetAddress address = unmapped(destination.getAddress());
        if (address == null) {
            return "unresolved";
        }
        if (destination.getPort() == 0) {
            return "port 0";
        }
        if (address.isAnyLocalAddress() || THIS_NETWORK.contains(address)) {
            return "unspecified";
        }
        if (address.isMulticastAddress() || RESERVED_AND_BROADCAST.contains(address)) {
            return "multicast, reserved or broadcast";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isLoopbackAddress()) {
            return fromLoopback ? null : "loopback from a non-loopback socket";
        }
        if (isPrivate(address) && allowedPrivate.stream().noneMatch(r -> r.contains(address))) {
            return "private range not allowed";
        }
        return null;
    }

    /** Whether the address lies in one of {@link #PRIVATE_RANGES}. */
    public static boolean isPrivate(InetAddress address) {
        InetAddress a = unmapped(address);
        return PRIVATE_RANGES.stream().anyMatch(r -> r.contains(a));
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:a.b.c.d, RFC 4291 §2.5.5.2), else the address. */
    static InetAddress unmapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        if (b[10] != (byte) 0xFF || b[11] != (byte) 0xFF) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes rejected", e);
        }
    }
}
