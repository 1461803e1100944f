package io.jrtc.sample;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample WebRTC service: a data-channel echo with WHIP signalling at {@code /echo}, the starter's REST API at
 * {@code /api/rtc}, its event stream at {@code /api/rtc/events}, a browser chat at {@code /}, the OpenAPI document
 * at {@code /v3/api-docs} and Prometheus metrics at {@code /actuator/prometheus}.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "jrtc sample service", version = "0.1.0",
        description = "WebRTC peer connections over REST, and a data-channel echo with WHIP signalling"))
public class SampleServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(SampleServiceApplication.class, args);
    }
}
