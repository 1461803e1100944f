package io.jrtc.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The controllers, their problem-details advice and the token/size filter. */
@Configuration(proxyBeanMethods = false)
class RtcRestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PeerConnectionController peerConnectionController(PeerConnectionService service) {
        return new PeerConnectionController(service);
    }

    @Bean
    @ConditionalOnMissingBean
    IceServersController iceServersController(RtcProperties properties, ObjectProvider<TurnCredentials> turn) {
        return new IceServersController(properties.createIceServers(),
                turn.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    RtcProblemDetailsAdvice rtcProblemDetailsAdvice() {
        return new RtcProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(name = "rtcRestRequestFilter")
    FilterRegistrationBean<RtcRestRequestFilter> rtcRestRequestFilter(RtcProperties properties,
            ObjectProvider<JsonMapper> jsonMapper) {
        RtcRestRequestFilter filter = new RtcRestRequestFilter(properties.getRest().getBearerToken(),
                properties.getLimits().getMaxSdpBytes(), jsonMapper.getIfAvailable(JsonMapper::new));
        FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(filter);
        List<String> patterns = new ArrayList<>();
        patterns.add(trimSlash(properties.getRest().getBasePath()) + "/*");
        if (properties.getEvents().isEnabled()) {
            patterns.add(properties.getEvents().getPath());
        }
        registration.setUrlPatterns(patterns);
        registration.setName("rtcRestRequestFilter");
        return registration;
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
