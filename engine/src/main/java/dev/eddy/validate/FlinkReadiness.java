package dev.eddy.validate;

import dev.eddy.catalog.Catalog;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Params;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a pipeline can run on Apache Flink: each node asks its type's {@link dev.eddy.catalog.OnFlink}
 * declaration, and what cannot translate is an error on that node with the reason.
 */
public final class FlinkReadiness {
    private FlinkReadiness() {}

    public static List<Problem> problems(Pipeline pipeline, Catalog catalog) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < pipeline.nodes().size(); i++) {
            Node n = pipeline.nodes().get(i);
            NodeType t = catalog.type(n.type()).orElse(null);
            if (t == null) continue;
            Set<String> connected = new HashSet<>();
            for (Edge e : pipeline.edges()) if (e.from().equals(n.id())) connected.add(e.outPort());
            String reason = t.onFlink().refusal(Params.of(n, t), connected);
            if (reason != null) {
                out.add(Problem.error("nodes[" + i + "]", n.id(), "\"" + n.id() + "\" (" + t.id() + ") cannot run on Flink: " + reason));
            }
        }
        return out;
    }
}
