package io.jrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * An ICE candidate as carried in SDP "a=candidate" (RFC 8839 §5.1) and W3C RTCIceCandidate.candidate.
 *
 * <p>{@code address} may be an IP literal or a host name (mDNS ".local"); nothing here resolves names.
 */
public record IceCandidate(String foundation, int component, String protocol, long priority, String address, int port,
                           IceCandidateType type, String relatedAddress, Integer relatedPort, String tcpType) {
    private static final String PREFIX = "candidate:";
    /** The transport of RFC 6544 candidates; every other candidate we write says "udp". */
    public static final String TCP = "tcp";
    public static final String UDP = "udp";
    private static final long MAX_PRIORITY = 0xFFFF_FFFFL;

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("component must be 1..256: " + component);
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be a 32-bit unsigned value: " + priority);
        }
        if (port < 0 || port > 65535 || (relatedPort != null && (relatedPort < 0 || relatedPort > 65535))) {
            throw new IllegalArgumentException("port out of range");
        }
        protocol = protocol.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a candidate attribute value, with or without the leading "candidate:" (and "a="). Extension pairs
     * other than tcptype (generation, ufrag, network-id, network-cost, ...) are accepted and dropped.
     */
    public static IceCandidate parse(String attributeValue) throws IceCandidateParseException {
        return IceCandidateParser.parse(attributeValue);
    }

    /**
     * A candidate attribute as a peer sent it, in the form the W3C {@code candidate} member carries: trimmed, without
     * {@code a=}, with one {@code candidate:} prefix (either may be missing or in any case on input).
     */
    public static String attributeText(String text) {
        return IceCandidateParser.attribute(text);
    }

    /** The W3C RTCIceCandidate.candidate form: "candidate:&lt;foundation&gt; 1 udp &lt;prio&gt; ... typ host ...". */
    public String toSdpValue() {
        StringBuilder sb = new StringBuilder(PREFIX)
                .append(foundation).append(' ')
                .append(component).append(' ')
                .append(protocol).append(' ')
                .append(priority).append(' ')
                .append(address).append(' ')
                .append(port).append(" typ ")
                .append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort != null) {
            sb.append(" rport ").append(relatedPort);
        }
        if (tcpType != null) {
            sb.append(" tcptype ").append(tcpType);
        }
        return sb.toString();
    }

    /** Whether the candidate is a TCP one (RFC 6544), which pairs only with TCP candidates of the counterpart type. */
    public boolean isTcp() {
        return protocol.equals(TCP);
    }

    /** The direction of a TCP candidate ({@code tcptype}, RFC 6544 §4.5), or null for UDP and unknown types. */
    public IceTcpType iceTcpType() {
        return isTcp() ? IceTcpType.fromSdp(tcpType) : null;
    }

    /** The address as an IP literal, or null when it is a host name that the caller has to resolve. */
    public InetAddress inetAddress() {
        return IpLiterals.parse(address);
    }

    /** The transport address, or null when {@link #address()} is not an IP literal. */
    public InetSocketAddress socketAddress() {
        InetAddress ip = inetAddress();
        return ip == null ? null : new InetSocketAddress(ip, port);
    }

    /** Whether the address is an mDNS name (RFC 8839 §5.1, draft-ietf-mmusic-mdns-ice-candidates). */
    public boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    @Override
    public String toString() {
        return toSdpValue();
    }
}
