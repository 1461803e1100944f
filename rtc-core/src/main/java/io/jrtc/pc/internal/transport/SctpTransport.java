package io.jrtc.pc.internal.transport;

import io.jrtc.datachannel.DataChannelConfig;
import io.jrtc.datachannel.DataChannelEngine;
import io.jrtc.datachannel.DataChannelEvent;
import io.jrtc.datachannel.DataChannelHandle;
import io.jrtc.datachannel.SctpStreamSender;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCDataChannelParameters;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCDtlsTransportState;
import io.jrtc.pc.RTCSctpCapabilities;
import io.jrtc.pc.RTCSctpTransportState;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.internal.config.ProtocolConfigs;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.loop.Pump;
import io.jrtc.sctp.SctpAssociation;
import io.jrtc.sctp.SctpEvent;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * SCTP over DTLS (behind the reference's RTCSctpTransport, RFC 8261) and the data channels it carries. The
 * association starts once DTLS is connected; both sides send INIT. A channel the remote opens is handed to the
 * {@link #addRemoteChannelListener remote-channel listeners} on the loop, for the API layer to announce.
 */
public final class SctpTransport implements Pump.Stage {
    /** What we accept in one message; advertised as {@code a=max-message-size}. */
    public static final long MAX_MESSAGE_SIZE = 16L << 20;
    /** What RFC 8841 §6.1 says to assume when the remote gives no max-message-size. */
    public static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 65536;
    /** The SCTP port of the data channels unless signalled otherwise (RFC 8841 §5). */
    public static final int DEFAULT_PORT = 5000;

    private final DtlsTransport transport;
    private final ConnectionContext context;
    private final int port;
    private final Listeners<RTCSctpTransportState> stateListeners;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<DataChannel> pendingChannels = new ArrayList<>();
    private final Map<DataChannelHandle, DataChannel> channels = new HashMap<>();
    private final ConcurrentLinkedQueue<DataChannel> channelsWithOutput = new ConcurrentLinkedQueue<>();
    private volatile RTCSctpTransportState state = RTCSctpTransportState.CONNECTING;
    private volatile Integer maxChannels;
    private volatile long remoteMaxMessageSize = DEFAULT_REMOTE_MAX_MESSAGE_SIZE;
    private int remotePort = DEFAULT_PORT;
    private boolean started;
    private SctpAssociation association;
    private DataChannelEngine engine;
    private final List<Consumer<DataChannel>> remoteChannelListeners = new CopyOnWriteArrayList<>();
    private volatile int dataChannelsOpened;
    private volatile int dataChannelsClosed;

    public SctpTransport(DtlsTransport transport, int port) {
        this.transport = transport;
        this.context = transport.context();
        this.port = port;
        this.stateListeners = context.listeners();
        transport.setApplicationDataReceiver(this::onPacket);
        transport.addInternalStateListener(this::onDtlsState);
        context.pump().add(this);
    }

    public DtlsTransport transport() {
        return transport;
    }

    public ConnectionContext context() {
        return context;
    }

    public RTCSctpTransportState getState() {
        return state;
    }

    public int getPort() {
        return port;
    }

    /** Channels this association can carry at once; null until connected (W3C). */
    public Integer getMaxChannels() {
        return maxChannels;
    }

    public long getMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    public Subscription onStateChange(Consumer<RTCSctpTransportState> listener) {
        return stateListeners.add(listener);
    }

    /** Starts the association once DTLS is connected; completes when it is established. */
    public CompletableFuture<Void> start(RTCSctpCapabilities remoteCapabilities, int remotePort) {
        context.onLoop(() -> {
            if (started) {
                return null;
            }
            started = true;
            this.remotePort = remotePort;
            long max = remoteCapabilities.maxMessageSize();
            this.remoteMaxMessageSize = max == 0 ? Long.MAX_VALUE : max;
            if (transport.getState() == RTCDtlsTransportState.CONNECTED) {
                startAssociation();
            }
            return null;
        });
        return connected;
    }

    public CompletableFuture<Void> stop() {
        return context.onLoop(() -> {
            stopOnLoop();
            return null;
        });
    }

    public void stopOnLoop() {
        if (association != null && state == RTCSctpTransportState.CONNECTED) {
            association.abort(context.pump().now(), "closed by the application");
            pump(context.pump().now());
        }
        closeAllChannels();
        setState(RTCSctpTransportState.CLOSED);
    }

    /**
     * Hears of each channel the remote opened, on the loop, already open and before its open event: where the
     * datachannel events start, so that they keep their place in the order (W3C webrtc-pc §6.2).
     */
    public void addRemoteChannelListener(Consumer<DataChannel> listener) {
        remoteChannelListeners.add(listener);
    }

    // ---- data channels (called by DataChannel) ----

    void register(DataChannel channel) {
        context.onLoop(() -> {
            if (state == RTCSctpTransportState.CLOSED) {
                channel.onClosed();
            } else if (engine == null) {
                pendingChannels.add(channel);
            } else {
                openOnEngine(channel);
            }
            context.pump().run();
            return null;
        });
    }

    /** Applies the channel's receive pause (its latest value) to its SCTP stream, on the loop. */
    void receivePauseChanged(DataChannel channel) {
        context.onLoop(() -> {
            applyReceivePause(channel);
            context.pump().run();
            return null;
        });
    }

    private void applyReceivePause(DataChannel channel) {
        if (association == null || channel.handle() == null || !channels.containsKey(channel.handle())) {
            return;  // applied when it opens
        }
        int streamId = channel.handle().id();
        if (channel.isReceivePaused()) {
            association.pauseStream(streamId);
        } else if (association.isStreamPaused(streamId)) {
            association.resumeStream(streamId);
        }
    }

    void outputReady(DataChannel channel) {
        channelsWithOutput.add(channel);
        context.pump().request();
    }

    void close(DataChannel channel) {
        context.onLoop(() -> {
            if (engine != null && channel.handle() != null) {
                engine.close(channel.handle());
            } else {
                pendingChannels.remove(channel);
                channel.onClosed();
            }
            context.pump().run();
            return null;
        });
    }

    public long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    /** The cap on each channel's bufferedAmount (SctpSettings maxBufferedAmount). */
    long maxBufferedAmount() {
        return context.engine().settings().sctp().maxBufferedAmount();
    }

    public int dataChannelsOpened() {
        return dataChannelsOpened;
    }

    public int dataChannelsClosed() {
        return dataChannelsClosed;
    }

    public List<DataChannel> channels() {
        return List.copyOf(channels.values());
    }

    public SctpAssociation association() {
        return association;
    }

    // ---- the pump stage ----

    @Override
    public boolean pump(long now) {
        if (association == null) {
            return false;
        }
        boolean moved = flushChannelOutput();
        byte[] packet;
        while ((packet = association.pollTransmit()) != null) {
            transport.send(packet, 0, packet.length);
            moved = true;
        }
        SctpEvent event;
        while ((event = association.pollEvent()) != null) {
            moved = true;
            onSctpEvent(event);
        }
        DataChannelEvent channelEvent;
        while (engine != null && (channelEvent = engine.pollEvent()) != null) {
            moved = true;
            onChannelEvent(channelEvent);
        }
        return moved;
    }

    @Override
    public long deadline() {
        return association == null ? Long.MAX_VALUE : association.pollTimeout();
    }

    @Override
    public void onTimeout(long now) {
        if (association != null) {
            association.handleTimeout(now);
        }
    }

    @Override
    public void settle() {
        if (association == null) {
            return;
        }
        for (DataChannel channel : channels.values()) {
            channel.updateBufferedAmount(association.bufferedAmount(channel.handle().id()));
        }
    }

    private boolean flushChannelOutput() {
        boolean moved = false;
        DataChannel channel;
        while ((channel = channelsWithOutput.poll()) != null) {
            moved |= channel.drainOutbox(engine, association);
        }
        return moved;
    }

    private void onPacket(byte[] packet) {
        if (association != null) {
            association.handleReceive(context.pump().now(), packet, 0, packet.length);
        }
    }

    private void onDtlsState(RTCDtlsTransportState dtlsState) {
        if (dtlsState == RTCDtlsTransportState.CONNECTED && started) {
            startAssociation();
        } else if (dtlsState == RTCDtlsTransportState.CLOSED || dtlsState == RTCDtlsTransportState.FAILED) {
            closeAllChannels();
            setState(RTCSctpTransportState.CLOSED);
        }
    }

    private void startAssociation() {
        if (association != null) {
            return;
        }
        boolean client = transport.getRole() == RTCDtlsRole.CLIENT;
        association = new SctpAssociation(ProtocolConfigs.sctp(context.engine().settings().sctp(),
                new SecureRandom().nextLong()));
        engine = new DataChannelEngine(streamSender(), client, 65535,
                ProtocolConfigs.dataChannels(context.engine().settings().sctp()));
        engine.setRemoteMaxMessageSize(remoteMaxMessageSize);
        // Both sides send INIT: peers disagree on who starts (aiortc: the ICE-controlling side, others: the DTLS
        // client), and RFC 9260 §5.2 resolves the collision when both do.
        association.connect(context.pump().now());
    }

    private SctpStreamSender streamSender() {
        return new SctpStreamSender() {
            @Override
            public void sendMessage(int streamId, int ppid, byte[] data, boolean unordered,
                                    Integer maxRetransmits, Long maxLifetimeMillis) {
                association.send(context.pump().now(), streamId, ppid, data, unordered, maxRetransmits, maxLifetimeMillis);
            }

            @Override
            public void resetStreams(int[] streamIds) {
                association.resetStreams(context.pump().now(), streamIds);
            }

            @Override
            public long bufferedAmount(int streamId) {
                return association.bufferedAmount(streamId);
            }
        };
    }

    private void onSctpEvent(SctpEvent event) {
        if (event instanceof SctpEvent.Connected) {
            maxChannels = 65535;
            setState(RTCSctpTransportState.CONNECTED);
            connected.complete(null);
            engine.onAssociationEstablished();
            for (DataChannel channel : pendingChannels) {
                openOnEngine(channel);
            }
            pendingChannels.clear();
        } else if (event instanceof SctpEvent.MessageReceived message) {
            engine.handleMessage(message.streamId(), message.ppid(), message.data());
        } else if (event instanceof SctpEvent.IncomingStreamsReset reset) {
            engine.handleIncomingStreamReset(reset.streamIds());
        } else if (event instanceof SctpEvent.Closed || event instanceof SctpEvent.Aborted) {
            closeAllChannels();
            setState(RTCSctpTransportState.CLOSED);
            connected.completeExceptionally(new OperationError("SCTP association ended: " + event));
        }
    }

    private void onChannelEvent(DataChannelEvent event) {
        if (event instanceof DataChannelEvent.Opened opened) {
            DataChannel channel = channels.get(opened.handle());
            if (channel != null) {
                dataChannelsOpened++;
                channel.onOpened();
            }
        } else if (event instanceof DataChannelEvent.ChannelOpenedByRemote remote) {
            DataChannel channel = DataChannel.openedByRemote(this, remote.handle());
            channels.put(remote.handle(), channel);
            dataChannelsOpened++;
            // W3C order: the datachannel event first (the channel already open), then the channel's open event.
            channel.onOpenedByRemote(() -> {
                for (Consumer<DataChannel> listener : remoteChannelListeners) {
                    listener.accept(channel);
                }
            });
        } else if (event instanceof DataChannelEvent.Message message) {
            DataChannel channel = channels.get(message.handle());
            if (channel != null) {
                channel.onMessage(new RTCDataChannelMessage(message.binary(), message.data()));
            }
        } else if (event instanceof DataChannelEvent.Closing closing) {
            DataChannel channel = channels.get(closing.handle());
            if (channel != null) {
                channel.onClosing();
            }
        } else if (event instanceof DataChannelEvent.Closed closed) {
            DataChannel channel = channels.remove(closed.handle());
            if (channel != null) {
                dataChannelsClosed++;
                channel.onClosed();
            }
        }
    }

    private void openOnEngine(DataChannel channel) {
        RTCDataChannelParameters p = channel.parameters();
        DataChannelHandle handle = engine.open(new DataChannelConfig(p.label(), p.ordered(), p.maxPacketLifeTime(),
                p.maxRetransmits(), p.protocol(), p.negotiated(), p.id()));
        channel.attach(handle);
        channels.put(handle, channel);
        applyReceivePause(channel);
    }

    private void closeAllChannels() {
        for (DataChannel channel : pendingChannels) {
            channel.onClosed();
        }
        pendingChannels.clear();
        for (DataChannel channel : channels.values()) {
            dataChannelsClosed++;
            channel.onClosed();
        }
        channels.clear();
    }

    private void setState(RTCSctpTransportState next) {
        if (state != next && state != RTCSctpTransportState.CLOSED) {
            state = next;
            stateListeners.emit(next);
        }
    }
}
