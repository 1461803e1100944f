package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateParseException;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import java.nio.charset.StandardCharsets;

/**
 * SDP (RFC 8866) as a remote peer or an HTTP client sends it: parse, read what negotiation reads (ICE, DTLS,
 * bundle, the RTP section of each m-line, candidates), then write it back and parse that again. Only the
 * parsers' declared exceptions may leave.
 */
class SdpFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void sessionDescription(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        InputBudget.within(() -> {
            SessionDescription sdp;
            try {
                sdp = SessionDescription.parse(text);
            } catch (SdpParseException e) {
                return;
            }
            sdp.bundleGroups();
            sdp.iceLite();
            for (MediaDescription m : sdp.media()) {
                readMedia(sdp, m);
            }
            String written = sdp.toString();
            SessionDescription again = SessionDescription.parse(written);
            if (!again.toString().equals(written)) {
                throw new AssertionError("writing what was parsed is not stable:\n" + written + "\n---\n" + again);
            }
        });
    }

    private static void readMedia(SessionDescription sdp, MediaDescription m) {
        sdp.iceUfrag(m);
        sdp.icePwd(m);
        sdp.setup(m);
        sdp.iceOptions(m);
        try {
            sdp.fingerprints(m);
        } catch (IllegalArgumentException e) {
            // Fingerprint.parse documents this for a malformed a=fingerprint.
        }
        m.mid();
        m.sctpPort();
        m.maxMessageSize();
        m.direction();
        m.rtcpMux();
        m.connections();
        m.bandwidths();
        for (String candidate : m.candidates()) {
            try {
                IceCandidate.parse(candidate);
            } catch (IceCandidateParseException e) {
                continue;
            }
        }
        try {
            RtpMediaSection.parse(m);
        } catch (SdpParseException e) {
            return;
        }
    }
}
