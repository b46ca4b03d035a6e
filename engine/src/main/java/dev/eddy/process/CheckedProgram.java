package dev.eddy.process;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.state.StateSpec;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.List;
import java.util.Map;

/**
 * A process program as the compiler checked it, for tools that write it in another language (the
 * native Flink export): every statement with its expressions typed against what is visible at
 * its place, and every name resolved. Names are unique where they are visible (a local cannot
 * shadow a field, a key column, a clock or a state), so a field reference's name says what it
 * reads: an input field, a key column outside the input, a clock, a state, or a local.
 */
public record CheckedProgram(Schema input, List<Field> keyColumns, List<StateSpec> states, List<Statement> onRecord,
                             List<Statement> onTimer, Map<String, Schema> outputs, String mainPort) {
    public sealed interface Statement {}

    /** {@code let name = value;} */
    public record Let(String name, DataType type, Value value) implements Statement {}

    /** {@code name = value;} to a local. */
    public record SetLocal(String name, Value value) implements Statement {}

    /** {@code name = value;} to a value state, or to a list state (its whole list; NULL elements fail). */
    public record SetState(String state, Value value) implements Statement {}

    /** {@code state.clear()}, {@code list.add(v)}, {@code map.put(k, v)}, {@code map.remove(k)}. */
    public record StateCall(String state, String method, List<CompiledExpression> args) implements Statement {
        public StateCall { args = List.copyOf(args); }
    }

    /** {@code if condition { then } else { otherwise }}; a condition that is not TRUE takes otherwise. */
    public record If(CompiledExpression condition, List<Statement> then, List<Statement> otherwise) implements Statement {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code for name in array { body }}: over a copy of the array; a NULL array runs nothing. */
    public record For(String name, DataType element, CompiledExpression array, List<Statement> body) implements Statement {
        public For { body = List.copyOf(body); }
    }

    /** {@code emit [to port] ...}: one value per field of the port's schema, in its order. */
    public record Emit(String port, List<CompiledExpression> values) implements Statement {
        public Emit { values = List.copyOf(values); }
    }

    public record Timer(boolean register, CompiledProgram.TimeDomain domain, CompiledExpression time) implements Statement {}

    /** The right side of a let or an assignment. */
    public sealed interface Value {
        DataType type();
    }

    /** An expression; {@code type} is what it is assigned as (a BIGINT widened to DOUBLE for a DOUBLE target). */
    public record ExprValue(CompiledExpression expression, DataType type) implements Value {}

    /** {@code map.get(key)}, {@code map.contains(key)} or {@code map.keys()} ({@code key} null). */
    public record MapRead(String state, String method, CompiledExpression key, DataType type) implements Value {}
}
