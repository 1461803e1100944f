package io.jrtc.spring.autoconfigure.web;

import org.springframework.core.env.Environment;

/** Where the rtc endpoints are served, as servlet paths. */
public final class RtcPaths {
    private RtcPaths() {
    }

    public static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Where Actuator serves the {@code rtc} endpoint on the application's port: its base path
     * ({@code management.endpoints.web.base-path}) and the endpoint's path mapping.
     */
    public static String rtcActuatorEndpoint(Environment environment) {
        String base = trimSlash(environment.getProperty("management.endpoints.web.base-path", "/actuator"));
        String mapped = environment.getProperty("management.endpoints.web.path-mapping.rtc", "rtc");
        return base + "/" + (mapped.startsWith("/") ? mapped.substring(1) : mapped);
    }
}
