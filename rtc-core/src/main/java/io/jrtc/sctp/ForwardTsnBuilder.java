package io.jrtc.sctp;

import io.jrtc.sctp.wire.ForwardTsnChunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the FORWARD TSN (RFC 3758 §3.5 C4) for the chunks between the cumulative ack and the
 * Advanced.Peer.Ack.Point: the new cumulative TSN plus, per ordered stream, the largest abandoned SSN. When the
 * stream list would not fit the packet, the new cumulative TSN stops short and a later FORWARD TSN continues.
 */
final class ForwardTsnBuilder {
    private ForwardTsnBuilder() {
    }

    static ForwardTsnChunk build(DataSender sender, long firstOutstanding, long ackPoint, int maxLength) {
        int maxStreams = Math.max(0, (maxLength - 8) / 4);
        Map<Integer, Integer> lastSsn = new LinkedHashMap<>();
        long newCum = ackPoint;
        for (long tsn = firstOutstanding; tsn <= ackPoint; tsn++) {
            OutstandingChunk c = sender.chunk(tsn);
            if (c.state != OutstandingChunk.ABANDONED || c.message.unordered) {
                continue;
            }
            int stream = c.message.stream.id;
            if (!lastSsn.containsKey(stream) && lastSsn.size() == maxStreams) {
                newCum = tsn - 1;
                break;
            }
            lastSsn.put(stream, c.ssn);
        }
        if (newCum < firstOutstanding) {
            return null;
        }
        List<ForwardTsnChunk.SkippedStream> skipped = new ArrayList<>(lastSsn.size());
        lastSsn.forEach((stream, ssn) -> skipped.add(new ForwardTsnChunk.SkippedStream(stream, ssn)));
        return new ForwardTsnChunk((int) newCum, skipped);
    }
}
