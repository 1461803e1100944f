package io.jrtc.ice;

/** The priority formulas of RFC 8445: candidates (§5.1.2.1) and pairs (§6.1.2.3). */
public final class IcePriority {
    private IcePriority() {
    }

    /** priority = 2^24 * type preference + 2^8 * local preference + (256 - component id). */
    public static long candidatePriority(int typePreference, int localPreference, int componentId) {
        if (typePreference < 0 || typePreference > 126) {
            throw new IllegalArgumentException("type preference must be 0..126: " + typePreference);
        }
        if (localPreference < 0 || localPreference > 65535) {
            throw new IllegalArgumentException("local preference must be 0..65535: " + localPreference);
        }
        if (componentId < 1 || componentId > 256) {
            throw new IllegalArgumentException("component id must be 1..256: " + componentId);
        }
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
    }

    /**
     * The type preference of a TCP host candidate: below every UDP type but relay, as libwebrtc does, so that UDP
     * wins wherever it works (RFC 6544 §4.2 leaves the transport preference to the agent).
     */
    public static final int TCP_HOST_TYPE_PREFERENCE = 90;
    /** The type preference of a peer-reflexive TCP candidate, below TCP host ones as in UDP. */
    public static final int TCP_PEER_REFLEXIVE_TYPE_PREFERENCE = 80;

    /**
     * The local preference of a TCP candidate (RFC 6544 §4.2): 2^13 * direction-pref + other-pref, other-pref
     * (0..8191) telling candidates of one direction apart, as the UDP local preference tells addresses apart.
     */
    public static int tcpLocalPreference(int directionPreference, int otherPreference) {
        if (directionPreference < 0 || directionPreference > 7) {
            throw new IllegalArgumentException("direction preference must be 0..7: " + directionPreference);
        }
        if (otherPreference < 0 || otherPreference > 8191) {
            throw new IllegalArgumentException("other preference must be 0..8191: " + otherPreference);
        }
        return (directionPreference << 13) + otherPreference;
    }

    /**
     * pair priority = 2^32 * MIN(G, D) + 2 * MAX(G, D) + (G > D ? 1 : 0), with G the controlling agent's candidate
     * priority and D the controlled agent's. The result is a 64-bit unsigned number: compare with
     * {@link Long#compareUnsigned}.
     */
    public static long pairPriority(long controllingPriority, long controlledPriority) {
        long min = Math.min(controllingPriority, controlledPriority);
        long max = Math.max(controllingPriority, controlledPriority);
        return (min << 32) + 2 * max + (controllingPriority > controlledPriority ? 1 : 0);
    }
}
