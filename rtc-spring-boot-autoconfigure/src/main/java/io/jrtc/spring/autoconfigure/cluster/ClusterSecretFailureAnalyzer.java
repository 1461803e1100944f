package io.jrtc.spring.autoconfigure.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing or short {@code rtc.cluster.secret} at startup and says what to set. */
public class ClusterSecretFailureAnalyzer extends AbstractFailureAnalyzer<ClusterSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterSecretException cause) {
        String description = "Cluster mode (rtc.cluster.enabled=true) needs a shared secret for node-to-node calls: "
                + cause.getMessage() + ".";
        String action = "Set rtc.cluster.secret (or RTC_CLUSTER_SECRET) to the same random value of at least "
                + ClusterTokens.MIN_SECRET_BYTES + " bytes on every node, for example the output of "
                + "'openssl rand -base64 32'; or turn cluster mode off.";
        return new FailureAnalysis(description, action, cause);
    }
}
