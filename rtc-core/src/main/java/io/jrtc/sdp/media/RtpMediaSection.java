package io.jrtc.sdp.media;

import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpAttribute;
import io.jrtc.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed view of an audio or video media description as JSEP uses it (RFC 8829 §5.2.1, §5.3.1): kind, mid
 * (RFC 8843), direction (RFC 8866 §6.7), codecs (RFC 8866 §6.6, §6.15, RFC 4585), header extensions (RFC 8285),
 * sources and groups (RFC 5576), msid (RFC 8830), rtcp-mux (RFC 5761), rtcp-rsize (RFC 5506), rid and simulcast
 * (RFC 8851, RFC 8853). {@link #parse} reads one from a {@link MediaDescription}; {@link #writeTo} puts it back,
 * leaving the transport attributes (ICE, DTLS, candidates) and unknown attributes of the target untouched.
 * {@code mid} and {@code simulcast} may be null.
 */
public record RtpMediaSection(String kind, String mid, Direction direction, List<RtpCodec> codecs,
        List<ExtMap> headerExtensions, List<RtpSource> sources, List<SsrcGroup> ssrcGroups, List<Msid> msids,
        boolean rtcpMux, boolean rtcpReducedSize, List<Rid> rids, Simulcast simulcast) {
    /** The profile JSEP offers for RTP media (RFC 8829 §5.1.2). */
    public static final String JSEP_PROTOCOL = "UDP/TLS/RTP/SAVPF";
    private static final Set<String> WRITTEN = Set.of("mid", RtpMap.NAME, Fmtp.NAME, RtcpFeedback.NAME, ExtMap.NAME,
            SsrcAttribute.NAME, SsrcGroup.NAME, Msid.NAME, Rid.NAME, Simulcast.NAME, "rtcp-mux", "rtcp-rsize",
            "sendrecv", "sendonly", "recvonly", "inactive");

    public RtpMediaSection {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new IllegalArgumentException("kind must be audio or video: " + kind);
        }
        if (mid != null && !AttributeText.isNonWhitespace(mid)) {
            throw new IllegalArgumentException("mid must be text without spaces: '" + mid + "'");
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction must not be null");
        }
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("an RTP section needs at least one codec");
        }
        Set<Integer> payloadTypes = new HashSet<>();
        for (RtpCodec codec : codecs) {
            if (codec.payloadType() == RtpCodec.UNASSIGNED || !payloadTypes.add(codec.payloadType())) {
                throw new IllegalArgumentException("codecs need distinct assigned payload types: " + codec);
            }
        }
        headerExtensions = List.copyOf(headerExtensions);
        sources = List.copyOf(sources);
        ssrcGroups = List.copyOf(ssrcGroups);
        msids = List.copyOf(msids);
        rids = List.copyOf(rids);
    }

    /** Reads the typed view; fails on a malformed attribute or a format that is neither static nor rtpmapped. */
    public static RtpMediaSection parse(MediaDescription m) throws SdpParseException {
        if (!m.media().equals("audio") && !m.media().equals("video")) {
            throw new SdpParseException(0, "m=" + m.media(), "not an audio or video section");
        }
        Map<Integer, RtpMap> rtpmaps = new LinkedHashMap<>();
        Map<Integer, Fmtp> fmtps = new LinkedHashMap<>();
        List<RtcpFeedback> feedback = new ArrayList<>();
        List<ExtMap> extensions = new ArrayList<>();
        Map<Long, List<SsrcAttribute>> ssrcLines = new LinkedHashMap<>();
        List<SsrcGroup> groups = new ArrayList<>();
        List<Msid> msids = new ArrayList<>();
        List<Rid> rids = new ArrayList<>();
        Simulcast simulcast = null;
        for (SdpAttribute a : m.attributes()) {
            String v = a.value();
            switch (a.name()) {
                case RtpMap.NAME -> {
                    RtpMap map = RtpMap.parse(v);
                    rtpmaps.putIfAbsent(map.payloadType(), map);
                }
                case Fmtp.NAME -> {
                    Fmtp fmtp = Fmtp.parse(v);
                    fmtps.putIfAbsent(fmtp.payloadType(), fmtp);
                }
                case RtcpFeedback.NAME -> feedback.add(RtcpFeedback.parse(v));
                case ExtMap.NAME -> extensions.add(ExtMap.parse(v));
                case SsrcAttribute.NAME -> {
                    SsrcAttribute line = SsrcAttribute.parse(v);
                    ssrcLines.computeIfAbsent(line.ssrc(), s -> new ArrayList<>()).add(line);
                }
                case SsrcGroup.NAME -> groups.add(SsrcGroup.parse(v));
                case Msid.NAME -> msids.add(Msid.parse(v));
                case Rid.NAME -> rids.add(Rid.parse(v));
                case Simulcast.NAME -> simulcast = Simulcast.parse(v);
                default -> {
                    // Transport and unknown attributes are not part of the RTP view.
                }
            }
        }
        List<RtpCodec> codecs = codecs(m, rtpmaps, fmtps, feedback);
        List<RtpSource> sources = new ArrayList<>();
        for (Map.Entry<Long, List<SsrcAttribute>> e : ssrcLines.entrySet()) {
            sources.add(source(e.getKey(), e.getValue()));
        }
        Direction direction = m.direction() == null ? Direction.SENDRECV : Direction.fromAttributeName(m.direction());
        return new RtpMediaSection(m.media(), m.mid(), direction, codecs, extensions, sources, groups, msids,
                m.hasAttribute("rtcp-mux"), m.hasAttribute("rtcp-rsize"), rids, simulcast);
    }

    private static List<RtpCodec> codecs(MediaDescription m, Map<Integer, RtpMap> rtpmaps, Map<Integer, Fmtp> fmtps,
            List<RtcpFeedback> feedback) throws SdpParseException {
        List<RtpCodec> codecs = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        String formats = String.join(" ", m.formats());
        for (String format : m.formats()) {
            int pt = (int) AttributeText.number("m", formats, format, 0, 127, "RTP format");
            if (!seen.add(pt)) {
                throw new SdpParseException(0, "m=" + m.media(), "payload type " + pt + " is listed twice");
            }
            RtpMap map = rtpmaps.get(pt);
            RtpCodec codec;
            if (map != null) {
                codec = RtpCodec.of(m.media() + "/" + map.encodingName(), map.clockRate(), map.channels())
                        .withPayloadType(pt);
            } else {
                codec = StaticPayloadTypes.codec(pt);
                if (codec == null || !codec.kind().equals(m.media())) {
                    throw new SdpParseException(0, "m=" + m.media(), "payload type " + pt + " has no a=rtpmap");
                }
            }
            Fmtp fmtp = fmtps.get(pt);
            List<RtcpFeedback.Mechanism> mechanisms = new ArrayList<>();
            for (RtcpFeedback fb : feedback) {
                if ((fb.payloadType() == pt || fb.payloadType() == RtcpFeedback.ANY_PAYLOAD_TYPE)
                        && !mechanisms.contains(fb.mechanism())) {
                    mechanisms.add(fb.mechanism());
                }
            }
            codecs.add(codec.withParameters(fmtp == null ? Map.of() : fmtp.parameters()).withRtcpFeedback(mechanisms));
        }
        return codecs;
    }

    private static RtpSource source(long ssrc, List<SsrcAttribute> lines) throws SdpParseException {
        String cname = null;
        Msid msid = null;
        Map<String, String> others = new LinkedHashMap<>();
        for (SsrcAttribute line : lines) {
            switch (line.attribute()) {
                case "cname" -> {
                    if (line.value() == null || line.value().isEmpty()) {
                        throw AttributeText.error(SsrcAttribute.NAME, line.toValue(), "cname needs a value");
                    }
                    cname = cname == null ? line.value() : cname;
                }
                case "msid" -> msid = msid == null ? Msid.parse(line.value()) : msid;
                default -> others.putIfAbsent(line.attribute(), line.value());
            }
        }
        return new RtpSource(ssrc, cname, msid, others);
    }

    /**
     * Puts this view into {@code m}: sets the media and formats and replaces every attribute this view covers,
     * in the order Chrome writes them; ICE, DTLS, candidate and unknown attributes stay where they are.
     */
    public void writeTo(MediaDescription m) {
        m.setMedia(kind);
        m.setFormats(codecs.stream().map(c -> Integer.toString(c.payloadType())).toList());
        WRITTEN.forEach(m::removeAttributes);
        if (mid != null) {
            m.addAttribute("mid", mid);
        }
        headerExtensions.forEach(e -> m.addAttribute(ExtMap.NAME, e.toValue()));
        m.addAttribute(direction.attributeName(), null);
        msids.forEach(msid -> m.addAttribute(Msid.NAME, msid.toValue()));
        if (rtcpMux) {
            m.addAttribute("rtcp-mux", null);
        }
        if (rtcpReducedSize) {
            m.addAttribute("rtcp-rsize", null);
        }
        for (RtpCodec codec : codecs) {
            m.addAttribute(RtpMap.NAME, codec.toRtpMap().toValue());
            for (RtcpFeedback.Mechanism fb : codec.rtcpFeedback()) {
                m.addAttribute(RtcpFeedback.NAME,
                        new RtcpFeedback(codec.payloadType(), fb.type(), fb.parameter()).toValue());
            }
            if (!codec.parameters().isEmpty()) {
                m.addAttribute(Fmtp.NAME, new Fmtp(codec.payloadType(), codec.parameters()).toValue());
            }
        }
        rids.forEach(rid -> m.addAttribute(Rid.NAME, rid.toValue()));
        if (simulcast != null) {
            m.addAttribute(Simulcast.NAME, simulcast.toValue());
        }
        ssrcGroups.forEach(g -> m.addAttribute(SsrcGroup.NAME, g.toValue()));
        sources.forEach(source -> writeSource(m, source));
    }

    private static void writeSource(MediaDescription m, RtpSource source) {
        long ssrc = source.ssrc();
        if (source.cname() != null) {
            m.addAttribute(SsrcAttribute.NAME, new SsrcAttribute(ssrc, "cname", source.cname()).toValue());
        }
        if (source.msid() != null) {
            m.addAttribute(SsrcAttribute.NAME, new SsrcAttribute(ssrc, "msid", source.msid().toValue()).toValue());
        }
        source.otherAttributes().forEach((name, value) ->
                m.addAttribute(SsrcAttribute.NAME, new SsrcAttribute(ssrc, name, value).toValue()));
    }

    /** A new JSEP media description (port 9, "c=IN IP4 0.0.0.0", RFC 8829 §5.2.1) carrying this view. */
    public MediaDescription toMediaDescription() {
        MediaDescription m = new MediaDescription(kind, 9, JSEP_PROTOCOL, List.of("0"));
        m.setConnection("IN IP4 0.0.0.0");
        writeTo(m);
        return m;
    }

    /** The codec with this payload type, or null. */
    public RtpCodec codec(int payloadType) {
        for (RtpCodec codec : codecs) {
            if (codec.payloadType() == payloadType) {
                return codec;
            }
        }
        return null;
    }

    /** The RTX SSRC paired with a media SSRC by an {@code ssrc-group:FID} (RFC 4588 §8.8), or -1. */
    public long rtxSsrc(long mediaSsrc) {
        for (SsrcGroup g : ssrcGroups) {
            if (g.semantics().equals(SsrcGroup.FLOW_ID) && g.ssrcs().size() == 2 && g.ssrcs().get(0) == mediaSsrc) {
                return g.ssrcs().get(1);
            }
        }
        return -1;
    }
}
