package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failing interop test must say what it waited for and show the peer's log: checked on the aiortc peer. */
class InteropPeerFailureReportingTest {

    private static AiortcPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new AiortcPeer();
    }

    @AfterAll
    static void closePeer() {
        peer.close();
    }

    @Test
    void timeoutNamesWhatWasAwaitedAndQuotesThePeerLog() {
        assertThatThrownBy(() -> peer.awaitMessage("nothing", Duration.ofMillis(200)))
                .isInstanceOf(InteropPeerException.class)
                .hasMessageContaining("aiortc: timed out after 200 ms waiting for a message on channel 'nothing'")
                .hasMessageContaining("aiortc peer ready");
    }

    @Test
    void commandFailingInThePeerReportsThePeerError() {
        assertThatThrownBy(() -> peer.closeChannel("unknown"))
                .isInstanceOf(InteropPeerException.class)
                .hasMessageContaining("closeChannel failed")
                .hasMessageContaining("no channel labelled 'unknown'");
    }

    @Test
    void connectionStateStartsNew() {
        assertThat(peer.connectionState()).isEqualTo("new");
        assertThat(peer.log()).anyMatch(line -> line.contains("aiortc peer ready"));
    }

    @Test
    void closedPeerFailsFastInsteadOfWaiting() {
        AiortcPeer closed = new AiortcPeer();
        closed.close();
        assertThatThrownBy(() -> closed.createOffer()).isInstanceOf(InteropPeerException.class);
        assertThatThrownBy(() -> closed.awaitConnectionState("connected", Duration.ofSeconds(10)))
                .isInstanceOf(InteropPeerException.class)
                .hasMessageContaining("gone while waiting for connectionState 'connected'");
    }
}
