package io.jrtc.pc;

import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsEvent;
import io.jrtc.dtls.DtlsRole;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.loop.Pump;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * DTLS over an ICE transport (the reference's RTCDtlsTransport). The handshake starts once ICE has a selected
 * pair and the remote parameters are known; the remote certificate must match a signalled fingerprint, else the
 * transport fails and nothing is delivered. Decrypted datagrams go to the layer above (SCTP).
 */
public final class RTCDtlsTransport implements Pump.Stage {
    private static final System.Logger LOG = System.getLogger(RTCDtlsTransport.class.getName());
    private static final int EARLY_DATAGRAMS = 64;

    private final RTCIceTransport transport;
    private final ConnectionContext context;
    private final RTCCertificate certificate;
    private final Listeners<RTCDtlsTransportState> stateListeners;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private volatile RTCDtlsTransportState state = RTCDtlsTransportState.NEW;
    private volatile RTCDtlsRole role = RTCDtlsRole.AUTO;
    private RTCDtlsParameters remoteParameters;
    private DtlsEndpoint endpoint;
    private Consumer<byte[]> applicationData = data -> { };
    private MediaReceiver mediaReceiver = (data, length) -> { };
    private RtpTransport rtp;
    private Consumer<RTCDtlsTransportState> internalStateListener = s -> { };
    private String failureReason;

    public RTCDtlsTransport(RTCIceTransport transport, List<RTCCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("RTCDtlsTransport needs a certificate");
        }
        this.transport = transport;
        this.context = transport.getIceGatherer().context();
        this.certificate = certificates.get(0);
        this.stateListeners = context.listeners();
        transport.setDatagramReceiver((socket, sender, data, length) -> onDatagram(data, length), () -> { });
        transport.addInternalStateListener(iceState -> maybeStartHandshake());
        context.pump().add(this);
    }

    public RTCIceTransport getTransport() {
        return transport;
    }

    public RTCDtlsTransportState getState() {
        return state;
    }

    /** Our fingerprints; the role is {@code auto} until the handshake starts. */
    public RTCDtlsParameters getLocalParameters() {
        return new RTCDtlsParameters(certificate.getFingerprints(), RTCDtlsRole.AUTO);
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

    void stopOnLoop() {
        if (endpoint != null) {
            endpoint.close();
            drainTransmits();
        }
        setState(RTCDtlsTransportState.CLOSED);
    }

    void setApplicationDataReceiver(Consumer<byte[]> receiver) {
        this.applicationData = receiver;
    }

    ConnectionContext context() {
        return context;
    }

    /** The RTP side of this transport, made for its first sender or receiver; on the loop. */
    RtpTransport rtp() {
        if (rtp == null) {
            rtp = new RtpTransport(this);
        }
        return rtp;
    }

    /** SRTP and SRTCP datagrams (RFC 7983: first byte 128..191) that arrive on this transport's ICE path. */
    interface MediaReceiver {
        void onDatagram(byte[] data, int length);
    }

    void setMediaReceiver(MediaReceiver receiver) {
        this.mediaReceiver = receiver;
    }

    /** Sends an SRTP or SRTCP datagram beside the DTLS records (RFC 5764 §5.1.2); on the loop. */
    void sendUnencrypted(byte[] data, int offset, int length) {
        if (state == RTCDtlsTransportState.CONNECTED) {
            transport.send(data, offset, length);
        }
    }

    void setInternalStateListener(Consumer<RTCDtlsTransportState> listener) {
        this.internalStateListener = listener;
    }

    /** Encrypts and hands the record straight to ICE, so a long burst reaches the socket while it is produced. */
    void send(byte[] data, int offset, int length) {
        if (state == RTCDtlsTransportState.CONNECTED) {
            endpoint.send(data, offset, length);
            drainTransmits();
        }
    }

    DtlsEndpoint endpoint() {
        return endpoint;
    }

    String failureReason() {
        return failureReason;
    }

    private void maybeStartHandshake() {
        RTCIceTransportState iceState = transport.getState();
        boolean iceUp = iceState == RTCIceTransportState.CONNECTED || iceState == RTCIceTransportState.COMPLETED;
        if (endpoint != null || remoteParameters == null || !iceUp || state != RTCDtlsTransportState.NEW) {
            return;
        }
        DtlsRole dtlsRole = role == RTCDtlsRole.CLIENT ? DtlsRole.CLIENT : DtlsRole.SERVER;
        endpoint = new DtlsEndpoint(dtlsRole, certificate.dtls(),
                RTCCertificate.toDtls(remoteParameters.fingerprints()),
                context.engine().handshakeExecutor(), context.pump()::request);
        setState(RTCDtlsTransportState.CONNECTING);
        endpoint.start();
        while (!early.isEmpty()) {
            byte[] datagram = early.poll();
            endpoint.handleReceive(datagram, 0, datagram.length);
        }
    }

    private void onDatagram(byte[] data, int length) {
        int first = data[0] & 0xFF;
        if (first >= 128 && first <= 191) {
            mediaReceiver.onDatagram(data, length);  // RFC 7983: RTP or RTCP
            return;
        }
        if (first < 20 || first > 63) {
            return;  // RFC 7983: not DTLS
        }
        if (endpoint == null) {
            if (early.size() < EARLY_DATAGRAMS && state == RTCDtlsTransportState.NEW) {
                early.add(java.util.Arrays.copyOf(data, length));
            }
            return;
        }
        endpoint.handleReceive(data, 0, length);
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
            if (rtp != null) {
                rtp.onDtlsConnected();
            }
            connected.complete(null);
        } else if (event instanceof DtlsEvent.Failed failed) {
            failureReason = failed.reason();
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
        return Long.MAX_VALUE;
    }

    @Override
    public void onTimeout(long now) {
    }

    private void setState(RTCDtlsTransportState next) {
        if (state == next || state == RTCDtlsTransportState.CLOSED || state == RTCDtlsTransportState.FAILED) {
            return;
        }
        state = next;
        internalStateListener.accept(next);
        stateListeners.emit(next);
    }
}
