package dev.eddy.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One node of a pipeline as written in the file. Parameters stay as the JSON object the user
 * wrote, in their order, so that load then save gives the same bytes; their meaning is checked
 * against the node type's declaration when the pipeline is validated. The params object is
 * copied on the way in and must never be mutated afterwards: use {@link #withParams}.
 */
public record Node(String id, String type, ObjectNode params, Integer parallelism) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
    }

    public Node(String id, String type, ObjectNode params) {
        this(id, type, params, null);
    }

    /** A read-only view would be nicer; Jackson has none, so callers get a copy. */
    @Override
    public ObjectNode params() { return params.deepCopy(); }

    /** Direct access for readers that promise not to mutate (validation, planning). */
    public ObjectNode paramsView() { return params; }

    public Node withParams(ObjectNode newParams) { return new Node(id, type, newParams, parallelism); }

    public Node withId(String newId) { return new Node(newId, type, params, parallelism); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.id.equals(id) && n.type.equals(type) && n.params.equals(params)
                && Objects.equals(n.parallelism, parallelism);
    }

    @Override
    public int hashCode() { return Objects.hash(id, type, params, parallelism); }
}
