package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RtcEngineSettings;

/** Adjusts the {@link RtcEngineSettings} built from {@code rtc.*} properties before the engine is created. */
@FunctionalInterface
public interface RtcEngineSettingsCustomizer {
    /** @return the settings to use (records are immutable: return the modified copy) */
    RtcEngineSettings customize(RtcEngineSettings settings);
}
