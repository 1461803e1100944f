package io.jrtc.dtls;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bouncycastle.tls.AbstractTlsPeer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * One DTLS 1.2 association (RFC 6347) of a WebRTC transport, with DTLS-SRTP key export (RFC 5764), driven by an
 * owner thread (an event loop) and BouncyCastle underneath.
 *
 * <p><b>Threads.</b> Every method except {@link #setRemoteFingerprints} and {@link #state()} must be called from the
 * owner's thread. A handshake puts exactly one task ({@link DtlsHandshakeTask}) on {@code handshakeExecutor}, and
 * only once there is work for it: a client at {@link #start(long)}, since it sends first; a server when the first
 * datagram that looks like a ClientHello arrives ({@link FirstFlight}), so an endpoint whose peer never speaks holds
 * no thread. The task runs
 * BouncyCastle's blocking handshake and ends when the handshake does (success, failure, deadline or
 * {@link #close()}). That task hands its output over through thread-safe queues and calls {@code wakeup} on the
 * executor thread each time it has queued a datagram to send or an event; {@code wakeup} must not block, only
 * schedule a drain on the owner's thread, which then calls {@link #pollTransmit()}, {@link #pollEvent()} and
 * {@link #pollApplicationData()} until each returns null. {@code wakeup} is never called from inside the owner's own
 * calls, and not at all once CONNECTED, CLOSED or FAILED: from then on records are decrypted inside
 * {@link #handleReceive} and the poll methods, and encrypted inside {@link #send}, on the owner's thread, so the owner
 * drains after each of its own calls ({@link #handleReceive}, {@link #send}, {@link #close()}, {@link #start(long)},
 * {@link #handleTimeout(long)}).
 *
 * <p><b>Time.</b> The handshake deadline is the owner's: it counts from {@link #start(long)} in the owner's clock,
 * whether or not the task has started (it may wait in the executor's queue, or for a ClientHello), and the owner
 * calls {@link #handleTimeout(long)} at {@link #handshakeDeadline()}. Handshake retransmission (RFC 6347 §4.2.4) is
 * BouncyCastle's and runs in real time on the executor thread, with the same time limit counted from the task's start
 * as a backstop that the owner's deadline always precedes. Handshake datagrams fit {@link DtlsConfig#mtu()};
 * application datagrams are limited by {@link #maxApplicationDataSize()}.
 *
 * <p><b>Failures.</b> Bytes from the network never make a method throw: undecryptable records are dropped, and a
 * fatal protocol error turns into {@link DtlsEvent.Failed}. Misuse throws {@link IllegalStateException} or
 * {@link IllegalArgumentException}.
 */
public final class DtlsEndpoint implements AutoCloseable {
    private static final Logger LOG = System.getLogger(DtlsEndpoint.class.getName());
    /** Datagrams buffered while the handshake thread is between reads; a handshake flight is a handful. */
    private static final int INBOUND_CAPACITY = 256;
    /** The epoch of every protected record: DTLS 1.2 in WebRTC never renegotiates (RFC 8827 §6.5). */
    private static final int PROTECTED_EPOCH = 1;

    private final DtlsRole role;
    private final DtlsConfig config;
    private final RemoteFingerprintVerifier verifier = new RemoteFingerprintVerifier();
    private final HandshakeOutcome outcome = new HandshakeOutcome();
    private final DtlsHandshakeTask handshake;
    private final QueuedDatagramTransport transport;
    /** Owner thread, while handshaking: keeps a peer's epoch switch behind the handshake records sent before it. */
    private final EpochSwitchGuard epochSwitch;
    private final AtomicReference<DtlsState> state = new AtomicReference<>(DtlsState.NEW);
    private final Queue<DtlsEvent> events = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<byte[]> applicationData = new ArrayDeque<>();
    private byte[] receiveBuffer;
    private long droppedDatagrams;
    /** Owner's clock, nanoseconds: when a handshake still going fails; Long.MAX_VALUE before start. */
    private long deadline = Long.MAX_VALUE;

    /**
     * @param remoteFingerprints fingerprints from the remote SDP; the remote certificate must match one of them (same
     *     algorithm), else the handshake fails with {@code Failed("fingerprint mismatch")} and no application data is
     *     ever delivered. May be empty if the remote SDP is not known yet: then the handshake waits at the remote
     *     certificate until {@link #setRemoteFingerprints} is called (within the handshake time limit)
     * @param handshakeExecutor runs the one handshake task; must run it on another thread (the task blocks)
     * @param wakeup called from the handshake thread whenever transmits or events became available
     */
    public DtlsEndpoint(DtlsRole role, DtlsCertificate certificate, List<DtlsFingerprint> remoteFingerprints,
                        Executor handshakeExecutor, Runnable wakeup) {
        this(role, certificate, remoteFingerprints, handshakeExecutor, wakeup, DtlsConfig.DEFAULT);
    }

    /** As {@link #DtlsEndpoint(DtlsRole, DtlsCertificate, List, Executor, Runnable)}, with explicit tunables. */
    public DtlsEndpoint(DtlsRole role, DtlsCertificate certificate, List<DtlsFingerprint> remoteFingerprints,
                        Executor handshakeExecutor, Runnable wakeup, DtlsConfig config) {
        this.role = Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        this.config = Objects.requireNonNull(config, "config");
        verifier.setExpected(Objects.requireNonNull(remoteFingerprints, "remoteFingerprints"));
        this.handshake = handshakeTask(() -> role == DtlsRole.CLIENT
            ? new WebRtcDtlsClient(certificate, verifier, config, outcome)
            : new WebRtcDtlsServer(certificate, verifier, config, outcome), handshakeExecutor, wakeup);
        this.transport = handshake.transport();
        this.epochSwitch = new EpochSwitchGuard(config.initialRetransmitTimeout().toNanos());
    }

    private DtlsEndpoint(String serverName, ServerCertificateCheck check, Executor handshakeExecutor,
                         Runnable wakeup, DtlsConfig config) {
        this.role = DtlsRole.CLIENT;
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(check, "check");
        this.handshake = handshakeTask(() -> new VerifyingDtlsClient(serverName, check, config, outcome),
            handshakeExecutor, wakeup);
        this.transport = handshake.transport();
        this.epochSwitch = new EpochSwitchGuard(config.initialRetransmitTimeout().toNanos());
    }

    /** The peer is made when {@link #start(long)} runs: a WebRTC client or server, or a verifying client. */
    private DtlsHandshakeTask handshakeTask(Supplier<AbstractTlsPeer> peerFactory, Executor handshakeExecutor,
                                            Runnable wakeup) {
        return new DtlsHandshakeTask(role, peerFactory, verifier, outcome, state, events,
            Objects.requireNonNull(handshakeExecutor, "handshakeExecutor"), Objects.requireNonNull(wakeup, "wakeup"),
            config.mtu(), INBOUND_CAPACITY);
    }

    /**
     * A DTLS client for a server known by name, not by fingerprint ({@code turns:} over UDP, RFC 7065 §3): the
     * server's certificate chain goes to {@code check}, as a TLS client's would go to its trust manager, and a
     * rejected one fails the handshake with a reason that names the server and the check's complaint. No
     * certificate of ours is sent and no SRTP is negotiated; {@link DtlsEvent.Connected} carries neither.
     */
    public static DtlsEndpoint verifyingClient(String serverName, ServerCertificateCheck check,
                                               Executor handshakeExecutor, Runnable wakeup, DtlsConfig config) {
        return new DtlsEndpoint(serverName, check, handshakeExecutor, wakeup, config);
    }

    /** Any thread. Sets (or replaces, until the remote certificate is checked) the expected remote fingerprints. */
    public void setRemoteFingerprints(List<DtlsFingerprint> remoteFingerprints) {
        verifier.setExpected(Objects.requireNonNull(remoteFingerprints, "remoteFingerprints"));
    }

    /**
     * Begins the handshake: a client hands its task to the executor, which sends the ClientHello; a server waits for
     * one and takes a thread only when it arrives. The handshake must be over by {@code now} plus
     * {@link DtlsConfig#handshakeTimeout()}, see {@link #handleTimeout(long)}.
     *
     * @param now the owner's clock, nanoseconds
     * @throws IllegalStateException unless the state is NEW
     */
    public void start(long now) {
        if (!state.compareAndSet(DtlsState.NEW, DtlsState.CONNECTING)) {
            throw new IllegalStateException("start() in state " + state.get());
        }
        deadline = now + config.handshakeTimeout().toNanos();
        handshake.prepare();
        if (role == DtlsRole.CLIENT || transport.hasInbound()) {
            handshake.submit();
        }
    }

    /**
     * Owner's clock, nanoseconds: when {@link #handleTimeout} must be called, at the latest the handshake's deadline
     * (earlier while records that overtook the handshake records before them are held); Long.MAX_VALUE unless
     * handshaking.
     */
    public long handshakeDeadline() {
        return state.get() == DtlsState.CONNECTING ? Math.min(deadline, epochSwitch.nextTimeout()) : Long.MAX_VALUE;
    }

    /**
     * Fails a handshake that is not over at its deadline with {@code Failed("handshake timeout")}, releasing its task
     * if it has one (RFC 6347 §4.2.4 leaves the overall limit to the implementation). Does nothing before it.
     */
    public void handleTimeout(long now) {
        epochSwitch.handleTimeout(now);
        if (now < deadline || !state.compareAndSet(DtlsState.CONNECTING, DtlsState.FAILED)) {
            return;
        }
        LOG.log(Level.DEBUG, "DTLS handshake timed out ({0})",
            handshake.submitted() ? "in flight" : "peer never spoke");
        events.add(new DtlsEvent.Failed("handshake timeout", null));
        handshake.cancel();
    }

    /**
     * One UDP datagram of DTLS records from the network, arrived at {@code now} (the owner's clock, nanoseconds). The
     * bytes are copied. Before the connection is up the datagram goes to the handshake thread, except for a peer's
     * ChangeCipherSpec and protected records that overtook the handshake records sent before them, which wait for
     * those (see {@link EpochSwitchGuard}); once connected it is decrypted here and its application data queued for
     * {@link #pollApplicationData()}. Never throws because of the bytes.
     */
    public void handleReceive(long now, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        DtlsState current = state.get();
        if (current == DtlsState.CLOSED || current == DtlsState.FAILED) {
            return;
        }
        if (len > DtlsConfig.MAX_DATAGRAM_SIZE) {
            drop(len);
            return;
        }
        if (current == DtlsState.CONNECTED) {
            if (!outcome.recordShape().fits(data, off, len, PROTECTED_EPOCH)) {
                drop(len);  // forged: BouncyCastle would end the association over it (see RecordShape)
                return;
            }
            // Decrypted right here: the datagram is lent to BouncyCastle rather than copied into the queue.
            transport.lend(data, off, len);
            processEstablishedInput();
            if (transport.takeBackLent() && state.get() == DtlsState.CONNECTED) {
                drop(len);
            }
            return;
        }
        if (role == DtlsRole.SERVER && !handshake.submitted() && !FirstFlight.isClientHello(data, off, len)) {
            // A server's peer opens with a ClientHello; anything before it is noise, or a stranger's.
            drop(len);
            return;
        }
        epochSwitch.receive(now, Arrays.copyOfRange(data, off, off + len));
        boolean queued = false;
        for (byte[] records = epochSwitch.poll(); records != null; records = epochSwitch.poll()) {
            if (transport.offerInbound(records)) {
                queued = true;
            } else {
                drop(records.length);
            }
        }
        if (queued && !handshake.submitted() && current == DtlsState.CONNECTING) {
            handshake.submit();
        }
    }

    private void drop(int len) {
        droppedDatagrams++;
        LOG.log(Level.DEBUG, "dropped a {0}-byte DTLS datagram (oversized or queue full)", len);
    }

    /** The next datagram to send, or null. */
    public byte[] pollTransmit() {
        processEstablishedInput();
        return transport.pollOutbound();
    }

    /** The next event, or null. */
    public DtlsEvent pollEvent() {
        processEstablishedInput();
        return events.poll();
    }

    /** The next decrypted application datagram (an SCTP packet), or null. */
    public byte[] pollApplicationData() {
        processEstablishedInput();
        return applicationData.poll();
    }

    /**
     * Encrypts one application datagram into one record and queues it for {@link #pollTransmit()}.
     *
     * @throws IllegalStateException unless CONNECTED
     * @throws IllegalArgumentException if longer than {@link #maxApplicationDataSize()}
     */
    public void send(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (state.get() != DtlsState.CONNECTED) {
            throw new IllegalStateException("send() in state " + state.get());
        }
        int limit = receiveBuffer().length;
        if (len > limit) {
            throw new IllegalArgumentException("application datagram of " + len + " bytes exceeds " + limit);
        }
        try {
            handshake.established().send(data, off, len);
        } catch (IOException e) {
            fail("send failed", e);
        }
    }

    /**
     * The largest application datagram {@link #send} accepts: what fits in one record of a
     * {@link DtlsConfig#MAX_DATAGRAM_SIZE}-byte datagram under the negotiated cipher, so that a peer with the same
     * receive limit accepts it.
     *
     * @throws IllegalStateException before CONNECTED
     */
    public int maxApplicationDataSize() {
        if (receiveBuffer == null && state.get() != DtlsState.CONNECTED) {
            throw new IllegalStateException("not connected");
        }
        return receiveBuffer().length;
    }

    /** Sized once to BouncyCastle's plaintext receive limit under the negotiated cipher. */
    private byte[] receiveBuffer() {
        if (receiveBuffer == null) {
            try {
                receiveBuffer = new byte[handshake.established().getReceiveLimit()];
            } catch (IOException e) {
                throw new IllegalStateException("DTLS receive limit unavailable", e);
            }
        }
        return receiveBuffer;
    }

    /** Any thread. */
    public DtlsState state() {
        return state.get();
    }

    public DtlsRole role() {
        return role;
    }

    /** The remote certificate's fingerprint once verified, else null. */
    public DtlsFingerprint remoteFingerprint() {
        return verifier.matched();
    }

    /** The negotiated DTLS-SRTP keys once connected, or null (not connected, or use_srtp not negotiated). */
    public SrtpKeyingMaterial srtpKeyingMaterial() {
        return state.get() == DtlsState.CONNECTED ? outcome.srtp() : null;
    }

    /** The negotiated cipher suite's IANA description (W3C dtlsCipher) once connected, else null. */
    public String cipherSuite() {
        return state.get() == DtlsState.CONNECTED ? CipherSuiteNames.name(outcome.cipherSuite()) : null;
    }

    /** The negotiated version as W3C tlsVersion writes it, in hex ("FEFD": DTLS 1.2), once connected, else null. */
    public String protocolVersion() {
        return state.get() == DtlsState.CONNECTED
            ? String.format(java.util.Locale.ROOT, "%04X", outcome.protocolVersion()) : null;
    }

    /**
     * Datagrams dropped before reaching DTLS: oversized, the handshake queue was full, (as server) anything before
     * the first ClientHello, records of a peer's next epoch that waited too long for the handshake records before
     * them, or once connected a protected record of a length the cipher cannot produce.
     */
    public long droppedDatagrams() {
        return droppedDatagrams + epochSwitch.droppedDatagrams();
    }

    /**
     * Closes: when connected, queues a close_notify alert (drain {@link #pollTransmit()} to send it); while
     * handshaking, cancels the handshake (queuing a user_canceled alert) and releases the handshake task. The state
     * becomes CLOSED; no event is raised for a local close. Idempotent.
     */
    @Override
    public void close() {
        DtlsState previous = state.getAndUpdate(s -> s == DtlsState.FAILED ? s : DtlsState.CLOSED);
        switch (previous) {
            case CONNECTED -> closeEstablished();
            case CONNECTING -> handshake.cancel();
            case NEW -> transport.close();
            default -> {
            }
        }
    }

    private void closeEstablished() {
        try {
            handshake.established().close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "close_notify could not be sent", e);
        }
        transport.close();
    }

    /**
     * Owner thread, once CONNECTED: decrypts every record still pending in BouncyCastle and every queued datagram.
     * The transport does not block any more, so BouncyCastle's receive returns at once.
     */
    private void processEstablishedInput() {
        if (state.get() != DtlsState.CONNECTED) {
            return;
        }
        DTLSTransport dtls = handshake.established();
        byte[] buffer = receiveBuffer();
        try {
            while (state.get() == DtlsState.CONNECTED) {
                int length = dtls.receivePending(buffer, 0, buffer.length);
                if (length < 0) {
                    if (!transport.hasInbound()) {
                        break;
                    }
                    length = receiveQueued(dtls, buffer);
                }
                if (length >= 0) {
                    applicationData.add(Arrays.copyOf(buffer, length));
                }
                if (outcome.closeNotifyReceived()) {
                    remoteClosed();
                } else if (transport.isClosed()) {
                    fail("DTLS record layer closed", null);
                }
            }
        } catch (TlsFatalAlertReceived e) {
            fail("received fatal alert " + AlertDescription.getName(e.getAlertDescription()), e);
        } catch (IOException | RuntimeException e) {
            fail("DTLS record processing failed", e);
        }
    }

    private int receiveQueued(DTLSTransport dtls, byte[] buffer) throws IOException {
        try {
            // 0 means "no deadline" to BouncyCastle; the transport answers at once, so it never waits.
            return dtls.receive(buffer, 0, buffer.length, 0);
        } catch (QueuedDatagramTransport.WouldBlockException e) {
            return -1;
        }
    }

    private void remoteClosed() {
        if (state.compareAndSet(DtlsState.CONNECTED, DtlsState.CLOSED)) {
            transport.close();
            events.add(new DtlsEvent.Closed());
        }
    }

    private void fail(String reason, Exception cause) {
        if (state.compareAndSet(DtlsState.CONNECTED, DtlsState.FAILED)) {
            LOG.log(Level.DEBUG, () -> "DTLS connection failed: " + reason, cause);
            transport.close();
            events.add(new DtlsEvent.Failed(reason, cause));
        }
    }

    @Override
    public String toString() {
        return "DtlsEndpoint[" + role + ", " + state.get() + "]";
    }
}
