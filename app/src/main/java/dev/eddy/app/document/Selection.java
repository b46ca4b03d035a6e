package dev.eddy.app.document;

import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import java.util.Collection;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** What is selected on the canvas: nodes by id, and edges. Views listen; edits read it. */
public final class Selection {
    private final ObservableSet<String> nodes = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final ObservableSet<Edge> edges = FXCollections.observableSet(new java.util.LinkedHashSet<>());

    public ObservableSet<String> nodes() { return nodes; }

    public ObservableSet<Edge> edges() { return edges; }

    public void only(String nodeId) {
        edges.clear();
        nodes.retainAll(java.util.Set.of(nodeId));
        nodes.add(nodeId);
    }

    public void onlyEdge(Edge e) {
        nodes.clear();
        edges.retainAll(java.util.Set.of(e));
        edges.add(e);
    }

    public void set(Collection<String> nodeIds) {
        edges.clear();
        nodes.retainAll(nodeIds);
        nodes.addAll(nodeIds);
    }

    public void clear() {
        nodes.clear();
        edges.clear();
    }

    public boolean isEmpty() { return nodes.isEmpty() && edges.isEmpty(); }

    /** Forgets what no longer exists after an edit or an undo. */
    public void prune(Pipeline p) {
        nodes.removeIf(id -> p.node(id).isEmpty());
        edges.removeIf(e -> !p.edges().contains(e));
    }

    /** The one selected node, or null when none or several are selected. */
    public String single() { return nodes.size() == 1 && edges.isEmpty() ? nodes.iterator().next() : null; }
}
