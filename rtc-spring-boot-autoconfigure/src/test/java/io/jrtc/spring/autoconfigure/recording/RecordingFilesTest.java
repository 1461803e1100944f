package io.jrtc.spring.autoconfigure.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream ids are client input: whatever they hold, the file lands directly in the recording directory. */
class RecordingFilesTest {
    private static final Instant START = Instant.parse("2026-12-07T09:30:01.250Z");

    @TempDir
    Path dir;

    @Test
    void aPlainIdNamesTheFileWithTheStartTime() {
        assertThat(RecordingFiles.fileFor(dir, "cam-1_a", START, "mp4"))
                .isEqualTo(dir.toAbsolutePath().resolve("cam-1_a-20261207T093001.250Z.mp4"));
    }

    @Test
    void separatorsDotsAndOtherCharactersCannotClimbOut() {
        for (String hostile : new String[] {"../../etc/passwd", "..", "/abs", "a\\..\\b", "x\u0000y", "名前", ".hidden",
            "%2e%2e%2f"}) {
            Path file = RecordingFiles.fileFor(dir, hostile, START, "webm");
            assertThat(file.getParent()).as(hostile).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(file.getFileName().toString()).as(hostile).matches("[A-Za-z0-9_-]+-[0-9T.Z]+\\.webm");
        }
        assertThat(RecordingFiles.safeName("../../etc/passwd")).isEqualTo("______etc_passwd");
        assertThat(RecordingFiles.safeName("")).isEqualTo("stream");
        assertThat(RecordingFiles.safeName("x".repeat(500))).hasSize(RecordingFiles.MAX_NAME_CHARACTERS);
    }

    @Test
    void aClashGetsANumber() throws Exception {
        Path first = RecordingFiles.fileFor(dir, "cam", START, "mp4");
        Files.createFile(first);
        assertThat(RecordingFiles.fileFor(dir, "cam", START, "mp4").getFileName().toString())
                .isEqualTo("cam-20261207T093001.250Z-2.mp4");
    }
}
