package io.jrtc.spring.autoconfigure.websocket;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;

import tools.jackson.databind.json.JsonMapper;

/** Registers the event handler; {@link EnableWebSocket} is idempotent if the application also enables it. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RtcEventsWebSocketConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEventsWebSocketHandler rtcEventsWebSocketHandler(RtcEventBus events, ObjectProvider<JsonMapper> jsonMapper,
            RtcProperties properties) {
        RtcProperties.Events config = properties.getEvents();
        return new RtcEventsWebSocketHandler(events, jsonMapper.getIfAvailable(JsonMapper::new),
                config.getMaxQueuedEvents(), config.getSendTimeLimit());
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
