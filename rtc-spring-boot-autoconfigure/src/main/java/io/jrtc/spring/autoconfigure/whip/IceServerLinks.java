package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;

/**
 * The {@code Link: <url>; rel="ice-server"} header values of a WHIP/WHEP POST response (RFC 9725 section 4.6): the
 * configured STUN servers and, when a TURN server shares a secret with this service, that TURN server with
 * credentials issued for this response. Configured TURN servers with static passwords are not handed out, as with
 * the REST API's ice-servers endpoint.
 */
public class IceServerLinks {
    private final List<String> stunUrls;
    private final TurnCredentials turn;

    /**
     * @param configured the service's own ICE servers; only their STUN URLs are passed on
     * @param turn       issues TURN credentials, or null
     */
    public IceServerLinks(List<RTCIceServer> configured, TurnCredentials turn) {
        this.stunUrls = configured.stream().flatMap(server -> server.urls().stream())
                .filter(url -> url.regionMatches(true, 0, "stun", 0, 4)).toList();
        this.turn = turn;
    }

    /** The header values, one per URL. */
    public List<String> values() {
        List<String> links = new ArrayList<>();
        for (String url : stunUrls) {
            links.add("<" + url + ">; rel=\"ice-server\"");
        }
        if (turn != null) {
            RTCIceServer issued = turn.issue(null);
            for (String url : issued.urls()) {
                links.add("<" + url + ">; rel=\"ice-server\"; username=\"" + quoted(issued.username())
                        + "\"; credential=\"" + quoted(issued.credential()) + "\"; credential-type=\"password\"");
            }
        }
        return links;
    }

    /** RFC 9110 quoted-string: backslash-escape quotes and backslashes. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
