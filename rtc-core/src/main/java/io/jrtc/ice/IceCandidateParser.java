package io.jrtc.ice;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The candidate-attribute grammar of RFC 8839 §5.1:
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port] *(SP cand-extension)
 * </pre>
 *
 * <p>Read liberally, as SDP attribute lines are (issue 9): an optional {@code a=} and {@code candidate:} prefix in
 * any case, with or without spaces after the colon; fields separated by any run of spaces or tabs, leading and
 * trailing whitespace (a CR or LF included) ignored; {@code typ}, the candidate type, the transport and the
 * {@code raddr}/{@code rport}/{@code tcptype} names in any case; unknown extensions skipped, a trailing
 * extension name without a value too. A {@code tcptype} is kept for TCP candidates (RFC 6544 §4.5) and dropped
 * from UDP ones. What we write stays canonical ({@link IceCandidate#toSdpValue()}).
 */
final class IceCandidateParser {
    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.0-9A-Z^_`a-z{|}~]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern BYTE_STRING = Pattern.compile("[^\\x00\\r\\n]+");
    /** IPv4, IPv6 or an FQDN: any run of printable characters without spaces. */
    private static final Pattern TOKEN_OR_ADDRESS = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    private IceCandidateParser() {
    }

    static IceCandidate parse(String value) throws IceCandidateParseException {
        if (value == null) {
            throw new IceCandidateParseException("no candidate");
        }
        String[] t = fields(value);
        if (t.length < 8) {
            throw new IceCandidateParseException("too few fields: " + value);
        }
        String foundation = require(t[0], ICE_CHARS, "foundation");
        int component = (int) number(t[1], 3, "component-id");
        String transport = require(t[2], TOKEN, "transport").toLowerCase(Locale.ROOT);
        long priority = number(t[3], 10, "priority");
        String address = require(t[4], TOKEN_OR_ADDRESS, "connection-address");
        int port = port(t[5]);
        if (!t[6].equalsIgnoreCase("typ")) {
            throw new IceCandidateParseException("expected \"typ\", found: " + t[6]);
        }
        IceCandidateType type = candidateType(t[7]);
        String relatedAddress = null;
        Integer relatedPort = null;
        String tcpType = null;
        int i = 8;
        if (i + 1 < t.length && t[i].equalsIgnoreCase("raddr")) {
            relatedAddress = require(t[i + 1], TOKEN_OR_ADDRESS, "rel-addr");
            i += 2;
        }
        if (i + 1 < t.length && t[i].equalsIgnoreCase("rport")) {
            relatedPort = port(t[i + 1]);
            i += 2;
        }
        for (; i + 1 < t.length; i += 2) {
            require(t[i], TOKEN, "extension name");
            require(t[i + 1], BYTE_STRING, "extension value");
            if (t[i].equalsIgnoreCase("tcptype")) {
                tcpType = t[i + 1].toLowerCase(Locale.ROOT);
            }
        }
        if (!transport.equals(IceCandidate.TCP)) {
            tcpType = null; // tcptype means nothing on a UDP candidate (RFC 6544 §4.5); some stacks write it anyway
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

    /**
     * The fields of a candidate attribute's value after any {@code a=} and {@code candidate:} prefix, split on runs
     * of whitespace.
     */
    private static String[] fields(String value) throws IceCandidateParseException {
        String s = attribute(value).substring("candidate:".length());
        if (s.isEmpty()) {
            throw new IceCandidateParseException("too few fields: " + value);
        }
        return WHITESPACE.split(s, -1);
    }

    /**
     * The candidate attribute as given, trimmed, with a single {@code candidate:} prefix and without {@code a=}: the
     * form the W3C {@code candidate} member carries.
     */
    static String attribute(String value) {
        String s = value.strip();
        if (s.regionMatches(true, 0, "a=", 0, 2)) {
            s = s.substring(2).stripLeading();
        }
        if (s.regionMatches(true, 0, "candidate:", 0, 10)) {
            s = s.substring(10).stripLeading();
        }
        return "candidate:" + s;
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
