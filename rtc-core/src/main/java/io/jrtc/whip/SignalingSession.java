package io.jrtc.whip;

import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.Subscription;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A WHIP or WHEP session: the resource the endpoint created (its URL is final, RFC 9725 section 4.2) and the peer
 * connection it signals. Candidates gathered after the offer went out are trickled to it with PATCH and the
 * session's entity tag; {@link #restartIce()} renegotiates ICE through it; {@link #close()} deletes it and closes
 * the connection.
 */
public final class SignalingSession implements AutoCloseable {
    private final HttpSignaling http;
    private final RTCPeerConnection pc;
    private final URI url;
    private final List<RTCIceServer> iceServers;
    private final String offer;
    private String answer;
    private String etag;
    private final List<String> sentCandidates = new ArrayList<>();
    private final List<RTCIceCandidate> unsent = new ArrayList<>();
    private boolean gatheringDone;
    /** Whether end-of-candidates went out: nothing more to send after it. */
    private boolean trickledEnd;
    private boolean patching;
    private Subscription candidates;
    private CompletableFuture<Void> trickled = CompletableFuture.completedFuture(null);

    SignalingSession(HttpSignaling http, RTCPeerConnection pc, String offer, HttpResponse<String> created) {
        this.http = http;
        this.pc = pc;
        this.offer = offer;
        this.answer = created.body();
        String location = created.headers().firstValue("Location").orElseThrow(() -> new HttpSignalingException(
                "POST " + created.uri(), created.statusCode(), null, "201 without a Location header", null));
        this.url = created.uri().resolve(location);
        this.etag = created.headers().firstValue("ETag").orElse(null);
        this.iceServers = IceServerLinks.parse(created.headers().allValues("Link"));
        sentCandidates.addAll(TrickleFragments.candidateLines(offer));
    }

    /** The session resource's URL, from the 201's Location. */
    public URI url() {
        return url;
    }

    public RTCPeerConnection peerConnection() {
        return pc;
    }

    /** The ICE servers the endpoint announced in its 201 response ({@code Link: rel="ice-server"}). */
    public List<RTCIceServer> iceServers() {
        return iceServers;
    }

    /** The offer that was posted, with the candidates gathered by then. */
    public String offer() {
        return offer;
    }

    public synchronized String answer() {
        return answer;
    }

    /** The entity tag of the current ICE session, or null when the endpoint sent none. */
    public synchronized String etag() {
        return etag;
    }

    /** Completes when every candidate gathered so far has been trickled (or fails with the refusal). */
    public synchronized CompletableFuture<Void> trickled() {
        return trickled;
    }

    /** Sends each candidate as it is gathered from now on. */
    void startTrickle() {
        candidates = pc.onIceCandidate(candidate -> {
            synchronized (this) {
                if (candidate == null) {
                    gatheringDone = true;
                } else {
                    queue(candidate);
                }
            }
            flush();
        });
    }

    /** Sends the candidates gathered before {@link #startTrickle()} that the offer did not carry. */
    void trickleGatheredBefore(List<RTCIceCandidate> gathered, boolean complete) {
        synchronized (this) {
            gathered.forEach(this::queue);
            gatheringDone |= complete;
        }
        flush();
    }

    private void queue(RTCIceCandidate candidate) {
        if (!sentCandidates.contains(candidate.getCandidate())) {
            sentCandidates.add(candidate.getCandidate());
            unsent.add(candidate);
        }
    }

    /** One PATCH at a time, each carrying whatever was gathered while the previous one was in flight. */
    private void flush() {
        List<RTCIceCandidate> batch;
        boolean complete;
        String localSdp;
        String ifMatch;
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (patching || (unsent.isEmpty() && (!gatheringDone || trickledEnd))) {
                return;
            }
            batch = new ArrayList<>(unsent);
            unsent.clear();
            complete = gatheringDone;
            trickledEnd |= complete;
            patching = true;
            trickled = done;
            localSdp = pc.getLocalDescription().sdp();
            ifMatch = etag;
        }
        http.patch(url, ifMatch, TrickleFragments.candidates(localSdp, batch, complete)).whenComplete((ok, failure) -> {
            synchronized (this) {
                patching = false;
            }
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(null);
                flush();
            }
        });
    }

    /**
     * Restarts ICE through the session (RFC 9725 section 4.4.2): a new local offer with new credentials, its
     * fragment PATCHed with {@code If-Match: *}, and the endpoint's new credentials and candidates applied as the
     * answer. Completes once the new answer is set; the new checks then run.
     */
    public CompletableFuture<Void> restartIce() {
        pc.restartIce();
        return pc.setLocalDescription().thenCompose(ignored -> pc.gatheringComplete()).thenCompose(ignored -> {
            String localSdp = pc.getLocalDescription().sdp();
            List<RTCIceCandidate> own = new ArrayList<>();
            for (String line : TrickleFragments.candidateLines(localSdp)) {
                own.add(new RTCIceCandidate(line, null, 0));
            }
            synchronized (this) {
                sentCandidates.addAll(TrickleFragments.candidateLines(localSdp));
            }
            return http.patch(url, "*", TrickleFragments.candidates(localSdp, own, true));
        }).thenCompose(response -> {
            TrickleFragments.ServerFragment server = TrickleFragments.parseServer(response.body());
            String restarted;
            synchronized (this) {
                etag = response.headers().firstValue("ETag").orElse(etag);
                restarted = TrickleFragments.restartedAnswer(answer, server);
                answer = restarted;
            }
            CompletableFuture<Void> applied = pc.setRemoteDescription(
                    new RTCSessionDescription(restarted, RTCSdpType.ANSWER));
            for (RTCIceCandidate candidate : server.candidates()) {
                applied = applied.thenCompose(ignored -> pc.addIceCandidate(candidate));
            }
            return applied;
        });
    }

    /** Deletes the session resource, then closes the connection; completes when both are done. */
    public CompletableFuture<Void> closeAsync() {
        if (candidates != null) {
            candidates.close();
        }
        return http.delete(url).handle((ok, failure) -> failure)
                .thenCompose(failure -> pc.close().thenRun(() -> {
                    if (failure != null) {
                        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                    }
                }));
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}
