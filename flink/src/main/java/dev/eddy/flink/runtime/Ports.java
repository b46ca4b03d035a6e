package dev.eddy.flink.runtime;

import dev.eddy.types.Row;
import org.apache.flink.util.OutputTag;

/** The side outputs that stand for a node's named output ports (errors, late, leftLate, ...). */
public final class Ports {
    private Ports() {}

    /** The tag of a node's side port; equal tags (same node and port) name the same side output. */
    public static OutputTag<Row> tag(String node, String port) {
        return new OutputTag<>(node + "." + port, EddyTypes.ROW);
    }
}
