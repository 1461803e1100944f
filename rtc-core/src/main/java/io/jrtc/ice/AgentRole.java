package io.jrtc.ice;

/**
 * The agent's current role (RFC 8445 §6.1.1) and what a change of it implies: the check list's pair priorities
 * are recomputed (§6.1.2.3), a nomination in flight as controlling is forgotten, and the caller is told.
 */
final class AgentRole {
    private final CheckList checkList;
    private final Nomination nomination;
    private final Outbox outbox;
    private IceRole current;

    AgentRole(IceRole initial, CheckList checkList, Nomination nomination, Outbox outbox) {
        this.current = initial;
        this.checkList = checkList;
        this.nomination = nomination;
        this.outbox = outbox;
    }

    IceRole current() {
        return current;
    }

    boolean isControlling() {
        return current == IceRole.CONTROLLING;
    }

    void switchTo(IceRole newRole) {
        if (current == newRole) {
            return;
        }
        current = newRole;
        checkList.reprioritize(current);
        if (current == IceRole.CONTROLLED) {
            nomination.onBecameControlled();
        }
        outbox.emit(new IceEvent.RoleChanged(current));
    }
}
