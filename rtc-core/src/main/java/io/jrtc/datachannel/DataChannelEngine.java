package io.jrtc.datachannel;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The data channels of one SCTP association (RFC 8831, RFC 8832), sans-IO: the SCTP layer feeds received user
 * messages and stream resets in, the engine sends through {@link SctpStreamSender} and reports
 * {@link DataChannelEvent}s. One thread drives it; it keeps no clock because nothing here times out.
 *
 * <p>Stream ids follow RFC 8832 §6: the DTLS client opens channels on even ids, the server on odd ones. A channel
 * closes by resetting its outgoing stream (RFC 8831 §6.7); it is closed once the peer's reset of the same stream
 * arrives. Malformed or unexpected input from the network is dropped and counted, never thrown.
 */
public final class DataChannelEngine {
    /** RFC 8841 §6.1: without a=max-message-size a peer accepts 64 KiB. */
    public static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 65536;
    private static final System.Logger LOG = System.getLogger(DataChannelEngine.class.getName());
    private static final byte[] EMPTY = new byte[0];

    private final SctpStreamSender sender;
    private final boolean dtlsClient;
    private final int maxChannels;
    private final DataChannelLimits limits;
    private int remoteOpenedChannels;
    private final Map<Integer, DataChannelHandle> channels = new TreeMap<>();
    private final ArrayDeque<DataChannelEvent> events = new ArrayDeque<>();
    private boolean associationUp;
    private boolean associationClosed;
    private long remoteMaxMessageSize = DEFAULT_REMOTE_MAX_MESSAGE_SIZE;
    private long droppedMessages;

    /** An engine with {@link DataChannelLimits#defaults()}. */
    public DataChannelEngine(SctpStreamSender sender, boolean dtlsClient, int maxChannels) {
        this(sender, dtlsClient, maxChannels, DataChannelLimits.defaults());
    }

    /**
     * @param dtlsClient  whether we are the DTLS client, which decides the parity of the ids we choose
     * @param maxChannels the number of SCTP streams usable in each direction; ids are below it (at most 65535)
     * @param limits      what the peer may make this engine hold
     */
    public DataChannelEngine(SctpStreamSender sender, boolean dtlsClient, int maxChannels, DataChannelLimits limits) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (maxChannels < 1 || maxChannels > DataChannelConfig.MAX_STREAM_ID + 1) {
            throw new IllegalArgumentException("maxChannels must be from 1 to 65535: " + maxChannels);
        }
        this.dtlsClient = dtlsClient;
        this.maxChannels = maxChannels;
    }

    /**
     * Creates a channel. A negotiated one uses {@code config.id()} and opens as soon as the association is up; an
     * in-band one gets the next free id of our parity and sends DATA_CHANNEL_OPEN (now, or when the association
     * comes up), becoming open once the OPEN is sent, as browsers do: RFC 8832 §6.6 lets the opener send before the
     * ACK, as long as those messages go out ordered.
     *
     * @throws IllegalArgumentException when a negotiated id is out of range or in use
     * @throws IllegalStateException    when the association has closed or no id of our parity is free
     */
    public DataChannelHandle open(DataChannelConfig config) {
        Objects.requireNonNull(config, "config");
        if (associationClosed) {
            throw new IllegalStateException("the SCTP association is closed");
        }
        int id;
        if (config.negotiated()) {
            id = config.id();
            if (id >= maxChannels) {
                throw new IllegalArgumentException("id " + id + " is not below maxChannels " + maxChannels);
            }
            if (channels.containsKey(id)) {
                throw new IllegalArgumentException("stream id " + id + " is already in use");
            }
        } else {
            id = allocateId();
        }
        DataChannelHandle channel = new DataChannelHandle(this, sender, config.withId(id),
                DcepOpen.DEFAULT_PRIORITY, false);
        channels.put(id, channel);
        if (associationUp) {
            start(channel);
        }
        return channel;
    }

    /** The association is up: opens negotiated channels and sends the DATA_CHANNEL_OPENs that were waiting. */
    public void onAssociationEstablished() {
        if (associationClosed) {
            throw new IllegalStateException("the SCTP association is closed");
        }
        if (associationUp) {
            return;
        }
        associationUp = true;
        for (DataChannelHandle channel : List.copyOf(channels.values())) {
            start(channel);
        }
    }

    /** A user message from SCTP (RFC 8831 §6.6). */
    public void handleMessage(int streamId, int ppid, byte[] data) {
        if (data == null || streamId < 0 || streamId >= maxChannels) {
            drop(streamId, "stream id out of range or no data");
            return;
        }
        switch (ppid) {
            case Ppid.DCEP -> handleDcep(streamId, data);
            case Ppid.STRING, Ppid.STRING_PARTIAL -> deliver(streamId, false, data);
            case Ppid.BINARY, Ppid.BINARY_PARTIAL -> deliver(streamId, true, data);
            case Ppid.STRING_EMPTY -> deliver(streamId, false, EMPTY);
            case Ppid.BINARY_EMPTY -> deliver(streamId, true, EMPTY);
            default -> drop(streamId, "unknown PPID " + ppid);
        }
    }

    /**
     * Sends one message. The array is handed to SCTP as is and must not change afterwards. Empty messages go out
     * as PPID 56/57 with one 0x00 byte (RFC 8831 §6.6).
     *
     * @throws IllegalStateException     when the channel is not open
     * @throws MessageTooLargeException  when the message exceeds the peer's maximum message size
     */
    public void send(DataChannelHandle channel, byte[] data, boolean binary) {
        requireOwn(channel);
        Objects.requireNonNull(data, "data");
        if (channel.state() != DataChannelState.OPEN) {
            throw new IllegalStateException("data channel " + channel.id() + " is " + channel.state() + ", not open");
        }
        if (remoteMaxMessageSize > 0 && data.length > remoteMaxMessageSize) {
            throw new MessageTooLargeException(data.length, remoteMaxMessageSize);
        }
        int ppid;
        byte[] payload = data;
        if (data.length == 0) {
            ppid = binary ? Ppid.BINARY_EMPTY : Ppid.STRING_EMPTY;
            payload = new byte[1];
        } else {
            ppid = binary ? Ppid.BINARY : Ppid.STRING;
        }
        DataChannelConfig c = channel.config();
        Long lifetime = c.maxPacketLifeTime() == null ? null : c.maxPacketLifeTime().longValue();
        boolean unordered = !c.ordered() && !channel.awaitingAck();
        sender.sendMessage(channel.id(), ppid, payload, unordered, c.maxRetransmits(), lifetime);
    }

    /** Sends a string message (UTF-8, PPID 51, or 56 when empty). */
    public void sendText(DataChannelHandle channel, String text) {
        send(channel, DcepOpen.utf8(text, "text"), false);
    }

    /**
     * Starts closing: resets our outgoing stream (RFC 8831 §6.7). The channel is CLOSED when the peer's reset of
     * the stream arrives; one that never reached the wire closes at once. Closing twice does nothing.
     */
    public void close(DataChannelHandle channel) {
        requireOwn(channel);
        DataChannelState state = channel.state();
        if (state == DataChannelState.CLOSING || state == DataChannelState.CLOSED) {
            return;
        }
        if (!associationUp) {
            finishClose(channel);
            return;
        }
        channel.state(DataChannelState.CLOSING);
        events.add(new DataChannelEvent.Closing(channel));
        sender.resetStreams(new int[] {channel.id()});
    }

    /**
     * The peer reset these incoming streams (RFC 6525). Channels we were closing are now closed; for the others
     * the peer closes first, so we reset our side too (RFC 8831 §6.7) and close them.
     */
    public void handleIncomingStreamReset(int[] streamIds) {
        List<Integer> ours = new ArrayList<>();
        for (int id : streamIds) {
            DataChannelHandle channel = channels.get(id);
            if (channel == null) {
                continue;
            }
            if (channel.state() != DataChannelState.CLOSING) {
                channel.state(DataChannelState.CLOSING);
                events.add(new DataChannelEvent.Closing(channel));
                ours.add(id);
            }
            finishClose(channel);
        }
        if (!ours.isEmpty()) {
            sender.resetStreams(ours.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The association is gone: every channel is closed. */
    public void handleAssociationClosed() {
        associationUp = false;
        associationClosed = true;
        for (DataChannelHandle channel : List.copyOf(channels.values())) {
            finishClose(channel);
        }
    }

    /** The next event, or null when there is none. */
    public DataChannelEvent pollEvent() {
        return events.poll();
    }

    /** The peer's {@code a=max-message-size} (RFC 8841 §6); 0 means no limit. */
    public void setRemoteMaxMessageSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("max message size must not be negative");
        }
        remoteMaxMessageSize = size;
    }

    public long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    /** The channel on this stream id, or null. */
    public DataChannelHandle channel(int id) {
        return channels.get(id);
    }

    /** The channels not yet closed, by id. */
    public Collection<DataChannelHandle> channels() {
        return Collections.unmodifiableCollection(channels.values());
    }

    public boolean associationEstablished() {
        return associationUp;
    }

    /** Messages from the network dropped as malformed or unexpected. */
    public long droppedMessages() {
        return droppedMessages;
    }

    private int allocateId() {
        for (int id = dtlsClient ? 0 : 1; id < maxChannels; id += 2) {
            if (!channels.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free " + (dtlsClient ? "even" : "odd") + " stream id below "
                + maxChannels);
    }

    /** With the association up: a negotiated channel opens, an in-band one announces itself. */
    private void start(DataChannelHandle channel) {
        if (channel.state() != DataChannelState.CONNECTING) {
            return;
        }
        if (channel.negotiated()) {
            markOpen(channel);
        } else if (!channel.openedByRemote() && !channel.openSent()) {
            DataChannelConfig c = channel.config();
            DcepOpen open = new DcepOpen(c.channelType(), channel.priority(), c.reliabilityParameter(), c.label(),
                    c.protocol());
            channel.markOpenSent();
            // DCEP messages are always reliable and ordered (RFC 8832 §6).
            sender.sendMessage(channel.id(), Ppid.DCEP, open.encode(), false, null, null);
            markOpen(channel);
        }
    }

    private void handleDcep(int streamId, byte[] data) {
        if (data.length > 0 && (data[0] & 0xFF) == DcepOpen.MESSAGE_TYPE
                && data.length - DcepOpen.HEADER_LENGTH > limits.maxLabelAndProtocolBytes()) {
            refuseRemoteOpen(streamId, "label and protocol exceed " + limits.maxLabelAndProtocolBytes() + " bytes");
            return;
        }
        DcepMessage message;
        try {
            message = DcepMessage.parse(data);
        } catch (DcepParseException e) {
            drop(streamId, e.getMessage());
            return;
        }
        if (message instanceof DcepOpen open) {
            acceptRemoteOpen(streamId, open);
        } else {
            DataChannelHandle channel = channels.get(streamId);
            if (channel != null && channel.openSent()) {
                channel.markAcknowledged();
            } else {
                drop(streamId, "DATA_CHANNEL_ACK for no channel we opened");
            }
        }
    }

    /** RFC 8832 §6: the peer opened a channel; acknowledge it and treat it as open. */
    private void acceptRemoteOpen(int streamId, DcepOpen open) {
        if (channels.containsKey(streamId)) {
            drop(streamId, "DATA_CHANNEL_OPEN for a stream already in use");
            return;
        }
        if (remoteOpenedChannels >= limits.maxRemoteChannels()) {
            refuseRemoteOpen(streamId, "the peer already has " + remoteOpenedChannels + " channels open");
            return;
        }
        if ((streamId % 2 == 0) == dtlsClient) {
            LOG.log(Level.DEBUG, () -> "peer opened stream " + streamId + " with our id parity; accepting it");
        }
        DcepChannelType type = open.channelType();
        Integer limit = (int) Math.min(open.reliabilityParameter(), Integer.MAX_VALUE);
        DataChannelConfig config = new DataChannelConfig(open.label(), type.ordered(),
                type.limitsLifetime() ? limit : null, type.limitsRetransmits() ? limit : null, open.protocol(),
                false, streamId);
        DataChannelHandle channel = new DataChannelHandle(this, sender, config, open.priority(), true);
        channel.state(DataChannelState.OPEN);
        channels.put(streamId, channel);
        remoteOpenedChannels++;
        sender.sendMessage(streamId, Ppid.DCEP, DcepAck.INSTANCE.encode(), false, null, null);
        events.add(new DataChannelEvent.ChannelOpenedByRemote(channel));
    }

    /** Past {@link DataChannelLimits}: resetting our side of the stream closes the channel the peer opened. */
    private void refuseRemoteOpen(int streamId, String reason) {
        drop(streamId, "DATA_CHANNEL_OPEN refused: " + reason);
        if (!channels.containsKey(streamId)) {
            sender.resetStreams(new int[] {streamId});
        }
    }

    private void deliver(int streamId, boolean binary, byte[] data) {
        DataChannelHandle channel = channels.get(streamId);
        if (channel == null) {
            drop(streamId, "message for no channel");
            return;
        }
        if (channel.awaitingAck()) {
            // The peer sends data only after its ACK, which an unordered message may overtake: it counts as the ACK.
            channel.markAcknowledged();
        }
        if (channel.state() != DataChannelState.OPEN) {
            drop(streamId, "message for a channel that is " + channel.state());
            return;
        }
        events.add(new DataChannelEvent.Message(channel, binary, data));
    }

    private void markOpen(DataChannelHandle channel) {
        channel.state(DataChannelState.OPEN);
        events.add(new DataChannelEvent.Opened(channel));
    }

    private void finishClose(DataChannelHandle channel) {
        channel.state(DataChannelState.CLOSED);
        if (channels.remove(channel.id()) != null && channel.openedByRemote()) {
            remoteOpenedChannels--;
        }
        events.add(new DataChannelEvent.Closed(channel));
    }

    private void requireOwn(DataChannelHandle channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.engine() != this) {
            throw new IllegalArgumentException("channel belongs to another engine");
        }
    }

    private void drop(int streamId, String reason) {
        droppedMessages++;
        LOG.log(Level.DEBUG, () -> "dropped data channel message on stream " + streamId + ": " + reason);
    }
}
