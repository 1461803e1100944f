package io.jrtc.datachannel;

/**
 * What one peer may make a {@link DataChannelEngine} hold. RFC 8832 §6 lets the remote open a channel on any free
 * stream with a label and protocol of up to 64 KiB each; a hostile peer would otherwise open all 65,535 streams
 * with such labels. A DATA_CHANNEL_OPEN past these limits is refused by resetting the stream (RFC 8831 §6.7), which
 * closes the channel on the peer's side.
 *
 * @param maxRemoteChannels        channels the peer may have open at once that it opened itself (in band)
 * @param maxLabelAndProtocolBytes largest label plus protocol, in bytes of UTF-8, of a channel the peer opens
 */
public record DataChannelLimits(int maxRemoteChannels, int maxLabelAndProtocolBytes) {
    public static final int DEFAULT_MAX_REMOTE_CHANNELS = 1024;
    public static final int DEFAULT_MAX_LABEL_AND_PROTOCOL_BYTES = 1024;

    public DataChannelLimits {
        if (maxRemoteChannels < 0 || maxRemoteChannels > DataChannelConfig.MAX_STREAM_ID + 1) {
            throw new IllegalArgumentException("maxRemoteChannels must be from 0 to 65535: " + maxRemoteChannels);
        }
        if (maxLabelAndProtocolBytes < 0 || maxLabelAndProtocolBytes > 2 * 0xFFFF) {
            throw new IllegalArgumentException(
                    "maxLabelAndProtocolBytes must be from 0 to 131070: " + maxLabelAndProtocolBytes);
        }
    }

    /** 1,024 remote-opened channels, 1 KiB of label plus protocol. */
    public static DataChannelLimits defaults() {
        return new DataChannelLimits(DEFAULT_MAX_REMOTE_CHANNELS, DEFAULT_MAX_LABEL_AND_PROTOCOL_BYTES);
    }
}
