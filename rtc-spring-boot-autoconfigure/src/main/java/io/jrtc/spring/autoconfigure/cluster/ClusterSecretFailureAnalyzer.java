package io.jrtc.spring.autoconfigure.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains why cluster mode will not start without {@code rtc.cluster.secret} and how to set one. */
public class ClusterSecretFailureAnalyzer extends AbstractFailureAnalyzer<ClusterSecretMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterSecretMissingException cause) {
        String description = (cause.isMissing() ? "Cluster mode (rtc.cluster.enabled=true) needs rtc.cluster.secret, "
                + "and it is not set." : "rtc.cluster.secret is too short to sign node-to-node tokens safely.")
                + " Nodes sign the tokens they pull streams and forward sessions with under this secret; "
                + "without it anybody who reaches a node's internal URL could pull any stream.";
        String action = "Set rtc.cluster.secret to the same random value of at least " + ClusterTokens.MIN_SECRET_BYTES
                + " bytes on every node (for example the output of 'openssl rand -base64 32', from an environment "
                + "variable such as RTC_CLUSTER_SECRET), or set rtc.cluster.enabled=false.";
        return new FailureAnalysis(description, action, cause);
    }
}
