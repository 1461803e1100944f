package io.jrtc.spring.autoconfigure.cluster;

import java.util.List;

/**
 * A node that carries a stream, as the directory lists it: the origin, or an edge whose link is up.
 *
 * @param nodeId the node
 * @param links  the links other nodes pull the stream through from this node
 * @param path   the nodes the stream passes through from its origin to this one, both included: {@code [origin]} for
 *               the origin, {@code [origin, ..., nodeId]} for an edge
 */
record StreamCarrier(String nodeId, int links, List<String> path) {
    StreamCarrier {
        path = List.copyOf(path);
    }

    /** Hops from the origin: 0 for the origin itself. */
    int depth() {
        return path.size() - 1;
    }
}
