package io.jrtc.pc;

import io.jrtc.sdp.Fingerprint;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import java.util.List;

/**
 * A parsed remote description and what the transports need from it, checked once on arrival so that a wrong
 * description fails {@code setRemoteDescription} with a reason, not the connection later.
 */
record RemoteDescription(SessionDescription sdp, MediaDescription application, RTCIceParameters ice,
                         List<RTCDtlsFingerprint> fingerprints, String setup, int sctpPort, long maxMessageSize) {

    static SessionDescription parse(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (SdpParseException e) {
            throw new SdpSyntaxError(e.getMessage(), e.lineNumber(), e);
        }
    }

    /** Reads the transport parameters of the first usable data-channel m-line; {@code application} may be null. */
    static RemoteDescription of(SessionDescription sdp, RTCSdpType type) {
        MediaDescription application = null;
        for (MediaDescription m : sdp.media()) {
            if (m.media().equals("application") && m.port() != 0) {
                application = m;
                break;
            }
        }
        if (application == null) {
            return new RemoteDescription(sdp, null, null, List.of(), null, 0, 0);
        }
        String mid = application.mid();
        String ufrag = sdp.iceUfrag(application);
        String pwd = sdp.icePwd(application);
        if (ufrag == null || pwd == null) {
            throw new InvalidAccessError("m-line " + mid + " has no a=ice-ufrag / a=ice-pwd");
        }
        List<Fingerprint> sdpFingerprints = sdp.fingerprints(application);
        if (sdpFingerprints.isEmpty()) {
            throw new InvalidAccessError("m-line " + mid + " has no a=fingerprint: DTLS cannot be authenticated");
        }
        String setup = sdp.setup(application);
        if (setup == null) {
            setup = type == RTCSdpType.OFFER ? "actpass" : "active";
        }
        if (!List.of("actpass", "active", "passive").contains(setup)) {
            throw new InvalidAccessError("m-line " + mid + " has an unknown a=setup:" + setup);
        }
        if (type != RTCSdpType.OFFER && setup.equals("actpass")) {
            throw new InvalidAccessError("an answer must say a=setup:active or passive, not actpass");
        }
        Integer port = application.sctpPort();
        Long maxMessageSize = application.maxMessageSize();
        List<RTCDtlsFingerprint> fingerprints = sdpFingerprints.stream()
                .map(f -> new RTCDtlsFingerprint(f.algorithm(), f.value())).toList();
        return new RemoteDescription(sdp, application, new RTCIceParameters(ufrag, pwd, sdp.iceLite()),
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

    String applicationMid() {
        return application == null ? null : application.mid();
    }

    int applicationIndex() {
        return application == null ? -1 : sdp.media().indexOf(application);
    }
}
