package io.jrtc.pc.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.internal.loop.EngineResources;
import io.jrtc.time.VirtualClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ICE server names resolve off the loops, within a deadline, and a flood of names is refused, not queued. */
class IceServerNamesTest {
    private final VirtualClock clock = new VirtualClock();
    private final EngineResources engine = new EngineResources(RtcEngineSettings.defaults(), clock);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> looked = new ArrayList<>();
    private IceServerNames names;

    @AfterEach
    void close() {
        release.countDown();
        if (names != null) {
            names.close();
        }
        engine.close();
    }

    @Test
    void literalsResolveAtOnceWithoutALookup() {
        names = new IceServerNames(engine, host -> {
            throw new AssertionError("looked up " + host);
        });
        assertThat(names.resolve("198.18.0.1").join().getHostAddress()).isEqualTo("198.18.0.1");
        assertThat(names.resolve("::1").join().isLoopbackAddress()).isTrue();
        assertThat(names.resolve("2001:db8::1").join().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anInvalidIpv6LiteralFailsWithoutALookup() {
        names = new IceServerNames(engine, host -> {
            throw new AssertionError("looked up " + host);
        });
        assertThatThrownBy(() -> names.resolve("not:an:address").join())
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    @Test
    void aNameResolvesThroughTheLookup() {
        names = new IceServerNames(engine, host -> InetAddress.getByAddress(host, new byte[] {(byte) 198, 18, 0, 7}));
        assertThat(names.resolve("turn.example.org").join().getHostAddress()).isEqualTo("198.18.0.7");
    }

    @Test
    void aLookupThatHangsIsGivenUpAtTheDeadlineOnTheEnginesClock() {
        names = new IceServerNames(engine, this::hang);
        CompletableFuture<InetAddress> address = names.resolve("slow.example.org");
        clock.advance(IceServerNames.LOOKUP_TIMEOUT.toNanos() - 1);
        assertThat(address).isNotDone();
        clock.advance(1);
        assertThatThrownBy(address::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void lookupsBeyondTheQueueAreRefusedAtOnce() {
        names = new IceServerNames(engine, this::hang);
        int accepted = IceServerNames.THREADS + IceServerNames.QUEUED_LOOKUPS;
        for (int i = 0; i < accepted; i++) {
            assertThat(names.resolve("name" + i + ".example.org")).isNotDone();
        }
        CompletableFuture<InetAddress> refused = names.resolve("one-too-many.example.org");
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(RejectedExecutionException.class);
    }

    private InetAddress hang(String host) throws UnknownHostException {
        synchronized (looked) {
            looked.add(host);
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new UnknownHostException(host);
    }
}
