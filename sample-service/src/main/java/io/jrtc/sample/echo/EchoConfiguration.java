package io.jrtc.sample.echo;

import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.security.RtcAccessRule;
import io.jrtc.spring.autoconfigure.web.RtcRestRequestFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds the echo endpoint's request bodies like the REST API's. No token and no protected mode: the echo is the
 * public data plane the browser page uses; the per-client limits bound what one client can open.
 */
@Configuration(proxyBeanMethods = false)
class EchoConfiguration {

    @Bean
    FilterRegistrationBean<RtcRestRequestFilter> echoRequestFilter(RtcProperties properties,
            ObjectProvider<JsonMapper> jsonMapper) {
        FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(
                new RtcRestRequestFilter(RtcAccessRule.anyone(), properties.getLimits().getMaxSdpBytes(),
                        jsonMapper.getIfAvailable(JsonMapper::new)));
        registration.setUrlPatterns(List.of("/echo", "/echo/*"));
        registration.setName("echoRequestFilter");
        return registration;
    }
}
