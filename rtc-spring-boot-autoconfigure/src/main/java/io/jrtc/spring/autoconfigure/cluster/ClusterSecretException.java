package io.jrtc.spring.autoconfigure.cluster;

/** Cluster mode is on without a usable {@code rtc.cluster.secret}, so nodes could not authenticate each other. */
public class ClusterSecretException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClusterSecretException(String message) {
        super(message);
    }
}
