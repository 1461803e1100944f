package io.jrtc.sdp.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checked-in descriptions of {@code src/test/resources/sdp-corpus}: offers and answers as other WebRTC stacks
 * write them, one file each, named {@code <stack>-<variant>-<offer|answer>.sdp}; its README says where each one
 * comes from. The files keep the bytes as sent (CRLF, and Pion 3.1's trailing spaces).
 */
final class SdpCorpus {
    static final String DIRECTORY = "sdp-corpus";

    private SdpCorpus() {
    }

    /** Every corpus file name, sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sdp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> offers() {
        return names().stream().filter(n -> n.endsWith("-offer.sdp")).toList();
    }

    static String load(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        URL url = SdpCorpus.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("missing test resource directory " + DIRECTORY);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
