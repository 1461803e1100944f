package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.dtls.DtlsCertificate;
import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsRole;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datagrams from a stranger who knows a connection's port, over real sockets: a real DTLS ClientHello, random
 * bytes of every first-byte class, STUN requests with a wrong MESSAGE-INTEGRITY, and well-formed DTLS
 * application-data records that cannot decrypt. None may disturb the connection: it stays connected and its messages keep arriving intact.
 */
class HostileDatagramsTest {
    @ParameterizedTest(name = "aimed at the {0}")
    @ValueSource(strings = {"offerer (DTLS server)", "answerer (DTLS client)"})
    void datagramsFromAStrangerNeitherBreakNorDisturbAConnection(String victim) throws Exception {
        try (PeerPair pair = new PeerPair(); DatagramSocket stranger = new DatagramSocket(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            RTCDataChannel channel = pair.offerer.createDataChannel("under-fire");
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            pair.answerer.onDataChannel(remote -> remote.onMessage(m -> received.add(m.text())));
            pair.negotiate();
            DataChannelLoopbackTest.awaitOpen(channel);
            RTCPeerConnection attacked = victim.startsWith("offerer") ? pair.offerer : pair.answerer;
            InetSocketAddress target = hostCandidate(attacked);
            String ufrag = attacked.getLocalDescription().sdp().lines()
                    .filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow().substring(12);

            Random random = new Random(11);
            byte[] clientHello = genuineClientHello();
            for (int round = 0; round < 20; round++) {
                stranger.send(new DatagramPacket(clientHello, clientHello.length, target));
                for (byte[] datagram : hostileBatch(random, ufrag)) {
                    stranger.send(new DatagramPacket(datagram, datagram.length, target));
                }
                channel.send("message " + round);
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("message " + round);
            }

            assertThat(pair.answerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            await(pair.offerer.close());
            await(pair.answerer.close());
        }
    }

    /** The first flight of a real DTLS client: a stranger trying to start a handshake of its own. */
    static byte[] genuineClientHello() throws Exception {
        ExecutorService handshakes = Executors.newSingleThreadExecutor();
        Semaphore output = new Semaphore(0);
        DtlsEndpoint client = new DtlsEndpoint(DtlsRole.CLIENT, DtlsCertificate.generate(), List.of(), handshakes,
                output::release);
        try {
            client.start(0);
            assertThat(output.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            byte[] hello = client.pollTransmit();
            assertThat(hello).isNotNull();
            assertThat(hello[0]).as("a handshake record").isEqualTo((byte) 22);
            return hello;
        } finally {
            client.close();
            handshakes.shutdownNow();
        }
    }

    private static InetSocketAddress hostCandidate(RTCPeerConnection pc) {
        String line = pc.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=candidate:"))
                .findFirst().orElseThrow();
        String[] fields = line.split(" ");
        return new InetSocketAddress(fields[4], Integer.parseInt(fields[5]));
    }

    private static List<byte[]> hostileBatch(Random random, String ufrag) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] noise = new byte[random.nextInt(1300)];
            random.nextBytes(noise);
            if (noise.length > 0 && i % 5 == 0) {
                noise[0] = (byte) (20 + random.nextInt(44));  // RFC 7983: looks like DTLS
            }
            batch.add(noise);
        }
        batch.add(forgedBindingRequest(random, ufrag));
        for (int epoch = 0; epoch <= 1; epoch++) {
            batch.add(undecryptableRecord(random, epoch));
        }
        return batch;
    }

    /** A Binding request naming the connection's ufrag, signed with a key the stranger had to guess. */
    private static byte[] forgedBindingRequest(Random random, String ufrag) {
        byte[] transaction = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        random.nextBytes(transaction);
        StunMessage request = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, transaction,
                List.of(new UsernameAttribute(ufrag + ":stranger")));
        byte[] guessedKey = new byte[16];
        random.nextBytes(guessedKey);
        return request.encode(guessedKey, true);
    }

    /** A DTLS 1.2 application_data record (RFC 6347 §4.1) whose ciphertext is noise. */
    private static byte[] undecryptableRecord(Random random, int epoch) {
        byte[] body = new byte[40 + random.nextInt(200)];
        random.nextBytes(body);
        byte[] record = new byte[13 + body.length];
        record[0] = 23;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[4] = (byte) epoch;
        for (int i = 5; i < 11; i++) {
            record[i] = (byte) random.nextInt(256);
        }
        record[11] = (byte) (body.length >>> 8);
        record[12] = (byte) body.length;
        System.arraycopy(body, 0, record, 13, body.length);
        return record;
    }
}
