package io.jrtc.mdns;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code .local} names by multicast DNS one-shot queries (RFC 6762 §5.2), sans-IO: the caller multicasts
 * what {@link #pollTransmit()} returns to 224.0.0.251:5353 from port 5353 (browsers answer only such queries,
 * with a multicast response) and feeds every datagram received on that port to {@link #handleReceive}.
 *
 * <p>Each name is queried as two one-question messages, type A and type AAAA, class IN, QU bit clear: one
 * question per message is the shape browsers were seen to answer, and a browser gives each host address a name
 * of its own, so an IPv6 host candidate's name has only an AAAA record. The first address wins. Queries go out
 * at once and again after {@link #RETRANSMIT_NANOS} (the RFC 6762 §5.2 minimum spacing); a name not answered
 * within {@link #TIMEOUT_NANOS} fails. Answers are cached for their TTL (a TTL of 0, a goodbye, removes them,
 * RFC 6762 §10.1). Concurrent resolves of one name share one query.
 */
public final class MdnsResolver {
    public static final long RETRANSMIT_NANOS = 1_000_000_000L;
    public static final long TIMEOUT_NANOS = 3_000_000_000L;
    /** Only names asked for are cached; this bounds the cache when many peers come and go. */
    static final int MAX_CACHED = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final System.Logger LOG = System.getLogger(MdnsResolver.class.getName());

    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Cached> cache = new HashMap<>();
    private final ArrayDeque<byte[]> transmits = new ArrayDeque<>();
    private final ArrayDeque<MdnsEvent> events = new ArrayDeque<>();
    private long malformed;

    private record Cached(InetAddress address, long expiresAt) {
    }

    private static final class Pending {
        final long startedAt;
        final long failAt;
        long nextSend;

        Pending(long now) {
            this.startedAt = now;
            this.failAt = now + TIMEOUT_NANOS;
            this.nextSend = now + RETRANSMIT_NANOS;
        }
    }

    /**
     * Starts resolving {@code name}: a cached address is reported at once, a name already being resolved is not
     * queried again, else queries are queued.
     *
     * @throws IllegalArgumentException when {@code name} is not a {@code .local} name of valid labels
     */
    public void resolve(long now, String name) {
        String key = MdnsNames.checked(name);
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt > now) {
            events.add(new MdnsEvent.Resolved(key, cached.address));
            return;
        }
        cache.remove(key);
        if (pending.containsKey(key)) {
            return;
        }
        pending.put(key, new Pending(now));
        queueQueries(key);
    }

    /** Takes one received datagram; anything but a well-formed response is dropped. */
    public void handleReceive(long now, byte[] data, int offset, int length) {
        DnsMessage message;
        try {
            message = DnsMessage.parse(data, offset, length);
        } catch (DnsParseException | RuntimeException e) {
            malformed++;
            LOG.log(Level.DEBUG, () -> "dropping malformed mDNS datagram: " + e.getMessage());
            return;
        }
        if (!message.isResponse()) {
            return;
        }
        // RFC 6762 §6: answers may come in either section; the additional one often carries the other family.
        for (List<DnsRecord> section : List.of(message.answers(), message.additionals())) {
            for (DnsRecord record : section) {
                take(now, record);
            }
        }
    }

    private void take(long now, DnsRecord record) {
        InetAddress address = record.address();
        if (address == null) {
            return;
        }
        String key = DnsName.normalize(record.name());
        boolean asked = pending.containsKey(key);
        if (!asked && !cache.containsKey(key)) {
            return;
        }
        if (record.ttl() == 0) {
            cache.remove(key);
            return;
        }
        if (asked || cache.size() < MAX_CACHED) {
            cache.put(key, new Cached(address, now + record.ttl() * NANOS_PER_SECOND));
        }
        if (pending.remove(key) != null) {
            events.add(new MdnsEvent.Resolved(key, address));
        }
    }

    public void handleTimeout(long now) {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> entry = it.next();
            Pending state = entry.getValue();
            if (state.failAt <= now) {
                it.remove();
                events.add(new MdnsEvent.Failed(entry.getKey()));
            } else if (state.nextSend <= now) {
                queueQueries(entry.getKey());
                // RFC 6762 §5.2: the interval at least doubles; the next one would land past the timeout.
                state.nextSend += 2 * (state.nextSend - state.startedAt);
            }
        }
        cache.values().removeIf(cached -> cached.expiresAt <= now);
    }

    /** The next query to multicast to 224.0.0.251:5353, or null. */
    public byte[] pollTransmit() {
        return transmits.poll();
    }

    /** The earliest deadline of a retransmission or a timeout, or Long.MAX_VALUE. */
    public long pollTimeout() {
        long deadline = Long.MAX_VALUE;
        for (Pending state : pending.values()) {
            deadline = Math.min(deadline, Math.min(state.failAt, state.nextSend));
        }
        return deadline;
    }

    public MdnsEvent pollEvent() {
        return events.poll();
    }

    /** Names being resolved now. */
    public int pendingCount() {
        return pending.size();
    }

    /** Datagrams dropped because they were not DNS messages. */
    public long malformedCount() {
        return malformed;
    }

    private void queueQueries(String key) {
        for (int type : new int[] {DnsRecord.TYPE_A, DnsRecord.TYPE_AAAA}) {
            transmits.add(DnsMessage.query(List.of(new DnsQuestion(key, type, DnsRecord.CLASS_IN))).encode());
        }
    }
}
