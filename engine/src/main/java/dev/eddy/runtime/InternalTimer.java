package dev.eddy.runtime;

/** A timer of a keyed operator: when, for which key, in which namespace (a window, or none). */
public record InternalTimer(long timestamp, Object key, Object namespace) {}
