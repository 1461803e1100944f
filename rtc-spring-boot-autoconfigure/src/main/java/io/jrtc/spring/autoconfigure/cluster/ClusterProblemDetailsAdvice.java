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
 * Problem details (RFC 9457) for the node-internal endpoint, with the type prefix the public WHIP and WHEP
 * endpoints use; a 401 says which scheme it wants ({@code WWW-Authenticate: Bearer}).
 */
@RestControllerAdvice(assignableTypes = ClusterWhepController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClusterProblemDetailsAdvice {
    static final String TYPE_PREFIX = "urn:jrtc:problem:";

    @ExceptionHandler(WhipException.class)
    ResponseEntity<ProblemDetail> whip(WhipException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED.value()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jrtc-cluster\"");
        }
        return response.body(problem(HttpStatus.valueOf(e.status()), e.problemType(), e.title(), e.getMessage()));
    }

    /** An offer the stack refuses. */
    @ExceptionHandler({ RTCError.class, IllegalArgumentException.class })
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
