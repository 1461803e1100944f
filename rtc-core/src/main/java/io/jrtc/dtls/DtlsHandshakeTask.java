package io.jrtc.dtls;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bouncycastle.tls.AbstractTlsPeer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsClient;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsServer;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The one handshake task of a {@link DtlsEndpoint}: handed to the executor once there is work for it, it runs
 * BouncyCastle's blocking handshake on that thread over the endpoint's {@link QueuedDatagramTransport}, then moves
 * the endpoint's state from CONNECTING to CONNECTED (publishing the established transport first), FAILED or, on the
 * peer's close_notify, CLOSED, with the matching event. It calls {@code wakeup} only while CONNECTING, and when the
 * handshake ends: after a local close the owner drains by itself.
 *
 * <p>{@link #prepare}, {@link #submit}, {@link #submitted} and {@link #cancel} are the owner's; {@link #established}
 * may be read from the owner's thread once the state is CONNECTED.
 */
final class DtlsHandshakeTask {
    private static final Logger LOG = System.getLogger(DtlsHandshakeTask.class.getName());

    private final DtlsRole role;
    private final Supplier<AbstractTlsPeer> peerFactory;
    private final RemoteFingerprintVerifier verifier;
    private final HandshakeOutcome outcome;
    private final AtomicReference<DtlsState> state;
    private final Queue<DtlsEvent> events;
    private final Executor executor;
    private final Runnable wakeup;
    private final QueuedDatagramTransport transport;
    private volatile AbstractTlsPeer peer;
    /** Published by the handshake thread before the state turns CONNECTED; from then on used by the owner only. */
    private volatile DTLSTransport established;
    /** Owner thread: whether the task was handed to the executor. */
    private boolean submitted;

    /**
     * @param peerFactory makes the handshake's peer (a client for {@link DtlsRole#CLIENT}, a server otherwise)
     * @param state the endpoint's state, which the task moves on from CONNECTING
     * @param events where the task puts the endpoint's Connected, Failed or Closed event
     * @param mtu the largest datagram the handshake sends
     * @param inboundCapacity datagrams the transport buffers for the handshake thread
     */
    DtlsHandshakeTask(DtlsRole role, Supplier<AbstractTlsPeer> peerFactory, RemoteFingerprintVerifier verifier,
                      HandshakeOutcome outcome, AtomicReference<DtlsState> state, Queue<DtlsEvent> events,
                      Executor executor, Runnable wakeup, int mtu, int inboundCapacity) {
        this.role = role;
        this.peerFactory = peerFactory;
        this.verifier = verifier;
        this.outcome = outcome;
        this.state = state;
        this.events = events;
        this.executor = executor;
        this.wakeup = wakeup;
        this.transport = new QueuedDatagramTransport(mtu, inboundCapacity, this::handshakeOutput);
    }

    /** The datagram queues between the owner and the handshake thread, and the record layer's once connected. */
    QueuedDatagramTransport transport() {
        return transport;
    }

    /** Owner thread, at the endpoint's start: makes the peer that the task will run and {@link #cancel} reaches. */
    void prepare() {
        peer = peerFactory.get();
    }

    boolean submitted() {
        return submitted;
    }

    /** Owner thread: hands the task to the executor; a full executor fails the handshake at once. */
    void submit() {
        submitted = true;
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            transport.close();
            if (state.compareAndSet(DtlsState.CONNECTING, DtlsState.FAILED)) {
                String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
                events.add(new DtlsEvent.Failed("handshake executor rejected the task" + detail, e));
            }
        }
    }

    /** Owner thread, once CONNECTED: the record layer the handshake established. */
    DTLSTransport established() {
        return established;
    }

    /**
     * Owner thread: stops the handshake whatever its state (the caller has moved the endpoint's state on), queuing
     * a user_canceled alert if it runs, and releases its thread.
     */
    void cancel() {
        verifier.cancel();
        AbstractTlsPeer handshakePeer = peer;
        if (submitted) {
            try {
                // Safe from another thread: BouncyCastle's cancel only closes the record layer, which is
                // volatile-guarded.
                handshakePeer.cancel();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "handshake cancel failed", e);
            }
        }
        transport.close();
    }

    /** Handshake thread queued a datagram. After a local close the owner drains by itself, so no wakeup then. */
    private void handshakeOutput() {
        if (state.get() == DtlsState.CONNECTING) {
            wakeup.run();
        }
    }

    private void run() {
        if (state.get() != DtlsState.CONNECTING) {
            return;
        }
        try {
            DTLSTransport dtls = role == DtlsRole.CLIENT
                ? new DTLSClientProtocol().connect((TlsClient) peer, transport)
                : new DTLSServerProtocol().accept((TlsServer) peer, transport);
            succeeded(dtls);
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /** Handshake thread: publish the transport, hand it to the owner, and never touch it again. */
    private void succeeded(DTLSTransport dtls) throws IOException {
        established = dtls;
        transport.stopBlocking();
        if (!state.compareAndSet(DtlsState.CONNECTING, DtlsState.CONNECTED)) {
            // close() raced with the last flight; the owner will not touch this transport, so close it here.
            dtls.close();
            return;
        }
        events.add(new DtlsEvent.Connected(outcome.srtp(), verifier.matched()));
        wakeup.run();
    }

    private void failed(Exception e) {
        transport.close();
        if (outcome.closeNotifyReceived()) {
            if (state.compareAndSet(DtlsState.CONNECTING, DtlsState.CLOSED)) {
                events.add(new DtlsEvent.Closed());
                wakeup.run();
            }
            return;
        }
        if (state.compareAndSet(DtlsState.CONNECTING, DtlsState.FAILED)) {
            String reason = failureReason(e);
            LOG.log(Level.DEBUG, () -> "DTLS handshake failed: " + reason, e);
            events.add(new DtlsEvent.Failed(reason, e));
            wakeup.run();
        }
    }

    private String failureReason(Exception e) {
        if (verifier.mismatch()) {
            return "fingerprint mismatch";
        }
        if (e instanceof TlsTimeoutException) {
            return "handshake timeout";
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return "received fatal alert " + AlertDescription.getName(received.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert alert) {
            String detail = alert.getMessage() == null ? "" : ": " + alert.getMessage();
            return "fatal alert " + AlertDescription.getName(alert.getAlertDescription()) + detail;
        }
        return "handshake failed: " + e;
    }
}
