package io.jrtc.pc;

import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.transport.SctpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * SCTP over DTLS (the reference's RTCSctpTransport, RFC 8261) and the data channels it carries. The association
 * starts once DTLS is connected; both sides send INIT.
 */
public final class RTCSctpTransport {
    /** What we accept in one message; advertised as {@code a=max-message-size}. */
    public static final long MAX_MESSAGE_SIZE = SctpTransport.MAX_MESSAGE_SIZE;
    static final int DEFAULT_PORT = SctpTransport.DEFAULT_PORT;

    private final RTCDtlsTransport transport;
    private final SctpTransport core;
    private final Listeners<RTCDataChannel> dataChannelListeners;

    public RTCSctpTransport(RTCDtlsTransport transport) {
        this(transport, DEFAULT_PORT);
    }

    public RTCSctpTransport(RTCDtlsTransport transport, int port) {
        this(transport, new SctpTransport(transport.core().dtls(), port), channel -> { });
    }

    /**
     * With the peer connection's datachannel event, which hears of each channel the remote opened on the loop, in
     * its place in the order of events, with the same facade this transport's listeners get.
     */
    RTCSctpTransport(RTCDtlsTransport transport, SctpTransport core, Consumer<RTCDataChannel> connectionListener) {
        this.transport = transport;
        this.core = core;
        this.dataChannelListeners = core.context().listeners();
        // One facade per channel the remote opened: the core announces each once, on the loop.
        core.addRemoteChannelListener(opened -> {
            RTCDataChannel channel = new RTCDataChannel(this, opened);
            dataChannelListeners.emit(channel);
            connectionListener.accept(channel);
        });
    }

    public static RTCSctpCapabilities getCapabilities() {
        return new RTCSctpCapabilities(MAX_MESSAGE_SIZE);
    }

    public RTCDtlsTransport getTransport() {
        return transport;
    }

    public RTCSctpTransportState getState() {
        return core.getState();
    }

    public int getPort() {
        return core.getPort();
    }

    /** Channels this association can carry at once; null until connected (W3C). */
    public Integer getMaxChannels() {
        return core.getMaxChannels();
    }

    public long getMaxMessageSize() {
        return core.getMaxMessageSize();
    }

    public Subscription onStateChange(Consumer<RTCSctpTransportState> listener) {
        return core.onStateChange(listener);
    }

    /** Channels the remote side opened (the reference's "datachannel" event of this transport). */
    public Subscription onDataChannel(Consumer<RTCDataChannel> listener) {
        return dataChannelListeners.add(listener);
    }

    /** Starts the association once DTLS is connected; completes when it is established. */
    public CompletableFuture<Void> start(RTCSctpCapabilities remoteCapabilities, int remotePort) {
        return core.start(remoteCapabilities, remotePort);
    }

    public CompletableFuture<Void> stop() {
        return core.stop();
    }

    SctpTransport core() {
        return core;
    }
}
