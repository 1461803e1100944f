package io.jrtc.spring.autoconfigure.cluster;

/**
 * A node as the directory lists it: where clients and nodes reach it, whether it takes new sessions, and its load.
 *
 * @param maxViewers 0 for no limit
 */
public record ClusterNode(String id, String publicUrl, String internalUrl, State state, int viewers, int streams,
        int maxViewers) {

    /** Whether a node takes new sessions. */
    public enum State {
        /** Takes new publishers and viewers. */
        SERVING,
        /** Keeps its sessions but takes no new ones (shutting down). */
        DRAINING
    }

    /** Whether the node takes one more viewer. */
    public boolean hasRoom() {
        return state == State.SERVING && (maxViewers == 0 || viewers < maxViewers);
    }
}
