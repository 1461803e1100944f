package io.jrtc.spring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;

import io.jrtc.spring.autoconfigure.ClientIceServerProperties;

import org.junit.jupiter.api.Test;

/** rtc.rest.client-ice-servers: off by default; when on, a count bound and a host allowlist, decided on text. */
class ClientIceServerPolicyTest {

    private static ClientIceServerPolicy enabled(String... hosts) {
        ClientIceServerProperties properties = new ClientIceServerProperties();
        properties.setEnabled(true);
        properties.setAllowedHosts(List.of(hosts));
        return new ClientIceServerPolicy(properties);
    }

    private static CreatePeerConnectionBody body(String... urls) {
        return new CreatePeerConnectionBody(List.of(new IceServerBody(List.of(urls), "u", "p")));
    }

    @Test
    void noServersMeansTheConfiguredOnes() {
        ClientIceServerPolicy policy = new ClientIceServerPolicy(new ClientIceServerProperties());
        assertThat(policy.servers(null)).isNull();
        assertThat(policy.servers(new CreatePeerConnectionBody(null))).isNull();
        // Generated clients send an empty list: it names nobody to reach, so it is no client server.
        assertThat(policy.servers(new CreatePeerConnectionBody(List.of()))).isEmpty();
    }

    @Test
    void offByDefault() {
        ClientIceServerPolicy policy = new ClientIceServerPolicy(new ClientIceServerProperties());
        assertThatIllegalArgumentException().isThrownBy(() -> policy.servers(body("stun:stun.example.org")))
                .withMessageContaining("rtc.rest.client-ice-servers.enabled");
    }

    @Test
    void atMostFourUrlsCountedBeforeAnyIsParsed() {
        ClientIceServerPolicy policy = enabled("stun.example.org");
        assertThat(policy.servers(body("stun:stun.example.org", "stun:stun.example.org:3479",
                "stun:stun.example.org:3480", "stun:stun.example.org:3481"))).hasSize(1);
        List<String> many = Collections.nCopies(5_000, "not even a url");
        assertThatIllegalArgumentException().isThrownBy(() -> policy.servers(body(many.toArray(String[]::new))))
                .withMessageContaining("At most 4");
    }

    @Test
    void onlyAllowlistedHostsAndSubdomainsOfAWildcard() {
        ClientIceServerPolicy policy = enabled("turn.example.org", "*.stun.example.net");
        assertThat(policy.servers(body("turn:turn.example.org:3478?transport=tcp"))).hasSize(1);
        assertThat(policy.servers(body("stun:a.stun.example.net"))).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> policy.servers(body("stun:stun.example.net")));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.servers(body("stun:evilstun.example.net")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.servers(body("turn:198.18.0.1:3478?transport=tcp")))
                .withMessageContaining("iceServers[0].urls[0]").withMessageContaining("198.18.0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> policy.servers(body("turns:[::1]:5349")));
    }

    @Test
    void hostsAreReadFromTheUrlText() {
        assertThat(ClientIceServerPolicy.host("stun:Stun.Example.org:3478")).isEqualTo("stun.example.org");
        assertThat(ClientIceServerPolicy.host("turn:[2001:db8::1]:3478?transport=tcp")).isEqualTo("2001:db8::1");
        assertThat(ClientIceServerPolicy.host("turns:turn.example.org")).isEqualTo("turn.example.org");
        assertThat(ClientIceServerPolicy.host("nothing")).isEmpty();
    }
}
