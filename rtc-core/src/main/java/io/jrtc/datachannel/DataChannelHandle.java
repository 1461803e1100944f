package io.jrtc.datachannel;

/**
 * One data channel of a {@link DataChannelEngine}. Read-only to callers; the engine changes its state. For a
 * channel the peer opened, the configuration is the one its DATA_CHANNEL_OPEN announced.
 */
public final class DataChannelHandle {
    private final DataChannelEngine engine;
    private final SctpStreamSender sender;
    private final DataChannelConfig config;
    private final int priority;
    private final boolean openedByRemote;
    private DataChannelState state = DataChannelState.CONNECTING;
    private boolean openSent;
    private boolean acknowledged;

    DataChannelHandle(DataChannelEngine engine, SctpStreamSender sender, DataChannelConfig config, int priority,
                      boolean openedByRemote) {
        this.engine = engine;
        this.sender = sender;
        this.config = config;
        this.priority = priority;
        this.openedByRemote = openedByRemote;
    }

    /** The SCTP stream id. */
    public int id() {
        return config.id();
    }

    /** The configuration in force, with {@link DataChannelConfig#id()} set to {@link #id()}. */
    public DataChannelConfig config() {
        return config;
    }

    public DataChannelState state() {
        return state;
    }

    /** Bytes queued in SCTP for this channel's stream and not yet sent. */
    public long bufferedAmount() {
        return sender.bufferedAmount(id());
    }

    public String label() {
        return config.label();
    }

    public String protocol() {
        return config.protocol();
    }

    public boolean ordered() {
        return config.ordered();
    }

    public Integer maxRetransmits() {
        return config.maxRetransmits();
    }

    /** Milliseconds, or null. */
    public Integer maxPacketLifeTime() {
        return config.maxPacketLifeTime();
    }

    public boolean negotiated() {
        return config.negotiated();
    }

    /** The RFC 8832 priority announced in DATA_CHANNEL_OPEN (ours or the peer's). */
    public int priority() {
        return priority;
    }

    /** True when the peer opened this channel with DATA_CHANNEL_OPEN. */
    public boolean openedByRemote() {
        return openedByRemote;
    }

    @Override
    public String toString() {
        return "DataChannel[" + id() + " '" + label() + "' " + state + "]";
    }

    DataChannelEngine engine() {
        return engine;
    }

    void state(DataChannelState newState) {
        state = newState;
    }

    /** Whether our DATA_CHANNEL_OPEN went out (in-band channels created before the association was up wait). */
    boolean openSent() {
        return openSent;
    }

    void markOpenSent() {
        openSent = true;
    }

    /**
     * Our DATA_CHANNEL_OPEN is out and neither its ACK nor any other message on the stream came back yet: until
     * then every message goes out ordered, so none can overtake the OPEN (RFC 8832 §6.6).
     */
    boolean awaitingAck() {
        return openSent && !acknowledged;
    }

    void markAcknowledged() {
        acknowledged = true;
    }
}
