package io.jrtc.spring.autoconfigure.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.jrtc.spring.autoconfigure.security.RtcAccessRule;
import io.jrtc.spring.autoconfigure.service.DataChannelMessageTooLargeException;
import io.jrtc.spring.autoconfigure.service.SdpTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Guards an area of the rtc endpoints (the REST API, the event stream, the rtc actuator endpoint, WHIP, WHEP):
 * its {@link RtcAccessRule} decides (401 with a Bearer challenge for a missing or wrong token, RFC 6750 section 3;
 * 403 naming the property to set in protected mode), and a request body may not exceed the SDP limit plus room for
 * its JSON envelope (a data-channel message body: the message limit), so an oversized body is refused (413) without
 * being read into memory. Every refusal is problem+json.
 */
public class RtcRestRequestFilter extends OncePerRequestFilter {
    /** Room for the JSON around an SDP: type, field names, escapes of CRLF. */
    static final int ENVELOPE_BYTES = 16 * 1024;

    /** The path of a data-channel message body, {@code .../data-channels/{channelId}/messages}. */
    private static final Pattern MESSAGES_PATH = Pattern.compile(".*/data-channels/[^/]+/messages/?");

    private final RtcAccessRule access;
    private final long maxBodyBytes;
    private final long maxSdpBytes;
    private final long maxMessageBytes;
    private final JsonMapper jsonMapper;

    /**
     * @param access who may use the guarded paths; {@link RtcAccessRule#anyone()} for an application's own public
     *               endpoint that only wants bodies bounded
     */
    public RtcRestRequestFilter(RtcAccessRule access, long maxSdpBytes, JsonMapper jsonMapper) {
        this(access, maxSdpBytes, 0, jsonMapper);
    }

    /** @param maxMessageBytes largest data-channel message body; 0 when the guarded paths take none */
    public RtcRestRequestFilter(RtcAccessRule access, long maxSdpBytes, long maxMessageBytes,
            JsonMapper jsonMapper) {
        this.access = access;
        this.maxSdpBytes = maxSdpBytes;
        this.maxMessageBytes = maxMessageBytes;
        // SDP in JSON doubles at worst (\r\n escapes), so allow that plus the envelope.
        this.maxBodyBytes = 2 * maxSdpBytes + ENVELOPE_BYTES;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RtcAccessRule.Outcome outcome = access.check(request);
        if (outcome != RtcAccessRule.Outcome.ALLOWED) {
            refuse(outcome, request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (maxMessageBytes > 0 && MESSAGES_PATH.matcher(request.getRequestURI()).matches()) {
            // Room for a binary message in base64 inside JSON; raw bodies are measured exactly by the controller.
            long maxMessageBody = maxMessageBytes / 3 * 4 + 4 + ENVELOPE_BYTES;
            Supplier<RuntimeException> tooLarge = () -> new DataChannelMessageTooLargeException(-1, maxMessageBytes,
                    "rtc.rest.data-channels.max-message-bytes");
            if (length > maxMessageBody) {
                write(response, request.getRequestURI(), RtcProblemDetailsAdvice.messageTooLarge(
                        new DataChannelMessageTooLargeException(length, maxMessageBytes,
                                "rtc.rest.data-channels.max-message-bytes")));
                return;
            }
            chain.doFilter(new BoundedBodyRequest(request, maxMessageBody, tooLarge), response);
            return;
        }
        if (length > maxBodyBytes) {
            write(response, request.getRequestURI(), RtcProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "sdp-too-large",
                    "Session description too large",
                    new SdpTooLargeException(length, maxSdpBytes).getMessage()));
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, maxBodyBytes, () -> new SdpTooLargeException(-1, maxSdpBytes)),
                response);
    }

    /** 401 with a Bearer challenge (RFC 6750 section 3), or 403 naming the token to set in protected mode. */
    private void refuse(RtcAccessRule.Outcome outcome, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (outcome == RtcAccessRule.Outcome.PROTECTED_MODE) {
            ProblemDetail problem = RtcProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, "protected-mode",
                    "Protected mode", access.protectedModeMessage());
            problem.setProperty("property", access.tokenProperty());
            write(response, request.getRequestURI(), problem);
            return;
        }
        boolean presented = RtcAccessRule.presentedToken(request) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer realm=\"rtc\", error=\"invalid_token\"" : "Bearer realm=\"rtc\"");
        write(response, request.getRequestURI(), RtcProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", presented ? "The bearer token is not valid"
                        : "This API needs a bearer token: send 'Authorization: Bearer <token>'"));
    }

    private void write(HttpServletResponse response, String requestUri, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", requestUri);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(body));
    }

    /** Fails reading past the limit, for bodies sent without a Content-Length. */
    private static final class BoundedBodyRequest extends HttpServletRequestWrapper {
        private final long maxBodyBytes;
        private final Supplier<RuntimeException> tooLarge;
        private ServletInputStream bounded;

        BoundedBodyRequest(HttpServletRequest request, long maxBodyBytes, Supplier<RuntimeException> tooLarge) {
            super(request);
            this.maxBodyBytes = maxBodyBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedInputStream(super.getInputStream(), maxBodyBytes, tooLarge);
            }
            return bounded;
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final Supplier<RuntimeException> tooLarge;
        private long read;

        BoundedInputStream(ServletInputStream in, long max, Supplier<RuntimeException> tooLarge) {
            this.in = in;
            this.max = max;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge.get();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
