package io.jrtc.spring.autoconfigure.whip;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link StreamRegistry}: this process's published streams in a concurrent map. */
public class InMemoryStreamRegistry implements StreamRegistry {
    private final ConcurrentMap<String, PublishedStream> streams = new ConcurrentHashMap<>();

    @Override
    public boolean publish(PublishedStream stream) {
        return streams.putIfAbsent(stream.streamId(), stream) == null;
    }

    @Override
    public Optional<PublishedStream> find(String streamId) {
        return Optional.ofNullable(streams.get(streamId));
    }

    @Override
    public boolean unpublish(PublishedStream stream) {
        return streams.remove(stream.streamId(), stream);
    }

    @Override
    public Collection<PublishedStream> all() {
        return List.copyOf(streams.values());
    }

    @Override
    public int size() {
        return streams.size();
    }
}
