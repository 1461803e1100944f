package io.jrtc.pc.internal.transport;

import io.jrtc.dtls.DtlsCertificate;
import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsEvent;
import io.jrtc.dtls.DtlsFingerprint;
import io.jrtc.dtls.DtlsRole;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCDtlsParameters;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCDtlsTransportState;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RTCIceTransportState;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.internal.config.ProtocolConfigs;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.loop.Pump;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * DTLS over an ICE transport (behind the reference's RTCDtlsTransport). The handshake starts once ICE has a
 * selected pair and the remote parameters are known; the remote certificate must match a signalled fingerprint,
 * else the transport fails and nothing is delivered. Decrypted datagrams go to the layer above (SCTP). SRTP and
 * SRTCP share the path without DTLS record protection (RFC 5764 §5.1.2): the media side registers a
 * {@link #setMediaReceiver receiver} for them, sends with {@link #sendMedia} and takes its keys from
 * {@link #endpoint()}; this transport knows nothing of RTP.
 *
 * <p>Only datagrams from a path ICE validated reach the handshake and the records after it: the selected pair's
 * remote, or the remote of any pair that succeeded a check (RFC 8445 §7.2.5.3.2); others are counted and dropped, so
 * a stranger who learnt the port cannot inject a ClientHello or an alert (RFC 8826 §4.3.1: ICE is the consent to
 * receive). Before the handshake starts, datagrams from a path of the check list are held, and checked again when it
 * starts. The handshake deadline is the connection's timer (see {@link DtlsEndpoint#handleTimeout}), counted from
 * the moment the handshake is due, so that an endpoint whose peer never sends a ClientHello costs no thread and
 * still fails in time.
 */
public final class DtlsTransport implements Pump.Stage {
    private static final System.Logger LOG = System.getLogger(DtlsTransport.class.getName());
    private static final int EARLY_DATAGRAMS = 64;

    private final IceTransport transport;
    private final ConnectionContext context;
    private final DtlsCertificate certificate;
    private final Listeners<RTCDtlsTransportState> stateListeners;
    private final List<Consumer<RTCDtlsTransportState>> internalStateListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final ArrayDeque<EarlyDatagram> early = new ArrayDeque<>();
    private volatile RTCDtlsTransportState state = RTCDtlsTransportState.NEW;
    private volatile RTCDtlsRole role = RTCDtlsRole.AUTO;
    private RTCDtlsParameters remoteParameters;
    private DtlsEndpoint endpoint;
    private Consumer<byte[]> applicationData = data -> { };
    private long strangerDatagrams;

    /** A datagram that arrived before the handshake started, with the path it came by. */
    private record EarlyDatagram(int socketId, InetSocketAddress sender, byte[] data) {
    }

    public DtlsTransport(IceTransport transport, DtlsCertificate certificate) {
        this.transport = transport;
        this.context = transport.gatherer().context();
        this.certificate = certificate;
        this.stateListeners = context.listeners();
        transport.demultiplexer().setDtlsReceiver(this::onDatagram);
        transport.addInternalStateListener(iceState -> maybeStartHandshake());
        context.pump().add(this);
    }

    public IceTransport transport() {
        return transport;
    }

    public ConnectionContext context() {
        return context;
    }

    public RTCDtlsTransportState getState() {
        return state;
    }

    public RTCDtlsRole getRole() {
        return role;
    }

    public Subscription onStateChange(Consumer<RTCDtlsTransportState> listener) {
        return stateListeners.add(listener);
    }

    /**
     * Starts DTLS with the remote's fingerprints. Our role is the opposite of the remote's; when the remote says
     * {@code auto}, the ICE-controlled side is the client (as in the reference). Completes when connected.
     */
    public CompletableFuture<Void> start(RTCDtlsParameters remote) {
        context.onLoop(() -> {
            if (remoteParameters != null) {
                return null;
            }
            remoteParameters = remote;
            role = switch (remote.role()) {
                case CLIENT -> RTCDtlsRole.SERVER;
                case SERVER -> RTCDtlsRole.CLIENT;
                case AUTO -> transport.getRole() == RTCIceRole.CONTROLLED ? RTCDtlsRole.CLIENT : RTCDtlsRole.SERVER;
            };
            maybeStartHandshake();
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
        if (endpoint != null) {
            endpoint.close();
            drainTransmits();
        }
        setState(RTCDtlsTransportState.CLOSED);
    }

    /** Where decrypted application data (SCTP packets) goes; on the loop. */
    public void setApplicationDataReceiver(Consumer<byte[]> receiver) {
        this.applicationData = receiver;
    }

    /** Runs on the loop at each state change, before the public listeners hear of it. */
    public void addInternalStateListener(Consumer<RTCDtlsTransportState> listener) {
        internalStateListeners.add(listener);
    }

    /** Where SRTP and SRTCP datagrams (RFC 7983: first byte 128..191) arriving on this transport's path go. */
    public void setMediaReceiver(PacketDemultiplexer.Receiver receiver) {
        transport.demultiplexer().setMediaReceiver(receiver);
    }

    /** Sends an SRTP or SRTCP datagram beside the DTLS records (RFC 5764 §5.1.2), once connected; on the loop. */
    public void sendMedia(byte[] data, int offset, int length) {
        if (state == RTCDtlsTransportState.CONNECTED) {
            transport.send(data, offset, length);
        }
    }

    /** Encrypts and hands the record straight to ICE, so a long burst reaches the socket while it is produced. */
    public void send(byte[] data, int offset, int length) {
        if (state == RTCDtlsTransportState.CONNECTED) {
            endpoint.send(data, offset, length);
            drainTransmits();
        }
    }

    /** The handshake's machine, null before it starts: its SRTP keys and the remote's fingerprint. */
    public DtlsEndpoint endpoint() {
        return endpoint;
    }

    private void maybeStartHandshake() {
        RTCIceTransportState iceState = transport.getState();
        boolean iceUp = iceState == RTCIceTransportState.CONNECTED || iceState == RTCIceTransportState.COMPLETED;
        if (endpoint != null || remoteParameters == null || !iceUp || state != RTCDtlsTransportState.NEW) {
            return;
        }
        DtlsRole dtlsRole = role == RTCDtlsRole.CLIENT ? DtlsRole.CLIENT : DtlsRole.SERVER;
        List<DtlsFingerprint> remoteFingerprints = remoteParameters.fingerprints().stream()
                .map(f -> new DtlsFingerprint(f.algorithm(), f.value())).toList();
        endpoint = new DtlsEndpoint(dtlsRole, certificate, remoteFingerprints,
                context.engine().handshakeExecutor(), context.pump()::request,
                ProtocolConfigs.dtls(context.engine().settings().dtls()));
        setState(RTCDtlsTransportState.CONNECTING);
        endpoint.start(context.pump().now());
        while (!early.isEmpty()) {
            EarlyDatagram datagram = early.poll();
            onDatagram(datagram.socketId(), datagram.sender(), datagram.data(), datagram.data().length);
        }
    }

    /**
     * A DTLS record, as the demultiplexer sorted it out: passed on if it came by a validated path, held while the
     * handshake has not started yet if it came by any path of the check list, else dropped.
     */
    private void onDatagram(int socketId, InetSocketAddress sender, byte[] data, int length) {
        if (endpoint == null) {
            if (early.size() < EARLY_DATAGRAMS && state == RTCDtlsTransportState.NEW
                    && transport.isCandidatePath(socketId, sender)) {
                early.add(new EarlyDatagram(socketId, sender, Arrays.copyOf(data, length)));
            } else {
                strangerDatagrams++;
            }
            return;
        }
        if (!transport.isValidatedPath(socketId, sender)) {
            strangerDatagrams++;
            LOG.log(Level.DEBUG, () -> "dropped a DTLS datagram from " + sender + ", not a validated ICE path");
            return;
        }
        endpoint.handleReceive(context.pump().now(), data, 0, length);
    }

    /** DTLS datagrams dropped because they came by no path ICE validated (or, early, by no path of the check list). */
    public long strangerDatagrams() {
        return strangerDatagrams;
    }

    @Override
    public boolean pump(long now) {
        if (endpoint == null) {
            return false;
        }
        boolean moved = drainTransmits();
        DtlsEvent event;
        while ((event = endpoint.pollEvent()) != null) {
            moved = true;
            onEvent(event);
        }
        byte[] data;
        while ((data = endpoint.pollApplicationData()) != null) {
            moved = true;
            if (state == RTCDtlsTransportState.CONNECTED) {
                applicationData.accept(data);
            }
        }
        return moved;
    }

    private boolean drainTransmits() {
        boolean moved = false;
        byte[] datagram;
        while ((datagram = endpoint.pollTransmit()) != null) {
            transport.send(datagram, 0, datagram.length);
            moved = true;
        }
        return moved;
    }

    private void onEvent(DtlsEvent event) {
        if (event instanceof DtlsEvent.Connected) {
            setState(RTCDtlsTransportState.CONNECTED);
            connected.complete(null);
        } else if (event instanceof DtlsEvent.Failed failed) {
            LOG.log(Level.DEBUG, () -> "DTLS failed: " + failed.reason());
            setState(RTCDtlsTransportState.FAILED);
            connected.completeExceptionally(new OperationError("DTLS failed: " + failed.reason(), failed.cause()));
        } else if (event instanceof DtlsEvent.Closed) {
            setState(RTCDtlsTransportState.CLOSED);
            connected.completeExceptionally(new OperationError("DTLS closed"));
        }
    }

    @Override
    public long deadline() {
        return endpoint == null ? Long.MAX_VALUE : endpoint.handshakeDeadline();
    }

    @Override
    public void onTimeout(long now) {
        if (endpoint != null) {
            endpoint.handleTimeout(now);
        }
    }

    private void setState(RTCDtlsTransportState next) {
        if (state == next || state == RTCDtlsTransportState.CLOSED || state == RTCDtlsTransportState.FAILED) {
            return;
        }
        state = next;
        for (Consumer<RTCDtlsTransportState> listener : internalStateListeners) {
            listener.accept(next);
        }
        stateListeners.emit(next);
    }
}
