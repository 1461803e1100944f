package io.jrtc.mdns;

import java.net.InetAddress;

/** What an {@link MdnsResolver} reports; names are in {@link DnsName#normalize normalized} form. */
public sealed interface MdnsEvent {
    /** {@code name} has the address {@code address} (from a response or the cache). */
    record Resolved(String name, InetAddress address) implements MdnsEvent {
    }

    /** No response named an address for {@code name} before the resolver gave up. */
    record Failed(String name) implements MdnsEvent {
    }
}
