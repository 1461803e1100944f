package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceAgent;
import io.jrtc.ice.TokenBucket;
import io.jrtc.pc.internal.loop.EngineResources;

/**
 * The engine-wide budget of error answers to unauthenticated STUN requests (issue 8's reflector): every agent of
 * an engine spends from it besides its own, so a flood spread over many connections is bounded too.
 */
final class StunErrorBudget implements AutoCloseable {
    private final TokenBucket bucket = new TokenBucket(IceAgent.ENGINE_ERROR_BURST, IceAgent.ENGINE_ERROR_RATE);

    /** The engine's bucket, made on first use. */
    static TokenBucket of(EngineResources engine) {
        return engine.service(StunErrorBudget.class, StunErrorBudget::new).bucket;
    }

    @Override
    public void close() {
        // nothing to release: the bucket is only numbers
    }
}
