package io.jrtc.ice;

/**
 * Local and remote ICE credentials across restarts (RFC 8445 §9). During a restart the previous generation stays
 * valid for the pair still selected: its consent checks use the old credentials, and requests signed with the old
 * local password are still answered, until a pair of the new generation is selected.
 */
final class Credentials {
    /** Which local password an incoming USERNAME selects, and whether it is the previous generation's. */
    record Match(String password, boolean previousGeneration) {
    }

    private IceParameters local;
    private IceParameters remote;
    private IceParameters previousLocal;
    private IceParameters previousRemote;
    private boolean restarting;
    private boolean localRenewed;
    private boolean remoteRenewed;
    private IceCandidatePair legacy;

    Credentials(IceParameters local) {
        this.local = local;
    }

    IceParameters local() {
        return local;
    }

    IceParameters remote() {
        return remote;
    }

    void beginRestart(IceCandidatePair selected) {
        restarting = true;
        localRenewed = false;
        remoteRenewed = false;
        legacy = selected;
        previousLocal = null;
        previousRemote = null;
    }

    boolean awaitingLocalRestart() {
        return restarting && !localRenewed;
    }

    boolean awaitingRemoteRestart() {
        return restarting && !remoteRenewed;
    }

    void setLocal(IceParameters p) {
        if (restarting && !localRenewed) {
            previousLocal = local;
            localRenewed = true;
        }
        local = p;
    }

    void setRemote(IceParameters p) {
        if (restarting && !remoteRenewed) {
            previousRemote = remote;
            remoteRenewed = true;
        }
        remote = p;
    }

    /** Checks of the current generation need the peer's current credentials. */
    boolean canCheck() {
        return remote != null && (!restarting || remoteRenewed);
    }

    /** Whether this pair is the one kept from before the restart in progress. */
    boolean isLegacy(IceCandidatePair pair) {
        return restarting && pair == legacy;
    }

    void finishRestart() {
        restarting = false;
        legacy = null;
        previousLocal = null;
        previousRemote = null;
    }

    /** The credentials consent checks on {@code pair} use: the previous ones for the legacy pair. */
    IceParameters consentRemote(IceCandidatePair pair) {
        return isLegacy(pair) && previousRemote != null ? previousRemote : remote;
    }

    IceParameters consentLocal(IceCandidatePair pair) {
        return isLegacy(pair) && previousLocal != null ? previousLocal : local;
    }

    /** The local password for the local ufrag a request names, or null when it names none of ours. */
    Match match(String localUfrag) {
        if (local.usernameFragment().equals(localUfrag)) {
            return new Match(local.password(), false);
        }
        if (previousLocal != null && previousLocal.usernameFragment().equals(localUfrag)) {
            return new Match(previousLocal.password(), true);
        }
        return null;
    }
}
