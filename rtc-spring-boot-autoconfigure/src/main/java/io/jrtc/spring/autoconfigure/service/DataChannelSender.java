package io.jrtc.spring.autoconfigure.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.TypeError;

/** One REST message onto a data channel, with the stack's refusals turned into the service's exceptions. */
final class DataChannelSender {
    private static final long BUSY_POLL_MILLIS = 5;

    private DataChannelSender() {
    }

    /**
     * Waits (at most {@code maxWait}) while the channel holds more than {@code maxBufferedBytes} unacknowledged
     * bytes, then sends. The wait polls rather than awaits bufferedamountlow: the threshold belongs to whoever
     * else uses the channel (a WebSocket bridge), and a POST is a one-off that may wait a few milliseconds.
     */
    static void send(ManagedDataChannel managed, byte[] data, boolean binary, long maxBufferedBytes,
            Duration maxWait, LongSupplier nanoTime) {
        RTCDataChannel channel = managed.channel();
        requireOpen(managed);
        long deadline = nanoTime.getAsLong() + maxWait.toNanos();
        while (channel.getBufferedAmount() > maxBufferedBytes && nanoTime.getAsLong() < deadline) {
            requireOpen(managed);
            try {
                Thread.sleep(BUSY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (channel.getBufferedAmount() > maxBufferedBytes) {
            throw new DataChannelBusyException(managed.channelId(), channel.getBufferedAmount(), maxBufferedBytes);
        }
        try {
            if (binary) {
                channel.send(data);
            } else {
                channel.send(new String(data, StandardCharsets.UTF_8));
            }
        } catch (TypeError e) {
            throw new DataChannelMessageTooLargeException(data.length, channel.getTransport().getMaxMessageSize(),
                    "the remote peer's max-message-size");
        } catch (InvalidStateError e) {
            throw new DataChannelNotOpenException(managed.channelId(), channel.getReadyState().toString());
        }
    }

    static void requireOpen(ManagedDataChannel managed) {
        RTCDataChannelState state = managed.channel().getReadyState();
        if (state != RTCDataChannelState.OPEN) {
            throw new DataChannelNotOpenException(managed.channelId(), state.toString());
        }
    }
}
