package io.jrtc.ice;

/** The agent's role (RFC 8445 §6.1.1): the controlling agent nominates the pair to use. */
public enum IceRole {
    CONTROLLING, CONTROLLED;

    public IceRole opposite() {
        return this == CONTROLLING ? CONTROLLED : CONTROLLING;
    }

    @Override
    public String toString() {
        return this == CONTROLLING ? "controlling" : "controlled";
    }
}
