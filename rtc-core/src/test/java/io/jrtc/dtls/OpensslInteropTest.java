package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with OpenSSL's DTLS 1.2 on loopback, both roles: the handshake completes with mutual certificates and
 * use_srtp, application data flows, and OpenSSL's "EXTRACTOR-dtls_srtp" export equals the keys we split (RFC 5764
 * §4.2), which pins down the key/salt layout against an independent implementation.
 */
class OpensslInteropTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;
    private ExecutorService executor;
    private Process openssl;
    private final List<String> opensslOutput = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        assertThat(Files.isExecutable(OPENSSL)).as("/usr/bin/openssl, installed by scripts/ensure-test-peers.sh")
                .isTrue();
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (openssl != null) {
            openssl.destroy();
            openssl.waitFor();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Test
    void clientInteroperatesWithOpensslServer() throws Exception {
        DtlsCertificate ours = DtlsCertificate.generate();
        DtlsCertificate theirs = DtlsCertificate.generate();
        writePem(theirs, "server");
        int port = freeUdpPort();
        startOpenssl("s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port, "-cert", pem("server.crt"),
            "-key", pem("server.key"), "-verify", "1", "-use_srtp", "SRTP_AES128_CM_SHA1_80",
            "-keymatexport", SrtpKeyingMaterial.EXPORTER_LABEL, "-keymatexportlen", "60");
        assertThat(awaitOutput(line -> line.startsWith("ACCEPT"))).isTrue();

        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            UdpPump pump = new UdpPump(socket, new InetSocketAddress(LOOPBACK, port));
            DtlsEndpoint client = new DtlsEndpoint(DtlsRole.CLIENT, ours, theirs.fingerprints(), executor, () -> { });
            client.start(0);

            assertThat(pump.runUntil(client, () -> pump.connected() != null)).isTrue();
            SrtpKeyingMaterial keys = pump.connected().srtp();
            assertThat(keys.protectionProfile()).isEqualTo(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80);
            byte[] line = "hello from jrtc\n".getBytes(StandardCharsets.US_ASCII);
            client.send(line, 0, line.length);
            assertThat(pump.runUntil(client, () -> opensslOutput.contains("hello from jrtc"))).isTrue();
            assertThat(opensslKeyingMaterial())
                .isEqualTo(exported(keys.localKey(), keys.remoteKey(), keys.localSalt(), keys.remoteSalt()));

            client.close();
            pump.runUntil(client, () -> false, Duration.ofMillis(50));
        }
    }

    @Test
    void serverInteroperatesWithOpensslClient() throws Exception {
        DtlsCertificate ours = DtlsCertificate.generate();
        DtlsCertificate theirs = DtlsCertificate.generate();
        writePem(theirs, "client");

        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            UdpPump pump = new UdpPump(socket, null);
            DtlsEndpoint server = new DtlsEndpoint(DtlsRole.SERVER, ours, theirs.fingerprints(), executor, () -> { });
            server.start(0);
            startOpenssl("s_client", "-dtls1_2", "-connect", "127.0.0.1:" + socket.getLocalPort(),
                "-cert", pem("client.crt"), "-key", pem("client.key"),
                "-use_srtp", "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80",
                "-keymatexport", SrtpKeyingMaterial.EXPORTER_LABEL, "-keymatexportlen", "56");

            assertThat(pump.runUntil(server, () -> pump.connected() != null)).isTrue();
            SrtpKeyingMaterial keys = pump.connected().srtp();
            assertThat(keys.protectionProfile()).isEqualTo(SrtpProtectionProfile.AEAD_AES_128_GCM);
            assertThat(pump.connected().remoteFingerprint()).isEqualTo(theirs.fingerprints().get(0));

            OutputStream stdin = openssl.getOutputStream();
            stdin.write("ping\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            assertThat(pump.runUntil(server, () -> pump.received.stream()
                .anyMatch(d -> new String(d, StandardCharsets.US_ASCII).equals("ping\n")))).isTrue();
            byte[] pong = "pong from jrtc\n".getBytes(StandardCharsets.US_ASCII);
            server.send(pong, 0, pong.length);
            assertThat(pump.runUntil(server, () -> opensslOutput.contains("pong from jrtc"))).isTrue();
            assertThat(pump.runUntil(server, () -> opensslKeyingMaterial() != null)).isTrue();
            assertThat(opensslKeyingMaterial())
                .isEqualTo(exported(keys.remoteKey(), keys.localKey(), keys.remoteSalt(), keys.localSalt()));
        }
    }

    /** Drives one endpoint over a real UDP socket from the test thread. */
    private static final class UdpPump {
        private final DatagramSocket socket;
        private SocketAddress remote;
        private final byte[] buffer = new byte[DtlsConfig.MAX_DATAGRAM_SIZE];
        private final List<DtlsEvent> events = new ArrayList<>();
        final List<byte[]> received = new ArrayList<>();

        UdpPump(DatagramSocket socket, SocketAddress remote) throws IOException {
            this.socket = socket;
            this.remote = remote;
            socket.setSoTimeout(5);
        }

        DtlsEvent.Connected connected() {
            return events.stream().filter(DtlsEvent.Connected.class::isInstance).map(DtlsEvent.Connected.class::cast)
                .findFirst().orElse(null);
        }

        boolean runUntil(DtlsEndpoint endpoint, BooleanSupplier condition) throws IOException {
            return runUntil(endpoint, condition, LIMIT);
        }

        boolean runUntil(DtlsEndpoint endpoint, BooleanSupplier condition, Duration limit) throws IOException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                for (byte[] datagram; remote != null && (datagram = endpoint.pollTransmit()) != null; ) {
                    socket.send(new DatagramPacket(datagram, datagram.length, remote));
                }
                for (DtlsEvent event; (event = endpoint.pollEvent()) != null; ) {
                    events.add(event);
                }
                for (byte[] data; (data = endpoint.pollApplicationData()) != null; ) {
                    received.add(data);
                }
                if (condition.getAsBoolean()) {
                    return true;
                }
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    remote = packet.getSocketAddress();
                    endpoint.handleReceive(System.nanoTime(), packet.getData(), packet.getOffset(),
                        packet.getLength());
                } catch (SocketTimeoutException idle) {
                    // nothing arrived; go round again
                }
            }
            return false;
        }
    }

    private void startOpenssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(arguments));
        openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(openssl.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    opensslOutput.add(line.strip());
                }
            } catch (IOException ended) {
                // the process was destroyed
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean awaitOutput(java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (opensslOutput.stream().anyMatch(wanted)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private byte[] opensslKeyingMaterial() {
        return opensslOutput.stream().filter(line -> line.startsWith("Keying material:"))
            .map(line -> HexFormat.of().parseHex(line.substring("Keying material:".length()).strip()))
            .findFirst().orElse(null);
    }

    /** RFC 5764 §4.2 order: client key, server key, client salt, server salt. */
    private static byte[] exported(byte[] clientKey, byte[] serverKey, byte[] clientSalt, byte[] serverSalt) {
        byte[] all = new byte[clientKey.length * 2 + clientSalt.length * 2];
        int at = 0;
        for (byte[] part : new byte[][] {clientKey, serverKey, clientSalt, serverSalt}) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private void writePem(DtlsCertificate certificate, String name) throws IOException {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        Files.writeString(dir.resolve(name + ".crt"), "-----BEGIN CERTIFICATE-----\n"
            + base64.encodeToString(certificate.encoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve(name + ".key"), "-----BEGIN PRIVATE KEY-----\n"
            + base64.encodeToString(certificate.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    private String pem(String file) {
        return dir.resolve(file).toString();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return probe.getLocalPort();
        }
    }
}
