package dev.eddy.validate;

import dev.eddy.catalog.BindContext;
import dev.eddy.catalog.Binding;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.Params;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.RuntimeMode;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The binder's view of one node during validation; problems it reports land in the shared list. */
final class NodeBindContext implements BindContext {
    private final Node node;
    private final NodeType type;
    private final String path;
    private final Params params;
    private final RuntimeMode mode;
    private final dev.eddy.model.Settings settings;
    private final List<Problem> problems;
    private final List<Edge> inbound;
    private final Map<String, Binding> bindings;
    private final Map<String, NodeType> types;
    private boolean failed;

    NodeBindContext(Node node, NodeType type, String path, Params params, RuntimeMode mode, dev.eddy.model.Settings settings,
                    List<Problem> problems,
                    List<Edge> inbound, Map<String, Binding> bindings, Map<String, NodeType> types) {
        this.node = node;
        this.type = type;
        this.path = path;
        this.params = params;
        this.mode = mode;
        this.settings = settings;
        this.problems = problems;
        this.inbound = inbound;
        this.bindings = bindings;
        this.types = types;
        int before = problems.size();
        this.failed = problems.subList(0, before).stream().anyMatch(p -> p.isError() && node.id().equals(p.nodeId())
                && p.path() != null && p.path().startsWith(path + ".params"));
    }

    /** False when an upstream node failed to bind: this node's problems would only repeat that one. */
    boolean inputsKnown() {
        for (Edge e : inbound) if (!bindings.containsKey(e.from())) return false;
        return true;
    }

    boolean failed() { return failed; }

    @Override
    public Node node() { return node; }

    @Override
    public Params params() { return params; }

    @Override
    public Schema input() {
        List<Schema> in = inputs("in");
        return in.isEmpty() ? null : in.get(0);
    }

    @Override
    public List<Schema> inputs(String port) {
        List<Schema> out = new ArrayList<>();
        for (Edge e : inbound) {
            if (!e.inPort().equals(port)) continue;
            Binding b = bindings.get(e.from());
            Schema s = b == null ? null : b.outputs().get(e.outPort());
            if (s != null) out.add(s);
        }
        return out;
    }

    @Override
    public KeyInfo inputKey(String port) {
        for (Edge e : inbound) {
            if (!e.inPort().equals(port)) continue;
            Binding b = bindings.get(e.from());
            if (b != null && b.keyOut() != null && e.outPort().equals("out")) return b.keyOut();
        }
        return null;
    }

    @Override
    public KeyInfo inputKey() {
        for (Edge e : inbound) {
            Binding b = bindings.get(e.from());
            if (b != null && b.keyOut() != null && e.outPort().equals("out")) return b.keyOut();
        }
        return null;
    }

    @Override
    public RuntimeMode mode() { return mode; }

    @Override
    public dev.eddy.model.Settings settings() { return settings; }

    @Override
    public CompiledExpression expression(String param, String text, Schema schema, DataType expected) {
        if (text == null || schema == null) return null;
        try {
            return expected == null ? Expressions.compile(text, schema) : Expressions.compile(text, schema, expected);
        } catch (ExpressionError e) {
            error(param, "`" + text + "` " + e.getMessage());
            return null;
        }
    }

    @Override
    public void error(String param, String message) {
        failed = true;
        problems.add(Problem.error(path + (param == null ? "" : ".params." + param), node.id(), message));
    }

    @Override
    public void warning(String param, String message) {
        problems.add(Problem.warning(path + (param == null ? "" : ".params." + param), node.id(), message));
    }
}
