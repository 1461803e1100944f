package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;

class WhipAutoConfigurationTest {
    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(RtcAutoConfiguration.class,
            JacksonAutoConfiguration.class, WhipAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS);

    @Test
    void aServletWebApplicationGetsWhipAndWhepAtTheDefaultPaths() {
        web.run(context -> {
            assertThat(context).hasSingleBean(WhipController.class).hasSingleBean(WhepController.class)
                    .hasSingleBean(WhipProblemDetailsAdvice.class).hasSingleBean(InMemoryStreamRegistry.class)
                    .hasSingleBean(WhipMetrics.class);
            RtcProperties properties = context.getBean(RtcProperties.class);
            assertThat(properties.getWhip().isEnabled()).isTrue();
            assertThat(properties.getWhip().getPath()).isEqualTo("/whip");
            assertThat(properties.getWhip().getToken()).isNull();
            assertThat(properties.getWhep().getPath()).isEqualTo("/whep");
            assertThat(properties.getWhep().getToken()).isNull();
            assertThat(context.getBean("whipRequestFilter", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/whip/*");
            assertThat(context.getBean("whepRequestFilter", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/whep/*");
        });
    }

    @Test
    void theFiltersFollowTheConfiguredPathsAndTokens() {
        web.withPropertyValues("rtc.whip.path=/ingest/", "rtc.whep.path=/play", "rtc.whip.token=a",
                "rtc.whep.token=b").run(context -> {
                    RtcProperties properties = context.getBean(RtcProperties.class);
                    assertThat(properties.getWhip().getToken()).isEqualTo("a");
                    assertThat(properties.getWhep().getToken()).isEqualTo("b");
                    assertThat(context.getBean("whipRequestFilter", FilterRegistrationBean.class).getUrlPatterns())
                            .containsExactly("/ingest/*");
                    assertThat(context.getBean("whepRequestFilter", FilterRegistrationBean.class).getUrlPatterns())
                            .containsExactly("/play/*");
                });
    }

    @Test
    void itCanBeSwitchedOff() {
        web.withPropertyValues("rtc.whip.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(WhipController.class).doesNotHaveBean(WhepController.class)
                .doesNotHaveBean(StreamRegistry.class));
    }

    @Test
    void aNonWebApplicationOrOneWithoutSpringMvcGetsNone() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean(WhipSessions.class));
        web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(WhipSessions.class));
    }

    @Test
    void anApplicationsStreamRegistryReplacesTheInMemoryOne() {
        web.withBean(StreamRegistry.class, OwnRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(StreamRegistry.class).doesNotHaveBean(InMemoryStreamRegistry.class);
            assertThat(context.getBean(WhipSessions.class).streams()).isInstanceOf(OwnRegistry.class);
        });
    }

    @Test
    void iceServerLinksCarrySTunUrlsAndIssuedTurnCredentialsButNoStaticPasswords() {
        List<RTCIceServer> configured = List.of(new RTCIceServer(List.of("stun:stun.example.net:3478",
                "turn:static.example.net"), "user", "static-password", "password"));
        assertThat(new IceServerLinks(configured, null).values())
                .containsExactly("<stun:stun.example.net:3478>; rel=\"ice-server\"");

        TurnCredentials turn = new TurnCredentials(List.of("turn:turn.example.net?transport=udp"), "secret",
                java.time.Duration.ofHours(1), java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1_000_000),
                        java.time.ZoneOffset.UTC));
        List<String> links = new IceServerLinks(List.of(), turn).values();
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).startsWith("<turn:turn.example.net?transport=udp>; rel=\"ice-server\"; username=\"")
                .contains("; credential=\"").endsWith("; credential-type=\"password\"")
                .doesNotContain("static-password");
    }

    static final class OwnRegistry implements StreamRegistry {
        private final InMemoryStreamRegistry delegate = new InMemoryStreamRegistry();

        @Override
        public boolean publish(PublishedStream stream) {
            return delegate.publish(stream);
        }

        @Override
        public Optional<PublishedStream> find(String streamId) {
            return delegate.find(streamId);
        }

        @Override
        public boolean unpublish(PublishedStream stream) {
            return delegate.unpublish(stream);
        }

        @Override
        public Collection<PublishedStream> all() {
            return delegate.all();
        }
    }
}
