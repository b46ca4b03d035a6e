package dev.eddy.flink.nativejob.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.state.MapState;

/**
 * What the pipeline's process programs need beyond Sql's rules: their states read as the
 * language reads them (a list state as a list, empty when empty; a map's keys sorted; a NULL key
 * finding nothing, where Flink's MapState would fail on it), list states that hold no NULL, and
 * the clocks and timers. Written by Eddy into the exported job.
 */
public final class Programs {
    private Programs() {}

    public static <K, V> V get(MapState<K, V> state, K key) throws Exception { return key == null ? null : state.get(key); }

    public static <K, V> Boolean contains(MapState<K, V> state, K key) throws Exception { return key != null && state.contains(key); }

    public static <K, V> void remove(MapState<K, V> state, K key) throws Exception {
        if (key != null) state.remove(key);
    }

    /** A list state's contents as a list; nothing is the empty list. */
    public static <T> List<T> list(Iterable<T> elements) {
        List<T> out = new ArrayList<>();
        if (elements != null) for (T e : elements) out.add(e);
        return out;
    }

    /** A map state's keys, sorted, so that a program's output does not depend on a hash order. */
    public static <K extends Comparable<? super K>> List<K> sorted(Iterable<K> keys) {
        List<K> out = list(keys);
        Collections.sort(out);
        return out;
    }

    /** What a `for` goes through: a copy of the array, nothing for NULL. */
    public static <T> List<T> elements(List<T> array) { return array == null ? List.of() : new ArrayList<>(array); }

    /** The new contents of a list state: NULL is empty, and no element may be NULL. */
    public static <T> List<T> noNulls(List<T> list, String why) {
        if (list == null) return new ArrayList<>();
        for (T e : list) if (e == null) throw new IllegalArgumentException(why);
        return new ArrayList<>(list);
    }

    public static <T> T required(T value, String why) {
        if (value == null) throw new IllegalArgumentException(why);
        return value;
    }

    /** The current watermark as a timestamp; NULL before the first one. */
    public static Instant watermark(long watermark) { return watermark == Long.MIN_VALUE ? null : Instant.ofEpochMilli(watermark); }

    public static long timerTime(Instant t, String expression) {
        if (t == null) throw new IllegalArgumentException("the timer's time `" + expression + "` is NULL");
        return t.toEpochMilli();
    }

    public static long timerTime(Long millis, String expression) {
        if (millis == null) throw new IllegalArgumentException("the timer's time `" + expression + "` is NULL");
        return millis;
    }
}
