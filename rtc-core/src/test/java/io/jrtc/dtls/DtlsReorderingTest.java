package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handshake whose datagrams arrive out of order, as through a link with jitter: each side's datagrams are held and
 * delivered in a shuffled order, every one of them, nothing lost.
 */
class DtlsReorderingTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private ExecutorService executor;

    @BeforeEach
    void createExecutor() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void connectsWhateverTheOrderOfEachSidesDatagrams(int seed) {
        Random random = new Random(seed);
        DtlsPair[] holder = new DtlsPair[1];
        List<byte[]> heldFromClient = new ArrayList<>();
        List<byte[]> heldFromServer = new ArrayList<>();
        DtlsPair pair = new DtlsPair(executor, DtlsConfig.DEFAULT).filter((from, datagram) -> {
            List<byte[]> held = from == DtlsRole.CLIENT ? heldFromClient : heldFromServer;
            held.add(datagram);
            if (held.size() >= 2 || random.nextInt(3) == 0) {
                Collections.shuffle(held, random);
                DtlsEndpoint to = from == DtlsRole.CLIENT ? holder[0].server : holder[0].client;
                for (byte[] d : held) {
                    to.handleReceive(d, 0, d.length);
                }
                held.clear();
            }
            return false;
        });
        holder[0] = pair;
        pair.start();
        boolean connected = pair.awaitConnected(LIMIT);
        assertThat(connected).as("client %s, server %s; client sent %d, server sent %d",
            pair.client.state(), pair.server.state(), pair.clientSide.sent.size(), pair.serverSide.sent.size())
            .isTrue();
    }
}
