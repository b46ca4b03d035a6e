package dev.eddy.operators.window;

/**
 * A window node's compiled pieces that depend on user expressions, for a runtime that builds its
 * own window operator around them (the Flink bridge): the assigner (its dynamic session gap), the
 * function that makes results, and the delta function of a delta trigger or evictor, or null.
 */
public record WindowParts(WindowAssigner assigner, WindowFunction function, DeltaFunction delta) {}
