package io.jrtc.spring.autoconfigure.whip;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;
import io.jrtc.spring.autoconfigure.service.ForwardedCodecs;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.RtcClient;

import org.springframework.beans.factory.DisposableBean;

/**
 * WHIP (RFC 9725) and WHEP (draft-ietf-wish-whep) sessions over the {@link PeerConnectionService}: a WHIP session
 * receives a publisher's tracks and registers them as a {@link PublishedStream}; a WHEP session sends a viewer its
 * own {@link MediaRelay} proxies of a published stream's tracks, negotiating the publisher's video codec (coded
 * video is forwarded as it is), or, for a viewer that cannot take it, a codec jrtc encodes, the video then coming
 * from a transcode shared by every viewer of that codec ({@link VideoTranscodes}). A session's id is its peer
 * connection's id.
 *
 * <p>A session ends on DELETE, when its connection fails or closes, or when the service closes the connection
 * (reaper, shutdown). A WHIP session's end unpublishes its stream, ends the publisher's tracks (and with them
 * every viewer's proxies) and closes the viewers' sessions.
 */
public class WhipSessions implements DisposableBean {
    private static final System.Logger LOG = System.getLogger(WhipSessions.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Which protocol a session speaks. */
    public enum Kind {
        WHIP, WHEP
    }

    /**
     * The answer to a POST: the session's id, its ETag (RFC 9725 section 4.3.1) and the SDP answer with every
     * server candidate.
     */
    public record CreatedSession(String sessionId, String etag, String answer) {
    }

    /** A session; a viewer's {@code transcodedTo} is the codec its video is transcoded to, or null when forwarded. */
    private record Session(String id, Kind kind, String streamId, String etag, PublishedStream published,
            List<MediaStreamTrack> proxies, RTCRtpCodecParameters transcodedTo) {
        Session withEtag(String newEtag) {
            return new Session(id, kind, streamId, newEtag, published, proxies, transcodedTo);
        }
    }

    /** Told when a WHEP viewer's stream stops being published and when the viewer's session ends. */
    public interface ViewerListener {
        /** The publisher left: the viewer's session ends right after. */
        void publicationEnded(String sessionId);

        /** The viewer's session ended. */
        void viewerEnded(String sessionId);
    }

    private final PeerConnectionService service;
    private final StreamRegistry streams;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final VideoTranscodes transcodes = new VideoTranscodes();
    private final List<ViewerListener> viewerListeners = new CopyOnWriteArrayList<>();
    private final Subscription closedSubscription;

    public WhipSessions(PeerConnectionService service, StreamRegistry streams, RtcEventBus events) {
        this.service = service;
        this.streams = streams;
        // The reaper, shutdown or the REST API closed a session's connection: the session has ended.
        this.closedSubscription = events.subscribe(event -> {
            if (event.is(RtcEventType.CLOSED)) {
                ended(event.peerConnectionId());
            }
        });
    }

    public StreamRegistry streams() {
        return streams;
    }

    /** Video transcodes running for viewers that cannot take a publisher's codec. */
    VideoTranscodes transcodes() {
        return transcodes;
    }

    /** Adds a listener of viewers' ends (the WHEP event streams). */
    public void addViewerListener(ViewerListener listener) {
        viewerListeners.add(listener);
    }

    /**
     * A WHEP session's connection, for its extensions (layer selection, events).
     *
     * @throws WhipSessionNotFoundException when there is no such WHEP session
     */
    public RTCPeerConnection viewer(String sessionId) {
        require(Kind.WHEP, sessionId);
        return service.get(sessionId).peerConnection();
    }

    /** Open sessions of a kind. */
    public int count(Kind kind) {
        return (int) sessions.values().stream().filter(session -> session.kind() == kind).count();
    }

    /**
     * Publishes {@code streamId} from a WHIP offer.
     *
     * @throws StreamAlreadyPublishedException when another session publishes the id
     */
    public CreatedSession publish(String streamId, String offer) {
        return publish(streamId, offer, null);
    }

    /**
     * Publishes {@code streamId} from a WHIP offer on behalf of a client (its per-client limits apply).
     *
     * @param client who publishes, or null for the application itself
     * @throws StreamAlreadyPublishedException when another session publishes the id
     */
    public CreatedSession publish(String streamId, String offer, RtcClient client) {
        service.checkSdpSize(offer);
        if (streams.find(streamId).isPresent()) {
            throw new StreamAlreadyPublishedException(streamId);
        }
        OfferedCodecs.requireReceivable(offer);
        ManagedPeerConnection connection = service.create(null, client);
        String id = connection.id();
        RTCPeerConnection pc = connection.peerConnection();
        try {
            service.await(service.acceptOffer(id, new RTCSessionDescription(offer, RTCSdpType.OFFER)),
                    "answering the offer");
            List<MediaStreamTrack> tracks = ReceivedMedia.tracks(pc);
            // Viewers get the publisher's Opus packets as they came: no decoding and re-encoding per viewer.
            pc.getReceivers().stream().filter(receiver -> receiver.getTrack().getKind() == MediaKind.AUDIO)
                    .forEach(receiver -> receiver.setAudioDecoding(false));
            if (tracks.isEmpty()) {
                throw new IllegalArgumentException("the offer sends neither audio nor video");
            }
            PublishedStream stream = new PublishedStream(streamId, id, tracks, ReceivedMedia.videoCodec(pc),
                    new MediaRelay());
            Session session = new Session(id, Kind.WHIP, streamId, newEtag(), stream, List.of(), null);
            sessions.put(id, session);
            if (!streams.publish(stream)) {
                throw new StreamAlreadyPublishedException(streamId);
            }
            watch(pc, session);
            service.await(service.gatheringComplete(id), "gathering candidates");
            return new CreatedSession(id, session.etag(), pc.getLocalDescription().sdp());
        } catch (RuntimeException e) {
            end(id);
            throw e;
        }
    }

    /**
     * Plays {@code streamId} to a WHEP viewer.
     *
     * @throws StreamNotFoundException when nobody publishes the id
     */
    public CreatedSession play(String streamId, String offer) {
        return play(streamId, offer, null);
    }

    /**
     * Plays {@code streamId} to a WHEP viewer on behalf of a client (its per-client limits apply).
     *
     * @param client who plays, or null for the application itself
     * @throws StreamNotFoundException when nobody publishes the id
     */
    public CreatedSession play(String streamId, String offer, RtcClient client) {
        service.checkSdpSize(offer);
        PublishedStream stream = streams.findToPlay(streamId)
                .orElseThrow(() -> new StreamNotFoundException(streamId));
        RTCRtpCodecParameters transcodeTo = OfferedCodecs.requireViewerTakes(offer, stream.videoCodec(),
                VideoCodecs.available());
        ManagedPeerConnection connection = service.create(null, client);
        String id = connection.id();
        RTCPeerConnection pc = connection.peerConnection();
        List<MediaStreamTrack> proxies = new ArrayList<>();
        try {
            // Before the remote offer: each of its m-lines takes a transceiver addTrack made for its kind and
            // not on an m-line yet (RFC 8829 §5.10); the viewer's recvonly makes our side sendonly.
            for (MediaStreamTrack track : stream.tracks()) {
                boolean transcoded = track.getKind() == MediaKind.VIDEO && transcodeTo != null;
                MediaStreamTrack proxy = transcoded ? transcodes.subscribe(stream, track, transcodeTo)
                        : stream.relay().subscribe(track);
                proxies.add(proxy);
                RTCRtpSender sender = pc.addTrack(proxy);
                RTCRtpTransceiver transceiver = pc.getTransceivers().stream()
                        .filter(t -> t.getSender() == sender).findFirst().orElseThrow();
                if (track.getKind() == MediaKind.VIDEO && stream.videoCodec() != null) {
                    List<RTCRtpCodecCapability> preferred = ForwardedCodecs.preferencesFor(
                            transcoded ? transcodeTo : stream.videoCodec());
                    if (!preferred.isEmpty()) {
                        transceiver.setCodecPreferences(preferred);
                    }
                }
            }
            Session session = new Session(id, Kind.WHEP, streamId, newEtag(), stream, List.copyOf(proxies),
                    transcodeTo);
            sessions.put(id, session);
            if (streams.find(streamId).orElse(null) != stream) {
                throw new StreamNotFoundException(streamId);  // unpublished meanwhile
            }
            watch(pc, session);
            service.await(service.acceptOffer(id, new RTCSessionDescription(offer, RTCSdpType.OFFER)),
                    "answering the offer");
            service.await(service.gatheringComplete(id), "gathering candidates");
            return new CreatedSession(id, session.etag(), pc.getLocalDescription().sdp());
        } catch (RuntimeException e) {
            end(id);
            // Proxies made before the session was registered: a transcode's last one stops the transcode.
            proxies.forEach(MediaStreamTrack::stop);
            throw e;
        }
    }

    /**
     * An ICE restart's outcome: the new ICE session's ETag and the server's fragment with its new credentials and
     * candidates.
     */
    public record IceRestart(String etag, String fragment) {
    }

    /**
     * Applies a trickle-ICE fragment (RFC 8840) to a session: candidates of the current ICE session, or, when it
     * carries other credentials, an ICE restart (RFC 9725 section 4.3.2).
     *
     * @param ifMatch the request's If-Match, or null
     * @return null for trickled candidates, the restart's outcome for an ICE restart
     * @throws WhipSessionNotFoundException     when there is no such session of this kind
     * @throws EntityTagMismatchException       when If-Match names another ICE session
     * @throws IceRestartWithoutPasswordException  when new credentials come without a password
     */
    public IceRestart patch(Kind kind, String sessionId, String ifMatch, String fragment) {
        Session session = require(kind, sessionId);
        String condition = ifMatch == null ? null : ifMatch.strip();
        if (condition != null && !condition.isEmpty() && !condition.equals("*") && !condition.equals(session.etag())) {
            throw new EntityTagMismatchException(ifMatch);
        }
        TrickleIceFragment parsed = TrickleIceFragment.parse(fragment);
        RTCPeerConnection pc = service.get(sessionId).peerConnection();
        String remoteUfrag = remoteUfrag(pc);
        IceRestart restart = null;
        if (parsed.iceUfrag() != null && remoteUfrag != null && !parsed.iceUfrag().equals(remoteUfrag)) {
            if (parsed.icePwd() == null) {
                throw new IceRestartWithoutPasswordException(parsed.iceUfrag());
            }
            restart = restartIce(session, pc, parsed);
        }
        for (RTCIceCandidate candidate : parsed.candidates()) {
            service.await(service.addRemoteCandidate(sessionId, candidate), "adding a candidate");
        }
        if (parsed.endOfCandidates()) {
            service.await(service.addRemoteCandidate(sessionId, null), "ending candidates");
        }
        return restart;
    }

    private IceRestart restartIce(Session session, RTCPeerConnection pc, TrickleIceFragment parsed) {
        String offer = IceRestartFragments.restartedOffer(pc.getRemoteDescription().sdp(), parsed.iceUfrag(),
                parsed.icePwd());
        service.await(service.acceptOffer(session.id(), new RTCSessionDescription(offer, RTCSdpType.OFFER)),
                "answering the ICE restart");
        service.await(pc.gatheringComplete(), "gathering candidates");
        String etag = newEtag();
        // computed in place: a viewer moved to a republished stream meanwhile keeps its new tracks
        sessions.computeIfPresent(session.id(), (id, current) -> current.withEtag(etag));
        return new IceRestart(etag, IceRestartFragments.answerFragment(pc.getLocalDescription().sdp()));
    }

    /**
     * Ends a session at the client's request (DELETE) and waits until its connection is closed.
     *
     * @throws WhipSessionNotFoundException when there is no such session of this kind
     */
    public void delete(Kind kind, String sessionId) {
        require(kind, sessionId);
        if (ended(sessionId)) {
            service.await(service.close(sessionId).exceptionally(error -> null), "closing");
        }
    }

    private Session require(Kind kind, String sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null || session.kind() != kind) {
            throw new WhipSessionNotFoundException(sessionId);
        }
        return session;
    }

    /**
     * Ends the session with its connection. (A viewer's keyframe request on connecting is the connection watcher's,
     * for every connection that sends forwarded video.)
     */
    private void watch(RTCPeerConnection pc, Session session) {
        pc.onConnectionStateChange(state -> {
            if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                end(session.id());
            }
        });
    }

    /** Ends the session, if it is one, and closes its connection without waiting. */
    private void end(String sessionId) {
        ended(sessionId);
        service.close(sessionId).exceptionally(error -> null);
    }

    /**
     * Forgets the session and releases what it holds: a publisher's stream (ending the viewers), a viewer's
     * proxies. Runs once per session; true when this call ended it.
     */
    private boolean ended(String sessionId) {
        Session session = sessions.remove(sessionId);
        if (session == null) {
            return false;
        }
        if (session.kind() == Kind.WHEP) {
            session.proxies().forEach(MediaStreamTrack::stop);
            viewerListeners.forEach(listener -> listener.viewerEnded(sessionId));
            return true;
        }
        PublishedStream stream = session.published();
        if (streams.unpublish(stream)) {
            LOG.log(Level.DEBUG, () -> "stream " + stream.streamId() + " unpublished");
        }
        stream.tracks().forEach(MediaStreamTrack::stop);
        endViewers(stream);
        return true;
    }

    /** Ends the WHEP sessions playing {@code stream}: its publisher, or the link that brought it here, is gone. */
    public void endViewers(PublishedStream stream) {
        for (Session viewer : List.copyOf(sessions.values())) {
            if (viewer.kind() == Kind.WHEP && viewer.published() == stream) {
                viewerListeners.forEach(listener -> listener.publicationEnded(viewer.id()));
                end(viewer.id());
            }
        }
    }

    /**
     * Moves the WHEP viewers of {@code from} to {@code to} without new sessions: the stream they play was published
     * again (on this node or another, which a cluster edge pulls anew). Each sender's track is replaced by a proxy
     * of the new stream's track of its kind (W3C replaceTrack), whose forwarding continues the viewer's sequence
     * numbers and timestamps from the new publisher's keyframe, which is asked for. A viewer whose video the new
     * stream's codec cannot feed as before ends. Returns how many viewers moved.
     */
    public int switchViewers(PublishedStream from, PublishedStream to) {
        int moved = 0;
        for (Session viewer : List.copyOf(sessions.values())) {
            if (viewer.kind() != Kind.WHEP || viewer.published() != from) {
                continue;
            }
            if (viewer.transcodedTo() == null && !sameCodec(from.videoCodec(), to.videoCodec())) {
                viewerListeners.forEach(listener -> listener.publicationEnded(viewer.id()));
                end(viewer.id());
                continue;
            }
            List<MediaStreamTrack> proxies = replaceTracks(viewer, to);
            Session switched = new Session(viewer.id(), viewer.kind(), viewer.streamId(), viewer.etag(), to,
                    proxies, viewer.transcodedTo());
            if (sessions.replace(viewer.id(), viewer, switched)) {
                viewer.proxies().forEach(MediaStreamTrack::stop);
                proxies.forEach(MediaStreamTrack::requestKeyframe);
                moved++;
            } else {
                proxies.forEach(MediaStreamTrack::stop);  // ended (or restarted) meanwhile
            }
        }
        return moved;
    }

    /** Each of the viewer's senders given a proxy of {@code to}'s track of its kind (or none when it lacks one). */
    private List<MediaStreamTrack> replaceTracks(Session viewer, PublishedStream to) {
        RTCPeerConnection pc = service.get(viewer.id()).peerConnection();
        List<MediaStreamTrack> proxies = new ArrayList<>();
        Map<MediaKind, Integer> used = new EnumMap<>(MediaKind.class);
        for (MediaStreamTrack old : viewer.proxies()) {
            int index = used.merge(old.getKind(), 1, Integer::sum) - 1;
            List<MediaStreamTrack> ofKind = to.tracks(old.getKind());
            MediaStreamTrack proxy = null;
            if (index < ofKind.size()) {
                MediaStreamTrack track = ofKind.get(index);
                boolean transcoded = track.getKind() == MediaKind.VIDEO && viewer.transcodedTo() != null;
                proxy = transcoded ? transcodes.subscribe(to, track, viewer.transcodedTo())
                        : to.relay().subscribe(track);
                proxies.add(proxy);
            }
            MediaStreamTrack replacement = proxy;
            pc.getSenders().stream().filter(sender -> sender.getTrack() == old)
                    .forEach(sender -> sender.replaceTrack(replacement));
        }
        return proxies;
    }

    private static boolean sameCodec(RTCRtpCodecParameters a, RTCRtpCodecParameters b) {
        return a == null || b == null ? a == b : a.mimeType().equalsIgnoreCase(b.mimeType())
                && Objects.equals(a.parameters(), b.parameters());
    }

    private static String remoteUfrag(RTCPeerConnection pc) {
        RTCSessionDescription remote = pc.getRemoteDescription();
        if (remote == null) {
            return null;
        }
        for (String line : remote.sdp().split("\r?\n")) {
            if (line.startsWith("a=ice-ufrag:")) {
                return line.substring("a=ice-ufrag:".length()).strip();
            }
        }
        return null;
    }

    private static String newEtag() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "\"" + HexFormat.of().formatHex(bytes) + "\"";
    }

    @Override
    public void destroy() {
        closedSubscription.close();
    }
}
