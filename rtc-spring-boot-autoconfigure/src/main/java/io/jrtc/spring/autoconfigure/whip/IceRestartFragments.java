package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.List;

/**
 * The SDP text of an ICE restart over WHIP (RFC 9725 section 4.3.2): the client PATCHes a trickle-ICE fragment with
 * new credentials; the server applies it as a new remote offer (its current one with the new credentials, without
 * the old candidates, and a higher session version, RFC 3264 section 8) and answers with a fragment of its own new
 * credentials and candidates (RFC 8840 section 9).
 */
final class IceRestartFragments {
    private IceRestartFragments() {
    }

    /** The current remote offer with the fragment's credentials in place of the old ones. */
    static String restartedOffer(String currentOffer, String ufrag, String pwd) {
        StringBuilder offer = new StringBuilder();
        for (String line : currentOffer.split("\r?\n")) {
            if (line.startsWith("a=candidate:") || line.equals("a=end-of-candidates") || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("a=ice-ufrag:")) {
                line = "a=ice-ufrag:" + ufrag;
            } else if (line.startsWith("a=ice-pwd:")) {
                line = "a=ice-pwd:" + pwd;
            } else if (line.startsWith("o=")) {
                line = withNextVersion(line);
            }
            offer.append(line).append("\r\n");
        }
        return offer.toString();
    }

    /** o=username sess-id sess-version ...: the version plus one. */
    private static String withNextVersion(String originLine) {
        String[] fields = originLine.split(" ");
        if (fields.length >= 3) {
            try {
                fields[2] = Long.toUnsignedString(Long.parseUnsignedLong(fields[2]) + 1);
            } catch (NumberFormatException notANumber) {
                return originLine;
            }
        }
        return String.join(" ", fields);
    }

    /**
     * The server's answer fragment: the local description's credentials, and the candidates and end marker of its
     * first media section (everything is bundled on it), with that section's m-line and mid.
     */
    static String answerFragment(String localDescription) {
        String ufrag = null;
        String pwd = null;
        String mLine = null;
        String mid = null;
        List<String> candidates = new ArrayList<>();
        boolean end = false;
        int section = 0;
        for (String line : localDescription.split("\r?\n")) {
            if (line.startsWith("m=")) {
                section++;
                if (section == 1) {
                    mLine = line;
                }
            } else if (line.startsWith("a=ice-ufrag:") && ufrag == null) {
                ufrag = line;
            } else if (line.startsWith("a=ice-pwd:") && pwd == null) {
                pwd = line;
            } else if (section == 1 && line.startsWith("a=mid:")) {
                mid = line;
            } else if (section == 1 && line.startsWith("a=candidate:")) {
                candidates.add(line);
            } else if (section == 1 && line.equals("a=end-of-candidates")) {
                end = true;
            }
        }
        StringBuilder fragment = new StringBuilder();
        appendLine(fragment, ufrag);
        appendLine(fragment, pwd);
        appendLine(fragment, mLine);
        appendLine(fragment, mid);
        candidates.forEach(line -> appendLine(fragment, line));
        if (end) {
            appendLine(fragment, "a=end-of-candidates");
        }
        return fragment.toString();
    }

    private static void appendLine(StringBuilder text, String line) {
        if (line != null) {
            text.append(line).append("\r\n");
        }
    }
}
