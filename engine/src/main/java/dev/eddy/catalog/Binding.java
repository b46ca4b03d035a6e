package dev.eddy.catalog;

import dev.eddy.runtime.OperatorFactory;
import dev.eddy.runtime.Partitioning;
import dev.eddy.runtime.SourceFactory;
import dev.eddy.types.Schema;
import java.util.Map;

/**
 * What a bound node produces: its output schemas by port, how its input is partitioned, the key
 * it establishes (key-by only), and its runtime part, a source or an operator factory.
 */
public record Binding(Map<String, Schema> outputs, Partitioning inputPartitioning, KeyInfo keyOut,
                      SourceFactory source, OperatorFactory operator, boolean unbounded, StreamTraits traits) {
    public Binding {
        traits = traits == null ? StreamTraits.NONE : traits;
    }

    public static Binding operator(Map<String, Schema> outputs, OperatorFactory factory) {
        return new Binding(outputs, Partitioning.FORWARD, null, null, factory, false, null);
    }

    public static Binding source(Schema out, SourceFactory factory) {
        return new Binding(Map.of("out", out), Partitioning.FORWARD, null, factory, null, false, null);
    }

    public static Binding sink(OperatorFactory factory) {
        return new Binding(Map.of(), Partitioning.FORWARD, null, null, factory, false, null);
    }

    public Binding withPartitioning(Partitioning p, KeyInfo key) {
        return new Binding(outputs, p, key, source, operator, unbounded, traits);
    }

    /** Marks a source that never ends by itself (a generator without count, a socket). */
    public Binding unboundedIf(boolean yes) {
        return new Binding(outputs, inputPartitioning, keyOut, source, operator, yes, traits);
    }

    public Binding with(StreamTraits t) {
        return new Binding(outputs, inputPartitioning, keyOut, source, operator, unbounded, t);
    }
}
