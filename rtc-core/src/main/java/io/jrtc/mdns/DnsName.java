package io.jrtc.mdns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Domain names on the wire (RFC 1035 §3.1, §4.1.4): length-prefixed labels ending in a zero byte, where a label
 * may instead be a pointer to an earlier name in the message. Names are compared case-insensitively (RFC 6762
 * §16), so {@link #normalize} lower-cases ASCII and drops a trailing dot.
 */
public final class DnsName {
    /** RFC 1035 §2.3.4: 255 octets on the wire, 63 per label. */
    static final int MAX_WIRE_LENGTH = 255;
    static final int MAX_LABEL = 63;
    private static final int POINTER = 0xC0;

    private DnsName() {
    }

    /** The form names are compared in: ASCII lower case, no trailing dot. */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * Reads a name at the reader's position and leaves the reader after it (after the first pointer, if any).
     * Pointers must point strictly backwards, which rules out loops; the expanded name must fit 255 octets.
     */
    static String read(DnsReader reader) throws DnsParseException {
        StringBuilder name = new StringBuilder();
        int wireLength = 1;
        int resumeAt = -1;
        int labelStart = reader.position();
        while (true) {
            int length = reader.u8();
            if (length == 0) {
                break;
            }
            if ((length & POINTER) == POINTER) {
                int target = ((length & 0x3F) << 8) | reader.u8();
                if (target >= labelStart) {
                    throw new DnsParseException("compression pointer to " + target + " does not point backwards");
                }
                if (resumeAt < 0) {
                    resumeAt = reader.position();
                }
                reader.seek(target);
                labelStart = target;
                continue;
            }
            if ((length & POINTER) != 0) {
                throw new DnsParseException("reserved label type " + Integer.toHexString(length));
            }
            wireLength += length + 1;
            if (wireLength > MAX_WIRE_LENGTH) {
                throw new DnsParseException("name longer than 255 octets");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            String label = new String(reader.bytes(length), StandardCharsets.ISO_8859_1);
            // Names are handled as dotted text: a dot inside a label would split it into others when written back
            // (found by the mDNS fuzz target). No host name has one (RFC 6762 §16 allows it, nothing we use needs it).
            if (label.indexOf('.') >= 0) {
                throw new DnsParseException("a label holds a dot: '" + label + "'");
            }
            name.append(label);
        }
        if (resumeAt >= 0) {
            reader.seek(resumeAt);
        }
        return name.toString();
    }

    /**
     * Writes {@code name} uncompressed.
     *
     * @throws IllegalArgumentException when a label is empty or longer than 63 octets, or the name longer than 255
     */
    static void write(ByteArrayOutputStream out, String name) {
        String plain = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int wireLength = 1;
        if (!plain.isEmpty()) {
            for (String label : plain.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
                if (bytes.length == 0 || bytes.length > MAX_LABEL) {
                    throw new IllegalArgumentException("label of " + bytes.length + " octets in '" + name + "'");
                }
                wireLength += bytes.length + 1;
                out.write(bytes.length);
                out.write(bytes, 0, bytes.length);
            }
        }
        if (wireLength > MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("name longer than 255 octets: '" + name + "'");
        }
        out.write(0);
    }
}
