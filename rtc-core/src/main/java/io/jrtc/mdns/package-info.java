/**
 * Multicast DNS (RFC 6762) name resolution for ICE candidates that hide their host address behind a
 * {@code <uuid>.local} name (draft-ietf-mmusic-mdns-ice-candidates), as a sans-IO state machine:
 * {@link io.jrtc.mdns.MdnsResolver} is fed received datagrams and the current time and hands back queries to
 * multicast to 224.0.0.251:5353, a timer deadline and {@link io.jrtc.mdns.MdnsEvent}s. The DNS wire format
 * (RFC 1035 §4.1) is in {@link io.jrtc.mdns.DnsMessage} and its parts.
 */
package io.jrtc.mdns;
