package io.jrtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Turns BouncyCastle's pull-style {@link DatagramTransport} into two queues: the owner pushes received datagrams
 * into one and drains datagrams to send from the other.
 *
 * <p>While handshaking, {@link #receive} blocks the handshake thread for up to BouncyCastle's wait, which is how its
 * retransmission timers run. Once {@link #stopBlocking() non-blocking}, {@code receive} hands over a queued datagram
 * at once, or throws {@link WouldBlockException} when there is none: BouncyCastle's record layer passes an
 * {@link InterruptedIOException} through untouched, whereas a -1 would make it spin until its wait expired.
 *
 * <p>While handshaking, the records BouncyCastle sends between two receives (one flight, RFC 6347 §4.2.4) are packed
 * into as few datagrams as the send limit allows, as BoringSSL and Pion send them, rather than one datagram per
 * record. A flight split into datagrams can arrive reordered, and BouncyCastle takes a ChangeCipherSpec that overtakes
 * the CertificateVerify before it as the switch to epoch 1, after which it drops that epoch-0 CertificateVerify and
 * every retransmission of it: the handshake never completes. One datagram per flight cannot be reordered.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    /** Wakes a blocked {@link #receive} on close; never handed to BouncyCastle. */
    private static final byte[] CLOSED_MARK = new byte[0];

    private final BlockingQueue<byte[]> inbound;
    private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final int sendLimit;
    private final Runnable handshakeOutput;
    private final WouldBlockException wouldBlock = new WouldBlockException();
    /** Handshake thread, under its own lock (close() may flush from the owner): the flight being packed. */
    private final byte[] flight;
    private int flightLength;
    private volatile boolean blocking = true;
    private volatile boolean closed;
    // Owner thread, non-blocking mode only: a datagram lent for one receive call, taken after the queued ones.
    private byte[] lent;
    private int lentOffset;
    private int lentLength;

    /**
     * @param sendLimit largest datagram the handshake may send (the MTU)
     * @param inboundCapacity datagrams buffered while the handshake thread is busy; more are dropped
     * @param handshakeOutput run after each datagram queued while blocking (from the handshake thread)
     */
    QueuedDatagramTransport(int sendLimit, int inboundCapacity, Runnable handshakeOutput) {
        this.sendLimit = sendLimit;
        this.inbound = new LinkedBlockingQueue<>(inboundCapacity);
        this.handshakeOutput = handshakeOutput;
        this.flight = new byte[sendLimit];
    }

    /** Queues a received datagram (already copied); false when full or closed. */
    boolean offerInbound(byte[] datagram) {
        return !closed && inbound.offer(datagram);
    }

    boolean hasInbound() {
        return !closed && (lent != null || !inbound.isEmpty());
    }

    /**
     * Non-blocking mode, owner thread: lends the caller's datagram to the next {@link #receive}, without copying it
     * into the queue. The caller must {@link #takeBackLent()} before its array changes.
     */
    void lend(byte[] data, int offset, int length) {
        lent = data;
        lentOffset = offset;
        lentLength = length;
    }

    /** Forgets a lent datagram; returns whether it was still unread. */
    boolean takeBackLent() {
        boolean unread = lent != null;
        lent = null;
        return unread;
    }

    byte[] pollOutbound() {
        return outbound.poll();
    }

    /**
     * From now on {@link #receive} never waits and output no longer signals the handshake callback; the last
     * flight packed is queued first.
     */
    void stopBlocking() {
        flushFlight();
        blocking = false;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int getReceiveLimit() {
        return DtlsConfig.MAX_DATAGRAM_SIZE;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        byte[] datagram;
        if (blocking) {
            flushFlight();  // the handshake thread waits for the peer: its flight is complete
            datagram = awaitInbound(waitMillis);
            if (datagram == null) {
                return -1;
            }
        } else {
            datagram = closed ? null : inbound.poll();
            if (datagram == null && lent != null && !closed) {
                return receiveLent(buf, off, len);
            }
            if (datagram == null || datagram == CLOSED_MARK) {
                throw wouldBlock;
            }
        }
        if (datagram == CLOSED_MARK) {
            inbound.offer(CLOSED_MARK);
            throw new IOException("DTLS transport closed");
        }
        if (datagram.length > len) {
            return -1;
        }
        System.arraycopy(datagram, 0, buf, off, datagram.length);
        return datagram.length;
    }

    private int receiveLent(byte[] buf, int off, int len) {
        byte[] data = lent;
        lent = null;
        if (lentLength > len) {
            return -1;
        }
        System.arraycopy(data, lentOffset, buf, off, lentLength);
        return lentLength;
    }

    private byte[] awaitInbound(int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        try {
            // BouncyCastle never asks for an unbounded wait while handshaking; 0 would mean "forever" to it.
            return inbound.poll(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("handshake thread interrupted");
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        if (blocking) {
            packIntoFlight(buf, off, len);
        } else {
            // BouncyCastle encodes each record into a fresh array and never touches it after sending it, so once
            // connected a whole-array record is queued as is: no copy per record on the bulk path.
            outbound.add(off == 0 && len == buf.length ? buf : Arrays.copyOfRange(buf, off, off + len));
        }
    }

    private synchronized void packIntoFlight(byte[] buf, int off, int len) {
        if (flightLength + len > flight.length) {
            flushFlight();
        }
        if (len > flight.length) {
            queueHandshakeDatagram(Arrays.copyOfRange(buf, off, off + len));  // BouncyCastle keeps to the limit
            return;
        }
        System.arraycopy(buf, off, flight, flightLength, len);
        flightLength += len;
    }

    private synchronized void flushFlight() {
        if (flightLength > 0) {
            byte[] datagram = Arrays.copyOf(flight, flightLength);
            flightLength = 0;
            queueHandshakeDatagram(datagram);
        }
    }

    private void queueHandshakeDatagram(byte[] datagram) {
        if (!closed) {
            outbound.add(datagram);
            handshakeOutput.run();
        }
    }

    /**
     * Called by BouncyCastle after its last alert, or by the endpoint: sends what is packed (that alert), drops
     * queued input, wakes the handshake.
     */
    @Override
    public void close() {
        flushFlight();
        closed = true;
        inbound.clear();
        inbound.offer(CLOSED_MARK);
    }

    /**
     * "No datagram queued" in non-blocking mode. Stackless and reused: it is control flow, never reported.
     */
    static final class WouldBlockException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WouldBlockException() {
            super("no datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
