package io.jrtc.pc;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A read-only map of stats by id (W3C RTCStatsReport). */
public final class RTCStatsReport extends AbstractMap<String, RTCStats> {
    private final Map<String, RTCStats> stats;

    /** A report of these entries, by id, in their order. */
    public RTCStatsReport(List<RTCStats> entries) {
        LinkedHashMap<String, RTCStats> byId = new LinkedHashMap<>();
        for (RTCStats entry : entries) {
            byId.put(entry.getId(), entry);
        }
        this.stats = Collections.unmodifiableMap(byId);
    }

    @Override
    public Set<Entry<String, RTCStats>> entrySet() {
        return stats.entrySet();
    }

    /** The stats of one W3C type, e.g. {@code "candidate-pair"}. */
    public List<RTCStats> ofType(String type) {
        return stats.values().stream().filter(s -> s.getType().equals(type)).toList();
    }
}
