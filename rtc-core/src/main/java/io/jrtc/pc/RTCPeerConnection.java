package io.jrtc.pc;

import io.jrtc.ice.IceParameters;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.internal.jsep.SignalingStateMachine;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.pc.internal.transport.IceGatherer;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A WebRTC connection to one remote peer (W3C RTCPeerConnection / the reference's RTCPeerConnection). Every
 * method may be called from any thread: the work runs on the connection's event loop and the futures complete
 * there; listeners run in order on the engine's callback pool.
 */
public final class RTCPeerConnection {
    private final String id = "pc-" + UUID.randomUUID();
    private final RtcEngine engine;
    private final ConnectionContext context;
    private final RTCConfiguration configuration;
    private final List<RTCCertificate> certificates;
    private final SignalingStateMachine signaling = new SignalingStateMachine();
    private final LocalDescriptionFactory sdpFactory = new LocalDescriptionFactory(
            new SecureRandom().nextLong() & Long.MAX_VALUE);
    private final PeerConnectionEvents events;
    private final ConnectionStates states;
    private volatile RTCSctpTransport sctp;
    private RTCIceGatherer gatherer;
    private RTCIceTransport iceTransport;
    private RTCDtlsTransport dtlsTransport;
    private final SessionDescriptions descriptions = new SessionDescriptions();
    private RemoteDescription remote;
    private RTCSessionDescription lastOffer;
    private RTCSessionDescription lastAnswer;
    private String localSetup;
    private final Transceivers transceivers;
    private final TransceiverFacades facades = new TransceiverFacades();
    private final MLineLayout layout = new MLineLayout();
    private boolean transportsStarted;
    private boolean sctpStarted;
    /** New local ICE credentials for the next offer or answer, while an ICE restart is under way. */
    private RTCIceParameters pendingIceRestart;
    private volatile boolean closed;
    private final Listeners<Boolean> negotiationNeeded;
    /** W3C [[NegotiationNeeded]]: an event was fired and no negotiation has since made it moot; on the loop. */
    private boolean negotiationNeededFlag;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();

    public RTCPeerConnection() {
        this(new RTCConfiguration());
    }

    public RTCPeerConnection(RTCConfiguration configuration) {
        this(configuration, RtcEngine.shared());
    }

    RTCPeerConnection(RTCConfiguration configuration, RtcEngine engine) {
        this.engine = engine;
        this.configuration = configuration == null ? new RTCConfiguration() : configuration;
        this.context = ConnectionContext.create(engine.resources());
        this.certificates = this.configuration.getCertificates().isEmpty()
                ? List.of(RTCCertificate.generateCertificate()) : this.configuration.getCertificates();
        this.events = new PeerConnectionEvents(context);
        this.states = new ConnectionStates(events);
        this.transceivers = new Transceivers(context, track -> events.track.emit(facades.trackEvent(track)));
        this.negotiationNeeded = context.listeners();
        transceivers.onNegotiationChange(() -> onLoop(() -> {
            updateNegotiationNeeded();
            return null;
        }));
        engine.register(this);
    }

    public String getId() {
        return id;
    }

    public RTCConfiguration getConfiguration() {
        return configuration;
    }

    public List<RTCCertificate> getCertificates() {
        return certificates;
    }

    // ---------------------------------------------------------------- offer / answer

    public CompletableFuture<RTCSessionDescription> createOffer() {
        return onLoop(() -> {
            checkOpen();
            RTCSignalingState state = signaling.state();
            if (state != RTCSignalingState.STABLE && state != RTCSignalingState.HAVE_LOCAL_OFFER) {
                throw new InvalidStateError(RTCErrorReason.WRONG_SIGNALING_STATE, "createOffer in signaling state " + state);
            }
            String setup = localSetup != null ? localSetup : "actpass";
            SessionDescription sdp = sdpFactory.session(gatherer == null ? layout.withoutTransport()
                    : layout.offerSections(transportAttributes(setup), transceivers, sctp != null));
            GatheredCandidateLines.addTo(sdp, gatherer);
            lastOffer = new RTCSessionDescription(sdp.toString(), RTCSdpType.OFFER);
            return lastOffer;
        });
    }

    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return onLoop(() -> {
            checkOpen();
            RTCSignalingState state = signaling.state();
            if (state != RTCSignalingState.HAVE_REMOTE_OFFER && state != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
                throw new InvalidStateError(RTCErrorReason.WRONG_SIGNALING_STATE, "createAnswer in signaling state " + state
                        + " (needs a remote offer)");
            }
            LocalDescriptionFactory.TransportAttributes transport = gatherer == null || remote.transport() == null
                    ? null : transportAttributes(answerSetup());
            SessionDescription sdp = sdpFactory.session(MLineLayout.answerSections(remote, transport, transceivers),
                    remote.firstBundleGroup() != null);
            GatheredCandidateLines.addTo(sdp, gatherer);
            lastAnswer = new RTCSessionDescription(sdp.toString(), RTCSdpType.ANSWER);
            return lastAnswer;
        });
    }

    /** Applies the last offer or answer created, or creates one (W3C implicit setLocalDescription). */
    public CompletableFuture<Void> setLocalDescription() {
        return onLoop(() -> {
            RTCSignalingState state = signaling.state();
            boolean answer = state == RTCSignalingState.HAVE_REMOTE_OFFER
                    || state == RTCSignalingState.HAVE_LOCAL_PRANSWER;
            return answer;
        }).thenCompose(answer -> answer ? createAnswer() : createOffer())
                .thenCompose(this::setLocalDescription);
    }

    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        return onLoop(() -> {
            checkOpen();
            RTCSdpType type = description.type();
            if (type == RTCSdpType.ROLLBACK) {
                rollback(signaling.nextOnSetLocal(RTCSdpType.ROLLBACK), false);
                return null;
            }
            SessionDescription sdp = RemoteDescription.parse(description.sdp());
            RTCSignalingState next = signaling.nextOnSetLocal(type);
            descriptions.setLocal(description);
            if (type == RTCSdpType.OFFER) {
                localSetup = localSetup == null ? "actpass" : localSetup;
                layout.associateLocalOffer(sdp, transceivers);
                if (iceTransport != null && !transportsStarted) {
                    iceTransport.setRole(RTCIceRole.CONTROLLING);
                }
            } else {
                transceivers.applyAnswer(sdp, null);
                localSetup = sdp.media().stream().filter(m -> m.port() != 0 && m.setup() != null)
                        .map(m -> m.setup()).findFirst().orElse("active");
                if (iceTransport != null && !transportsStarted) {
                    iceTransport.setRole(remote.ice() != null && remote.ice().iceLite()
                            ? RTCIceRole.CONTROLLING : RTCIceRole.CONTROLLED);
                }
                startTransports();
            }
            noteMLines(sdp);
            commitIfStable(next, sdp);
            applyIceRestart(sdp);
            gatherIfNeeded();
            setSignalingState(next);
            afterNegotiation(next);
            return null;
        });
    }

    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        return onLoop(() -> {
            checkOpen();
            RTCSdpType type = description.type();
            if (type == RTCSdpType.ROLLBACK) {
                rollback(signaling.nextOnSetRemote(RTCSdpType.ROLLBACK), false);
                return null;
            }
            SessionDescription sdp = RemoteDescription.parse(description.sdp());
            if (type == RTCSdpType.OFFER) {
                RemoteDescription.acceptBundleOnly(sdp);
            }
            RemoteDescription.checkRtpAttributes(sdp, description.sdp());
            RemoteDescription.checkRtcpMux(sdp);
            RemoteDescription.checkMids(sdp);
            // glare: a valid remote offer replaces ours (W3C webrtc-pc §4.4.1.5 implicit rollback, the polite
            // peer of "perfect negotiation")
            boolean glare = type == RTCSdpType.OFFER && signaling.state() == RTCSignalingState.HAVE_LOCAL_OFFER;
            RTCSignalingState next = glare ? RTCSignalingState.HAVE_REMOTE_OFFER
                    : signaling.nextOnSetRemote(type);
            RemoteDescription parsed = RemoteDescription.of(sdp, description.type());
            if (glare) {
                rollback(signaling.nextOnSetLocal(RTCSdpType.ROLLBACK), true);
            }
            if (type != RTCSdpType.OFFER) {
                parsed.checkAnswers(descriptions.pendingLocal());
            }
            boolean remoteRestarted = remote != null && remote.ice() != null && parsed.ice() != null
                    && !remote.ice().usernameFragment().equals(parsed.ice().usernameFragment());
            remote = parsed;
            if (remoteRestarted) {
                if (type == RTCSdpType.OFFER && pendingIceRestart == null) {
                    pendingIceRestart = new RTCIceParameters(IceParameters.random(new SecureRandom()));
                }
                iceTransport.core().updateRemoteParameters(parsed.ice());
            }
            descriptions.setRemote(description);
            if (type == RTCSdpType.OFFER) {
                if (parsed.transport() != null) {
                    ensureTransports();
                }
                if (parsed.application() != null) {
                    ensureSctp();
                    layout.setApplicationMid(parsed.applicationMid());
                }
                transceivers.associateRemoteOffer(sdp);
                transceivers.applyRemote(sdp);
            } else {
                transceivers.applyRemote(sdp);
                if (type == RTCSdpType.ANSWER) {
                    transceivers.applyAnswer(sdp, RemoteDescription.parse(descriptions.local().sdp()));
                    if (parsed.transport() != null && iceTransport != null && !transportsStarted) {
                        iceTransport.setRole(RTCIceRole.CONTROLLING);
                    }
                    startTransports();
                }
            }
            noteMLines(sdp);
            commitIfStable(next, sdp);
            addRemoteCandidatesFromSdp(parsed);
            setSignalingState(next);
            afterNegotiation(next);
            return null;
        });
    }

    /**
     * Adds a remote candidate (trickle ICE). {@code null}, or a candidate with an empty candidate string, says the
     * remote has no more candidates.
     */
    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        return onLoop(() -> {
            checkOpen();
            if (remote == null) {
                throw new InvalidStateError(RTCErrorReason.NO_REMOTE_DESCRIPTION, "addIceCandidate before setRemoteDescription");
            }
            if (iceTransport == null) {
                return null;
            }
            if (candidate != null) {
                String mid = candidate.getSdpMid();
                Integer index = candidate.getSdpMLineIndex();
                if (mid == null && index == null) {
                    throw new TypeError("a candidate needs sdpMid or sdpMLineIndex");
                }
                if (!remote.accepts(mid, index)) {
                    throw new OperationError("no m-line with mid " + mid + " / index " + index + " to add "
                            + "the candidate to");
                }
                String ufrag = candidate.getUsernameFragment();
                if (ufrag != null && !ufrag.equals(remote.ice().usernameFragment())) {
                    return null;  // a candidate of an ICE generation we no longer use (RFC 8838 §4.3)
                }
            }
            iceTransport.addRemoteCandidate(candidate);
            return null;
        });
    }

    /** Completes when ICE gathering is complete (for signalling without trickle, such as WHIP). */
    public CompletableFuture<Void> gatheringComplete() {
        return onLoop(() -> gatherer).thenCompose(g -> g == null ? CompletableFuture.completedFuture(null)
                : g.core().completion());
    }

    /**
     * Makes the next offer restart ICE (W3C restartIce, RFC 8445 §9): it carries new credentials, and applying
     * it gathers anew; data keeps flowing over the old path until the new checks select one.
     */
    public void restartIce() {
        onLoop(() -> {
            if (gatherer != null && !closed && pendingIceRestart == null) {
                pendingIceRestart = new RTCIceParameters(IceParameters.random(new SecureRandom()));
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- data channels

    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.defaults());
    }

    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        if (closed) {
            throw new InvalidStateError(RTCErrorReason.CLOSED, "the peer connection is closed");
        }
        RTCDataChannelParameters parameters = RTCDataChannelParameters.of(label, init);
        RTCSctpTransport transport = onLoop(() -> {
            ensureTransports();
            ensureSctp();
            return sctp;
        }).join();
        return new RTCDataChannel(transport, parameters);
    }

    // ---------------------------------------------------------------- media

    /**
     * Sends a track: reuses a transceiver of its kind that sends nothing and was never sending, else adds a
     * sendrecv one (W3C addTrack). The offer or answer that follows carries it.
     */
    public RTCRtpSender addTrack(MediaStreamTrack track) {
        if (track == null) {
            throw new TypeError("addTrack needs a track");
        }
        return onLoopNow(() -> {
            checkOpen();
            ensureTransports();
            RTCRtpSender sender = facades.of(transceivers.addTrack(track)).getSender();
            updateNegotiationNeeded();
            return sender;
        });
    }

    /**
     * Stops sending the sender's track (W3C removeTrack); the next negotiation says we no longer send. A sender
     * without a track, or of a stopped transceiver, is left as it is.
     *
     * @throws InvalidAccessError when the sender is not one of this connection's
     */
    public void removeTrack(RTCRtpSender sender) {
        onLoopNow(() -> {
            checkOpen();
            if (transceivers.removeTrack(sender == null ? null : sender.core())) {
                updateNegotiationNeeded();
            }
            return null;
        });
    }

    /** Adds a transceiver for a kind ("audio" or "video") with nothing to send yet. */
    public RTCRtpTransceiver addTransceiver(String kind, RTCRtpTransceiverDirection direction) {
        MediaKind mediaKind;
        try {
            mediaKind = MediaKind.of(kind);
        } catch (IllegalArgumentException unknown) {
            throw new TypeError("kind must be audio or video: " + kind);
        }
        return addTransceiver(mediaKind, null, direction);
    }

    /** Adds a transceiver that sends this track. */
    public RTCRtpTransceiver addTransceiver(MediaStreamTrack track, RTCRtpTransceiverDirection direction) {
        if (track == null) {
            throw new TypeError("addTransceiver needs a track or a kind");
        }
        return addTransceiver(track.getKind(), track, direction);
    }

    private RTCRtpTransceiver addTransceiver(MediaKind kind, MediaStreamTrack track,
            RTCRtpTransceiverDirection direction) {
        RTCRtpTransceiverDirection wanted = direction == null ? RTCRtpTransceiverDirection.SENDRECV : direction;
        if (wanted == RTCRtpTransceiverDirection.STOPPED) {
            throw new TypeError("a new transceiver cannot be stopped");
        }
        return onLoopNow(() -> {
            checkOpen();
            ensureTransports();
            RTCRtpTransceiver t = facades.of(transceivers.add(kind, track, wanted));
            updateNegotiationNeeded();
            return t;
        });
    }

    public List<RTCRtpTransceiver> getTransceivers() {
        return facades.all(transceivers);
    }

    public List<RTCRtpSender> getSenders() {
        return getTransceivers().stream().filter(t -> !t.isStopped()).map(RTCRtpTransceiver::getSender).toList();
    }

    public List<RTCRtpReceiver> getReceivers() {
        return getTransceivers().stream().filter(t -> !t.isStopped()).map(RTCRtpTransceiver::getReceiver).toList();
    }

    // ---------------------------------------------------------------- state

    /** The local description with the candidates gathered by now. */
    public RTCSessionDescription getLocalDescription() {
        return GatheredCandidateLines.current(descriptions.local(), gatherer);
    }

    public RTCSessionDescription getRemoteDescription() {
        return descriptions.remote();
    }

    public RTCSessionDescription getCurrentLocalDescription() {
        return GatheredCandidateLines.current(descriptions.currentLocal(), gatherer);
    }

    public RTCSessionDescription getPendingLocalDescription() {
        return GatheredCandidateLines.current(descriptions.pendingLocal(), gatherer);
    }

    public RTCSessionDescription getCurrentRemoteDescription() {
        return descriptions.currentRemote();
    }

    public RTCSessionDescription getPendingRemoteDescription() {
        return descriptions.pendingRemote();
    }

    public RTCSignalingState getSignalingState() {
        return signaling.state();
    }

    public RTCPeerConnectionState getConnectionState() {
        return states.connectionState();
    }

    public RTCIceConnectionState getIceConnectionState() {
        return states.iceConnectionState();
    }

    public RTCIceGatheringState getIceGatheringState() {
        return states.iceGatheringState();
    }

    /** The SCTP transport of the data channels; null until a data channel or a remote offer needs one. */
    public RTCSctpTransport getSctp() {
        return sctp;
    }

    public CompletableFuture<RTCStatsReport> getStats() {
        return onLoop(() -> new StatsCollector(this, sctp, dtlsTransport, iceTransport, certificates,
                transceivers.all(), StatsCollector.now(context)).collect());
    }

    // ---------------------------------------------------------------- events

    public Subscription onConnectionStateChange(Consumer<RTCPeerConnectionState> listener) {
        return events.connectionState.add(listener);
    }

    public Subscription onIceConnectionStateChange(Consumer<RTCIceConnectionState> listener) {
        return events.iceConnectionState.add(listener);
    }

    public Subscription onIceGatheringStateChange(Consumer<RTCIceGatheringState> listener) {
        return events.iceGatheringState.add(listener);
    }

    public Subscription onSignalingStateChange(Consumer<RTCSignalingState> listener) {
        return events.signalingState.add(listener);
    }

    /** Each local candidate as gathered, then {@code null} when gathering is complete. */
    public Subscription onIceCandidate(Consumer<RTCIceCandidate> listener) {
        return events.iceCandidate.add(listener);
    }

    /** A remote track is coming: each time a remote description says the remote starts to send on an m-line. */
    public Subscription onTrack(Consumer<RTCTrackEvent> listener) {
        return events.track.add(listener);
    }

    /**
     * Something changed that only a new offer/answer exchange can carry (W3C negotiationneeded): a track or
     * transceiver was added, removed or stopped, or a direction changed. Fires in stable state only, once until
     * a negotiation completes; then it fires again if that negotiation did not carry everything.
     */
    public Subscription onNegotiationNeeded(Runnable listener) {
        return negotiationNeeded.add(ignored -> listener.run());
    }

    /** Data channels the remote side opened. */
    public Subscription onDataChannel(Consumer<RTCDataChannel> listener) {
        return events.dataChannel.add(listener);
    }

    // ---------------------------------------------------------------- close

    /** Closes every transport and channel and releases every socket and timer; idempotent. */
    public CompletableFuture<Void> close() {
        if (closed) {
            return closedFuture;
        }
        context.onLoop(() -> {
            closeOnLoop();
            return null;
        });
        return closedFuture;
    }

    private void closeOnLoop() {
        if (closed) {
            return;
        }
        closed = true;
        transceivers.stopAll();
        if (sctp != null) {
            sctp.core().stopOnLoop();
        }
        if (dtlsTransport != null) {
            dtlsTransport.core().stopOnLoop();
        }
        if (iceTransport != null) {
            iceTransport.core().stopOnLoop();
        } else if (gatherer != null) {
            gatherer.core().close();
        }
        context.pump().run();
        context.pump().close();
        signaling.close();
        states.close();
        events.signalingState.emit(RTCSignalingState.CLOSED);
        engine.unregister(this);
        context.callbacks().execute(() -> closedFuture.complete(null));
    }

    // ---------------------------------------------------------------- internals

    String statsId() {
        return id;
    }

    RTCIceGatherer gatherer() {
        return gatherer;
    }

    /** The bundle's ICE and DTLS transports, created for the first data channel, transceiver or remote offer. */
    private void ensureTransports() {
        if (gatherer != null) {
            return;
        }
        gatherer = new RTCIceGatherer(new IceGatherer(context, configuration.getIceServers(),
                configuration.getIceTransportPolicy()));
        gatherer.core().setSdpMid("0", 0);
        iceTransport = new RTCIceTransport(gatherer);
        dtlsTransport = new RTCDtlsTransport(iceTransport, certificates);
        states.watch(gatherer, iceTransport, dtlsTransport);
        gatherer.core().setConnectionCandidateListener(events.iceCandidate::emit);
        transceivers.attachTransports(() -> dtlsTransport.rtp().session());
    }

    private void ensureSctp() {
        if (sctp != null) {
            return;
        }
        sctp = new RTCSctpTransport(dtlsTransport, RTCSctpTransport.DEFAULT_PORT, events.dataChannel::emit);
        startSctpIfNegotiated();
    }

    /** Remembers the m-lines and points candidate events at the bundle's first one (its transport). */
    private void noteMLines(SessionDescription sdp) {
        layout.note(sdp);
        int first = MLineLayout.firstAccepted(sdp);
        if (gatherer != null && first >= 0) {
            gatherer.core().setSdpMid(sdp.media().get(first).mid(), first);
        }
    }

    private LocalDescriptionFactory.TransportAttributes transportAttributes(String setup) {
        // SHA-256 only, as browsers signal it: every peer checks it, and one fingerprint cannot disagree with another.
        List<RTCDtlsFingerprint> fingerprints = certificates.get(0).getFingerprints().stream()
                .filter(f -> f.algorithm().equals("sha-256")).toList();
        RTCIceParameters ice = pendingIceRestart != null ? pendingIceRestart : gatherer.getLocalParameters();
        return new LocalDescriptionFactory.TransportAttributes(ice, fingerprints, setup);
    }

    /** RFC 8842 §5.3: keep an established DTLS role in later answers; else take active unless the offer is. */
    private String answerSetup() {
        RTCDtlsRole established = dtlsTransport == null ? RTCDtlsRole.AUTO : dtlsTransport.getRole();
        if (established != RTCDtlsRole.AUTO) {
            return established == RTCDtlsRole.CLIENT ? "active" : "passive";
        }
        return "active".equals(remote.setup()) ? "passive" : "active";
    }

    /** Applies new local credentials once the description carrying them is set locally. */
    private void applyIceRestart(SessionDescription local) {
        if (pendingIceRestart == null || gatherer == null) {
            return;
        }
        String ufrag = local.media().stream().filter(m -> m.port() != 0).map(local::iceUfrag)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (pendingIceRestart.usernameFragment().equals(ufrag)) {
            gatherer.core().restart(new IceParameters(pendingIceRestart.usernameFragment(),
                    pendingIceRestart.password()));
            pendingIceRestart = null;
        }
    }

    private void gatherIfNeeded() {
        if (gatherer != null && !gatherer.core().hasStarted()) {
            gatherer.gather();
        }
    }

    private void startTransports() {
        if (transportsStarted || remote == null || remote.transport() == null || iceTransport == null) {
            startSctpIfNegotiated();
            return;
        }
        transportsStarted = true;
        iceTransport.start(remote.ice());
        dtlsTransport.start(new RTCDtlsParameters(remote.fingerprints(), remote.remoteDtlsRole()));
        startSctpIfNegotiated();
    }

    /** SCTP starts once the transports run and a negotiation accepted a data-channel m-line. */
    private void startSctpIfNegotiated() {
        if (sctp == null || sctpStarted || !transportsStarted || remote == null || remote.application() == null) {
            return;
        }
        sctpStarted = true;
        sctp.start(new RTCSctpCapabilities(remote.maxMessageSize()), remote.sctpPort());
    }

    private void addRemoteCandidatesFromSdp(RemoteDescription parsed) {
        MediaDescription transport = parsed.transport();
        if (transport == null || iceTransport == null) {
            return;
        }
        for (String value : transport.candidates()) {
            try {
                iceTransport.addRemoteCandidate(new RTCIceCandidate(value, parsed.transportMid(),
                        parsed.transportIndex(), parsed.ice().usernameFragment()));
            } catch (IllegalArgumentException malformed) {
                // one bad candidate line does not spoil the others (browsers skip it too)
            }
        }
        if (transport.endOfCandidates()) {
            iceTransport.addRemoteCandidate(null);
        }
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
    private void updateNegotiationNeeded() {
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
        if (sctp != null && layout.applicationMid() == null) {
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

    private void checkOpen() {
        if (closed) {
            throw new InvalidStateError(RTCErrorReason.CLOSED, "the peer connection is closed");
        }
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> task) {
        return context.onLoop(task);
    }

    /** Runs a synchronous API call on the loop; its typed error is thrown as is, as the W3C API throws it. */
    private <T> T onLoopNow(Supplier<T> task) {
        try {
            return onLoop(task).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException typed) {
                throw typed;
            }
            throw e;
        }
    }



    @Override
    public String toString() {
        return "RTCPeerConnection{" + id + ", " + getConnectionState() + "}";
    }
}
