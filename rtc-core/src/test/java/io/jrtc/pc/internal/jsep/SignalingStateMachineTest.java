package io.jrtc.pc.internal.jsep;

import static io.jrtc.pc.RTCSdpType.ANSWER;
import static io.jrtc.pc.RTCSdpType.OFFER;
import static io.jrtc.pc.RTCSdpType.PRANSWER;
import static io.jrtc.pc.RTCSdpType.ROLLBACK;
import static io.jrtc.pc.RTCSignalingState.CLOSED;
import static io.jrtc.pc.RTCSignalingState.HAVE_LOCAL_OFFER;
import static io.jrtc.pc.RTCSignalingState.HAVE_LOCAL_PRANSWER;
import static io.jrtc.pc.RTCSignalingState.HAVE_REMOTE_OFFER;
import static io.jrtc.pc.RTCSignalingState.HAVE_REMOTE_PRANSWER;
import static io.jrtc.pc.RTCSignalingState.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.RTCError;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSignalingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalingStateMachineTest {
    enum Side { LOCAL, REMOTE }

    private record Move(RTCSignalingState from, Side side, RTCSdpType type) {
    }

    /** Every legal move (W3C webrtc-pc §4.3.1 diagram, RFC 8829 §5.7 rollback); anything else must throw. */
    private static final Map<Move, RTCSignalingState> LEGAL = Map.ofEntries(
            Map.entry(new Move(STABLE, Side.LOCAL, OFFER), HAVE_LOCAL_OFFER),
            Map.entry(new Move(STABLE, Side.REMOTE, OFFER), HAVE_REMOTE_OFFER),
            Map.entry(new Move(HAVE_LOCAL_OFFER, Side.LOCAL, OFFER), HAVE_LOCAL_OFFER),
            Map.entry(new Move(HAVE_LOCAL_OFFER, Side.REMOTE, PRANSWER), HAVE_REMOTE_PRANSWER),
            Map.entry(new Move(HAVE_LOCAL_OFFER, Side.REMOTE, ANSWER), STABLE),
            Map.entry(new Move(HAVE_LOCAL_OFFER, Side.LOCAL, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_LOCAL_OFFER, Side.REMOTE, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_REMOTE_PRANSWER, Side.REMOTE, PRANSWER), HAVE_REMOTE_PRANSWER),
            Map.entry(new Move(HAVE_REMOTE_PRANSWER, Side.REMOTE, ANSWER), STABLE),
            Map.entry(new Move(HAVE_REMOTE_PRANSWER, Side.LOCAL, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_REMOTE_PRANSWER, Side.REMOTE, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_REMOTE_OFFER, Side.REMOTE, OFFER), HAVE_REMOTE_OFFER),
            Map.entry(new Move(HAVE_REMOTE_OFFER, Side.LOCAL, PRANSWER), HAVE_LOCAL_PRANSWER),
            Map.entry(new Move(HAVE_REMOTE_OFFER, Side.LOCAL, ANSWER), STABLE),
            Map.entry(new Move(HAVE_REMOTE_OFFER, Side.LOCAL, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_REMOTE_OFFER, Side.REMOTE, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_LOCAL_PRANSWER, Side.LOCAL, PRANSWER), HAVE_LOCAL_PRANSWER),
            Map.entry(new Move(HAVE_LOCAL_PRANSWER, Side.LOCAL, ANSWER), STABLE),
            Map.entry(new Move(HAVE_LOCAL_PRANSWER, Side.LOCAL, ROLLBACK), STABLE),
            Map.entry(new Move(HAVE_LOCAL_PRANSWER, Side.REMOTE, ROLLBACK), STABLE));

    static List<Arguments> everyMove() {
        List<Arguments> all = new ArrayList<>();
        for (RTCSignalingState from : RTCSignalingState.values()) {
            for (Side side : Side.values()) {
                for (RTCSdpType type : RTCSdpType.values()) {
                    all.add(Arguments.of(from, side, type, LEGAL.get(new Move(from, side, type))));
                }
            }
        }
        return all;
    }

    private static SignalingStateMachine machineIn(RTCSignalingState state) {
        SignalingStateMachine machine = new SignalingStateMachine();
        if (state == CLOSED) {
            machine.close();
        } else {
            machine.apply(state);
        }
        return machine;
    }

    @ParameterizedTest(name = "{0} + {1} {2} -> {3}")
    @MethodSource("everyMove")
    void transition(RTCSignalingState from, Side side, RTCSdpType type, RTCSignalingState expected) {
        SignalingStateMachine machine = machineIn(from);

        if (expected == null) {
            String operation = side == Side.LOCAL ? "setLocalDescription" : "setRemoteDescription";
            assertThatThrownBy(() -> next(machine, side, type)).isInstanceOf(InvalidStateError.class)
                    .hasMessage(operation + "(" + type + ") is not allowed in signaling state " + from)
                    .extracting(e -> ((RTCError) e).getReason()).isEqualTo(RTCErrorReason.WRONG_SIGNALING_STATE);
        } else {
            assertThat(next(machine, side, type)).isEqualTo(expected);
        }
        assertThat(machine.state()).as("next* does not change the state").isEqualTo(from);
    }

    private static RTCSignalingState next(SignalingStateMachine machine, Side side, RTCSdpType type) {
        return side == Side.LOCAL ? machine.nextOnSetLocal(type) : machine.nextOnSetRemote(type);
    }

    @Test
    void callerAndCalleeWithProvisionalAnswers() {
        SignalingStateMachine caller = new SignalingStateMachine();
        SignalingStateMachine callee = new SignalingStateMachine();
        assertThat(caller.state()).isEqualTo(STABLE);

        caller.apply(caller.nextOnSetLocal(OFFER));
        callee.apply(callee.nextOnSetRemote(OFFER));
        callee.apply(callee.nextOnSetLocal(PRANSWER));
        caller.apply(caller.nextOnSetRemote(PRANSWER));
        assertThat(caller.state()).isEqualTo(HAVE_REMOTE_PRANSWER);
        assertThat(callee.state()).isEqualTo(HAVE_LOCAL_PRANSWER);
        callee.apply(callee.nextOnSetLocal(ANSWER));
        caller.apply(caller.nextOnSetRemote(ANSWER));

        assertThat(caller.state()).isEqualTo(STABLE);
        assertThat(callee.state()).isEqualTo(STABLE);
    }

    @Test
    void closedIsFinal() {
        SignalingStateMachine machine = new SignalingStateMachine();
        machine.close();

        assertThat(machine.state()).isEqualTo(CLOSED);
        assertThatThrownBy(() -> machine.apply(STABLE)).isInstanceOf(InvalidStateError.class)
                .extracting(e -> ((RTCError) e).getReason()).isEqualTo(RTCErrorReason.CLOSED);
        machine.apply(CLOSED);
        assertThat(machine.state()).isEqualTo(CLOSED);
    }

    @Test
    void w3cStrings() {
        assertThat(List.of(RTCSignalingState.values())).extracting(RTCSignalingState::toString).containsExactly(
                "stable", "have-local-offer", "have-remote-offer", "have-local-pranswer", "have-remote-pranswer",
                "closed");
        assertThat(List.of(RTCSdpType.values())).extracting(RTCSdpType::toString)
                .containsExactly("offer", "answer", "pranswer", "rollback");
        for (RTCSdpType type : RTCSdpType.values()) {
            assertThat(RTCSdpType.fromString(type.toString())).isEqualTo(type);
        }
        assertThatThrownBy(() -> RTCSdpType.fromString("OFFER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RTCSdpType.fromString(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
