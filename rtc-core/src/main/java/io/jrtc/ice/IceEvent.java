package io.jrtc.ice;

/** What an {@link IceAgent} reports through {@link IceAgent#pollEvent()}. */
public sealed interface IceEvent {
    /** A local candidate to signal to the peer (trickle, RFC 8838 §4). */
    record CandidateGathered(IceCandidate c) implements IceEvent {
        public IceCandidate candidate() {
            return c;
        }
    }

    record GatheringStateChanged(IceGatheringState s) implements IceEvent {
        public IceGatheringState state() {
            return s;
        }
    }

    record ConnectionStateChanged(IceConnectionState s) implements IceEvent {
        public IceConnectionState state() {
            return s;
        }
    }

    /** The pair that application data should now use. */
    record SelectedPairChanged(IceCandidatePair pair) implements IceEvent {
    }

    /** The role changed after a role conflict (RFC 8445 §7.3.1.1, §7.2.5.1). */
    record RoleChanged(IceRole role) implements IceEvent {
    }
}
