package dev.eddy.flink.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes a failing case small while it keeps failing: fewer timeline steps (halves, then quarters,
 * down to single steps), optional parameters dropped, pass-through nodes and extra sinks taken
 * out, one subtask. What is left is the pipeline a person reads to find the rule that differs.
 */
final class Shrinker {
    private static final Set<String> PASS_THROUGH = Set.of("filter", "map", "watermarks");
    private static final Set<String> KEEP = Set.of("schema", "steps", "assigner", "path", "key", "timestamp", "strategy");

    private final Predicate<Pipeline> fails;

    Shrinker(Predicate<Pipeline> fails) { this.fails = fails; }

    Pipeline shrink(Pipeline p) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Pipeline q = oneSubtask(p);
            if (q != p && fails.test(q)) {
                p = q;
                changed = true;
            }
            for (Node n : p.nodes()) {
                if (n.type().equals("source.scripted")) {
                    Pipeline r = steps(p, n.id());
                    if (r != p) {
                        p = r;
                        changed = true;
                    }
                }
            }
            for (Node n : List.copyOf(p.nodes())) {
                Pipeline r = withoutNode(p, n);
                if (r != null && fails.test(r)) {
                    p = r;
                    changed = true;
                    continue;
                }
                for (Iterator<String> it = n.paramsView().fieldNames(); it.hasNext(); ) {
                    String param = it.next();
                    if (KEEP.contains(param)) continue;
                    ObjectNode params = n.params();
                    params.remove(param);
                    Pipeline s = replace(p, n.withParams(params));
                    if (fails.test(s)) {
                        p = s;
                        changed = true;
                        break;
                    }
                }
                if (changed) break;
            }
        }
        return p;
    }

    /** Removes runs of steps of one timeline, longest first, while the case still fails. */
    private Pipeline steps(Pipeline p, String source) {
        Node n = p.node(source).orElseThrow();
        List<JsonNode> steps = new ArrayList<>();
        n.paramsView().path("steps").forEach(steps::add);
        for (int chunk = Math.max(1, steps.size() / 2); chunk >= 1; chunk /= 2) {
            for (int from = 0; from + chunk <= steps.size(); ) {
                List<JsonNode> fewer = new ArrayList<>(steps.subList(0, from));
                fewer.addAll(steps.subList(from + chunk, steps.size()));
                Pipeline q = withSteps(p, n, fewer);
                if (!fewer.isEmpty() && fails.test(q)) {
                    steps = fewer;
                    p = q;
                    n = p.node(source).orElseThrow();
                } else {
                    from += chunk;
                }
            }
            if (chunk == 1) break;
        }
        return p;
    }

    private static Pipeline withSteps(Pipeline p, Node n, List<JsonNode> steps) {
        ObjectNode params = n.params();
        ArrayNode a = params.putArray("steps");
        steps.forEach(a::add);
        return replace(p, n.withParams(params));
    }

    /** The pipeline without a pass-through node (its input joined to its outputs) or a sink; null when neither. */
    private static Pipeline withoutNode(Pipeline p, Node n) {
        boolean sink = n.type().startsWith("sink.");
        if (!sink && !PASS_THROUGH.contains(n.type())) return null;
        if (sink && p.nodes().stream().filter(x -> x.type().startsWith("sink.")).count() < 2) return null;
        List<Edge> edges = new ArrayList<>();
        Edge in = p.edges().stream().filter(e -> e.to().equals(n.id())).findFirst().orElse(null);
        for (Edge e : p.edges()) {
            if (e.to().equals(n.id())) continue;
            if (e.from().equals(n.id())) {
                if (in == null || !e.outPort().equals("out")) continue;
                edges.add(new Edge(in.from(), in.outPort(), e.to(), e.inPort()));
            } else {
                edges.add(e);
            }
        }
        List<Node> nodes = new ArrayList<>(p.nodes());
        nodes.remove(n);
        return new Pipeline(p.name(), p.description(), p.settings(), nodes, edges, p.layout(), p.lesson());
    }

    private static Pipeline oneSubtask(Pipeline p) {
        if (p.settings().parallelismOrDefault() == 1) return p;
        return p.withSettings(p.settings().withParallelism(1));
    }

    private static Pipeline replace(Pipeline p, Node n) {
        List<Node> nodes = new ArrayList<>();
        for (Node x : p.nodes()) nodes.add(x.id().equals(n.id()) ? n : x);
        return new Pipeline(p.name(), p.description(), p.settings(), nodes, p.edges(), p.layout(), p.lesson());
    }

}
