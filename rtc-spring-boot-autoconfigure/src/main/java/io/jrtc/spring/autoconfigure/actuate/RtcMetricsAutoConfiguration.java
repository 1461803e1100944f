package io.jrtc.spring.autoconfigure.actuate;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Micrometer meters of the WebRTC service ({@link RtcMetrics}), when Micrometer is present. */
@AutoConfiguration(after = RtcAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean({ PeerConnectionService.class, RtcEventBus.class })
@EnableConfigurationProperties(RtcProperties.class)
@Import(RtcMetricsConfiguration.class)
public final class RtcMetricsAutoConfiguration {
}
