package dev.eddy.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of how a job is deployed, for the designer's architecture view and the guide: the
 * tasks (chains of operators, as Flink's JobGraph has them), the exchanges between them, and the slots
 * the subtasks take with Flink's default slot sharing (one slot holds one subtask of every task, so a
 * job needs as many slots as its largest parallelism). Computed from the {@link JobSpec} alone, with
 * the same chaining rule as {@link ExecutionPlan}.
 */
public record PlanDescription(String job, int maxParallelism, List<TaskGroup> tasks, List<Exchange> exchanges) {
    public PlanDescription {
        tasks = List.copyOf(tasks);
        exchanges = List.copyOf(exchanges);
    }

    /** One task: the nodes chained into it, first the head, and how many parallel subtasks it has. */
    public record TaskGroup(String head, List<String> nodes, int parallelism, boolean source) {
        public TaskGroup {
            nodes = List.copyOf(nodes);
        }

        /** The task's name as Flink's web UI writes a chain: its operators joined by arrows. */
        public String name() { return String.join(" → ", nodes); }
    }

    /**
     * Records crossing from one task to another: how they are spread ({@code FORWARD} subtask i to i,
     * {@code HASH} by key group, {@code REBALANCE} round-robin, {@code BROADCAST} to all) and how many
     * channels that takes.
     */
    public record Exchange(String fromTask, String toTask, String fromNode, String toNode, Partitioning partitioning, int channels) {}

    /** Slots the job takes: as many as its largest parallelism, every task sharing them. */
    public int slots() { return tasks.stream().mapToInt(TaskGroup::parallelism).max().orElse(0); }

    /** Subtasks in all: what the JobManager schedules. */
    public int subtasks() { return tasks.stream().mapToInt(TaskGroup::parallelism).sum(); }

    /** The tasks that have a subtask in slot {@code slot}, in task order. */
    public List<TaskGroup> inSlot(int slot) { return tasks.stream().filter(t -> t.parallelism() > slot).toList(); }

    public static PlanDescription of(JobSpec spec) {
        Map<String, String> heads = ExecutionPlan.chainHeads(spec);
        Map<String, JobSpec.NodeSpec> nodes = new LinkedHashMap<>();
        for (JobSpec.NodeSpec n : spec.nodes()) nodes.put(n.id(), n);
        Map<String, List<String>> chains = new LinkedHashMap<>();
        heads.forEach((node, head) -> chains.computeIfAbsent(head, h -> new ArrayList<>()).add(node));
        List<TaskGroup> tasks = new ArrayList<>();
        chains.forEach((head, members) -> tasks.add(new TaskGroup(head, members, nodes.get(head).parallelism(), nodes.get(head).isSource())));
        List<Exchange> exchanges = new ArrayList<>();
        for (JobSpec.EdgeSpec e : spec.edges()) {
            String from = heads.get(e.from());
            String to = heads.get(e.to());
            if (from.equals(to)) continue;
            JobSpec.NodeSpec up = nodes.get(e.from());
            JobSpec.NodeSpec down = nodes.get(e.to());
            Partitioning p = down.inputPartitioning();
            // Flink turns a forward edge between different parallelisms into a rebalance.
            if (p == Partitioning.FORWARD && !ExecutionPlan.isForward(up, down)) p = Partitioning.REBALANCE;
            int channels = p == Partitioning.FORWARD ? down.parallelism() : up.parallelism() * down.parallelism();
            exchanges.add(new Exchange(from, to, e.from(), e.to(), p, channels));
        }
        return new PlanDescription(spec.name(), spec.maxParallelism(), tasks, exchanges);
    }
}
