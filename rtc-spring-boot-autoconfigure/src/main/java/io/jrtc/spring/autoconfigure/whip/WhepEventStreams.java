package io.jrtc.spring.autoconfigure.whip;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The WHEP core-extensions draft's Server Sent Events extension: a viewer creates an event stream for some of the
 * announced events ({@link #EVENTS}) and long-polls it; events that come while no poll is open wait (the oldest
 * dropped beyond {@link #MAX_PENDING}). {@code active} is queued when the stream is created (a WHEP session exists
 * only while its stream is published), {@code inactive} when the publisher leaves, {@code layers} whenever the
 * publisher's layers or their bitrates change, checked every {@link #LAYERS_INTERVAL}. A session's event streams
 * end with it.
 */
public class WhepEventStreams implements WhipSessions.ViewerListener, DisposableBean {
    /** The event types announced in the Link header, in its order. */
    public static final List<String> EVENTS = List.of("active", "inactive", "layers");
    static final int MAX_PENDING = 64;
    static final Duration LAYERS_INTERVAL = Duration.ofSeconds(1);
    /** A long poll is closed after this long; EventSource polls again on its own. */
    static final Duration POLL_TIMEOUT = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WhipSessions sessions;
    private final JsonMapper json;
    private final Map<String, EventStream> streams = new ConcurrentHashMap<>();
    /** One daemon thread that checks the viewers' layers; its own, so no application scheduler is taken. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "whep-events");
        thread.setDaemon(true);
        return thread;
    });

    public WhepEventStreams(WhipSessions sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
        sessions.addViewerListener(this);
        long period = LAYERS_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::sendLayers, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Creates an event stream of a WHEP session for {@code events} (null or empty: every announced one) and
     * returns its id.
     *
     * @throws WhipSessionNotFoundException when there is no such WHEP session
     * @throws UnsupportedEventException    when an event type is not announced
     */
    public String create(String sessionId, List<String> events) {
        sessions.viewer(sessionId);
        List<String> wanted = events == null || events.isEmpty() ? EVENTS : List.copyOf(events);
        List<String> unknown = wanted.stream().filter(event -> !EVENTS.contains(event)).toList();
        if (!unknown.isEmpty()) {
            throw new UnsupportedEventException(unknown, EVENTS);
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        EventStream stream = new EventStream(HexFormat.of().formatHex(bytes), sessionId, Set.copyOf(wanted));
        streams.put(stream.id, stream);
        stream.offer("active", "{}");
        if (stream.events.contains("layers")) {
            sendLayers(stream);
        }
        if (!isOpen(sessionId)) {
            viewerEnded(sessionId);  // ended meanwhile: its streams must not outlive it
        }
        return stream.id;
    }

    /**
     * Opens the long poll of an event stream: queued events first, then the new ones as they come. A second poll
     * replaces the first.
     *
     * @throws EventStreamNotFoundException when the session has no such event stream
     */
    public SseEmitter poll(String sessionId, String eventStreamId) {
        return require(sessionId, eventStreamId).attach(new SseEmitter(POLL_TIMEOUT.toMillis()));
    }

    /**
     * Ends an event stream at the viewer's request, dropping what is queued.
     *
     * @throws EventStreamNotFoundException when the session has no such event stream
     */
    public void delete(String sessionId, String eventStreamId) {
        EventStream stream = require(sessionId, eventStreamId);
        streams.remove(stream.id);
        stream.close();
    }

    private EventStream require(String sessionId, String eventStreamId) {
        EventStream stream = streams.get(eventStreamId);
        if (stream == null || !stream.sessionId.equals(sessionId)) {
            throw new EventStreamNotFoundException(eventStreamId);
        }
        return stream;
    }

    /** How many event streams are open, for tests and gauges. */
    public int count() {
        return streams.size();
    }

    @Override
    public void publicationEnded(String sessionId) {
        forSession(sessionId, stream -> stream.offer("inactive", "{}"));
    }

    @Override
    public void viewerEnded(String sessionId) {
        forSession(sessionId, stream -> {
            streams.remove(stream.id);
            stream.close();
        });
    }

    private void forSession(String sessionId, java.util.function.Consumer<EventStream> action) {
        for (EventStream stream : List.copyOf(streams.values())) {
            if (stream.sessionId.equals(sessionId)) {
                action.accept(stream);
            }
        }
    }

    private boolean isOpen(String sessionId) {
        try {
            sessions.viewer(sessionId);
            return true;
        } catch (WhipSessionNotFoundException ended) {
            return false;
        }
    }

    /** Sends each {@code layers} stream its session's layers when they changed since the last it got. */
    void sendLayers() {
        for (EventStream stream : List.copyOf(streams.values())) {
            if (stream.events.contains("layers")) {
                sendLayers(stream);
            }
        }
    }

    private void sendLayers(EventStream stream) {
        String data;
        try {
            data = json.writeValueAsString(ViewerLayers.describe(sessions.viewer(stream.sessionId)));
        } catch (WhipSessionNotFoundException ended) {
            return;  // the session's end removes the stream
        }
        stream.offerLayers(data);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        streams.values().forEach(EventStream::close);
        streams.clear();
    }

    /** One event stream: its event types, the open poll if any, and what waits for the next poll. */
    private static final class EventStream {
        final String id;
        final String sessionId;
        final Set<String> events;
        private final Deque<String[]> pending = new ArrayDeque<>();
        private SseEmitter emitter;
        private String lastLayers;

        EventStream(String id, String sessionId, Set<String> events) {
            this.id = id;
            this.sessionId = sessionId;
            this.events = events;
        }

        synchronized SseEmitter attach(SseEmitter poll) {
            if (emitter != null) {
                emitter.complete();
            }
            emitter = poll;
            poll.onCompletion(() -> detach(poll));
            poll.onTimeout(() -> detach(poll));
            poll.onError(error -> detach(poll));
            List<String[]> queued = new ArrayList<>(pending);
            pending.clear();
            queued.forEach(event -> send(event[0], event[1]));
            return poll;
        }

        private synchronized void detach(SseEmitter poll) {
            if (emitter == poll) {
                emitter = null;
            }
        }

        synchronized void offerLayers(String data) {
            if (!data.equals(lastLayers)) {
                lastLayers = data;
                offer("layers", data);
            }
        }

        synchronized void offer(String event, String data) {
            if (events.contains(event)) {
                send(event, data);
            }
        }

        /** Sends on the open poll, or queues for the next one when there is none or it broke. */
        private void send(String event, String data) {
            if (emitter != null) {
                try {
                    emitter.send(SseEmitter.event().name(event).data(data));
                    return;
                } catch (IOException | IllegalStateException gone) {
                    emitter = null;
                }
            }
            if (pending.size() == MAX_PENDING) {
                pending.removeFirst();
            }
            pending.addLast(new String[] { event, data });
        }

        synchronized void close() {
            pending.clear();
            if (emitter != null) {
                emitter.complete();
                emitter = null;
            }
        }
    }
}
