package dev.eddy.types;

/** A named, typed column of a schema. */
public record Field(String name, DataType type) {
    @Override
    public String toString() { return name + " " + type; }
}
