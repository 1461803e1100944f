package io.jrtc.spring.autoconfigure.websocket;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

import tools.jackson.databind.json.JsonMapper;

/** The WebSocket stream of peer-connection events at {@code rtc.events.path}, when Spring WebSocket is present. */
@AutoConfiguration(after = RtcAutoConfiguration.class, afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = { WebSocketConfigurer.class, JsonMapper.class },
        name = "jakarta.websocket.server.ServerContainer")
@ConditionalOnBean(RtcEventBus.class)
@ConditionalOnBooleanProperty(name = "rtc.events.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RtcProperties.class)
@Import(RtcEventsWebSocketConfiguration.class)
public final class RtcWebSocketAutoConfiguration {
}
