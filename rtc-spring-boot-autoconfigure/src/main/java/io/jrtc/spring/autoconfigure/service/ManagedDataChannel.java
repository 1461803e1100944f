package io.jrtc.spring.autoconfigure.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.Subscription;

/**
 * A data channel of a {@link ManagedPeerConnection} with the id the REST API gives it. The SCTP stream id cannot
 * serve: it is unknown until the DTLS role is negotiated and is reused once a channel closes (RFC 8831 section
 * 6.7), so a client could send to the wrong channel. A {@code channelId} is assigned once, on creation or
 * announcement, and never again on that connection.
 */
public final class ManagedDataChannel {
    private final String channelId;
    private final long sequence;
    private final RTCDataChannel channel;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final AtomicBoolean bridged = new AtomicBoolean();
    private volatile boolean messageEvents;
    private volatile String closeReason;

    ManagedDataChannel(long sequence, RTCDataChannel channel, boolean messageEvents) {
        this.channelId = "dc-" + sequence;
        this.sequence = sequence;
        this.channel = channel;
        this.messageEvents = messageEvents;
    }

    /** The REST id: {@code dc-<n>}, n counting up from 1 on each connection. */
    public String channelId() {
        return channelId;
    }

    long sequence() {
        return sequence;
    }

    public RTCDataChannel channel() {
        return channel;
    }

    /** Whether each received message is also published as a {@code data-channel-message} event. */
    public boolean messageEvents() {
        return messageEvents;
    }

    void setMessageEvents(boolean enabled) {
        messageEvents = enabled;
    }

    /**
     * Claims the channel for one bridge (a WebSocket): a second one would interleave two clients' messages.
     *
     * @return false when another bridge holds it
     */
    public boolean claimBridge() {
        return bridged.compareAndSet(false, true);
    }

    public void releaseBridge() {
        bridged.set(false);
    }

    /** Why this side closed the channel, for the close event; set before the close starts. */
    public void closeWithReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        channel.close();
    }

    String closeReason() {
        return closeReason;
    }

    synchronized void addSubscription(Subscription subscription) {
        subscriptions.add(subscription);
    }

    synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    synchronized void unsubscribeAll() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
    }
}
