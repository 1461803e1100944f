package io.jrtc.spring.autoconfigure.actuate;

import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.security.RtcAccessPolicy;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.web.RtcPaths;
import io.jrtc.spring.autoconfigure.web.RtcRestRequestFilter;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint is available when exposed, e.g. {@code management.endpoints.web.exposure.include=rtc}. In a servlet
 * application it is part of the control plane: the same token, or protected mode, guards it as the REST API (when
 * the management server shares the application's port; on a port of its own it is the operator's network).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnAvailableEndpoint(RtcEndpoint.class)
class RtcEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEndpoint rtcEndpoint(PeerConnectionService service) {
        return new RtcEndpoint(service);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ OncePerRequestFilter.class, JsonMapper.class })
    static class RtcEndpointGuardConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "rtcEndpointRequestFilter")
        FilterRegistrationBean<RtcRestRequestFilter> rtcEndpointRequestFilter(RtcProperties properties,
                ObjectProvider<RtcAccessPolicy> policy, ObjectProvider<JsonMapper> jsonMapper,
                Environment environment) {
            RtcRestRequestFilter filter = new RtcRestRequestFilter(
                    policy.getIfAvailable(() -> RtcAccessPolicy.of(properties)).controlPlane(),
                    properties.getLimits().getMaxSdpBytes(), jsonMapper.getIfAvailable(JsonMapper::new));
            FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(filter);
            String path = RtcPaths.rtcActuatorEndpoint(environment);
            registration.setUrlPatterns(List.of(path, path + "/*"));
            registration.setName("rtcEndpointRequestFilter");
            return registration;
        }
    }
}
