package dev.eddy.runtime;

import dev.eddy.types.Row;

/** Computes a record's key; equal keys must give equal, hash-stable objects. */
@FunctionalInterface
public interface KeySelector {
    Object getKey(Row row);
}
