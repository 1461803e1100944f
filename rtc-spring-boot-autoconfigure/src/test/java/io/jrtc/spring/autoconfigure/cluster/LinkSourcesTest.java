package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which nodes an edge tries to pull a stream from: a table of carriers and the order each gets. */
class LinkSourcesTest {

    private static StreamCarrier carrier(int links, String... path) {
        return new StreamCarrier(path[path.length - 1], links, List.of(path));
    }

    @Test
    void theOriginComesFirstWhileItHasRoom() {
        List<StreamCarrier> carriers = List.of(carrier(0, "a"), carrier(0, "a", "b"));
        assertThat(LinkSources.candidates("c", "a", carriers, 2, 3)).containsExactly("a", "b");
        assertThat(LinkSources.candidates("c", "a", List.of(), 1, 3)).containsExactly("a");
    }

    @Test
    void pastTheOriginsLimitAnEdgeNearerTheOriginAndLessLoadedComesFirstAndTheOriginLast() {
        List<StreamCarrier> carriers = List.of(carrier(1, "a"), carrier(1, "a", "b", "d"), carrier(0, "a", "e", "f"),
                carrier(0, "a", "b"), carrier(1, "a", "e"));
        assertThat(LinkSources.candidates("c", "a", carriers, 2, 3)).containsExactly("a", "b", "e", "f", "d");
        List<StreamCarrier> originFull = List.of(carrier(1, "a"), carrier(0, "a", "b"), carrier(1, "a", "e"));
        assertThat(LinkSources.candidates("c", "a", originFull, 1, 3)).containsExactly("b", "a");
    }

    @Test
    void aNodeNeverPullsFromANodeWhosePathRunsThroughItNorFromItself() {
        // c re-linking after its own source left: d and f get the stream through c.
        List<StreamCarrier> carriers = List.of(carrier(1, "a"), carrier(0, "a", "c"), carrier(0, "a", "c", "d"),
                carrier(0, "a", "b", "c", "f"), carrier(0, "a", "e"));
        assertThat(LinkSources.candidates("c", "a", carriers, 1, 5)).containsExactly("e", "a");
    }

    @Test
    void carriersAtTheDepthLimitFullOnesAndThoseOfAnotherOriginAreLeftOut() {
        List<StreamCarrier> carriers = List.of(carrier(0, "a"), carrier(0, "a", "b", "d"), carrier(2, "a", "e"),
                carrier(0, "x", "g"), carrier(0, "a", "h"));
        assertThat(LinkSources.candidates("c", "a", carriers, 2, 2)).containsExactly("a", "h");
        assertThat(LinkSources.candidates("c", "a", carriers, 0, 3)).containsExactly("a", "h", "e", "d");
    }
}
