package io.jrtc.ice;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Random;

/** What the agent's parts hand back to the caller (datagrams, events) and their one source of randomness. */
final class Outbox {
    private final ArrayDeque<IceTransmit> transmits = new ArrayDeque<>();
    private final ArrayDeque<IceEvent> events = new ArrayDeque<>();
    private final Random random;

    Outbox(Random random) {
        this.random = random;
    }

    void send(int socketId, InetSocketAddress destination, byte[] data) {
        transmits.add(new IceTransmit(socketId, destination, data));
    }

    void emit(IceEvent event) {
        events.add(event);
    }

    IceTransmit pollTransmit() {
        return transmits.poll();
    }

    IceEvent pollEvent() {
        return events.poll();
    }

    void dropTransmits() {
        transmits.clear();
    }

    Random random() {
        return random;
    }

    byte[] newTransactionId() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return id;
    }

    /** A map key with content equality for a transaction id. */
    static ByteBuffer key(byte[] transactionId) {
        return ByteBuffer.wrap(transactionId);
    }
}
