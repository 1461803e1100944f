package io.jrtc.spring.autoconfigure.actuate;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code management.health.rtc.enabled} switches the indicator off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("rtc")
class RtcHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "rtcHealthIndicator")
    RtcHealthIndicator rtcHealthIndicator(PeerConnectionService service) {
        return new RtcHealthIndicator(service);
    }
}
