package io.jrtc.pc.internal.media;

import io.jrtc.pc.RTCRtpSynchronizationSource;
import io.jrtc.rtp.AudioLevelExtension;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.time.RtcClock;
import io.netty.util.collection.IntObjectHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sources a receiver heard from in the last 10 seconds (W3C getSynchronizationSources): when, their last RTP
 * timestamp, and their audio level when the sender marks it (RFC 6464). Noted on the loop per packet, read from
 * any thread as a list published at most every 100 ms unless a new source shows up.
 */
final class SynchronizationSources {
    private static final long SOURCE_MEMORY_NANOS = 10_000_000_000L;
    private static final long PUBLISH_INTERVAL_NANOS = 100_000_000L;

    private final RtcClock clock;
    // Keyed by SSRC, looked up per packet: a primitive-keyed map, no boxing of SSRCs on the packet path.
    private final IntObjectHashMap<HeardSource> lastHeard = new IntObjectHashMap<>();
    private volatile List<RTCRtpSynchronizationSource> published = List.of();
    private long lastPublished = Long.MIN_VALUE;

    /** When a source was last heard, with its last RTP timestamp and RFC 6464 level (-1: none). */
    private static final class HeardSource {
        long at;
        int rtpTimestamp;
        int level = -1;
    }

    /** {@code clock} gives the wall-clock time the published list is stamped with. */
    SynchronizationSources(RtcClock clock) {
        this.clock = clock;
    }

    /** The list as last published; any thread. */
    List<RTCRtpSynchronizationSource> list() {
        return published;
    }

    /** A packet of a source arrived at {@code now}, with its audio level at this id, if negotiated; on the loop. */
    void noteHeard(long now, RtpHeader packet, int audioLevelExtensionId) {
        HeardSource source = lastHeard.get(packet.ssrc());
        boolean fresh = source == null;
        if (fresh) {
            source = new HeardSource();
            lastHeard.put(packet.ssrc(), source);
        }
        source.at = now;
        source.rtpTimestamp = packet.timestamp();
        if (audioLevelExtensionId != NegotiatedParameters.NO_EXTENSION) {
            source.level = AudioLevelExtension.readLevel(packet, audioLevelExtensionId);
        }
        if (!fresh && now - lastPublished < PUBLISH_INTERVAL_NANOS) {
            return;
        }
        lastPublished = now;
        lastHeard.values().removeIf(heard -> now - heard.at > SOURCE_MEMORY_NANOS);
        List<RTCRtpSynchronizationSource> list = new ArrayList<>();
        long wallNow = clock.currentTimeMillis();
        for (Map.Entry<Integer, HeardSource> e : lastHeard.entrySet()) {
            HeardSource heard = e.getValue();
            long agoMillis = (now - heard.at) / 1_000_000L;
            // W3C audioLevel is linear, 1 for 0 dBov: 10^(-level/20)
            Double level = heard.level < 0 ? null : Math.pow(10, -heard.level / 20.0);
            list.add(new RTCRtpSynchronizationSource(Instant.ofEpochMilli(wallNow - agoMillis),
                    Integer.toUnsignedLong(e.getKey()), level, Integer.toUnsignedLong(heard.rtpTimestamp)));
        }
        published = List.copyOf(list);
    }
}
