package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RTCPeerConnection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The WebRTC engine and the peer-connection service as beans, configured by {@code rtc.*}. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(RTCPeerConnection.class)
@EnableConfigurationProperties(RtcProperties.class)
@Import({ RtcEngineConfiguration.class, PeerConnectionServiceConfiguration.class })
public final class RtcAutoConfiguration {
}
