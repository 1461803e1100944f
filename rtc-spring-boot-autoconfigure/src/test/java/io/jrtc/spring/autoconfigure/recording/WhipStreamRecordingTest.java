package io.jrtc.spring.autoconfigure.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jrtc.media.MediaClock;
import io.jrtc.media.file.FfmpegCli;
import io.jrtc.media.file.MediaPlayer;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhipClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WHIP publisher (our own peer, playing a file FFmpeg made: H.264 or VP8 video with Opus audio) is recorded
 * through the REST API to MP4 and to WebM for three seconds; ffprobe finds both tracks and the duration within
 * 10 %. Errors of the endpoints are problem details.
 */
@SpringBootTest(classes = RecordingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "rtc.include-loopback=true", "rtc.events.stats-interval=0", "rtc.recording.enabled=true",
                "rtc.limits.client.creates-per-second-per-address=1000" })
class WhipStreamRecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long RECORD_MILLIS = 3_000;

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void recordingDirectory(DynamicPropertyRegistry registry) {
        registry.add("rtc.recording.directory", () -> dir.resolve("recordings").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RtcEngine engine;

    @Autowired
    StreamRegistry streams;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();

    @Test
    void anH264PublisherIsRecordedToAnMp4WithBothTracksAndItsDuration() throws Exception {
        Path file = recordPublisher("mp4-cam", FfmpegCli.Video.H264, "video/H264", "mp4");
        String probe = FfmpegCli.probe(file);
        assertThat(probe).contains("codec_name=h264", "codec_name=opus", "width=320", "height=240");
        assertDurationOfWhatItHolds(probe);
    }

    @Test
    void aVp8PublisherIsRecordedToAWebmWithBothTracksAndItsDuration() throws Exception {
        Path file = recordPublisher("webm-cam", FfmpegCli.Video.VP8, "video/VP8", "webm");
        String probe = FfmpegCli.probe(file);
        assertThat(probe).contains("codec_name=vp8", "codec_name=opus", "width=320", "height=240");
        assertDurationOfWhatItHolds(probe);
    }

    @Test
    void errorsAreProblemDetails() throws Exception {
        HttpResponse<String> unknown = send("POST", "/api/rtc/streams/nobody/recording");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(unknown.body()).get("type").asString()).isEqualTo("urn:jrtc:problem:stream-not-found");
        HttpResponse<String> notRecording = send("DELETE", "/api/rtc/streams/nobody/recording");
        assertThat(notRecording.statusCode()).isEqualTo(404);
        assertThat(json.readTree(notRecording.body()).get("type").asString())
                .isEqualTo("urn:jrtc:problem:not-recording");
        assertThat(send("POST", "/api/rtc/streams/nobody/recording?format=avi").statusCode()).isEqualTo(400);
    }

    private Path recordPublisher(String streamId, FfmpegCli.Video codec, String mimeType, String format)
            throws Exception {
        Path source = FfmpegCli.make(dir.resolve(streamId + "-source." + (format.equals("mp4") ? "mp4" : "webm")),
                codec, FfmpegCli.Audio.OPUS, 320, 240, 2, 440);
        try (MediaPlayer player = new MediaPlayer(source, MediaClock.system(),
                MediaPlayer.Options.defaults().withLoop(true))) {
            RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration());
            RTCRtpTransceiver video = pc.addTransceiver(player.getVideo(), RTCRtpTransceiverDirection.SENDONLY);
            List<RTCRtpCodecCapability> only = RTCRtpSender.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equalsIgnoreCase(mimeType)).toList();
            video.setCodecPreferences(only);
            pc.addTransceiver(player.getAudio(), RTCRtpTransceiverDirection.SENDONLY);
            SignalingSession session = WhipClient.builder(url("/whip/" + streamId)).build().publish(pc)
                    .get(20, TimeUnit.SECONDS);
            try {
                await().atMost(WAIT).until(() -> streams.find(streamId).isPresent());
                Thread.sleep(500);  // real time: media flowing before the recording starts
                HttpResponse<String> started = send("POST", "/api/rtc/streams/" + streamId + "/recording?format="
                        + format);
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                assertThat(send("POST", "/api/rtc/streams/" + streamId + "/recording").statusCode()).isEqualTo(409);
                Thread.sleep(RECORD_MILLIS);  // real time: three seconds of the stream
                HttpResponse<String> running = send("GET", "/api/rtc/streams/" + streamId + "/recording");
                assertThat(json.readTree(running.body()).get("finished").asBoolean()).isFalse();
                HttpResponse<String> stopped = send("DELETE", "/api/rtc/streams/" + streamId + "/recording");
                assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
                JsonNode view = json.readTree(stopped.body());
                assertThat(view.get("finished").asBoolean()).isTrue();
                assertThat(view.get("framesWritten").asLong()).isGreaterThan(100);
                return dir.resolve("recordings").resolve(view.get("file").asString());
            } finally {
                session.closeAsync().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * The file lasts as long as the media it holds, within 10 %: audio runs from the start to the end in 20 ms
     * packets; video, 30 fps, starts at its first keyframe, up to a second later. Wall-clock time says nothing
     * here: on a loaded machine the publisher's frames arrive late and in bursts, but carry their own time.
     */
    private static void assertDurationOfWhatItHolds(String probe) {
        double duration = FfmpegCli.duration(probe);
        double audio = FfmpegCli.packets(probe, "audio") * 0.020;
        double video = FfmpegCli.packets(probe, "video") / 30.0;
        assertThat(duration).as(probe).isGreaterThan(2.0).isBetween(audio * 0.9, audio * 1.1);
        assertThat(video).as(probe).isBetween(duration - 1.2, duration * 1.1);
    }
}
