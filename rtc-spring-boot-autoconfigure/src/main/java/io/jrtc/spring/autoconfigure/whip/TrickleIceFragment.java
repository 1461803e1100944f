package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RTCIceCandidate;

/**
 * An {@code application/trickle-ice-sdpfrag} body (RFC 8840 section 9): ICE credentials, m-line/mid markers, the
 * candidates of each media section, and end-of-candidates markers.
 *
 * @param iceUfrag       the session- or media-level a=ice-ufrag, or null
 * @param candidates     the a=candidate lines, with the mid and m-line index of the section they appear in
 * @param endOfCandidates whether an a=end-of-candidates line was present
 */
public record TrickleIceFragment(String iceUfrag, String icePwd, List<RTCIceCandidate> candidates,
        boolean endOfCandidates) {

    public static final String MEDIA_TYPE = "application/trickle-ice-sdpfrag";

    /** @throws IllegalArgumentException naming the line that is not part of a trickle fragment */
    public static TrickleIceFragment parse(String body) {
        String ufrag = null;
        String pwd = null;
        String mid = null;
        int mLineIndex = -1;
        boolean end = false;
        List<RTCIceCandidate> candidates = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                mLineIndex++;
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring(12);
            } else if (line.startsWith("a=ice-pwd:")) {
                pwd = line.substring(10);
            } else if (line.startsWith("a=candidate:")) {
                candidates.add(new RTCIceCandidate(line.substring(2), mid, Math.max(mLineIndex, 0), ufrag));
            } else if (line.equals("a=end-of-candidates")) {
                end = true;
            } else if (!line.startsWith("a=") && !line.startsWith("c=")) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not part of a trickle-ice-sdpfrag: "
                        + line);
            }
        }
        return new TrickleIceFragment(ufrag, pwd, List.copyOf(candidates), end);
    }
}
