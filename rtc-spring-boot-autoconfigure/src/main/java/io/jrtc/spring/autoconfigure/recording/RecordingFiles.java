package io.jrtc.spring.autoconfigure.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a stream's recording goes: a file directly in the recording directory, named after the stream and the time
 * recording started. A stream id is client input, so only letters, digits, '-' and '_' of it reach the name (no
 * separators, no dots, no "..": nothing can climb out of the directory or hide a file), at most 64 of them.
 */
final class RecordingFiles {
    static final int MAX_NAME_CHARACTERS = 64;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordingFiles() {
    }

    /** The stream id reduced to characters safe in a file name; "stream" when none is left. */
    static String safeName(String streamId) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < streamId.length() && name.length() < MAX_NAME_CHARACTERS; i++) {
            char c = streamId.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            name.append(safe ? c : '_');
        }
        return name.isEmpty() ? "stream" : name.toString();
    }

    /** A file of the directory not yet there: {@code <stream>-<UTC time>.<extension>}, "-2", "-3"... on a clash. */
    static Path fileFor(Path directory, String streamId, Instant startedAt, String extension) {
        Path base = directory.toAbsolutePath().normalize();
        String stem = safeName(streamId) + "-" + STAMP.format(startedAt);
        Path file = base.resolve(stem + "." + extension);
        for (int i = 2; Files.exists(file); i++) {
            file = base.resolve(stem + "-" + i + "." + extension);
        }
        if (!base.equals(file.normalize().getParent())) {
            throw new IllegalStateException("recording file " + file + " outside " + base);  // cannot happen
        }
        return file;
    }
}
