package io.jrtc.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class RtcActuatorAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RtcAutoConfiguration.class,
                    RtcActuatorAutoConfiguration.class, RtcMetricsAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=rtc", "rtc.include-loopback=true");

    @Test
    void inAServletApplicationTheEndpointIsGuardedAtItsPath() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RtcAutoConfiguration.class,
                        RtcActuatorAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=rtc", "rtc.include-loopback=true",
                        "management.endpoints.web.base-path=/manage",
                        "management.endpoints.web.path-mapping.rtc=webrtc")
                .run(context -> {
                    FilterRegistrationBean<?> filter = context.getBean("rtcEndpointRequestFilter",
                            FilterRegistrationBean.class);
                    assertThat(filter.getUrlPatterns()).containsExactly("/manage/webrtc", "/manage/webrtc/*");
                });
        runner.run(context -> assertThat(context).doesNotHaveBean("rtcEndpointRequestFilter"));
    }

    @Test
    void healthIsUpWithCountsWhileTheEngineRunsAndDownAfter() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RtcHealthIndicator.class).hasSingleBean(RtcEndpoint.class);
            context.getBean(PeerConnectionService.class).create(null);
            Health up = context.getBean(RtcHealthIndicator.class).health(true);
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("peerConnections", 1).containsEntry("maxPeerConnections", 100);

            context.getBean(RtcEngine.class).close();
            assertThat(context.getBean(RtcHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void theEndpointListsConnectionsAndDetailsOne() {
        runner.run(context -> {
            String id = context.getBean(PeerConnectionService.class).create(null).id();
            RtcEndpoint endpoint = context.getBean(RtcEndpoint.class);

            assertThat(endpoint.connections().connections()).extracting(RtcEndpoint.ConnectionDescriptor::id)
                    .containsExactly(id);
            assertThat(endpoint.connection(id).connection().connectionState()).isEqualTo("new");
            assertThat(endpoint.connection("pc-unknown")).isNull();
        });
    }

    @Test
    void metersCountConnectionsByState() {
        runner.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(MeterBinder.class).bindTo(registry);
            context.getBean(PeerConnectionService.class).create(null);

            assertThat(registry.get("rtc.peer.connections").tag("state", "new").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("rtc.transport.bytes").tag("direction", "sent").functionCounter().count())
                    .isZero();
        });
    }

    @Test
    void eachPartCanBeSwitchedOffOrBacksOffWithoutActuator() {
        runner.withPropertyValues("management.health.rtc.enabled=false",
                "management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(RtcHealthIndicator.class)
                        .doesNotHaveBean(RtcEndpoint.class).hasSingleBean(RtcMetrics.class));
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(RtcHealthIndicator.class)
                        .doesNotHaveBean(RtcEndpoint.class));
        runner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
                .run(context -> assertThat(context).doesNotHaveBean(RtcMetrics.class));
    }
}
