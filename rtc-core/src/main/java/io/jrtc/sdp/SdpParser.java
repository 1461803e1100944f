package io.jrtc.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8866 parser, liberal where real stacks stray from the grammar and the meaning is still clear, as browsers
 * are: CRLF, LF or both mixed; blanks (SP, HTAB) before or after a line and blank lines are dropped; fields of
 * o=, c=, t= and m= lines may be separated by several blanks; attribute values take their canonical form
 * ({@link AttributeCanonicalForm}). Strict about the rest (v/o/s first, line syntax, field grammars,
 * single-occurrence lines, lines allowed in media sections), failing with the 1-based number of the line as sent.
 * Unknown single-letter line types are ignored as RFC 8866 §5 permits; unknown attributes are kept.
 */
final class SdpParser {
    private final List<String> lines;
    /** The 1-based number, in the text as sent, of each entry of {@link #lines}. */
    private final List<Integer> lineNumbers;
    private int index;
    private SessionDescription session;
    private MediaDescription media;
    private boolean seenTime;

    private SdpParser(List<String> lines, List<Integer> lineNumbers) {
        this.lines = lines;
        this.lineNumbers = lineNumbers;
    }

    static SessionDescription parse(String sdp) throws SdpParseException {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int start = 0;
        for (int number = 1; start <= sdp.length(); number++) {
            int end = sdp.indexOf('\n', start);
            if (end < 0) {
                end = sdp.length();
            }
            String line = trim(sdp, start, end);
            if (!line.isEmpty()) {
                lines.add(line);
                numbers.add(number);
            }
            start = end + 1;
        }
        return new SdpParser(lines, numbers).run();
    }

    /** The line between two offsets without leading blanks and without trailing blanks or CRs (CRLF endings). */
    private static String trim(String sdp, int start, int end) {
        while (end > start && (SdpSyntax.isBlank(sdp.charAt(end - 1)) || sdp.charAt(end - 1) == '\r')) {
            end--;
        }
        while (start < end && SdpSyntax.isBlank(sdp.charAt(start))) {
            start++;
        }
        return sdp.substring(start, end);
    }

    private SessionDescription run() throws SdpParseException {
        if (lines.isEmpty()) {
            throw new SdpParseException(0, "", "empty description");
        }
        index = 0;
        checkLineSyntax();
        if (!lines.get(0).equals("v=0")) {
            throw error("the first line must be v=0", 0);
        }
        String originValue = requiredHeader(1, 'o');
        String nameValue = requiredHeader(2, 's');
        try {
            index = 1;
            Origin origin = Origin.parse(originValue);
            index = 2;
            session = new SessionDescription(origin, nameValue);
            for (index = 3; index < lines.size(); index++) {
                checkLineSyntax();
                String line = lines.get(index);
                char type = line.charAt(0);
                String value = line.substring(2);
                if (media == null) {
                    sessionLine(type, value);
                } else {
                    mediaLine(type, value);
                }
            }
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), index);
        }
        if (!seenTime) {
            throw new SdpParseException(0, "", "missing t= line");
        }
        return session;
    }

    private void checkLineSyntax() throws SdpParseException {
        String line = lines.get(index);
        if (line.length() < 2 || line.charAt(1) != '=') {
            throw error("expected <type>=<value>", index);
        }
        char type = line.charAt(0);
        if (type < 'a' || type > 'z') {
            throw error("line type must be a single lower-case letter", index);
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == 0) {
                throw error("stray CR or NUL character", index);
            }
        }
    }

    private String requiredHeader(int at, char type) throws SdpParseException {
        if (at >= lines.size()) {
            throw new SdpParseException(0, "", "missing " + type + "= line");
        }
        index = at;
        checkLineSyntax();
        String line = lines.get(at);
        if (line.charAt(0) != type) {
            throw error("expected an " + type + "= line here", at);
        }
        return line.substring(2);
    }

    private void sessionLine(char type, String value) throws SdpParseException {
        switch (type) {
            case 'i' -> {
                once(session.information() == null, type);
                session.setInformation(value);
            }
            case 'u' -> {
                once(session.uri() == null, type);
                session.setUri(value);
            }
            case 'e' -> session.addEmail(value);
            case 'p' -> session.addPhone(value);
            case 'c' -> {
                once(session.connection() == null, type);
                session.setConnection(value);
            }
            case 'b' -> session.addBandwidth(value);
            case 't' -> addTime(value);
            case 'r' -> addRepeat(value);
            case 'z' -> {
                once(session.timeZones() == null, type);
                session.setTimeZones(value);
            }
            case 'k' -> {
                once(session.encryptionKey() == null, type);
                session.setEncryptionKey(value);
            }
            case 'a' -> session.addAttribute(SdpAttribute.parse(value));
            case 'm' -> startMedia(value);
            case 'v', 'o', 's' -> throw error("duplicate " + type + "= line", index);
            default -> {
                // RFC 8866 §5: a parser may ignore line types it does not understand.
            }
        }
    }

    private void mediaLine(char type, String value) throws SdpParseException {
        switch (type) {
            case 'i' -> {
                once(media.information() == null, type);
                media.setInformation(value);
            }
            case 'c' -> media.addConnection(value);
            case 'b' -> media.addBandwidth(value);
            case 'k' -> {
                once(media.encryptionKey() == null, type);
                media.setEncryptionKey(value);
            }
            case 'a' -> media.addAttribute(SdpAttribute.parse(value));
            case 'm' -> startMedia(value);
            case 'v', 'o', 's', 'u', 'e', 'p', 't', 'r', 'z' ->
                    throw error(type + "= is not allowed in a media description", index);
            default -> {
                // Ignored like at session level.
            }
        }
    }

    private void addTime(String value) {
        TimeDescription time = TimeDescription.of(value);
        List<TimeDescription> times = new ArrayList<>(seenTime ? session.timeDescriptions() : List.of());
        times.add(time);
        session.setTimeDescriptions(times);
        seenTime = true;
    }

    private void addRepeat(String value) throws SdpParseException {
        if (!seenTime) {
            throw error("r= without a preceding t= line", index);
        }
        List<TimeDescription> times = new ArrayList<>(session.timeDescriptions());
        int last = times.size() - 1;
        times.set(last, times.get(last).withRepeat(value));
        session.setTimeDescriptions(times);
    }

    private void startMedia(String value) throws SdpParseException {
        if (!seenTime) {
            throw error("missing t= line before the first m= line", index);
        }
        media = MediaDescription.parseMediaLine(value);
        session.addMedia(media);
    }

    private void once(boolean first, char type) throws SdpParseException {
        if (!first) {
            throw error("duplicate " + type + "= line", index);
        }
    }

    private SdpParseException error(String reason, int at) {
        return new SdpParseException(lineNumbers.get(at), lines.get(at), reason);
    }
}
