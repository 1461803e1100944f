package io.jrtc.spring.autoconfigure.web;

import java.net.URI;

import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCError;
import io.jrtc.pc.SdpSyntaxError;
import io.jrtc.spring.autoconfigure.service.ClientLimitExceededException;
import io.jrtc.spring.autoconfigure.service.DataChannelBusyException;
import io.jrtc.spring.autoconfigure.service.DataChannelMessageTooLargeException;
import io.jrtc.spring.autoconfigure.service.DataChannelNotOpenException;
import io.jrtc.spring.autoconfigure.service.MediaRoutingException;
import io.jrtc.spring.autoconfigure.service.PeerConnectionLimitExceededException;
import io.jrtc.spring.autoconfigure.service.RtcOperationTimeoutException;
import io.jrtc.spring.autoconfigure.service.SdpTooLargeException;
import io.jrtc.spring.autoconfigure.service.UnknownDataChannelException;
import io.jrtc.spring.autoconfigure.service.UnknownPeerConnectionException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of an {@link RtcApi} controller as an RFC 9457 {@code application/problem+json} document:
 * 400 malformed SDP (with the line), 404 unknown connection or data channel, 409 wrong signalling state or a data
 * channel not open, 413 SDP or message too large, 415 wrong content type, 429 with Retry-After at a per-client
 * limit, 503 with Retry-After at the connection limit or while a data channel's buffer is full, 504 when the stack
 * did not answer in time.
 * Scoped to {@link RtcApi} controllers so the application's own error handling stays as it is. The
 * {@link ResponseStatus} annotations let springdoc list these responses in the OpenAPI document.
 */
@RestControllerAdvice(annotations = RtcApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RtcProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    /** Problem type URIs name the failure kind (RFC 9457 section 3.1.1); they are identifiers, not links. */
    static final String TYPE_PREFIX = "urn:jrtc:problem:";
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(UnknownPeerConnectionException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail unknown(UnknownPeerConnectionException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-peer-connection", "Unknown peer connection",
                e.getMessage());
        problem.setProperty("peerConnectionId", e.getPeerConnectionId());
        return problem;
    }

    @ExceptionHandler(UnknownDataChannelException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail unknownChannel(UnknownDataChannelException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-data-channel", "Unknown data channel",
                e.getMessage());
        problem.setProperty("peerConnectionId", e.getPeerConnectionId());
        problem.setProperty("channelId", e.getChannelId());
        return problem;
    }

    /**
     * A media operation refused, with the status its reason calls for: 404 unknown transceiver, stream or file;
     * 403 a file outside the media directory; 409 a stream taken, a stopped transceiver, a codec that would need
     * transcoding, files or streams switched off; 422 a source or route of the wrong kind or an unusable file; 501
     * a test pattern without FFmpeg to encode it.
     */
    @ExceptionHandler(MediaRoutingException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail mediaRouting(MediaRoutingException e) {
        HttpStatus status = switch (e.getReason()) {
            case UNKNOWN_TRANSCEIVER, UNKNOWN_STREAM, FILE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FILE_OUTSIDE_DIRECTORY -> HttpStatus.FORBIDDEN;
            case STREAM_TAKEN, STREAMS_DISABLED, FILES_DISABLED, CODEC_MISMATCH, TRANSCEIVER_STOPPED ->
                    HttpStatus.CONFLICT;
            case WRONG_KIND, FILE_UNUSABLE, LAYER_NOT_AVAILABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case ENCODER_UNAVAILABLE -> HttpStatus.NOT_IMPLEMENTED;
        };
        String type = e.getReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        // A ProblemDetail, not a ResponseEntity: Spring MVC answers with its status, and springdoc then lists this
        // 409 as application/problem+json like the other 409s. With a ResponseEntity it listed "*/*" too, or not,
        // depending on the order reflection returned the handlers in, so the served document changed between runs.
        return problem(status, type, "Media operation refused", e.getMessage());
    }

    @ExceptionHandler(DataChannelNotOpenException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail channelNotOpen(DataChannelNotOpenException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "data-channel-not-open", "Data channel not open",
                e.getMessage());
        problem.setProperty("readyState", e.getReadyState());
        return problem;
    }

    @ExceptionHandler(DataChannelMessageTooLargeException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ProblemDetail messageTooLargeProblem(DataChannelMessageTooLargeException e) {
        return messageTooLarge(e);
    }

    /** The 413 of a data-channel message, from the advice or from the body-size filter. */
    static ProblemDetail messageTooLarge(DataChannelMessageTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "message-too-large", "Message too large",
                e.getMessage());
        problem.setProperty("limit", e.getLimit());
        return problem;
    }

    @ExceptionHandler(DataChannelBusyException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail channelBusy(DataChannelBusyException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "data-channel-busy",
                "The peer is not reading fast enough", e.getMessage());
        problem.setProperty("bufferedAmount", e.getBufferedAmount());
        return problem;
    }

    @ExceptionHandler(SdpSyntaxError.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail sdpSyntax(SdpSyntaxError e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "sdp-syntax", "Malformed session description",
                e.getMessage());
        problem.setProperty("line", e.getLineNumber());
        return problem;
    }

    @ExceptionHandler(InvalidStateError.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail invalidState(InvalidStateError e) {
        return problem(HttpStatus.CONFLICT, "invalid-state", "Wrong signalling state", e.getMessage());
    }

    @ExceptionHandler(SdpTooLargeException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ProblemDetail tooLarge(SdpTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "sdp-too-large",
                "Session description too large", e.getMessage());
        problem.setProperty("limit", e.getLimit());
        return problem;
    }

    @ExceptionHandler(PeerConnectionLimitExceededException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail limit(PeerConnectionLimitExceededException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "peer-connection-limit",
                "Too many peer connections", e.getMessage());
        problem.setProperty("limit", e.getLimit());
        return problem;
    }

    @ExceptionHandler(ClientLimitExceededException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    ProblemDetail clientLimit(ClientLimitExceededException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.getRetryAfterSeconds()));
        return clientLimitProblem(e);
    }

    /** The 429 body of both APIs: which bound, set by which property. */
    public static ProblemDetail clientLimitProblem(ClientLimitExceededException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "client-limit",
                "Too many requests from this client", e.getMessage());
        problem.setProperty("limit", e.getLimit());
        problem.setProperty("property", e.getProperty());
        return problem;
    }

    @ExceptionHandler(RtcOperationTimeoutException.class)
    @ResponseStatus(HttpStatus.GATEWAY_TIMEOUT)
    ProblemDetail timeout(RtcOperationTimeoutException e) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "operation-timeout", "The WebRTC stack did not answer in time",
                e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    @ExceptionHandler(RTCError.class)
    ProblemDetail rtcError(RTCError e) {
        return problem(HttpStatus.BAD_REQUEST, "rtc-error", e.getClass().getSimpleName(), e.getMessage());
    }

    /** A body cut off at the size limit arrives here wrapped by the message converter. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdpTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
            if (cause instanceof DataChannelMessageTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(messageTooLarge(tooLarge));
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
