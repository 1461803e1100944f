package io.jrtc.spring.autoconfigure.whip;

import java.util.Collection;
import java.util.Optional;

/**
 * The streams published through WHIP, by stream id. At most one publisher per id: a second one is refused (409)
 * until the first one's session ends. Implementations must be thread-safe.
 */
public interface StreamRegistry {

    /** Registers the stream; false (and nothing changed) when its id is already published. */
    boolean publish(PublishedStream stream);

    Optional<PublishedStream> find(String streamId);

    /**
     * The stream a viewer asks for: by default the one published here; a registry that can fetch a stream from
     * elsewhere (a cluster edge pulling from its origin) does so here, and {@link #find} then finds it too.
     */
    default Optional<PublishedStream> findToPlay(String streamId) {
        return find(streamId);
    }

    /** Removes exactly this stream (not a later publisher of the same id); false when it was not registered. */
    boolean unpublish(PublishedStream stream);

    Collection<PublishedStream> all();

    default int size() {
        return all().size();
    }
}
