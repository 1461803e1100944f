package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipException;

/** A call to a node-internal endpoint without a valid cluster token ({@link ClusterTokens}). */
public class ClusterUnauthorizedException extends WhipException {
    private static final long serialVersionUID = 1L;

    public ClusterUnauthorizedException(String streamId) {
        super(401, "cluster-unauthorized", "Cluster token missing or invalid", "pulling " + streamId
                + " from this node needs a valid, unexpired cluster token for that stream");
    }
}
