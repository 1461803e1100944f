package io.jrtc.spring.autoconfigure.websocket;

import java.util.List;

import io.jrtc.spring.autoconfigure.EventStreamProperties;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.security.RtcAccessPolicy;
import io.jrtc.spring.autoconfigure.web.RtcRestRequestFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the event handler and its guard; {@link EnableWebSocket} is idempotent if the application also enables
 * it. The guard is registered here, with the stream, so the stream is protected whether or not the REST API is
 * served.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RtcEventsWebSocketConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEventsWebSocketHandler rtcEventsWebSocketHandler(RtcEventBus events, ObjectProvider<JsonMapper> jsonMapper,
            RtcProperties properties) {
        EventStreamProperties config = properties.getEvents();
        return new RtcEventsWebSocketHandler(events, jsonMapper.getIfAvailable(JsonMapper::new),
                config.getMaxQueuedEvents(), config.getSendTimeLimit());
    }

    @Bean
    @ConditionalOnMissingBean(name = "rtcEventsRequestFilter")
    FilterRegistrationBean<RtcRestRequestFilter> rtcEventsRequestFilter(RtcProperties properties,
            ObjectProvider<RtcAccessPolicy> policy, ObjectProvider<JsonMapper> jsonMapper) {
        RtcRestRequestFilter filter = new RtcRestRequestFilter(
                policy.getIfAvailable(() -> RtcAccessPolicy.of(properties)).controlPlane(),
                properties.getLimits().getMaxSdpBytes(), jsonMapper.getIfAvailable(JsonMapper::new));
        FilterRegistrationBean<RtcRestRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(List.of(properties.getEvents().getPath()));
        registration.setName("rtcEventsRequestFilter");
        return registration;
    }

    @Bean
    WebSocketConfigurer rtcEventsWebSocketConfigurer(RtcEventsWebSocketHandler handler, RtcProperties properties) {
        return registry -> {
            WebSocketHandlerRegistration registration =
                    registry.addHandler(handler, properties.getEvents().getPath());
            if (!properties.getEvents().getAllowedOriginPatterns().isEmpty()) {
                registration.setAllowedOriginPatterns(
                        properties.getEvents().getAllowedOriginPatterns().toArray(String[]::new));
            }
        };
    }
}
