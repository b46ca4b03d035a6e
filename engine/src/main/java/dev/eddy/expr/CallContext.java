package dev.eddy.expr;

import dev.eddy.types.DataType;
import java.util.function.Function;

/** What a function implementation sees when it builds its node: typed arguments and their compiled forms. */
final class CallContext {
    private final Expr.Call call;
    private final Ev[] args;

    CallContext(Expr.Call call, Ev[] args) {
        this.call = call;
        this.args = args;
    }

    int argc() { return args.length; }

    Ev ev(int i) { return args[i]; }

    Ev[] evs() { return args.clone(); }

    DataType argType(int i) { return call.args().get(i).type(); }

    /** The result type the signature resolved. */
    DataType type() { return call.type(); }

    /** The call itself, to name in runtime messages (print it only when a message is needed). */
    Expr.Call where() { return call; }

    ExpressionError error(int i, String reason) { return new ExpressionError(call.args().get(i).column(), reason); }

    /**
     * A pattern-like argument (regex, date format, unit) prepared once: when it is a constant it is
     * compiled now, so a bad one is a compile error at its column; otherwise it is compiled at run
     * time per distinct value. {@code compiler} reports bad input with IllegalArgumentException.
     */
    <T> Function<String, T> prepared(int i, String what, Function<String, T> compiler) throws ExpressionError {
        if (args[i] instanceof Const c && c.value() instanceof String s) {
            T value;
            try {
                value = compiler.apply(s);
            } catch (IllegalArgumentException bad) {
                throw error(i, what + " " + Values.quote(s) + ": " + Values.describe(bad));
            }
            return ignored -> value;
        }
        return new LastValueCache<>(what, compiler);
    }
}
