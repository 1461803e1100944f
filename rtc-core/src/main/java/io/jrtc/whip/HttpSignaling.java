package io.jrtc.whip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of WHIP and WHEP (RFC 9725 section 4): the bearer token on every request, redirects on the POST
 * followed by hand (307 and 308 keep the method and body; the session URL that comes back is final), and refusals
 * turned into {@link HttpSignalingException}s that carry the endpoint's problem details.
 */
final class HttpSignaling {
    static final String APPLICATION_SDP = "application/sdp";
    /** More hops than any deployment needs; a loop ends here. */
    static final int MAX_REDIRECTS = 5;
    /** rtc-core carries no JSON library; problem details are a flat object whose members we read are strings. */
    private static final Pattern JSON_STRING = Pattern.compile("\"(type|title|detail)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The wait before trying an endpoint again that could not be reached. */
    static final Duration UNREACHABLE_RETRY_DELAY = Duration.ofSeconds(1);

    private final HttpClient http;
    private final String bearerToken;
    private final Duration timeout;
    private final int retries;
    private final Duration maxRetryDelay;

    HttpSignaling(HttpClient http, String bearerToken, Duration timeout, int retries, Duration maxRetryDelay) {
        this.http = http;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        this.retries = retries;
        this.maxRetryDelay = maxRetryDelay;
    }

    /** The endpoint's answer to OPTIONS, whatever its status (an endpoint need not implement it). */
    CompletableFuture<HttpResponse<String>> options(URI endpoint) {
        return http.sendAsync(request(endpoint).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs the offer, following redirects; completes with the 201 response, or fails with what was refused. With
     * retries on, a 503 is tried again at the entry endpoint after its Retry-After, and so is an endpoint that
     * could not be reached, after {@link #UNREACHABLE_RETRY_DELAY}; each wait is at most the settings' cap.
     */
    CompletableFuture<HttpResponse<String>> postOffer(URI endpoint, String offer) {
        return postOffer(endpoint, offer, retries);
    }

    private CompletableFuture<HttpResponse<String>> postOffer(URI entry, String offer, int retriesLeft) {
        return postOffer(entry, offer, 0, retriesLeft).handle((response, failure) -> {
            Throwable cause = failure instanceof CompletionException && !(failure instanceof ServiceUnavailable)
                    ? failure.getCause() : failure;
            Duration wait = cause == null || retriesLeft == 0 ? null : retryDelay(cause);
            if (wait == null) {
                return cause == null ? CompletableFuture.completedFuture(response)
                        : CompletableFuture.<HttpResponse<String>>failedFuture(cause);
            }
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(waited -> postOffer(entry, offer, retriesLeft - 1));
        }).thenCompose(next -> next);
    }

    /** How long to wait before trying again after {@code failure}, or null when it is not worth another try. */
    private Duration retryDelay(Throwable failure) {
        Duration wait;
        if (failure instanceof ServiceUnavailable unavailable) {
            wait = unavailable.retryAfter;
        } else if (failure instanceof java.io.IOException) {
            wait = UNREACHABLE_RETRY_DELAY;
        } else {
            return null;
        }
        return wait.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : wait;
    }

    private CompletableFuture<HttpResponse<String>> postOffer(URI endpoint, String offer, int redirects,
            int retriesLeft) {
        HttpRequest post = request(endpoint).header("Content-Type", APPLICATION_SDP)
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if ((status == 307 || status == 308) && redirects < MAX_REDIRECTS) {
                String location = response.headers().firstValue("Location").orElseThrow(
                        () -> refused("POST " + endpoint, response));
                return postOffer(endpoint.resolve(location), offer, redirects + 1, retriesLeft);
            }
            if (status == 503 && retriesLeft > 0) {
                throw new ServiceUnavailable(refused("POST " + endpoint, response), retryAfter(response));
            }
            if (status != 201) {
                throw refused("POST " + endpoint, response);
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    /** The 503's Retry-After in seconds (RFC 9110 section 10.2.3); a date or nothing counts as one second. */
    private static Duration retryAfter(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        return value.matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.ofSeconds(1);
    }

    /** A 503 that a retry may get past; the last one's refusal is what the caller sees. */
    private static final class ServiceUnavailable extends java.util.concurrent.CompletionException {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;

        ServiceUnavailable(HttpSignalingException refusal, Duration retryAfter) {
            super(refusal);
            this.retryAfter = retryAfter;
        }
    }

    /** PATCHes a trickle fragment; {@code ifMatch} is the session's entity tag, or {@code "*"} for an ICE restart. */
    CompletableFuture<HttpResponse<String>> patch(URI session, String ifMatch, String fragment) {
        HttpRequest.Builder patch = request(session).header("Content-Type", TrickleFragments.MEDIA_TYPE)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment));
        if (ifMatch != null) {
            patch.header("If-Match", ifMatch);
        }
        return http.sendAsync(patch.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw refused("PATCH " + session, response);
            }
            return response;
        });
    }

    CompletableFuture<Void> delete(URI session) {
        return http.sendAsync(request(session).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                        throw refused("DELETE " + session, response);
                    }
                });
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    /** The refusal as an exception, with the problem details (RFC 9457) when the body is {@code problem+json}. */
    static HttpSignalingException refused(String request, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        boolean problem = response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json"))
                .orElse(false);
        String type = null;
        String title = null;
        String detail = null;
        if (problem) {
            Matcher field = JSON_STRING.matcher(body);
            while (field.find()) {
                String value = field.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                switch (field.group(1)) {
                    case "type" -> type = value;
                    case "title" -> title = value;
                    default -> detail = value;
                }
            }
        } else if (!body.isBlank()) {
            title = body.lines().findFirst().orElse("").strip();
        }
        return new HttpSignalingException(request, response.statusCode(), type, title, detail);
    }
}
