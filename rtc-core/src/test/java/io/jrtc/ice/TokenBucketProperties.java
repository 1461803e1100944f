package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A token bucket never grants more than its capacity plus what its rate refilled, whatever the time steps. */
class TokenBucketProperties {
    @Property(tries = 500)
    void grantsAtMostCapacityPlusRefill(@ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @IntRange(min = 1, max = 1000) int rate,
            @ForAll @Size(max = 300) List<@LongRange(max = 50_000_000L) Long> steps) {
        TokenBucket bucket = new TokenBucket(capacity, rate);
        long now = 1_000_000_000L;
        long start = now;
        int granted = 0;
        for (long step : steps) {
            now += step;
            if (bucket.tryTake(now)) {
                granted++;
            }
        }
        long refilled = (now - start) / (1_000_000_000L / rate);
        assertThat((long) granted).isLessThanOrEqualTo(capacity + refilled);
    }

    @Property(tries = 200)
    void aFullBucketGrantsExactlyItsCapacityAtOnce(@ForAll @IntRange(min = 1, max = 200) int capacity,
            @ForAll @IntRange(min = 1, max = 1000) int rate, @ForAll @LongRange(min = -1_000_000_000L) long now) {
        TokenBucket bucket = new TokenBucket(capacity, rate);
        int granted = 0;
        for (int i = 0; i < capacity * 3; i++) {
            granted += bucket.tryTake(now) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(capacity);
    }

    @Property(tries = 200)
    void timeGoingBackwardsGrantsNothingExtra(@ForAll @IntRange(min = 1, max = 20) int capacity,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long back) {
        TokenBucket bucket = new TokenBucket(capacity, 10);
        long now = 20_000_000_000L;
        for (int i = 0; i < capacity; i++) {
            bucket.tryTake(now);
        }
        assertThat(bucket.tryTake(now - back)).isFalse();
    }
}
