package io.jrtc.spring.autoconfigure.websocket;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A WebSocket client that reads binary messages only as fast as it is told: nothing until {@link #readOne()} asks
 * for one more, everything once {@link #speedUp()} has been called. Unread frames stay in TCP, as with a client
 * that is slower than its peer.
 */
final class SlowReadingWebSocket implements WebSocket.Listener {
    final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
    }

    /** Lets one more frame in. */
    void readOne() {
        socket.request(1);
    }

    /** Reads everything from now on. */
    void speedUp() {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partial.writeBytes(bytes);
        if (last) {
            messages.add(partial.toByteArray());
            partial.reset();
        }
        return null;
    }
}
