package io.jrtc.spring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.websocket.RtcEventsWebSocketHandler;
import io.jrtc.spring.autoconfigure.websocket.RtcWebSocketAutoConfiguration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

class RtcWebAutoConfigurationTest {
    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(RtcAutoConfiguration.class,
            JacksonAutoConfiguration.class, RtcWebAutoConfiguration.class, RtcWebSocketAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS);

    @Test
    void aServletWebApplicationGetsTheRestApiAndTheEventStream() {
        web.run(context -> {
            assertThat(context).hasSingleBean(PeerConnectionController.class)
                    .hasSingleBean(RtcProblemDetailsAdvice.class).hasBean("rtcRestRequestFilter")
                    .hasSingleBean(RtcEventsWebSocketHandler.class);
            FilterRegistrationBean<?> filter = context.getBean("rtcRestRequestFilter", FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/api/rtc/*");
            FilterRegistrationBean<?> events = context.getBean("rtcEventsRequestFilter", FilterRegistrationBean.class);
            assertThat(events.getUrlPatterns()).containsExactly("/api/rtc/events");
        });
    }

    @Test
    void theFilterFollowsTheConfiguredPaths() {
        web.withPropertyValues("rtc.rest.base-path=/webrtc/", "rtc.events.path=/stream").run(context -> {
            FilterRegistrationBean<?> filter = context.getBean("rtcRestRequestFilter", FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/webrtc/*");
            FilterRegistrationBean<?> events = context.getBean("rtcEventsRequestFilter", FilterRegistrationBean.class);
            assertThat(events.getUrlPatterns()).containsExactly("/stream");
        });
    }

    @Test
    void theEventStreamKeepsItsGuardWithoutTheRestApi() {
        web.withPropertyValues("rtc.rest.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(PeerConnectionController.class).doesNotHaveBean("rtcRestRequestFilter")
                .hasSingleBean(RtcEventsWebSocketHandler.class).hasBean("rtcEventsRequestFilter"));
    }

    @Test
    void eachPartCanBeSwitchedOff() {
        web.withPropertyValues("rtc.rest.enabled=false", "rtc.events.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PeerConnectionController.class)
                        .doesNotHaveBean(RtcEventsWebSocketHandler.class));
    }

    @Test
    void aNonWebApplicationGetsNeither() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean(PeerConnectionController.class)
                        .doesNotHaveBean(RtcEventsWebSocketHandler.class));
    }

    @Test
    void withoutSpringMvcOrSpringWebSocketThosePartsBackOff() {
        web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(PeerConnectionController.class));
        web.withClassLoader(new FilteredClassLoader(WebSocketConfigurer.class))
                .run(context -> assertThat(context).doesNotHaveBean(RtcEventsWebSocketHandler.class)
                        .hasSingleBean(PeerConnectionController.class));
    }

    @Test
    void backsOffForTheApplicationsOwnController() {
        web.withBean("myController", PeerConnectionController.class,
                () -> new PeerConnectionController(null)).run(context -> {
                    assertThat(context).hasSingleBean(PeerConnectionController.class);
                    assertThat(context.getBean(PeerConnectionController.class))
                            .isSameAs(context.getBean("myController"));
                });
    }
}
