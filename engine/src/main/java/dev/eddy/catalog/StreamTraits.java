package dev.eddy.catalog;

/**
 * What a bound node means for time and state, declared by its binder so that the validator can
 * warn about the traps a learner falls into (a window that never fires, state that only grows)
 * without knowing node types by name.
 *
 * @param needsWatermarks  its results wait for event time to pass (an event-time window or join)
 * @param assignsWatermarks it emits watermarks of its own (a watermarks node, a scripted timeline)
 * @param detectsIdleness  it marks its stream idle when records stop, so a quiet input cannot hold the watermark back
 * @param growingState     why its state grows for as long as the stream lasts, or null when it does not
 */
public record StreamTraits(boolean needsWatermarks, boolean assignsWatermarks, boolean detectsIdleness, String growingState) {
    public static final StreamTraits NONE = new StreamTraits(false, false, false, null);

    public static StreamTraits eventTime() { return new StreamTraits(true, false, false, null); }

    public static StreamTraits watermarks(boolean idleness) { return new StreamTraits(false, true, idleness, null); }

    public static StreamTraits growing(String why) { return new StreamTraits(false, false, false, why); }

    public StreamTraits alsoGrowing(String why) { return new StreamTraits(needsWatermarks, assignsWatermarks, detectsIdleness, why); }
}
