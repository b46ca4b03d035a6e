package dev.eddy.validate;

import dev.eddy.catalog.Binding;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.StreamTraits;
import dev.eddy.model.Edge;
import dev.eddy.model.RuntimeMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warnings about pipelines that are valid but will not do what a learner expects: an event-time
 * window that no watermark reaches, a window over an unkeyed stream squeezed into one subtask, a
 * quiet input that holds the watermark back for ever, state that only grows. It reads the traits
 * each binder declared, never node types by name.
 */
final class SemanticAdvisor {
    private final Map<String, List<Edge>> inbound;
    private final Map<String, Binding> bindings;
    private final Map<String, NodeType> types;
    private final Map<String, Integer> index;
    private final Map<String, Integer> parallelism;

    SemanticAdvisor(Map<String, List<Edge>> inbound, Map<String, Binding> bindings,
                    Map<String, NodeType> types, Map<String, Integer> index, Map<String, Integer> parallelism) {
        this.inbound = inbound;
        this.bindings = bindings;
        this.types = types;
        this.index = index;
        this.parallelism = parallelism;
    }

    void advise(RuntimeMode mode, List<Problem> problems) {
        for (Map.Entry<String, Binding> e : bindings.entrySet()) {
            String id = e.getKey();
            StreamTraits traits = e.getValue().traits();
            String path = "nodes[" + index.get(id) + "]";
            if (traits.needsWatermarks()) watermarksReaching(id, path, problems);
            if (windowAll(id)) {
                problems.add(Problem.warning(path, id, "\"" + id + "\" has no key-by before it, so it sees the whole stream in one"
                        + " subtask (Flink's windowAll), whatever the parallelism; key the stream to spread the work"));
            }
            if (traits.growingState() != null && mode == RuntimeMode.STREAMING) {
                Set<String> endless = unboundedSources(id);
                if (!endless.isEmpty()) {
                    problems.add(Problem.warning(path, id, traits.growingState() + "; its input never ends (\""
                            + endless.iterator().next() + "\"), so its state grows without bound"));
                }
            }
        }
    }

    private boolean windowAll(String id) {
        NodeType t = types.get(id);
        if (t == null || t.keying() != NodeType.Keying.OPTIONAL) return false;
        List<Edge> in = inbound.get(id);
        return in.size() == 1 && bindings.containsKey(in.get(0).from()) && bindings.get(in.get(0).from()).keyOut() == null;
    }

    /** Which sources reach this node on a path without a watermark assigner, and which assigners reach it. */
    private void watermarksReaching(String id, String path, List<Problem> problems) {
        Set<String> bare = new LinkedHashSet<>();
        Set<String> assigners = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        inbound.get(id).forEach(e -> todo.add(e.from()));
        while (!todo.isEmpty()) {
            String up = todo.poll();
            if (!seen.add(up) || !bindings.containsKey(up)) continue;
            if (bindings.get(up).traits().assignsWatermarks()) {
                assigners.add(up);
            } else if (inbound.get(up).isEmpty()) {
                bare.add(up);
            } else {
                inbound.get(up).forEach(e -> todo.add(e.from()));
            }
        }
        for (String source : bare) {
            boolean endless = bindings.get(source).unbounded();
            problems.add(Problem.warning(path, id, "\"" + id + "\" works in event time, but no watermark comes from \"" + source
                    + "\": event time never advances, so it fires " + (endless ? "never" : "only when the input ends")
                    + "; add a watermarks node after \"" + source + "\""));
        }
        int channels = bare.isEmpty() ? 0 : 1;
        for (String a : assigners) channels += parallelism.getOrDefault(a, 1);
        if (channels < 2) return;
        for (String a : assigners) {
            if (bindings.get(a).traits().detectsIdleness() || unboundedSources(a).isEmpty()) continue;
            problems.add(Problem.warning("nodes[" + index.get(a) + "].params.idleness", a, "\"" + id + "\" takes the smallest"
                    + " watermark of " + channels + " inputs; if one goes quiet, its watermark stops and \"" + id
                    + "\" stops firing; set idleness on \"" + a + "\" (e.g. \"30s\")"));
        }
    }

    private Set<String> unboundedSources(String id) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (!seen.add(n)) continue;
            Binding b = bindings.get(n);
            if (b != null && b.unbounded()) found.add(n);
            inbound.getOrDefault(n, List.of()).forEach(e -> todo.add(e.from()));
        }
        return found;
    }

}
