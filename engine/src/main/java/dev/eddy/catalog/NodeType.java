package dev.eddy.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The one declaration of a node type. The palette, the inspector, validation, JSON reading, the
 * JSON Schema, the reference docs and `eddy types` all read this, and its binder turns a node of
 * this type into output schemas and a runtime part. Adding a node type means adding one of these
 * (and its operator), nothing else.
 *
 * @param id       stable type id used in pipeline files, e.g. {@code filter} or {@code source.file}
 * @param title    the palette's name for it
 * @param summary  one line: what it does
 * @param concept  a short explanation of the stream-processing idea it embodies, for learners
 * @param keying   whether it needs a keyed stream (its input must come from a key-by), may take one, or neither
 * @param maxParallelism 1 for nodes that cannot run in parallel (Flink's non-parallel sources,
 *                 a single trace file), otherwise 0 (no limit)
 * @param onFlink  what the node becomes on Apache Flink, and what of it cannot
 * @param delivery for a sink, what it can promise after a failure; null for other nodes
 */
public record NodeType(String id, Category category, String title, String summary, String concept,
                       List<ParamSpec> params, List<PortSpec> inputs, List<PortSpec> outputs,
                       Keying keying, int maxParallelism, List<Preset> presets, NodeBinder binder, OnFlink onFlink,
                       SinkDelivery delivery) {
    /** How a node relates to keyed streams. */
    public enum Keying {
        /** Works on any stream. */
        NONE,
        /** Needs a keyed stream: its input must come straight from a key-by. */
        REQUIRED,
        /** Keyed after a key-by (per key, in parallel), otherwise over the whole stream in one subtask (windowAll). */
        OPTIONAL
    }

    public NodeType {
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        presets = List.copyOf(presets);
        onFlink = onFlink == null ? OnFlink.NONE : onFlink;
    }

    public boolean isSource() { return inputs.isEmpty(); }

    public boolean keyed() { return keying == Keying.REQUIRED; }

    public boolean isSink() { return outputs.isEmpty(); }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
