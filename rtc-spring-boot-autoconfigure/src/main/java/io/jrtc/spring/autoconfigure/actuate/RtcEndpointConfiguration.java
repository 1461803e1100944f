package io.jrtc.spring.autoconfigure.actuate;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The endpoint is available when exposed, e.g. {@code management.endpoints.web.exposure.include=rtc}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnAvailableEndpoint(RtcEndpoint.class)
class RtcEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEndpoint rtcEndpoint(PeerConnectionService service) {
        return new RtcEndpoint(service);
    }
}
