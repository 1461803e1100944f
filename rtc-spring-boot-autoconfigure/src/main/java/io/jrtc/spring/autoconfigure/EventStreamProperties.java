package io.jrtc.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code rtc.events.*}: the WebSocket stream of peer-connection events. */
public class EventStreamProperties {

    /**
     * Whether the WebSocket event stream is served (needs Spring WebSocket).
     */
    private boolean enabled = true;

    /**
     * Path of the WebSocket event stream.
     */
    private String path = "/api/rtc/events";

    /**
     * How often each connection's statistics are sampled for the "stats" event and the metrics; 0 turns it off.
     * A connection without data-channel or RTP traffic since its last sample is sampled less often (after 1, 3,
     * 7, 15, then every 30 periods) until its next state change or traffic.
     */
    private Duration statsInterval = Duration.ofSeconds(1);

    /**
     * Origin patterns allowed to open the event stream from a browser; empty means the same origin only.
     */
    private List<String> allowedOriginPatterns = new ArrayList<>();

    /**
     * Most events queued for one WebSocket client; a client that falls further behind is disconnected.
     */
    private int maxQueuedEvents = 1000;

    /**
     * Longest time one event may take to send to a client before it is disconnected.
     */
    private Duration sendTimeLimit = Duration.ofSeconds(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Duration getStatsInterval() {
        return statsInterval;
    }

    public void setStatsInterval(Duration statsInterval) {
        this.statsInterval = statsInterval;
    }

    public List<String> getAllowedOriginPatterns() {
        return allowedOriginPatterns;
    }

    public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
        this.allowedOriginPatterns = allowedOriginPatterns;
    }

    public int getMaxQueuedEvents() {
        return maxQueuedEvents;
    }

    public void setMaxQueuedEvents(int maxQueuedEvents) {
        this.maxQueuedEvents = maxQueuedEvents;
    }

    public Duration getSendTimeLimit() {
        return sendTimeLimit;
    }

    public void setSendTimeLimit(Duration sendTimeLimit) {
        this.sendTimeLimit = sendTimeLimit;
    }
}
