package io.jrtc.spring.autoconfigure.cluster;

import java.util.concurrent.Semaphore;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets nodes started at once in one JVM take turns through Spring Boot's logging set-up. Every application
 * configures the one shared Logback context; two doing so at the same time broke a node's start now and then
 * ("Unable to find Spring Environment in logger context": one reset the context while the other configured it).
 * The turn is taken before {@link LoggingApplicationListener} sees the application starting and given back once it
 * has configured logging for the prepared environment (or the start failed); the rest of the starts stay parallel.
 */
final class SerialLoggingStart {
    private static final Semaphore TURN = new Semaphore(1);

    private boolean holding;

    private SerialLoggingStart() {
    }

    /** The two listeners to add to one application's builder: one takes the turn, the other gives it back. */
    static ApplicationListener<?>[] listeners() {
        SerialLoggingStart start = new SerialLoggingStart();
        return new ApplicationListener<?>[] { start.new Take(), start.new GiveBack() };
    }

    private synchronized void take() {
        TURN.acquireUninterruptibly();
        holding = true;
    }

    private synchronized void giveBack() {
        if (holding) {
            holding = false;
            TURN.release();
        }
    }

    private final class Take implements ApplicationListener<ApplicationStartingEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            take();
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER - 1;
        }
    }

    private final class GiveBack implements ApplicationListener<ApplicationEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationEnvironmentPreparedEvent || event instanceof ApplicationFailedEvent) {
                giveBack();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }
}
