package io.jrtc.spring.autoconfigure.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where an edge pulls a stream from: its origin while the origin has link room ({@code
 * rtc.cluster.max-links-per-stream}), past that an edge that already carries the stream and has room, so the links
 * form a tree. A node never pulls from one whose path from the origin passes through itself (that would be a loop),
 * nor so deep that it would be more than {@code rtc.cluster.max-link-depth} hops from the origin.
 */
final class LinkSources {
    private LinkSources() {
    }

    /**
     * The nodes to try, in order: the origin first unless the directory shows it full (then last, in case the
     * directory is behind), then carrying edges nearest the origin first, then the least loaded.
     *
     * @param self      the pulling node
     * @param originId  the node the stream's lease names
     * @param carriers  the directory's carriers of the stream
     * @param maxLinks  links a node serves per stream; 0 for no limit
     * @param maxDepth  hops from the origin a node may be at, at least 1
     */
    static List<String> candidates(String self, String originId, List<StreamCarrier> carriers, int maxLinks,
            int maxDepth) {
        boolean originFull = carriers.stream().anyMatch(carrier -> carrier.nodeId().equals(originId)
                && carrier.depth() == 0 && full(carrier, maxLinks));
        List<String> order = new ArrayList<>();
        if (!originFull) {
            order.add(originId);
        }
        carriers.stream()
                .filter(carrier -> !carrier.nodeId().equals(originId) && !carrier.nodeId().equals(self))
                .filter(carrier -> carrier.depth() > 0 && carrier.path().get(0).equals(originId))
                .filter(carrier -> !carrier.path().contains(self) && carrier.depth() + 1 <= maxDepth)
                .filter(carrier -> !full(carrier, maxLinks))
                .sorted(Comparator.comparingInt(StreamCarrier::depth).thenComparingInt(StreamCarrier::links)
                        .thenComparing(StreamCarrier::nodeId))
                .forEach(carrier -> order.add(carrier.nodeId()));
        if (originFull) {
            order.add(originId);
        }
        return order;
    }

    private static boolean full(StreamCarrier carrier, int maxLinks) {
        return maxLinks > 0 && carrier.links() >= maxLinks;
    }
}
