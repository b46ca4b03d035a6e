package dev.eddy.runtime;

import java.util.Objects;

/** A timer of a keyed operator: when, for which key, in which namespace (a window, or none). */
public record InternalTimer(long timestamp, Object key, Object namespace) {
    // Written out rather than generated: timers are hashed and compared on every registration.
    @Override
    public boolean equals(Object o) {
        return o instanceof InternalTimer t && t.timestamp == timestamp && Objects.equals(t.key, key) && Objects.equals(t.namespace, namespace);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(timestamp);
        h = 31 * h + Objects.hashCode(key);
        return 31 * h + Objects.hashCode(namespace);
    }
}
