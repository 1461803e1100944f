package io.jrtc.sample.echo;

import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.web.RtcRestRequestFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Bounds the echo endpoint's request bodies like the REST API's (no token: the browser page uses it). */
@Configuration(proxyBeanMethods = false)
class EchoConfiguration {

    @Bean
    FilterRegistrationBean<RtcRestRequestFilter> echoRequestFilter(RtcProperties properties,
            ObjectProvider<JsonMapper> jsonMapper) {
        FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(
                new RtcRestRequestFilter(null, properties.getLimits().getMaxSdpBytes(),
                        jsonMapper.getIfAvailable(JsonMapper::new)));
        registration.setUrlPatterns(List.of("/echo", "/echo/*"));
        registration.setName("echoRequestFilter");
        return registration;
    }
}
