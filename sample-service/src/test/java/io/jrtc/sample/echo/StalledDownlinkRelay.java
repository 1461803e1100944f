package io.jrtc.sample.echo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay between one client and the service that can make the client a peer that never reads. Once
 * {@link #stall() stalled}, it drops every DTLS application-data record (content type 23, RFC 6347 §4.1) from the
 * service larger than {@link #SMALL}: SCTP packets that carry DATA never arrive, while STUN (consent), the
 * service's SACK-only packets and everything the client sends still do. To the service this is exactly a peer
 * whose receive window stays closed: what it sends is never acknowledged, yet the client keeps sending.
 */
final class StalledDownlinkRelay implements AutoCloseable {
    /** Larger than any SACK-only record (SCTP header, SACK with a few gap blocks, DTLS overhead). */
    static final int SMALL = 200;
    private static final int DTLS_APPLICATION_DATA = 23;

    private final DatagramSocket towardClient;
    private final DatagramSocket towardService;
    private final SocketAddress service;
    private volatile SocketAddress client;
    private volatile boolean stalled;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread up;
    private final Thread down;

    StalledDownlinkRelay(InetSocketAddress service) throws SocketException {
        this.service = service;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        towardClient = new DatagramSocket(new InetSocketAddress(loopback, 0));
        towardService = new DatagramSocket(new InetSocketAddress(loopback, 0));
        towardClient.setReceiveBufferSize(4 << 20);
        towardService.setReceiveBufferSize(4 << 20);
        up = daemon("relay-up", this::relayUp);
        down = daemon("relay-down", this::relayDown);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Where the client is to send: the address to put in the answer's candidate. */
    InetSocketAddress clientFacingAddress() {
        return (InetSocketAddress) towardClient.getLocalSocketAddress();
    }

    /** From now on the client reads nothing the service sends on its data channels. */
    void stall() {
        stalled = true;
    }

    long droppedDatagrams() {
        return dropped.get();
    }

    private void relayUp() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setData(buffer);
                towardClient.receive(packet);
                client = packet.getSocketAddress();
                towardService.send(new DatagramPacket(buffer, packet.getLength(), service));
            }
        } catch (IOException closed) {
            // close() ends the relay
        }
    }

    private void relayDown() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setData(buffer);
                towardService.receive(packet);
                SocketAddress to = client;
                if (to == null) {
                    continue;
                }
                if (stalled && packet.getLength() > SMALL && (buffer[0] & 0xFF) == DTLS_APPLICATION_DATA) {
                    dropped.incrementAndGet();
                    continue;
                }
                towardClient.send(new DatagramPacket(buffer, packet.getLength(), to));
            }
        } catch (IOException closed) {
            // close() ends the relay
        }
    }

    @Override
    public void close() throws InterruptedException {
        towardClient.close();
        towardService.close();
        up.join(1000);
        down.join(1000);
    }
}
