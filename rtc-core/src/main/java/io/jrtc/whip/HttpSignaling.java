package io.jrtc.whip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    private final HttpClient http;
    private final String bearerToken;
    private final Duration timeout;

    HttpSignaling(HttpClient http, String bearerToken, Duration timeout) {
        this.http = http;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
    }

    /** The endpoint's answer to OPTIONS, whatever its status (an endpoint need not implement it). */
    CompletableFuture<HttpResponse<String>> options(URI endpoint) {
        return http.sendAsync(request(endpoint).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs the offer, following redirects; completes with the 201 response, or fails with what was refused. */
    CompletableFuture<HttpResponse<String>> postOffer(URI endpoint, String offer) {
        return postOffer(endpoint, offer, 0);
    }

    private CompletableFuture<HttpResponse<String>> postOffer(URI endpoint, String offer, int redirects) {
        HttpRequest post = request(endpoint).header("Content-Type", APPLICATION_SDP)
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            int status = response.statusCode();
            if ((status == 307 || status == 308) && redirects < MAX_REDIRECTS) {
                String location = response.headers().firstValue("Location").orElseThrow(
                        () -> refused("POST " + endpoint, response));
                return postOffer(endpoint.resolve(location), offer, redirects + 1);
            }
            if (status != 201) {
                throw refused("POST " + endpoint, response);
            }
            return CompletableFuture.completedFuture(response);
        });
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
