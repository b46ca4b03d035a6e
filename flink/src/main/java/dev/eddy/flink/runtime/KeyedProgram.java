package dev.eddy.flink.runtime;

import dev.eddy.expr.EvaluationException;
import dev.eddy.process.CompiledProgram;
import dev.eddy.process.ProcessContext;
import dev.eddy.runtime.OperatorContext;
import dev.eddy.runtime.Output;
import dev.eddy.runtime.Time;
import dev.eddy.state.KeyedState;
import dev.eddy.state.StateSpec;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.State;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A process node (or a node written with the process language) as a KeyedProcessFunction: Eddy
 * runs the program, and everything it keeps is Flink's keyed state (a ValueState, ListState or
 * MapState per declared state, with Flink's own StateTtlConfig for a time-to-live) and Flink's
 * timers, so checkpoints, rescaling and TTL are Flink's. Flink's KeyedProcessOperator gives the
 * output the timestamps the program expects.
 */
public final class KeyedProgram extends KeyedProcessFunction<Object, Row, Row> implements ResultTypeQueryable<Row> {
    private static final long serialVersionUID = 1L;

    private final PipelineRef pipeline;
    private final String node;
    private transient CompiledProgram program;
    private transient OperatorContext eddy;
    private transient FlinkState state;
    private transient Bridge bridge;

    public KeyedProgram(PipelineRef pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    @Override
    public void open(OpenContext openContext) {
        var task = getRuntimeContext().getTaskInfo();
        program = pipeline.binding(node).parts(CompiledProgram.class);
        eddy = pipeline.context(node, task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        List<State> states = new ArrayList<>();
        for (StateSpec s : program.states()) states.add(create(s));
        state = new FlinkState(states);
        bridge = new Bridge();
        eddy.bindOutput(bridge);
    }

    private State create(StateSpec s) {
        StateDescriptor<?, ?> d = switch (s.kind()) {
            case VALUE -> new ValueStateDescriptor<>(s.name(), EddyTypes.KEY);
            case LIST -> new ListStateDescriptor<>(s.name(), EddyTypes.KEY);
            case MAP -> new MapStateDescriptor<>(s.name(), EddyTypes.KEY, EddyTypes.KEY);
        };
        if (s.ttl() != null) {
            d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(s.ttl().millis()))
                    .setUpdateType(s.ttl().refreshOnRead() ? StateTtlConfig.UpdateType.OnReadAndWrite
                            : StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        return switch (s.kind()) {
            case VALUE -> getRuntimeContext().getState((ValueStateDescriptor<Object>) d);
            case LIST -> getRuntimeContext().getListState((ListStateDescriptor<Object>) d);
            case MAP -> getRuntimeContext().getMapState((MapStateDescriptor<Object, Object>) d);
        };
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        bridge.at(ctx, out, ctx.getCurrentKey());
        Long ts = ctx.timestamp();
        long timestamp = ts == null ? Time.NO_TIMESTAMP : ts;
        try {
            program.onRecord(bridge, row, timestamp);
        } catch (EvaluationException e) {
            eddy.recordFailed(row, timestamp, RowJson.toLine(row, pipeline.inputSchema(node, "in")), e.getMessage());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) {
        bridge.at(ctx, out, ctx.getCurrentKey());
        var domain = ctx.timeDomain() == TimeDomain.EVENT_TIME ? CompiledProgram.TimeDomain.EVENT : CompiledProgram.TimeDomain.PROCESSING;
        try {
            program.onTimer(bridge, timestamp, domain);
        } catch (EvaluationException e) {
            eddy.recordFailed(Row.of(program.keyValues(ctx.getCurrentKey())), timestamp,
                    CompiledProgram.describeTimer(domain, timestamp, ctx.getCurrentKey()), e.getMessage());
        }
    }

    @Override
    public TypeInformation<Row> getProducedType() { return EddyTypes.ROW; }

    /** What the program reaches, on the Flink context of the record or timer at hand. */
    private final class Bridge implements ProcessContext, Output {
        private Context ctx;
        private Collector<Row> out;

        void at(Context c, Collector<Row> collector, Object key) {
            ctx = c;
            out = collector;
            state.key = key;
        }

        @Override
        public KeyedState state() { return state; }

        @Override
        public long currentWatermark() { return ctx.timerService().currentWatermark(); }

        @Override
        public long currentProcessingTime() { return ctx.timerService().currentProcessingTime(); }

        @Override
        public void registerEventTimeTimer(long time) { ctx.timerService().registerEventTimeTimer(time); }

        @Override
        public void deleteEventTimeTimer(long time) { ctx.timerService().deleteEventTimeTimer(time); }

        @Override
        public void registerProcessingTimeTimer(long time) { ctx.timerService().registerProcessingTimeTimer(time); }

        @Override
        public void deleteProcessingTimeTimer(long time) { ctx.timerService().deleteProcessingTimeTimer(time); }

        @Override
        public void emit(String port, Row row, long timestamp) {
            if (port.equals(program.mainPort())) collect(row, timestamp);
            else collect(port, row, timestamp);
        }

        // Flink stamps the output itself, as the program expects.
        @Override
        public void collect(Row row, long timestamp) { out.collect(row); }

        @Override
        public void collect(String port, Row row, long timestamp) { ctx.output(Ports.tag(node, port), row); }

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void emitWatermarkStatus(boolean idle) {}
    }

    /** Eddy's KeyedState on Flink's states; Flink scopes them to the current key itself. */
    private static final class FlinkState implements KeyedState {
        private final List<State> states;
        Object key;

        FlinkState(List<State> states) { this.states = states; }

        @SuppressWarnings("unchecked")
        private ValueState<Object> v(int s) { return (ValueState<Object>) states.get(s); }

        @SuppressWarnings("unchecked")
        private ListState<Object> l(int s) { return (ListState<Object>) states.get(s); }

        @SuppressWarnings("unchecked")
        private MapState<Object, Object> m(int s) { return (MapState<Object, Object>) states.get(s); }

        @Override
        public void setCurrentKey(Object key) { this.key = key; }

        @Override
        public Object currentKey() { return key; }

        @Override
        public Object value(int s) { return call(() -> v(s).value()); }

        @Override
        public void update(int s, Object value) { run(() -> v(s).update(value)); }

        @Override
        public List<Object> list(int s) {
            return call(() -> {
                List<Object> out = new ArrayList<>();
                Iterable<Object> all = l(s).get();
                if (all != null) all.forEach(out::add);
                return out;
            });
        }

        @Override
        public void add(int s, Object element) { run(() -> l(s).add(element)); }

        @Override
        public void updateList(int s, List<Object> elements) { run(() -> l(s).update(elements)); }

        @Override
        public Object get(int s, Object mapKey) { return call(() -> m(s).get(mapKey)); }

        @Override
        public boolean contains(int s, Object mapKey) { return call(() -> m(s).contains(mapKey)); }

        @Override
        public void put(int s, Object mapKey, Object value) {
            run(() -> {
                if (value == null) m(s).remove(mapKey);
                else m(s).put(mapKey, value);
            });
        }

        @Override
        public void remove(int s, Object mapKey) { run(() -> m(s).remove(mapKey)); }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public List<Object> keys(int s) {
            return call(() -> {
                List<Object> out = new ArrayList<>();
                Iterable<Object> ks = m(s).keys();
                if (ks != null) ks.forEach(out::add);
                out.sort((a, b) -> ((Comparable) a).compareTo(b));
                return out;
            });
        }

        @Override
        public void clear(int s) { states.get(s).clear(); }

        private interface Io<T> { T get() throws Exception; }

        private interface IoRun { void run() throws Exception; }

        private static <T> T call(Io<T> f) {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException("Flink state failed: " + e.getMessage(), e);
            }
        }

        private static void run(IoRun f) {
            call(() -> {
                f.run();
                return null;
            });
        }
    }
}
