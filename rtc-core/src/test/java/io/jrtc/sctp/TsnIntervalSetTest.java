package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TsnIntervalSetTest {

    private static List<long[]> intervals(TsnIntervalSet set) {
        List<long[]> out = new ArrayList<>();
        set.forEachInterval(Integer.MAX_VALUE, (a, b) -> out.add(new long[] {a, b}));
        return out;
    }

    @Test
    void addMergesNeighbours() {
        TsnIntervalSet set = new TsnIntervalSet();
        assertThat(set.add(5)).isTrue();
        assertThat(set.add(7)).isTrue();
        assertThat(set.add(5)).isFalse();
        assertThat(set.intervalCount()).isEqualTo(2);
        assertThat(set.add(6)).isTrue();
        assertThat(intervals(set)).containsExactly(new long[] {5, 7});
        assertThat(set.add(4)).isTrue();
        assertThat(intervals(set)).containsExactly(new long[] {4, 7});
        assertThat(set.removeFirstIfStartsAt(3)).isEqualTo(2);
        assertThat(set.removeFirstIfStartsAt(4)).isEqualTo(7);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void addRangeReportsOnlyWhatIsNew() {
        TsnIntervalSet set = new TsnIntervalSet();
        set.addRange(10, 12, (a, b) -> { });
        set.addRange(20, 25, (a, b) -> { });
        List<long[]> added = new ArrayList<>();
        set.addRange(8, 22, (a, b) -> added.add(new long[] {a, b}));
        assertThat(added).containsExactly(new long[] {8, 9}, new long[] {13, 19});
        assertThat(intervals(set)).containsExactly(new long[] {8, 25});
        added.clear();
        set.addRange(9, 24, (a, b) -> added.add(new long[] {a, b}));
        assertThat(added).isEmpty();
    }

    @Test
    void holesAndTruncation() {
        TsnIntervalSet set = new TsnIntervalSet();
        set.addRange(3, 4, (a, b) -> { });
        set.addRange(8, 9, (a, b) -> { });
        List<long[]> holes = new ArrayList<>();
        set.forEachHole(1, 10, (a, b) -> holes.add(new long[] {a, b}));
        assertThat(holes).containsExactly(new long[] {1, 2}, new long[] {5, 7}, new long[] {10, 10});
        set.removeUpTo(8);
        assertThat(intervals(set)).containsExactly(new long[] {9, 9});
        assertThat(set.highest(0)).isEqualTo(9);
    }

    /** Against a plain set of longs as the model. */
    @Property(tries = 300)
    void behavesLikeASetOfTsns(@ForAll @Size(max = 60) List<@IntRange(max = 80) Integer> starts,
                               @ForAll @Size(max = 60) List<@IntRange(max = 6) Integer> lengths,
                               @ForAll @IntRange(max = 90) int truncateAt) {
        TsnIntervalSet set = new TsnIntervalSet();
        TreeSet<Long> model = new TreeSet<>();
        for (int i = 0; i < starts.size(); i++) {
            long first = starts.get(i);
            long last = first + (i < lengths.size() ? lengths.get(i) : 0);
            List<Long> reported = new ArrayList<>();
            if (i % 2 == 0) {
                set.addRange(first, last, (a, b) -> {
                    for (long t = a; t <= b; t++) {
                        reported.add(t);
                    }
                });
                for (long t = first; t <= last; t++) {
                    if (model.add(t)) {
                        assertThat(reported).contains(t);
                    }
                }
                assertThat(reported).allMatch(t -> t >= first && t <= last).doesNotHaveDuplicates();
            } else {
                assertThat(set.add(first)).isEqualTo(model.add(first));
            }
        }
        for (long t = 0; t < 100; t++) {
            assertThat(set.contains(t)).isEqualTo(model.contains(t));
        }
        List<long[]> ivs = intervals(set);
        for (int i = 1; i < ivs.size(); i++) {
            assertThat(ivs.get(i)[0]).as("disjoint and not adjacent").isGreaterThan(ivs.get(i - 1)[1] + 1);
        }
        for (long t = truncateAt % 7; t < 100; t += 7) {
            assertThat(set.remove(t)).as("remove %d", t).isEqualTo(model.remove(t));
        }
        ivs = intervals(set);
        for (int i = 1; i < ivs.size(); i++) {
            assertThat(ivs.get(i)[0]).as("disjoint and not adjacent after removals").isGreaterThan(ivs.get(i - 1)[1] + 1);
        }
        set.removeUpTo(truncateAt);
        model.headSet((long) truncateAt, true).clear();
        for (long t = 0; t < 100; t++) {
            assertThat(set.contains(t)).isEqualTo(model.contains(t));
        }
    }
}
