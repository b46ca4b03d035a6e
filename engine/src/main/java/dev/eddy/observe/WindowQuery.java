package dev.eddy.observe;

/**
 * Which open windows to look into: those of one window node, optionally only one key's, and
 * optionally only the window that starts at a given time. The key is compared with the key the
 * window observations carry (null for a non-keyed window).
 */
public record WindowQuery(String node, boolean anyKey, Object key, Long start) {
    public WindowQuery {
        if (node == null) throw new IllegalArgumentException("a window query names the window node");
    }

    /** Every open window of the node. */
    public static WindowQuery all(String node) { return new WindowQuery(node, true, null, null); }

    /** The open windows of one key. */
    public static WindowQuery ofKey(String node, Object key) { return new WindowQuery(node, false, key, null); }

    /** One window of one key, named by its start as the observations give it. */
    public static WindowQuery window(String node, Object key, long start) { return new WindowQuery(node, false, key, start); }

    public boolean matches(Object windowKey, long windowStart) {
        return (anyKey || java.util.Objects.equals(key, windowKey)) && (start == null || start == windowStart);
    }
}
