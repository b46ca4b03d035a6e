package dev.eddy.flink.nativejob.sql;

import org.apache.flink.api.common.state.MapState;

/**
 * Map state as the pipeline's programs read it: a NULL key finds nothing and removes nothing
 * (Flink's MapState would fail on it). Written by Eddy into the exported job.
 */
public final class States {
    private States() {}

    public static <K, V> V get(MapState<K, V> state, K key) throws Exception { return key == null ? null : state.get(key); }

    public static <K, V> Boolean contains(MapState<K, V> state, K key) throws Exception { return key != null && state.contains(key); }

    public static <K, V> void remove(MapState<K, V> state, K key) throws Exception {
        if (key != null) state.remove(key);
    }
}
