package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipException;

/** A request to a node-to-node endpoint without a valid cluster token: 401. */
public class InvalidClusterTokenException extends WhipException {
    private static final long serialVersionUID = 1L;

    public InvalidClusterTokenException(String message) {
        super(401, "cluster-token", "Invalid cluster token", message);
    }
}
