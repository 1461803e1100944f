package io.jrtc.spring.autoconfigure.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import io.jrtc.spring.autoconfigure.service.MediaRoutingException.Reason;

/**
 * The one directory whose files the REST API may play and into which it may record ({@code rtc.media.directory}).
 * A client names files relative to it; nothing outside it is ever opened, through {@code ..}, an absolute path or a
 * symbolic link. Without a directory, no file is played or recorded.
 */
public final class MediaFiles {
    private final Path directory;

    /** @param directory the media directory, or null to refuse every file */
    public MediaFiles(Path directory) {
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    }

    /** A file that exists inside the directory (links resolved), to play. */
    Path existing(String name) {
        Path file = inside(name);
        if (!Files.isRegularFile(file)) {
            throw new MediaRoutingException(Reason.FILE_NOT_FOUND, "no media file '" + name + "' in " + directory);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(directory.toRealPath())) {
                throw outside(name);
            }
            return real;
        } catch (IOException e) {
            throw new MediaRoutingException(Reason.FILE_UNUSABLE, "cannot read '" + name + "': " + e.getMessage(), e);
        }
    }

    /** A file that does not exist yet, in a directory inside the media directory (links resolved), to record. */
    Path fresh(String name) {
        Path file = inside(name);
        if (Files.exists(file)) {
            throw new MediaRoutingException(Reason.FILE_UNUSABLE, "'" + name + "' exists; recordings never "
                    + "overwrite a file");
        }
        try {
            Path parent = file.getParent().toRealPath();
            if (!parent.startsWith(directory.toRealPath())) {
                throw outside(name);
            }
            return parent.resolve(file.getFileName());
        } catch (IOException e) {
            throw new MediaRoutingException(Reason.FILE_NOT_FOUND, "no folder for '" + name + "' in " + directory, e);
        }
    }

    private Path inside(String name) {
        if (directory == null) {
            throw new MediaRoutingException(Reason.FILES_DISABLED,
                    "media files are off: set rtc.media.directory to play and record files");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a file source or route needs a path");
        }
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file name: " + e.getMessage());
        }
        Path file = directory.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(directory) || file.equals(directory)) {
            throw outside(name);
        }
        return file;
    }

    private MediaRoutingException outside(String name) {
        return new MediaRoutingException(Reason.FILE_OUTSIDE_DIRECTORY,
                "'" + name + "' is outside the media directory");
    }
}
