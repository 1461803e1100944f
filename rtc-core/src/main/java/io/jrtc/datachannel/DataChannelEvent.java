package io.jrtc.datachannel;

/** What {@link DataChannelEngine#pollEvent()} reports. */
public sealed interface DataChannelEvent {

    DataChannelHandle handle();

    /** A channel we created became open: negotiated ones when the association is up, in-band ones on the ACK. */
    record Opened(DataChannelHandle handle) implements DataChannelEvent {
    }

    /** The peer opened a channel in band (DATA_CHANNEL_OPEN); it is already open and acknowledged. */
    record ChannelOpenedByRemote(DataChannelHandle handle) implements DataChannelEvent {
    }

    /** A message arrived; {@code binary} is false for strings (UTF-8 bytes). Empty messages have empty data. */
    record Message(DataChannelHandle handle, boolean binary, byte[] data) implements DataChannelEvent {
    }

    /** The channel started closing (its outgoing stream is being reset). */
    record Closing(DataChannelHandle handle) implements DataChannelEvent {
    }

    /** The channel is closed and its stream id free again. */
    record Closed(DataChannelHandle handle) implements DataChannelEvent {
    }
}
