package io.jrtc.datachannel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake SCTP association between two engines: each side's sends and stream resets are recorded and queued on a
 * shared in-order wire that {@link #deliverAll()} plays to the other side (no re-entrancy, no threads).
 */
final class LinkedSctp {
    record Sent(int streamId, int ppid, byte[] data, boolean unordered, Integer maxRetransmits,
                Long maxLifetimeMillis) {
    }

    final class Side implements SctpStreamSender {
        final List<Sent> sent = new ArrayList<>();
        final List<int[]> resets = new ArrayList<>();
        final Map<Integer, Long> buffered = new HashMap<>();
        DataChannelEngine engine;
        Side peer;

        @Override
        public void sendMessage(int streamId, int ppid, byte[] data, boolean unordered, Integer maxRetransmits,
                                Long maxLifetimeMillis) {
            sent.add(new Sent(streamId, ppid, data.clone(), unordered, maxRetransmits, maxLifetimeMillis));
            wire.add(() -> peer.engine.handleMessage(streamId, ppid, data.clone()));
        }

        @Override
        public void resetStreams(int[] streamIds) {
            resets.add(streamIds.clone());
            wire.add(() -> peer.engine.handleIncomingStreamReset(streamIds.clone()));
        }

        @Override
        public long bufferedAmount(int streamId) {
            return buffered.getOrDefault(streamId, 0L);
        }

        List<DataChannelEvent> events() {
            List<DataChannelEvent> events = new ArrayList<>();
            for (DataChannelEvent e = engine.pollEvent(); e != null; e = engine.pollEvent()) {
                events.add(e);
            }
            return events;
        }
    }

    private final ArrayDeque<Runnable> wire = new ArrayDeque<>();
    final Side client = new Side();
    final Side server = new Side();

    LinkedSctp(int maxChannels) {
        client.engine = new DataChannelEngine(client, true, maxChannels);
        server.engine = new DataChannelEngine(server, false, maxChannels);
        client.peer = server;
        server.peer = client;
    }

    static LinkedSctp established() {
        LinkedSctp link = new LinkedSctp(1024);
        link.client.engine.onAssociationEstablished();
        link.server.engine.onAssociationEstablished();
        return link;
    }

    void deliverAll() {
        for (Runnable delivery = wire.poll(); delivery != null; delivery = wire.poll()) {
            delivery.run();
        }
    }

    /** Delivers nothing: what is on the wire is lost. */
    void dropAll() {
        wire.clear();
    }
}
