package dev.eddy.app.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every edit the designer makes, as a function from one pipeline value to the next. Keeping them
 * pure makes undo a matter of remembering values, and lets tests check edits without a window.
 */
public final class Edits {
    private Edits() {}

    /** A pipeline after an edit, with the ids of the nodes the edit created. */
    public record Result(Pipeline pipeline, Set<String> created) {}

    public static Pipeline with(Pipeline p, List<Node> nodes, List<Edge> edges, Map<String, Position> layout) {
        return new Pipeline(p.name(), p.description(), p.settings(), nodes, edges, layout, p.lesson());
    }

    public static Pipeline describe(Pipeline p, String name, String description) {
        return new Pipeline(name, description, p.settings(), p.nodes(), p.edges(), p.layout(), p.lesson());
    }

    /** An id not yet taken, from the type's short name: "window", "window-2", ... */
    public static String freshId(Pipeline p, String typeId, Collection<String> alsoTaken) {
        String base = typeId.contains(".") ? typeId.substring(typeId.lastIndexOf('.') + 1) : typeId;
        Set<String> taken = new LinkedHashSet<>(alsoTaken);
        p.nodes().forEach(n -> taken.add(n.id()));
        if (!taken.contains(base)) return base;
        for (int i = 2; ; i++) if (!taken.contains(base + "-" + i)) return base + "-" + i;
    }

    public static Result addNode(Pipeline p, String typeId, ObjectNode params, Position at) {
        String id = freshId(p, typeId, List.of());
        List<Node> nodes = new ArrayList<>(p.nodes());
        nodes.add(new Node(id, typeId, params));
        Map<String, Position> layout = new LinkedHashMap<>(p.layout());
        layout.put(id, at);
        return new Result(with(p, nodes, p.edges(), layout), Set.of(id));
    }

    public static Pipeline connect(Pipeline p, Edge e) {
        List<Edge> edges = new ArrayList<>(p.edges());
        edges.add(e);
        return with(p, p.nodes(), edges, p.layout());
    }

    /** Removes nodes (with every edge that touches them) and edges. */
    public static Pipeline remove(Pipeline p, Set<String> nodeIds, Set<Edge> edges) {
        List<Node> nodes = p.nodes().stream().filter(n -> !nodeIds.contains(n.id())).toList();
        List<Edge> kept = p.edges().stream()
                .filter(e -> !edges.contains(e) && !nodeIds.contains(e.from()) && !nodeIds.contains(e.to())).toList();
        Map<String, Position> layout = new LinkedHashMap<>(p.layout());
        nodeIds.forEach(layout::remove);
        return with(p, nodes, kept, layout);
    }

    public static Pipeline move(Pipeline p, Map<String, Position> moved) {
        Map<String, Position> layout = new LinkedHashMap<>(p.layout());
        layout.putAll(moved);
        return with(p, p.nodes(), p.edges(), layout);
    }

    /** Sets one parameter, keeping the others where they are; null removes it (its default applies). */
    public static Pipeline setParam(Pipeline p, String nodeId, String param, JsonNode value) {
        return replaceNode(p, nodeId, n -> {
            ObjectNode params = n.params();
            if (value == null || value.isNull()) params.remove(param);
            else params.set(param, value);
            return n.withParams(params);
        });
    }

    public static Pipeline setParallelism(Pipeline p, String nodeId, Integer parallelism) {
        return replaceNode(p, nodeId, n -> new Node(n.id(), n.type(), n.paramsView(), parallelism));
    }

    /** Renames a node, with its edges and position. */
    public static Pipeline rename(Pipeline p, String from, String to) {
        List<Node> nodes = p.nodes().stream().map(n -> n.id().equals(from) ? n.withId(to) : n).toList();
        List<Edge> edges = p.edges().stream().map(e -> new Edge(e.from().equals(from) ? to : e.from(), e.fromPort(),
                e.to().equals(from) ? to : e.to(), e.toPort())).toList();
        Map<String, Position> layout = new LinkedHashMap<>();
        p.layout().forEach((id, pos) -> layout.put(id.equals(from) ? to : id, pos));
        return with(p, nodes, edges, layout);
    }

    /** The chosen nodes and the edges between them, as a pipeline of their own (what copy puts on the clipboard). */
    public static Pipeline fragment(Pipeline p, Set<String> ids) {
        List<Node> nodes = p.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<Edge> edges = p.edges().stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList();
        Map<String, Position> layout = new LinkedHashMap<>();
        p.layout().forEach((id, pos) -> {
            if (ids.contains(id)) layout.put(id, pos);
        });
        return new Pipeline(null, null, null, nodes, edges, layout, null);
    }

    /** Adds a fragment's nodes under fresh ids, shifted by (dx, dy) so that a paste is seen beside its original. */
    public static Result paste(Pipeline p, Pipeline fragment, double dx, double dy) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Node n : fragment.nodes()) {
            String id = p.node(n.id()).isPresent() || ids.containsValue(n.id()) ? freshId(p, n.id().replaceAll("-\\d+$", ""), ids.values()) : n.id();
            ids.put(n.id(), id);
        }
        List<Node> nodes = new ArrayList<>(p.nodes());
        Map<String, Position> layout = new LinkedHashMap<>(p.layout());
        for (Node n : fragment.nodes()) {
            nodes.add(n.withId(ids.get(n.id())));
            Position at = fragment.layout().getOrDefault(n.id(), new Position(0, 0));
            layout.put(ids.get(n.id()), new Position(at.x() + dx, at.y() + dy));
        }
        List<Edge> edges = new ArrayList<>(p.edges());
        for (Edge e : fragment.edges()) {
            if (ids.containsKey(e.from()) && ids.containsKey(e.to())) {
                edges.add(new Edge(ids.get(e.from()), e.fromPort(), ids.get(e.to()), e.toPort()));
            }
        }
        return new Result(with(p, nodes, edges, layout), new LinkedHashSet<>(ids.values()));
    }

    private static Pipeline replaceNode(Pipeline p, String id, java.util.function.UnaryOperator<Node> change) {
        List<Node> nodes = p.nodes().stream().map(n -> n.id().equals(id) ? change.apply(n) : n).toList();
        return with(p, nodes, p.edges(), p.layout());
    }
}
