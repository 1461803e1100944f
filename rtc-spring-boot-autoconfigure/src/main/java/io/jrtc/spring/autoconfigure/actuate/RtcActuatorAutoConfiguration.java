package io.jrtc.spring.autoconfigure.actuate;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The {@code rtc} health indicator and Actuator endpoint, when Actuator is present. */
@AutoConfiguration(after = RtcAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(PeerConnectionService.class)
@EnableConfigurationProperties(RtcProperties.class)
@Import({ RtcHealthConfiguration.class, RtcEndpointConfiguration.class })
public final class RtcActuatorAutoConfiguration {
}
