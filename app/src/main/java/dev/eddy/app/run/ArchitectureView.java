package dev.eddy.app.run;

import dev.eddy.model.Settings;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.runtime.PlanDescription;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Where the job runs, as Flink would deploy it: the client that submits the job graph, the
 * JobManager that schedules its subtasks and coordinates checkpoints, and a TaskManager whose slots
 * each hold one subtask of every task (default slot sharing), with the exchanges between tasks. The
 * layout is the engine's {@link PlanDescription}; the states are what the run reports.
 */
final class ArchitectureView extends ScrollPane implements RunView {
    private final Settings settings;
    private final VBox content = new VBox(14);
    private final Label jobManagerNow = new Label();
    private final Map<String, Label> subtaskLabels = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private PlanDescription plan;
    private JobState state = JobState.CREATED;
    private long checkpoints;
    private long restarts;
    private boolean changed;

    /** {@code plan} is null when the pipeline cannot be deployed; {@code why} then says why. */
    ArchitectureView(Settings settings, PlanDescription plan, String why) {
        this.settings = settings;
        setId("architecture-view");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
        deploy(plan, why);
    }

    /** Draws a (new) deployment: before a run the pipeline's, once a run starts the run's own. */
    void deploy(PlanDescription plan, String why) {
        this.plan = plan;
        subtaskLabels.clear();
        content.getChildren().clear();
        if (plan == null) {
            Label l = new Label(why);
            l.setWrapText(true);
            content.getChildren().add(l);
            return;
        }
        VBox client = box("Client", "architecture-client",
                "The designer (or ./eddy run, or flink run) turns the pipeline into a job graph of " + plural(plan.tasks().size(), "task")
                        + " (operators chained where records pass by a direct call) and " + plural(plan.exchanges().size(), "exchange")
                        + ", and submits it to the JobManager.");
        jobManagerNow.setId("architecture-jobmanager-now");
        jobManagerNow.setWrapText(true);
        VBox jobManager = box("JobManager", "architecture-jobmanager",
                "Schedules " + plural(plan.subtasks(), "subtask") + " into " + plural(plan.slots(), "slot")
                        + "; " + (settings.checkpointInterval() == null ? "takes no checkpoints (settings: checkpointInterval)"
                        : "triggers a checkpoint every " + dev.eddy.catalog.Durations.format(settings.checkpointInterval())
                        + " and keeps the last one completed") + "; " + (settings.restartAttemptsOrDefault() == 0
                        ? "fails the job at its first failure (no restart attempts)"
                        : "restarts the job after a failure (" + plural(settings.restartAttemptsOrDefault(), "attempt") + ")") + ".");
        jobManager.getChildren().add(jobManagerNow);
        HBox slots = new HBox(8);
        for (int s = 0; s < plan.slots(); s++) {
            VBox slot = new VBox(4);
            slot.getStyleClass().add("architecture-slot");
            slot.setId("architecture-slot-" + s);
            Label title = new Label("Slot " + (s + 1));
            title.getStyleClass().add("architecture-slot-title");
            slot.getChildren().add(title);
            for (PlanDescription.TaskGroup t : plan.inSlot(s)) {
                Label sub = new Label();
                sub.setWrapText(true);
                subtaskLabels.put(t.head() + "#" + s, sub);
                slot.getChildren().add(sub);
            }
            slots.getChildren().add(slot);
        }
        VBox taskManager = box("TaskManager", "architecture-taskmanager",
                "One here, with " + plural(plan.slots(), "slot") + " (Flink's taskmanager.numberOfTaskSlots). A slot holds one subtask of"
                        + " every task, so the job needs as many slots as its largest parallelism; each subtask is a thread.");
        taskManager.getChildren().add(slots);
        HBox row = new HBox(12, client, jobManager, taskManager);
        VBox exchanges = box("Exchanges between tasks", "architecture-exchanges", plan.exchanges().isEmpty()
                ? "None: the whole job is one chain." : "Where records leave a task, they are serialized and sent over channels:");
        for (PlanDescription.Exchange e : plan.exchanges()) {
            Label l = new Label(e.fromNode() + " → " + e.toNode() + ": " + words(e.partitioning()) + ", " + plural(e.channels(), "channel"));
            l.setWrapText(true);
            exchanges.getChildren().add(l);
        }
        content.getChildren().addAll(row, exchanges);
        reset();
    }

    private static VBox box(String title, String id, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("architecture-title");
        Label body = new Label(text);
        body.setWrapText(true);
        VBox b = new VBox(6, t, body);
        b.setId(id);
        b.getStyleClass().add("architecture-box");
        b.setPrefWidth(300);
        return b;
    }

    private static String words(dev.eddy.runtime.Partitioning p) {
        return switch (p) {
            case FORWARD -> "forward (subtask i to subtask i)";
            case HASH -> "hash-partitioned by key (each key to the subtask owning its key group)";
            case REBALANCE -> "rebalanced round-robin";
            case BROADCAST -> "broadcast to every subtask";
        };
    }

    private static String plural(long n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }

    @Override
    public void reset() {
        state = JobState.CREATED;
        checkpoints = 0;
        restarts = 0;
        finished.clear();
        changed = true;
        frame();
    }

    @Override
    public void accept(Observation o) {
        if (o instanceof Observation.JobStateChanged s) {
            state = s.state();
            if (s.state() == JobState.RESTARTING) {
                restarts++;
                finished.clear();
            }
            changed = true;
        } else if (o instanceof Observation.CheckpointCompleted) {
            checkpoints++;
            changed = true;
        } else if (o instanceof Observation.SubtaskFinished f) {
            finished.add(f.node() + "#" + f.subtask());
            changed = true;
        }
    }

    @Override
    public void frame() {
        if (!changed || plan == null) return;
        changed = false;
        jobManagerNow.setText("Now: the job is " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (checkpoints > 0 ? "; " + plural(checkpoints, "checkpoint") + " completed" : "")
                + (restarts > 0 ? "; restarted " + (restarts == 1 ? "once" : restarts + " times") : "") + ".");
        for (PlanDescription.TaskGroup t : plan.tasks()) {
            for (int i = 0; i < t.parallelism(); i++) {
                int subtask = i;
                Label l = subtaskLabels.get(t.head() + "#" + i);
                boolean done = t.nodes().stream().allMatch(n -> finished.contains(n + "#" + subtask));
                String mark = done ? "✓ " : state == JobState.RUNNING || state == JobState.PAUSED ? "▶ " : "○ ";
                l.setText(mark + t.name() + (t.parallelism() > 1 ? " (" + (i + 1) + "/" + t.parallelism() + ")" : ""));
            }
        }
    }

    /** The deployment shown, for tests. */
    PlanDescription plan() { return plan; }

    List<String> slotContents(int slot) {
        return plan.inSlot(slot).stream().map(t -> subtaskLabels.get(t.head() + "#" + slot).getText()).toList();
    }
}
