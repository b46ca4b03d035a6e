package dev.eddy.runtime;

import dev.eddy.observe.NodeMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link JobSpec} into tasks, as Flink's JobGraph and ExecutionGraph do: a node whose
 * only input is a forward edge from a node of equal parallelism is chained into that node's task
 * (a direct call); every other edge becomes channels, one per sending subtask (all-to-all), or
 * one per pair for forward edges (pointwise).
 */
public final class ExecutionPlan {
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, List<NodeMetrics>> metrics = new LinkedHashMap<>();
    private final Map<String, String> chainHeadOf = new HashMap<>();

    public List<Task> tasks() { return tasks; }

    /** Per node, the counters of each of its subtasks. */
    public Map<String, List<NodeMetrics>> metrics() { return metrics; }

    /** The node whose task a node runs in (itself when it heads a chain). */
    public String chainHead(String node) { return chainHeadOf.get(node); }

    public static ExecutionPlan build(JobSpec spec, JobEnvironment env, ChannelFactory channels,
                                      ProcessingTimeService clock) {
        ExecutionPlan plan = new ExecutionPlan();
        plan.create(spec, env, channels, clock);
        return plan;
    }

    private void create(JobSpec spec, JobEnvironment env, ChannelFactory channelFactory, ProcessingTimeService clock) {
        Map<String, JobSpec.NodeSpec> nodes = new LinkedHashMap<>();
        Map<String, List<JobSpec.EdgeSpec>> inbound = new HashMap<>();
        Map<String, List<JobSpec.EdgeSpec>> outbound = new HashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) {
            nodes.put(n.id(), n);
            inbound.put(n.id(), new ArrayList<>());
            outbound.put(n.id(), new ArrayList<>());
        }
        for (JobSpec.EdgeSpec e : spec.edges()) {
            inbound.get(e.to()).add(e);
            outbound.get(e.from()).add(e);
        }
        chainHeadOf.putAll(chainHeads(spec));
        for (JobSpec.NodeSpec n : spec.nodes()) {
            List<NodeMetrics> m = new ArrayList<>();
            for (int i = 0; i < n.parallelism(); i++) m.add(new NodeMetrics(n.id(), i));
            metrics.put(n.id(), m);
        }
        // Channel layout of each chain head's input: edges in order, one channel per sending subtask
        // (all-to-all) or one per edge (pointwise forward).
        Map<String, Map<JobSpec.EdgeSpec, Integer>> channelBase = new HashMap<>();
        Map<String, Integer> channelCount = new HashMap<>();
        Map<String, int[]> channelInput = new HashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) {
            if (!chainHeadOf.get(n.id()).equals(n.id())) continue;
            Map<JobSpec.EdgeSpec, Integer> bases = new LinkedHashMap<>();
            int count = 0;
            for (JobSpec.EdgeSpec e : inbound.get(n.id())) {
                bases.put(e, count);
                count += isPointwise(nodes.get(e.from()), n) ? 1 : nodes.get(e.from()).parallelism();
            }
            channelBase.put(n.id(), bases);
            channelCount.put(n.id(), count);
            // Which input port each channel feeds: two-input operators (joins) tell left from right by it.
            int[] inputs = new int[count];
            for (Map.Entry<JobSpec.EdgeSpec, Integer> b : bases.entrySet()) {
                int port = Math.max(0, n.inputPorts().indexOf(b.getKey().toPort()));
                int width = isPointwise(nodes.get(b.getKey().from()), n) ? 1 : nodes.get(b.getKey().from()).parallelism();
                for (int c = 0; c < width; c++) inputs[b.getValue() + c] = port;
            }
            channelInput.put(n.id(), inputs);
        }
        Map<String, Task[]> tasksByHead = new HashMap<>();
        int order = 0;
        for (JobSpec.NodeSpec n : spec.nodes()) {
            if (!chainHeadOf.get(n.id()).equals(n.id())) continue;
            Task[] ts = new Task[n.parallelism()];
            for (int i = 0; i < ts.length; i++) {
                String name = n.parallelism() == 1 ? n.id() : n.id() + "#" + (i + 1);
                ts[i] = new Task(name, order++, i, channelCount.get(n.id()), channelInput.get(n.id()));
                for (Map.Entry<JobSpec.EdgeSpec, Integer> b : channelBase.get(n.id()).entrySet()) {
                    JobSpec.NodeSpec from = nodes.get(b.getKey().from());
                    if (isPointwise(from, n)) {
                        ts[i].describeChannel(b.getValue(), from.id(), i, b.getKey().toPort());
                    } else {
                        for (int c = 0; c < from.parallelism(); c++) ts[i].describeChannel(b.getValue() + c, from.id(), c, b.getKey().toPort());
                    }
                }
                tasks.add(ts[i]);
            }
            tasksByHead.put(n.id(), ts);
        }
        // Instantiate operators per subtask, downstream first so targets exist when an output is wired.
        List<JobSpec.NodeSpec> reversed = new ArrayList<>(spec.nodes());
        java.util.Collections.reverse(reversed);
        Map<String, StreamOperator[]> operators = new HashMap<>();
        Map<String, OperatorContext[]> contexts = new HashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) {
            OperatorContext[] cs = new OperatorContext[n.parallelism()];
            Task[] ts = tasksByHead.get(chainHeadOf.get(n.id()));
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new OperatorContext(n.id(), n.type(), i, n.parallelism(), spec.maxParallelism(),
                        n.errorPolicy(), env, clock, metrics.get(n.id()).get(i), ts[i].timers(),
                        spec.faultTolerance().guarantee());
            }
            contexts.put(n.id(), cs);
            if (!n.isSource()) {
                StreamOperator[] ops = new StreamOperator[n.parallelism()];
                for (int i = 0; i < ops.length; i++) ops[i] = n.operator().create();
                operators.put(n.id(), ops);
            }
        }
        for (JobSpec.NodeSpec n : reversed) {
            Task[] ts = tasksByHead.get(chainHeadOf.get(n.id()));
            for (int i = 0; i < n.parallelism(); i++) {
                Task task = ts[i];
                Map<String, List<Target>> ports = new LinkedHashMap<>();
                for (JobSpec.EdgeSpec e : outbound.get(n.id())) {
                    JobSpec.NodeSpec down = nodes.get(e.to());
                    Target t;
                    if (chainHeadOf.get(down.id()).equals(chainHeadOf.get(n.id()))) {
                        t = target(operators.get(down.id())[i], metrics.get(down.id()).get(i), outbound.get(down.id()).isEmpty(), env, clock);
                    } else {
                        t = writer(n, down, e, i, tasksByHead.get(down.id()), channelBase.get(down.id()).get(e),
                                channelFactory, spec.maxParallelism());
                        task.addWriter((RecordWriter) t);
                    }
                    ports.computeIfAbsent(e.port(), p -> new ArrayList<>()).add(t);
                }
                Map<String, Target[]> portArrays = new LinkedHashMap<>();
                ports.forEach((p, l) -> portArrays.put(p, l.toArray(new Target[0])));
                OperatorContext ctx = contexts.get(n.id())[i];
                task.addChainMetrics(metrics.get(n.id()).get(i));
                NodeOutput out = new NodeOutput(n.id(), i, metrics.get(n.id()).get(i), env.observations(), clock, portArrays);
                ctx.bindOutput(out);
                if (n.isSource()) {
                    task.setSource(n.source().create(i, n.parallelism()), ctx, out, share(env.maxRecordsPerSource(), i, n.parallelism()));
                    task.addSourceNode(n.id());
                } else {
                    StreamOperator op = operators.get(n.id())[i];
                    task.addOperator(n.id(), op, ctx);
                    if (chainHeadOf.get(n.id()).equals(n.id())) {
                        task.setHead(op, target(op, metrics.get(n.id()).get(i), outbound.get(n.id()).isEmpty(), env, clock));
                    }
                }
            }
        }
        // Operators were added downstream-first; endInput must run head-first so flushed output reaches the tail.
        for (Task t : tasks) t.reverseOperators();
    }

    private static ChainedTarget target(StreamOperator op, NodeMetrics m, boolean sink, JobEnvironment env, ProcessingTimeService clock) {
        return sink ? new ChainedTarget(op, m, env.observations(), clock) : new ChainedTarget(op, m);
    }

    private static long share(long total, int subtask, int parallelism) {
        if (total == Long.MAX_VALUE) return total;
        return total / parallelism + (subtask < total % parallelism ? 1 : 0);
    }

    /**
     * For each node, the node heading the chain (task) it runs in: a node joins its only upstream's
     * chain when the edge is forward and the parallelism matches, as Flink chains operators.
     */
    static Map<String, String> chainHeads(JobSpec spec) {
        Map<String, JobSpec.NodeSpec> nodes = new HashMap<>();
        Map<String, List<JobSpec.EdgeSpec>> inbound = new HashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) {
            nodes.put(n.id(), n);
            inbound.put(n.id(), new ArrayList<>());
        }
        for (JobSpec.EdgeSpec e : spec.edges()) inbound.get(e.to()).add(e);
        Map<String, String> heads = new LinkedHashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) {
            List<JobSpec.EdgeSpec> in = inbound.get(n.id());
            boolean chained = !n.isSource() && in.size() == 1 && isForward(nodes.get(in.get(0).from()), n);
            heads.put(n.id(), chained ? heads.get(in.get(0).from()) : n.id());
        }
        return heads;
    }

    static boolean isForward(JobSpec.NodeSpec up, JobSpec.NodeSpec down) {
        return down.inputPartitioning() == Partitioning.FORWARD && up.parallelism() == down.parallelism();
    }

    private static boolean isPointwise(JobSpec.NodeSpec up, JobSpec.NodeSpec down) {
        return isForward(up, down);
    }

    private static RecordWriter writer(JobSpec.NodeSpec up, JobSpec.NodeSpec down, JobSpec.EdgeSpec e, int subtask,
                                       Task[] receivers, int base, ChannelFactory factory, int maxParallelism) {
        Partitioning p = down.inputPartitioning();
        if (p == Partitioning.FORWARD && up.parallelism() != down.parallelism()) {
            // Flink picks rebalance when a forward edge would connect different parallelisms.
            p = Partitioning.REBALANCE;
        }
        if (isPointwise(up, down)) {
            return new RecordWriter(new ChannelWriter[] {factory.writer(receivers[subtask], base)},
                    Partitioning.FORWARD, null, maxParallelism, 0);
        }
        ChannelWriter[] ws = new ChannelWriter[receivers.length];
        for (int k = 0; k < receivers.length; k++) ws[k] = factory.writer(receivers[k], base + subtask);
        return new RecordWriter(ws, p, down.key(), maxParallelism, subtask);
    }
}
