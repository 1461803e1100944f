package io.jrtc.spring.autoconfigure.security;

import java.lang.System.Logger.Level;

import org.springframework.beans.factory.SmartInitializingSingleton;

/** Says at startup which rtc endpoints protected mode restricts to loopback clients, and how to open them. */
class ProtectedModeWarning implements SmartInitializingSingleton {
    private static final System.Logger LOG = System.getLogger(ProtectedModeWarning.class.getName());

    private final RtcAccessPolicy policy;

    ProtectedModeWarning(RtcAccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String warning : policy.protectedModeWarnings()) {
            LOG.log(Level.WARNING, warning);
        }
    }
}
