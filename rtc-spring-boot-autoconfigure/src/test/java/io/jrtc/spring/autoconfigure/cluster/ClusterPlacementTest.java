package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.spring.autoconfigure.cluster.ClusterNode.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a POST goes when its node is full: a table of directory states and the decision each gets. */
class ClusterPlacementTest {
    private static final ClusterNode FULL = node("a", State.SERVING, 10, 10);

    private static ClusterNode node(String id, State state, int viewers, int max) {
        return new ClusterNode(id, "http://" + id + ".example.test", "http://" + id + ".internal", state, viewers, 0,
                max);
    }

    @Test
    void aNodeWithRoomServes() {
        ClusterNode self = node("a", State.SERVING, 9, 10);
        assertThat(ClusterPlacement.decide(self, false, List.of(self), Map.of()))
                .isInstanceOf(ClusterPlacement.Serve.class);
        ClusterNode unlimited = node("a", State.SERVING, 500, 0);
        assertThat(ClusterPlacement.decide(unlimited, true, List.of(), Map.of()))
                .isInstanceOf(ClusterPlacement.Serve.class);
    }

    @Test
    void aFullNodeRedirectsToANodeCarryingTheStreamBeforeALessLoadedOne() {
        List<ClusterNode> nodes = List.of(FULL, node("b", State.SERVING, 1, 10), node("c", State.SERVING, 5, 10));
        assertThat(ClusterPlacement.decide(FULL, false, nodes, Map.of("a", 10, "c", 5)))
                .isEqualTo(new ClusterPlacement.Redirect(nodes.get(2)));
        assertThat(ClusterPlacement.decide(FULL, false, nodes, Map.of()))
                .isEqualTo(new ClusterPlacement.Redirect(nodes.get(1)));
    }

    @Test
    void fullDrainingAndUnreachableNodesAreNoTarget() {
        ClusterNode noPublicUrl = new ClusterNode("d", null, "http://d.internal", State.SERVING, 0, 0, 0);
        List<ClusterNode> nodes = List.of(FULL, node("b", State.SERVING, 10, 10), node("c", State.DRAINING, 0, 10),
                noPublicUrl);
        assertThat(ClusterPlacement.decide(FULL, false, nodes, Map.of("c", 1)))
                .isInstanceOfSatisfying(ClusterPlacement.NoRoom.class,
                        noRoom -> assertThat(noRoom.why()).contains("no other node has room"));
    }

    @Test
    void aDrainingNodeRedirectsEvenBelowItsLimit() {
        ClusterNode draining = node("a", State.DRAINING, 0, 10);
        ClusterNode other = node("b", State.SERVING, 0, 10);
        assertThat(ClusterPlacement.decide(draining, false, List.of(draining, other), Map.of()))
                .isEqualTo(new ClusterPlacement.Redirect(other));
    }

    @Test
    void aRedirectedRequestOnAFullNodeIsNeverRedirectedAgain() {
        List<ClusterNode> nodes = List.of(FULL, node("b", State.SERVING, 0, 10));
        assertThat(ClusterPlacement.decide(FULL, true, nodes, Map.of()))
                .isInstanceOfSatisfying(ClusterPlacement.NoRoom.class,
                        noRoom -> assertThat(noRoom.why()).contains("redirected here already"));
    }
}
