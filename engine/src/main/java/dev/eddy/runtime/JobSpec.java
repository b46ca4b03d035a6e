package dev.eddy.runtime;

import java.util.List;

/**
 * A validated pipeline reduced to what the runtime needs: nodes in topological order with their
 * parallelism and how to instantiate them, and the edges between their ports. The runtime never
 * sees the catalog or the JSON; the validator builds this from them.
 */
public record JobSpec(String name, List<NodeSpec> nodes, List<EdgeSpec> edges, int maxParallelism, FaultTolerance faultTolerance) {
    public JobSpec(String name, List<NodeSpec> nodes, List<EdgeSpec> edges, int maxParallelism) {
        this(name, nodes, edges, maxParallelism, FaultTolerance.NONE);
    }

    /** One node: exactly one of {@code source} and {@code operator} is set. */
    public record NodeSpec(String id, String type, int parallelism, SourceFactory source, OperatorFactory operator,
                           Partitioning inputPartitioning, KeySelector key, ErrorPolicy errorPolicy, List<String> inputPorts) {
        public boolean isSource() { return source != null; }
    }

    public record EdgeSpec(String from, String port, String to, String toPort) {}
}
