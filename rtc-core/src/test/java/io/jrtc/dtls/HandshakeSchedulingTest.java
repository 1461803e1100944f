package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a handshake takes a thread and when it must be over: a server takes none until a ClientHello arrives, the
 * deadline counts from {@link DtlsEndpoint#start(long)} in the owner's clock whether or not a thread ever ran, and a
 * full executor fails the handshake at once.
 */
class HandshakeSchedulingTest {
    private static final long SECOND = 1_000_000_000L;
    private static final DtlsConfig CONFIG = DtlsConfig.DEFAULT.withInitialRetransmitTimeout(Duration.ofMillis(50));

    private ExecutorService executor;

    @BeforeEach
    void createExecutor() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aServerTakesNoThreadUntilAClientHelloArrives() throws Exception {
        CountingExecutor counting = new CountingExecutor(executor);
        DtlsEndpoint server = server(counting);
        server.start(0);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            noise[0] = (byte) (20 + i % 44);
            server.handleReceive(0, noise, 0, noise.length);
        }
        assertThat(counting.submitted()).isZero();
        assertThat(server.droppedDatagrams()).isEqualTo(100);

        byte[] hello = clientHello(executor);
        server.handleReceive(0, hello, 0, hello.length);

        counting.awaitStarted(1);
        assertThat(counting.submitted()).isEqualTo(1);
        server.close();
        assertThat(counting.awaitFinished(1, Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void theDeadlineCountsFromStartEvenWhenThePeerNeverSpeaks() {
        CountingExecutor counting = new CountingExecutor(executor);
        DtlsEndpoint server = server(counting);
        long created = 7 * SECOND;
        server.start(created);
        assertThat(server.handshakeDeadline()).isEqualTo(created + 30 * SECOND);

        server.handleTimeout(created + 30 * SECOND - 1);
        assertThat(server.state()).isEqualTo(DtlsState.CONNECTING);
        assertThat(server.pollEvent()).isNull();

        server.handleTimeout(created + 30 * SECOND);
        assertThat(server.state()).isEqualTo(DtlsState.FAILED);
        assertThat(((DtlsEvent.Failed) server.pollEvent()).reason()).isEqualTo("handshake timeout");
        assertThat(server.handshakeDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(counting.submitted()).isZero();
    }

    @Test
    void timeWaitingForAThreadCountsTowardsTheDeadline() throws Exception {
        // One thread, taken: the client's task waits in the queue until the deadline fails it, and then never runs.
        ExecutorService single = Executors.newSingleThreadExecutor();
        Semaphore release = new Semaphore(0);
        single.execute(release::acquireUninterruptibly);
        CountingExecutor counting = new CountingExecutor(single);
        DtlsCertificate certificate = DtlsCertificate.generate();
        DtlsEndpoint client = new DtlsEndpoint(DtlsRole.CLIENT, certificate, certificate.fingerprints(), counting,
            () -> { }, CONFIG);
        try {
            client.start(0);
            assertThat(counting.submitted()).isEqualTo(1);
            client.handleTimeout(30 * SECOND);
            assertThat(((DtlsEvent.Failed) client.pollEvent()).reason()).isEqualTo("handshake timeout");

            release.release();
            assertThat(counting.awaitFinished(1, Duration.ofSeconds(2))).isTrue();
            assertThat(client.pollTransmit()).as("the task found the handshake over and sent nothing").isNull();
            assertThat(client.state()).isEqualTo(DtlsState.FAILED);
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aFullExecutorFailsTheHandshakeAtOnceWithItsReason() throws Exception {
        DtlsEndpoint server = server(task -> {
            throw new RejectedExecutionException("DTLS handshake pool full");
        });
        server.start(0);
        byte[] hello = clientHello(executor);

        server.handleReceive(0, hello, 0, hello.length);

        assertThat(server.state()).isEqualTo(DtlsState.FAILED);
        assertThat(((DtlsEvent.Failed) server.pollEvent()).reason())
            .isEqualTo("handshake executor rejected the task: DTLS handshake pool full");
        server.handleReceive(0, hello, 0, hello.length);
        assertThat(server.pollEvent()).isNull();
    }

    @Test
    void aServerStillConnectsWhenItsFirstClientHelloIsLost() {
        // The server waits for the client's retransmission, which then opens the handshake.
        boolean[] lostOne = {false};
        DtlsPair pair = new DtlsPair(executor, CONFIG).filter((from, datagram) -> {
            if (from == DtlsRole.CLIENT && !lostOne[0]) {
                lostOne[0] = true;
                return false;
            }
            return true;
        }).start();

        assertThat(pair.awaitConnected(Duration.ofSeconds(10))).isTrue();
        assertThat(lostOne[0]).isTrue();
    }

    private static DtlsEndpoint server(java.util.concurrent.Executor executor) {
        DtlsCertificate certificate = DtlsCertificate.generate();
        return new DtlsEndpoint(DtlsRole.SERVER, certificate, certificate.fingerprints(), executor, () -> { }, CONFIG);
    }

    /** The first flight of a real client, as a peer would send it. */
    static byte[] clientHello(ExecutorService executor) throws InterruptedException {
        Semaphore output = new Semaphore(0);
        DtlsCertificate certificate = DtlsCertificate.generate();
        DtlsEndpoint client = new DtlsEndpoint(DtlsRole.CLIENT, certificate, List.of(), executor, output::release);
        try {
            client.start(0);
            assertThat(output.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            byte[] hello = client.pollTransmit();
            assertThat(FirstFlight.isClientHello(hello, 0, hello.length)).isTrue();
            return hello;
        } finally {
            client.close();
        }
    }
}
