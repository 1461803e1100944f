package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RTCConfiguration;

/** Adjusts the {@link RTCConfiguration} of every peer connection the service creates. */
@FunctionalInterface
public interface RTCConfigurationCustomizer {
    /** @return the configuration to use, the given one or a replacement */
    RTCConfiguration customize(RTCConfiguration configuration);
}
