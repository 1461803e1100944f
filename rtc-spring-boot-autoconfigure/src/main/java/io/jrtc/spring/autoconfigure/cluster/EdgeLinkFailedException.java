package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipException;

/** The stream's origin node could not be reached or refused this edge's link, so a viewer here cannot play it. */
public class EdgeLinkFailedException extends WhipException {
    private static final long serialVersionUID = 1L;

    public EdgeLinkFailedException(StreamLease lease, Throwable cause) {
        super(502, "edge-link-failed", "Origin node unreachable", "stream " + lease.streamId()
                + " is published on node " + lease.nodeId() + ", which this node could not pull it from: "
                + cause.getMessage());
        initCause(cause);
    }
}
