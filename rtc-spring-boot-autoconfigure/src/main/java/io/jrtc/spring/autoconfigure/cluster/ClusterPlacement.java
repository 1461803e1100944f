package io.jrtc.spring.autoconfigure.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a new session goes when this node has no room (at {@code rtc.cluster.max-viewers}, or draining): to a live
 * node with room and a public URL, preferring one that already serves the stream (it needs no new link), then the
 * least loaded. A request already redirected once is never redirected again: a second full node answers 503.
 */
final class ClusterPlacement {

    /** What to do with a POST. */
    sealed interface Decision permits Serve, Redirect, NoRoom {
    }

    /** This node takes it. */
    record Serve() implements Decision {
    }

    /** Send the client to {@code node}. */
    record Redirect(ClusterNode node) implements Decision {
    }

    /** Nobody has room (or this is a redirected request on a full node): 503, try later. */
    record NoRoom(String why) implements Decision {
    }

    private ClusterPlacement() {
    }

    /**
     * @param self             this node as it is now
     * @param redirected       whether the request is one another node redirected here
     * @param nodes            the directory's live nodes, this one included
     * @param viewersByNode    the stream's viewers per node serving it
     */
    static Decision decide(ClusterNode self, boolean redirected, List<ClusterNode> nodes,
            Map<String, Integer> viewersByNode) {
        if (self.hasRoom()) {
            return new Serve();
        }
        if (redirected) {
            return new NoRoom("node " + self.id() + " is " + why(self) + " and the request was redirected here"
                    + " already");
        }
        Optional<ClusterNode> target = nodes.stream()
                .filter(node -> !node.id().equals(self.id()) && node.hasRoom() && node.publicUrl() != null)
                .min(Comparator.comparing((ClusterNode node) -> !viewersByNode.containsKey(node.id()))
                        .thenComparingInt(ClusterNode::viewers).thenComparing(ClusterNode::id));
        return target.<Decision>map(Redirect::new).orElseGet(() -> new NoRoom("node " + self.id() + " is "
                + why(self) + " and no other node has room"));
    }

    private static String why(ClusterNode self) {
        return self.state() == ClusterNode.State.DRAINING ? "draining" : "at its limit of " + self.maxViewers()
                + " viewers";
    }
}
