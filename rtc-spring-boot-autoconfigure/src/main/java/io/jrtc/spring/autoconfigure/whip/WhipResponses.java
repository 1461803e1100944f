package io.jrtc.spring.autoconfigure.whip;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The response shapes WHIP and WHEP share (RFC 9725 sections 4.2 and 4.6). */
final class WhipResponses {
    static final String APPLICATION_SDP = "application/sdp";
    static final MediaType SDP = MediaType.parseMediaType(APPLICATION_SDP);
    static final String ACCEPT_POST = "Accept-Post";
    static final String ACCEPT_PATCH = "Accept-Patch";

    private WhipResponses() {
    }

    /** 201 with the session's Location (this request's URL plus the session id), ETag, ICE server links, answer. */
    static ResponseEntity<String> created(WhipSessions.CreatedSession session, IceServerLinks links) {
        return created(session, links, location -> List.of());
    }

    /** {@link #created(WhipSessions.CreatedSession, IceServerLinks)} with more Link values made from the Location. */
    static ResponseEntity<String> created(WhipSessions.CreatedSession session, IceServerLinks links,
            Function<URI, List<String>> extensionLinks) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(session.sessionId()).toUri();
        List<String> linkValues = new ArrayList<>(links.values());
        linkValues.addAll(extensionLinks.apply(location));
        return ResponseEntity.created(location)
                .eTag(session.etag())
                .header(HttpHeaders.LINK, linkValues.toArray(String[]::new))
                .header(ACCEPT_PATCH, TrickleIceFragment.MEDIA_TYPE)
                .contentType(SDP)
                .body(session.answer());
    }

    /** 204 after trickled candidates; 200 with the new ETag and the server's fragment after an ICE restart. */
    static ResponseEntity<String> patched(WhipSessions.IceRestart restart) {
        if (restart == null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().eTag(restart.etag())
                .contentType(MediaType.parseMediaType(TrickleIceFragment.MEDIA_TYPE)).body(restart.fragment());
    }

    /** 204 to OPTIONS on an endpoint: what POST takes. */
    static ResponseEntity<Void> endpointOptions() {
        return ResponseEntity.noContent().header(ACCEPT_POST, APPLICATION_SDP)
                .header(HttpHeaders.ALLOW, "OPTIONS, POST").build();
    }

    /** 204 to OPTIONS on a session: what PATCH takes. */
    static ResponseEntity<Void> sessionOptions() {
        return ResponseEntity.noContent().header(ACCEPT_PATCH, TrickleIceFragment.MEDIA_TYPE)
                .header(HttpHeaders.ALLOW, "OPTIONS, PATCH, DELETE").build();
    }
}
