package dev.eddy.state;

/**
 * Flink's StateTtlConfig as far as it decides what a program sees: a time-to-live in processing
 * time (the only time Flink's TTL knows), refreshed on every write (UpdateType.OnCreateAndWrite,
 * the default) or on reads too (OnReadAndWrite), and expired values never returned
 * (StateVisibility.NeverReturnExpired, the default). A value written at t is expired from
 * t + ttl on, as TtlUtils#expired has it.
 */
public record StateTtl(long millis, boolean refreshOnRead) {
    public boolean expired(long writtenAt, long now) { return expiresAt(writtenAt) <= now; }

    /** The processing time from which a value written at {@code writtenAt} is expired. */
    public long expiresAt(long writtenAt) {
        long expiresAt = writtenAt + millis;
        // Flink saturates instead of overflowing (TtlUtils#getExpirationTimestamp).
        if (writtenAt > 0 && expiresAt < 0) expiresAt = Long.MAX_VALUE;
        return expiresAt;
    }
}
