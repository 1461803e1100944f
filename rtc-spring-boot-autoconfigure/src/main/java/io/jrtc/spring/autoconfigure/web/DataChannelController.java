package io.jrtc.spring.autoconfigure.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jrtc.spring.autoconfigure.DataChannelBridgeProperties;
import io.jrtc.spring.autoconfigure.service.DataChannelMessageTooLargeException;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data channels of a REST-managed connection, each under its {@code channelId}: open one from the server
 * side, list and read them, switch their message events, send one message, close. Streaming both ways goes over
 * the channel's WebSocket, {@code .../data-channels/{channelId}/websocket}.
 */
@RestController
@RtcApi
@RequestMapping("${rtc.rest.base-path:/api/rtc}/peer-connections/{id}/data-channels")
@Tag(name = "peer-connections", description = "WebRTC peer connections managed by the server")
public class DataChannelController {
    static final String TEXT_PLAIN = MediaType.TEXT_PLAIN_VALUE;
    static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM_VALUE;

    private final PeerConnectionService service;
    private final DataChannelBridgeProperties limits;

    public DataChannelController(PeerConnectionService service, DataChannelBridgeProperties limits) {
        this.service = service;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createDataChannel", summary = "Open a data channel from the server side",
            description = "Every channel, opened by either side, has a channelId that is never reused on its "
                    + "connection. Its WebSocket, GET {base}/peer-connections/{id}/data-channels/{channelId}/websocket "
                    + "(bearer token in the Authorization header or the access_token query parameter), carries one "
                    + "channel message per WebSocket message both ways, text as text and binary as binary; closing "
                    + "either side closes the other.")
    @ApiResponse(responseCode = "201", description = "Created")
    public DataChannelView createDataChannel(@PathVariable String id, @RequestBody CreateDataChannelBody body) {
        if (body.label() == null) {
            throw new IllegalArgumentException("a data channel needs a label");
        }
        return DataChannelView.of(service.createDataChannel(id, body.label(), body.toInit(),
                Boolean.TRUE.equals(body.messageEvents())));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listDataChannels", summary = "The connection's data channels not yet closed, "
            + "opened by either side")
    public List<DataChannelView> list(@PathVariable String id) {
        return service.get(id).dataChannels().stream().map(DataChannelView::of).toList();
    }

    @GetMapping(path = "/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getDataChannel", summary = "One data channel")
    public DataChannelView get(@PathVariable String id, @PathVariable String channelId) {
        return DataChannelView.of(service.dataChannel(id, channelId));
    }

    @PatchMapping(path = "/{channelId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateDataChannel", summary = "Switch the channel's data-channel-message events")
    public DataChannelView update(@PathVariable String id, @PathVariable String channelId,
            @RequestBody UpdateDataChannelBody body) {
        if (body.messageEvents() == null) {
            return DataChannelView.of(service.dataChannel(id, channelId));
        }
        return DataChannelView.of(service.setMessageEvents(id, channelId, body.messageEvents()));
    }

    @DeleteMapping("/{channelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "closeDataChannel", summary = "Close the data channel",
            description = "The data-channel-close event follows once both directions are reset; the channel is "
                    + "then forgotten and its channelId answers 404.")
    @ApiResponse(responseCode = "204", description = "Closing")
    public void close(@PathVariable String id, @PathVariable String channelId) {
        service.closeDataChannel(id, channelId, "closed by REST client");
    }

    @PostMapping(path = "/{channelId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "sendDataChannelMessage", summary = "Send one message on the data channel",
            description = "A text/plain body (UTF-8) is sent as a text message, an application/octet-stream body as "
                    + "a binary one; as application/json, {\"text\": ...} or {\"binary\": <base64>}. While the peer "
                    + "has not acknowledged rtc.rest.data-channels.max-buffered-bytes, the request waits, then "
                    + "answers 503 with Retry-After.")
    @ApiResponse(responseCode = "204", description = "Queued for the peer")
    public void sendJson(@PathVariable String id, @PathVariable String channelId,
            @RequestBody DataChannelMessageBody body) {
        send(id, channelId, body.payload(), body.isBinary());
    }

    @PostMapping(path = "/{channelId}/messages", consumes = { TEXT_PLAIN, OCTET_STREAM })
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "sendDataChannelMessageRaw", summary = "Send one message on the data channel")
    @ApiResponse(responseCode = "204", description = "Queued for the peer")
    public void sendRaw(@PathVariable String id, @PathVariable String channelId,
            @Parameter(hidden = true) @RequestHeader(name = "Content-Type") String contentType,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = TEXT_PLAIN, schema = @Schema(type = "string")),
                    @Content(mediaType = OCTET_STREAM, schema = @Schema(type = "string", format = "binary")) })
            @RequestBody(required = false) byte[] body) {
        byte[] message = body == null ? new byte[0] : body;
        boolean binary = !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.TEXT_PLAIN);
        if (!binary) {
            requireUtf8(message);
        }
        send(id, channelId, message, binary);
    }

    private void send(String id, String channelId, byte[] message, boolean binary) {
        if (message.length > limits.getMaxMessageBytes()) {
            throw new DataChannelMessageTooLargeException(message.length, limits.getMaxMessageBytes(),
                    "rtc.rest.data-channels.max-message-bytes");
        }
        service.sendMessage(id, channelId, message, binary, limits.getMaxBufferedBytes());
    }

    private static void requireUtf8(byte[] text) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a text/plain message must be UTF-8");
        }
    }
}
