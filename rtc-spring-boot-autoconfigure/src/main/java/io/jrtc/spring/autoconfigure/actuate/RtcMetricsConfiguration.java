package io.jrtc.spring.autoconfigure.actuate;

import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meter binder; Boot's metrics support binds it to every meter registry. */
@Configuration(proxyBeanMethods = false)
class RtcMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcMetrics rtcMetrics(PeerConnectionService service, RtcEventBus events) {
        return new RtcMetrics(service, events);
    }
}
