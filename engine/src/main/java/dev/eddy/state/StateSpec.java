package dev.eddy.state;

import dev.eddy.types.DataType;

/**
 * One named keyed state of an operator, as Flink's state descriptors declare it: a value, a list
 * (of elements of {@code type}) or a map (from {@code keyType} to {@code type}), with an optional
 * time-to-live.
 */
public record StateSpec(String name, Kind kind, DataType keyType, DataType type, StateTtl ttl) {
    public enum Kind { VALUE, LIST, MAP }

    public String describe() {
        String t = switch (kind) {
            case VALUE -> type.toString();
            case LIST -> "LIST<" + type + ">";
            case MAP -> "MAP<" + keyType + ", " + type + ">";
        };
        return t + (ttl == null ? "" : " with a time-to-live of " + dev.eddy.catalog.Durations.format(ttl.millis()));
    }
}
