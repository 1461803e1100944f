package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.notNegative;
import static io.jrtc.pc.SettingsChecks.ordered;
import static io.jrtc.pc.SettingsChecks.positive;
import static io.jrtc.pc.SettingsChecks.range;

import java.time.Duration;

/**
 * SCTP knobs of every data-channel association of an engine (RFC 9260, RFC 8261, RFC 8831).
 *
 * @param receiveWindow     bytes advertised as a_rwnd and held at most for one association; 4 MiB
 * @param rtoInitial        RTO.Initial (RFC 9260 §16); 1 s
 * @param rtoMin            RTO.Min; above the peer's 200 ms delayed SACK, so a lone chunk is not resent
 *                          spuriously; 220 ms
 * @param rtoMax            RTO.Max; 10 s
 * @param maxMessageSize    largest message we accept and announce (SDP {@code a=max-message-size}); 16 MiB
 * @param maxStreams        streams, so data channels, per association in each direction; 65,535
 * @param heartbeatInterval HB.interval on an idle association; zero turns heartbeats off; 30 s
 * @param maxRemoteChannels data channels the peer may have open at once that it opened itself; past them its
 *                          DATA_CHANNEL_OPEN is refused by resetting the stream; 1,024
 * @param maxRemoteLabelBytes largest label plus protocol (UTF-8 bytes) of a channel the peer opens; 1 KiB
 * @param maxBufferedAmount a data channel's bufferedAmount cap: a send that would pass it fails with
 *                          OperationError ({@link RTCErrorReason#SEND_QUEUE_FULL}), as in browsers, so a peer that
 *                          stops reading cannot make us buffer without limit; 16 MiB
 */
public record SctpSettings(long receiveWindow, Duration rtoInitial, Duration rtoMin, Duration rtoMax,
                           long maxMessageSize, int maxStreams, Duration heartbeatInterval, int maxRemoteChannels,
                           int maxRemoteLabelBytes, long maxBufferedAmount) {
    public SctpSettings {
        range("sctp receiveWindow", receiveWindow, 1500, 0xFFFF_FFFFL);
        positive("sctp rtoInitial", rtoInitial);
        positive("sctp rtoMin", rtoMin);
        positive("sctp rtoMax", rtoMax);
        ordered("sctp rtoMin", rtoMin, "sctp rtoMax", rtoMax);
        range("sctp maxMessageSize", maxMessageSize, 1, 1L << 30);
        range("sctp maxStreams", maxStreams, 1, 65535);
        notNegative("sctp heartbeatInterval", heartbeatInterval);
        range("sctp maxRemoteChannels", maxRemoteChannels, 0, 65535);
        range("sctp maxRemoteLabelBytes", maxRemoteLabelBytes, 0, 2 * 0xFFFF);
        range("sctp maxBufferedAmount", maxBufferedAmount, 1, 1L << 40);
    }

    public static SctpSettings defaults() {
        return new SctpSettings(4L << 20, Duration.ofSeconds(1), Duration.ofMillis(220), Duration.ofSeconds(10),
                16L << 20, 65535, Duration.ofSeconds(30), 1024, 1024, 16L << 20);
    }

    public SctpSettings withReceiveWindow(long bytes) {
        return new SctpSettings(bytes, rtoInitial, rtoMin, rtoMax, maxMessageSize, maxStreams, heartbeatInterval,
                maxRemoteChannels, maxRemoteLabelBytes, maxBufferedAmount);
    }

    public SctpSettings withRto(Duration initial, Duration min, Duration max) {
        return new SctpSettings(receiveWindow, initial, min, max, maxMessageSize, maxStreams, heartbeatInterval,
                maxRemoteChannels, maxRemoteLabelBytes, maxBufferedAmount);
    }

    public SctpSettings withMaxMessageSize(long bytes) {
        return new SctpSettings(receiveWindow, rtoInitial, rtoMin, rtoMax, bytes, maxStreams, heartbeatInterval,
                maxRemoteChannels, maxRemoteLabelBytes, maxBufferedAmount);
    }

    public SctpSettings withMaxStreams(int streams) {
        return new SctpSettings(receiveWindow, rtoInitial, rtoMin, rtoMax, maxMessageSize, streams, heartbeatInterval,
                maxRemoteChannels, maxRemoteLabelBytes, maxBufferedAmount);
    }

    public SctpSettings withRemoteChannelLimits(int channels, int labelBytes) {
        return new SctpSettings(receiveWindow, rtoInitial, rtoMin, rtoMax, maxMessageSize, maxStreams,
                heartbeatInterval, channels, labelBytes, maxBufferedAmount);
    }

    public SctpSettings withHeartbeatInterval(Duration interval) {
        return new SctpSettings(receiveWindow, rtoInitial, rtoMin, rtoMax, maxMessageSize, maxStreams, interval,
                maxRemoteChannels, maxRemoteLabelBytes, maxBufferedAmount);
    }

    public SctpSettings withMaxBufferedAmount(long bytes) {
        return new SctpSettings(receiveWindow, rtoInitial, rtoMin, rtoMax, maxMessageSize, maxStreams,
                heartbeatInterval, maxRemoteChannels, maxRemoteLabelBytes, bytes);
    }
}
