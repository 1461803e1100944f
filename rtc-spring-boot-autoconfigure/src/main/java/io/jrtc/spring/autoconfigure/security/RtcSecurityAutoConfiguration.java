package io.jrtc.spring.autoconfigure.security;

import io.jrtc.spring.autoconfigure.RtcAutoConfiguration;
import io.jrtc.spring.autoconfigure.RtcProperties;
import io.jrtc.spring.autoconfigure.web.RtcPaths;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Who may use the rtc endpoints of a servlet application: the {@link RtcAccessPolicy} every guard filter of the
 * starter applies (tokens, protected mode), a startup warning for each area protected mode restricts, and, with
 * Spring Security on the classpath, {@link RtcRequestMatchers} for the application's own filter chain; with
 * springdoc, the guards' 401 and 403 in the OpenAPI document.
 */
@AutoConfiguration(before = RtcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
@EnableConfigurationProperties(RtcProperties.class)
public final class RtcSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcAccessPolicy rtcAccessPolicy(RtcProperties properties) {
        return RtcAccessPolicy.of(properties);
    }

    @Bean
    ProtectedModeWarning rtcProtectedModeWarning(RtcAccessPolicy policy) {
        return new ProtectedModeWarning(policy);
    }

    /** The guards' 401 and 403 in the OpenAPI document, when the application serves one with springdoc. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class RtcOpenApiConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "rtcAccessResponses")
        RtcAccessResponses rtcAccessResponses(RtcProperties properties) {
            return new RtcAccessResponses(properties);
        }
    }

    /** Matchers for the application's own SecurityFilterChain, when Spring Security is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.security.web.util.matcher.RequestMatcher",
            "org.springframework.security.config.annotation.web.builders.HttpSecurity" })
    static class RtcSpringSecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RtcRequestMatchers rtcRequestMatchers(RtcProperties properties, Environment environment) {
            return new RtcRequestMatchers(properties, RtcPaths.rtcActuatorEndpoint(environment));
        }
    }
}
