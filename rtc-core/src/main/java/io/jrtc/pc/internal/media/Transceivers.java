package io.jrtc.pc.internal.media;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.InvalidAccessError;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.Direction;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.Msid;
import io.jrtc.sdp.media.RtpCodec;
import io.jrtc.sdp.media.RtpMediaSection;
import io.jrtc.sdp.media.RtpSource;
import io.jrtc.sdp.media.SsrcGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connection's transceivers and what JSEP does with them (RFC 8829 §5.2.1, §5.3.1, §5.10): their audio and
 * video sections in our offers and answers, their association with remote m-lines, and what a completed
 * negotiation gives each (codecs, header extensions, direction). Everything but the list runs on the loop.
 */
public final class Transceivers {
    private final ConnectionContext context;
    private final String cname = UUID.randomUUID().toString();
    private final String streamId = UUID.randomUUID().toString();
    private final List<RtpTransceiver> all = new CopyOnWriteArrayList<>();
    private final Consumer<RemoteTrack> trackEvents;
    private Runnable negotiationChange = () -> { };
    /** The bundle's RTP session, made on first use; null before the connection has a DTLS transport. */
    private Supplier<RtpSession> rtp;
    // On the loop: what the pending offer did, undone by a rollback (W3C webrtc-pc §4.4.1.5).
    private final List<RtpTransceiver> associatedByPendingOffer = new ArrayList<>();
    private final List<RtpTransceiver> createdByPendingOffer = new ArrayList<>();

    /** {@code trackEvents} hears of each remote track (W3C track event), on the loop. */
    public Transceivers(ConnectionContext context, Consumer<RemoteTrack> trackEvents) {
        this.context = context;
        this.trackEvents = trackEvents;
    }

    /** Whom a transceiver's setDirection or stop tells (any thread). */
    public void onNegotiationChange(Runnable listener) {
        this.negotiationChange = listener;
    }

    /** A read-only view; iterating it sees a snapshot (the packet path calls this, so it copies nothing). */
    public List<RtpTransceiver> all() {
        return Collections.unmodifiableList(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public RtpTransceiver add(MediaKind kind, MediaStreamTrack track, RTCRtpTransceiverDirection direction) {
        RtpTransceiver t = new RtpTransceiver(context, kind,
                new RtpSender(context, kind, track, cname, streamId), new RtpReceiver(context, kind), direction);
        if (rtp != null) {
            attach(t);
        }
        t.onNegotiationChange(negotiationChange);
        all.add(t);
        return t;
    }

    /**
     * W3C addTrack: a transceiver of the track's kind that has no track and was never negotiated to send takes
     * it, else a new sendrecv one is made. Returns the transceiver that sends the track.
     *
     * @throws InvalidAccessError when the track is already sent
     */
    public RtpTransceiver addTrack(MediaStreamTrack track) {
        for (RtpTransceiver t : all) {
            if (t.sender().track() == track) {
                throw new InvalidAccessError(RTCErrorReason.TRACK_ALREADY_SENT, "track " + track.getId() + " is already sent");
            }
        }
        for (RtpTransceiver t : all) {
            if (t.kind() == track.getKind() && !t.isStopped() && t.sender().track() == null
                    && !t.usedToSend()) {
                t.sender().replaceTrack(track);
                t.setDirection(t.direction().receives() ? RTCRtpTransceiverDirection.SENDRECV
                        : RTCRtpTransceiverDirection.SENDONLY);
                return t;
            }
        }
        return addForTrack(track);
    }

    /**
     * W3C removeTrack: the sender sends nothing more and its transceiver's direction stops saying send. Returns
     * whether anything changed (a sender without a track, or of a stopped transceiver, is left as it is).
     *
     * @throws InvalidAccessError when the sender is not one of this connection's
     */
    public boolean removeTrack(RtpSender sender) {
        for (RtpTransceiver t : all) {
            if (t.sender() == sender) {
                if (t.isStopped() || sender.track() == null) {
                    return false;
                }
                sender.replaceTrack(null);
                t.setDirection(t.direction().receives() ? RTCRtpTransceiverDirection.RECVONLY
                        : RTCRtpTransceiverDirection.INACTIVE);
                return true;
            }
        }
        throw new InvalidAccessError(RTCErrorReason.FOREIGN_SENDER, "the sender is not one of this connection's");
    }

    /** A transceiver addTrack made: the only kind a remote offer may take over (RFC 8829 §5.10). */
    private RtpTransceiver addForTrack(MediaStreamTrack track) {
        RtpTransceiver t = add(track.getKind(), track, RTCRtpTransceiverDirection.SENDRECV);
        t.markCreatedByAddTrack();
        return t;
    }

    /**
     * The bundle's transports exist now: every transceiver sends and receives over their RTP session, which
     * {@code session} makes on first use (a connection without media has none).
     */
    public void attachTransports(Supplier<RtpSession> session) {
        this.rtp = session;
        all.forEach(this::attach);
    }

    private void attach(RtpTransceiver t) {
        RtpSession session = rtp.get();
        t.sender().attach(session);
        t.receiver().attach(session);
    }

    public RtpTransceiver byMid(String mid) {
        for (RtpTransceiver t : all) {
            if (mid != null && mid.equals(t.mid())) {
                return t;
            }
        }
        return null;
    }

    /** Transceivers not yet on an m-line, in creation order: each gets a new m-line in the next offer. */
    public List<RtpTransceiver> unassociated() {
        return all.stream().filter(t -> t.mid() == null && !t.isStopped()).toList();
    }

    // ---------------------------------------------------------------- our sections

    /** Our section for an offer: every supported (or preferred) codec, our extensions, our direction. */
    public RtpMediaSection offerSection(RtpTransceiver t, String mid) {
        Direction direction = Direction.fromAttributeName(t.direction().toString());
        List<RtpCodec> codecs = BundleNumbering.keepBoundPayloadTypes(t.localCodecs(), boundPayloadTypes());
        List<ExtMap> extensions = BundleNumbering.keepBoundExtensionIds(
                SupportedCodecs.headerExtensions(t.kind().toString()), boundExtensionIds());
        return section(t, mid, direction, codecs, extensions);
    }

    /** Our section answering a remote one, or null when nothing in it can be accepted (the m-line is rejected). */
    public RtpMediaSection answerSection(RtpTransceiver t, RtpMediaSection offered) {
        if (t.isStopped()) {
            return null;
        }
        List<RtpCodec> codecs = CodecNegotiation.answerCodecs(t.localCodecs(), offered.codecs());
        if (t.hasCodecPreferences()) {
            codecs = inPreferenceOrder(codecs, t.localCodecs());
        }
        if (codecs.stream().noneMatch(c -> !c.isRtx())) {
            return null;
        }
        Set<String> uris = SupportedCodecs.headerExtensions(t.kind().toString()).stream().map(ExtMap::uri)
                .collect(Collectors.toSet());
        if (t.kind() == MediaKind.VIDEO) {
            uris.addAll(SimulcastAnswer.RECEIVE_ONLY_EXTENSIONS);
        }
        List<ExtMap> extensions = CodecNegotiation.answerHeaderExtensions(uris, offered.headerExtensions());
        Direction direction = CodecNegotiation.answerDirection(offered.direction(),
                Direction.fromAttributeName(t.direction().toString()));
        RtpMediaSection answer = section(t, offered.mid(), direction, codecs, extensions);
        return direction.receives() ? SimulcastAnswer.receiving(answer, offered) : answer;
    }

    /** The header extension ids negotiated so far on the bundle, by URI. */
    private Map<String, Integer> boundExtensionIds() {
        Map<String, Integer> bound = new HashMap<>();
        for (RtpTransceiver t : all) {
            if (!t.isStopped()) {
                t.negotiatedExtensions().forEach(e -> bound.putIfAbsent(e.uri(), e.id()));
            }
        }
        return bound;
    }

    /** The payload types negotiated so far on the bundle, and their codecs. */
    private Map<Integer, RtpCodec> boundPayloadTypes() {
        Map<Integer, RtpCodec> bound = new HashMap<>();
        for (RtpTransceiver t : all) {
            if (!t.isStopped()) {
                t.negotiatedCodecs().forEach(c -> bound.putIfAbsent(c.payloadType(), c));
            }
        }
        return bound;
    }

    /**
     * The answer's codecs in the order of the codec preferences (RFC 8829 §5.3.1: "media formats MUST be generated
     * in the corresponding order"), each repair format (RTX, RED) right after the codec it names, else at the end.
     */
    private static List<RtpCodec> inPreferenceOrder(List<RtpCodec> answer, List<RtpCodec> preferences) {
        List<RtpCodec> ordered = new ArrayList<>();
        for (RtpCodec preferred : preferences) {
            for (RtpCodec codec : answer) {
                if (!codec.isRtx() && !ordered.contains(codec) && CodecNegotiation.sameFormat(codec, preferred)) {
                    ordered.add(codec);
                    answer.stream().filter(r -> r.isRtx() && r.associatedPayloadType() == codec.payloadType())
                            .forEach(ordered::add);
                }
            }
        }
        answer.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    private RtpMediaSection section(RtpTransceiver t, String mid, Direction direction, List<RtpCodec> codecs,
            List<ExtMap> extensions) {
        RtpSender sender = t.sender();
        List<Msid> msids = new ArrayList<>();
        List<RtpSource> sources = new ArrayList<>();
        List<SsrcGroup> groups = new ArrayList<>();
        if (direction.sends()) {
            Msid msid = new Msid(sender.streamId(), sender.signalledTrackId());
            msids.add(msid);
            sources.add(new RtpSource(Integer.toUnsignedLong(sender.ssrc()), cname, msid));
            if (codecs.stream().anyMatch(RtpCodec::isRtx)) {
                // RFC 4588 §8.3 / RFC 5576 §4.2: retransmissions come on their own SSRC, paired by FID.
                sources.add(new RtpSource(Integer.toUnsignedLong(sender.rtxSsrc()), cname, msid));
                groups.add(new SsrcGroup("FID", List.of(Integer.toUnsignedLong(sender.ssrc()),
                        Integer.toUnsignedLong(sender.rtxSsrc()))));
            }
        }
        return new RtpMediaSection(t.kind().toString(), mid, direction, codecs, extensions, sources, groups, msids,
                true, true, List.of(), null);
    }

    // ---------------------------------------------------------------- applying descriptions

    /** Our pending offer puts {@code t} on the m-line {@code mid}; a rollback takes it off again. */
    public void associate(RtpTransceiver t, String mid) {
        t.setMid(mid);
        associatedByPendingOffer.add(t);
    }

    /** The offer/answer exchange completed: what the offer associated stays. */
    public void commitPending() {
        associatedByPendingOffer.clear();
        createdByPendingOffer.clear();
    }

    /**
     * An answer completed the exchange: a stopped transceiver whose m-line it rejects leaves the connection's set
     * of transceivers (W3C webrtc-pc §4.4.1.6); its m-line stays, rejected, in later offers.
     */
    public void removeStopped(SessionDescription answer) {
        for (MediaDescription m : answer.media()) {
            RtpTransceiver t = m.port() == 0 ? byMid(m.mid()) : null;
            if (t != null && t.isStopped()) {
                all.remove(t);
            }
        }
    }

    /**
     * The pending offer was rolled back: the transceivers it associated lose their mid, and those a remote offer
     * created go away unless addTrack has since given them a track to send (W3C webrtc-pc §4.4.1.5).
     */
    public void rollbackPending() {
        for (RtpTransceiver t : associatedByPendingOffer) {
            t.setMid(null);
        }
        for (RtpTransceiver t : createdByPendingOffer) {
            if (t.sender().track() == null) {
                t.stopOnLoop();
                all.remove(t);
            }
        }
        commitPending();
    }

    /**
     * A remote offer: each audio/video m-line finds its transceiver by mid, else takes one of ours of its kind
     * that addTrack created and has no m-line yet (RFC 8829 §5.10: not one addTransceiver created, which waits for
     * an offer of ours), else gets a new recvonly one.
     */
    public void associateRemoteOffer(SessionDescription offer) {
        for (MediaDescription m : offer.media()) {
            if (!isRtp(m) || m.port() == 0 || m.mid() == null || byMid(m.mid()) != null) {
                continue;
            }
            MediaKind kind = MediaKind.of(m.media());
            RtpTransceiver free = all.stream().filter(t -> t.mid() == null && !t.isStopped()
                    && t.kind() == kind && t.createdByAddTrack()).findFirst().orElse(null);
            if (free == null) {
                free = add(kind, null, RTCRtpTransceiverDirection.RECVONLY);
                createdByPendingOffer.add(free);
            }
            associate(free, m.mid());
        }
    }

    /**
     * A remote description arrived: SSRCs it signals route to their receivers, and transceivers it starts to send
     * on announce their track. A rejected m-line (port 0), in an offer (the remote stopped its transceiver) or an
     * answer, stops its transceiver (W3C webrtc-pc §4.4.1.6).
     */
    public void applyRemote(SessionDescription remote) {
        for (MediaDescription m : remote.media()) {
            RtpTransceiver t = isRtp(m) ? byMid(m.mid()) : null;
            if (t == null) {
                continue;
            }
            if (m.port() == 0) {
                t.stopOnLoop();
                continue;
            }
            RtpMediaSection section = parse(m);
            if (section == null) {
                continue;
            }
            if (rtp != null) {
                RtpSession session = rtp.get();
                for (RtpSource source : section.sources()) {
                    session.bindSsrc((int) source.ssrc(), t.receiver());
                }
            }
            if (t.noteRemoteSends(section.direction().sends())) {
                List<String> streams = section.msids().stream().map(Msid::streamId).filter(s -> !s.equals("-"))
                        .distinct().toList();
                trackEvents.accept(new RemoteTrack(t, streams));
            }
        }
    }

    /**
     * A negotiation completed with {@code answer}: each transceiver takes the answer's codecs and extensions, and
     * its direction as the answer gives it, seen from our side ({@code weAnswered}: the answer's own direction).
     */
    public void applyAnswer(SessionDescription answer, SessionDescription ourOffer) {
        boolean weAnswered = ourOffer == null;
        for (MediaDescription m : answer.media()) {
            RtpTransceiver t = isRtp(m) ? byMid(m.mid()) : null;
            if (t == null) {
                continue;
            }
            if (m.port() == 0) {
                t.stopOnLoop();  // our answer rejected it: nothing in it could be taken
                continue;
            }
            RtpMediaSection section = parse(m);
            if (section == null) {
                continue;
            }
            Direction ours = weAnswered ? section.direction() : section.direction().reverse();
            t.applyNegotiation(section.codecs(), receivableCodecs(section, m.mid(), ourOffer),
                    section.headerExtensions(), RTCRtpTransceiverDirection.of(ours.attributeName()));
            // the simulcast streams our answer accepted (RFC 8853 §5.3); as offerer we ask for none
            t.receiver().configureSimulcast(weAnswered ? SimulcastAnswer.receivedRids(section) : List.of());
        }
    }

    /**
     * What we accept on an m-line: everything our offer listed, since an answerer may send any of it (Chromium
     * sends the offer's first codec even when its codec preferences left it out of the answer); as answerer,
     * our answer's list.
     */
    private static List<RtpCodec> receivableCodecs(RtpMediaSection answered, String mid, SessionDescription ourOffer) {
        if (ourOffer != null) {
            for (MediaDescription m : ourOffer.media()) {
                RtpMediaSection offered = mid != null && mid.equals(m.mid()) && isRtp(m) ? parse(m) : null;
                if (offered != null) {
                    return offered.codecs();
                }
            }
        }
        return answered.codecs();
    }

    /**
     * The transceivers' part of W3C "check if negotiation is needed" (webrtc-pc §4.7.3): one without an m-line, one
     * stopping whose m-line is not yet rejected, or one whose direction differs from what the current local
     * description says (for an answer: what it would answer to the current remote offer).
     *
     * @param currentLocal our current local description, or null
     * @param remoteOffer the current remote offer when {@code currentLocal} is our answer, else null
     */
    public boolean negotiationNeeded(SessionDescription currentLocal, SessionDescription remoteOffer) {
        for (RtpTransceiver t : all) {
            if (t.mid() == null) {
                if (!t.isStopped()) {
                    return true;
                }
                continue;
            }
            if (t.isStopped()) {
                if (t.currentDirection() != RTCRtpTransceiverDirection.STOPPED) {
                    return true;
                }
                continue;
            }
            MediaDescription m = currentLocal == null ? null : currentLocal.mediaByMid(t.mid());
            if (m == null || m.port() == 0) {
                return true;
            }
            Direction wanted = Direction.fromAttributeName(t.direction().toString());
            MediaDescription offered = remoteOffer == null ? null : remoteOffer.mediaByMid(t.mid());
            if (offered != null) {
                wanted = CodecNegotiation.answerDirection(directionOf(offered), wanted);
            }
            if (directionOf(m) != wanted) {
                return true;
            }
        }
        return false;
    }

    private static Direction directionOf(MediaDescription m) {
        return m.direction() == null ? Direction.SENDRECV : Direction.fromAttributeName(m.direction());
    }

    public void stopAll() {
        all.forEach(RtpTransceiver::stopOnLoop);
    }

    /** An audio or video m-line over SRTP (RFC 8829 §5.1.2): the only media m-lines that are ours. */
    public static boolean isRtp(MediaDescription m) {
        return (m.media().equals("audio") || m.media().equals("video"))
                && m.protocol().toUpperCase(Locale.ROOT).contains("RTP/SAVP");
    }

    /** The RTP view of an m-line, or null when it is malformed. */
    public static RtpMediaSection parse(MediaDescription m) {
        try {
            return RtpMediaSection.parse(m);
        } catch (SdpParseException | IllegalArgumentException malformed) {
            return null;
        }
    }
}
