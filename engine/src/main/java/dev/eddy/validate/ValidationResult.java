package dev.eddy.validate;

import dev.eddy.catalog.Binding;
import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import dev.eddy.types.Schema;
import java.util.List;
import java.util.Map;

/**
 * Every problem found in a pipeline, and for the nodes that bound cleanly their output schemas
 * (by port) and runtime parts. The designer reads the schemas to offer field names; the runner
 * turns a result without errors into a job.
 */
public record ValidationResult(List<Problem> problems, Map<String, Binding> bindings, List<String> order,
                               Map<String, Integer> parallelism) {
    public boolean hasErrors() { return problems.stream().anyMatch(Problem::isError); }

    public List<Problem> errors() { return problems.stream().filter(Problem::isError).toList(); }

    public List<Problem> warnings() { return problems.stream().filter(p -> !p.isError()).toList(); }

    /** The schema of the records arriving at a node's first connected input, or null when unknown. */
    public Schema schemaInto(Pipeline pipeline, String node) {
        for (Edge e : pipeline.edges()) {
            if (e.to().equals(node)) return schema(e.from(), e.outPort());
        }
        return null;
    }

    /** The key of the key-by feeding a node, or null when it is not fed by one (or that did not bind). */
    public dev.eddy.catalog.KeyInfo keyInto(Pipeline pipeline, String node) {
        for (Edge e : pipeline.edges()) {
            if (!e.to().equals(node) || !e.outPort().equals("out")) continue;
            Binding b = bindings.get(e.from());
            if (b != null && b.keyOut() != null) return b.keyOut();
        }
        return null;
    }

    /** The schema leaving a node's port, or null when unknown. */
    public Schema schema(String node, String port) {
        Binding b = bindings.get(node);
        return b == null ? null : b.outputs().get(port);
    }
}
