package io.jrtc.spring.autoconfigure;

/**
 * {@code rtc.rest.data-channels.*}: how messages cross between REST clients and data channels (the WebSocket
 * bridge and {@code POST .../messages}). Both bounds keep one slow party from growing the service's heap: a client
 * that sends faster than the peer reads is slowed down, and so is the peer when its client reads slower than it
 * sends.
 */
public class DataChannelBridgeProperties {

    /**
     * Largest message a client may send, over the WebSocket or as a POST body; larger ones close the WebSocket
     * (1009) or answer 413. The remote peer's max-message-size applies too.
     */
    private long maxMessageBytes = 1024 * 1024;

    /**
     * Most bytes held per direction of a bridged channel: the channel's bufferedAmount above which the WebSocket
     * is no longer read (and a POST waits), and the bytes queued toward a WebSocket client above which the channel
     * stops receiving, so that SCTP flow control slows the peer, until half of them have been sent.
     */
    private long maxBufferedBytes = 1024 * 1024;

    public long getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public long getMaxBufferedBytes() {
        return maxBufferedBytes;
    }

    public void setMaxBufferedBytes(long maxBufferedBytes) {
        this.maxBufferedBytes = maxBufferedBytes;
    }
}
