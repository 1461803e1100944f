package io.jrtc.pc;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The connection's transceivers and what JSEP does with them (RFC 8829 §5.2.1, §5.3.1, §5.10): their audio and
 * video sections in our offers and answers, their association with remote m-lines, and what a completed
 * negotiation gives each (codecs, header extensions, direction). Everything but the list runs on the loop.
 */
final class Transceivers {
    private final ConnectionContext context;
    private final String cname = UUID.randomUUID().toString();
    private final String streamId = UUID.randomUUID().toString();
    private final List<RTCRtpTransceiver> all = new CopyOnWriteArrayList<>();
    private final Consumer<RTCTrackEvent> trackEvents;
    private RTCDtlsTransport dtls;

    Transceivers(ConnectionContext context, Consumer<RTCTrackEvent> trackEvents) {
        this.context = context;
        this.trackEvents = trackEvents;
    }

    /** A read-only view; iterating it sees a snapshot (the packet path calls this, so it copies nothing). */
    List<RTCRtpTransceiver> all() {
        return Collections.unmodifiableList(all);
    }

    String cname() {
        return cname;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    RTCRtpTransceiver add(MediaKind kind, MediaStreamTrack track, RTCRtpTransceiverDirection direction) {
        RTCRtpTransceiver t = new RTCRtpTransceiver(context, kind,
                new RTCRtpSender(context, kind, track, cname, streamId), new RTCRtpReceiver(context, kind), direction);
        if (dtls != null) {
            attach(t);
        }
        all.add(t);
        return t;
    }

    /** The bundle's transports exist now: every transceiver sends and receives over them. */
    void attachTransports(RTCDtlsTransport dtlsTransport) {
        this.dtls = dtlsTransport;
        all.forEach(this::attach);
    }

    private void attach(RTCRtpTransceiver t) {
        t.getSender().attach(dtls);
        t.getReceiver().attach(dtls);
    }

    RTCRtpTransceiver byMid(String mid) {
        for (RTCRtpTransceiver t : all) {
            if (mid != null && mid.equals(t.getMid())) {
                return t;
            }
        }
        return null;
    }

    /** Transceivers not yet on an m-line, in creation order: each gets a new m-line in the next offer. */
    List<RTCRtpTransceiver> unassociated() {
        return all.stream().filter(t -> t.getMid() == null && !t.isStopped()).toList();
    }

    // ---------------------------------------------------------------- our sections

    /** Our section for an offer: every supported (or preferred) codec, our extensions, our direction. */
    RtpMediaSection offerSection(RTCRtpTransceiver t, String mid) {
        Direction direction = Direction.fromAttributeName(t.getDirection().toString());
        List<RtpCodec> codecs = t.localCodecs();
        return section(t, mid, direction, codecs, SupportedCodecs.headerExtensions(t.getKind()));
    }

    /** Our section answering a remote one, or null when nothing in it can be accepted (the m-line is rejected). */
    RtpMediaSection answerSection(RTCRtpTransceiver t, RtpMediaSection offered) {
        if (t.isStopped()) {
            return null;
        }
        List<RtpCodec> codecs = CodecNegotiation.answerCodecs(t.localCodecs(), offered.codecs());
        if (codecs.stream().noneMatch(c -> !c.isRtx())) {
            return null;
        }
        Set<String> uris = SupportedCodecs.headerExtensions(t.getKind()).stream().map(ExtMap::uri)
                .collect(Collectors.toSet());
        List<ExtMap> extensions = CodecNegotiation.answerHeaderExtensions(uris, offered.headerExtensions());
        Direction direction = CodecNegotiation.answerDirection(offered.direction(),
                Direction.fromAttributeName(t.getDirection().toString()));
        return section(t, offered.mid(), direction, codecs, extensions);
    }

    private RtpMediaSection section(RTCRtpTransceiver t, String mid, Direction direction, List<RtpCodec> codecs,
            List<ExtMap> extensions) {
        RTCRtpSender sender = t.getSender();
        List<Msid> msids = new ArrayList<>();
        List<RtpSource> sources = new ArrayList<>();
        List<SsrcGroup> groups = new ArrayList<>();
        if (direction.sends()) {
            String trackId = sender.getTrack() == null ? UUID.randomUUID().toString() : sender.getTrack().getId();
            Msid msid = new Msid(sender.streamId(), trackId);
            msids.add(msid);
            sources.add(new RtpSource(Integer.toUnsignedLong(sender.ssrc()), cname, msid));
            if (codecs.stream().anyMatch(RtpCodec::isRtx)) {
                // RFC 4588 §8.3 / RFC 5576 §4.2: retransmissions come on their own SSRC, paired by FID.
                sources.add(new RtpSource(Integer.toUnsignedLong(sender.rtxSsrc()), cname, msid));
                groups.add(new SsrcGroup("FID", List.of(Integer.toUnsignedLong(sender.ssrc()),
                        Integer.toUnsignedLong(sender.rtxSsrc()))));
            }
        }
        return new RtpMediaSection(t.getKind(), mid, direction, codecs, extensions, sources, groups, msids, true,
                true, List.of(), null);
    }

    // ---------------------------------------------------------------- applying descriptions

    /** Our offer was set: its new m-lines belong to the transceivers they were written for. */
    void associateLocalOffer(SessionDescription offer, List<RTCRtpTransceiver> proposed, List<String> proposedMids) {
        for (int i = 0; i < proposed.size(); i++) {
            if (proposed.get(i).getMid() == null && hasSection(offer, proposedMids.get(i))) {
                proposed.get(i).setMid(proposedMids.get(i));
            }
        }
    }

    /**
     * A remote offer: each audio/video m-line finds its transceiver by mid, else takes one of ours of its kind
     * that has no m-line yet (RFC 8829 §5.10), else gets a new recvonly one.
     */
    void associateRemoteOffer(SessionDescription offer) {
        for (MediaDescription m : offer.media()) {
            if (!isRtp(m) || m.port() == 0 || m.mid() == null || byMid(m.mid()) != null) {
                continue;
            }
            MediaKind kind = MediaKind.of(m.media());
            RTCRtpTransceiver free = all.stream().filter(t -> t.getMid() == null && !t.isStopped()
                    && t.kind() == kind).findFirst().orElse(null);
            if (free == null) {
                free = add(kind, null, RTCRtpTransceiverDirection.RECVONLY);
            }
            free.setMid(m.mid());
        }
    }

    /**
     * A remote description arrived: SSRCs it signals route to their receivers, and transceivers it sends on
     * announce their track once. Rejected m-lines in an answer stop their transceivers.
     */
    void applyRemote(SessionDescription remote, boolean answer) {
        for (MediaDescription m : remote.media()) {
            RTCRtpTransceiver t = isRtp(m) ? byMid(m.mid()) : null;
            if (t == null) {
                continue;
            }
            if (m.port() == 0) {
                if (answer) {
                    t.stopOnLoop();
                }
                continue;
            }
            RtpMediaSection section = parse(m);
            if (section == null) {
                continue;
            }
            if (dtls != null) {
                for (RtpSource source : section.sources()) {
                    dtls.rtp().bindSsrc((int) source.ssrc(), t.getReceiver());
                }
            }
            if (section.direction().sends() && t.announceTrack()) {
                List<String> streams = section.msids().stream().map(Msid::streamId).filter(s -> !s.equals("-"))
                        .distinct().toList();
                trackEvents.accept(new RTCTrackEvent(t.getReceiver(), t.getReceiver().getTrack(), streams, t));
            }
        }
    }

    /**
     * A negotiation completed with {@code answer}: each transceiver takes the answer's codecs and extensions, and
     * its direction as the answer gives it, seen from our side ({@code weAnswered}: the answer's own direction).
     */
    void applyAnswer(SessionDescription answer, boolean weAnswered) {
        for (MediaDescription m : answer.media()) {
            RTCRtpTransceiver t = isRtp(m) ? byMid(m.mid()) : null;
            if (t == null || m.port() == 0) {
                continue;
            }
            RtpMediaSection section = parse(m);
            if (section == null) {
                continue;
            }
            Direction ours = weAnswered ? section.direction() : section.direction().reverse();
            t.applyNegotiation(section.codecs(), section.headerExtensions(),
                    RTCRtpTransceiverDirection.of(ours.attributeName()));
        }
    }

    Set<String> mids() {
        Set<String> mids = new HashSet<>();
        all.forEach(t -> {
            if (t.getMid() != null) {
                mids.add(t.getMid());
            }
        });
        return mids;
    }

    void stopAll() {
        all.forEach(RTCRtpTransceiver::stopOnLoop);
    }

    static boolean isRtp(MediaDescription m) {
        return (m.media().equals("audio") || m.media().equals("video")) && RemoteDescription.isUsable(m);
    }

    static RtpMediaSection parse(MediaDescription m) {
        try {
            return RtpMediaSection.parse(m);
        } catch (SdpParseException | IllegalArgumentException malformed) {
            return null;
        }
    }

    private static boolean hasSection(SessionDescription sdp, String mid) {
        return sdp.media().stream().anyMatch(m -> mid.equals(m.mid()));
    }
}
