package dev.eddy.observe;

import java.util.List;

/**
 * What one key holds in a keyed process node at the moment it was asked for, taken at a safe
 * point of the subtask that owns it: each non-empty state with its value as the program would
 * read it now (expired entries left out, nothing refreshed by the looking), and the key's
 * pending timers in time order.
 *
 * @param watermark the subtask's current watermark (Long.MIN_VALUE before the first)
 */
public record KeyedStateSnapshot(long time, String node, int subtask, Object key, List<StateValue> states,
                                 List<PendingTimer> timers, long watermark) {
    public KeyedStateSnapshot {
        states = List.copyOf(states);
        timers = List.copyOf(timers);
    }

    /**
     * One declared state of the key. {@code value} is the value of a value state, the list of a
     * list state, or the (key-sorted) map of a map state.
     *
     * @param expiresAt the processing time at which the earliest of it expires; null without a time-to-live
     */
    public record StateValue(String name, String kind, Object value, Long expiresAt) {}

    /** A timer the key has registered and that has not fired yet. */
    public record PendingTimer(String domain, long time) {}
}
