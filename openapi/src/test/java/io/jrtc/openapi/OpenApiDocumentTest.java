package io.jrtc.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.jrtc.sample.SampleServiceApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Fails when the OpenAPI document the sample service serves and the checked-in {@code openapi/openapi.yaml} differ
 * (compared as parsed trees, so formatting and key order do not matter). To accept a change of the API, regenerate
 * the file and review its diff:
 *
 * <pre>./mvnw -pl openapi -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true</pre>
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.udp.port=0", "rtc.tcp.port=0" })
class OpenApiDocumentTest {
    static final Path CHECKED_IN = Path.of("openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> served = normalised(response.body());

        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, dump(served), StandardCharsets.UTF_8);
        }

        Map<String, Object> checkedIn = normalised(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
        assertThat(served)
                .as("the served OpenAPI document differs from openapi/openapi.yaml; if the change is intended, "
                        + "regenerate the file with: ./mvnw -pl openapi -am test -Dtest=OpenApiDocumentTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true")
                .isEqualTo(checkedIn);
    }

    /** Parses YAML (or JSON) and drops the servers, which name the random test port. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalised(String document) {
        Map<String, Object> tree = new Yaml().load(document);
        tree.remove("servers");
        return tree;
    }

    static String dump(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(tree);
    }
}
