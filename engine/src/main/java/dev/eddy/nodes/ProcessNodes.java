package dev.eddy.nodes;

import static dev.eddy.catalog.ParamKind.DURATION;
import static dev.eddy.catalog.ParamKind.FIELD;
import static dev.eddy.catalog.ParamKind.INTEGER;
import static dev.eddy.catalog.ParamKind.NUMBER;
import static dev.eddy.catalog.ParamKind.PROGRAM;
import static dev.eddy.catalog.ParamSpec.required;
import static dev.eddy.nodes.NodeTypeBuilder.type;

import dev.eddy.catalog.BindContext;
import dev.eddy.catalog.Binding;
import dev.eddy.catalog.Category;
import dev.eddy.catalog.KeyInfo;
import dev.eddy.catalog.NodeType;
import dev.eddy.catalog.ParamSpec;
import dev.eddy.catalog.PortSpec;
import dev.eddy.model.RuntimeMode;
import dev.eddy.operators.KeyedProcessOperator;
import dev.eddy.process.CompiledProgram;
import dev.eddy.process.ProgramCompiler;
import dev.eddy.process.ProgramError;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.types.DataType;
import dev.eddy.types.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state and timers: the process node, whose logic is a program (docs/process.md), and
 * ready-made nodes that are programs written for you from a few parameters, so that a learner
 * can open the same logic in a process node and change it.
 */
final class ProcessNodes {
    static final PortSpec SIDE = new PortSpec("side", "what the program emits with `emit to side ...`", false, true);

    private ProcessNodes() {}

    static List<NodeType> all() { return List.of(process(), changeAlert(), deduplicate(), topN()); }

    static NodeType process() {
        return type("process", Category.STATE).title("Process")
                .summary("Per-key logic with state and timers, written as a small program")
                .concept("Flink's KeyedProcessFunction: for every record, `on record` runs with the record's key selecting"
                        + " the state; `on timer` runs when an event-time timer's time is reached by the watermark, or a"
                        + " processing-time timer's by the clock. State (value, list, map, with an optional time-to-live)"
                        + " lives per key. What `on record` emits keeps the record's timestamp; what an event-time timer"
                        + " emits gets the timer's time.")
                .param(required("program", PROGRAM, "state declarations and `on record` / `on timer` handlers; see docs/process.md"))
                .input(PortSpec.IN).output(PortSpec.OUT).output(SIDE).keyed().failsPerRecord()
                .onFlink("KeyedStream#process with a KeyedProcessFunction keeping the program's state in Flink state")
                .bind(ctx -> bindProgram(ctx, "program", ctx.params().program("program"), List.of("out", "side")));
    }

    static NodeType changeAlert() {
        return type("change-alert", Category.STATE).title("Change alert")
                .summary("Alerts when two readings of a key differ by more than a threshold within an interval")
                .concept("The classic use of keyed state and timers: the last reading of each key is kept in state, each new"
                        + " reading is compared with it, and an event-time timer forgets it once the interval has passed, so"
                        + " state does not grow forever. It is a process program written for you; see docs/process.md.")
                .param(required("value", FIELD, "the numeric field to compare, e.g. temperature"))
                .param(required("threshold", NUMBER, "the difference that raises an alert, e.g. 20"))
                .param(required("within", DURATION, "how close in event time the two readings must be, e.g. 1m"))
                .input(PortSpec.IN).output(PortSpec.OUT).keyed().failsPerRecord()
                .onFlink("KeyedStream#process with a KeyedProcessFunction keeping the program's state in Flink state")
                .bind(ctx -> {
                    String field = numericField(ctx, "value");
                    Double threshold = ctx.params().number("threshold");
                    Long within = ctx.params().duration("within");
                    if (field == null || threshold == null || within == null || ctx.inputKey() == null) return null;
                    return bindProgram(ctx, null, changeAlertProgram(keyNames(ctx), field, threshold, within), List.of("out"));
                });
    }

    static String changeAlertProgram(List<String> keyColumns, String field, double threshold, long within) {
        String v = quote(field);
        String key = keyColumns.stream().map(k -> quote(k) + ", ").collect(java.util.stream.Collectors.joining());
        return String.join("\n",
                "state last DOUBLE;",
                "state last_time TIMESTAMP;",
                "on record {",
                "  if last IS NOT NULL AND ABS(" + v + " - last) > " + threshold,
                "      AND ABS(EPOCH_MILLIS(record_time) - EPOCH_MILLIS(last_time)) <= " + within + " {",
                "    emit " + key + "last AS previous, " + v + " AS current, " + v + " - last AS change, last_time AS previous_time,"
                        + " record_time AS time;",
                "  }",
                "  if last_time IS NOT NULL {",
                "    delete event timer TIMESTAMP_ADD(last_time, " + within + ");",
                "  }",
                "  last = " + v + ";",
                "  last_time = record_time;",
                "  register event timer TIMESTAMP_ADD(record_time, " + within + ");",
                "}",
                "on timer {",
                "  clear last;",
                "  clear last_time;",
                "}");
    }

    static NodeType deduplicate() {
        return type("deduplicate", Category.STATE).title("Deduplicate")
                .summary("Lets the first record of each key through and holds back repeats for a span of time")
                .concept("Deduplication with keyed state: the key is what makes two records the same. In event time, a"
                        + " timer forgets the key once the span has passed since its first record; in processing time,"
                        + " the state's time-to-live does, as Flink's StateTtlConfig would. Repeats go to the"
                        + " duplicates output.")
                .param(required("within", DURATION, "how long after a key's first record repeats are held back, e.g. 10m"))
                .param(ParamSpec.choice("time", "event", "which time the span is measured in", "event", "processing"))
                .input(PortSpec.IN).output(PortSpec.OUT)
                .output(new PortSpec("duplicates", "the repeats that were held back", false, true)).keyed().failsPerRecord()
                .onFlink("KeyedStream#process with a KeyedProcessFunction keeping the program's state in Flink state")
                .bind(ctx -> {
                    Schema in = ctx.input();
                    Long within = ctx.params().duration("within");
                    if (in == null || within == null) return null;
                    boolean event = !"processing".equals(ctx.params().string("time"));
                    return bindProgram(ctx, null, deduplicateProgram(in, within, event), List.of("out", "duplicates"));
                });
    }

    static String deduplicateProgram(Schema in, long within, boolean eventTime) {
        String all = String.join(", ", in.names().stream().map(ProcessNodes::quote).toList());
        String state = eventTime ? "state seen BOOLEAN;" : "state seen BOOLEAN ttl " + within + "ms;";
        String remember = eventTime ? "\n    register event timer TIMESTAMP_ADD(record_time, " + within + ");" : "";
        return state + "\non record {\n  if seen IS NULL {\n    emit " + all + ";\n    seen = TRUE;" + remember
                + "\n  } else {\n    emit to duplicates " + all + ";\n  }\n}"
                + (eventTime ? "\non timer {\n  clear seen;\n}" : "");
    }

    static NodeType topN() {
        return type("top-n", Category.STATE).title("Top N")
                .summary("Keeps the N largest values of a field per key and emits them when they change")
                .concept("A list state per key holds the best values seen so far. Each record that enters the top N emits"
                        + " the key's new top N, largest first; a record that does not enter it emits nothing. The state"
                        + " never shrinks by itself: it holds at most N values per key.")
                .param(required("value", FIELD, "the numeric field to rank by, e.g. amount"))
                .param(required("n", INTEGER, "how many values to keep per key").atLeast(1))
                .input(PortSpec.IN).output(PortSpec.OUT).keyed().failsPerRecord()
                .onFlink("KeyedStream#process with a KeyedProcessFunction keeping the program's state in Flink state")
                .bind(ctx -> {
                    String field = numericField(ctx, "value");
                    Long n = ctx.params().integer("n");
                    if (field == null || n == null || ctx.inputKey() == null) return null;
                    return bindProgram(ctx, null, topNProgram(keyNames(ctx), field, n), List.of("out"));
                });
    }

    static String topNProgram(List<String> keyColumns, String field, long n) {
        String v = quote(field);
        String key = keyColumns.stream().map(k -> quote(k) + ", ").collect(java.util.stream.Collectors.joining());
        return String.join("\n",
                "state best LIST<DOUBLE>;",
                "on record {",
                "  let value = CAST(" + v + " AS DOUBLE);",
                "  if value IS NOT NULL {",
                "    let top = ARRAY_SLICE(ARRAY_SORT(ARRAY_APPEND(best, value), FALSE), 1, " + n + ");",
                "    if CARDINALITY(top) > CARDINALITY(best) OR value > ELEMENT_AT(best, CARDINALITY(best)) {",
                "      best = top;",
                "      emit " + key + "top;",
                "    }",
                "  }",
                "}");
    }

    private static String numericField(BindContext ctx, String param) {
        Schema in = ctx.input();
        String field = ctx.params().string(param);
        if (in == null || field == null) return null;
        if (!in.has(field)) {
            ctx.error(param, "no input field \"" + field + "\"; the input has " + String.join(", ", in.names()));
            return null;
        }
        if (!in.typeOf(field).isNumeric()) {
            ctx.error(param, "\"" + field + "\" is " + in.typeOf(field) + " but must be a number (BIGINT or DOUBLE)");
            return null;
        }
        return field;
    }

    private static List<String> keyNames(BindContext ctx) {
        return ctx.inputKey().columns().stream().map(dev.eddy.types.Field::name).toList();
    }

    private static String quote(String name) { return "`" + name.replace("`", "``") + "`"; }

    /** Compiles a program against the node's input and key; problems are reported on {@code param}. */
    private static Binding bindProgram(BindContext ctx, String param, String text, List<String> ports) {
        Schema in = ctx.input();
        KeyInfo key = ctx.inputKey();
        if (in == null || key == null || text == null) return null;
        CompiledProgram program;
        try {
            program = ProgramCompiler.compile(text, in, key.columns(), ports);
        } catch (ProgramError e) {
            ctx.error(param, param == null ? "the program written for this node does not compile (" + e.getMessage() + ")"
                    : e.getMessage());
            return null;
        }
        Map<String, Schema> outputs = new LinkedHashMap<>(program.outputs());
        outputs.put(OperatorContext.ERRORS_PORT, OperatorContext.ERROR_SCHEMA);
        if (program.outputs().get("out").size() == 0 && ports.contains("out")) {
            ctx.warning(param, "the program never emits to out; write `emit field, expression AS name;`");
        }
        boolean batch = ctx.mode() == RuntimeMode.BATCH;
        return Binding.operator(outputs, () -> new KeyedProcessOperator(in, key.selector(), program, batch))
                .withParts(program);
    }

}
