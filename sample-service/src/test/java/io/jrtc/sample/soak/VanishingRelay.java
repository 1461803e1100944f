package io.jrtc.sample.soak;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A UDP relay between one client and the service's shared port, so the client can vanish: {@link #close()} drops
 * the path, and nothing the client sends afterwards (its close, its SCTP ABORT) reaches the service, which sees
 * exactly what a killed browser tab leaves behind: silence. The client learns the relay from a rewritten answer
 * and signals no candidates of its own, so the service knows the client only by the relay's address.
 */
final class VanishingRelay implements AutoCloseable {
    private final DatagramSocket towardClient;
    private final DatagramSocket towardService;
    private final SocketAddress service;
    private volatile SocketAddress client;

    VanishingRelay(InetSocketAddress service) throws IOException {
        this.service = service;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        towardClient = new DatagramSocket(new InetSocketAddress(loopback, 0));
        towardService = new DatagramSocket(new InetSocketAddress(loopback, 0));
        start("soak-relay-up", towardClient, true);
        start("soak-relay-down", towardService, false);
    }

    /** Where the client sends: the port its rewritten answer names. */
    int clientFacingPort() {
        return towardClient.getLocalPort();
    }

    private void start(String name, DatagramSocket from, boolean up) {
        Thread thread = new Thread(() -> relay(from, up), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void relay(DatagramSocket from, boolean up) {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setData(buffer);
                from.receive(packet);
                if (up) {
                    client = packet.getSocketAddress();
                }
                SocketAddress to = up ? service : client;
                if (to != null) {
                    (up ? towardService : towardClient).send(new DatagramPacket(buffer, packet.getLength(), to));
                }
            }
        } catch (IOException closed) {
            // close() ends the relay: the client has vanished
        }
    }

    /** The client vanishes: from now on nothing passes either way. */
    @Override
    public void close() {
        towardClient.close();
        towardService.close();
    }
}
