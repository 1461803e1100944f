package io.jrtc.pc.internal.media;

import io.jrtc.rtp.RtpHeader;
import io.netty.util.collection.IntObjectHashMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The simulcast streams one receiver takes (RFC 8853), told apart by the RID header extension (RFC 8852 §3.1, on
 * media packets) or the repaired RID (§3.2, on their RTX packets); an SSRC once seen with a RID keeps its layer, as
 * senders stop repeating the RID once reports acknowledge the SSRC. Layers are ranked by their key frames' width
 * where the codec says it (VP8), else by the bitrate measured over the last second, lowest first, since the SDP does
 * not say which rid is which resolution; a layer that sent nothing in the last second ranks after every active one.
 * On the receiver's loop.
 */
final class SimulcastLayers {
    /** At most this many layers per track. */
    static final int MAX_LAYERS = 3;
    private static final long RANKING_INTERVAL_NANOS = 1_000_000_000L;

    private final byte[][] rids;
    private final int ridExtensionId;
    private final int repairedRidExtensionId;
    private final IntObjectHashMap<Integer> layerBySsrc = new IntObjectHashMap<>();
    private final int[] ssrcOfLayer;
    private final boolean[] ssrcKnown;
    private final long[] bytes;
    private final int[] rank;
    /** Each layer's key-frame width, 0 until one is seen. */
    private final int[] widths;
    private long rankedAt = Long.MIN_VALUE;
    /** Layers that sent in the last ranking interval. */
    private int active;

    SimulcastLayers(List<String> ridIds, int ridExtensionId, int repairedRidExtensionId) {
        int count = Math.min(MAX_LAYERS, ridIds.size());
        this.rids = new byte[count][];
        for (int i = 0; i < count; i++) {
            rids[i] = ridIds.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        this.ridExtensionId = ridExtensionId;
        this.repairedRidExtensionId = repairedRidExtensionId;
        this.ssrcOfLayer = new int[count];
        this.ssrcKnown = new boolean[count];
        this.bytes = new long[count];
        this.rank = new int[count];
        this.widths = new int[count];
        for (int i = 0; i < count; i++) {
            rank[i] = i;
        }
        this.active = count;
    }

    int count() {
        return rids.length;
    }

    /** The rid of the layer an SSRC was seen sending, or null when it named none of ours. */
    String ridOf(int ssrc) {
        Integer layer = layerBySsrc.get(ssrc);
        return layer == null ? null : new String(rids[layer], StandardCharsets.US_ASCII);
    }

    /**
     * The layer (index in the rid list) a packet belongs to, or -1 when it names no rid of ours and its SSRC is not
     * known yet; {@code repair}: an RTX packet, which carries the repaired RID.
     */
    int layerOf(RtpHeader packet, boolean repair) {
        Integer known = layerBySsrc.get(packet.ssrc());
        if (known != null) {
            return known;
        }
        int id = repair ? repairedRidExtensionId : ridExtensionId;
        int at = id == NegotiatedParameters.NO_EXTENSION ? -1 : packet.extensionOffset(id);
        if (at < 0 || layerBySsrc.size() >= 4 * MAX_LAYERS) {
            return -1;
        }
        int length = packet.extensionLength(id);
        for (int layer = 0; layer < rids.length; layer++) {
            if (Arrays.equals(packet.buffer(), at, at + length, rids[layer], 0, rids[layer].length)) {
                layerBySsrc.put(packet.ssrc(), Integer.valueOf(layer));
                if (!repair) {
                    ssrcOfLayer[layer] = packet.ssrc();
                    ssrcKnown[layer] = true;
                }
                return layer;
            }
        }
        return -1;
    }

    /** Counts a media packet of a layer and re-ranks the layers once a second; true when it re-ranked. */
    boolean onMediaPacket(long now, int layer, int length) {
        bytes[layer] += length;
        if (rankedAt == Long.MIN_VALUE) {
            rankedAt = now;
        } else if (now - rankedAt >= RANKING_INTERVAL_NANOS) {
            rerank();
            rankedAt = now;
            return true;
        }
        return false;
    }

    /** The rids by rank, lowest first. */
    List<String> ridsByRank() {
        String[] byRank = new String[rids.length];
        for (int layer = 0; layer < rids.length; layer++) {
            byRank[rank[layer]] = new String(rids[layer], StandardCharsets.US_ASCII);
        }
        return List.of(byRank);
    }

    /** A key frame of a layer said its width (VP8 says it in every key frame). */
    void onKeyframeWidth(int layer, int width) {
        widths[layer] = width;
    }

    private void rerank() {
        Integer[] order = new Integer[rids.length];
        boolean sized = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sized &= bytes[i] == 0 || widths[i] > 0;
        }
        // active layers by rising width (by rising bitrate until every one has said its width: a bitrate ramping
        // up can pass a lower layer's for a while), then the silent ones in their old order
        boolean byWidth = sized;
        Arrays.sort(order, Comparator.comparing((Integer layer) -> bytes[layer] == 0)
                .thenComparingLong(layer -> bytes[layer] == 0 ? rank[layer]
                        : byWidth ? widths[layer] : bytes[layer]));
        active = 0;
        for (long sent : bytes) {
            active += sent > 0 ? 1 : 0;
        }
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        Arrays.fill(bytes, 0);
    }

    /** A layer's rank, 0 for the lowest bitrate: what viewers choose by. */
    int rank(int layer) {
        return rank[layer];
    }

    /** Whether a layer is the active one of the highest bitrate: the one whose frames the receiver's track gets. */
    boolean isTop(int layer) {
        return rank[layer] == Math.max(1, active) - 1;
    }

    /** The SSRCs heard for each layer, for keyframe requests. */
    void forEachSsrc(java.util.function.IntConsumer action) {
        for (int layer = 0; layer < rids.length; layer++) {
            if (ssrcKnown[layer]) {
                action.accept(ssrcOfLayer[layer]);
            }
        }
    }
}
