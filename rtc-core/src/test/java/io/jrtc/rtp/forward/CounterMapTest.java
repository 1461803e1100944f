package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Sequence numbers (and picture ids) stay continuous across source switches and drops, wrap-around included. */
class CounterMapTest {

    @Test
    void theFirstSourceKeepsItsNumbersAndWrapsAround() {
        CounterMap map = new CounterMap(16);
        assertThat(map.map(65534)).isEqualTo(65534);
        assertThat(map.map(65535)).isEqualTo(65535);
        assertThat(map.map(0)).isZero();
        assertThat(map.map(1)).isEqualTo(1);
    }

    @Test
    void aNewSourceContinuesAfterTheHighestOutput() {
        CounterMap map = new CounterMap(16);
        map.map(100);
        map.map(101);
        map.startSource();
        assertThat(map.map(40_000)).isEqualTo(102);
        assertThat(map.map(40_001)).isEqualTo(103);
        assertThat(map.map(39_990)).as("older than the new source's first").isEqualTo(CounterMap.NOT_MAPPED);
    }

    @Test
    void droppedValuesLeaveNoGapAndAreNeverMappedLater() {
        CounterMap map = new CounterMap(16);
        assertThat(map.map(10)).isEqualTo(10);
        map.drop(11);
        map.drop(12);
        assertThat(map.map(13)).isEqualTo(11);
        assertThat(map.map(12)).as("a dropped value seen again").isEqualTo(CounterMap.NOT_MAPPED);
        assertThat(map.map(10)).as("a duplicate keeps its output").isEqualTo(10);
        assertThat(map.map(14)).isEqualTo(12);
    }

    @Test
    void aLateValueBeforeADropGetsTheSlotItWouldHaveHad() {
        CounterMap map = new CounterMap(16);
        map.map(1);
        // 2 is late; 3 is dropped; 4 moves down into 3's place
        map.drop(3);
        assertThat(map.map(4)).isEqualTo(3);
        assertThat(map.map(2)).isEqualTo(2);
    }

    @Test
    void sevenBitPictureIdsWrapAtOneHundredTwentyEight() {
        CounterMap map = new CounterMap(7);
        map.map(126);
        map.map(127);
        map.startSource();
        assertThat(map.map(5)).isZero();
        assertThat(map.map(6)).isEqualTo(1);
    }

    /**
     * Any run of sources (each starting anywhere, wrap-around included), each value forwarded or dropped, with
     * duplicates and reordering: no two different inputs ever share an output, and the outputs of values that
     * arrived in order and were not dropped follow each other without a gap, across every switch.
     */
    @Property(tries = 300)
    void outputsAreUniqueAndGaplessAcrossSwitchesAndDrops(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int sources) {
        Random random = new Random(seed);
        CounterMap map = new CounterMap(16);
        Map<Integer, String> ownerOfOutput = new HashMap<>();  // at most 18 000 outputs: no value comes twice
        for (int s = 0; s < sources; s++) {
            map.startSource();
            int start = random.nextInt(1 << 16);
            List<Integer> order = arrivalOrder(random, 1 + random.nextInt(3000));
            Set<Integer> dropped = new HashSet<>();
            Set<Integer> seen = new HashSet<>();
            int highestArrived = -1;
            for (int index : order) {
                int value = (start + index) & 0xFFFF;
                boolean inOrder = index > highestArrived;
                boolean nothingMissing = seen.size() == index;  // every value before it arrived already
                highestArrived = Math.max(highestArrived, index);
                seen.add(index);
                long highestOut = map.highestOutput();
                if (inOrder && index > 0 && random.nextInt(5) == 0) {
                    map.drop(value);
                    dropped.add(index);
                    continue;
                }
                int out = map.map(value);
                if (dropped.contains(index)) {
                    assertThat(out).isEqualTo(CounterMap.NOT_MAPPED);
                    continue;
                }
                assertThat(out).isNotEqualTo(CounterMap.NOT_MAPPED);
                String owner = s + ":" + index;
                String previous = ownerOfOutput.put(out, owner);
                assertThat(previous == null || previous.equals(owner))
                        .as("output %d of %s was %s's", out, owner, previous).isTrue();
                if (inOrder && nothingMissing) {
                    assertThat(out).as("no gap before %s", owner)
                            .isEqualTo(highestOut < 0 ? value : (int) ((highestOut + 1) & 0xFFFF));
                }
            }
        }
    }

    /** 0..length-1 with a few neighbours swapped (the later one arrives first) and a few values twice. */
    private static List<Integer> arrivalOrder(Random random, int length) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            order.add(i);
        }
        for (int i = 1; i + 1 < order.size(); i++) {  // 0 always comes first
            if (random.nextInt(20) == 0) {
                int later = order.get(i + 1);
                order.set(i + 1, order.get(i));
                order.set(i, later);
                i++;
            }
        }
        List<Integer> withDuplicates = new ArrayList<>();
        for (int value : order) {
            withDuplicates.add(value);
            if (random.nextInt(30) == 0) {
                withDuplicates.add(value);
            }
        }
        return withDuplicates;
    }
}
