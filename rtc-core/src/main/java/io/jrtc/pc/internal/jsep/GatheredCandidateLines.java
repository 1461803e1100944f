package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceGatheringState;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.internal.transport.IceGatherer;
import io.jrtc.sdp.SessionDescription;

/**
 * The local candidates gathered so far as {@code a=candidate} lines of the used m-lines, and
 * {@code a=end-of-candidates} once gathering is complete (RFC 8839 §5.1, RFC 8840 §4.1): what W3C's
 * localDescription shows, and what a non-trickling peer (WHIP) needs in one description.
 */
public final class GatheredCandidateLines {
    private GatheredCandidateLines() {
    }

    /** Appends the gatherer's candidates to every m-line with a port. */
    public static void addTo(SessionDescription sdp, IceGatherer gatherer) {
        if (gatherer == null) {
            return;
        }
        for (var m : sdp.media()) {
            if (m.port() == 0) {
                continue;
            }
            for (RTCIceCandidate candidate : gatherer.getLocalCandidates()) {
                m.addAttribute("candidate", candidate.getCandidate().substring("candidate:".length()));
            }
            if (gatherer.getState() == RTCIceGatheringState.COMPLETE) {
                m.addAttribute("end-of-candidates", null);
            }
        }
    }

    /** The description with its candidate lines replaced by the ones gathered by now. */
    public static RTCSessionDescription current(RTCSessionDescription description, IceGatherer gatherer) {
        if (description == null || gatherer == null || gatherer.getLocalCandidates().isEmpty()
                && gatherer.getState() != RTCIceGatheringState.COMPLETE) {
            return description;
        }
        SessionDescription sdp = RemoteDescription.parse(description.sdp());
        for (var m : sdp.media()) {
            m.removeAttributes("candidate");
            m.removeAttributes("end-of-candidates");
        }
        addTo(sdp, gatherer);
        return new RTCSessionDescription(sdp.toString(), description.type());
    }
}
