package dev.eddy.runtime;

/**
 * How Flink spreads keys over subtasks (KeyGroupRangeAssignment, MathUtils#murmurHash): the
 * key's Java hashCode is murmur-hashed into one of maxParallelism key groups, and each subtask
 * owns a contiguous range of key groups. Matching this exactly is what makes "which subtask
 * printed this key" the same as in Flink.
 */
public final class KeyGroups {
    private KeyGroups() {}

    public static int keyGroupFor(Object key, int maxParallelism) {
        return murmurHash(key.hashCode()) % maxParallelism;
    }

    public static int subtaskFor(Object key, int maxParallelism, int parallelism) {
        return subtaskForKeyGroup(keyGroupFor(key, maxParallelism), maxParallelism, parallelism);
    }

    public static int subtaskForKeyGroup(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The first key group owned by a subtask (inclusive). */
    public static int rangeStart(int subtask, int maxParallelism, int parallelism) {
        return (subtask * maxParallelism + parallelism - 1) / parallelism;
    }

    /** The last key group owned by a subtask (inclusive). */
    public static int rangeEnd(int subtask, int maxParallelism, int parallelism) {
        return ((subtask + 1) * maxParallelism - 1) / parallelism;
    }

    public static int murmurHash(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code = bitMix(code);
        if (code >= 0) return code;
        return code != Integer.MIN_VALUE ? -code : 0;
    }

    static int bitMix(int in) {
        in ^= in >>> 16;
        in *= 0x85ebca6b;
        in ^= in >>> 13;
        in *= 0xc2b2ae35;
        in ^= in >>> 16;
        return in;
    }
}
