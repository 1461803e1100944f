package io.jrtc.spring.autoconfigure;

import java.nio.file.Path;

/** {@code rtc.media.*}: media files of the REST API's transceivers. */
public class MediaProperties {

    /**
     * The directory whose files transceiver sources may play and into which routes may record; paths in requests
     * are relative to it and never leave it. Unset (the default): no file is played or recorded by REST.
     */
    private Path directory;

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }
}
