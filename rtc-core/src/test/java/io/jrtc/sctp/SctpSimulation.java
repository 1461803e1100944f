package io.jrtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Deterministic discrete-event simulation of two associations joined by two {@link SimulatedLink}s on a virtual
 * clock: packets, timers and application callbacks run in time order, nothing sleeps, and a seed fixes every
 * random choice.
 */
final class SctpSimulation {

    /** One endpoint and what its application saw. */
    static final class Peer {
        final String name;
        final SctpAssociation association;
        final List<SctpEvent> events = new ArrayList<>();
        /** The application consumes events only while this is true (false closes the receive window). */
        boolean consuming = true;
        /** Application logic run for each event, e.g. to answer or to send more. */
        BiConsumer<Peer, SctpEvent> onEvent = (p, e) -> { };
        Peer other;
        SimulatedLink outbound;

        Peer(String name, SctpAssociation association) {
            this.name = name;
            this.association = association;
        }

        <T extends SctpEvent> List<T> eventsOf(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (SctpEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }

        boolean has(Class<? extends SctpEvent> type) {
            return events.stream().anyMatch(type::isInstance);
        }
    }

    private record Arrival(long time, long sequence, Peer target, byte[] packet) {
    }

    final Peer a;
    final Peer b;
    final SimulatedLink aToB = new SimulatedLink();
    final SimulatedLink bToA = new SimulatedLink();
    private final Random random;
    private final PriorityQueue<Arrival> wire = new PriorityQueue<>((x, y) -> x.time != y.time
            ? Long.compare(x.time, y.time) : Long.compare(x.sequence, y.sequence));
    private long sequence;
    long now = 1_000_000_000L;

    SctpSimulation(long seed, SctpConfig configA, SctpConfig configB) {
        this.random = new Random(seed);
        this.a = new Peer("a", new SctpAssociation(configA.withRandomSeed(seed * 31 + 1)));
        this.b = new Peer("b", new SctpAssociation(configB.withRandomSeed(seed * 31 + 2)));
        a.other = b;
        b.other = a;
        a.outbound = aToB;
        b.outbound = bToA;
    }

    SctpSimulation(long seed) {
        this(seed, SctpConfig.defaults(), SctpConfig.defaults());
    }

    /** Moves packets, events and timers until {@code done} holds or {@code maxNanos} of virtual time pass. */
    boolean runUntil(BooleanSupplier done, long maxNanos) {
        long end = now + maxNanos;
        flush();
        while (!done.getAsBoolean()) {
            long next = nextEventTime();
            if (next == Long.MAX_VALUE || next > end) {
                now = Math.max(now, Math.min(end, next));
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!wire.isEmpty() && wire.peek().time <= now) {
                Arrival arrival = wire.poll();
                arrival.target.association.handleReceive(now, arrival.packet, 0, arrival.packet.length);
            }
            for (Peer p : List.of(a, b)) {
                if (p.association.pollTimeout() <= now) {
                    p.association.handleTimeout(now);
                }
            }
            flush();
        }
        return true;
    }

    /** Puts a hand-made packet on the wire to {@code target}, arriving now (a hostile peer's packet). */
    void inject(Peer target, byte[] packet) {
        wire.add(new Arrival(now, sequence++, target, packet));
    }

    /** Runs for a fixed span of virtual time. */
    void runFor(long nanos) {
        runUntil(() -> false, nanos);
    }

    /** Drains transmissions onto the links and events into the applications until both are quiet. */
    void flush() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Peer p : List.of(a, b)) {
                byte[] packet;
                while ((packet = p.association.pollTransmit()) != null) {
                    progress = true;
                    for (long at : p.outbound.schedule(now, packet, random)) {
                        wire.add(new Arrival(at, sequence++, p.other, packet));
                    }
                }
                if (p.consuming) {
                    SctpEvent e;
                    while ((e = p.association.pollEvent()) != null) {
                        progress = true;
                        p.events.add(e);
                        p.onEvent.accept(p, e);
                    }
                }
            }
        }
    }

    private long nextEventTime() {
        long next = wire.isEmpty() ? Long.MAX_VALUE : wire.peek().time;
        next = Math.min(next, a.association.pollTimeout());
        return Math.min(next, b.association.pollTimeout());
    }

    /** A summary of both sides for assertion messages. */
    String describe() {
        StringBuilder sb = new StringBuilder("t=" + (now - 1_000_000_000L) / 1_000_000 + "ms");
        for (Peer p : List.of(a, b)) {
            SctpAssociation x = p.association;
            sb.append("\n").append(p.name).append(": ").append(x.state()).append(" cwnd=").append(x.congestionWindow())
                    .append(" rwnd=").append(x.remoteReceiveWindow()).append(" buffered=").append(x.bufferedAmount())
                    .append(" srtt=").append(x.smoothedRttNanos() / 1000).append("us timeout=")
                    .append(x.pollTimeout() == Long.MAX_VALUE ? "none" : (x.pollTimeout() - now) / 1_000_000 + "ms")
                    .append("\n   ").append(x.stats()).append("\n   last events: ")
                    .append(p.events.subList(Math.max(0, p.events.size() - 5), p.events.size()));
        }
        return sb.toString();
    }

    static long ms(long millis) {
        return millis * 1_000_000L;
    }

    static long seconds(long s) {
        return s * 1_000_000_000L;
    }
}
