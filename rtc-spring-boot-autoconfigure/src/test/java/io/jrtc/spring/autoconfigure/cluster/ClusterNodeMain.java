package io.jrtc.spring.autoconfigure.cluster;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A cluster node in a JVM of its own, for tests that kill one with SIGKILL: its arguments are Spring properties
 * ({@code name=value}); it prints {@value #READY} once it serves.
 */
public final class ClusterNodeMain {
    static final String READY = "jrtc-cluster-node-ready";

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(ClusterDirectoryTest.Node.class).properties(args).run();
        System.out.println(READY);
        System.out.flush();
    }
}
