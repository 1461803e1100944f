package io.jrtc.pc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.DtlsSettings;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.time.RtcClock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's DTLS handshake pool: bounded in threads and in queue, and a task past both is refused at once. */
class HandshakePoolTest {

    @Test
    void threadsAndQueueAreBoundedAndATaskPastBothIsRefusedNamingTheSettings() throws Exception {
        RtcEngineSettings settings = RtcEngineSettings.defaults()
                .withDtls(DtlsSettings.defaults().withHandshakeThreads(2).withHandshakeQueue(3));
        try (EngineResources resources = new EngineResources(settings, RtcClock.system())) {
            ExecutorService pool = resources.handshakeExecutor();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ran = new CountDownLatch(5);
            Runnable blocked = () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.countDown();
            };
            for (int i = 0; i < 5; i++) {
                pool.execute(blocked);
            }

            assertThatThrownBy(() -> pool.execute(blocked)).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("DTLS handshake pool full")
                    .hasMessageContaining("rtc.dtls.handshake-threads")
                    .hasMessageContaining("rtc.dtls.handshake-queue");
            assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(2);
            assertThat(((ThreadPoolExecutor) pool).getQueue()).hasSize(3);

            release.countDown();
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("the queued ones ran once threads were free").isTrue();
            assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(2);
        }
    }
}
