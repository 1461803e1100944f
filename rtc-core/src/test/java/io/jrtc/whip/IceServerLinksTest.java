package io.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCIceServer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Link header values (RFC 8288) as WHIP endpoints send them (RFC 9725 section 4.6). */
class IceServerLinksTest {

    @Test
    void readsStunAndTurnLinksWithCredentials() {
        List<RTCIceServer> servers = IceServerLinks.parse(List.of(
                "<stun:stun.example.net>; rel=\"ice-server\"",
                "<turn:turn.example.net?transport=udp>; rel=\"ice-server\"; username=\"user\"; "
                        + "credential=\"myPassword\"; credential-type=\"password\""));
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).urls()).containsExactly("stun:stun.example.net");
        assertThat(servers.get(0).username()).isNull();
        assertThat(servers.get(1).urls()).containsExactly("turn:turn.example.net?transport=udp");
        assertThat(servers.get(1).username()).isEqualTo("user");
        assertThat(servers.get(1).credential()).isEqualTo("myPassword");
    }

    @Test
    void readsSeveralLinksInOneValueAndCommasInsideQuotesAndUrls() {
        List<RTCIceServer> servers = IceServerLinks.parse(List.of(
                "<turns:a.example.net:5349?transport=tcp>; rel=ice-server; username=\"a,b\"; credential=\"c;d\", "
                        + "<stun:b.example.net>;rel=\"ice-server\""));
        assertThat(servers).extracting(server -> server.urls().get(0))
                .containsExactly("turns:a.example.net:5349?transport=tcp", "stun:b.example.net");
        assertThat(servers.get(0).username()).isEqualTo("a,b");
        assertThat(servers.get(0).credential()).isEqualTo("c;d");
    }

    @Test
    void skipsOtherRelationsAndUrlsThatAreNotIceServers() {
        assertThat(IceServerLinks.parse(List.of(
                "<https://example.net/next>; rel=\"next\"",
                "<https://example.net/x>; rel=\"ice-server\"",
                "no brackets; rel=\"ice-server\"",
                "<stun:unterminated; rel=\"ice-server\""))).isEmpty();
    }

    @Property
    void anyHeaderValueParsesWithoutThrowing(@ForAll String value) {
        assertThat(IceServerLinks.parse(List.of(value))).isNotNull();
    }

    @Property
    void aWrittenLinkReadsBack(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String host,
                               @ForAll @AlphaChars @StringLength(min = 1, max = 30) String user,
                               @ForAll @StringLength(max = 40) String password) {
        String quoted = password.replace("\\", "\\\\").replace("\"", "\\\"");
        List<RTCIceServer> servers = IceServerLinks.parse(List.of("<turn:" + host + ":3478>; rel=\"ice-server\"; "
                + "username=\"" + user + "\"; credential=\"" + quoted + "\""));
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).username()).isEqualTo(user);
        assertThat(servers.get(0).credential()).isEqualTo(password);
    }
}
