package io.jrtc.pc;

import io.jrtc.sdp.Fingerprint;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import java.util.List;
import java.util.Locale;

/**
 * A parsed remote description and what the transports need from it, checked once on arrival so that a wrong
 * description fails {@code setRemoteDescription} with a reason, not the connection later.
 */
record RemoteDescription(SessionDescription sdp, MediaDescription transport, MediaDescription application,
                         RTCIceParameters ice, List<RTCDtlsFingerprint> fingerprints, String setup, int sctpPort,
                         long maxMessageSize) {

    static SessionDescription parse(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (SdpParseException e) {
            throw new SdpSyntaxError(e.getMessage(), e.lineNumber(), e);
        }
    }

    /**
     * Reads the transport parameters of the first accepted m-line, which carries the bundle's transport (RFC 8843
     * §7: every section is bundled on it), and notes the first data-channel m-line; either may be null.
     */
    static RemoteDescription of(SessionDescription sdp, RTCSdpType type) {
        MediaDescription transport = null;
        MediaDescription application = null;
        for (MediaDescription m : sdp.media()) {
            if (m.port() == 0 || !isUsable(m)) {
                continue;
            }
            transport = transport == null ? m : transport;
            if (application == null && m.media().equals("application")) {
                application = m;
            }
        }
        if (transport == null) {
            return new RemoteDescription(sdp, null, null, null, List.of(), null, 0, 0);
        }
        String mid = transport.mid();
        String ufrag = sdp.iceUfrag(transport);
        String pwd = sdp.icePwd(transport);
        if (ufrag == null || pwd == null) {
            throw new InvalidAccessError("m-line " + mid + " has no a=ice-ufrag / a=ice-pwd");
        }
        List<Fingerprint> sdpFingerprints = sdp.fingerprints(transport);
        if (sdpFingerprints.isEmpty()) {
            throw new InvalidAccessError("m-line " + mid + " has no a=fingerprint: DTLS cannot be authenticated");
        }
        String setup = sdp.setup(transport);
        if (setup == null) {
            setup = type == RTCSdpType.OFFER ? "actpass" : "active";
        }
        if (!List.of("actpass", "active", "passive").contains(setup)) {
            throw new InvalidAccessError("m-line " + mid + " has an unknown a=setup:" + setup);
        }
        if (type != RTCSdpType.OFFER && setup.equals("actpass")) {
            throw new InvalidAccessError("an answer must say a=setup:active or passive, not actpass");
        }
        Integer port = application == null ? null : application.sctpPort();
        Long maxMessageSize = application == null ? null : application.maxMessageSize();
        List<RTCDtlsFingerprint> fingerprints = sdpFingerprints.stream()
                .map(f -> new RTCDtlsFingerprint(f.algorithm(), f.value())).toList();
        return new RemoteDescription(sdp, transport, application, new RTCIceParameters(ufrag, pwd, sdp.iceLite()),
                fingerprints, setup, port == null ? RTCSctpTransport.DEFAULT_PORT : port,
                maxMessageSize == null ? RTCSctpTransport.DEFAULT_REMOTE_MAX_MESSAGE_SIZE : maxMessageSize);
    }

    /**
     * An answer (or pranswer) must answer our offer m-line by m-line: as many m-lines, with the same mids
     * (RFC 8829 §5.3.1, §5.8).
     *
     * @param offer our pending offer, or null when there is none to compare with
     */
    void checkAnswers(RTCSessionDescription offer) {
        if (offer == null) {
            return;
        }
        SessionDescription ours = parse(offer.sdp());
        if (ours.media().size() != sdp.media().size()) {
            throw new InvalidAccessError("the answer has " + sdp.media().size() + " m-lines but the offer has "
                    + ours.media().size());
        }
        for (int i = 0; i < ours.media().size(); i++) {
            String offered = ours.media().get(i).mid();
            String answered = sdp.media().get(i).mid();
            if (offered != null && answered != null && !offered.equals(answered)) {
                throw new InvalidAccessError("m-line " + i + " of the answer has mid " + answered
                        + " but the offer has " + offered);
            }
        }
    }

    /** The remote's DTLS role as the parameters of {@link RTCDtlsTransport#start} want it. */
    RTCDtlsRole remoteDtlsRole() {
        return switch (setup) {
            case "active" -> RTCDtlsRole.CLIENT;
            case "passive" -> RTCDtlsRole.SERVER;
            default -> RTCDtlsRole.SERVER;  // actpass: we answer active and become the client (RFC 8842 §5.1)
        };
    }

    /** Data channels over SCTP, or audio and video over SRTP (RFC 8829 §5.1.2, §5.1.3); nothing else is ours. */
    static boolean isUsable(MediaDescription m) {
        String protocol = m.protocol().toUpperCase(Locale.ROOT);
        return switch (m.media()) {
            case "application" -> protocol.contains("SCTP");
            case "audio", "video" -> protocol.contains("RTP/SAVP");
            default -> false;
        };
    }

    /** Whether a trickled candidate's mid or m-line index names an accepted m-line (they share one transport). */
    boolean accepts(String mid, Integer index) {
        if (mid != null) {
            return sdp.media().stream().anyMatch(m -> mid.equals(m.mid()) && m.port() != 0);
        }
        return index != null && index >= 0 && index < sdp.media().size() && sdp.media().get(index).port() != 0;
    }

    String transportMid() {
        return transport == null ? null : transport.mid();
    }

    int transportIndex() {
        return transport == null ? -1 : sdp.media().indexOf(transport);
    }

    String applicationMid() {
        return application == null ? null : application.mid();
    }

    int applicationIndex() {
        return application == null ? -1 : sdp.media().indexOf(application);
    }
}
