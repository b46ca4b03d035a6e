package dev.eddy.process;

import dev.eddy.expr.EvaluationException;
import dev.eddy.expr.Types;
import dev.eddy.process.ProgramCompiler.EmitSchema;
import dev.eddy.process.ProgramCompiler.Ev;
import dev.eddy.process.ProgramSyntax.Assign;
import dev.eddy.process.ProgramSyntax.Call;
import dev.eddy.process.ProgramSyntax.Emit;
import dev.eddy.process.ProgramSyntax.ExprValue;
import dev.eddy.process.ProgramSyntax.For;
import dev.eddy.process.ProgramSyntax.If;
import dev.eddy.process.ProgramSyntax.Let;
import dev.eddy.process.ProgramSyntax.StateRead;
import dev.eddy.process.ProgramSyntax.Statement;
import dev.eddy.process.ProgramSyntax.Text;
import dev.eddy.process.ProgramSyntax.TimeDomain;
import dev.eddy.process.ProgramSyntax.Timer;
import dev.eddy.process.ProgramSyntax.Value;
import dev.eddy.process.Scope.Kind;
import dev.eddy.state.StateSpec;
import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the statements of one handler into steps, checking each against the scope at its place. */
final class StatementCompiler {
    private final ProgramCompiler c;

    StatementCompiler(ProgramCompiler c) { this.c = c; }

    /** The checked statements of the blocks being compiled, innermost on top; see {@link CheckedProgram}. */
    private final java.util.ArrayDeque<List<CheckedProgram.Statement>> open = new java.util.ArrayDeque<>();
    /** The checked statements of the block compiled last. */
    List<CheckedProgram.Statement> lastBlock = List.of();

    private void note(CheckedProgram.Statement s) { open.peek().add(s); }

    Step block(List<Statement> statements) throws ProgramError {
        int mark = c.scope.mark();
        Step[] steps = new Step[statements.size()];
        open.push(new ArrayList<>());
        for (int i = 0; i < steps.length; i++) steps[i] = statement(statements.get(i));
        lastBlock = List.copyOf(open.pop());
        c.scope.reset(mark);
        return steps.length == 0 ? f -> { } : Step.block(steps);
    }

    /**
     * A statement whose run-time failure names its line and text. An `if` or a `for` names itself
     * only for its own condition or array, so a failure inside keeps the inner statement's place.
     */
    private Step statement(Statement s) throws ProgramError {
        Step step = compile(s);
        if (s instanceof If || s instanceof For) return step;
        String where = where(s.offset());
        return f -> {
            try {
                step.run(f);
            } catch (EvaluationException e) {
                throw new EvaluationException(where + e.getMessage(), e);
            }
        };
    }

    private String where(int offset) {
        return "line " + c.source.error(offset, "").line() + " (`" + c.source.statementAt(offset) + "`): ";
    }

    private static Object evaluate(Ev ev, Frame f, String where) {
        try {
            return ev.eval(f);
        } catch (EvaluationException e) {
            throw new EvaluationException(where + e.getMessage(), e);
        }
    }

    private Step compile(Statement s) throws ProgramError {
        if (s instanceof Let l) return let(l);
        if (s instanceof Assign a) return assign(a);
        if (s instanceof Call call) return call(call);
        if (s instanceof If i) return ifStep(i);
        if (s instanceof For f) return forStep(f);
        if (s instanceof Emit e) return emit(e);
        if (s instanceof Timer t) return timer(t);
        throw new IllegalStateException("unhandled statement " + s);
    }

    /** A value's evaluator and type. */
    private record Val(java.util.function.Function<Frame, Object> eval, DataType type, CheckedProgram.Value checked) {}

    private Step let(Let l) throws ProgramError {
        Scope.Name existing = c.scope.find(l.name());
        if (existing != null) {
            throw c.source.error(l.offset(), "\"" + l.name() + "\" is already " + describe(existing)
                    + (existing.kind() == Kind.LOCAL ? "; assign it with `" + l.name() + " = ...;`" : "; choose another name"));
        }
        if (c.stateIndex.containsKey(l.name())) throw c.source.error(l.offset(), "\"" + l.name() + "\" is already a state; choose another name");
        if (ProgramCompiler.CLOCKS.contains(l.name())) throw c.source.error(l.offset(), "\"" + l.name() + "\" names a clock; choose another name");
        Val v = value(l.value(), null);
        if (v.type().kind() == DataType.Kind.NULL) {
            throw c.source.error(l.offset(), "give the NULL a type, e.g. `let " + l.name() + " = CAST(NULL AS DOUBLE);`");
        }
        int slot = c.scope.declareLocal(l.name(), v.type()).slot();
        note(new CheckedProgram.Let(l.name(), v.type(), v.checked()));
        var eval = v.eval();
        return f -> f.slots[slot] = eval.apply(f);
    }

    private Step assign(Assign a) throws ProgramError {
        Scope.Name target = c.scope.find(a.name());
        Integer state = c.stateIndex.get(a.name());
        if (target == null && state == null) {
            throw c.source.error(a.offset(), "\"" + a.name() + "\" is neither a state nor a local; declare it with `state "
                    + a.name() + " TYPE;` or `let " + a.name() + " = ...;`");
        }
        if (target != null && target.kind() == Kind.LOCAL) {
            Val v = value(a.value(), target.type());
            note(new CheckedProgram.SetLocal(a.name(), v.checked()));
            int slot = target.slot();
            var eval = v.eval();
            return f -> f.slots[slot] = eval.apply(f);
        }
        if (state == null) {
            throw c.source.error(a.offset(), "\"" + a.name() + "\" is " + describe(target) + " and cannot be assigned;"
                    + " emit a new value, or keep it in a state");
        }
        StateSpec spec = c.states.get(state);
        int s = state;
        switch (spec.kind()) {
            case VALUE: {
                Val v = value(a.value(), spec.type());
                note(new CheckedProgram.SetState(a.name(), v.checked()));
                var eval = v.eval();
                return f -> f.context.state().update(s, eval.apply(f));
            }
            case LIST: {
                Val v = value(a.value(), DataType.arrayOf(spec.type()));
                note(new CheckedProgram.SetState(a.name(), v.checked()));
                var eval = v.eval();
                return f -> {
                    List<?> list = (List<?>) eval.apply(f);
                    List<Object> elements = new ArrayList<>();
                    if (list != null) {
                        for (Object o : list) {
                            if (o == null) throw ProgramCompiler.failure("list state \"" + spec.name() + "\" cannot hold NULL");
                            elements.add(o);
                        }
                    }
                    f.context.state().updateList(s, elements);
                };
            }
            default:
                throw c.source.error(a.offset(), "\"" + a.name() + "\" is a map state; change it with `" + a.name()
                        + ".put(key, value);` or `" + a.name() + ".remove(key);`");
        }
    }

    private Val value(Value v, DataType expected) throws ProgramError {
        if (v instanceof ExprValue e) {
            Ev ev = c.expression(e.text(), expected);
            return new Val(ev::eval, ev.type(), new CheckedProgram.ExprValue(ev.expression, ev.type()));
        }
        StateRead r = (StateRead) v;
        StateSpec spec = mapState(r.state(), r.offset(), r.method());
        int s = c.stateIndex.get(r.state());
        DataType type;
        java.util.function.Function<Frame, Object> eval;
        dev.eddy.expr.CompiledExpression keyExpression = null;
        switch (r.method()) {
            case "get": {
                Ev k = oneArgument(r, spec.keyType());
                keyExpression = k.expression;
                eval = f -> {
                    Object key = k.eval(f);
                    return key == null ? null : f.context.state().get(s, key);
                };
                type = spec.type();
                break;
            }
            case "contains": {
                Ev k = oneArgument(r, spec.keyType());
                keyExpression = k.expression;
                eval = f -> {
                    Object key = k.eval(f);
                    return key != null && f.context.state().contains(s, key);
                };
                type = DataType.BOOLEAN;
                break;
            }
            case "keys":
                if (!r.args().isEmpty()) throw c.source.error(r.offset(), r.state() + ".keys() takes no argument");
                eval = f -> f.context.state().keys(s);
                type = DataType.arrayOf(spec.keyType());
                break;
            default:
                throw c.source.error(r.offset(), "a map state is read with get(key), contains(key) or keys(), not " + r.method() + "()");
        }
        if (expected != null && !Types.assignable(type, expected)) {
            throw c.source.error(r.offset(), r.state() + "." + r.method() + "() is " + type + " but " + expected + " is needed here");
        }
        boolean widen = expected != null && expected.kind() == DataType.Kind.DOUBLE && type.kind() == DataType.Kind.BIGINT;
        var read = eval;
        DataType as = expected == null ? type : expected;
        return new Val(widen ? f -> toDouble(read.apply(f)) : read, as, new CheckedProgram.MapRead(r.state(), r.method(), keyExpression, as));
    }

    private static Object toDouble(Object v) { return v == null ? null : ((Long) v).doubleValue(); }

    private StateSpec mapState(String name, int offset, String method) throws ProgramError {
        Integer s = c.stateIndex.get(name);
        if (s == null) throw c.source.error(offset, "\"" + name + "\" is not a state, so it has no method " + method + "()");
        StateSpec spec = c.states.get(s);
        if (spec.kind() != StateSpec.Kind.MAP) {
            throw c.source.error(offset, "\"" + name + "\" is a " + spec.kind().name().toLowerCase() + " state: read it by its name,"
                    + " e.g. `let x = " + name + ";`; only map states have " + method + "()");
        }
        return spec;
    }

    private Ev oneArgument(StateRead r, DataType type) throws ProgramError {
        if (r.args().size() != 1) throw c.source.error(r.offset(), r.state() + "." + r.method() + "() takes one argument, the key");
        return c.expression(r.args().get(0), type);
    }

    private Step call(Call call) throws ProgramError {
        Integer index = c.stateIndex.get(call.state());
        if (index == null) {
            throw c.source.error(call.offset(), "\"" + call.state() + "\" is not a state" + (c.scope.find(call.state()) != null
                    ? ", and only states have methods" : "; declare it with `state " + call.state() + " TYPE;`"));
        }
        StateSpec spec = c.states.get(index);
        int s = index;
        List<Text> args = call.args();
        String usage = switch (spec.kind()) {
            case VALUE -> call.state() + ".clear()";
            case LIST -> call.state() + ".add(value) or " + call.state() + ".clear()";
            case MAP -> call.state() + ".put(key, value), " + call.state() + ".remove(key) or " + call.state() + ".clear()";
        };
        String method = call.method();
        if (method.equals("clear") && args.isEmpty()) {
            note(new CheckedProgram.StateCall(call.state(), "clear", List.of()));
            return f -> f.context.state().clear(s);
        }
        if (method.equals("add") && spec.kind() == StateSpec.Kind.LIST && args.size() == 1) {
            Ev v = c.expression(args.get(0), spec.type());
            note(new CheckedProgram.StateCall(call.state(), "add", List.of(v.expression)));
            return f -> {
                Object value = v.eval(f);
                if (value == null) throw ProgramCompiler.failure("cannot add NULL to list state \"" + spec.name() + "\"");
                f.context.state().add(s, value);
            };
        }
        if (method.equals("put") && spec.kind() == StateSpec.Kind.MAP && args.size() == 2) {
            Ev k = c.expression(args.get(0), spec.keyType());
            Ev v = c.expression(args.get(1), spec.type());
            note(new CheckedProgram.StateCall(call.state(), "put", List.of(k.expression, v.expression)));
            return f -> {
                Object key = k.eval(f);
                if (key == null) throw ProgramCompiler.failure("map state \"" + spec.name() + "\" cannot have a NULL key");
                f.context.state().put(s, key, v.eval(f));
            };
        }
        if (method.equals("remove") && spec.kind() == StateSpec.Kind.MAP && args.size() == 1) {
            Ev k = c.expression(args.get(0), spec.keyType());
            note(new CheckedProgram.StateCall(call.state(), "remove", List.of(k.expression)));
            return f -> {
                Object key = k.eval(f);
                if (key != null) f.context.state().remove(s, key);
            };
        }
        throw c.source.error(call.offset(), "\"" + call.state() + "\" is a " + spec.describe() + " state; write " + usage);
    }

    private Step ifStep(If i) throws ProgramError {
        Ev condition = c.expression(i.condition(), DataType.BOOLEAN);
        Step then = block(i.then());
        List<CheckedProgram.Statement> thenChecked = lastBlock;
        Step otherwise = block(i.otherwise());
        note(new CheckedProgram.If(condition.expression, thenChecked, lastBlock));
        String where = where(i.offset());
        return f -> {
            if (evaluate(condition, f, where) == Boolean.TRUE) then.run(f);
            else otherwise.run(f);
        };
    }

    private Step forStep(For loop) throws ProgramError {
        Ev array = c.expression(loop.array(), null);
        if (array.type().kind() != DataType.Kind.ARRAY) {
            throw c.source.error(loop.array().offset(), "`for` goes through an ARRAY, but `" + loop.array().text().trim() + "` is " + array.type());
        }
        if (c.scope.find(loop.name()) != null || c.stateIndex.containsKey(loop.name()) || ProgramCompiler.CLOCKS.contains(loop.name())) {
            throw c.source.error(loop.offset(), "\"" + loop.name() + "\" is already a name here; call the element something else");
        }
        int mark = c.scope.mark();
        int slot = c.scope.declareLocal(loop.name(), array.type().element()).slot();
        Step body = block(loop.body());
        note(new CheckedProgram.For(loop.name(), array.type().element(), array.expression, lastBlock));
        c.scope.reset(mark);
        String where = where(loop.offset());
        return f -> {
            List<?> elements = (List<?>) evaluate(array, f, where);
            if (elements == null) return;
            for (Object e : List.copyOf(elements)) {
                f.slots[slot] = e;
                body.run(f);
            }
        };
    }

    private Step emit(Emit e) throws ProgramError {
        String port = c.port(e.port(), e.offset());
        int n = e.items().size();
        Ev[] values = new Ev[n];
        List<String> names = new ArrayList<>();
        DataType[] types = new DataType[n];
        for (int i = 0; i < n; i++) {
            ProgramSyntax.Item item = e.items().get(i);
            if (names.contains(item.name())) throw c.source.error(item.value().offset(), "the field \"" + item.name() + "\" is emitted twice");
            values[i] = c.expression(item.value(), null);
            names.add(item.name());
            types[i] = values[i].type();
        }
        EmitSchema schema = c.emits.get(port);
        if (schema == null) c.emits.put(port, schema = new EmitSchema(names, types.clone(), e.offset()));
        else schema.unify(names, types, c.source, e.offset(), port);
        EmitSchema fixed = schema;
        List<dev.eddy.expr.CompiledExpression> emitted = new ArrayList<>();
        for (Ev v : values) emitted.add(v.expression);
        note(new CheckedProgram.Emit(port, emitted));
        boolean main = port.equals("out");
        return f -> {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = values[i].eval(f);
                // The output's type is settled only once every emit is compiled: widen where it became DOUBLE.
                if (v instanceof Long l && fixed.types[i].kind() == DataType.Kind.DOUBLE) v = l.doubleValue();
                row[i] = v;
            }
            f.context.emit(port, Row.wrap(row), main ? f.mainTimestamp : f.sideTimestamp);
        };
    }

    private Step timer(Timer t) throws ProgramError {
        Ev time = c.expression(t.time(), null);
        DataType.Kind k = time.type().kind();
        if (k != DataType.Kind.TIMESTAMP && k != DataType.Kind.BIGINT) {
            throw c.source.error(t.time().offset(), "a timer's time is a TIMESTAMP (or BIGINT milliseconds), but `"
                    + t.time().text().trim() + "` is " + time.type());
        }
        boolean event = t.domain() == TimeDomain.EVENT;
        boolean register = t.register();
        note(new CheckedProgram.Timer(register, event ? CompiledProgram.TimeDomain.EVENT : CompiledProgram.TimeDomain.PROCESSING, time.expression));
        return f -> {
            Object v = time.eval(f);
            if (v == null) throw ProgramCompiler.failure("the timer's time `" + t.time().text().trim() + "` is NULL");
            long at = v instanceof Instant i ? i.toEpochMilli() : (Long) v;
            ProcessContext ctx = f.context;
            if (event && register) ctx.registerEventTimeTimer(at);
            else if (event) ctx.deleteEventTimeTimer(at);
            else if (register) ctx.registerProcessingTimeTimer(at);
            else ctx.deleteProcessingTimeTimer(at);
        };
    }

    private static String describe(Scope.Name n) {
        return switch (n.kind()) {
            case FIELD -> "a field of the record";
            case KEY -> "a column of the key";
            case CLOCK -> "a clock";
            case STATE -> "a state";
            case LOCAL -> "a local";
        };
    }
}
