package io.jrtc.pc.internal.jsep;

import io.jrtc.ice.IceParameters;
import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCDtlsFingerprint;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RTCSignalingState;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.TypeError;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.sdp.SessionDescription;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * JSEP negotiation of one peer connection (RFC 8829, W3C webrtc-pc §4.4): creating offers and answers, applying
 * local and remote descriptions, glare, rollback, ICE restart credentials and the negotiation-needed flag. On the
 * connection's loop; the getters of the descriptions and the state may be read from any thread.
 */
public final class Negotiation {
    private final SignalingStateMachine signaling = new SignalingStateMachine();
    private final LocalDescriptionFactory sdpFactory = new LocalDescriptionFactory(
            new SecureRandom().nextLong() & Long.MAX_VALUE);
    private final SessionDescriptions descriptions = new SessionDescriptions();
    private final MLineLayout layout = new MLineLayout();
    private final ConnectionTransports transports;
    private final Transceivers transceivers;
    private final PeerConnectionEvents events;
    /** SHA-256 only, as browsers signal it: every peer checks it, and one fingerprint cannot disagree with another. */
    private final List<RTCDtlsFingerprint> fingerprints;
    private final Listeners<Boolean> negotiationNeeded;
    private RemoteDescription remote;
    private String localSetup;
    /** New local ICE credentials for the next offer or answer, while an ICE restart is under way. */
    private RTCIceParameters pendingIceRestart;
    /** W3C [[NegotiationNeeded]]: an event was fired and no negotiation has since made it moot. */
    private boolean negotiationNeededFlag;
    private volatile boolean closed;

    /** @param fingerprints our certificate's fingerprints, as every m-line carries them */
    public Negotiation(ConnectionTransports transports, Transceivers transceivers, PeerConnectionEvents events,
            List<RTCDtlsFingerprint> fingerprints, Listeners<Boolean> negotiationNeeded) {
        this.transports = transports;
        this.transceivers = transceivers;
        this.events = events;
        this.fingerprints = fingerprints.stream().filter(f -> f.algorithm().equals("sha-256")).toList();
        this.negotiationNeeded = negotiationNeeded;
    }

    public SessionDescriptions descriptions() {
        return descriptions;
    }

    public RTCSignalingState signalingState() {
        return signaling.state();
    }

    /** The remote description last applied, parsed; null before one. */
    public RemoteDescription remote() {
        return remote;
    }

    public boolean isClosed() {
        return closed;
    }

    public void checkOpen() {
        if (closed) {
            throw new InvalidStateError(RTCErrorReason.CLOSED, "the peer connection is closed");
        }
    }

    /** Fires once per needed negotiation, in stable state (W3C negotiationneeded). */
    public Subscription onNegotiationNeeded(Runnable listener) {
        return negotiationNeeded.add(ignored -> listener.run());
    }

    // ---------------------------------------------------------------- offer / answer

    public RTCSessionDescription createOffer() {
        checkOpen();
        RTCSignalingState state = signaling.state();
        if (state != RTCSignalingState.STABLE && state != RTCSignalingState.HAVE_LOCAL_OFFER) {
            throw new InvalidStateError(RTCErrorReason.WRONG_SIGNALING_STATE, "createOffer in signaling state "
                    + state);
        }
        String setup = localSetup != null ? localSetup : "actpass";
        SessionDescription sdp = sdpFactory.session(transports.gatherer() == null ? layout.withoutTransport()
                : layout.offerSections(transportAttributes(setup), transceivers, transports.sctp() != null));
        markIceLite(sdp);
        GatheredCandidateLines.addTo(sdp, transports.gatherer());
        return new RTCSessionDescription(sdp.toString(), RTCSdpType.OFFER);
    }

    public RTCSessionDescription createAnswer() {
        checkOpen();
        if (!isAnswering()) {
            throw new InvalidStateError(RTCErrorReason.WRONG_SIGNALING_STATE, "createAnswer in signaling state "
                    + signaling.state() + " (needs a remote offer)");
        }
        LocalDescriptionFactory.TransportAttributes transport = transports.gatherer() == null
                || remote.transport() == null ? null : transportAttributes(answerSetup());
        SessionDescription sdp = sdpFactory.session(MLineLayout.answerSections(remote, transport, transceivers),
                remote.firstBundleGroup() != null);
        markIceLite(sdp);
        GatheredCandidateLines.addTo(sdp, transports.gatherer());
        return new RTCSessionDescription(sdp.toString(), RTCSdpType.ANSWER);
    }

    /** A lite agent says so at session level ({@code a=ice-lite}, RFC 8839 §5.3). */
    private void markIceLite(SessionDescription sdp) {
        RTCIceParameters ice = transports.localIceParameters();
        sdp.setFlag("ice-lite", ice != null && ice.iceLite());
    }

    /** Whether the implicit setLocalDescription answers: a remote offer waits for our (final) answer. */
    public boolean isAnswering() {
        RTCSignalingState state = signaling.state();
        return state == RTCSignalingState.HAVE_REMOTE_OFFER || state == RTCSignalingState.HAVE_LOCAL_PRANSWER;
    }

    private LocalDescriptionFactory.TransportAttributes transportAttributes(String setup) {
        RTCIceParameters ice = pendingIceRestart != null ? pendingIceRestart : transports.localIceParameters();
        return new LocalDescriptionFactory.TransportAttributes(ice, fingerprints, setup,
                transports.localMaxMessageSize());
    }

    /** RFC 8842 §5.3: keep an established DTLS role in later answers; else take active unless the offer is. */
    private String answerSetup() {
        RTCDtlsRole established = transports.dtlsRole();
        if (established != RTCDtlsRole.AUTO) {
            return established == RTCDtlsRole.CLIENT ? "active" : "passive";
        }
        return "active".equals(remote.setup()) ? "passive" : "active";
    }

    // ---------------------------------------------------------------- local description

    public void setLocal(RTCSessionDescription description) {
        checkOpen();
        RTCSdpType type = description.type();
        if (type == RTCSdpType.ROLLBACK) {
            rollback(signaling.nextOnSetLocal(RTCSdpType.ROLLBACK), false);
            return;
        }
        SessionDescription sdp = RemoteDescription.parse(description.sdp());
        RTCSignalingState next = signaling.nextOnSetLocal(type);
        descriptions.setLocal(description);
        if (type == RTCSdpType.OFFER) {
            localSetup = localSetup == null ? "actpass" : localSetup;
            layout.associateLocalOffer(sdp, transceivers);
            transports.setRoleBeforeStart(RTCIceRole.CONTROLLING);
        } else {
            transceivers.applyAnswer(sdp, null);
            localSetup = sdp.media().stream().filter(m -> m.port() != 0 && m.setup() != null)
                    .map(m -> m.setup()).findFirst().orElse("active");
            transports.setRoleBeforeStart(remote.ice() != null && remote.ice().iceLite()
                    ? RTCIceRole.CONTROLLING : RTCIceRole.CONTROLLED);
            transports.start(remote);
        }
        noteMLines(sdp);
        commitIfStable(next, sdp);
        applyLocalIceRestart(sdp);
        transports.gatherIfNeeded(type != RTCSdpType.OFFER);
        setSignalingState(next);
        afterNegotiation(next);
    }

    /** Applies new local credentials once the description carrying them is set locally. */
    private void applyLocalIceRestart(SessionDescription local) {
        if (pendingIceRestart == null || transports.gatherer() == null) {
            return;
        }
        String ufrag = local.media().stream().filter(m -> m.port() != 0).map(local::iceUfrag)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (pendingIceRestart.usernameFragment().equals(ufrag)) {
            transports.restartIce(pendingIceRestart);
            pendingIceRestart = null;
        }
    }

    // ---------------------------------------------------------------- remote description

    /**
     * Applies a remote description in its steps: parse and validate, resolve glare, note an ICE restart, apply it
     * to the transceivers and transports, start the transports.
     */
    public void setRemote(RTCSessionDescription description) {
        checkOpen();
        RTCSdpType type = description.type();
        if (type == RTCSdpType.ROLLBACK) {
            rollback(signaling.nextOnSetRemote(RTCSdpType.ROLLBACK), false);
            return;
        }
        SessionDescription sdp = parseAndValidate(description);
        // glare: a valid remote offer replaces ours (W3C webrtc-pc §4.4.1.5 implicit rollback, the polite
        // peer of "perfect negotiation")
        boolean glare = type == RTCSdpType.OFFER && signaling.state() == RTCSignalingState.HAVE_LOCAL_OFFER;
        RTCSignalingState next = glare ? RTCSignalingState.HAVE_REMOTE_OFFER : signaling.nextOnSetRemote(type);
        RemoteDescription parsed = RemoteDescription.of(sdp, type);
        if (glare) {
            rollback(signaling.nextOnSetLocal(RTCSdpType.ROLLBACK), true);
        }
        if (type != RTCSdpType.OFFER) {
            parsed.checkAnswers(descriptions.pendingLocal());
        }
        noteRemoteIceRestart(parsed, type);
        descriptions.setRemote(description);
        if (type == RTCSdpType.OFFER) {
            applyRemoteOffer(sdp, parsed);
        } else {
            applyRemoteAnswer(sdp, parsed, type);
        }
        noteMLines(sdp);
        commitIfStable(next, sdp);
        transports.addRemoteCandidatesFromSdp(parsed);
        setSignalingState(next);
        afterNegotiation(next);
    }

    /** Parses a remote description and checks what browsers check before applying anything. */
    private static SessionDescription parseAndValidate(RTCSessionDescription description) {
        SessionDescription sdp = RemoteDescription.parse(description.sdp());
        if (description.type() == RTCSdpType.OFFER) {
            RemoteDescription.acceptBundleOnly(sdp);
        }
        RemoteDescription.checkRtpAttributes(sdp, description.sdp());
        RemoteDescription.checkRtcpMux(sdp);
        RemoteDescription.checkMids(sdp);
        return sdp;
    }

    /**
     * Takes {@code parsed} as the remote description; when its credentials differ from the last ones the remote
     * restarted ICE (RFC 8445 §9): checks run against the new ones, and an answer to its offer restarts ours too.
     */
    private void noteRemoteIceRestart(RemoteDescription parsed, RTCSdpType type) {
        boolean remoteRestarted = remote != null && remote.ice() != null && parsed.ice() != null
                && !remote.ice().usernameFragment().equals(parsed.ice().usernameFragment());
        remote = parsed;
        if (remoteRestarted) {
            if (type == RTCSdpType.OFFER && pendingIceRestart == null) {
                pendingIceRestart = randomIceParameters();
            }
            transports.updateRemoteIce(parsed.ice());
        }
    }

    private void applyRemoteOffer(SessionDescription sdp, RemoteDescription parsed) {
        if (parsed.transport() != null) {
            transports.ensureTransports();
        }
        if (parsed.application() != null) {
            transports.ensureSctp(remote);
            layout.setApplicationMid(parsed.applicationMid());
        }
        transceivers.associateRemoteOffer(sdp);
        transceivers.applyRemote(sdp);
    }

    private void applyRemoteAnswer(SessionDescription sdp, RemoteDescription parsed, RTCSdpType type) {
        transceivers.applyRemote(sdp);
        if (type == RTCSdpType.ANSWER) {
            transceivers.applyAnswer(sdp, RemoteDescription.parse(descriptions.local().sdp()));
            if (parsed.transport() != null) {
                transports.setRoleBeforeStart(RTCIceRole.CONTROLLING);
            }
            transports.start(remote);
        }
    }

    /**
     * Checks a trickled remote candidate against the remote description (W3C addIceCandidate); hands it to ICE
     * unless it belongs to an ICE generation we no longer use. {@code null} ends the remote's candidates.
     */
    public void addIceCandidate(RTCIceCandidate candidate) {
        checkOpen();
        if (remote == null) {
            throw new InvalidStateError(RTCErrorReason.NO_REMOTE_DESCRIPTION,
                    "addIceCandidate before setRemoteDescription");
        }
        if (!transports.hasIceTransport()) {
            return;
        }
        if (candidate != null) {
            String mid = candidate.getSdpMid();
            Integer index = candidate.getSdpMLineIndex();
            if (mid == null && index == null) {
                throw new TypeError(RTCErrorReason.UNKNOWN_CANDIDATE_MID,
                        "a candidate needs sdpMid or sdpMLineIndex");
            }
            if (!remote.accepts(mid, index)) {
                throw new OperationError(RTCErrorReason.UNKNOWN_CANDIDATE_MID, "no m-line with mid " + mid
                        + " / index " + index + " to add the candidate to");
            }
            String ufrag = candidate.getUsernameFragment();
            if (ufrag != null && !ufrag.equals(remote.ice().usernameFragment())) {
                return;  // a candidate of an ICE generation we no longer use (RFC 8838 §4.3)
            }
        }
        transports.addRemoteCandidate(candidate);
    }

    /**
     * Adds a transceiver or a track ({@code change}) on an open connection, with the transports it will need, and
     * says whether that asks for a negotiation.
     */
    public <T> T changeMedia(Supplier<T> change) {
        checkOpen();
        transports.ensureTransports();
        T result = change.get();
        updateNegotiationNeeded();
        return result;
    }

    /** Makes the next offer carry new ICE credentials (W3C restartIce); nothing before there is a transport. */
    public void restartIce() {
        if (transports.gatherer() != null && !closed && pendingIceRestart == null) {
            pendingIceRestart = randomIceParameters();
        }
    }

    private static RTCIceParameters randomIceParameters() {
        IceParameters random = IceParameters.random(new SecureRandom());
        return new RTCIceParameters(random.usernameFragment(), random.password(), random.iceLite());
    }

    // ---------------------------------------------------------------- exchange bookkeeping

    /** Remembers the m-lines and points candidate events at the bundle's first one (its transport). */
    private void noteMLines(SessionDescription sdp) {
        layout.note(sdp);
        transports.noteMLines(sdp);
    }

    /** An exchange completed: its m-lines and associations are what a later rollback returns to. */
    private void commitIfStable(RTCSignalingState next, SessionDescription answer) {
        if (next == RTCSignalingState.STABLE) {
            transceivers.removeStopped(answer);
            layout.commit();
            transceivers.commitPending();
        }
    }

    /**
     * Drops the pending offer (W3C webrtc-pc §4.4.1.5): the m-lines, mids and remote description return to those
     * of the last completed exchange, and transceivers a remote offer created go away. An {@code implicit} one
     * (a remote offer in glare) is followed by that offer, so it asks for no negotiation of its own.
     */
    private void rollback(RTCSignalingState next, boolean implicit) {
        descriptions.rollback();
        transceivers.rollbackPending();
        layout.rollback();
        RTCSessionDescription current = descriptions.currentRemote();
        remote = null;
        if (current != null) {
            SessionDescription sdp = RemoteDescription.parse(current.sdp());
            if (current.type() == RTCSdpType.OFFER) {
                RemoteDescription.acceptBundleOnly(sdp);
            }
            remote = RemoteDescription.of(sdp, current.type());
        }
        setSignalingState(next);
        if (!implicit) {
            afterNegotiation(next);
        }
    }

    /** Back in stable: what changed meanwhile asks for a new negotiation (W3C webrtc-pc §4.4.1.6). */
    private void afterNegotiation(RTCSignalingState next) {
        if (next == RTCSignalingState.STABLE) {
            negotiationNeededFlag = false;
            updateNegotiationNeeded();
        }
    }

    /**
     * W3C "update the negotiation-needed flag" (webrtc-pc §4.7.3): in stable state, fires the event once when the
     * transceivers or data channels want what the current descriptions do not say.
     */
    public void updateNegotiationNeeded() {
        if (closed || signaling.state() != RTCSignalingState.STABLE) {
            return;  // checked again on the way back to stable
        }
        if (!isNegotiationNeeded()) {
            negotiationNeededFlag = false;
            return;
        }
        if (!negotiationNeededFlag) {
            negotiationNeededFlag = true;
            negotiationNeeded.emit(Boolean.TRUE);
        }
    }

    /** W3C "check if negotiation is needed" (webrtc-pc §4.7.3), for the data m-line and the transceivers. */
    private boolean isNegotiationNeeded() {
        if (transports.sctp() != null && layout.applicationMid() == null) {
            return true;
        }
        if (transceivers.isEmpty()) {
            return false;
        }
        RTCSessionDescription local = descriptions.currentLocal();
        RTCSessionDescription remoteOffer = descriptions.currentRemote();
        SessionDescription current = local == null ? null : RemoteDescription.parse(local.sdp());
        SessionDescription offer = local == null || local.type() == RTCSdpType.OFFER || remoteOffer == null ? null
                : RemoteDescription.parse(remoteOffer.sdp());
        return transceivers.negotiationNeeded(current, offer);
    }

    private void setSignalingState(RTCSignalingState next) {
        if (signaling.state() != next) {
            signaling.apply(next);
            events.signalingState.emit(next);
        }
    }

    /** The connection is closing: no more negotiation, and no more negotiation-needed events. */
    public void markClosed() {
        closed = true;
    }

    /** After the transports stopped: the signaling state is closed for good (the caller fires its event). */
    public void closeSignaling() {
        signaling.close();
    }
}
