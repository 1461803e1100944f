package io.jrtc.spring.autoconfigure.security;

import java.util.Map;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the guards' answers into the OpenAPI document, since filters answer them and springdoc sees only
 * controllers: 401 (a configured token missing or wrong) on every operation of the REST API, WHIP and WHEP, and 403
 * (protected mode) on those of the REST API and WHIP. Preflight OPTIONS are answered before any guard and stay as
 * they are.
 */
class RtcAccessResponses implements OpenApiCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";

    private final String restPath;
    private final String whipPath;
    private final String whepPath;

    RtcAccessResponses(RtcProperties properties) {
        this.restPath = prefix(properties.getRest().getBasePath());
        this.whipPath = prefix(properties.getWhip().getPath());
        this.whepPath = prefix(properties.getWhep().getPath());
    }

    private static String prefix(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openApi.getPaths().entrySet()) {
            String path = entry.getKey();
            boolean protectedArea = path.startsWith(restPath) || path.startsWith(whipPath);
            if (!protectedArea && !path.startsWith(whepPath)) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : entry.getValue().readOperationsMap()
                    .entrySet()) {
                if (operation.getKey() == PathItem.HttpMethod.OPTIONS) {
                    continue;
                }
                operation.getValue().getResponses().addApiResponse("401", problem(
                        "A configured bearer token is missing or wrong (WWW-Authenticate: Bearer)"));
                if (protectedArea) {
                    operation.getValue().getResponses().addApiResponse("403", problem(
                            "Protected mode: no token is configured and the client is not on loopback; "
                                    + "'property' names the token to set"));
                }
            }
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
