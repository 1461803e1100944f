package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.turn.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TcpStreamSocket} over TLS against the JDK's own TLS server: 300 kB both ways, so records arrive split and
 * merged at arbitrary TCP boundaries, then the server's close_notify, reported as an orderly close.
 */
class TcpStreamSocketTlsEchoTest {
    @TempDir
    Path dir;

    @Test
    void echoesLargeDataAndReportsTheServersCloseAsOrderly() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(dir, "127.0.0.1");
        SSLContext serverContext = serverContext(certificate, dir.resolve("turn-key.pem"));
        byte[] payload = new byte[300_000];
        new Random(11).nextBytes(payload);
        try (EventLoops loops = new EventLoops(1);
             SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                     .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> echoOnce(server, payload.length));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            CompletableFuture<Throwable> closed = new CompletableFuture<>();
            TcpStreamSocket socket = TcpStreamSocket.connect(loops, loops.next(),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                    TlsClientSettings.trusting("127.0.0.1", certificate), Duration.ofSeconds(5),
                    new TcpStreamSocket.StreamReceiver() {
                        @Override
                        public void onBytes(TcpStreamSocket s, byte[] data, int offset, int length) {
                            received.write(data, offset, length);
                        }

                        @Override
                        public void onClosed(TcpStreamSocket s, Throwable cause) {
                            closed.complete(cause);
                        }
                    }).get(10, TimeUnit.SECONDS);

            socket.eventLoop().submit(() -> {
                for (int at = 0; at < payload.length; at += 7_000) {
                    socket.write(payload, at, Math.min(7_000, payload.length - at));
                }
                socket.flush();
            }).get(5, TimeUnit.SECONDS);
            served.get(10, TimeUnit.SECONDS);

            assertThat(closed.get(10, TimeUnit.SECONDS)).isNull();
            assertThat(socket.eventLoop().submit(received::toByteArray).get()).isEqualTo(payload);
        }
    }

    private static void echoOnce(SSLServerSocket server, int length) {
        try (SSLSocket connection = (SSLSocket) server.accept()) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] buffer = new byte[5_000];
            int echoed = 0;
            while (echoed < length) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IllegalStateException("client closed after " + echoed + " bytes");
                }
                out.write(buffer, 0, n);
                echoed += n;
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SSLContext serverContext(X509Certificate certificate, Path keyPem) throws Exception {
        String pem = Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
