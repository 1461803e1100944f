package io.jrtc.spring.autoconfigure.cluster;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem details (RFC 9457) written by the cluster's filters, which answer before any controller does. */
final class ClusterProblems {
    private ClusterProblems() {
    }

    static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response, int status,
            String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ClusterProblemDetailsAdvice.TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
