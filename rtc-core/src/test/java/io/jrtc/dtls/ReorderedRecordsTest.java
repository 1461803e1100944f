package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that send each DTLS record in its own datagram, through a link that reorders them the same way every time,
 * retransmissions included (RFC 6347 §4.1.2.1 lets records arrive in any order). The client's second flight
 * (Certificate, ClientKeyExchange, CertificateVerify, ChangeCipherSpec, Finished) arrives in each of its 120
 * orders, and the server's every flight arrives last record first, its Finished ahead of its ChangeCipherSpec.
 * BouncyCastle alone switches to epoch 1 on a ChangeCipherSpec that overtook the CertificateVerify once it has the
 * ClientKeyExchange, and then drops that CertificateVerify and all its retransmissions: without
 * {@link EpochSwitchGuard} the 10 orders with ClientKeyExchange, ChangeCipherSpec, CertificateVerify in that
 * sequence never connected.
 */
class ReorderedRecordsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final DtlsConfig FAST = DtlsConfig.DEFAULT.withInitialRetransmitTimeout(Duration.ofMillis(50));
    private static final int CONTENT_CHANGE_CIPHER_SPEC = 20;
    private static final int CLIENT_FLIGHT_RECORDS = 5;
    private static final DtlsCertificate[] CERTIFICATES = DtlsPair.certificates();

    private ExecutorService executor;

    @BeforeEach
    void createExecutor() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    static Stream<int[]> everyOrderOfTheClientsSecondFlight() {
        return permutations(IntStream.range(0, CLIENT_FLIGHT_RECORDS).toArray()).stream();
    }

    @ParameterizedTest
    @MethodSource("everyOrderOfTheClientsSecondFlight")
    void connectsWhateverOrderTheRecordsOfAFlightArriveIn(int[] order) {
        DtlsPair[] holder = new DtlsPair[1];
        List<Integer> flightSizes = new ArrayList<>();
        DtlsPair pair = new DtlsPair(executor, FAST, CERTIFICATES[0], CERTIFICATES[1],
            CERTIFICATES[1].fingerprints(), CERTIFICATES[0].fingerprints()).filter((from, datagram) -> {
                List<byte[]> records = records(datagram);
                if (from == DtlsRole.CLIENT && records.stream().anyMatch(r -> r[0] == CONTENT_CHANGE_CIPHER_SPEC)) {
                    flightSizes.add(records.size());
                    records = records.size() == order.length ? permute(records, order) : records;
                } else {
                    java.util.Collections.reverse(records);
                }
                DtlsEndpoint to = from == DtlsRole.CLIENT ? holder[0].server : holder[0].client;
                for (byte[] record : records) {
                    to.handleReceive(holder[0].now(), record, 0, record.length);
                }
                return false;
            });
        holder[0] = pair;
        pair.start();

        boolean connected = pair.awaitConnected(LIMIT);

        assertThat(flightSizes).as("the client's second flight travels as one datagram of five records")
            .isNotEmpty().allMatch(size -> size == CLIENT_FLIGHT_RECORDS);
        assertThat(connected).as("order %s: client %s, server %s; client sent %d datagrams, server %d",
            Arrays.toString(order), pair.client.state(), pair.server.state(), pair.clientSide.sent.size(),
            pair.serverSide.sent.size()).isTrue();
        pair.client.close();
        pair.server.close();
    }

    /** The records of a datagram (RFC 6347 §4.1: 13-byte header, then as many bytes as its length says). */
    static List<byte[]> records(byte[] datagram) {
        List<byte[]> records = new ArrayList<>();
        int at = 0;
        while (datagram.length - at >= FirstFlight.RECORD_HEADER) {
            int length = (datagram[at + 11] & 0xFF) << 8 | datagram[at + 12] & 0xFF;
            int end = Math.min(datagram.length, at + FirstFlight.RECORD_HEADER + length);
            records.add(Arrays.copyOfRange(datagram, at, end));
            at = end;
        }
        return records;
    }

    private static List<byte[]> permute(List<byte[]> records, int[] order) {
        List<byte[]> permuted = new ArrayList<>();
        for (int index : order) {
            permuted.add(records.get(index));
        }
        return permuted;
    }

    private static List<int[]> permutations(int[] items) {
        if (items.length <= 1) {
            return List.of(items);
        }
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            int chosen = i;
            int first = items[chosen];
            int[] rest = IntStream.range(0, items.length).filter(j -> j != chosen).map(j -> items[j]).toArray();
            for (int[] tail : permutations(rest)) {
                int[] permutation = new int[items.length];
                permutation[0] = first;
                System.arraycopy(tail, 0, permutation, 1, tail.length);
                all.add(permutation);
            }
        }
        return all;
    }
}
