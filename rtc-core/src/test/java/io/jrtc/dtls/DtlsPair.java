package io.jrtc.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test harness: a client and a server endpoint wired back to back in memory. The test thread plays both owners'
 * event loops: it waits for a wakeup, then moves each side's transmits into the other's handleReceive (through an
 * optional filter that may drop datagrams) and collects events and application data.
 */
final class DtlsPair {

    /** Decides whether one datagram is delivered; sees every datagram in sending order. */
    interface Filter {
        boolean deliver(DtlsRole from, byte[] datagram);
    }

    final DtlsCertificate clientCertificate;
    final DtlsCertificate serverCertificate;
    final DtlsEndpoint client;
    final DtlsEndpoint server;
    final Side clientSide = new Side();
    final Side serverSide = new Side();
    private final Semaphore wakeups = new Semaphore(0);
    /** The owners' clock: nanoseconds since the pair was made (real time, as BouncyCastle's timers run). */
    private final long origin = System.nanoTime();
    private Filter filter = (from, datagram) -> true;

    /** What one endpoint produced, as seen by its owner. */
    static final class Side {
        final List<DtlsEvent> events = new ArrayList<>();
        final List<byte[]> received = new ArrayList<>();
        final List<byte[]> sent = new ArrayList<>();

        boolean connected() {
            return events.stream().anyMatch(e -> e instanceof DtlsEvent.Connected);
        }

        DtlsEvent.Connected connectedEvent() {
            return events.stream().filter(DtlsEvent.Connected.class::isInstance).map(DtlsEvent.Connected.class::cast)
                .findFirst().orElseThrow();
        }

        DtlsEvent.Failed failedEvent() {
            return events.stream().filter(DtlsEvent.Failed.class::isInstance).map(DtlsEvent.Failed.class::cast)
                .findFirst().orElse(null);
        }

        boolean hasEvent(Class<? extends DtlsEvent> type) {
            return events.stream().anyMatch(type::isInstance);
        }
    }

    DtlsPair(Executor executor, DtlsConfig config) {
        this(executor, config, DtlsCertificate.generate(), DtlsCertificate.generate());
    }

    private DtlsPair(Executor executor, DtlsConfig config, DtlsCertificate clientCertificate,
                     DtlsCertificate serverCertificate) {
        this(executor, config, clientCertificate, serverCertificate, serverCertificate.fingerprints(),
            clientCertificate.fingerprints());
    }

    DtlsPair(Executor executor, DtlsConfig config, DtlsCertificate clientCertificate,
             DtlsCertificate serverCertificate, List<DtlsFingerprint> clientExpects,
             List<DtlsFingerprint> serverExpects) {
        this.clientCertificate = clientCertificate;
        this.serverCertificate = serverCertificate;
        this.client = new DtlsEndpoint(DtlsRole.CLIENT, clientCertificate, clientExpects, executor,
            wakeups::release, config);
        this.server = new DtlsEndpoint(DtlsRole.SERVER, serverCertificate, serverExpects, executor,
            wakeups::release, config);
    }

    /** Certificates for tests that need them before the pair exists. */
    static DtlsCertificate[] certificates() {
        return new DtlsCertificate[] {DtlsCertificate.generate(), DtlsCertificate.generate()};
    }

    DtlsPair filter(Filter newFilter) {
        this.filter = newFilter;
        return this;
    }

    DtlsPair start() {
        server.start(now());
        client.start(now());
        return this;
    }

    /** The owners' clock, nanoseconds. */
    long now() {
        return System.nanoTime() - origin;
    }

    /** Pumps until both are connected; false if that did not happen in time. */
    boolean awaitConnected(Duration limit) {
        return pumpUntil(() -> clientSide.connected() && serverSide.connected(), limit);
    }

    /** Drains both sides until the condition holds or the limit passes (real time: BouncyCastle's timers run). */
    boolean pumpUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            drain();
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wakeups.tryAcquire(Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** One round of both owners' loops, repeated until nothing moves. */
    void drain() {
        boolean moved = true;
        while (moved) {
            moved = drainOne(client, clientSide, DtlsRole.CLIENT, server);
            moved |= drainOne(server, serverSide, DtlsRole.SERVER, client);
        }
    }

    private boolean drainOne(DtlsEndpoint endpoint, Side side, DtlsRole role, DtlsEndpoint other) {
        boolean moved = false;
        long now = now();
        if (now >= endpoint.handshakeDeadline()) {
            endpoint.handleTimeout(now);
        }
        for (byte[] datagram; (datagram = endpoint.pollTransmit()) != null; ) {
            moved = true;
            side.sent.add(datagram);
            if (filter.deliver(role, datagram)) {
                other.handleReceive(now(), datagram, 0, datagram.length);
            }
        }
        for (DtlsEvent event; (event = endpoint.pollEvent()) != null; ) {
            moved = true;
            side.events.add(event);
        }
        for (byte[] data; (data = endpoint.pollApplicationData()) != null; ) {
            moved = true;
            side.received.add(data);
        }
        return moved;
    }
}
