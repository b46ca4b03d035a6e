package dev.eddy.model;

import java.util.Locale;

/**
 * What a failure may do to the output (settings.deliveryGuarantee). Exactly-once and
 * at-least-once restore from a checkpoint, as Flink's two CheckpointingModes, and differ in the
 * sinks: exactly-once makes the transactional ones commit on completed checkpoints, at-least-once
 * lets every sink write through, so a replay writes the same records again. At-most-once takes no
 * checkpoints: a restart begins with empty state and the sources go on from where they stopped,
 * so what was in flight and in state is lost, and nothing comes twice.
 */
public enum DeliveryGuarantee {
    AT_MOST_ONCE, AT_LEAST_ONCE, EXACTLY_ONCE;

    /** As written in a pipeline file: at-most-once, at-least-once, exactly-once. */
    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The guarantee written as {@code text}, or null when it names none. */
    public static DeliveryGuarantee parse(String text) {
        for (DeliveryGuarantee g : values()) if (g.id().equals(text.trim().toLowerCase(Locale.ROOT))) return g;
        return null;
    }

    /** Whether a failed run goes back to a checkpoint. */
    public boolean restoresCheckpoints() { return this != AT_MOST_ONCE; }
}
