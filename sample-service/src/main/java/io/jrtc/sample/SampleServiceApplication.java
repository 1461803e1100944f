package io.jrtc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample WebRTC service: a data-channel echo with WHIP signalling at {@code /echo}, the starter's REST API at
 * {@code /api/rtc}, its event stream at {@code /api/rtc/events}, a browser chat at {@code /}, the OpenAPI document
 * at {@code /v3/api-docs} and Prometheus metrics at {@code /actuator/prometheus}.
 */
@SpringBootApplication
public class SampleServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(SampleServiceApplication.class, args);
    }
}
