package io.jrtc.spring.autoconfigure.recording;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.file.FfmpegUnavailableException;
import io.jrtc.media.file.MediaRecorder;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;

import org.springframework.beans.factory.DisposableBean;

/**
 * Records published WHIP streams, each into one file of {@code rtc.recording.directory} in the configured container:
 * the stream's first audio and first video track, each through its own {@link io.jrtc.media.MediaRelay} proxy (the
 * publisher and its viewers go on as before), coded frames written as they came. A recording ends on
 * {@link #stop(String)}, when its stream ends (the file is finished then too), or when the application stops.
 */
public class StreamRecordings implements DisposableBean {
    private static final System.Logger LOG = System.getLogger(StreamRecordings.class.getName());
    private static final long WAIT_SECONDS = 10;
    /** The video codecs WebM holds (Matroska's WebM subset); MP4 holds each codec WebRTC negotiates. */
    private static final java.util.Set<String> WEBM_VIDEO = java.util.Set.of("video/vp8", "video/vp9", "video/av1");

    /** A recording as the REST API shows it. */
    public record Recording(String streamId, String file, RecordingProperties.Format format, Instant startedAt,
            long framesWritten, boolean finished) {
    }

    private record Active(String streamId, Path file, RecordingProperties.Format format, Instant startedAt,
            MediaRecorder recorder,
            List<MediaStreamTrack> proxies) {
    }

    private final StreamRegistry streams;
    private final RecordingProperties properties;
    private final Clock clock;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    public StreamRecordings(StreamRegistry streams, RecordingProperties properties, Clock clock) {
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts recording a published stream in the configured format. */
    public Recording start(String streamId) {
        return start(streamId, properties.getFormat());
    }

    /**
     * Starts recording a published stream.
     *
     * @param format the container, or null for rtc.recording.format
     * @throws RecordingException 404 when the stream is not published, 409 when it is being recorded, 503 when the
     *                            file cannot be written or FFmpeg is missing
     */
    public Recording start(String streamId, RecordingProperties.Format format) {
        RecordingProperties.Format container = format != null ? format : properties.getFormat();
        PublishedStream stream = streams.find(streamId).orElseThrow(() -> RecordingException.streamNotFound(streamId));
        if (container == RecordingProperties.Format.WEBM && stream.videoCodec() != null
                && !WEBM_VIDEO.contains(stream.videoCodec().mimeType().toLowerCase(java.util.Locale.ROOT))) {
            throw RecordingException.codecNotInContainer(streamId, stream.videoCodec().mimeType(), container);
        }
        synchronized (this) {
            if (active.containsKey(streamId)) {
                throw RecordingException.alreadyRecording(streamId);
            }
            Active recording = open(stream, container);
            active.put(streamId, recording);
            recording.recorder().whenFinished().whenComplete((done, error) -> forget(recording));
            return view(recording, false);
        }
    }

    private Active open(PublishedStream stream, RecordingProperties.Format format) {
        Instant now = clock.instant();
        Path file;
        try {
            Files.createDirectories(properties.getDirectory());
            file = RecordingFiles.fileFor(properties.getDirectory(), stream.streamId(), now,
                    format.extension());
        } catch (IOException e) {
            throw RecordingException.unavailable("cannot create " + properties.getDirectory() + ": " + e, e);
        }
        MediaRecorder recorder = new MediaRecorder(file);
        List<MediaStreamTrack> proxies = new ArrayList<>();
        for (MediaKind kind : List.of(MediaKind.VIDEO, MediaKind.AUDIO)) {
            stream.tracks(kind).stream().findFirst().ifPresent(track -> {
                MediaStreamTrack proxy = stream.relay().subscribe(track);
                proxies.add(proxy);
                recorder.addTrack(proxy);
            });
        }
        try {
            recorder.start().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            proxies.forEach(MediaStreamTrack::stop);
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause()
                    : e.getCause();
            String why = cause instanceof FfmpegUnavailableException ? cause.getMessage()
                    : "cannot record to " + file.getFileName() + ": " + cause;
            throw RecordingException.unavailable(why, cause);
        } catch (InterruptedException | TimeoutException e) {
            proxies.forEach(MediaStreamTrack::stop);
            recorder.stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw RecordingException.unavailable("the recording of " + stream.streamId() + " did not start", e);
        }
        LOG.log(Level.INFO, "recording stream {0} to {1}", stream.streamId(), file);
        return new Active(stream.streamId(), file, format, now, recorder, List.copyOf(proxies));
    }

    /**
     * Stops recording a stream and waits until its file is finished.
     *
     * @throws RecordingException 404 when the stream is not being recorded
     */
    public Recording stop(String streamId) {
        Active recording = active.remove(streamId);
        if (recording == null) {
            throw RecordingException.notRecording(streamId);
        }
        finish(recording);
        return view(recording, true);
    }

    /** The stream's recording under way, if any. */
    public Optional<Recording> find(String streamId) {
        return Optional.ofNullable(active.get(streamId)).map(recording -> view(recording, false));
    }

    /** Recordings under way. */
    public List<Recording> all() {
        return active.values().stream().map(recording -> view(recording, false)).toList();
    }

    private void forget(Active recording) {
        if (active.remove(recording.streamId(), recording)) {
            recording.proxies().forEach(MediaStreamTrack::stop);
            LOG.log(Level.INFO, "recording of stream {0} ended with the stream: {1}", recording.streamId(),
                    recording.file());
        }
    }

    private static void finish(Active recording) {
        try {
            recording.recorder().stop().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "finishing " + recording.file() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recording.proxies().forEach(MediaStreamTrack::stop);
        }
    }

    private Recording view(Active recording, boolean finished) {
        return new Recording(recording.streamId(), recording.file().getFileName().toString(),
                recording.format(), recording.startedAt(), recording.recorder().framesWritten(), finished);
    }

    /** Finishes every file, so that a shutdown leaves playable recordings. */
    @Override
    public void destroy() {
        for (String streamId : List.copyOf(active.keySet())) {
            Active recording = active.remove(streamId);
            if (recording != null) {
                finish(recording);
            }
        }
    }
}
