package io.jrtc.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openqa.selenium.json.Json;

/**
 * {@link InteropPeer} for peers that run a script speaking a small command/event protocol: each command is a JSON
 * object {@code {"id": n, "cmd": name, ...arguments}}; the peer answers with JSON events, among them
 * {@code {"event": "reply", "id": n, "ok": ..., "result"|"error": ...}}. Subclasses only carry the JSON:
 * {@link #transmit} delivers a command, and every event they receive goes to {@link #handleEvent}.
 *
 * <p>All state lives under this object's monitor; waiting threads are woken by {@code notifyAll}.
 */
abstract class ScriptedPeer implements InteropPeer {

    /** How long a command (not a wait with its own timeout) may take, e.g. an offer with ICE gathering. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final long createdNanos = System.nanoTime();
    private final Json json = new Json();
    private final AtomicLong nextCommandId = new AtomicLong(1);

    private final List<String> log = new ArrayList<>();
    private final Map<Long, Map<String, Object>> replies = new HashMap<>();
    private final Set<String> openChannels = new HashSet<>();
    private final Set<String> closedChannels = new HashSet<>();
    private final Map<String, Deque<ReceivedMessage>> messages = new HashMap<>();
    private final Map<String, String> bulkHashes = new HashMap<>();
    private boolean ready;
    private String connectionState = "new";
    private Double audioFrequency;
    private String transportFailure;

    ScriptedPeer(String name) {
        this.name = name;
    }

    /** Delivers one command, a single-line JSON object, to the peer. */
    protected abstract void transmit(String commandJson);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void createDataChannel(String label, boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime,
            boolean negotiated, Integer id) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("label", label);
        args.put("ordered", ordered);
        args.put("maxRetransmits", maxRetransmits);
        args.put("maxPacketLifeTime", maxPacketLifeTime);
        args.put("negotiated", negotiated);
        args.put("channelId", id);
        call("createDataChannel", args, COMMAND_TIMEOUT);
    }

    @Override
    public String createOffer() {
        return (String) call("createOffer", Map.of(), COMMAND_TIMEOUT);
    }

    @Override
    public String acceptOffer(String offerSdp) {
        return (String) call("acceptOffer", Map.of("sdp", offerSdp), COMMAND_TIMEOUT);
    }

    @Override
    public void acceptAnswer(String answerSdp) {
        call("acceptAnswer", Map.of("sdp", answerSdp), COMMAND_TIMEOUT);
    }

    @Override
    public void awaitChannelOpen(String label, Duration timeout) {
        await("channel '" + label + "' to open", timeout, () -> openChannels.contains(label) ? true : null);
    }

    @Override
    public void sendText(String label, String text) {
        send(label, false, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendBinary(String label, byte[] data) {
        send(label, true, data);
    }

    private void send(String label, boolean binary, byte[] data) {
        call("send", Map.of("label", label, "binary", binary, "data", Base64.getEncoder().encodeToString(data)),
                COMMAND_TIMEOUT);
    }

    @Override
    public ReceivedMessage awaitMessage(String label, Duration timeout) {
        return await("a message on channel '" + label + "'", timeout, () -> {
            Deque<ReceivedMessage> queue = messages.get(label);
            return queue == null ? null : queue.pollFirst();
        });
    }

    @Override
    public String sendBulk(String label, long totalBytes, int chunkSize, Duration timeout) {
        return (String) call("sendBulk", Map.of("label", label, "totalBytes", totalBytes, "chunkSize", chunkSize),
                timeout);
    }

    @Override
    public void expectBulk(String label, long totalBytes) {
        synchronized (this) {
            bulkHashes.remove(label);
        }
        call("expectBulk", Map.of("label", label, "totalBytes", totalBytes), COMMAND_TIMEOUT);
    }

    @Override
    public String awaitBulk(String label, Duration timeout) {
        return await("the expected bulk bytes on channel '" + label + "'", timeout, () -> bulkHashes.remove(label));
    }

    @Override
    public void enableEcho(String label) {
        call("enableEcho", Map.of("label", label), COMMAND_TIMEOUT);
    }

    @Override
    public void closeChannel(String label) {
        call("closeChannel", Map.of("label", label), COMMAND_TIMEOUT);
    }

    @Override
    public void awaitChannelClosed(String label, Duration timeout) {
        await("channel '" + label + "' to close", timeout, () -> closedChannels.contains(label) ? true : null);
    }

    @Override
    public void addToneTrack(double frequency) {
        call("addToneTrack", Map.of("frequency", frequency), COMMAND_TIMEOUT);
    }

    /** Sends a camera track: Chromium's fake capture device, or a moving pattern aiortc encodes. */
    public void addCameraTrack() {
        call("addCameraTrack", Map.of(), COMMAND_TIMEOUT);
    }

    /** Makes the peer offer or accept only this video codec, e.g. "video/H264" (Chromium). */
    public void preferVideoCodec(String mimeType) {
        call("preferVideoCodec", Map.of("mimeType", mimeType), COMMAND_TIMEOUT);
    }

    /**
     * What the peer's congestion controller lets it send, in bits/s (W3C availableOutgoingBitrate; Chromium): it
     * grows only as the receiver's transport-wide feedback comes back.
     */
    public long availableOutgoingBitrate() {
        Map<?, ?> stats = (Map<?, ?>) call("sendStats", Map.of(), COMMAND_TIMEOUT);
        return ((Number) stats.get("availableOutgoingBitrate")).longValue();
    }

    /** What the peer decoded of the video it received. */
    public VideoReport videoStats() {
        Map<?, ?> stats = (Map<?, ?>) call("videoStats", Map.of(), COMMAND_TIMEOUT);
        return new VideoReport(((Number) stats.get("framesDecoded")).longValue(),
                ((Number) stats.get("frameWidth")).intValue(), ((Number) stats.get("frameHeight")).intValue());
    }

    /** Decoded video frames so far and the size of the last. */
    public record VideoReport(long framesDecoded, int width, int height) {
    }

    @Override
    public double awaitAudioFrequency(Duration timeout) {
        return await("a second of remote audio", timeout, () -> audioFrequency);
    }

    @Override
    public synchronized String connectionState() {
        return connectionState;
    }

    @Override
    public void awaitConnectionState(String state, Duration timeout) {
        await("connectionState '" + state + "'", timeout, () -> state.equals(connectionState) ? true : null);
    }

    @Override
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** Waits for the script's "ready" event, sent once it can take commands. */
    protected void awaitReady(Duration timeout) {
        await("the peer to start", timeout, () -> ready ? true : null);
    }

    /** Sends a command and waits for its reply; returns the reply's result. */
    protected Object call(String command, Map<String, Object> args, Duration timeout) {
        long id = nextCommandId.getAndIncrement();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("cmd", command);
        message.putAll(args);
        appendLog("> " + command + " " + abbreviate(args.toString()));
        transmit(json.toJson(message).replace('\n', ' '));
        Map<String, Object> reply = await("the reply to " + command, timeout, () -> replies.remove(id));
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            throw new InteropPeerException(name + ": " + command + " failed: " + reply.get("error") + logTail());
        }
        return reply.get("result");
    }

    /** Parses and handles one event line; malformed lines only go to the log. */
    protected void handleEventJson(String eventJson) {
        Map<String, Object> event;
        try {
            event = json.toType(eventJson, Json.MAP_TYPE);
        } catch (RuntimeException e) {
            appendLog("? unparsable event: " + abbreviate(eventJson));
            return;
        }
        handleEvent(event);
    }

    protected synchronized void handleEvent(Map<String, Object> event) {
        String type = String.valueOf(event.get("event"));
        String label = (String) event.get("label");
        switch (type) {
            case "log" -> appendLog(String.valueOf(event.get("line")));
            case "ready" -> ready = true;
            case "reply" -> {
                replies.put(((Number) event.get("id")).longValue(), event);
                if (!Boolean.TRUE.equals(event.get("ok"))) {
                    appendLog("< error reply " + event.get("id") + ": " + event.get("error"));
                }
            }
            case "connectionState" -> connectionState = (String) event.get("state");
            case "channelOpen" -> openChannels.add(label);
            case "channelClosed" -> closedChannels.add(label);
            case "message" -> {
                byte[] data = Base64.getDecoder().decode((String) event.get("data"));
                ReceivedMessage message = new ReceivedMessage(Boolean.TRUE.equals(event.get("binary")), data);
                messages.computeIfAbsent(label, l -> new ArrayDeque<>()).addLast(message);
                appendLog("< message on '" + label + "': " + abbreviate(message.toString()));
            }
            case "bulkDone" -> bulkHashes.put(label, (String) event.get("sha256"));
            case "audio" -> audioFrequency = ((Number) event.get("frequency")).doubleValue();
            default -> appendLog("? unknown event: " + abbreviate(event.toString()));
        }
        notifyAll();
    }

    /** The peer's transport died (process exited, browser gone): every wait fails from now on. */
    protected synchronized void handleTransportClosed(String reason) {
        if (transportFailure == null) {
            transportFailure = reason;
            appendLog("! " + reason);
        }
        notifyAll();
    }

    protected final synchronized void appendLog(String line) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createdNanos);
        log.add(String.format("%s +%d ms: %s", name, ms, line));
    }

    /** The last lines of the log, formatted to end an exception message. */
    protected final synchronized String logTail() {
        List<String> tail = log.subList(Math.max(0, log.size() - LOG_TAIL_LINES), log.size());
        return "\n--- last " + tail.size() + " log lines of " + name + " ---\n" + String.join("\n", tail);
    }

    private <T> T await(String what, Duration timeout, Supplier<T> poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                T value = poll.get();
                if (value != null) {
                    return value;
                }
                if (transportFailure != null) {
                    throw new InteropPeerException(
                            name + ": gone while waiting for " + what + ": " + transportFailure + logTail());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new InteropPeerException(
                            name + ": timed out after " + timeout.toMillis() + " ms waiting for " + what + logTail());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InteropPeerException(name + ": interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "").replace('\n', '|');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...(" + oneLine.length() + " chars)";
    }
}
