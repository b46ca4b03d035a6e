package dev.eddy.process;

import java.util.List;

/**
 * A process program as parsed, before type checking. Expressions are still text with the offset
 * where they start in the program, so that the expression compiler's column maps back to a line
 * and column of the whole program.
 */
public final class ProgramSyntax {
    private ProgramSyntax() {}

    /** An expression as written; {@code offset} is 0-based in the program text. */
    public record Text(String text, int offset) {}

    public enum StateKind { VALUE, LIST, MAP }

    /**
     * {@code state name TYPE [ttl DURATION [refresh on read]];}. For a MAP, {@code keyType} is
     * the key's type and {@code type} the value's; for a LIST, {@code type} is the element's.
     */
    public record StateDecl(String name, StateKind kind, String keyType, String type, Long ttlMillis,
                            boolean refreshOnRead, int offset) {}

    public enum HandlerKind { RECORD, TIMER }

    public record Handler(HandlerKind kind, List<Statement> body, int offset) {
        public Handler { body = List.copyOf(body); }
    }

    public record Program(List<StateDecl> states, List<Handler> handlers) {
        public Program {
            states = List.copyOf(states);
            handlers = List.copyOf(handlers);
        }
    }

    public sealed interface Statement {
        int offset();
    }

    /** {@code let name = value;} — a local of the block, typed by its first value. */
    public record Let(String name, Value value, int offset) implements Statement {}

    /** {@code name = value;} — to a value state, a list state (its whole list) or a local. */
    public record Assign(String name, Value value, int offset) implements Statement {}

    /** {@code state.method(args);} — add to a list; put, remove on a map; clear any state. */
    public record Call(String state, String method, List<Text> args, int offset) implements Statement {
        public Call { args = List.copyOf(args); }
    }

    /** {@code if c { } else if c { } else { }}; {@code otherwise} is empty without else. */
    public record If(Text condition, List<Statement> then, List<Statement> otherwise, int offset) implements Statement {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code for name in array { }}: bounded by the array, so a program always ends. */
    public record For(String name, Text array, List<Statement> body, int offset) implements Statement {
        public For { body = List.copyOf(body); }
    }

    public record Item(Text value, String name) {}

    /** {@code emit [to port] a, b + 1 AS c;} */
    public record Emit(String port, List<Item> items, int offset) implements Statement {
        public Emit { items = List.copyOf(items); }
    }

    public enum TimeDomain { EVENT, PROCESSING }

    /** {@code register|delete event|processing timer time;} */
    public record Timer(boolean register, TimeDomain domain, Text time, int offset) implements Statement {}

    /** The right side of a let or an assignment: an expression, or a read of a map state. */
    public sealed interface Value {}

    public record ExprValue(Text text) implements Value {}

    /** {@code m.get(k)}, {@code m.contains(k)}, {@code m.keys()}, {@code m.values()}. */
    public record StateRead(String state, String method, List<Text> args, int offset) implements Value {
        public StateRead { args = List.copyOf(args); }
    }
}
