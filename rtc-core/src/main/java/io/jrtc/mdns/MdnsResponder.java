package io.jrtc.mdns;

import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers multicast DNS queries for the {@code <uuid>.local} names that stand for our host candidates'
 * addresses (RFC 6762 §6; draft-ietf-mmusic-mdns-ice-candidates §3.1.1), sans-IO: the caller feeds every datagram
 * received on port 5353 with its sender to {@link #handleReceive} and sends what {@link #pollTransmit()} returns.
 *
 * <p>Each name has one address, so one record: A for IPv4, AAAA for IPv6, class IN with the cache-flush bit (the
 * name is unique, §10.2) and the host-record TTL of 120 s (§10), the shape Chromium answers in. Names are not
 * probed (§8.1): a random version-4 UUID collides with no other name in practice, which is why browsers skip it
 * too. A name is announced twice, one second apart, when it is registered (§8.3), and a goodbye (TTL 0, §10.1)
 * goes out when it is withdrawn.
 *
 * <p>Queries from port 5353 are answered by multicast, with no question section and id 0 (§6, §18.1); a record
 * multicast less than a second ago is not sent again (§6), and a query that already lists our record with at
 * least half its TTL left gets no answer (known-answer suppression, §7.1). A query from another port is a legacy
 * unicast query (§6.7): it is answered to its sender with its id and question repeated and a TTL of 10 s.
 */
public final class MdnsResponder {
    /** RFC 6762 §10: records with a host name as their name or rdata. */
    public static final long HOST_TTL_SECONDS = 120;
    /** RFC 6762 §6.7: the TTL of records in answers to legacy unicast queries. */
    static final long LEGACY_TTL_SECONDS = 10;
    /** RFC 6762 §6: a record is multicast at most once a second. */
    static final long MIN_MULTICAST_INTERVAL_NANOS = 1_000_000_000L;
    /** RFC 6762 §8.3: the second announcement follows the first after one second. */
    static final long ANNOUNCE_INTERVAL_NANOS = 1_000_000_000L;
    static final int TYPE_ANY = 255;
    static final int CLASS_ANY = 255;
    private static final int FLAG_AUTHORITATIVE = 0x0400;
    private static final System.Logger LOG = System.getLogger(MdnsResponder.class.getName());

    /** A message to send: to {@code destination}, or to the mDNS group of each interface when it is null. */
    public record Transmit(InetSocketAddress destination, byte[] data) {
        public Transmit {
            Objects.requireNonNull(data, "data");
        }

        public boolean multicast() {
            return destination == null;
        }
    }

    private static final class Name {
        final String wireName;
        final InetAddress address;
        long lastMulticast = Long.MIN_VALUE;
        long nextAnnouncement;

        Name(String wireName, InetAddress address, long now) {
            this.wireName = wireName;
            this.address = address;
            this.nextAnnouncement = now + ANNOUNCE_INTERVAL_NANOS;
        }

        DnsRecord record(long ttl, boolean cacheFlush) {
            return DnsRecord.address(wireName, address, cacheFlush, ttl);
        }
    }

    private final Map<String, Name> names = new HashMap<>();
    private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
    private long malformed;

    /**
     * Answers for {@code name} with {@code address} from now on and announces it.
     *
     * @throws IllegalArgumentException when {@code name} is not a {@code .local} name DNS can carry, or is taken
     */
    public void register(long now, String name, InetAddress address) {
        Objects.requireNonNull(address, "address");
        String key = MdnsNames.checked(name);
        if (names.containsKey(key)) {
            throw new IllegalArgumentException("'" + name + "' is registered already");
        }
        Name entry = new Name(key, address, now);
        names.put(key, entry);
        multicast(now, List.of(entry));
    }

    /** Stops answering for {@code name} and says goodbye to caches (RFC 6762 §10.1); unknown names are ignored. */
    public void unregister(String name) {
        Name entry = names.remove(DnsName.normalize(name));
        if (entry != null) {
            transmits.add(new Transmit(null, response(0, List.of(), List.of(entry.record(0, true)))));
        }
    }

    /** Takes one datagram received on the mDNS port; anything but a well-formed query is dropped. */
    public void handleReceive(long now, InetSocketAddress sender, byte[] data, int offset, int length) {
        DnsMessage message;
        try {
            message = DnsMessage.parse(data, offset, length);
        } catch (DnsParseException | RuntimeException e) {
            malformed++;
            LOG.log(Level.DEBUG, () -> "dropping malformed mDNS datagram: " + e.getMessage());
            return;
        }
        // RFC 6762 §18.3: opcode and response code must be zero, else the message is ignored.
        if (message.isResponse() || (message.flags() & 0x780F) != 0 || names.isEmpty()) {
            return;
        }
        if (sender.getPort() != MdnsNames.PORT) {
            answerLegacy(message, sender);
            return;
        }
        List<Name> due = new ArrayList<>();
        for (DnsQuestion question : message.questions()) {
            Name entry = answering(question);
            if (entry != null && !due.contains(entry) && !knownAnswer(message, entry)
                    && now - entry.lastMulticast >= MIN_MULTICAST_INTERVAL_NANOS) {
                due.add(entry);
            }
        }
        if (!due.isEmpty()) {
            multicast(now, due);
        }
    }

    /** RFC 6762 §6.7: the answer goes back to the querier's port, as a conventional DNS response. */
    private void answerLegacy(DnsMessage query, InetSocketAddress sender) {
        List<DnsQuestion> questions = new ArrayList<>();
        List<DnsRecord> answers = new ArrayList<>();
        for (DnsQuestion question : query.questions()) {
            Name entry = answering(question);
            if (entry != null) {
                questions.add(question);
                answers.add(entry.record(LEGACY_TTL_SECONDS, false));
            }
        }
        if (!answers.isEmpty()) {
            transmits.add(new Transmit(sender, response(query.id(), questions, answers)));
        }
    }

    /** The name a question asks our record of: ours, class IN or ANY, type A/AAAA of its family or ANY. */
    private Name answering(DnsQuestion question) {
        Name entry = names.get(DnsName.normalize(question.name()));
        if (entry == null) {
            return null;
        }
        int qclass = question.qclass() & ~DnsRecord.CLASS_TOP_BIT;
        int wanted = entry.address instanceof Inet4Address ? DnsRecord.TYPE_A : DnsRecord.TYPE_AAAA;
        boolean classMatches = qclass == DnsRecord.CLASS_IN || qclass == CLASS_ANY;
        boolean typeMatches = question.type() == wanted || question.type() == TYPE_ANY;
        return classMatches && typeMatches ? entry : null;
    }

    /** RFC 6762 §7.1: the querier already holds our record with at least half its TTL left. */
    private static boolean knownAnswer(DnsMessage query, Name entry) {
        DnsRecord ours = entry.record(HOST_TTL_SECONDS, true);
        for (DnsRecord known : query.answers()) {
            if (DnsName.normalize(known.name()).equals(entry.wireName) && known.type() == ours.type()
                    && entry.address.equals(known.address()) && known.ttl() >= HOST_TTL_SECONDS / 2) {
                return true;
            }
        }
        return false;
    }

    private void multicast(long now, List<Name> entries) {
        List<DnsRecord> answers = new ArrayList<>(entries.size());
        for (Name entry : entries) {
            entry.lastMulticast = now;
            answers.add(entry.record(HOST_TTL_SECONDS, true));
        }
        transmits.add(new Transmit(null, response(0, List.of(), answers)));
    }

    private static byte[] response(int id, List<DnsQuestion> questions, List<DnsRecord> answers) {
        return new DnsMessage(id, DnsMessage.FLAG_RESPONSE | FLAG_AUTHORITATIVE, questions, answers, List.of(),
                List.of()).encode();
    }

    /** Sends the second announcement of names registered a second ago. */
    public void handleTimeout(long now) {
        List<Name> due = new ArrayList<>();
        for (Name entry : names.values()) {
            if (entry.nextAnnouncement <= now) {
                entry.nextAnnouncement = Long.MAX_VALUE;
                due.add(entry);
            }
        }
        if (!due.isEmpty()) {
            multicast(now, due);
        }
    }

    /** The next message to send, or null. */
    public Transmit pollTransmit() {
        return transmits.poll();
    }

    /** When a second announcement is due, or Long.MAX_VALUE. */
    public long pollTimeout() {
        long deadline = Long.MAX_VALUE;
        for (Name entry : names.values()) {
            deadline = Math.min(deadline, entry.nextAnnouncement);
        }
        return deadline;
    }

    /** Names answered for now. */
    public int registeredCount() {
        return names.size();
    }

    /** Datagrams dropped because they were not DNS messages. */
    public long malformedCount() {
        return malformed;
    }
}
