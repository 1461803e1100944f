package io.jrtc.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2). The session id stays a string because it may exceed a long; the version is
 * a long because JSEP (RFC 8829 §5.2.2) increments it on every new local description.
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addrType,
                     String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        if (!SdpSyntax.isNonWhitespace(username)) {
            throw new IllegalArgumentException("o= username is malformed");
        }
        if (!SdpSyntax.isDigits(sessionId)) {
            throw new IllegalArgumentException("o= session id must be decimal digits");
        }
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("o= session version must not be negative");
        }
        SdpSyntax.requireToken(netType, "o= nettype");
        SdpSyntax.requireToken(addrType, "o= addrtype");
        if (!SdpSyntax.isNonWhitespace(address)) {
            throw new IllegalArgumentException("o= address is malformed");
        }
    }

    /** Parses the text after {@code o=}; throws IllegalArgumentException when malformed. */
    public static Origin parse(String value) {
        String[] f = SdpSyntax.fields(value, "o= value");
        if (f.length != 6) {
            throw new IllegalArgumentException("o= needs 6 fields, found " + f.length);
        }
        long version = SdpSyntax.parseNonNegativeLong(f[2]);
        if (version < 0) {
            throw new IllegalArgumentException("o= session version is not a number that fits 63 bits");
        }
        return new Origin(f[0], f[1], version, f[3], f[4], f[5]);
    }

    /** The same origin with another session version (JSEP bumps it for each new description). */
    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    @Override
    public String toString() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}
