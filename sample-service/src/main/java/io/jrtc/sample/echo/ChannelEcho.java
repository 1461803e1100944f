package io.jrtc.sample.echo;

import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;

/**
 * The echo of one data channel: every message goes back on the channel it came on, text as text and binary as
 * binary, in order, while the client keeps reading. A client that stops reading (a full receive window, a stalled
 * link) would make the echo buffer whatever it keeps sending, and the API has no way to stop reading in turn; so
 * once more than {@link #PAUSE_ABOVE} bytes wait for the client, echoes are dropped until the channel's
 * bufferedamountlow event says it is down to {@link #RESUME_AT} again (W3C webrtc-pc §6.2).
 */
final class ChannelEcho {
    /** Bytes waiting for the client above which nothing more is echoed. */
    static final long PAUSE_ABOVE = 1L << 20;
    /** The channel's bufferedAmountLowThreshold: echoing resumes once the waiting bytes fall to it. */
    static final long RESUME_AT = 256L << 10;

    private final RTCDataChannel channel;
    // Both listeners run on the connection's callback executor, one at a time; volatile for readers elsewhere.
    private volatile boolean paused;
    private volatile long dropped;

    private ChannelEcho(RTCDataChannel channel) {
        this.channel = channel;
    }

    /** Echoes {@code channel}'s messages from now on. */
    static ChannelEcho start(RTCDataChannel channel) {
        ChannelEcho echo = new ChannelEcho(channel);
        channel.setBufferedAmountLowThreshold(RESUME_AT);
        channel.onBufferedAmountLow(() -> echo.paused = false);
        channel.onMessage(echo::echo);
        return echo;
    }

    private void echo(RTCDataChannelMessage message) {
        long waiting = channel.getBufferedAmount();
        if (paused && waiting <= RESUME_AT) {
            paused = false;   // the low event came before we paused: nothing else would resume us
        }
        if (paused || waiting > PAUSE_ABOVE) {
            paused = true;
            dropped++;
            return;
        }
        try {
            if (message.binary()) {
                channel.send(message.data());
            } else {
                channel.send(message.text());
            }
        } catch (OperationError | InvalidStateError cannotQueue) {
            dropped++;   // past the stack's own bufferedAmount cap, or closing: an echo is not owed
        }
    }

    /** Messages not echoed because the client was not reading. */
    long dropped() {
        return dropped;
    }
}
