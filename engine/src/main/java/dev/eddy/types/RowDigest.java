package dev.eddy.types;

/**
 * An order-independent digest of a stream of records: the sum of a mixed hash of each record and
 * its timestamp. Two runs that emit the same records with the same timestamps, in any order and
 * on any engine, have the same digest, which benchmarks compare instead of keeping the output.
 */
public final class RowDigest {
    private RowDigest() {}

    /** One record's share of the digest (a murmur3 finalizer over the row's hash and its timestamp). */
    public static long of(Row row, long timestamp) {
        long h = row.hashCode() * 0x9E3779B97F4A7C15L + timestamp;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
