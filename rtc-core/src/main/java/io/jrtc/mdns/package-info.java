/**
 * Multicast DNS (RFC 6762) for ICE candidates that hide a host address behind a {@code <uuid>.local} name
 * (draft-ietf-mmusic-mdns-ice-candidates), as sans-IO state machines fed received datagrams and the current time:
 * {@link io.jrtc.mdns.MdnsResolver} resolves a peer's names by one-shot queries (§5.2), and
 * {@link io.jrtc.mdns.MdnsResponder} answers queries for our own names (§6, §6.7, §7.1, §8.3, §10.1), which
 * {@link io.jrtc.mdns.MdnsNames} makes. The DNS wire format (RFC 1035 §4.1) is in {@link io.jrtc.mdns.DnsMessage}
 * and its parts.
 */
package io.jrtc.mdns;
