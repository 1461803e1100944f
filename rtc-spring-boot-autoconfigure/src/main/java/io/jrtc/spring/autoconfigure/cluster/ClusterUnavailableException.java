package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipException;

/** The cluster directory cannot be reached, so nothing that needs it (a publish, a remote play) can be served. */
public class ClusterUnavailableException extends WhipException {
    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String what, Throwable cause) {
        super(503, "cluster-unavailable", "Cluster directory unavailable", what + ": the cluster directory (Redis)"
                + " cannot be reached: " + cause.getMessage());
        initCause(cause);
    }
}
