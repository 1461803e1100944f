package io.jrtc.spring.autoconfigure.service;

import java.util.List;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.diagnostics.InvalidIceServerException;

/** Builds {@link RTCIceServer}s from configuration or request bodies, naming the bad URL when one is malformed. */
public final class IceServers {
    private IceServers() {
    }

    /**
     * @param location where the server was given, e.g. {@code rtc.ice-servers[0]}; URL locations append
     *                 {@code .urls[i]}
     * @throws InvalidIceServerException naming the first malformed URL
     */
    public static RTCIceServer create(String location, List<String> urls, String username, String credential) {
        if (urls == null || urls.isEmpty()) {
            throw new InvalidIceServerException(location + ".urls", "", "an ICE server needs at least one URL");
        }
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            try {
                new RTCIceServer(List.of(url), username, credential, "password");
            } catch (IllegalArgumentException | NullPointerException e) {
                // Validated one URL at a time so the message names the bad one.
                throw new InvalidIceServerException(location + ".urls[" + i + "]", String.valueOf(url),
                        e.getMessage() == null ? "malformed" : e.getMessage());
            }
        }
        try {
            return new RTCIceServer(List.copyOf(urls), username, credential, "password");
        } catch (IllegalArgumentException e) {
            throw new InvalidIceServerException(location, String.join(",", urls), e.getMessage());
        }
    }
}
