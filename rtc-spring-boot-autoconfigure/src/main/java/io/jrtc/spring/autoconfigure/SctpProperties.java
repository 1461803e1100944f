package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.SctpSettings;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** {@code rtc.sctp.*}: the SCTP association under every connection's data channels (RFC 9260, RFC 8831). */
public class SctpProperties {
    private static final SctpSettings DEFAULTS = SctpSettings.defaults();

    /** Receive window: bytes advertised to the peer and held at most per connection. */
    private DataSize receiveWindow = DataSize.ofBytes(DEFAULTS.receiveWindow());

    /** Initial retransmission timeout (RTO.Initial). */
    private Duration rtoInitial = DEFAULTS.rtoInitial();

    /** Smallest retransmission timeout (RTO.Min). */
    private Duration rtoMin = DEFAULTS.rtoMin();

    /** Largest retransmission timeout (RTO.Max). */
    private Duration rtoMax = DEFAULTS.rtoMax();

    /** Largest data-channel message accepted and announced (a=max-message-size). */
    private DataSize maxMessageSize = DataSize.ofBytes(DEFAULTS.maxMessageSize());

    /** Streams, so data channels, per connection in each direction. */
    private int maxStreams = DEFAULTS.maxStreams();

    /** Heartbeat interval of an idle association; zero turns heartbeats off. */
    private Duration heartbeatInterval = DEFAULTS.heartbeatInterval();

    /** Data channels a peer may have open at once that it opened itself. */
    private int maxRemoteChannels = DEFAULTS.maxRemoteChannels();

    /** Largest label plus protocol of a channel a peer opens. */
    private DataSize maxRemoteLabelSize = DataSize.ofBytes(DEFAULTS.maxRemoteLabelBytes());

    /** A data channel's bufferedAmount cap: a send past it fails with OperationError, as in browsers. */
    private DataSize maxBufferedAmount = DataSize.ofBytes(DEFAULTS.maxBufferedAmount());

    SctpSettings toSettings() {
        return new SctpSettings(receiveWindow.toBytes(), rtoInitial, rtoMin, rtoMax, maxMessageSize.toBytes(),
                maxStreams, heartbeatInterval, maxRemoteChannels, Math.toIntExact(maxRemoteLabelSize.toBytes()),
                maxBufferedAmount.toBytes());
    }

    public DataSize getMaxBufferedAmount() {
        return maxBufferedAmount;
    }

    public void setMaxBufferedAmount(DataSize maxBufferedAmount) {
        this.maxBufferedAmount = maxBufferedAmount;
    }

    public int getMaxRemoteChannels() {
        return maxRemoteChannels;
    }

    public void setMaxRemoteChannels(int maxRemoteChannels) {
        this.maxRemoteChannels = maxRemoteChannels;
    }

    public DataSize getMaxRemoteLabelSize() {
        return maxRemoteLabelSize;
    }

    public void setMaxRemoteLabelSize(DataSize maxRemoteLabelSize) {
        this.maxRemoteLabelSize = maxRemoteLabelSize;
    }

    public DataSize getReceiveWindow() {
        return receiveWindow;
    }

    public void setReceiveWindow(DataSize receiveWindow) {
        this.receiveWindow = receiveWindow;
    }

    public Duration getRtoInitial() {
        return rtoInitial;
    }

    public void setRtoInitial(Duration rtoInitial) {
        this.rtoInitial = rtoInitial;
    }

    public Duration getRtoMin() {
        return rtoMin;
    }

    public void setRtoMin(Duration rtoMin) {
        this.rtoMin = rtoMin;
    }

    public Duration getRtoMax() {
        return rtoMax;
    }

    public void setRtoMax(Duration rtoMax) {
        this.rtoMax = rtoMax;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }
}
