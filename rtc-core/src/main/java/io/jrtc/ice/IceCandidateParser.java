package io.jrtc.ice;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The candidate-attribute grammar of RFC 8839 §5.1:
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port] *(SP cand-extension)
 * </pre>
 */
final class IceCandidateParser {
    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.0-9A-Z^_`a-z{|}~]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern BYTE_STRING = Pattern.compile("[^\\x00\\r\\n]+");
    /** IPv4, IPv6 or an FQDN: any run of printable characters without spaces. */
    private static final Pattern TOKEN_OR_ADDRESS = Pattern.compile("[\\x21-\\x7E]+");

    private IceCandidateParser() {
    }

    static IceCandidate parse(String value) throws IceCandidateParseException {
        if (value == null) {
            throw new IceCandidateParseException("no candidate");
        }
        String s = value.strip();
        if (s.startsWith("a=")) {
            s = s.substring(2);
        }
        if (s.regionMatches(true, 0, "candidate:", 0, 10)) {
            s = s.substring(10);
        }
        String[] t = s.split(" ", -1);
        if (t.length < 8) {
            throw new IceCandidateParseException("too few fields: " + value);
        }
        String foundation = require(t[0], ICE_CHARS, "foundation");
        int component = (int) number(t[1], 3, "component-id");
        String transport = require(t[2], TOKEN, "transport").toLowerCase(Locale.ROOT);
        long priority = number(t[3], 10, "priority");
        String address = require(t[4], TOKEN_OR_ADDRESS, "connection-address");
        int port = port(t[5]);
        if (!t[6].equals("typ")) {
            throw new IceCandidateParseException("expected \"typ\", found: " + t[6]);
        }
        IceCandidateType type = candidateType(t[7]);
        String relatedAddress = null;
        Integer relatedPort = null;
        String tcpType = null;
        int i = 8;
        if (i + 1 < t.length && t[i].equals("raddr")) {
            relatedAddress = require(t[i + 1], TOKEN_OR_ADDRESS, "rel-addr");
            i += 2;
        }
        if (i + 1 < t.length && t[i].equals("rport")) {
            relatedPort = port(t[i + 1]);
            i += 2;
        }
        for (; i < t.length; i += 2) {
            if (i + 1 >= t.length) {
                throw new IceCandidateParseException("extension without value: " + t[i]);
            }
            require(t[i], TOKEN, "extension name");
            require(t[i + 1], BYTE_STRING, "extension value");
            if (t[i].equals("tcptype")) {
                tcpType = t[i + 1];
            }
        }
        if (component < 1 || component > 256) {
            throw new IceCandidateParseException("component-id out of range: " + component);
        }
        if (priority > 0xFFFF_FFFFL) {
            throw new IceCandidateParseException("priority out of range: " + priority);
        }
        return new IceCandidate(foundation, component, transport, priority, address, port, type,
                relatedAddress, relatedPort, tcpType);
    }

    private static String require(String field, Pattern pattern, String name) throws IceCandidateParseException {
        if (!pattern.matcher(field).matches()) {
            throw new IceCandidateParseException("malformed " + name + ": \"" + field + "\"");
        }
        return field;
    }

    private static long number(String field, int maxDigits, String name) throws IceCandidateParseException {
        if (field.length() > maxDigits || !DIGITS.matcher(field).matches()) {
            throw new IceCandidateParseException("malformed " + name + ": \"" + field + "\"");
        }
        return Long.parseLong(field);
    }

    private static int port(String field) throws IceCandidateParseException {
        long p = number(field, 5, "port");
        if (p > 65535) {
            throw new IceCandidateParseException("port out of range: " + p);
        }
        return (int) p;
    }

    private static IceCandidateType candidateType(String field) throws IceCandidateParseException {
        try {
            return IceCandidateType.fromString(field);
        } catch (IllegalArgumentException e) {
            throw new IceCandidateParseException("unknown candidate type: " + field);
        }
    }
}
