package io.jrtc.pc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UDP relay on loopback between two peers that drops chosen datagrams on their way from the offerer: each peer
 * is told (through its candidates in the SDP) that the other lives at one of the relay's two sockets. So ICE, DTLS
 * and SRTP run unchanged over a path whose losses the test decides.
 */
final class LossyUdpProxy implements AutoCloseable {
    private static final Pattern HOST_CANDIDATE = Pattern.compile("(a=candidate:\\S+ 1 udp \\d+ 127\\.0\\.0\\.1 )(\\d+)");

    private final DatagramSocket towardsAnswerer;
    private final DatagramSocket towardsOfferer;
    private final Predicate<byte[]> dropFromOfferer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile InetSocketAddress offerer;
    private volatile InetSocketAddress answerer;

    /** {@code dropFromOfferer} sees each datagram the offerer sends (the bytes, exactly as long as it is). */
    LossyUdpProxy(Predicate<byte[]> dropFromOfferer) throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.towardsAnswerer = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.towardsOfferer = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.dropFromOfferer = dropFromOfferer;
        start(towardsOfferer, true);
        start(towardsAnswerer, false);
    }

    /** The offer as the answerer must see it: the offerer's host candidate moved to this relay. */
    String rewriteOffer(String sdp) {
        offerer = new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort(sdp));
        return withPort(sdp, towardsAnswerer.getLocalPort());
    }

    /** The answer as the offerer must see it. */
    String rewriteAnswer(String sdp) {
        answerer = new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort(sdp));
        return withPort(sdp, towardsOfferer.getLocalPort());
    }

    long dropped() {
        return dropped.get();
    }

    private void start(DatagramSocket socket, boolean fromOfferer) {
        Thread thread = new Thread(() -> relay(socket, fromOfferer), "lossy-proxy-" + (fromOfferer ? "o" : "a"));
        thread.setDaemon(true);
        thread.start();
    }

    private void relay(DatagramSocket in, boolean fromOfferer) {
        byte[] buffer = new byte[2048];
        while (!in.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                in.receive(packet);
                byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                if (fromOfferer && dropFromOfferer.test(data)) {
                    dropped.incrementAndGet();
                    continue;
                }
                InetSocketAddress to = fromOfferer ? answerer : offerer;
                DatagramSocket out = fromOfferer ? towardsAnswerer : towardsOfferer;
                if (to != null) {
                    out.send(new DatagramPacket(data, data.length, to));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static int hostPort(String sdp) {
        Matcher m = HOST_CANDIDATE.matcher(sdp);
        if (!m.find()) {
            throw new IllegalArgumentException("no 127.0.0.1 host candidate in\n" + sdp);
        }
        return Integer.parseInt(m.group(2));
    }

    private static String withPort(String sdp, int port) {
        return HOST_CANDIDATE.matcher(sdp).replaceAll("$1" + port);
    }

    @Override
    public void close() {
        towardsAnswerer.close();
        towardsOfferer.close();
    }
}
