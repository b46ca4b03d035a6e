package dev.eddy.runtime;

import java.util.Objects;

/**
 * A timer of a keyed operator: when, for which key, in which namespace (a window, or none). Equal
 * by those three. The timer queue links the timers of one timestamp through them, so that holding
 * a timer costs no list node of its own (as Flink's TimerHeapInternalTimer carries its heap index).
 */
public final class InternalTimer {
    private final long timestamp;
    private final Object key;
    private final Object namespace;
    /** The timers registered just before and after it for the same timestamp, while it is queued. */
    InternalTimer prev, next;

    public InternalTimer(long timestamp, Object key, Object namespace) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = namespace;
    }

    public long timestamp() { return timestamp; }

    public Object key() { return key; }

    public Object namespace() { return namespace; }

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

    @Override
    public String toString() { return "InternalTimer[timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "]"; }
}
