package io.jrtc.pc;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.internal.jsep.ConnectionStates;
import io.jrtc.pc.internal.jsep.ConnectionTransports;
import io.jrtc.pc.internal.jsep.GatheredCandidateLines;
import io.jrtc.pc.internal.jsep.Negotiation;
import io.jrtc.pc.internal.jsep.PeerConnectionEvents;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.media.RemoteTrack;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.pc.internal.stats.StatsCollector;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A WebRTC connection to one remote peer (W3C RTCPeerConnection / the reference's RTCPeerConnection). Every
 * method may be called from any thread: the work runs on the connection's event loop and the futures complete
 * there; listeners run in order on the engine's callback pool.
 *
 * <p>A facade: JSEP negotiation is {@link Negotiation}'s, the transports' lifecycle {@link ConnectionTransports}'.
 * This class wraps what they make in the API's objects (transports, data channels, transceivers, track events).
 */
public final class RTCPeerConnection {
    private final String id = "pc-" + UUID.randomUUID();
    private final RtcEngine engine;
    private final ConnectionContext context;
    private final RTCConfiguration configuration;
    private final List<RTCCertificate> certificates;
    private final PeerConnectionEvents events;
    private final ConnectionStates states;
    private final Transceivers transceivers;
    private final ConnectionFacades facades;
    private final ConnectionTransports transports;
    private final Negotiation negotiation;
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
        this.context = ConnectionContext.create(engine.core());
        this.certificates = this.configuration.getCertificates().isEmpty()
                ? List.of(RTCCertificate.generateCertificate()) : this.configuration.getCertificates();
        this.events = new PeerConnectionEvents(context);
        this.states = new ConnectionStates(events);
        this.transceivers = new Transceivers(context, this::announce);
        this.facades = new ConnectionFacades(context, certificates.get(0), transceivers);
        this.transports = new ConnectionTransports(context, this.configuration, certificates.get(0).dtls(), events,
                states, facades);
        this.negotiation = new Negotiation(transports, transceivers, events, certificates.get(0).getFingerprints(),
                context.listeners());
        transceivers.onNegotiationChange(() -> run(negotiation::updateNegotiationNeeded));
        engine.register(this);
    }

    /** A remote track is coming: the track event carries the facades of its transceiver and receiver. */
    private void announce(RemoteTrack remote) {
        facades.announce(remote);
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

    public CompletableFuture<RTCSessionDescription> createOffer() {
        return onLoop(negotiation::createOffer);
    }

    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return onLoop(negotiation::createAnswer);
    }

    /** Applies the last offer or answer created, or creates one (W3C implicit setLocalDescription). */
    public CompletableFuture<Void> setLocalDescription() {
        return onLoop(negotiation::isAnswering).thenCompose(answer -> answer ? createAnswer() : createOffer())
                .thenCompose(this::setLocalDescription);
    }

    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        return run(() -> negotiation.setLocal(description));
    }

    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        return run(() -> negotiation.setRemote(description));
    }

    /**
     * Adds a remote candidate (trickle ICE). {@code null}, or a candidate with an empty candidate string, says the
     * remote has no more candidates.
     */
    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        return run(() -> negotiation.addIceCandidate(candidate));
    }

    /** Completes when ICE gathering is complete (for signalling without trickle, such as WHIP). */
    public CompletableFuture<Void> gatheringComplete() {
        return onLoop(() -> transports).thenCompose(ConnectionTransports::gatheringComplete);
    }

    /**
     * Makes the next offer restart ICE (W3C restartIce, RFC 8445 §9): it carries new credentials, and applying
     * it gathers anew; data keeps flowing over the old path until the new checks select one.
     */
    public void restartIce() {
        run(negotiation::restartIce);
    }

    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.defaults());
    }

    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        if (negotiation.isClosed()) {
            throw new InvalidStateError(RTCErrorReason.CLOSED, "the peer connection is closed");
        }
        RTCDataChannelParameters parameters = RTCDataChannelParameters.of(label, init);
        RTCSctpTransport transport = onLoop(() -> {
            transports.ensureSctp(negotiation.remote());
            return facades.sctp();
        }).join();
        return new RTCDataChannel(transport, parameters);
    }

    /**
     * Sends a track: reuses a transceiver of its kind that sends nothing and was never sending, else adds a
     * sendrecv one (W3C addTrack). The offer or answer that follows carries it.
     */
    public RTCRtpSender addTrack(MediaStreamTrack track) {
        if (track == null) {
            throw new TypeError("addTrack needs a track");
        }
        return onLoopNow(() -> negotiation.changeMedia(() -> facades.of(transceivers.addTrack(track)).getSender()));
    }

    /**
     * Stops sending the sender's track (W3C removeTrack); the next negotiation says we no longer send. A sender
     * without a track, or of a stopped transceiver, is left as it is.
     *
     * @throws InvalidAccessError when the sender is not one of this connection's
     */
    public void removeTrack(RTCRtpSender sender) {
        onLoopNow(() -> {
            negotiation.checkOpen();
            if (transceivers.removeTrack(sender == null ? null : sender.core())) {
                negotiation.updateNegotiationNeeded();
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
        return onLoopNow(() -> negotiation.changeMedia(() -> facades.of(transceivers.add(kind, track, wanted))));
    }

    public List<RTCRtpTransceiver> getTransceivers() {
        return facades.all();
    }

    public List<RTCRtpSender> getSenders() {
        return getTransceivers().stream().filter(t -> !t.isStopped()).map(RTCRtpTransceiver::getSender).toList();
    }

    public List<RTCRtpReceiver> getReceivers() {
        return getTransceivers().stream().filter(t -> !t.isStopped()).map(RTCRtpTransceiver::getReceiver).toList();
    }

    /** The local description with the candidates gathered by now. */
    public RTCSessionDescription getLocalDescription() {
        return GatheredCandidateLines.current(negotiation.descriptions().local(), transports.gatherer());
    }

    public RTCSessionDescription getRemoteDescription() {
        return negotiation.descriptions().remote();
    }

    public RTCSessionDescription getCurrentLocalDescription() {
        return GatheredCandidateLines.current(negotiation.descriptions().currentLocal(), transports.gatherer());
    }

    public RTCSessionDescription getPendingLocalDescription() {
        return GatheredCandidateLines.current(negotiation.descriptions().pendingLocal(), transports.gatherer());
    }

    public RTCSessionDescription getCurrentRemoteDescription() {
        return negotiation.descriptions().currentRemote();
    }

    public RTCSessionDescription getPendingRemoteDescription() {
        return negotiation.descriptions().pendingRemote();
    }

    public RTCSignalingState getSignalingState() {
        return negotiation.signalingState();
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
        return facades.sctp();
    }

    public CompletableFuture<RTCStatsReport> getStats() {
        return onLoop(() -> new StatsCollector(id, transports.sctp(), transports.dtls(), transports.ice(), certificates,
                transceivers.all(), StatsCollector.now(context)).collect());
    }

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
        return facades.track.add(listener);
    }

    /**
     * Something changed that only a new offer/answer exchange can carry (W3C negotiationneeded): a track or
     * transceiver was added, removed or stopped, or a direction changed. Fires in stable state only, once until
     * a negotiation completes; then it fires again if that negotiation did not carry everything.
     */
    public Subscription onNegotiationNeeded(Runnable listener) {
        return negotiation.onNegotiationNeeded(listener);
    }

    /** Data channels the remote side opened. */
    public Subscription onDataChannel(Consumer<RTCDataChannel> listener) {
        return facades.dataChannel.add(listener);
    }

    /** Closes every transport and channel and releases every socket and timer; idempotent. */
    public CompletableFuture<Void> close() {
        if (negotiation.isClosed()) {
            return closedFuture;
        }
        run(this::closeOnLoop);
        return closedFuture;
    }

    private void closeOnLoop() {
        if (negotiation.isClosed()) {
            return;
        }
        negotiation.markClosed();
        transceivers.stopAll();
        transports.close();
        context.pump().run();
        context.pump().close();
        negotiation.closeSignaling();
        states.close();
        events.signalingState.emit(RTCSignalingState.CLOSED);
        engine.unregister(this);
        context.callbacks().execute(() -> closedFuture.complete(null));
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> task) {
        return context.onLoop(task);
    }

    private CompletableFuture<Void> run(Runnable task) {
        return context.onLoop(() -> {
            task.run();
            return null;
        });
    }

    /** Runs a synchronous API call on the loop; its typed error is thrown as is, as the W3C API throws it. */
    private <T> T onLoopNow(Supplier<T> task) {
        try {
            return onLoop(task).join();
        } catch (CompletionException e) {
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
