package dev.eddy.app.run;

import dev.eddy.app.canvas.PipelineCanvas;
import dev.eddy.app.document.Document;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.RunControl;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * The designer's live run: one {@link RunSession} at a time, its recording, and the views that
 * draw it. The engine runs on its own thread; once per frame this drains what it reported into
 * the recording and the views, and draws the run's badges on the canvas. While a run lasts the
 * document is locked, so the run and the pipeline on the screen are always the same graph.
 */
public final class LiveRun {
    static final String LOCKED = "The pipeline is running: stop the run (■) or reset it to edit; moving nodes is fine.";

    private final Document doc;
    private final PipelineCanvas canvas;
    private final Consumer<String> say;
    /** The nodes selected on the canvas: their badges list each subtask's watermark. */
    private final java.util.Set<String> selected;
    private final RunRecording recording = new RunRecording();
    private final FrameClock frames = new FrameClock();
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state", JobState.CREATED);
    private final Label status = new Label("Not running: press play (▶) or step.");
    private final Tab outputTab = tab("Output");
    private final Tab watermarksTab = tab("Watermarks");
    private final Tab windowsTab = tab("Windows");
    private final Tab stateTab = tab("State");
    private final Tab lateTab = tab("Late data");
    private final Tab recoveryTab = tab("Checkpoints");
    private final Tab metricsTab = tab("Metrics");
    private final Tab whyTab = tab("Why stuck?");
    private final Tab architectureTab = tab("Architecture");
    private final LessonPane lesson = new LessonPane(this::samplesLost);
    private final AnimationTimer timer;
    private RunSession session;
    private Pipeline viewsOf;
    private OutputView output;
    private WatermarksView watermarks;
    private WindowsView windows;
    private LateDataView late;
    private MetricsView metrics;
    private WhyStuckView why;
    private ArchitectureView architecture;
    private KeyedStateView keyedState;
    private RecoveryView recovery;
    private List<RunView> views = List.of();
    private final javafx.beans.property.ObjectProperty<RunSession.Settings> settings =
            new javafx.beans.property.SimpleObjectProperty<>(this, "settings", new RunSession.Settings(null, null, null, 1.0));
    /** The instant the views show while scrubbing, or null when they follow the run live. */
    private Long shownUpTo;
    /** How many of the recording's observations the views have taken in, from its start. */
    private int fed;
    private boolean scrubPending;
    private boolean ended;
    private final Map<String, Long> lastIn = new LinkedHashMap<>();
    /** The engine's processing time the views are waiting to reach (the capture's delay probe), with its callback. */
    private long watchedTime;
    private Runnable onWatched;
    /** Drained and recorded, not yet taken in by the views. */
    private final java.util.ArrayDeque<Observation> backlog = new java.util.ArrayDeque<>();
    /** The views' share of a frame (of 16.7 ms at 60 Hz); the rest is JavaFX's layout and drawing. */
    private static final long FRAME_BUDGET_NANOS = 8_000_000L;
    /** Observations taken from the engine per frame at most; what waits beyond the buffer's capacity is thinned there. */
    private static final int DRAIN_PER_FRAME = 20_000;

    public LiveRun(Document doc, PipelineCanvas canvas, java.util.Set<String> selectedNodes, Consumer<String> say) {
        this.doc = doc;
        this.selected = selectedNodes;
        this.canvas = canvas;
        this.say = say;
        status.setId("run-status");
        // A pipeline opened gets the views (and tabs) it needs before any run; the document tells of a
        // replacement before it takes the new pipeline, so the views are built just after.
        doc.onReplace(() -> {
            reset();
            javafx.application.Platform.runLater(() -> {
                if (!isActive()) buildViews(doc.get());
            });
        });
        doc.onRefusal(say);
        // Before a run the Architecture tab follows the pipeline as it is edited.
        doc.validationProperty().addListener((o, before, after) -> {
            if (!isActive() && architecture != null) deployment(doc.get());
        });
        buildViews(doc.get());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) { frame(now); }
        };
        timer.start();
    }

    private static Tab tab(String title) {
        Tab t = new Tab(title);
        t.setClosable(false);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        return t;
    }

    /** The views' tabs that apply to the pipeline: State only where a node keeps keyed state. */
    public List<Tab> tabs() {
        List<Tab> all = new java.util.ArrayList<>(List.of(outputTab, watermarksTab, windowsTab, stateTab, lateTab, recoveryTab, metricsTab, whyTab, architectureTab));
        if (!keyedState.hasNodes()) all.remove(stateTab);
        if (!RecoveryView.applies(viewsOf)) all.remove(recoveryTab);
        return all;
    }

    public Label status() { return status; }

    /** Record samples that never reached the views: thinned by the subscription or by the recording. */
    private long samplesLost() { return (session == null ? 0 : session.thinned()) + recording.samplesDropped(); }

    /** The task and verdict of a lesson, for the window to put beside the canvas when the pipeline carries one. */
    public LessonPane lessonPane() { return lesson; }

    public ReadOnlyObjectProperty<JobState> stateProperty() { return state.getReadOnlyProperty(); }

    public JobState state() { return state.get(); }

    /** Whether a run exists that has not ended yet (playing or paused). */
    public boolean isActive() { return session != null && !ended; }

    public RunSession.Settings settings() { return settings.get(); }

    public javafx.beans.property.ReadOnlyObjectProperty<RunSession.Settings> settingsProperty() { return settings; }

    /** Mode, parallelism and seed take effect at the next start; the speed at once. */
    public void setSettings(RunSession.Settings s) {
        settings.set(s);
        if (isActive()) session.control().setSpeed(s.speed());
        else if (viewsOf != null && session == null) deployment(doc.get());
    }

    public RunRecording recording() { return recording; }

    public FrameClock frames() { return frames; }

    RunControl control() { return session == null ? null : session.control(); }

    /** Starts a run held before its first record, unless one is active; false when it cannot start (and says why). */
    public boolean prepare() { return ensureSession(); }

    public void play() {
        if (ensureSession()) session.control().play();
    }

    public void pause() {
        if (isActive()) session.control().pause();
    }

    /** One record (or one timer) and all it causes; starts the run, held, if there is none. */
    public void step() {
        if (ensureSession()) session.control().step();
    }

    /** A task fails now, as a crash would; the pipeline's restart strategy and guarantee decide what follows. */
    public void failNow() {
        if (!isActive()) return;
        session.control().failNow();
        say.accept("A task failed on purpose: see the Checkpoints tab for what the restart takes back and what the sinks keep.");
    }

    /** Ends the run where it is; its recording and views stay to be looked at and scrubbed. */
    public void stop() {
        if (isActive()) session.control().cancel();
    }

    /** Throws the run away: the views are emptied and the pipeline can be edited again. */
    public void reset() {
        if (session != null) session.close();
        session = null;
        ended = false;
        recording.clear();
        backlog.clear();
        fed = 0;
        frames.clear();
        lastIn.clear();
        shownUpTo = null;
        views.forEach(RunView::reset);
        canvas.showBadges(Map.of());
        canvas.showFlows(Map.of());
        doc.lock(null);
        state.set(JobState.CREATED);
        status.setText("Not running: press play (▶) or step.");
    }

    private boolean ensureSession() {
        if (isActive()) return true;
        if (session != null) reset();
        Pipeline p = doc.get();
        if (p.nodes().isEmpty()) {
            say.accept("Nothing to run: add a source and a sink first.");
            return false;
        }
        List<Problem> errors = doc.validation().errors();
        if (!errors.isEmpty()) {
            Problem first = errors.get(0);
            say.accept("The pipeline cannot run: " + (first.nodeId() == null ? "" : "\"" + first.nodeId() + "\": ") + first.message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems, see Problems)" : ""));
            return false;
        }
        Path dir = doc.file() == null ? null : doc.file().getParent();
        try {
            session = RunSession.start(p, dir, settings.get());
        } catch (InvalidPipelineException | IOException | RuntimeException e) {
            say.accept("The run could not start: " + e.getMessage());
            return false;
        }
        buildViews(p);
        doc.lock(LOCKED);
        state.set(JobState.PAUSED);
        say.accept("Running \"" + p.name() + "\"; its file sinks write under " + session.outputDir());
        return true;
    }

    private void buildViews(Pipeline p) {
        if (p.equals(viewsOf)) {
            deployment(p);
            views.forEach(RunView::reset);
            return;
        }
        viewsOf = p;
        output = new OutputView(p, doc.validation());
        watermarks = new WatermarksView(p);
        windows = new WindowsView(p, doc.validation());
        late = new LateDataView(p, doc.validation());
        metrics = new MetricsView(p);
        why = new WhyStuckView(p, this::control);
        keyedState = new KeyedStateView(p, doc.catalog(), this::control);
        recovery = new RecoveryView(p);
        lesson.show(p, doc.validation());
        architecture = new ArchitectureView(p.settings(), null, "");
        deployment(p);
        views = List.of(output, watermarks, windows, keyedState, late, recovery, metrics, new EdgeFlows(p, doc.validation(), canvas), lesson,
                architecture);
        // Lineage: choosing a sink's row opens the window it came from, with its elements.
        WindowsView shownWindows = windows;
        output.onChosen(row -> {
            if (shownWindows.showResultOf(row.record())) windowsTab.getTabPane().getSelectionModel().select(windowsTab);
            else say.accept("No window of this run computed that row directly: it came through no window, or was changed after one.");
        });
        outputTab.setContent(output);
        watermarksTab.setContent(watermarks);
        windowsTab.setContent(windows);
        stateTab.setContent(keyedState);
        javafx.scene.control.TabPane pane = windowsTab.getTabPane();
        if (pane != null && keyedState.hasNodes() && !pane.getTabs().contains(stateTab)) {
            pane.getTabs().add(pane.getTabs().indexOf(windowsTab) + 1, stateTab);
        } else if (pane != null && !keyedState.hasNodes()) {
            pane.getTabs().remove(stateTab);
        }
        if (pane != null && RecoveryView.applies(p) && !pane.getTabs().contains(recoveryTab)) {
            pane.getTabs().add(pane.getTabs().indexOf(lateTab) + 1, recoveryTab);
        } else if (pane != null && !RecoveryView.applies(p)) {
            pane.getTabs().remove(recoveryTab);
        }
        lateTab.setContent(late);
        recoveryTab.setContent(recovery);
        metricsTab.setContent(metrics);
        whyTab.setContent(why);
        architectureTab.setContent(architecture);
    }

    /** The deployment the architecture view shows: a run's own while it lasts, before one the pipeline's with the run toolbar's settings. */
    private void deployment(Pipeline p) {
        if (isActive()) {
            architecture.deploy(session.plan(), null);
            return;
        }
        if (doc.validation().hasErrors()) {
            architecture.deploy(null, "The pipeline cannot be deployed yet: the Problems tab says what to fix.");
            return;
        }
        RunSession.Settings s = settings.get();
        try {
            architecture.deploy(dev.eddy.run.PipelineRunner.standard().describe(p, RunOptions.defaults().withMode(s.mode())
                    .withParallelism(s.parallelism()).withSeed(s.seed())), null);
        } catch (InvalidPipelineException e) {
            architecture.deploy(null, "The pipeline cannot be deployed in this mode: " + e.getMessage());
        } catch (RuntimeException e) {
            architecture.deploy(null, "The pipeline cannot be deployed: " + dev.eddy.runtime.Failures.describe(e));
        }
    }

    private void frame(long now) {
        if (session == null) return;
        long began = System.nanoTime();
        // The next batch is taken only once the last is drawn: the subscription thins samples while the
        // views catch up, so a run flat out costs the window a bounded share of each frame, never a freeze.
        boolean drainedNothing = false;
        if (backlog.isEmpty()) {
            List<Observation> drained = session.drain(DRAIN_PER_FRAME);
            drainedNothing = drained.isEmpty();
            for (Observation o : drained) if (o instanceof Observation.JobStateChanged c) state.set(c.state());
            List<Observation> kept = recording.append(drained);
            if (shownUpTo == null) backlog.addAll(kept);
        }
        if (shownUpTo != null && scrubPending) replayUpTo(shownUpTo);
        scrubPending = false;
        while (!backlog.isEmpty() && System.nanoTime() - began < FRAME_BUDGET_NANOS) {
            Observation o = backlog.poll();
            for (RunView v : views) v.accept(o);
            fed++;
            if (onWatched != null && o.time() >= watchedTime) {
                Runnable seen = onWatched;
                onWatched = null;
                seen.run();
            }
        }
        views.forEach(RunView::frame);
        drawBadges();
        boolean quiet = drainedNothing && backlog.isEmpty();
        if (!ended && quiet && session.control().isOver() && session.control().finished().isDone()) ended();
        status.setText(statusText());
        if (!ended || !quiet) frames.frame(now, System.nanoTime() - began);
    }

    private void ended() {
        ended = true;
        var result = session.control().finished().getNow(null);
        if (result != null) state.set(result.state());
        doc.lock(null);
        if (result != null && result.failure() != null) {
            say.accept("The run failed" + (result.failedNode() == null ? "" : " in \"" + result.failedNode() + "\"") + ": " + result.failure());
        } else {
            say.accept("The run " + (state.get() == JobState.CANCELED ? "was stopped" : "finished") + "; scrub with the time slider to see any instant again.");
        }
    }

    /** Calls back, on the JavaFX thread, once the views have taken in what the engine did up to this processing time. */
    void whenReached(long processingTime, Runnable seen) {
        watchedTime = processingTime;
        onWatched = seen;
    }

    /** Shows the run as it was at a processing time: every view is reset and the recording replayed up to it. */
    public void showInstant(long time) {
        shownUpTo = time;
        scrubPending = true;
        if (session == null) replayUpTo(time);
    }

    /** Back to following the run as it happens. */
    public void showLive() {
        if (shownUpTo == null) return;
        shownUpTo = null;
        replayUpTo(Long.MAX_VALUE);
    }

    public boolean isScrubbing() { return shownUpTo != null; }

    /** Forward from what the views hold is cheap (only the difference is fed); backward starts them over. */
    private void replayUpTo(long time) {
        int target = recording.countAtOrBefore(time);
        backlog.clear();
        if (target < fed) {
            views.forEach(RunView::reset);
            lastIn.clear();
            fed = 0;
        }
        for (Observation o : recording.upTo(target).subList(fed, target)) for (RunView v : views) v.accept(o);
        fed = target;
        views.forEach(RunView::frame);
        drawBadges();
    }

    private void drawBadges() {
        Map<String, PipelineCanvas.NodeBadge> badges = new LinkedHashMap<>();
        for (Node n : viewsOf.nodes()) {
            MetricsView.Totals t = metrics.totals(n.id());
            if (!metrics.reportedNodes().contains(n.id())) continue;
            StringBuilder text = new StringBuilder();
            if (!n.type().startsWith("source.")) text.append("in ").append(t.recordsIn());
            if (!n.type().startsWith("sink.")) text.append(text.length() > 0 ? " · " : "").append("out ").append(t.recordsOut());
            text.append(" · ").append(Math.round(metrics.rate(n.id()))).append("/s");
            if (!n.type().startsWith("sink.") && (!n.type().startsWith("source.") || t.watermark() != Long.MIN_VALUE)) text.append("\nwm ").append(Charts.clock(t.watermark()));
            if (t.errors() > 0) text.append(" · errors ").append(t.errors());
            Map<Integer, Long> subtasks = metrics.subtaskWatermarks(n.id());
            if (selected.contains(n.id()) && subtasks.size() > 1 && !n.type().startsWith("sink.")) {
                subtasks.forEach((i, wm) -> text.append("\n  subtask ").append(i).append(": ").append(Charts.clock(wm)));
            }
            Long before = lastIn.put(n.id(), t.recordsIn() + t.recordsOut());
            boolean busy = before != null && before != t.recordsIn() + t.recordsOut();
            badges.put(n.id(), new PipelineCanvas.NodeBadge(text.toString(), late.lateAt(n.id()), busy));
        }
        canvas.showBadges(badges);
    }

    private String statusText() {
        RunControl c = session.control();
        long lowest = Long.MAX_VALUE;
        boolean any = false;
        double rate = 0;
        for (Node n : viewsOf.nodes()) {
            if (!metrics.reportedNodes().contains(n.id())) continue;
            if (n.type().startsWith("source.")) rate += metrics.rate(n.id());
            else if (!n.type().startsWith("sink.")) {
                lowest = Math.min(lowest, metrics.totals(n.id()).watermark());
                any = true;
            }
        }
        String shown = shownUpTo == null ? "" : "showing " + Charts.clock(Math.min(shownUpTo, recording.lastTime())) + " · ";
        return shown + words(state.get()) + " · processing time " + Charts.clock(c.virtualTime()) + " · watermark "
                + (any ? Charts.clock(lowest) : "none yet") + " · " + Math.round(rate) + " rec/s · "
                + c.steps() + " steps" + (session.thinned() > 0 ? " · " + session.thinned() + " samples thinned" : "");
    }

    private static String words(JobState s) {
        return switch (s) {
            case CREATED -> "Ready";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case RESTARTING -> "Restarting";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case CANCELED -> "Stopped";
        };
    }

    /** What each view holds, for the capture and the tests. */
    public Map<String, Integer> seriesSizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (RunView v : views) v.seriesSizes().forEach((k, n) -> m.put(k, n));
        return m;
    }

    /** The pipeline the views were built for: the one running, or that ran last. */
    Pipeline pipelineShown() { return viewsOf; }

    OutputView output() { return output; }

    WatermarksView watermarks() { return watermarks; }

    WindowsView windows() { return windows; }

    KeyedStateView keyedState() { return keyedState; }

    LateDataView late() { return late; }

    RecoveryView recovery() { return recovery; }

    MetricsView metrics() { return metrics; }

    WhyStuckView why() { return why; }

    /** A node's latest counters, for the capture's report. */
    MetricsView.Totals totals(String node) { return metrics.totals(node); }

    int windowsFired() { return windows.firings(); }

    long lateRecords() { return late.total(); }
}
