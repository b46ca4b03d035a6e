package dev.eddy.catalog;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.model.Node;
import dev.eddy.model.RuntimeMode;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.List;

/** What a binder sees of its node: parameters, input schemas, the key upstream, the run mode. */
public interface BindContext {
    Node node();

    Params params();

    /** The schema arriving on input port "in", or null when it is not connected or not known. */
    Schema input();

    /** The schemas of every edge into a port (a union has several). */
    List<Schema> inputs(String port);

    /** The key of the key-by node feeding this node, or null. */
    KeyInfo inputKey();

    /** The key of the key-by node feeding the given input port, or null. */
    KeyInfo inputKey(String port);

    RuntimeMode mode();

    /** The run's settings, with the command line's overrides applied. */
    dev.eddy.model.Settings settings();

    /** Compiles an expression parameter, reporting a type error with its column; null on error. */
    CompiledExpression expression(String param, String text, Schema schema, DataType expected);

    /** A problem with one parameter (or the whole node when param is null). */
    void error(String param, String message);

    void warning(String param, String message);
}
