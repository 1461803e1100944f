package io.jrtc.ice;

import java.util.Locale;

/** Candidate types (RFC 8445 §5.1.1, RFC 8839 §5.1 "typ"), printed as in SDP. */
public enum IceCandidateType {
    HOST("host"), SRFLX("srflx"), PRFLX("prflx"), RELAY("relay");

    private final String sdpName;

    IceCandidateType(String sdpName) {
        this.sdpName = sdpName;
    }

    /** Parses an SDP candidate type, case-insensitively. */
    public static IceCandidateType fromString(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (IceCandidateType t : values()) {
            if (t.sdpName.equals(lower)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown candidate type: " + s);
    }

    /** The type preference of RFC 8445 §5.1.2.2: host 126, peer-reflexive 110, server-reflexive 100, relay 0. */
    public int typePreference() {
        return switch (this) {
            case HOST -> 126;
            case PRFLX -> 110;
            case SRFLX -> 100;
            case RELAY -> 0;
        };
    }

    @Override
    public String toString() {
        return sdpName;
    }
}
