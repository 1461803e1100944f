package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.InvalidAccessError;
import io.jrtc.pc.RTCDtlsFingerprint;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.SdpSyntaxError;
import io.jrtc.pc.internal.transport.SctpTransport;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.sdp.Fingerprint;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import java.util.List;
import java.util.Locale;

/**
 * A parsed remote description and what the transports need from it, checked once on arrival so that a wrong
 * description fails {@code setRemoteDescription} with a reason, not the connection later.
 */
public record RemoteDescription(SessionDescription sdp, MediaDescription transport, MediaDescription application,
                         RTCIceParameters ice, List<RTCDtlsFingerprint> fingerprints, String setup, int sctpPort,
                         long maxMessageSize) {

    public static SessionDescription parse(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (SdpParseException e) {
            throw new SdpSyntaxError(e.getMessage(), e.lineNumber(), e);
        }
    }

    /**
     * Checks the RTP attributes (rtpmap, fmtp, rtcp-fb, extmap, ssrc, msid, ...) of every accepted audio or video
     * m-line, as browsers parse them in setRemoteDescription: a malformed one fails the whole description with its
     * line (Chrome: "Failed to parse SessionDescription ... Invalid SDP line"). A format without an rtpmap is no
     * syntax error; such an m-line is rejected when answering.
     *
     * @throws SdpSyntaxError naming the first malformed RTP attribute line
     */
    public static void checkRtpAttributes(SessionDescription sdp, String text) {
        String[] lines = text.split("\r?\n", -1);
        int mLine = -1;
        int searchFrom = 0;
        for (MediaDescription m : sdp.media()) {
            mLine = nextMediaLine(lines, searchFrom);
            searchFrom = mLine + 1;
            if (m.port() == 0 || !isUsable(m) || m.media().equals("application")) {
                continue;
            }
            try {
                RtpMediaSection.parse(m);
            } catch (SdpParseException e) {
                if (!e.line().startsWith("a=")) {
                    continue;
                }
                int number = lineOf(lines, e.line(), mLine);
                throw new SdpSyntaxError("line " + number + ": " + e.getMessage() + " (" + e.line() + ")", number, e);
            } catch (IllegalArgumentException e) {
                // a well-formed section the RTP view cannot hold: not a syntax error, the m-line is rejected
            }
        }
    }

    /**
     * Every accepted audio or video m-line must multiplex RTCP on the RTP port (RFC 8829 §4.1.1: the rtcpMuxPolicy
     * is "require"; RFC 5761); Chrome fails such a description with "RTCP-MUX is not enabled when it is required".
     *
     * @throws InvalidAccessError naming the m-line
     */
    public static void checkRtcpMux(SessionDescription sdp) {
        for (MediaDescription m : sdp.media()) {
            if (m.port() != 0 && isUsable(m) && !m.media().equals("application") && !m.hasAttribute("rtcp-mux")) {
                throw new InvalidAccessError(RTCErrorReason.MISSING_RTCP_MUX,
                        "the m-line with mid " + m.mid() + " has no a=rtcp-mux, which is "
                        + "required");
            }
        }
    }

    /**
     * Takes the bundle-only m-lines of a remote offer (RFC 8843 §6, §7.2: port 0 with {@code a=bundle-only}, inside
     * a BUNDLE group; what a JSEP offerer with bundlePolicy "max-bundle" sends, RFC 8829 §5.2.1) as accepted ones:
     * they share the group's transport, so only the port says otherwise. Changes the parsed view, not the text.
     */
    public static void acceptBundleOnly(SessionDescription sdp) {
        java.util.Set<String> bundled = new java.util.HashSet<>();
        sdp.bundleGroups().forEach(bundled::addAll);
        for (MediaDescription m : sdp.media()) {
            if (m.port() == 0 && m.hasAttribute("bundle-only") && m.mid() != null && bundled.contains(m.mid())) {
                m.setPort(9);
            }
        }
    }

    /**
     * Mids name one m-line each (RFC 8843 §7.1, RFC 5888 §5), and a BUNDLE group names only mids that exist, as
     * Chrome checks ("Duplicate a=mid value", "A BUNDLE group contains a MID ... matching no m= section").
     *
     * @throws InvalidAccessError naming the mid
     */
    public static void checkMids(SessionDescription sdp) {
        java.util.Set<String> mids = new java.util.HashSet<>();
        for (MediaDescription m : sdp.media()) {
            if (m.mid() != null && !mids.add(m.mid())) {
                throw new InvalidAccessError(RTCErrorReason.INVALID_MID, "two m-lines have the mid " + m.mid());
            }
        }
        for (List<String> group : sdp.bundleGroups()) {
            for (String mid : group) {
                if (!mids.contains(mid)) {
                    throw new InvalidAccessError(RTCErrorReason.INVALID_MID,
                            "the BUNDLE group names mid " + mid + ", which no m-line has");
                }
            }
        }
    }

    private static int nextMediaLine(String[] lines, int from) {
        for (int i = Math.max(from, 0); i < lines.length; i++) {
            if (lines[i].startsWith("m=")) {
                return i;
            }
        }
        return lines.length;
    }

    /** The 1-based number of the first line from {@code from} that is {@code wanted}, or 0 when none is. */
    private static int lineOf(String[] lines, String wanted, int from) {
        for (int i = Math.max(from, 0); i < lines.length; i++) {
            if (lines[i].trim().equals(wanted.trim())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The mids bundled with the first m-line (RFC 8843 §7.3.1: the group an answer may accept), or null. */
    public List<String> firstBundleGroup() {
        if (sdp.media().isEmpty()) {
            return null;
        }
        String first = sdp.media().get(0).mid();
        for (List<String> group : sdp.bundleGroups()) {
            if (first != null && group.contains(first)) {
                return group;
            }
        }
        return null;
    }

    /**
     * Reads the transport parameters of the first accepted m-line, which carries the bundle's transport (RFC 8843
     * §7: every section is bundled on it), and notes the first data-channel m-line; either may be null.
     */
    public static RemoteDescription of(SessionDescription sdp, RTCSdpType type) {
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
            throw new InvalidAccessError(RTCErrorReason.MISSING_ICE_CREDENTIALS,
                    "m-line " + mid + " has no a=ice-ufrag / a=ice-pwd");
        }
        List<Fingerprint> sdpFingerprints = sdp.fingerprints(transport);
        if (sdpFingerprints.isEmpty()) {
            throw new InvalidAccessError(RTCErrorReason.MISSING_FINGERPRINT,
                    "m-line " + mid + " has no a=fingerprint: DTLS cannot be authenticated");
        }
        String setup = sdp.setup(transport);
        if (setup == null) {
            setup = type == RTCSdpType.OFFER ? "actpass" : "active";
        }
        if (!List.of("actpass", "active", "passive").contains(setup)) {
            throw new InvalidAccessError(RTCErrorReason.INVALID_SETUP,
                    "m-line " + mid + " has an unknown a=setup:" + setup);
        }
        if (type != RTCSdpType.OFFER && setup.equals("actpass")) {
            throw new InvalidAccessError(RTCErrorReason.INVALID_SETUP,
                    "an answer must say a=setup:active or passive, not actpass");
        }
        Integer port = application == null ? null : application.sctpPort();
        Long maxMessageSize = application == null ? null : application.maxMessageSize();
        List<RTCDtlsFingerprint> fingerprints = sdpFingerprints.stream()
                .map(f -> new RTCDtlsFingerprint(f.algorithm(), f.value())).toList();
        return new RemoteDescription(sdp, transport, application, new RTCIceParameters(ufrag, pwd, sdp.iceLite()),
                fingerprints, setup, port == null ? SctpTransport.DEFAULT_PORT : port,
                maxMessageSize == null ? SctpTransport.DEFAULT_REMOTE_MAX_MESSAGE_SIZE : maxMessageSize);
    }

    /**
     * An answer (or pranswer) must answer our offer m-line by m-line: as many m-lines, with the same mids
     * (RFC 8829 §5.3.1, §5.8).
     *
     * @param offer our pending offer, or null when there is none to compare with
     */
    public void checkAnswers(RTCSessionDescription offer) {
        if (offer == null) {
            return;
        }
        SessionDescription ours = parse(offer.sdp());
        if (ours.media().size() != sdp.media().size()) {
            throw new InvalidAccessError(RTCErrorReason.ANSWER_MISMATCHES_OFFER,
                    "the answer has " + sdp.media().size() + " m-lines but the offer has "
                    + ours.media().size());
        }
        for (int i = 0; i < ours.media().size(); i++) {
            String offered = ours.media().get(i).mid();
            String answered = sdp.media().get(i).mid();
            if (offered != null && answered != null && !offered.equals(answered)) {
                throw new InvalidAccessError(RTCErrorReason.ANSWER_MISMATCHES_OFFER,
                        "m-line " + i + " of the answer has mid " + answered
                        + " but the offer has " + offered);
            }
        }
    }

    /** The remote's DTLS role as the parameters of DTLS transport's start want it. */
    public RTCDtlsRole remoteDtlsRole() {
        return switch (setup) {
            case "active" -> RTCDtlsRole.CLIENT;
            case "passive" -> RTCDtlsRole.SERVER;
            default -> RTCDtlsRole.SERVER;  // actpass: we answer active and become the client (RFC 8842 §5.1)
        };
    }

    /** Data channels over SCTP, or audio and video over SRTP (RFC 8829 §5.1.2, §5.1.3); nothing else is ours. */
    public static boolean isUsable(MediaDescription m) {
        String protocol = m.protocol().toUpperCase(Locale.ROOT);
        return switch (m.media()) {
            case "application" -> protocol.contains("SCTP");
            case "audio", "video" -> Transceivers.isRtp(m);
            default -> false;
        };
    }

    /** Whether a trickled candidate's mid or m-line index names an accepted m-line (they share one transport). */
    public boolean accepts(String mid, Integer index) {
        if (mid != null) {
            return sdp.media().stream().anyMatch(m -> mid.equals(m.mid()) && m.port() != 0);
        }
        return index != null && index >= 0 && index < sdp.media().size() && sdp.media().get(index).port() != 0;
    }

    public String transportMid() {
        return transport == null ? null : transport.mid();
    }

    public int transportIndex() {
        return transport == null ? -1 : sdp.media().indexOf(transport);
    }

    public String applicationMid() {
        return application == null ? null : application.mid();
    }

    public int applicationIndex() {
        return application == null ? -1 : sdp.media().indexOf(application);
    }
}
