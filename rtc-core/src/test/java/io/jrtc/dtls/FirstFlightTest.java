package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The ClientHello sniffing a server does before it takes a handshake thread (RFC 6347 §4.1, §4.2.2). */
class FirstFlightTest {

    @Test
    void aRealClientHelloIsRecognisedAndItsVariantsAreNot() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            byte[] hello = HandshakeSchedulingTest.clientHello(executor);
            assertThat(FirstFlight.isClientHello(hello, 0, hello.length)).isTrue();
            byte[] framed = new byte[hello.length + 5];
            System.arraycopy(hello, 0, framed, 3, hello.length);
            assertThat(FirstFlight.isClientHello(framed, 3, hello.length)).isTrue();

            assertThat(FirstFlight.isClientHello(hello, 0, hello.length - 1)).as("truncated record").isFalse();
            assertThat(FirstFlight.isClientHello(changed(hello, 0, 21), 0, hello.length)).as("an alert").isFalse();
            assertThat(FirstFlight.isClientHello(changed(hello, 1, 3), 0, hello.length)).as("TLS version").isFalse();
            assertThat(FirstFlight.isClientHello(changed(hello, 4, 1), 0, hello.length)).as("epoch 1").isFalse();
            assertThat(FirstFlight.isClientHello(changed(hello, 13, 2), 0, hello.length)).as("ServerHello")
                .isFalse();
            assertThat(FirstFlight.isClientHello(changed(hello, 21, 1), 0, hello.length)).as("a later fragment")
                .isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Property
    void anyBytesAnswerWithoutThrowing(@ForAll @Size(max = 64) byte[] data, @ForAll @IntRange(max = 64) int cut) {
        int length = Math.min(cut, data.length);
        FirstFlight.isClientHello(data, 0, length);
        FirstFlight.isClientHello(data, data.length - length, length);
    }

    private static byte[] changed(byte[] data, int index, int value) {
        byte[] copy = Arrays.copyOf(data, data.length);
        copy[index] = (byte) value;
        return copy;
    }
}
