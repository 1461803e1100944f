package io.jrtc.pc.internal.jsep;

import io.jrtc.dtls.DtlsCertificate;
import io.jrtc.ice.IceParameters;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDtlsParameters;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RTCSctpCapabilities;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.transport.DtlsTransport;
import io.jrtc.pc.internal.transport.IceGatherer;
import io.jrtc.pc.internal.transport.IceTransport;
import io.jrtc.pc.internal.transport.SctpTransport;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import java.util.concurrent.CompletableFuture;

/**
 * The transports of one peer connection and their lifecycle. Everything is bundled (RFC 8843): one ICE gatherer,
 * ICE transport and DTLS transport, made for the first data channel, transceiver or remote offer; one SCTP
 * association over them for the data channels. They start once a negotiation gave the remote's parameters and
 * close with the connection. On the connection's loop, except the getters.
 */
public final class ConnectionTransports {
    /** Hears of each transport as it is made, so that the API layer can wrap it before anything else happens. */
    public interface Observer {
        void transportsCreated(IceGatherer gatherer, IceTransport ice, DtlsTransport dtls);

        void sctpCreated(SctpTransport sctp);
    }

    private final ConnectionContext context;
    private final RTCConfiguration configuration;
    private final DtlsCertificate certificate;
    private final PeerConnectionEvents events;
    private final ConnectionStates states;
    private final Observer observer;
    private volatile IceGatherer gatherer;
    private volatile IceTransport ice;
    private volatile DtlsTransport dtls;
    private volatile SctpTransport sctp;
    private boolean transportsStarted;
    private boolean sctpStarted;

    public ConnectionTransports(ConnectionContext context, RTCConfiguration configuration,
            DtlsCertificate certificate, PeerConnectionEvents events, ConnectionStates states, Observer observer) {
        this.context = context;
        this.configuration = configuration;
        this.certificate = certificate;
        this.events = events;
        this.states = states;
        this.observer = observer;
    }

    /** The largest data-channel message our SCTP association takes, as the engine's settings say. */
    public long localMaxMessageSize() {
        return context.engine().settings().sctp().maxMessageSize();
    }

    /** The gatherer, null until the transports are made. */
    public IceGatherer gatherer() {
        return gatherer;
    }

    public IceTransport ice() {
        return ice;
    }

    public DtlsTransport dtls() {
        return dtls;
    }

    /** The SCTP association of the data channels, null until a data channel or a remote offer needs one. */
    public SctpTransport sctp() {
        return sctp;
    }

    /** The bundle's ICE and DTLS transports, made for the first data channel, transceiver or remote offer. */
    public void ensureTransports() {
        if (gatherer != null) {
            return;
        }
        IceGatherer newGatherer = new IceGatherer(context, configuration.getIceServers(),
                configuration.getIceTransportPolicy());
        newGatherer.setSdpMid("0", 0);
        IceTransport newIce = new IceTransport(newGatherer);
        DtlsTransport newDtls = new DtlsTransport(newIce, certificate);
        gatherer = newGatherer;
        ice = newIce;
        dtls = newDtls;
        states.watch(newGatherer, newIce, newDtls);
        newGatherer.setConnectionCandidateListener(events.iceCandidate::emit);
        observer.transportsCreated(newGatherer, newIce, newDtls);
    }

    /**
     * The data channels' association over the DTLS transport (made first when needed); it starts at once when
     * {@code remote} already accepted a data m-line and the transports run.
     */
    public void ensureSctp(RemoteDescription remote) {
        if (sctp != null) {
            return;
        }
        ensureTransports();
        sctp = new SctpTransport(dtls, SctpTransport.DEFAULT_PORT);
        observer.sctpCreated(sctp);
        startSctpIfNegotiated(remote);
    }

    /** Sets our ICE role while the transports have not started; a role conflict may still change it later. */
    public void setRoleBeforeStart(RTCIceRole role) {
        if (ice != null && !transportsStarted) {
            ice.setRole(role);
        }
    }

    /** Points the candidate events at the bundle's first accepted m-line (its transport, RFC 8843). */
    public void noteMLines(SessionDescription sdp) {
        int first = MLineLayout.firstAccepted(sdp);
        if (gatherer != null && first >= 0) {
            gatherer.setSdpMid(sdp.media().get(first).mid(), first);
        }
    }

    /** Our ICE credentials now, or null before the transports are made. */
    public RTCIceParameters localIceParameters() {
        return gatherer == null ? null : gatherer.getLocalParameters();
    }

    /** The DTLS role the handshake settled, {@code auto} before (or without a transport). */
    public RTCDtlsRole dtlsRole() {
        DtlsTransport current = dtls;
        return current == null ? RTCDtlsRole.AUTO : current.getRole();
    }

    /** Starts gathering once; a connection that {@code answers} may gather on the engine's shared ports. */
    public void gatherIfNeeded(boolean answers) {
        if (gatherer != null && !gatherer.hasStarted()) {
            gatherer.gather(answers);
        }
    }

    /** Gathers anew with new local credentials (RFC 8445 §9). */
    public void restartIce(RTCIceParameters local) {
        gatherer.restart(new IceParameters(local.usernameFragment(), local.password()));
    }

    /** The remote restarted ICE: checks run against its new credentials. */
    public void updateRemoteIce(RTCIceParameters remote) {
        ice.updateRemoteParameters(remote);
    }

    /** Completes when gathering is complete, at once when there is nothing to gather. */
    public CompletableFuture<Void> gatheringComplete() {
        IceGatherer current = gatherer;
        return current == null ? CompletableFuture.completedFuture(null) : current.completion();
    }

    /** Starts ICE and DTLS once a negotiation gave the remote's transport parameters, then SCTP if negotiated. */
    public void start(RemoteDescription remote) {
        if (transportsStarted || remote == null || remote.transport() == null || ice == null) {
            startSctpIfNegotiated(remote);
            return;
        }
        transportsStarted = true;
        ice.start(remote.ice());
        dtls.start(new RTCDtlsParameters(remote.fingerprints(), remote.remoteDtlsRole()));
        startSctpIfNegotiated(remote);
    }

    /** SCTP starts once the transports run and a negotiation accepted a data-channel m-line. */
    private void startSctpIfNegotiated(RemoteDescription remote) {
        if (sctp == null || sctpStarted || !transportsStarted || remote == null || remote.application() == null) {
            return;
        }
        sctpStarted = true;
        sctp.start(new RTCSctpCapabilities(remote.maxMessageSize()), remote.sctpPort());
    }

    /** A trickled remote candidate, or {@code null} for the end of them; ignored before there is a transport. */
    public void addRemoteCandidate(RTCIceCandidate candidate) {
        if (ice != null) {
            ice.addRemoteCandidate(candidate);
        }
    }

    public boolean hasIceTransport() {
        return ice != null;
    }

    /** The candidates a remote description carries in its transport m-line (no trickle, or some before it). */
    public void addRemoteCandidatesFromSdp(RemoteDescription parsed) {
        MediaDescription transport = parsed.transport();
        if (transport == null || ice == null) {
            return;
        }
        for (String value : transport.candidates()) {
            try {
                ice.addRemoteCandidate(new RTCIceCandidate(value, parsed.transportMid(),
                        parsed.transportIndex(), parsed.ice().usernameFragment()));
            } catch (IllegalArgumentException malformed) {
                // one bad candidate line does not spoil the others (browsers skip it too)
            }
        }
        if (transport.endOfCandidates()) {
            ice.addRemoteCandidate(null);
        }
    }

    /** Stops SCTP, DTLS and ICE (or only the gatherer, before ICE started): their sockets and timers go. */
    public void close() {
        if (sctp != null) {
            sctp.stopOnLoop();
        }
        if (dtls != null) {
            dtls.stopOnLoop();
        }
        if (ice != null) {
            ice.stopOnLoop();
        } else if (gatherer != null) {
            gatherer.close();
        }
    }
}
