package dev.eddy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The key-group examples of FLINK-SEMANTICS.md, computed with Flink's formulas. */
class KeyGroupsTest {
    @Test
    void keysLandInFlinksKeyGroups() {
        assertEquals(41, KeyGroups.keyGroupFor("key1", 128));
        assertEquals(27, KeyGroups.keyGroupFor("key2", 128));
        assertEquals(81, KeyGroups.keyGroupFor("a", 128));
        assertEquals(22, KeyGroups.keyGroupFor("b", 128));
        assertEquals(62, KeyGroups.keyGroupFor("c", 128));
        // Long keys hash like Integer keys for small values: (int) (v ^ v >>> 32) == v.
        assertEquals(94, KeyGroups.keyGroupFor(0L, 128));
        assertEquals(86, KeyGroups.keyGroupFor(1L, 128));
        assertEquals(127, KeyGroups.keyGroupFor(2L, 128));
        assertEquals(81, KeyGroups.keyGroupFor(17L, 128));
        assertEquals(29, KeyGroups.keyGroupFor(42L, 128));
    }

    @Test
    void keyGroupsMapToSubtasksByRange() {
        assertEquals(0, KeyGroups.subtaskFor("key1", 128, 2));
        assertEquals(0, KeyGroups.subtaskFor("key2", 128, 2));
        assertEquals(1, KeyGroups.subtaskFor("a", 128, 2));
        int[][] ranges = {{0, 42}, {43, 85}, {86, 127}};
        for (int i = 0; i < 3; i++) {
            assertEquals(ranges[i][0], KeyGroups.rangeStart(i, 128, 3));
            assertEquals(ranges[i][1], KeyGroups.rangeEnd(i, 128, 3));
            for (int g = ranges[i][0]; g <= ranges[i][1]; g++) assertEquals(i, KeyGroups.subtaskForKeyGroup(g, 128, 3));
        }
    }

    @Test
    void theDefaultMaxParallelismIsFlinks128UpToParallelism85ThenGrowsByPowersOfTwo() {
        // KeyGroupRangeAssignment#computeDefaultMaxParallelism: p + p/2 rounded up to a power of two, in [128, 32768].
        assertEquals(128, dev.eddy.model.Settings.defaultMaxParallelism(1));
        assertEquals(128, dev.eddy.model.Settings.defaultMaxParallelism(85));
        assertEquals(256, dev.eddy.model.Settings.defaultMaxParallelism(86));
        assertEquals(256, dev.eddy.model.Settings.defaultMaxParallelism(171), "171 + 85 is 256 exactly");
        assertEquals(512, dev.eddy.model.Settings.defaultMaxParallelism(172));
        assertEquals(32768, dev.eddy.model.Settings.defaultMaxParallelism(30000));
    }

    @Test
    void murmurHashIsNeverNegative() {
        for (int code : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789}) {
            assertEquals(true, KeyGroups.murmurHash(code) >= 0);
        }
    }

    @Test
    void compositeKeysHashLikeFlinkTuples() {
        // Tuple2.hashCode: 31 * f0.hashCode() + f1.hashCode()
        assertEquals(31 * "a".hashCode() + Long.hashCode(7L), new CompositeKey(new Object[] {"a", 7L}).hashCode());
    }
}
