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
