package io.jrtc.turn;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn (Debian package {@code coturn}, installed by scripts/ensure-test-peers.sh) started as a child
 * process on 127.0.0.1 (or a given address) and an ephemeral UDP port (optionally TCP on the same port and TLS on
 * another), with one long-term user, relaying to
 * loopback peers too. Its log goes
 * to a file in the given directory, shown by {@link #log()} when a test fails.
 */
public final class CoturnServer implements AutoCloseable {
    public static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    public static final String USER = "u";
    public static final String PASSWORD = "p";
    static final String REALM = "jrtc.test";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Process process;
    private final InetSocketAddress address;
    private final Path logFile;
    private final InetSocketAddress tlsAddress;
    private final X509Certificate certificate;

    /** Starts turnserver on 127.0.0.1 and returns once it answers a STUN Binding request. */
    public CoturnServer(Path dir, String... extraOptions) throws IOException, InterruptedException {
        this(dir, LOOPBACK, extraOptions);
    }

    /** Starts turnserver listening and relaying on {@code ip}, and returns once it answers a Binding request. */
    public CoturnServer(Path dir, InetAddress ip, String... extraOptions) throws IOException, InterruptedException {
        this(dir, ip, false, extraOptions);
    }

    /**
     * With {@code streams}, turnserver also takes TURN over TCP on its listening port, and over TLS and over DTLS
     * (UDP) on a port of its own ({@link #tlsAddress()}), with a self-signed certificate for {@code ip}
     * ({@link #certificate()}) made by openssl in {@code dir}.
     */
    public CoturnServer(Path dir, InetAddress ip, boolean streams, String... extraOptions)
            throws IOException, InterruptedException {
        int port = freePort(ip, streams);
        address = new InetSocketAddress(ip, port);
        tlsAddress = streams ? new InetSocketAddress(ip, freePort(ip, true)) : null;
        certificate = streams ? SelfSignedCertificate.create(dir, ip.getHostAddress()) : null;
        logFile = dir.resolve("turnserver.log");
        // An empty configuration file: Debian's /etc/turnserver.conf sends the log to syslog, among other things.
        Path config = Files.writeString(dir.resolve("turnserver.conf"), "");
        List<String> command = new ArrayList<>(List.of(TURNSERVER.toString(), "-c", config.toString(),
                "--listening-ip", ip.getHostAddress(), "--relay-ip", ip.getHostAddress(),
                "--listening-port", String.valueOf(port),
                "--no-cli", "--lt-cred-mech", "--fingerprint",
                "--user", USER + ":" + PASSWORD, "--realm", REALM, "--allow-loopback-peers",
                "--pidfile", dir.resolve("turnserver.pid").toString(), "--db", dir.resolve("turndb").toString(),
                "--log-file", logFile.toString(), "--simple-log", "--no-stdout-log", "--verbose"));
        if (streams) {
            command.addAll(List.of("--tls-listening-port", String.valueOf(tlsAddress.getPort()),
                    "--cert", dir.resolve(SelfSignedCertificate.CERT).toString(),
                    "--pkey", dir.resolve(SelfSignedCertificate.KEY).toString()));
        } else {
            command.addAll(List.of("--no-tls", "--no-tcp", "--no-dtls"));
        }
        command.addAll(List.of(extraOptions));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("turnserver.out").toFile()).start();
        try {
            awaitBindingAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Where turnserver takes TURN over TLS (TCP) and over DTLS (UDP): one port number; only with streams. */
    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    /** The self-signed certificate turnserver presents over TLS; only with streams. */
    public X509Certificate certificate() {
        return certificate;
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "(no turnserver log)";
        } catch (IOException e) {
            return "(turnserver log unreadable: " + e + ")";
        }
    }

    private void awaitBindingAnswer() throws IOException {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        byte[] request = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, tid, List.of()).encode();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address.getAddress(), 0))) {
            probe.setSoTimeout(50);
            byte[] buffer = new byte[1500];
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("turnserver exited with " + process.exitValue() + ": " + log());
                }
                probe.send(new DatagramPacket(request, request.length, address));
                try {
                    probe.receive(new DatagramPacket(buffer, buffer.length));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // turnserver is still starting
                }
            }
        }
        throw new IllegalStateException("turnserver did not answer on " + address + " within 10 s: " + log());
    }

    /** A UDP port that is free, and with {@code tcpToo} free for TCP as well. */
    private static int freePort(InetAddress ip, boolean tcpToo) {
        for (int attempt = 0; ; attempt++) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, 0))) {
                if (!tcpToo) {
                    return s.getLocalPort();
                }
                try (ServerSocket tcp = new ServerSocket(s.getLocalPort(), 1, ip)) {
                    return s.getLocalPort();
                } catch (IOException takenForTcp) {
                    if (attempt > 20) {
                        throw new UncheckedIOException(takenForTcp);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
