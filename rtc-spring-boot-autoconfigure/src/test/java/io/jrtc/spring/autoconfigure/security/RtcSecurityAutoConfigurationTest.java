package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.spring.autoconfigure.RtcProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

@ExtendWith(OutputCaptureExtension.class)
class RtcSecurityAutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RtcSecurityAutoConfiguration.class));

    @Test
    void withoutTokensProtectedModeCoversTheControlPlaneAndWhipAndSaysSoAtStart(CapturedOutput output) {
        runner.run(context -> {
            RtcAccessPolicy policy = context.getBean(RtcAccessPolicy.class);
            assertThat(policy.controlPlane().isProtectedModeActive()).isTrue();
            assertThat(policy.whip().isProtectedModeActive()).isTrue();
            assertThat(policy.whep().isProtectedModeActive()).isFalse();
            assertThat(output).contains("rtc.rest.bearer-token is not set").contains("rtc.whip.token is not set")
                    .contains("rtc.security.protected-mode=false");
        });
    }

    @Test
    void tokensOrTheExplicitSwitchEndIt(CapturedOutput output) {
        runner.withPropertyValues("rtc.rest.bearer-token=a", "rtc.whip.token=b").run(context -> {
            RtcAccessPolicy policy = context.getBean(RtcAccessPolicy.class);
            assertThat(policy.protectedModeWarnings()).isEmpty();
            assertThat(policy.controlPlane().hasToken()).isTrue();
        });
        runner.withPropertyValues("rtc.security.protected-mode=false").run(context -> {
            assertThat(context.getBean(RtcAccessPolicy.class).protectedModeWarnings()).isEmpty();
            MockHttpServletRequest stranger = new MockHttpServletRequest("GET", "/api/rtc/peer-connections");
            stranger.setRemoteAddr("198.18.0.2");
            assertThat(context.getBean(RtcAccessPolicy.class).controlPlane().check(stranger))
                    .isEqualTo(RtcAccessRule.Outcome.ALLOWED);
        });
        assertThat(output).doesNotContain("Protected mode:");
    }

    @Test
    void backsOffForTheApplicationsOwnPolicy() {
        RtcAccessPolicy own = RtcAccessPolicy.of(new RtcProperties());
        runner.withBean(RtcAccessPolicy.class, () -> own)
                .run(context -> assertThat(context.getBean(RtcAccessPolicy.class)).isSameAs(own));
    }

    @Test
    void requestMatchersFollowTheConfiguredPaths() {
        runner.withPropertyValues("rtc.rest.base-path=/webrtc", "rtc.whip.path=/ingest",
                "management.endpoints.web.base-path=/manage").run(context -> {
            RtcRequestMatchers matchers = context.getBean(RtcRequestMatchers.class);
            assertThat(matches(matchers.controlPlane(), "/webrtc/peer-connections")).isTrue();
            assertThat(matches(matchers.controlPlane(), "/api/rtc/events")).isTrue();
            assertThat(matches(matchers.controlPlane(), "/manage/rtc/abc")).isTrue();
            assertThat(matches(matchers.whip(), "/ingest/cam")).isTrue();
            assertThat(matches(matchers.whep(), "/whep/cam")).isTrue();
            assertThat(matches(matchers.all(), "/index.html")).isFalse();
        });
    }

    @Test
    void withoutSpringSecurityThereAreNoMatchersButTheGuardStays() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).doesNotHaveBean(RtcRequestMatchers.class);
            assertThat(context).hasSingleBean(RtcAccessPolicy.class);
        });
    }

    @Test
    void theOpenApiDocumentGetsTheGuardsAnswers() {
        runner.run(context -> {
            io.swagger.v3.oas.models.OpenAPI api = new io.swagger.v3.oas.models.OpenAPI()
                    .path("/api/rtc/peer-connections", operation())
                    .path("/whep/{streamId}", operation())
                    .path("/echo", operation());
            context.getBean(RtcAccessResponses.class).customise(api);
            assertThat(api.getPaths().get("/api/rtc/peer-connections").getPost().getResponses())
                    .containsKeys("401", "403");
            assertThat(api.getPaths().get("/whep/{streamId}").getPost().getResponses())
                    .containsKey("401").doesNotContainKey("403");
            assertThat(api.getPaths().get("/echo").getPost().getResponses()).isEmpty();
        });
    }

    private static io.swagger.v3.oas.models.PathItem operation() {
        return new io.swagger.v3.oas.models.PathItem().post(new io.swagger.v3.oas.models.Operation()
                .responses(new io.swagger.v3.oas.models.responses.ApiResponses()));
    }

    private static boolean matches(RequestMatcher matcher, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return matcher.matches(request);
    }
}
