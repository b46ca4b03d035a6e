package dev.eddy.operators.window;

import dev.eddy.types.Row;

/** Flink's triggers, each following its class's code (see FLINK-SEMANTICS.md §3). */
public final class Triggers {
    private Triggers() {}

    /** EventTimeTrigger: fires when the watermark passes the window's end, or at once for a late-but-allowed element. */
    public static final Trigger EVENT_TIME = new Trigger() {
        @Override
        public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
            if (w.maxTimestamp() <= ctx.currentWatermark()) return TriggerResult.FIRE;
            ctx.registerEventTimeTimer(w.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, Window w, Context ctx) {
            return time == w.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public boolean canMerge() { return true; }

        @Override
        public void onMerge(Window w, MergeContext ctx) {
            // Only if still in the future: a merged window that is already complete fires through onElement.
            if (w.maxTimestamp() > ctx.currentWatermark()) ctx.registerEventTimeTimer(w.maxTimestamp());
        }

        @Override
        public void clear(Window w, Context ctx) { ctx.deleteEventTimeTimer(w.maxTimestamp()); }

        @Override
        public String describe() { return "event-time trigger"; }
    };

    /** ProcessingTimeTrigger: fires when processing time reaches the window's end. */
    public static final Trigger PROCESSING_TIME = new Trigger() {
        @Override
        public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
            ctx.registerProcessingTimeTimer(w.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.FIRE; }

        @Override
        public boolean canMerge() { return true; }

        @Override
        public void onMerge(Window w, MergeContext ctx) {
            if (w.maxTimestamp() > ctx.currentProcessingTime()) ctx.registerProcessingTimeTimer(w.maxTimestamp());
        }

        @Override
        public void clear(Window w, Context ctx) { ctx.deleteProcessingTimeTimer(w.maxTimestamp()); }

        @Override
        public String describe() { return "processing-time trigger"; }
    };

    /** NeverTrigger, the default of GlobalWindows.create(): nothing fires unless another trigger is set. */
    public static final Trigger NEVER = new Trigger() {
        @Override
        public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public TriggerResult onEventTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public void clear(Window w, Context ctx) {}

        @Override
        public String describe() { return "never trigger"; }
    };

    /** GlobalWindows.createWithEndOfStreamTrigger(): fires once, at the final watermark. */
    public static final Trigger END_OF_STREAM = new Trigger() {
        @Override
        public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
            ctx.registerEventTimeTimer(Long.MAX_VALUE);
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, Window w, Context ctx) {
            return time == w.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

        @Override
        public void clear(Window w, Context ctx) { ctx.deleteEventTimeTimer(Long.MAX_VALUE); }

        @Override
        public String describe() { return "end-of-stream trigger"; }
    };

    /** CountTrigger.of(n): fires (without purging) every n elements; counts merge by adding. */
    public static Trigger count(long n) {
        return new Trigger() {
            @Override
            public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
                Object c = ctx.state("count");
                long count = (c == null ? 0L : (Long) c) + 1;
                if (count >= n) {
                    ctx.clearState("count");
                    return TriggerResult.FIRE;
                }
                ctx.setState("count", count);
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public boolean canMerge() { return true; }

            @Override
            public void onMerge(Window w, MergeContext ctx) { ctx.mergeState("count", (a, b) -> (Long) a + (Long) b); }

            @Override
            public void clear(Window w, Context ctx) { ctx.clearState("count"); }

            @Override
            public String describe() { return "count trigger (every " + n + " records)"; }
        };
    }

    /**
     * DeltaTrigger.of(threshold, fn): remembers the first record's value, and fires (without purging)
     * when a record's delta from the remembered one is strictly above the threshold, remembering that
     * record instead. It has no merge, so sessions refuse it, as Flink's does.
     */
    public static Trigger delta(DeltaFunction fn, double threshold) {
        return new Trigger() {
            @Override
            public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
                Double value = fn.valueOf(row);
                Object last = ctx.state("delta");
                if (last == null) {
                    if (value != null) ctx.setState("delta", value);
                    return TriggerResult.CONTINUE;
                }
                Double d = fn.delta((Double) last, value);
                if (d != null && d > threshold) {
                    ctx.setState("delta", value);
                    return TriggerResult.FIRE;
                }
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public void clear(Window w, Context ctx) { ctx.clearState("delta"); }

            @Override
            public String describe() { return "delta trigger (" + fn.describe() + " > " + threshold + ")"; }
        };
    }

    /** PurgingTrigger.of(t): whatever t fires, fire and purge. */
    public static Trigger purging(Trigger nested) {
        return new Trigger() {
            private TriggerResult purge(TriggerResult r) { return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r; }

            @Override
            public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
                return purge(nested.onElement(row, timestamp, w, ctx));
            }

            @Override
            public TriggerResult onEventTime(long time, Window w, Context ctx) { return purge(nested.onEventTime(time, w, ctx)); }

            @Override
            public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return purge(nested.onProcessingTime(time, w, ctx)); }

            @Override
            public boolean canMerge() { return nested.canMerge(); }

            @Override
            public void onMerge(Window w, MergeContext ctx) { nested.onMerge(w, ctx); }

            @Override
            public void clear(Window w, Context ctx) { nested.clear(w, ctx); }

            @Override
            public String describe() { return "purging " + nested.describe(); }

            @Override
            public boolean purges() { return true; }
        };
    }

    /**
     * ContinuousEventTimeTrigger.of(interval): fires every interval of event time (aligned to
     * multiples of the interval since the epoch) and at the window's end. A watermark that jumps
     * several intervals fires once per interval, as in Flink, the final watermark too: a time window
     * fires at each remaining interval up to its end. One deliberate difference: a global window
     * ends at Long.MAX_VALUE, and there Flink would step through every interval up to it at the
     * final watermark and never finish; here that window fires once more, at its end.
     */
    public static Trigger continuousEventTime(long interval) {
        return new Trigger() {
            @Override
            public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
                if (w.maxTimestamp() <= ctx.currentWatermark()) return TriggerResult.FIRE;
                ctx.registerEventTimeTimer(w.maxTimestamp());
                if (ctx.state("fire-time") == null) {
                    long start = timestamp - (timestamp % interval);
                    register(start + interval, w, ctx);
                }
                return TriggerResult.CONTINUE;
            }

            private void register(long time, Window w, Context ctx) {
                // time + interval can overflow near Long.MAX_VALUE; the window end caps it.
                long next = time < 0 && time - interval > 0 ? w.maxTimestamp() : Math.min(time, w.maxTimestamp());
                ctx.setState("fire-time", next);
                ctx.registerEventTimeTimer(next);
            }

            @Override
            public TriggerResult onEventTime(long time, Window w, Context ctx) {
                if (time == w.maxTimestamp()) return TriggerResult.FIRE;
                Object fire = ctx.state("fire-time");
                if (fire != null && (Long) fire == time) {
                    ctx.clearState("fire-time");
                    if (ctx.currentWatermark() == Long.MAX_VALUE && w.maxTimestamp() == Long.MAX_VALUE) {
                        // End of input in a global window: leave the last firing to the window-end timer (see above).
                        ctx.registerEventTimeTimer(w.maxTimestamp());
                        return TriggerResult.CONTINUE;
                    }
                    register(time + interval, w, ctx);
                    return TriggerResult.FIRE;
                }
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public boolean canMerge() { return true; }

            @Override
            public void onMerge(Window w, MergeContext ctx) {
                ctx.mergeState("fire-time", (a, b) -> Math.min((Long) a, (Long) b));
                Object fire = ctx.state("fire-time");
                if (fire != null) ctx.registerEventTimeTimer((Long) fire);
            }

            @Override
            public void clear(Window w, Context ctx) {
                Object fire = ctx.state("fire-time");
                if (fire != null) ctx.deleteEventTimeTimer((Long) fire);
                ctx.clearState("fire-time");
            }

            @Override
            public String describe() { return "continuous event-time trigger (" + interval + " ms)"; }
        };
    }

    /**
     * ContinuousProcessingTimeTrigger.of(interval): fires every interval of processing time,
     * aligned to multiples of the interval, and at the window's end.
     */
    public static Trigger continuousProcessingTime(long interval) {
        return new Trigger() {
            @Override
            public TriggerResult onElement(Row row, long timestamp, Window w, Context ctx) {
                long now = ctx.currentProcessingTime();
                if (ctx.state("fire-time") == null) register(now - (now % interval) + interval, w, ctx);
                return TriggerResult.CONTINUE;
            }

            private void register(long time, Window w, Context ctx) {
                long next = Math.min(time, w.maxTimestamp());
                ctx.setState("fire-time", next);
                ctx.registerProcessingTimeTimer(next);
            }

            @Override
            public TriggerResult onEventTime(long time, Window w, Context ctx) { return TriggerResult.CONTINUE; }

            @Override
            public TriggerResult onProcessingTime(long time, Window w, Context ctx) {
                if (time == w.maxTimestamp()) return TriggerResult.FIRE;
                Object fire = ctx.state("fire-time");
                if (fire != null && (Long) fire == time) {
                    ctx.clearState("fire-time");
                    register(time + interval, w, ctx);
                    return TriggerResult.FIRE;
                }
                return TriggerResult.CONTINUE;
            }

            @Override
            public boolean canMerge() { return true; }

            @Override
            public void onMerge(Window w, MergeContext ctx) {
                ctx.mergeState("fire-time", (a, b) -> Math.min((Long) a, (Long) b));
                Object fire = ctx.state("fire-time");
                if (fire != null) ctx.registerProcessingTimeTimer((Long) fire);
            }

            @Override
            public void clear(Window w, Context ctx) {
                Object fire = ctx.state("fire-time");
                if (fire != null) ctx.deleteProcessingTimeTimer((Long) fire);
                ctx.clearState("fire-time");
            }

            @Override
            public String describe() { return "continuous processing-time trigger (" + interval + " ms)"; }
        };
    }
}
