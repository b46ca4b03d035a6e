package dev.eddy.catalog;

import dev.eddy.runtime.OperatorFactory;
import dev.eddy.runtime.Partitioning;
import dev.eddy.runtime.SourceFactory;
import dev.eddy.types.Schema;
import java.util.Map;

/**
 * What a bound node produces: its output schemas by port, how its input is partitioned, the key
 * it establishes (key-by only), and its runtime part, a source or an operator factory.
 *
 * <p>{@code parts} are the node's compiled pieces that another runtime needs to run the same node
 * with its own operators (the Flink bridge builds Flink's window operator around an Eddy window
 * function, say); null for nodes whose operator is all there is.
 */
public record Binding(Map<String, Schema> outputs, Partitioning inputPartitioning, KeyInfo keyOut,
                      SourceFactory source, OperatorFactory operator, boolean unbounded, StreamTraits traits,
                      Object parts) {
    public Binding {
        traits = traits == null ? StreamTraits.NONE : traits;
    }

    public Binding(Map<String, Schema> outputs, Partitioning inputPartitioning, KeyInfo keyOut,
                   SourceFactory source, OperatorFactory operator, boolean unbounded, StreamTraits traits) {
        this(outputs, inputPartitioning, keyOut, source, operator, unbounded, traits, null);
    }

    public Binding withParts(Object p) {
        return new Binding(outputs, inputPartitioning, keyOut, source, operator, unbounded, traits, p);
    }

    /** The parts, as the type the caller knows this node type binds them to. */
    public <T> T parts(Class<T> type) { return type.cast(parts); }

    public static Binding operator(Map<String, Schema> outputs, OperatorFactory factory) {
        return new Binding(outputs, Partitioning.FORWARD, null, null, factory, false, null);
    }

    public static Binding source(Schema out, SourceFactory factory) {
        return new Binding(Map.of("out", out), Partitioning.FORWARD, null, factory, null, false, null);
    }

    public static Binding sink(OperatorFactory factory) {
        return new Binding(Map.of(), Partitioning.FORWARD, null, null, factory, false, null);
    }

    /** The same node with another source reader factory (a source wrapped with its watermark strategy). */
    public Binding withSource(SourceFactory f) {
        return new Binding(outputs, inputPartitioning, keyOut, f, operator, unbounded, traits, parts);
    }

    public Binding withPartitioning(Partitioning p, KeyInfo key) {
        return new Binding(outputs, p, key, source, operator, unbounded, traits, parts);
    }

    /** Marks a source that never ends by itself (a generator without count, a socket). */
    public Binding unboundedIf(boolean yes) {
        return new Binding(outputs, inputPartitioning, keyOut, source, operator, yes, traits, parts);
    }

    public Binding with(StreamTraits t) {
        return new Binding(outputs, inputPartitioning, keyOut, source, operator, unbounded, t, parts);
    }
}
