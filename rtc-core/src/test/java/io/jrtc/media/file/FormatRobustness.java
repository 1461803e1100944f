package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Asserts the readers' one promise about bad input: the only exception is {@link MediaFileFormatException}. */
final class FormatRobustness {
    interface Read {
        void run() throws Exception;
    }

    private FormatRobustness() {
    }

    static void onlyFormatException(Read read) {
        assertThatCode(() -> {
            try {
                read.run();
            } catch (MediaFileFormatException expected) {
                // the only exception allowed
            }
        }).doesNotThrowAnyException();
    }
}
