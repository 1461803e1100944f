package io.jrtc.ice;

import java.util.Locale;

/**
 * The direction of a TCP candidate, its SDP {@code tcptype} (RFC 6544 §4.5): an active one opens connections, a
 * passive one accepts them, a simultaneous-open one does both at once.
 */
public enum IceTcpType {
    ACTIVE("active"), PASSIVE("passive"), SO("so");

    private final String sdpName;

    IceTcpType(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The type named in SDP, case-insensitively; null for a missing or unknown one (which pairs with nothing). */
    public static IceTcpType fromSdp(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (IceTcpType t : values()) {
            if (t.sdpName.equals(lower)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The type a TCP candidate of ours pairs with (RFC 6544 §6.2): active with passive, passive with active,
     * simultaneous-open with simultaneous-open.
     */
    public IceTcpType counterpart() {
        return switch (this) {
            case ACTIVE -> PASSIVE;
            case PASSIVE -> ACTIVE;
            case SO -> SO;
        };
    }

    /**
     * The direction preference of RFC 6544 §4.2, the top three bits of a TCP candidate's local preference: for host
     * candidates active 6, passive 4, simultaneous-open 2 (reflexive and relayed ones order them the other way).
     */
    public int hostDirectionPreference() {
        return switch (this) {
            case ACTIVE -> 6;
            case PASSIVE -> 4;
            case SO -> 2;
        };
    }

    @Override
    public String toString() {
        return sdpName;
    }
}
