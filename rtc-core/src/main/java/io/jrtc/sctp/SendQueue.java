package io.jrtc.sctp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Outgoing messages per stream, served round-robin one whole message at a time: without message interleaving
 * (RFC 8260) a message's fragments must take consecutive TSNs, so the current message is finished before the
 * scheduler moves to the next stream.
 */
final class SendQueue {
    private OutboundStream[] streams = new OutboundStream[8];
    private final ArrayDeque<OutboundStream> roundRobin = new ArrayDeque<>();
    private OutgoingMessage current;
    private long totalBuffered;

    OutboundStream stream(int id) {
        if (id >= streams.length) {
            streams = Arrays.copyOf(streams, Math.max(id + 1, streams.length * 2));
        }
        OutboundStream s = streams[id];
        if (s == null) {
            s = new OutboundStream(id);
            streams[id] = s;
        }
        return s;
    }

    OutboundStream existingStream(int id) {
        return id < streams.length ? streams[id] : null;
    }

    long totalBuffered() {
        return totalBuffered;
    }

    void adjustBuffered(OutboundStream s, long delta) {
        s.buffered += delta;
        totalBuffered += delta;
    }

    void add(OutgoingMessage m) {
        OutboundStream s = m.stream;
        s.queue.add(m);
        adjustBuffered(s, m.data.length);
        schedule(s);
    }

    boolean isEmpty() {
        return current == null && roundRobin.isEmpty();
    }

    /** The message to cut the next chunk from, or null when nothing is sendable. */
    OutgoingMessage current() {
        while (current == null) {
            OutboundStream s = roundRobin.poll();
            if (s == null) {
                return null;
            }
            s.scheduled = false;
            if (!s.paused && !s.queue.isEmpty()) {
                current = s.queue.peek();
            }
        }
        return current;
    }

    /** The current message is fully sent, or dropped: take it off its stream and move on. */
    void finishCurrent() {
        OutboundStream s = current.stream;
        s.queue.poll();
        current = null;
        if (s.resetRequested && s.messagesBeforeReset > 0 && --s.messagesBeforeReset == 0) {
            s.paused = true;
        }
        schedule(s);
    }

    /** RFC 6525: stop the stream once what is queued now has been sent; true when it is already stopped. */
    boolean requestReset(OutboundStream s) {
        if (!s.resetRequested) {
            s.resetRequested = true;
            s.messagesBeforeReset = s.queue.size();
            s.paused = s.messagesBeforeReset == 0;
        }
        return s.paused;
    }

    /** The reset finished (or failed): sequence numbers restart at 0 on success, and sending resumes. */
    void completeReset(OutboundStream s, boolean success) {
        s.resetRequested = false;
        s.paused = false;
        s.messagesBeforeReset = 0;
        if (success) {
            s.nextSsn = 0;
        }
        schedule(s);
    }

    /** Messages on a stream beyond the negotiated count can never be sent: dropped when the association starts. */
    long dropStreamsFrom(int firstInvalid) {
        long dropped = 0;
        for (int id = firstInvalid; id < streams.length; id++) {
            OutboundStream s = streams[id];
            if (s != null && !s.queue.isEmpty()) {
                for (OutgoingMessage m : s.queue) {
                    adjustBuffered(s, -m.data.length);
                    dropped++;
                }
                s.queue.clear();
            }
        }
        roundRobin.removeIf(s -> s.id >= firstInvalid);
        if (current != null && current.stream.id >= firstInvalid) {
            current = null;
        }
        return dropped;
    }

    private void schedule(OutboundStream s) {
        if (!s.scheduled && !s.paused && !s.queue.isEmpty()) {
            s.scheduled = true;
            roundRobin.add(s);
        }
    }
}
