package io.jrtc.spring.autoconfigure.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic totals over every connection this service has had, fed with the growth between two statistics
 * samples of a connection, so a connection that closes keeps its contribution (metrics counters must not go down).
 */
public final class TrafficTotals {
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder rtpPacketsSent = new LongAdder();
    private final LongAdder rtpPacketsReceived = new LongAdder();
    private final LongAdder rtpPacketsLost = new LongAdder();

    void addGrowth(StatsSummary previous, StatsSummary current) {
        bytesSent.add(Math.max(0, current.bytesSent() - previous.bytesSent()));
        bytesReceived.add(Math.max(0, current.bytesReceived() - previous.bytesReceived()));
        messagesSent.add(Math.max(0, current.messagesSent() - previous.messagesSent()));
        messagesReceived.add(Math.max(0, current.messagesReceived() - previous.messagesReceived()));
        rtpPacketsSent.add(Math.max(0, current.rtpPackets("outbound") - previous.rtpPackets("outbound")));
        rtpPacketsReceived.add(Math.max(0, current.rtpPackets("inbound") - previous.rtpPackets("inbound")));
        rtpPacketsLost.add(Math.max(0, current.rtpPacketsLost() - previous.rtpPacketsLost()));
    }

    public long rtpPacketsSent() {
        return rtpPacketsSent.sum();
    }

    public long rtpPacketsReceived() {
        return rtpPacketsReceived.sum();
    }

    /** Packets the receiving sides reported lost, ours and the remotes'. */
    public long rtpPacketsLost() {
        return rtpPacketsLost.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }
}
