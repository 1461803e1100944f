package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuedDatagramTransportTest {
    private final AtomicInteger wakeups = new AtomicInteger();
    private final QueuedDatagramTransport transport = new QueuedDatagramTransport(1200, 2, wakeups::incrementAndGet);

    @Test
    void blockingReceiveHandsOverQueuedDatagramsAndTimesOutWithMinusOne() throws IOException {
        transport.offerInbound(new byte[] {1, 2, 3});
        byte[] buf = new byte[10];

        assertThat(transport.receive(buf, 4, 6, 50)).isEqualTo(3);
        assertThat(buf).startsWith(0, 0, 0, 0, 1, 2, 3);
        assertThat(transport.receive(buf, 0, 10, 1)).isEqualTo(-1);
    }

    @Test
    void inboundQueueIsBounded() {
        assertThat(transport.offerInbound(new byte[1])).isTrue();
        assertThat(transport.offerInbound(new byte[1])).isTrue();
        assertThat(transport.offerInbound(new byte[1])).isFalse();
    }

    @Test
    void sendCopiesAndWakesOnlyWhileHandshaking() throws IOException {
        byte[] data = {9, 8, 7, 6};
        transport.send(data, 1, 2);
        data[1] = 0;
        transport.receive(new byte[10], 0, 10, 1);  // the flight is complete once the handshake waits
        assertThat(transport.pollOutbound()).containsExactly(8, 7);
        assertThat(wakeups.get()).isEqualTo(1);

        transport.stopBlocking();
        transport.send(data, 0, 1);
        assertThat(wakeups.get()).isEqualTo(1);
        assertThat(transport.pollOutbound()).containsExactly(9);
        assertThat(transport.pollOutbound()).isNull();
    }

    @Test
    void aFlightIsPackedIntoDatagramsOfAtMostTheSendLimit() throws IOException {
        transport.send(new byte[500], 0, 500);
        transport.send(new byte[600], 0, 600);
        assertThat(transport.pollOutbound()).as("nothing leaves before the flight is complete").isNull();
        transport.send(new byte[300], 0, 300);  // 1,400 bytes would exceed 1,200: the first two leave together
        assertThat(transport.pollOutbound()).hasSize(1100);
        transport.send(new byte[100], 0, 100);
        transport.receive(new byte[10], 0, 10, 1);
        assertThat(transport.pollOutbound()).hasSize(400);
        assertThat(transport.pollOutbound()).isNull();
        assertThat(wakeups.get()).isEqualTo(2);
    }

    @Test
    void theLastFlightLeavesWhenTheHandshakeEndsOrCloses() {
        transport.send(new byte[] {1}, 0, 1);
        transport.stopBlocking();
        assertThat(transport.pollOutbound()).containsExactly(1);

        QueuedDatagramTransport failing = new QueuedDatagramTransport(1200, 2, () -> { });
        failing.send(new byte[] {21}, 0, 1);  // a fatal alert, then BouncyCastle closes the transport
        failing.close();
        assertThat(failing.pollOutbound()).containsExactly(21);
    }

    @Test
    void nonBlockingReceiveSignalsEmptyWithWouldBlock() throws IOException {
        transport.stopBlocking();
        transport.offerInbound(new byte[] {5});
        byte[] buf = new byte[4];

        assertThat(transport.receive(buf, 0, 4, 0)).isEqualTo(1);
        assertThatThrownBy(() -> transport.receive(buf, 0, 4, 0))
            .isInstanceOf(QueuedDatagramTransport.WouldBlockException.class);
    }

    @Test
    void closeWakesABlockedReceiveAndDropsLaterTraffic() throws Exception {
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                transport.receive(new byte[10], 0, 10, 60_000);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);

        transport.close();

        assertThat(blocked.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(transport.isClosed()).isTrue();
        assertThat(transport.offerInbound(new byte[1])).isFalse();
        transport.send(new byte[1], 0, 1);
        assertThat(transport.pollOutbound()).isNull();
        assertThatThrownBy(() -> transport.receive(new byte[10], 0, 10, 10)).isInstanceOf(IOException.class);
    }

    @Test
    void limitsAreTheMtuAndTheLargestDatagram() {
        assertThat(transport.getSendLimit()).isEqualTo(1200);
        assertThat(transport.getReceiveLimit()).isEqualTo(DtlsConfig.MAX_DATAGRAM_SIZE);
    }
}
