package io.jrtc.spring.autoconfigure.recording;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Turns the recording of a published WHIP stream on ({@code POST}) and off ({@code DELETE}), and shows it
 * ({@code GET}), under the REST API's base path and so behind its bearer token and protected mode. Errors are
 * problem details ({@link RecordingProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("${rtc.rest.base-path:/api/rtc}/streams/{streamId}/recording")
@Tag(name = "recording", description = "Recording of published WHIP streams to MP4 or WebM files")
public class RecordingController {
    private final StreamRecordings recordings;

    public RecordingController(StreamRecordings recordings) {
        this.recordings = recordings;
    }

    /** The response body: a recording under way or just finished. */
    @Schema(name = "Recording")
    public record RecordingView(String streamId, @Schema(description = "file name in rtc.recording.directory")
            String file, String format, String startedAt, long framesWritten, boolean finished) {

        static RecordingView of(StreamRecordings.Recording recording) {
            return new RecordingView(recording.streamId(), recording.file(),
                    recording.format().name().toLowerCase(java.util.Locale.ROOT), recording.startedAt().toString(),
                    recording.framesWritten(), recording.finished());
        }
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "startRecording", summary = "Start recording a published stream")
    @ApiResponse(responseCode = "201", description = "Recording")
    @ApiResponse(responseCode = "400", description = "An unknown format",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such stream is published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The stream is already being recorded, or its video codec "
            + "does not fit the container (H.264 in WebM)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The file cannot be written or FFmpeg is missing",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<RecordingView> start(@PathVariable String streamId,
            @Parameter(description = "the container, mp4 or webm; rtc.recording.format when absent")
            @RequestParam(required = false) String format) {
        RecordingView view = RecordingView.of(recordings.start(streamId, parseFormat(format)));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
        return ResponseEntity.created(location).body(view);
    }

    private static RecordingProperties.Format parseFormat(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        for (RecordingProperties.Format known : RecordingProperties.Format.values()) {
            if (known.extension().equalsIgnoreCase(format.strip())) {
                return known;
            }
        }
        throw RecordingException.badFormat(format);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getRecording", summary = "A stream's recording under way")
    @ApiResponse(responseCode = "200", description = "Recording")
    @ApiResponse(responseCode = "404", description = "The stream is not being recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RecordingView get(@PathVariable String streamId) {
        return recordings.find(streamId).map(RecordingView::of)
                .orElseThrow(() -> RecordingException.notRecording(streamId));
    }

    @DeleteMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "stopRecording", summary = "Stop recording a stream and finish its file")
    @ApiResponse(responseCode = "200", description = "The finished recording")
    @ApiResponse(responseCode = "404", description = "The stream is not being recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RecordingView stop(@PathVariable String streamId) {
        return RecordingView.of(recordings.stop(streamId));
    }
}
