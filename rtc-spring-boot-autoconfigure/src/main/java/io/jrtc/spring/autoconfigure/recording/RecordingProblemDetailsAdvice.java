package io.jrtc.spring.autoconfigure.recording;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the recording endpoints' errors as RFC 9457 {@code application/problem+json}: 404 stream not published
 * or not recorded, 409 already recorded, 503 recording unavailable (no FFmpeg, the directory not writable); Spring
 * MVC's own (405, 406) as problem details too. Problem types share the REST API's {@code urn:jrtc:problem:} prefix.
 */
@RestControllerAdvice(assignableTypes = RecordingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RecordingProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    static final String TYPE_PREFIX = "urn:jrtc:problem:";

    @ExceptionHandler(RecordingException.class)
    ResponseEntity<ProblemDetail> recording(RecordingException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + e.problemType()));
        problem.setTitle(e.title());
        return ResponseEntity.status(status).body(problem);
    }
}
