package io.jrtc.spring.autoconfigure.websocket;

import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.web.DataChannelController;
import io.jrtc.spring.autoconfigure.web.RtcPaths;
import io.jrtc.spring.autoconfigure.web.RtcWebAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket of each data channel at {@code {rtc.rest.base-path}/peer-connections/{id}/data-channels/
 * {channelId}/websocket}, served with the REST API (so the REST API's filter guards its handshake: the bearer
 * token, or {@code access_token} in the query since browsers cannot set headers on a WebSocket).
 */
@AutoConfiguration(after = RtcWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = { WebSocketConfigurer.class, JsonMapper.class },
        name = "jakarta.websocket.server.ServerContainer")
@ConditionalOnBean({ PeerConnectionService.class, DataChannelController.class })
@EnableConfigurationProperties(RtcProperties.class)
@EnableWebSocket
public final class DataChannelWebSocketAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataChannelWebSocketHandler dataChannelWebSocketHandler(RtcProperties properties) {
        return new DataChannelWebSocketHandler(properties.getRest().getDataChannels());
    }

    @Bean
    WebSocketConfigurer dataChannelWebSocketConfigurer(DataChannelWebSocketHandler handler,
            PeerConnectionService service, RtcProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
        String path = RtcPaths.trimSlash(properties.getRest().getBasePath())
                + "/peer-connections/*/data-channels/*/websocket";
        DataChannelHandshake handshake = new DataChannelHandshake(service, jsonMapper.getIfAvailable(JsonMapper::new));
        return registry -> {
            WebSocketHandlerRegistration registration = registry.addHandler(handler, path)
                    .addInterceptors(handshake);
            // The same origins as the event stream: both are what a browser page of this service opens.
            if (!properties.getEvents().getAllowedOriginPatterns().isEmpty()) {
                registration.setAllowedOriginPatterns(
                        properties.getEvents().getAllowedOriginPatterns().toArray(String[]::new));
            }
        };
    }
}
