package io.jrtc.ice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IP prefix in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), such as {@code 10.0.0.0/8} or {@code fc00::/7}.
 * Parsed without any name lookup; a range matches addresses of its own family only.
 */
public record AddressRange(InetAddress network, int prefixLength) {
    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + bits);
        }
    }

    /** Parses {@code address/length}, or a bare address as a range of one. */
    public static AddressRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String text = cidr.strip();
        int slash = text.indexOf('/');
        InetAddress network = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address range (CIDR, like 10.0.0.0/8)");
        }
        int bits = network.getAddress().length * 8;
        int length;
        try {
            length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no prefix length after '/'");
        }
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
        }
        return new AddressRange(network, length);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (n[full] & mask);
    }

    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }
}
