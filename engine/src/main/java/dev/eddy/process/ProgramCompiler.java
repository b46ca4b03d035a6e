package dev.eddy.process;

import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.EvaluationException;
import dev.eddy.expr.ExpressionError;
import dev.eddy.expr.Expressions;
import dev.eddy.expr.Types;
import dev.eddy.process.ProgramSyntax.Handler;
import dev.eddy.process.ProgramSyntax.HandlerKind;
import dev.eddy.process.ProgramSyntax.StateDecl;
import dev.eddy.process.ProgramSyntax.Statement;
import dev.eddy.process.ProgramSyntax.Text;
import dev.eddy.process.Scope.Kind;
import dev.eddy.state.StateSpec;
import dev.eddy.state.StateTtl;
import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type-checks a process program against the schema of its input and the key, and builds its
 * handlers as closures over compiled expressions. Every error names the line and column.
 */
public final class ProgramCompiler {
    /** Names the language gives every handler; an input field may not take them. */
    static final Set<String> CLOCKS = Set.of("record_time", "timer_time", "timer_domain", "watermark", "now");

    final ProgramText source;
    private final Schema input;
    private final List<Field> keyColumns;
    private final List<String> ports;
    final List<StateSpec> states = new ArrayList<>();
    final Map<String, Integer> stateIndex = new LinkedHashMap<>();
    final Map<String, EmitSchema> emits = new LinkedHashMap<>();
    Scope scope;
    HandlerKind handler;

    private ProgramCompiler(String text, Schema input, List<Field> keyColumns, List<String> ports) {
        this.source = new ProgramText(text);
        this.input = input;
        this.keyColumns = List.copyOf(keyColumns);
        this.ports = List.copyOf(ports);
    }

    /**
     * @param keyColumns the key's columns as the keyed stream shows them (a key field's own
     *        name, or key / key1, key2 for computed keys)
     * @param ports the outputs a program may emit to, the first being the main one
     */
    public static CompiledProgram compile(String text, Schema input, List<Field> keyColumns, List<String> ports)
            throws ProgramError {
        return new ProgramCompiler(text, input, keyColumns, ports).compile();
    }

    private CompiledProgram compile() throws ProgramError {
        ProgramSyntax.Program program = ProgramParser.parse(source);
        for (Field f : input.fields()) {
            if (CLOCKS.contains(f.name())) {
                throw source.error(0, "the input has a field \"" + f.name() + "\", a name the process language"
                        + " gives the clock; rename the field with a map before this node");
            }
        }
        for (StateDecl d : program.states()) declare(d);
        Step onRecord = null;
        Step onTimer = null;
        List<CheckedProgram.Statement> checkedRecord = List.of();
        List<CheckedProgram.Statement> checkedTimer = List.of();
        int recordSlots = 0;
        int timerSlots = 0;
        for (Handler h : program.handlers()) {
            handler = h.kind();
            if ((h.kind() == HandlerKind.RECORD ? onRecord : onTimer) != null) {
                throw source.error(h.offset(), "there is already an `on " + h.kind().name().toLowerCase() + "` handler");
            }
            scope = h.kind() == HandlerKind.RECORD ? recordScope() : timerScope();
            StatementCompiler statements = new StatementCompiler(this);
            Step body = statements.block(h.body());
            if (h.kind() == HandlerKind.RECORD) {
                onRecord = body;
                recordSlots = scope.slots();
                checkedRecord = statements.lastBlock;
            } else {
                onTimer = body;
                timerSlots = scope.slots();
                checkedTimer = statements.lastBlock;
            }
        }
        if (onRecord == null) throw source.error(source.code().length(), "the program has no `on record { ... }` handler");
        Map<String, Schema> outputs = new LinkedHashMap<>();
        for (String port : ports) outputs.put(port, emits.containsKey(port) ? emits.get(port).schema() : Schema.EMPTY);
        int[] outside = java.util.stream.IntStream.range(0, keyColumns.size())
                .filter(i -> !input.has(keyColumns.get(i).name())).toArray();
        CheckedProgram checked = new CheckedProgram(input, keyColumns, states, checkedRecord, checkedTimer, outputs, ports.get(0));
        return new CompiledProgram(states, outputs, ports.get(0), onRecord, recordSlots, input.size(), keyColumns.size(),
                outside, onTimer, timerSlots, checked);
    }

    private void declare(StateDecl d) throws ProgramError {
        if (stateIndex.containsKey(d.name())) throw source.error(d.offset(), "state \"" + d.name() + "\" is declared twice");
        if (input.has(d.name()) || CLOCKS.contains(d.name()) || keyColumnNamed(d.name())) {
            throw source.error(d.offset(), "\"" + d.name() + "\" is already the name of "
                    + (CLOCKS.contains(d.name()) ? "a clock" : "an input field or key column") + "; call the state something else");
        }
        DataType type = type(d.type(), d);
        DataType keyType = d.keyType() == null ? null : type(d.keyType(), d);
        if (keyType != null && keyType.kind() == DataType.Kind.ARRAY) {
            throw source.error(d.offset(), "a map's keys must be a scalar type, not " + keyType);
        }
        StateSpec.Kind kind = StateSpec.Kind.valueOf(d.kind().name());
        StateTtl ttl = d.ttlMillis() == null ? null : new StateTtl(d.ttlMillis(), d.refreshOnRead());
        stateIndex.put(d.name(), states.size());
        states.add(new StateSpec(d.name(), kind, keyType, type, ttl));
    }

    private DataType type(String text, StateDecl d) throws ProgramError {
        try {
            return DataType.parse(text);
        } catch (IllegalArgumentException e) {
            throw source.error(d.offset(), "state \"" + d.name() + "\": " + e.getMessage() + ", LIST<type> or MAP<type, type>");
        }
    }

    private boolean keyColumnNamed(String name) {
        for (Field f : keyColumns) if (f.name().equals(name)) return true;
        return false;
    }

    private Scope recordScope() {
        Scope s = new Scope();
        for (int i = 0; i < input.size(); i++) s.addFixed(input.field(i).name(), input.field(i).type(), Kind.FIELD, i);
        for (int i = 0; i < keyColumns.size(); i++) {
            if (!input.has(keyColumns.get(i).name())) s.addFixed(keyColumns.get(i).name(), keyColumns.get(i).type(), Kind.KEY, i);
        }
        s.addFixed("record_time", DataType.TIMESTAMP, Kind.CLOCK, 0);
        addCommon(s);
        return s;
    }

    private Scope timerScope() {
        Scope s = new Scope();
        for (int i = 0; i < keyColumns.size(); i++) s.addFixed(keyColumns.get(i).name(), keyColumns.get(i).type(), Kind.KEY, i);
        s.addFixed("timer_time", DataType.TIMESTAMP, Kind.CLOCK, 1);
        s.addFixed("timer_domain", DataType.STRING, Kind.CLOCK, 2);
        addCommon(s);
        return s;
    }

    private void addCommon(Scope s) {
        s.addFixed("watermark", DataType.TIMESTAMP, Kind.CLOCK, 3);
        s.addFixed("now", DataType.TIMESTAMP, Kind.CLOCK, 4);
        for (int i = 0; i < states.size(); i++) {
            StateSpec st = states.get(i);
            // A map is read through get/contains/keys; a list reads as the array of its elements.
            if (st.kind() == StateSpec.Kind.VALUE) s.addFixed(st.name(), st.type(), Kind.STATE, i);
            else if (st.kind() == StateSpec.Kind.LIST) s.addFixed(st.name(), DataType.arrayOf(st.type()), Kind.STATE, i);
        }
    }

    /** An expression compiled against what is visible here, reading the states it uses just before. */
    Ev expression(Text t, DataType expected) throws ProgramError {
        Schema schema = scope.schema();
        CompiledExpression e;
        try {
            e = expected == null ? Expressions.compile(t.text(), schema) : Expressions.compile(t.text(), schema, expected);
        } catch (ExpressionError err) {
            String reason = err.reason();
            if (handler == HandlerKind.TIMER && reason.startsWith("unknown field")) {
                String name = reason.substring(reason.indexOf('"') + 1, reason.indexOf('"', reason.indexOf('"') + 1));
                if (input.has(name)) {
                    reason = "\"" + name + "\" is a field of the record, and a timer has no record; keep what the timer"
                            + " needs in state";
                }
            }
            throw source.error(t.offset() + err.column() - 1, reason);
        }
        List<int[]> loads = new ArrayList<>();
        for (String used : e.fieldsUsed()) {
            Scope.Name n = scope.find(used);
            if (n != null && n.kind() == Kind.STATE) {
                boolean list = states.get(n.source()).kind() == StateSpec.Kind.LIST;
                loads.add(new int[] {n.slot(), n.source(), list ? 1 : 0});
            }
        }
        return new Ev(e, loads.toArray(new int[0][]));
    }

    /** The port checked against the node's outputs. */
    String port(String name, int offset) throws ProgramError {
        if (!ports.contains(name)) {
            throw source.error(offset, "there is no output \"" + name + "\"; this node emits to " + String.join(" or ", ports));
        }
        return name;
    }

    static Instant instant(long millis) { return Instant.ofEpochMilli(millis); }

    /** A compiled expression with the state slots it reads. */
    static final class Ev {
        final CompiledExpression expression;
        private final int[][] loads;

        Ev(CompiledExpression expression, int[][] loads) {
            this.expression = expression;
            this.loads = loads;
        }

        DataType type() { return expression.type(); }

        Object eval(Frame f) {
            // Read at every use, so that a time-to-live is checked (and refreshed on read) as Flink does.
            for (int[] l : loads) f.slots[l[0]] = l[2] == 0 ? f.context.state().value(l[1]) : f.context.state().list(l[1]);
            return expression.evaluate(f.row);
        }
    }

    /** The fields every emit to one port must have, with their types unified over all emits. */
    static final class EmitSchema {
        final List<String> names;
        final DataType[] types;
        final int firstOffset;

        EmitSchema(List<String> names, DataType[] types, int firstOffset) {
            this.names = names;
            this.types = types;
            this.firstOffset = firstOffset;
        }

        Schema schema() {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                fields.add(new Field(names.get(i), types[i].kind() == DataType.Kind.NULL ? DataType.STRING : types[i]));
            }
            return new Schema(fields);
        }

        void unify(List<String> otherNames, DataType[] other, ProgramText source, int offset, String port) throws ProgramError {
            if (!otherNames.equals(names)) {
                throw source.error(offset, "this emit to " + port + " has fields (" + String.join(", ", otherNames) + ") but the first, at "
                        + position(source, firstOffset) + ", has (" + String.join(", ", names) + "); every emit to one output"
                        + " must have the same fields in the same order");
            }
            for (int i = 0; i < types.length; i++) {
                DataType u = Types.unify(types[i], other[i]);
                if (u == null) {
                    throw source.error(offset, "field \"" + names.get(i) + "\" is " + other[i] + " here but " + types[i]
                            + " in the emit at " + position(source, firstOffset) + "; CAST one of them");
                }
                types[i] = u;
            }
        }

        private static String position(ProgramText source, int offset) {
            ProgramError e = source.error(offset, "");
            return "line " + e.line() + ", column " + e.column();
        }
    }

    static EvaluationException failure(String message) { return new EvaluationException(message); }
}
