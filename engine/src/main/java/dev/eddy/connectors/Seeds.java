package dev.eddy.connectors;

/**
 * Deterministic randomness by position: every generated record is a pure function of the seed
 * and its index (SplitMix64), so a generator's output does not depend on how many subtasks share
 * the work or in which order they run.
 */
public final class Seeds {
    private Seeds() {}

    public static long mix(long seed, long index, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1) + 0xBF58476D1CE4E5B9L * salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1). */
    public static double unit(long seed, long index, long salt) {
        return (mix(seed, index, salt) >>> 11) * 0x1.0p-53;
    }

    /** A standard normal value (Box-Muller over two uniforms). */
    public static double gaussian(long seed, long index, long salt) {
        double u1 = Math.max(unit(seed, index, salt), 1e-12);
        double u2 = unit(seed, index, salt + 7919);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    public static long forNode(long seed, String nodeId) {
        return mix(seed, nodeId.hashCode(), 17);
    }
}
