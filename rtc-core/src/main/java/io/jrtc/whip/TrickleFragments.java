package io.jrtc.whip;

import io.jrtc.pc.RTCIceCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code application/trickle-ice-sdpfrag} bodies (RFC 8840, RFC 9725 section 4.3): the client's candidates and
 * ICE credentials going out, the endpoint's new credentials and candidates coming back from an ICE restart.
 */
final class TrickleFragments {
    static final String MEDIA_TYPE = "application/trickle-ice-sdpfrag";

    private TrickleFragments() {
    }

    /** The endpoint's side of an ICE restart: its new credentials and candidates. */
    record ServerFragment(String ufrag, String pwd, List<RTCIceCandidate> candidates) {
    }

    /**
     * A fragment carrying {@code localSdp}'s ICE credentials and {@code candidates} under the first media section
     * (the bundle's transport, the only one a bundled session gathers on), ending with end-of-candidates when
     * {@code complete}.
     */
    static String candidates(String localSdp, List<RTCIceCandidate> candidates, boolean complete) {
        StringBuilder fragment = new StringBuilder();
        sessionLines(localSdp, fragment);
        String mLine = firstLine(localSdp, "m=");
        String mid = firstLine(localSdp, "a=mid:");
        if (mLine != null) {
            String[] fields = mLine.substring(2).split(" ");
            fragment.append("m=").append(fields[0]).append(" 9 ").append(fields.length > 2 ? fields[2] : "UDP/DTLS")
                    .append(fields.length > 3 ? " " + fields[3] : " 0").append("\r\n");
        }
        if (mid != null) {
            fragment.append(mid).append("\r\n");
        }
        for (RTCIceCandidate candidate : candidates) {
            fragment.append("a=").append(candidate.getCandidate()).append("\r\n");
        }
        if (complete) {
            fragment.append("a=end-of-candidates\r\n");
        }
        return fragment.toString();
    }

    private static void sessionLines(String localSdp, StringBuilder fragment) {
        String group = firstLine(localSdp, "a=group:BUNDLE");
        if (group != null) {
            fragment.append(group).append("\r\n");
        }
        fragment.append(firstLine(localSdp, "a=ice-ufrag:")).append("\r\n");
        fragment.append(firstLine(localSdp, "a=ice-pwd:")).append("\r\n");
    }

    static ServerFragment parseServer(String body) {
        String ufrag = null;
        String pwd = null;
        String mid = null;
        int mLineIndex = -1;
        List<RTCIceCandidate> candidates = new ArrayList<>();
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                mLineIndex++;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.startsWith("a=ice-ufrag:") && ufrag == null) {
                ufrag = line.substring(12);
            } else if (line.startsWith("a=ice-pwd:") && pwd == null) {
                pwd = line.substring(10);
            } else if (line.startsWith("a=candidate:")) {
                candidates.add(new RTCIceCandidate(line.substring(2), mid, Math.max(mLineIndex, 0)));
            }
        }
        if (ufrag == null || pwd == null) {
            throw new IllegalArgumentException("the ICE restart answer carries no ice-ufrag and ice-pwd: " + body);
        }
        return new ServerFragment(ufrag, pwd, candidates);
    }

    /**
     * The endpoint's previous answer with its ICE credentials replaced by the restarted ones and its candidates
     * dropped (the new ones are added as remote candidates): the answer to the client's ICE-restart offer.
     */
    static String restartedAnswer(String previousAnswer, ServerFragment server) {
        StringBuilder answer = new StringBuilder();
        for (String line : previousAnswer.split("\r?\n")) {
            if (line.startsWith("a=ice-ufrag:")) {
                answer.append("a=ice-ufrag:").append(server.ufrag()).append("\r\n");
            } else if (line.startsWith("a=ice-pwd:")) {
                answer.append("a=ice-pwd:").append(server.pwd()).append("\r\n");
            } else if (!line.startsWith("a=candidate:") && !line.startsWith("a=end-of-candidates")
                    && !line.isEmpty()) {
                answer.append(line).append("\r\n");
            }
        }
        return answer.toString();
    }

    /** The candidate lines of {@code sdp}, without their {@code a=} prefix. */
    static List<String> candidateLines(String sdp) {
        List<String> lines = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("a=candidate:")) {
                lines.add(line.substring(2).strip());
            }
        }
        return lines;
    }

    private static String firstLine(String sdp, String prefix) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return line.strip();
            }
        }
        return null;
    }
}
