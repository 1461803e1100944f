package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipException;

/**
 * A node will not serve another node's link for a stream: it serves as many as {@code
 * rtc.cluster.max-links-per-stream} already (503: the puller tries another carrier), or serving it would close a
 * loop or go deeper than {@code rtc.cluster.max-link-depth} (409).
 */
public class LinkRefusedException extends WhipException {
    private static final long serialVersionUID = 1L;
    static final String FULL = "link-limit";
    static final String LOOP = "link-loop";

    private LinkRefusedException(int status, String type, String title, String message) {
        super(status, type, title, message);
    }

    static LinkRefusedException full(String streamId, int maxLinks) {
        return new LinkRefusedException(503, FULL, "Link limit reached", "this node already serves " + maxLinks
                + " links of stream " + streamId + " (rtc.cluster.max-links-per-stream)");
    }

    static LinkRefusedException loop(String streamId, String requester, java.util.List<String> path) {
        return new LinkRefusedException(409, LOOP, "Link would loop", "node " + requester + " cannot pull stream "
                + streamId + " from this node, whose path from the origin is " + path);
    }

    static LinkRefusedException tooDeep(String streamId, java.util.List<String> path, int maxDepth) {
        return new LinkRefusedException(409, LOOP, "Link too deep", "stream " + streamId + " reaches this node"
                + " through " + path + "; a link from here would be more than " + maxDepth
                + " hops from the origin (rtc.cluster.max-link-depth)");
    }
}
