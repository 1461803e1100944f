package io.jrtc.spring.autoconfigure.whip;

import java.net.URI;

import io.jrtc.pc.RTCError;
import io.jrtc.pc.SdpSyntaxError;
import io.jrtc.spring.autoconfigure.service.ClientLimitExceededException;
import io.jrtc.spring.autoconfigure.service.PeerConnectionLimitExceededException;
import io.jrtc.spring.autoconfigure.service.RtcOperationTimeoutException;
import io.jrtc.spring.autoconfigure.service.SdpTooLargeException;
import io.jrtc.spring.autoconfigure.web.RtcProblemDetailsAdvice;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of the WHIP and WHEP controllers as an RFC 9457 {@code application/problem+json} document
 * (RFC 9725 section 4.2 lets error responses carry one): the {@link WhipException}s with their own status, 400
 * malformed SDP, 413 SDP too large, 415 wrong content type, 429 with Retry-After at a per-client limit, 503 with
 * Retry-After at the connection limit, 504 when the stack did not answer in time. Problem types share the REST
 * API's {@code urn:jrtc:problem:} prefix.
 */
@RestControllerAdvice(assignableTypes = { WhipController.class, WhepController.class,
        WhepExtensionsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WhipProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    static final String TYPE_PREFIX = "urn:jrtc:problem:";
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(WhipException.class)
    ResponseEntity<ProblemDetail> whip(WhipException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return ResponseEntity.status(status).body(problem(status, e.problemType(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(SdpSyntaxError.class)
    ResponseEntity<ProblemDetail> sdpSyntax(SdpSyntaxError e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "sdp-syntax", "Malformed session description",
                e.getMessage());
        problem.setProperty("line", e.getLineNumber());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(SdpTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(SdpTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "sdp-too-large",
                "Session description too large", e.getMessage());
        problem.setProperty("limit", e.getLimit());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(PeerConnectionLimitExceededException.class)
    ResponseEntity<ProblemDetail> limit(PeerConnectionLimitExceededException e, HttpServletResponse response) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "peer-connection-limit",
                "Too many peer connections", e.getMessage());
        problem.setProperty("limit", e.getLimit());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
    }

    @ExceptionHandler(ClientLimitExceededException.class)
    ResponseEntity<ProblemDetail> clientLimit(ClientLimitExceededException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.getRetryAfterSeconds()))
                .body(RtcProblemDetailsAdvice.clientLimitProblem(e));
    }

    @ExceptionHandler(RtcOperationTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(RtcOperationTimeoutException e) {
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem(HttpStatus.GATEWAY_TIMEOUT,
                "operation-timeout", "The WebRTC stack did not answer in time", e.getMessage()));
    }

    /** A description the stack refuses (no media, wrong state, bad candidate) or a malformed fragment. */
    @ExceptionHandler({ RTCError.class, IllegalArgumentException.class })
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                e.getMessage()));
    }

    /** A body cut off at the size limit arrives here wrapped by the message converter. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdpTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge).getBody());
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
