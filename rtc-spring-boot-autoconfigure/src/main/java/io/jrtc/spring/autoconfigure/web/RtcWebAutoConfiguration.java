package io.jrtc.spring.autoconfigure.web;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import tools.jackson.databind.json.JsonMapper;

/** The REST API of {@link PeerConnectionService}, in a servlet web application with Spring MVC and Jackson. */
@AutoConfiguration(after = RtcAutoConfiguration.class, afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, JsonMapper.class })
@ConditionalOnBean(PeerConnectionService.class)
@ConditionalOnBooleanProperty(name = "rtc.rest.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RtcProperties.class)
@Import(RtcRestConfiguration.class)
public final class RtcWebAutoConfiguration {
}
