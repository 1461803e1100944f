package io.jrtc.spring.autoconfigure.cluster;

/**
 * Cluster mode was asked for without a usable {@code rtc.cluster.secret}: nodes could not tell each other from
 * anybody who reaches their internal endpoints, so the node refuses to start.
 */
public class ClusterSecretMissingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final boolean missing;

    public ClusterSecretMissingException(boolean missing) {
        super(missing ? "rtc.cluster.secret is not set"
                : "rtc.cluster.secret is shorter than " + ClusterTokens.MIN_SECRET_BYTES + " bytes");
        this.missing = missing;
    }

    /** True when no secret was given at all, false when it was too short. */
    public boolean isMissing() {
        return missing;
    }
}
