package io.jrtc.spring.autoconfigure.whip;

import java.util.Comparator;
import java.util.List;

import io.jrtc.spring.autoconfigure.service.MediaRoutingException;
import io.jrtc.spring.autoconfigure.service.MediaRoutingException.Reason;
import io.jrtc.spring.autoconfigure.web.RtcApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published streams under the REST API's base path, whoever published them (WHIP or a REST route): what a
 * player can ask WHEP for, with the codec it must take and how many consume it.
 */
@RestController
@RtcApi
@RequestMapping("${rtc.rest.base-path:/api/rtc}/streams")
@Tag(name = "streams", description = "Streams published over WHIP or by REST routes, played over WHEP")
public class StreamsController {
    private final StreamRegistry streams;

    public StreamsController(StreamRegistry streams) {
        this.streams = streams;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listStreams", summary = "The published streams, by id")
    public List<StreamView> list() {
        return streams.all().stream().sorted(Comparator.comparing(PublishedStream::streamId)).map(StreamView::of)
                .toList();
    }

    @GetMapping(path = "/{streamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getStream", summary = "One published stream")
    public StreamView get(@PathVariable String streamId) {
        return streams.find(streamId).map(StreamView::of).orElseThrow(() -> new MediaRoutingException(
                Reason.UNKNOWN_STREAM, "nobody publishes stream '" + streamId + "'"));
    }
}
