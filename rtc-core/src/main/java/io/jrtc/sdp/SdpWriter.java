package io.jrtc.sdp;

import java.util.List;

/** Writes a model as SDP text in the line order of RFC 8866 §5, each line ending in CRLF. */
final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    static String write(SessionDescription s) {
        StringBuilder sb = new StringBuilder(512);
        line(sb, 'v', "0");
        line(sb, 'o', s.origin().toString());
        line(sb, 's', s.sessionName());
        optional(sb, 'i', s.information());
        optional(sb, 'u', s.uri());
        lines(sb, 'e', s.emails());
        lines(sb, 'p', s.phones());
        optional(sb, 'c', s.connection());
        lines(sb, 'b', s.bandwidths());
        for (TimeDescription t : s.timeDescriptions()) {
            line(sb, 't', t.timing());
            lines(sb, 'r', t.repeats());
        }
        optional(sb, 'z', s.timeZones());
        optional(sb, 'k', s.encryptionKey());
        attributes(sb, s);
        for (MediaDescription m : s.media()) {
            writeMedia(sb, m);
        }
        return sb.toString();
    }

    static void writeMedia(StringBuilder sb, MediaDescription m) {
        sb.append("m=").append(m.media()).append(' ').append(m.port());
        if (m.numberOfPorts() != null) {
            sb.append('/').append(m.numberOfPorts());
        }
        sb.append(' ').append(m.protocol());
        for (String format : m.formats()) {
            sb.append(' ').append(format);
        }
        sb.append(CRLF);
        optional(sb, 'i', m.information());
        lines(sb, 'c', m.connections());
        lines(sb, 'b', m.bandwidths());
        optional(sb, 'k', m.encryptionKey());
        attributes(sb, m);
    }

    private static void attributes(StringBuilder sb, SdpSection section) {
        for (SdpAttribute a : section.attributes()) {
            sb.append("a=").append(a.name());
            if (a.value() != null) {
                sb.append(':').append(a.value());
            }
            sb.append(CRLF);
        }
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append(CRLF);
    }

    private static void optional(StringBuilder sb, char type, String value) {
        if (value != null) {
            line(sb, type, value);
        }
    }

    private static void lines(StringBuilder sb, char type, List<String> values) {
        for (String value : values) {
            line(sb, type, value);
        }
    }
}
