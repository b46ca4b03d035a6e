package dev.eddy.validate;

import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.PortSpec;
import dev.eddy.model.Edge;
import dev.eddy.model.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether one more edge may join a pipeline, asked before it is drawn: the designer lights the
 * ports that would accept it and refuses the others with the reason given here. Only the shape of
 * the graph is judged; what flows on the edge (schemas, keys) is the validator's business once
 * the edge exists, because a learner should see that problem named on the node.
 */
public final class ConnectionRules {
    private final Catalog catalog;

    public ConnectionRules(Catalog catalog) { this.catalog = catalog; }

    /** Empty when the edge may be added, otherwise why not, in one sentence. */
    public Optional<String> refusal(Pipeline p, Edge e) {
        if (e.from().equals(e.to())) return Optional.of("a node cannot feed itself");
        NodeType from = p.node(e.from()).flatMap(n -> catalog.type(n.type())).orElse(null);
        NodeType to = p.node(e.to()).flatMap(n -> catalog.type(n.type())).orElse(null);
        if (from == null || to == null) return Optional.of("both ends must be nodes of a known type");
        if (from.output(e.outPort()).isEmpty()) return Optional.of("\"" + e.from() + "\" has no output \"" + e.outPort() + "\"");
        PortSpec in = to.input(e.inPort()).orElse(null);
        if (in == null) {
            return Optional.of(to.inputs().isEmpty() ? "\"" + to.title() + "\" is a source: nothing flows into it"
                    : "\"" + e.to() + "\" has no input \"" + e.inPort() + "\"");
        }
        for (Edge old : p.edges()) {
            if (old.from().equals(e.from()) && old.outPort().equals(e.outPort()) && old.to().equals(e.to())
                    && old.inPort().equals(e.inPort())) {
                return Optional.of("these two ports are already connected");
            }
            if (!in.many() && old.to().equals(e.to()) && old.inPort().equals(e.inPort())) {
                return Optional.of("input \"" + in.name() + "\" of \"" + e.to() + "\" takes one stream and already has \""
                        + old.from() + "\"; merge streams with a union first");
            }
        }
        if (reaches(p, e.to(), e.from())) {
            return Optional.of("this edge would make a cycle: \"" + e.from() + "\" already depends on \"" + e.to() + "\"");
        }
        return Optional.empty();
    }

    private static boolean reaches(Pipeline p, String start, String target) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (id.equals(target)) return true;
            if (!seen.add(id)) continue;
            for (Edge e : p.edges()) if (e.from().equals(id)) todo.add(e.to());
        }
        return false;
    }
}
