package io.jrtc.pc;

import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes our offers and answers (JSEP, RFC 8829 §5.2 and §5.3). Today the data-channel m-line; audio and video
 * m-lines slot in beside it, each one {@link MediaDescription}, under one BUNDLE group.
 */
final class LocalDescriptionFactory {
    private final long sessionId;
    private long sessionVersion;

    LocalDescriptionFactory(long sessionId) {
        this.sessionId = sessionId;
    }

    /** What our m-sections share when bundled: ICE credentials, fingerprints and DTLS setup. */
    record TransportAttributes(RTCIceParameters ice, List<RTCDtlsFingerprint> fingerprints, String setup) {
    }

    SessionDescription offer(String applicationMid, TransportAttributes transport) {
        SessionDescription sdp = newSession();
        if (applicationMid != null) {
            sdp.addAttribute("group", "BUNDLE " + applicationMid);
            sdp.addMedia(applicationSection(applicationMid, transport));
        }
        return sdp;
    }

    /**
     * Answers each remote m-line in order: the first data-channel m-line is accepted, every other one is
     * rejected with port 0 (RFC 8829 §5.3.1) until media lands.
     */
    SessionDescription answer(SessionDescription remoteOffer, TransportAttributes transport) {
        SessionDescription sdp = newSession();
        List<MediaDescription> sections = new ArrayList<>();
        String accepted = null;
        for (MediaDescription remote : remoteOffer.media()) {
            boolean application = remote.media().equals("application") && remote.port() != 0
                    && remote.protocol().toUpperCase().contains("SCTP");
            if (application && accepted == null) {
                accepted = remote.mid();
                sections.add(applicationSection(remote.mid(), transport));
            } else {
                sections.add(rejected(remote));
            }
        }
        if (accepted != null) {
            sdp.addAttribute("group", "BUNDLE " + accepted);
        }
        for (MediaDescription section : sections) {
            sdp.addMedia(section);
        }
        return sdp;
    }

    private SessionDescription newSession() {
        SessionDescription sdp = SessionDescription.create(sessionId);
        sdp.setOrigin(sdp.origin().withSessionVersion(++sessionVersion));
        sdp.addAttribute("extmap-allow-mixed", null);
        sdp.addAttribute("msid-semantic", " WMS");
        return sdp;
    }

    private static MediaDescription applicationSection(String mid, TransportAttributes transport) {
        MediaDescription m = new MediaDescription("application", 9, "UDP/DTLS/SCTP", List.of("webrtc-datachannel"));
        m.setConnection("IN IP4 0.0.0.0");
        m.addAttribute("ice-ufrag", transport.ice().usernameFragment());
        m.addAttribute("ice-pwd", transport.ice().password());
        m.addAttribute("ice-options", "trickle");
        for (RTCDtlsFingerprint fingerprint : transport.fingerprints()) {
            m.addAttribute("fingerprint", fingerprint.algorithm() + " " + fingerprint.value());
        }
        m.addAttribute("setup", transport.setup());
        m.addAttribute("mid", mid);
        m.addAttribute("sctp-port", Integer.toString(RTCSctpTransport.DEFAULT_PORT));
        m.addAttribute("max-message-size", Long.toString(RTCSctpTransport.MAX_MESSAGE_SIZE));
        return m;
    }

    private static MediaDescription rejected(MediaDescription remote) {
        MediaDescription m = new MediaDescription(remote.media(), 0, remote.protocol(), remote.formats());
        m.setConnection("IN IP4 0.0.0.0");
        if (remote.mid() != null) {
            m.addAttribute("mid", remote.mid());
        }
        return m;
    }
}
