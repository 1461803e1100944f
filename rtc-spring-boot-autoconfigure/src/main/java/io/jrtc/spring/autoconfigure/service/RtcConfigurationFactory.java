package io.jrtc.spring.autoconfigure.service;

import java.util.List;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;

/** Makes the configuration of a new peer connection. */
@FunctionalInterface
public interface RtcConfigurationFactory {
    /**
     * @param iceServers the servers a request asked for, or null for the configured defaults
     */
    RTCConfiguration create(List<RTCIceServer> iceServers);
}
