package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.dtls.DtlsCertificate;
import io.jrtc.dtls.DtlsConfig;
import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsEvent;
import io.jrtc.dtls.DtlsRole;
import io.jrtc.dtls.DtlsState;
import io.jrtc.dtls.FirstFlight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * DTLS records as hostile bytes reach them (RFC 6347 §4.1): each input is a run of datagrams (two length bytes, then
 * the bytes). They go first to a server endpoint waiting for its peer's first flight, which must take a handshake
 * thread only for a datagram that looks like a ClientHello, never more than once, and fail at its deadline; then to
 * an established association's record layer, which must drop what it cannot authenticate, deliver nothing, and keep
 * carrying the real peer's records. Nothing may throw. (What the handshake thread itself reads comes only from a
 * path ICE validated; BouncyCastle's record layer parses it with the same code as the established one.)
 */
class DtlsRecordFuzzTest {
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();
    private static final long DEADLINE = DtlsConfig.DEFAULT.handshakeTimeout().toNanos();
    private static final Established PAIR = Established.connect();

    @FuzzTest(maxDuration = "5s")
    void hostileRecords(byte[] script) throws Exception {
        List<byte[]> datagrams = datagrams(script);
        InputBudget.within(() -> beforeTheFirstFlight(datagrams));
        InputBudget.within(() -> PAIR.underFire(datagrams));
    }

    private static List<byte[]> datagrams(byte[] script) {
        List<byte[]> datagrams = new ArrayList<>();
        int at = 0;
        while (at + 2 <= script.length) {
            int length = Math.min((script[at] & 0xFF) << 8 | script[at + 1] & 0xFF, script.length - at - 2);
            datagrams.add(Arrays.copyOfRange(script, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return datagrams;
    }

    private static void beforeTheFirstFlight(List<byte[]> datagrams) {
        List<Runnable> tasks = new ArrayList<>();
        DtlsEndpoint server = new DtlsEndpoint(DtlsRole.SERVER, CERTIFICATE, CERTIFICATE.fingerprints(), tasks::add,
                () -> { });
        server.start(0);
        boolean hello = false;
        for (byte[] datagram : datagrams) {
            hello |= FirstFlight.isClientHello(datagram, 0, datagram.length);
            server.handleReceive(0, datagram, 0, datagram.length);
            if (tasks.size() != (hello ? 1 : 0)) {
                throw new AssertionError(tasks.size() + " handshake tasks, ClientHello seen: " + hello);
            }
        }
        if (server.pollEvent() != null || server.pollApplicationData() != null) {
            throw new AssertionError("an event or data before any handshake ran");
        }
        server.handleTimeout(DEADLINE);
        DtlsEvent event = server.pollEvent();
        if (!(event instanceof DtlsEvent.Failed failed) || !failed.reason().equals("handshake timeout")) {
            throw new AssertionError("expected a handshake timeout at the deadline, got " + event);
        }
        // The task that never ran now finds the handshake over and ends at once.
        tasks.forEach(Runnable::run);
        if (server.pollTransmit() != null) {
            throw new AssertionError("a failed handshake sent something");
        }
    }

    /** A client and a server connected once, for every input, over an in-memory link the harness drives. */
    private static final class Established {
        private final DtlsEndpoint client;
        private final DtlsEndpoint server;
        private long marks;

        private Established(DtlsEndpoint client, DtlsEndpoint server) {
            this.client = client;
            this.server = server;
        }

        static Established connect() {
            ExecutorService handshakes = Executors.newCachedThreadPool();
            Semaphore wakeups = new Semaphore(0);
            DtlsCertificate clientCertificate = DtlsCertificate.generate();
            DtlsEndpoint client = new DtlsEndpoint(DtlsRole.CLIENT, clientCertificate, CERTIFICATE.fingerprints(),
                    handshakes, wakeups::release);
            DtlsEndpoint server = new DtlsEndpoint(DtlsRole.SERVER, CERTIFICATE, clientCertificate.fingerprints(),
                    handshakes, wakeups::release);
            server.start(0);
            client.start(0);
            Established pair = new Established(client, server);
            // Connected once both Connected events were taken: the state turns before the event is queued.
            int connected = 0;
            try {
                for (int i = 0; i < 2_000 && connected < 2; i++) {
                    pair.carry();
                    for (DtlsEvent e; (e = client.pollEvent()) != null || (e = server.pollEvent()) != null; ) {
                        connected += e instanceof DtlsEvent.Connected ? 1 : 0;
                    }
                    wakeups.tryAcquire(5, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pair.carry();
            handshakes.shutdown();
            if (connected < 2) {
                throw new IllegalStateException("the fuzz target's DTLS pair did not connect");
            }
            return pair;
        }

        /** Moves every datagram each side queued to the other; returns what reached the server's application. */
        List<byte[]> carry() {
            List<byte[]> delivered = new ArrayList<>();
            boolean moved = true;
            while (moved) {
                moved = false;
                for (byte[] d; (d = client.pollTransmit()) != null; moved = true) {
                    server.handleReceive(0, d, 0, d.length);
                }
                for (byte[] d; (d = server.pollTransmit()) != null; moved = true) {
                    client.handleReceive(0, d, 0, d.length);
                }
                for (byte[] d; (d = server.pollApplicationData()) != null; moved = true) {
                    delivered.add(d);
                }
                while (client.pollApplicationData() != null) {
                    moved = true;
                }
            }
            return delivered;
        }

        void underFire(List<byte[]> datagrams) {
            for (byte[] datagram : datagrams) {
                server.handleReceive(0, datagram, 0, datagram.length);
                if (server.pollApplicationData() != null) {
                    throw new AssertionError("forged bytes were delivered as application data");
                }
                if (server.pollEvent() != null || server.state() != DtlsState.CONNECTED) {
                    throw new AssertionError("forged bytes changed the association: " + server.state());
                }
            }
            byte[] mark = ("mark " + marks++).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            client.send(mark, 0, mark.length);
            List<byte[]> delivered = carry();
            if (delivered.size() != 1 || !Arrays.equals(delivered.get(0), mark)) {
                throw new AssertionError("the real peer's record did not get through after forged ones");
            }
        }
    }
}
