package io.jrtc.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The client side of TLS on a byte stream through the JDK's {@link SSLEngine}: network bytes in, plaintext out, and
 * the other way round. It does what Netty's SslHandler would (netty-handler is not a dependency of rtc-core): runs
 * the handshake, holds application data written before it finished, and runs the engine's delegated tasks inline,
 * on the connection's loop (certificate checks are short, and a thread per connection is what this avoids).
 */
final class TlsConnection {
    /** Plaintext that arrived; the array is reused after the call returns. */
    interface PlaintextSink {
        void onPlaintext(byte[] data, int offset, int length);
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final ArrayDeque<ByteBuffer> pendingPlaintext = new ArrayDeque<>();
    private final ArrayDeque<byte[]> output = new ArrayDeque<>();
    private ByteBuffer networkIn;
    private ByteBuffer plaintextIn;
    private ByteBuffer networkOut;
    private boolean handshakeDone;
    private boolean inboundClosed;

    TlsConnection(SSLEngine engine) {
        this.engine = engine;
        engine.setUseClientMode(true);
        int packet = engine.getSession().getPacketBufferSize();
        this.networkIn = ByteBuffer.allocate(packet).flip();
        this.plaintextIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        this.networkOut = ByteBuffer.allocate(packet);
    }

    /** Starts the handshake: the ClientHello is then in {@link #pollOutput()}. */
    void begin() throws SSLException {
        engine.beginHandshake();
        drive(null);
    }

    /** Takes bytes from the network; plaintext they complete goes to {@code sink}. */
    void receive(byte[] data, int offset, int length, PlaintextSink sink) throws SSLException {
        networkIn.compact();
        if (networkIn.remaining() < length) {
            ByteBuffer larger = ByteBuffer.allocate(networkIn.position() + length + 1024);
            networkIn.flip();
            larger.put(networkIn);
            networkIn = larger;
        }
        networkIn.put(data, offset, length);
        networkIn.flip();
        drive(sink);
    }

    /** Encrypts application data (copied), or holds it until the handshake is done. */
    void send(byte[] data, int offset, int length) throws SSLException {
        if (handshakeDone && pendingPlaintext.isEmpty()) {
            // The engine encrypts all of it now: no copy to hold.
            ByteBuffer source = ByteBuffer.wrap(data, offset, length);
            while (source.hasRemaining()) {
                if (wrap(source).getStatus() == SSLEngineResult.Status.CLOSED) {
                    return;
                }
            }
            return;
        }
        pendingPlaintext.add(ByteBuffer.wrap(Arrays.copyOfRange(data, offset, offset + length)));
        if (handshakeDone) {
            drive(null);
        }
    }

    /** Sends close_notify (RFC 8446 §6.1); the alert is then in {@link #pollOutput()}. */
    void close() {
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone()) {
                if (wrap(EMPTY).getStatus() == SSLEngineResult.Status.CLOSED && networkOut.position() == 0) {
                    break;
                }
            }
        } catch (SSLException alreadyBroken) {
            // nothing more to say to a peer the session failed with
        }
    }

    /** The next bytes to write to the network, or null. */
    byte[] pollOutput() {
        return output.poll();
    }

    boolean isHandshakeDone() {
        return handshakeDone;
    }

    /** Whether the server closed its side (close_notify). */
    boolean isInboundClosed() {
        return inboundClosed;
    }

    private void drive(PlaintextSink sink) throws SSLException {
        boolean progress = true;
        while (progress) {
            HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_TASK -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                    progress = true;
                }
                case NEED_WRAP -> progress = wrap(EMPTY).getStatus() != SSLEngineResult.Status.CLOSED;
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> progress = unwrap(sink, status);
                default -> {
                    handshakeDone = true;
                    boolean unwrapped = unwrap(sink, status);
                    progress = unwrapped | wrapPending();
                }
            }
        }
    }

    private boolean wrapPending() throws SSLException {
        boolean wrapped = false;
        while (!pendingPlaintext.isEmpty()) {
            ByteBuffer next = pendingPlaintext.peek();
            SSLEngineResult result = wrap(next);
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                pendingPlaintext.clear();
                return wrapped;
            }
            wrapped = true;
            if (!next.hasRemaining()) {
                pendingPlaintext.poll();
            }
        }
        return wrapped;
    }

    private SSLEngineResult wrap(ByteBuffer source) throws SSLException {
        while (true) {
            SSLEngineResult result = engine.wrap(source, networkOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                networkOut = enlarge(networkOut, engine.getSession().getPacketBufferSize());
                continue;
            }
            if (networkOut.position() > 0) {
                networkOut.flip();
                byte[] bytes = new byte[networkOut.remaining()];
                networkOut.get(bytes);
                networkOut.clear();
                output.add(bytes);
            }
            return result;
        }
    }

    private boolean unwrap(PlaintextSink sink, HandshakeStatus before) throws SSLException {
        if (inboundClosed || (!networkIn.hasRemaining() && before != HandshakeStatus.NEED_UNWRAP_AGAIN)) {
            return false;
        }
        SSLEngineResult result = engine.unwrap(networkIn, plaintextIn);
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW -> {
                plaintextIn = enlarge(plaintextIn, engine.getSession().getApplicationBufferSize());
                return true;
            }
            case BUFFER_UNDERFLOW -> {
                return false;
            }
            case CLOSED -> inboundClosed = true;
            default -> { }
        }
        if (plaintextIn.position() > 0) {
            if (sink != null) {
                sink.onPlaintext(plaintextIn.array(), 0, plaintextIn.position());
            }
            plaintextIn.clear();
        }
        return result.getStatus() == SSLEngineResult.Status.OK
                && (result.bytesConsumed() > 0 || result.bytesProduced() > 0
                || result.getHandshakeStatus() != before);
    }

    private static ByteBuffer enlarge(ByteBuffer buffer, int atLeast) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + atLeast));
        buffer.flip();
        larger.put(buffer);
        return larger;
    }
}
