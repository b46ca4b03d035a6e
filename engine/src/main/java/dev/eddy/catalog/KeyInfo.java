package dev.eddy.catalog;

import dev.eddy.runtime.KeySelector;
import dev.eddy.types.Field;
import java.util.List;

/**
 * What a key-by node tells the keyed node after it: how to compute the key, and the columns a
 * keyed result shows for it (the key field's own name, or "key" for a computed key).
 */
public record KeyInfo(KeySelector selector, List<Field> columns, String text) {}
