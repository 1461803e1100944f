package io.jrtc.sctp;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Delivery order on the receiving side (RFC 9260 §6.5-6.6): unordered messages pass straight through; ordered
 * ones leave in stream sequence number order, early ones wait in a per-stream map. FORWARD TSN (RFC 3758 §3.6)
 * and stream reset (RFC 6525 §5.2.2) move a stream's expected SSN.
 */
final class InboundStreams {

    /** Receives messages in delivery order. */
    @FunctionalInterface
    interface Sink {
        void deliver(int streamId, int ppid, byte[] data, boolean unordered);
    }

    private record Held(int ppid, byte[] data) {
    }

    private static final class Stream {
        int nextSsn;
        HashMap<Integer, Held> held;
    }

    private final Sink sink;
    private Stream[] streams = new Stream[8];
    private long heldBytes;

    InboundStreams(Sink sink) {
        this.sink = sink;
    }

    /** Bytes of complete ordered messages waiting for an earlier SSN. */
    long heldBytes() {
        return heldBytes;
    }

    void onMessage(int streamId, int ssn, int ppid, byte[] data, boolean unordered) {
        if (unordered) {
            sink.deliver(streamId, ppid, data, true);
            return;
        }
        Stream s = stream(streamId);
        if (ssn == s.nextSsn) {
            sink.deliver(streamId, ppid, data, false);
            s.nextSsn = SerialNumbers.nextSsn(ssn);
            releaseInOrder(streamId, s);
        } else if (SerialNumbers.ssnAfter(ssn, s.nextSsn)) {
            if (s.held == null) {
                s.held = new HashMap<>();
            }
            if (s.held.putIfAbsent(ssn, new Held(ppid, data)) == null) {
                heldBytes += data.length;
            }
        }
        // An SSN before nextSsn was delivered or skipped already: a duplicate from a confused peer, dropped.
    }

    /**
     * RFC 3758 §3.6: the sender abandoned messages up to {@code ssn} on this ordered stream. Complete messages held
     * in that range are delivered (they are whole and still in order), then delivery resumes after {@code ssn}.
     */
    void skip(int streamId, int ssn) {
        Stream s = stream(streamId);
        if (!SerialNumbers.ssnAfter(SerialNumbers.nextSsn(ssn), s.nextSsn)) {
            return;
        }
        if (s.held != null && !s.held.isEmpty()) {
            for (int x = s.nextSsn; x != SerialNumbers.nextSsn(ssn); x = SerialNumbers.nextSsn(x)) {
                Held h = s.held.remove(x);
                if (h != null) {
                    heldBytes -= h.data.length;
                    sink.deliver(streamId, h.ppid, h.data, false);
                }
            }
        }
        s.nextSsn = SerialNumbers.nextSsn(ssn);
        releaseInOrder(streamId, s);
    }

    /** RFC 6525 §5.2.2 E3: the listed streams (all when empty) expect SSN 0 next. */
    void reset(int[] streamIds) {
        if (streamIds.length == 0) {
            for (Stream s : streams) {
                if (s != null) {
                    s.nextSsn = 0;
                }
            }
            return;
        }
        for (int id : streamIds) {
            stream(id).nextSsn = 0;
        }
    }

    private void releaseInOrder(int streamId, Stream s) {
        if (s.held == null || s.held.isEmpty()) {
            return;
        }
        Held h;
        while ((h = s.held.remove(s.nextSsn)) != null) {
            heldBytes -= h.data.length;
            sink.deliver(streamId, h.ppid, h.data, false);
            s.nextSsn = SerialNumbers.nextSsn(s.nextSsn);
        }
    }

    private Stream stream(int id) {
        if (id >= streams.length) {
            streams = Arrays.copyOf(streams, Math.max(id + 1, streams.length * 2));
        }
        Stream s = streams[id];
        if (s == null) {
            s = new Stream();
            streams[id] = s;
        }
        return s;
    }
}
