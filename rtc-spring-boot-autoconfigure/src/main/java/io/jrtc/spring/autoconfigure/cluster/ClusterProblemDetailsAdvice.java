package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.pc.RTCError;
import io.jrtc.spring.autoconfigure.whip.WhipException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details (RFC 9457) for the node-to-node endpoint: its refusals (401 without a valid token, 404 for a
 * stream not carried here) reach the pulling edge as {@code HttpSignalingException}s it can log.
 */
@RestControllerAdvice(assignableTypes = ClusterWhepController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClusterProblemDetailsAdvice {

    @ExceptionHandler(WhipException.class)
    ResponseEntity<ProblemDetail> refused(WhipException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jrtc-cluster\"");
        }
        return response.body(problem(status, e.problemType(), e.title(), e.getMessage()));
    }

    @ExceptionHandler({ RTCError.class, IllegalArgumentException.class })
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:jrtc:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
