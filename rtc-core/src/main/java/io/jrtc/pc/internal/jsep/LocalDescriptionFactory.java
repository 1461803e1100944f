package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCDtlsFingerprint;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.internal.transport.SctpTransport;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import java.util.List;

/**
 * Writes the m-sections of our offers and answers (JSEP, RFC 8829 §5.2 and §5.3) and puts them in one session
 * with every accepted section under one BUNDLE group (RFC 8843), all on the same ICE and DTLS transport.
 */
public final class LocalDescriptionFactory {
    private final long sessionId;
    private long sessionVersion;

    public LocalDescriptionFactory(long sessionId) {
        this.sessionId = sessionId;
    }

    /**
     * What our m-sections say of the bundle's transports: ICE credentials, fingerprints, DTLS setup, and the
     * largest message its SCTP association takes (the data m-line's max-message-size, RFC 8841).
     */
    public record TransportAttributes(RTCIceParameters ice, List<RTCDtlsFingerprint> fingerprints, String setup,
                                      long maxMessageSize) {
    }

    /** A session of these sections; the accepted ones (port not 0) form the BUNDLE group, first one the tag. */
    public SessionDescription session(List<MediaDescription> sections) {
        return session(sections, true);
    }

    /**
     * A session of these sections, with a BUNDLE group of the accepted ones when {@code bundle}: an answer has
     * one only when the offer had one (RFC 8843 §7.3).
     */
    public SessionDescription session(List<MediaDescription> sections, boolean bundle) {
        SessionDescription sdp = SessionDescription.create(sessionId);
        sdp.setOrigin(sdp.origin().withSessionVersion(++sessionVersion));
        List<String> bundled = sections.stream().filter(m -> m.port() != 0 && m.mid() != null)
                .map(MediaDescription::mid).toList();
        if (bundle && !bundled.isEmpty()) {
            sdp.addAttribute("group", "BUNDLE " + String.join(" ", bundled));
        }
        sdp.addAttribute("extmap-allow-mixed", null);
        sdp.addAttribute("msid-semantic", " WMS");
        sections.forEach(sdp::addMedia);
        return sdp;
    }

    static MediaDescription applicationSection(String mid, TransportAttributes transport) {
        MediaDescription m = new MediaDescription("application", 9, "UDP/DTLS/SCTP", List.of("webrtc-datachannel"));
        m.setConnection("IN IP4 0.0.0.0");
        addTransportAttributes(m, transport);
        m.addAttribute("mid", mid);
        m.addAttribute("sctp-port", Integer.toString(SctpTransport.DEFAULT_PORT));
        m.addAttribute("max-message-size", Long.toString(transport.maxMessageSize()));
        return m;
    }

    /** An audio or video section (RFC 8829 §5.2.1): the transport attributes, then the RTP view. */
    static MediaDescription rtpSection(RtpMediaSection rtp, TransportAttributes transport) {
        MediaDescription m = new MediaDescription(rtp.kind(), 9, RtpMediaSection.JSEP_PROTOCOL,
                rtp.codecs().stream().map(c -> Integer.toString(c.payloadType())).toList());
        m.setConnection("IN IP4 0.0.0.0");
        m.addAttribute("rtcp", "9 IN IP4 0.0.0.0");
        addTransportAttributes(m, transport);
        rtp.writeTo(m);
        return m;
    }

    /** A rejected or stopped m-line: port 0, its formats and mid kept so the other side can match it. */
    static MediaDescription rejected(String media, String protocol, List<String> formats, String mid) {
        MediaDescription m = new MediaDescription(media, 0, protocol, formats);
        m.setConnection("IN IP4 0.0.0.0");
        if (mid != null) {
            m.addAttribute("mid", mid);
        }
        return m;
    }

    static MediaDescription rejected(MediaDescription remote) {
        return rejected(remote.media(), remote.protocol(), remote.formats(), remote.mid());
    }

    private static void addTransportAttributes(MediaDescription m, TransportAttributes transport) {
        m.addAttribute("ice-ufrag", transport.ice().usernameFragment());
        m.addAttribute("ice-pwd", transport.ice().password());
        m.addAttribute("ice-options", "trickle");
        for (RTCDtlsFingerprint fingerprint : transport.fingerprints()) {
            m.addAttribute("fingerprint", fingerprint.algorithm() + " " + fingerprint.value());
        }
        m.addAttribute("setup", transport.setup());
    }
}
