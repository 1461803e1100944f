package io.jrtc.dtls;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Keeps a peer's ChangeCipherSpec, and its records of the next epoch, from reaching BouncyCastle before the handshake
 * records sent ahead of them, while the handshake runs. Sans-IO, on the owner's thread, the owner's clock.
 *
 * <p>Why: a peer that sends each record in its own datagram (RFC 6347 §4.1.1 allows it) through a link that reorders
 * datagrams can have its ChangeCipherSpec overtake its CertificateVerify. BouncyCastle then switches to reading epoch
 * 1 and drops that epoch-0 CertificateVerify and every retransmission of it, so the handshake stalls until its
 * deadline; and it drops an epoch-1 Finished that overtook its ChangeCipherSpec, which costs a retransmission.
 *
 * <p>How, from the record headers (RFC 6347 §4.1) and handshake headers (§4.2.2) only: the records of a datagram up
 * to its first ChangeCipherSpec or protected record go on at once. From there on the datagram is held while no
 * ChangeCipherSpec has gone on yet, until a ChangeCipherSpec can go: the epoch-0 record just before it (by record
 * sequence number) has arrived, and every handshake message handed on so far is whole. A peer sends its
 * ChangeCipherSpec right after the last handshake record of its flight, so this is "the flight before it is in".
 * Once a ChangeCipherSpec has gone on, everything held follows in arrival order and nothing more is held. At most
 * {@link #MAX_HELD} datagrams wait, each for at most the hold time (a retransmission interval); past that they are
 * dropped, not delivered: a ChangeCipherSpec whose flight never came whole would stall BouncyCastle for good, while a
 * dropped one comes again with the peer's retransmitted flight.
 */
final class EpochSwitchGuard {
    /** Datagrams held at once; a flight's ChangeCipherSpec and Finished, and a retransmission of them. */
    static final int MAX_HELD = 4;
    /** Epoch-0 record sequence numbers remembered as arrived. */
    private static final int ARRIVALS = 64;
    private static final int CONTENT_CHANGE_CIPHER_SPEC = 20;
    private static final int CONTENT_HANDSHAKE = 22;

    private final long holdNanos;
    private final HandshakeMessages delivered = new HandshakeMessages();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final ArrayDeque<byte[]> released = new ArrayDeque<>();
    private final long[] arrivals = new long[ARRIVALS];
    private int arrivalCount;
    private int nextArrival;
    private boolean epochSwitchDelivered;
    private long dropped;

    /** A datagram's records from a ChangeCipherSpec or protected record on, and when they arrived. */
    private record Held(byte[] records, long since) {
    }

    /** @param holdNanos how long a datagram may be held, in the owner's clock */
    EpochSwitchGuard(long holdNanos) {
        this.holdNanos = holdNanos;
    }

    /** One datagram of the handshake (owned by the guard from now on); what may go on is then {@link #poll()}ed. */
    void receive(long now, byte[] datagram) {
        if (epochSwitchDelivered) {
            released.add(datagram);
            return;
        }
        noteArrivals(datagram);
        int cut = firstEpochSwitchingRecord(datagram);
        if (cut == datagram.length) {
            deliver(datagram);
        } else {
            if (cut > 0) {
                deliver(Arrays.copyOfRange(datagram, 0, cut));
            }
            byte[] rest = cut == 0 ? datagram : Arrays.copyOfRange(datagram, cut, datagram.length);
            if (canDeliver(rest)) {
                deliver(rest);
            } else {
                hold(new Held(rest, now));
            }
        }
        releaseHeld();
    }

    /** The next datagram to hand to BouncyCastle, in order, or null. */
    byte[] poll() {
        return released.poll();
    }

    /** Owner's clock: when {@link #handleTimeout} must next be called; Long.MAX_VALUE while nothing is held. */
    long nextTimeout() {
        Held oldest = held.peek();
        return oldest == null ? Long.MAX_VALUE : oldest.since() + holdNanos;
    }

    /** Drops what has been held for the hold time by {@code now}. */
    void handleTimeout(long now) {
        while (!held.isEmpty() && now - held.peek().since() >= holdNanos) {
            held.poll();
            dropped++;
        }
    }

    /** Datagrams dropped for having waited too long, or for want of room, for the records before them. */
    long droppedDatagrams() {
        return dropped;
    }

    private void hold(Held datagram) {
        if (held.size() >= MAX_HELD) {
            held.poll();
            dropped++;
        }
        held.add(datagram);
    }

    private void releaseHeld() {
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
                Held next = it.next();
                if (epochSwitchDelivered || canDeliver(next.records())) {
                    it.remove();
                    deliver(next.records());
                    progressed = true;
                    break;
                }
            }
        }
    }

    /**
     * Whether records that start with a ChangeCipherSpec or a protected record may go on: after a ChangeCipherSpec
     * went on, always; a ChangeCipherSpec once its flight is in; a protected record ahead of any, never.
     */
    private boolean canDeliver(byte[] records) {
        if (epochSwitchDelivered) {
            return true;
        }
        if (epoch(records, 0) != 0 || (records[0] & 0xFF) != CONTENT_CHANGE_CIPHER_SPEC) {
            return false;
        }
        long sequenceNumber = sequenceNumber(records, 0);
        return sequenceNumber > 0 && arrived(sequenceNumber - 1) && delivered.allComplete();
    }

    /** Hands records on to BouncyCastle, noting their handshake messages and whether they switch the epoch. */
    private void deliver(byte[] records) {
        for (int at = 0; records.length - at >= FirstFlight.RECORD_HEADER; at = nextRecord(records, at)) {
            if (epoch(records, at) != 0) {
                continue;
            }
            int type = records[at] & 0xFF;
            if (type == CONTENT_CHANGE_CIPHER_SPEC) {
                epochSwitchDelivered = true;
            } else if (type == CONTENT_HANDSHAKE) {
                int body = at + FirstFlight.RECORD_HEADER;
                delivered.noteRecord(records, body, Math.min(recordLength(records, at), records.length - body));
            }
        }
        released.add(records);
    }

    /** Offset of the first ChangeCipherSpec or protected record, or the datagram's length if it has none. */
    private static int firstEpochSwitchingRecord(byte[] datagram) {
        for (int at = 0; datagram.length - at >= FirstFlight.RECORD_HEADER; at = nextRecord(datagram, at)) {
            if (epoch(datagram, at) != 0 || (datagram[at] & 0xFF) == CONTENT_CHANGE_CIPHER_SPEC) {
                return at;
            }
        }
        return datagram.length;
    }

    private void noteArrivals(byte[] datagram) {
        for (int at = 0; datagram.length - at >= FirstFlight.RECORD_HEADER; at = nextRecord(datagram, at)) {
            if (epoch(datagram, at) == 0) {
                arrivals[nextArrival] = sequenceNumber(datagram, at);
                nextArrival = (nextArrival + 1) % ARRIVALS;
                arrivalCount = Math.min(arrivalCount + 1, ARRIVALS);
            }
        }
    }

    private boolean arrived(long sequenceNumber) {
        for (int i = 0; i < arrivalCount; i++) {
            if (arrivals[i] == sequenceNumber) {
                return true;
            }
        }
        return false;
    }

    private static int nextRecord(byte[] data, int at) {
        return Math.min(data.length, at + FirstFlight.RECORD_HEADER + recordLength(data, at));
    }

    private static int recordLength(byte[] data, int at) {
        return (data[at + 11] & 0xFF) << 8 | data[at + 12] & 0xFF;
    }

    private static int epoch(byte[] data, int at) {
        return (data[at + 3] & 0xFF) << 8 | data[at + 4] & 0xFF;
    }

    /** RFC 6347 §4.1: the 48-bit sequence number after the epoch. */
    private static long sequenceNumber(byte[] data, int at) {
        long value = 0;
        for (int i = 5; i < 11; i++) {
            value = value << 8 | data[at + i] & 0xFF;
        }
        return value;
    }
}
