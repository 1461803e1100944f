package io.jrtc.sdp;

/**
 * An SDP text that does not follow RFC 8866 (or the attribute grammars this package validates). Carries the
 * 1-based number and the text of the offending line, or line number 0 when the problem is not tied to one line.
 */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_LINE = 40;

    private final int lineNumber;
    private final String line;

    public SdpParseException(int lineNumber, String line, String reason) {
        super(describe(lineNumber, line, reason));
        this.lineNumber = lineNumber;
        this.line = line == null ? "" : line;
    }

    /** The 1-based line number, 0 when the error concerns the description as a whole. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The full text of the offending line (without line ending), empty when not line-specific. */
    public String line() {
        return line;
    }

    private static String describe(int lineNumber, String line, String reason) {
        if (lineNumber <= 0) {
            return "SDP: " + reason;
        }
        String quoted = line == null ? "" : line;
        if (quoted.length() > MAX_QUOTED_LINE) {
            quoted = quoted.substring(0, MAX_QUOTED_LINE) + "...";
        }
        return "SDP line " + lineNumber + " (" + quoted + "): " + reason;
    }
}
