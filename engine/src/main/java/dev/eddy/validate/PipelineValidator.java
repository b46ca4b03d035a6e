package dev.eddy.validate;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Params;
import dev.eddy.catalog.PortSpec;
import dev.eddy.catalog.Suggestions;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.RuntimeMode;
import dev.eddy.model.Settings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole pipeline against the catalog and reports every problem at once: unknown types
 * and parameters, bad values, dangling edges and wrong ports, missing inputs, cycles, keyed
 * nodes without a key, expression type errors with their column. Then it binds each node in
 * topological order, so each one sees the schemas of its inputs.
 */
public final class PipelineValidator {
    private final Catalog catalog;

    public PipelineValidator(Catalog catalog) { this.catalog = catalog; }

    public ValidationResult validate(Pipeline p) {
        return validate(p, p.settings().modeOrDefault());
    }

    public ValidationResult validate(Pipeline p, RuntimeMode mode) {
        List<Problem> problems = new ArrayList<>();
        String delivery = p.settings().deliveryProblem();
        if (delivery != null) problems.add(Problem.error("settings.deliveryGuarantee", null, delivery));
        Map<String, Integer> index = new HashMap<>();
        Map<String, NodeType> types = new HashMap<>();
        for (int i = 0; i < p.nodes().size(); i++) {
            Node n = p.nodes().get(i);
            index.put(n.id(), i);
            NodeType t = catalog.type(n.type()).orElse(null);
            if (t == null) {
                problems.add(Problem.error("nodes[" + i + "].type", n.id(), "unknown node type \"" + n.type() + "\""
                        + Suggestions.didYouMean(n.type(), catalog.ids()) + "; `eddy types` lists them all"));
                continue;
            }
            types.put(n.id(), t);
            if (n.parallelism() != null && t.maxParallelism() == 1 && n.parallelism() > 1) {
                problems.add(Problem.error("nodes[" + i + "].parallelism", n.id(), "\"" + t.id()
                        + "\" runs in a single subtask and cannot have parallelism " + n.parallelism()));
            }
        }
        Map<String, List<Edge>> inbound = new LinkedHashMap<>();
        Map<String, List<Edge>> outbound = new LinkedHashMap<>();
        for (Node n : p.nodes()) {
            inbound.put(n.id(), new ArrayList<>());
            outbound.put(n.id(), new ArrayList<>());
        }
        checkEdges(p, types, inbound, outbound, problems);
        checkPorts(p, types, inbound, outbound, problems);
        List<String> order = topologicalOrder(p, inbound, outbound, problems);
        Map<String, Binding> bindings = new LinkedHashMap<>();
        Map<String, Integer> parallelism = new LinkedHashMap<>();
        if (order != null) {
            for (String id : order) {
                NodeType t = types.get(id);
                if (t == null) continue;
                int i = index.get(id);
                Node n = p.nodes().get(i);
                String path = "nodes[" + i + "]";
                Params params = new Params(n.paramsView(), t, (param, msg) -> problems.add(Problem.error(
                        path + ".params" + (param == null ? "" : "." + param), id, msg)));
                params.check();
                NodeBindContext ctx = new NodeBindContext(n, t, path, params, mode, p.settings(), problems, inbound.get(id), bindings, types);
                if (!ctx.inputsKnown()) continue;
                if (t.keyed() && ctx.inputKey() == null) {
                    problems.add(Problem.error(path, id, "\"" + t.id() + "\" needs a keyed stream: connect it directly after a key-by node"
                            + " (in Flink, " + t.title().toLowerCase(java.util.Locale.ROOT) + " exists only on a KeyedStream)"));
                    continue;
                }
                Binding b = t.binder().bind(ctx);
                if (b != null && !ctx.failed()) bindings.put(id, b);
                parallelism.put(id, parallelism(p, n, t, inbound.get(id), outbound, types, parallelism, path, problems));
            }
            new SemanticAdvisor(inbound, bindings, types, index, parallelism).advise(mode, problems);
        }
        return new ValidationResult(problems, bindings, order == null ? List.of() : order, parallelism);
    }

    private static boolean isPartitioner(NodeType t) {
        return t != null && (t.id().equals("key-by") || t.id().equals("rebalance"));
    }

    /**
     * How many subtasks a node runs in. Key-by and rebalance are not computations in Flink but the
     * partitioning of the edge into the next operator, so they take the parallelism of the node
     * after them (when that node sets one), and the nodes after them run with theirs: the records
     * are spread over exactly the subtasks that consume them. Keyed nodes run with their key-by's
     * parallelism; a window without a key-by runs in one subtask, as windowAll does.
     */
    private static int parallelism(Pipeline p, Node n, NodeType t, List<Edge> in, Map<String, List<Edge>> outbound,
                                   Map<String, NodeType> types, Map<String, Integer> known, String path, List<Problem> problems) {
        Settings s = p.settings();
        if (t.maxParallelism() == 1) return 1;
        if (isPartitioner(t) && n.parallelism() == null) {
            Integer chosen = null;
            for (Edge e : outbound.get(n.id())) {
                Node c = p.node(e.to()).orElse(null);
                NodeType ct = types.get(e.to());
                if (c == null || ct == null) continue;
                Integer fixed = ct.maxParallelism() == 1 ? Integer.valueOf(1) : c.parallelism();
                if (fixed == null) continue;
                if (chosen != null && !chosen.equals(fixed)) {
                    problems.add(Problem.error(path, n.id(), "the nodes after \"" + n.id() + "\" run with different parallelism ("
                            + chosen + " and " + fixed + "); give each its own " + t.id() + " node"));
                    break;
                }
                chosen = fixed;
            }
            return chosen != null ? chosen : s.parallelismOrDefault();
        }
        Integer upstream = in.size() == 1 && isPartitioner(types.get(in.get(0).from())) ? known.get(in.get(0).from()) : null;
        boolean fromKeyBy = upstream != null && types.get(in.get(0).from()).id().equals("key-by");
        if (t.keying() == NodeType.Keying.OPTIONAL && !fromKeyBy) {
            // Flink's windowAll runs in one subtask (forceNonParallel): it sees the whole stream.
            if (n.parallelism() != null && n.parallelism() > 1) {
                problems.add(Problem.error(path + ".parallelism", n.id(), "without a key-by before it, \"" + t.id()
                        + "\" sees the whole stream and runs in one subtask (as Flink's windowAll); key the stream to run it in parallel"));
            }
            return 1;
        }
        if (upstream != null) {
            if (n.parallelism() != null && n.parallelism() != upstream.intValue()) {
                problems.add(Problem.error(path + ".parallelism", n.id(), "\"" + in.get(0).from() + "\" spreads records over "
                        + upstream + " subtasks, but this node has parallelism " + n.parallelism() + "; set the parallelism on \""
                        + in.get(0).from() + "\" instead"));
            }
            return upstream;
        }
        int own = n.parallelism() != null ? n.parallelism() : s.parallelismOrDefault();
        int maxP = s.maxParallelismOrDefault();
        if (own > maxP) {
            problems.add(Problem.error(path + ".parallelism", n.id(), "parallelism " + own + " is above maxParallelism " + maxP
                    + " (the number of key groups); raise settings.maxParallelism"));
        }
        return own;
    }

    private static void checkEdges(Pipeline p, Map<String, NodeType> types, Map<String, List<Edge>> inbound,
                                   Map<String, List<Edge>> outbound, List<Problem> problems) {
        for (int i = 0; i < p.edges().size(); i++) {
            Edge e = p.edges().get(i);
            String path = "edges[" + i + "]";
            boolean ok = true;
            if (!inbound.containsKey(e.from())) {
                problems.add(Problem.error(path + ".from", null, "no node has the id \"" + e.from() + "\""
                        + Suggestions.didYouMean(e.from(), inbound.keySet())));
                ok = false;
            }
            if (!inbound.containsKey(e.to())) {
                problems.add(Problem.error(path + ".to", null, "no node has the id \"" + e.to() + "\""
                        + Suggestions.didYouMean(e.to(), inbound.keySet())));
                ok = false;
            }
            if (!ok) continue;
            if (e.from().equals(e.to())) {
                problems.add(Problem.error(path, e.from(), "an edge cannot connect \"" + e.from() + "\" to itself"));
                continue;
            }
            NodeType from = types.get(e.from());
            NodeType to = types.get(e.to());
            if (from != null && from.output(e.outPort()).isEmpty()) {
                problems.add(Problem.error(path + ".port", e.from(), portMessage(from, e.outPort(), from.outputs(), "output")));
                continue;
            }
            if (to != null && to.input(e.inPort()).isEmpty()) {
                problems.add(Problem.error(path + ".toPort", e.to(), portMessage(to, e.inPort(), to.inputs(), "input")));
                continue;
            }
            inbound.get(e.to()).add(e);
            outbound.get(e.from()).add(e);
        }
    }

    private static String portMessage(NodeType t, String port, List<PortSpec> ports, String kind) {
        if (ports.isEmpty()) return "\"" + t.id() + "\" has no " + kind + "s, so nothing can connect " + (kind.equals("input") ? "into" : "out of") + " it";
        return "\"" + t.id() + "\" has no " + kind + " port \"" + port + "\"; its " + kind + " ports are "
                + String.join(", ", ports.stream().map(PortSpec::name).toList());
    }

    private static void checkPorts(Pipeline p, Map<String, NodeType> types, Map<String, List<Edge>> inbound,
                                   Map<String, List<Edge>> outbound, List<Problem> problems) {
        for (int i = 0; i < p.nodes().size(); i++) {
            Node n = p.nodes().get(i);
            NodeType t = types.get(n.id());
            if (t == null) continue;
            String path = "nodes[" + i + "]";
            for (PortSpec in : t.inputs()) {
                long count = inbound.get(n.id()).stream().filter(e -> e.inPort().equals(in.name())).count();
                if (count == 0 && !in.optional()) {
                    problems.add(Problem.error(path, n.id(), "input \"" + in.name() + "\" of \"" + n.id() + "\" is not connected; connect "
                            + in.help() + " to it"));
                } else if (count > 1 && !in.many()) {
                    problems.add(Problem.error(path, n.id(), "input \"" + in.name() + "\" of \"" + n.id() + "\" has " + count
                            + " edges but takes one; merge streams with a union node first"));
                }
            }
            for (PortSpec out : t.outputs()) {
                boolean used = outbound.get(n.id()).stream().anyMatch(e -> e.outPort().equals(out.name()));
                if (!used && !out.optional()) {
                    problems.add(Problem.warning(path, n.id(), "output \"" + out.name() + "\" of \"" + n.id()
                            + "\" is not connected, so its records go nowhere; add a sink"));
                }
            }
        }
    }

    /** Kahn's algorithm in file order; null (with an error naming the cycle) when there is one. */
    private static List<String> topologicalOrder(Pipeline p, Map<String, List<Edge>> inbound, Map<String, List<Edge>> outbound,
                                                 List<Problem> problems) {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (Node n : p.nodes()) remaining.put(n.id(), inbound.get(n.id()).size());
        Deque<String> ready = new ArrayDeque<>();
        for (Node n : p.nodes()) if (remaining.get(n.id()) == 0) ready.add(n.id());
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Edge e : outbound.get(id)) {
                if (remaining.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
            }
        }
        if (order.size() == p.nodes().size()) return order;
        // What is left depends on a cycle; peel off the nodes that merely hang below one.
        java.util.Set<String> left = new java.util.LinkedHashSet<>();
        remaining.forEach((id, n) -> {
            if (n > 0) left.add(id);
        });
        boolean peeled = true;
        while (peeled) {
            peeled = left.removeIf(id -> outbound.get(id).stream().noneMatch(e -> left.contains(e.to())));
        }
        List<String> inCycle = new ArrayList<>(left);
        problems.add(Problem.error("edges", inCycle.get(0), "the nodes " + String.join(", ", inCycle)
                + " form a cycle; a stream pipeline must flow one way, from sources to sinks"));
        return null;
    }
}
