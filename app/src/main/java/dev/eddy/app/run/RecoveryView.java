package dev.eddy.app.run;

import dev.eddy.catalog.Durations;
import dev.eddy.model.DeliveryGuarantee;
import dev.eddy.model.Pipeline;
import dev.eddy.model.Settings;
import dev.eddy.observe.JobState;
import dev.eddy.observe.Observation;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Checkpoints, failures and what each sink made of them: per sink the records it has committed for
 * good and, after restores, the ones it wrote twice or took back, as step lines over processing
 * time, with every checkpoint, failure and restore marked; below, the same story in words. This is
 * where a learner sees why exactly-once needs a transactional sink and checkpoints.
 */
final class RecoveryView extends BorderPane implements RunView {
    private final Settings settings;
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYStepRenderer renderer = new XYStepRenderer();
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    /** Per sink subtask, its latest report; a sink's line is the sum over its subtasks. */
    private final Map<String, Map<Integer, Observation.SinkDelivery>> latest = new LinkedHashMap<>();
    private final XYPlot plot;
    private final Label summary = new Label();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final List<Marked> marks = new ArrayList<>();
    private final Charts.Redraw redraw;
    private long checkpoints;
    private long restores;
    private boolean changed;

    /** A moment marked on the chart: a checkpoint, a failure or a restore. */
    record Marked(long time, String label, java.awt.Color color) {}

    RecoveryView(Pipeline pipeline) {
        setId("recovery-view");
        settings = pipeline.settings();
        NumberAxis y = new NumberAxis("records");
        y.setAutoRangeIncludesZero(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot = new XYPlot(lines, Charts.timeAxis("processing time"), y, renderer);
        JFreeChart chart = new JFreeChart("What each sink delivered", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        summary.setId("recovery-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> list = new ListView<>(events);
        list.setId("recovery-events");
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        VBox story = new VBox(6, summary, list);
        story.setPadding(new Insets(6));
        story.setMinWidth(220);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(Charts.viewer(chart, "recovery-chart"), story);
        split.setDividerPositions(0.6);
        setCenter(split);
        redraw = new Charts.Redraw(chart, this);
        reset();
    }

    /**
     * Whether the pipeline has anything to show here: checkpoints, restarts, a guarantee or an
     * injected failure in its settings, or a scripted source that fails or restores.
     */
    static boolean applies(Pipeline p) {
        Settings s = p.settings();
        if (s.checkpointInterval() != null || s.restartAttempts() != null || s.failAfterRecords() != null || s.randomFailures() != null
                || s.deliveryGuarantee() != null) {
            return true;
        }
        for (var n : p.nodes()) {
            var steps = n.paramsView().get("steps");
            if (steps != null && steps.isArray()) {
                for (var step : steps) if (step.has("fail") || step.has("checkpoint")) return true;
            }
        }
        return false;
    }

    /** The guarantee and checkpoints the pipeline runs with, in words. */
    static String setup(Settings s) {
        DeliveryGuarantee g = s.deliveryGuaranteeOrDefault();
        String checkpoints = s.checkpointInterval() == null ? "no checkpoints" : "a checkpoint every " + Durations.format(s.checkpointInterval());
        int attempts = s.restartAttemptsOrDefault();
        String restarts = attempts == 0 ? "no restarts: a failure ends the run" : "up to " + attempts + " restart" + (attempts == 1 ? "" : "s")
                + ", " + Durations.format(s.restartDelayOrDefault()) + " after a failure";
        String guarantee = g == null ? (attempts == 0 ? "at most once" : "a restart begins everything from the start") : g.id();
        return guarantee + " · " + checkpoints + " · " + restarts
                + (s.failAfterRecords() == null ? "" : " · fails once after " + s.failAfterRecords() + " records")
                + (s.randomFailures() == null ? "" : " · fails " + times(s.randomFailures().times()) + " at random within "
                        + s.randomFailures().withinRecords() + " records (seed " + (s.randomFailures().seed() == null ? s.seedOrDefault()
                        : s.randomFailures().seed()) + ")");
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    @Override
    public void reset() {
        lines.removeAllSeries();
        series.clear();
        latest.clear();
        events.clear();
        marks.clear();
        plot.clearDomainMarkers();
        checkpoints = 0;
        restores = 0;
        summary.setText(setup(settings) + ". Press ⚡ (fail now) while it runs to see what a crash does.");
        changed = true;
    }

    @Override
    public void accept(Observation o) {
        if (o instanceof Observation.CheckpointCompleted c) {
            checkpoints++;
            mark(new Marked(c.time(), "checkpoint " + c.checkpoint(), new java.awt.Color(0x64, 0x74, 0x8b)));
            events.add(Charts.clock(c.time()) + "  checkpoint " + c.checkpoint() + " completed: " + c.stateBytes() + " bytes of state;"
                    + " transactional sinks commit what it covers");
        } else if (o instanceof Observation.CheckpointAborted a) {
            events.add(Charts.clock(a.time()) + "  checkpoint " + a.checkpoint() + " aborted: " + a.reason());
        } else if (o instanceof Observation.JobStateChanged s && (s.state() == JobState.RESTARTING || s.state() == JobState.FAILED)) {
            mark(new Marked(s.time(), s.state() == JobState.FAILED ? "failed" : "failure", Charts.LATE));
            events.add(Charts.clock(s.time()) + "  " + (s.state() == JobState.FAILED ? "the run failed: " : "a task failed, restarting: ") + s.reason());
        } else if (o instanceof Observation.RestoredFromCheckpoint r) {
            restores++;
            mark(new Marked(r.time(), r.checkpoint() == 0 ? "restarted" : "restored " + r.checkpoint(), Charts.FIRED));
            events.add(Charts.clock(r.time()) + "  " + (r.checkpoint() == 0 ? "started again without a checkpoint"
                    : "every task rebuilt from checkpoint " + r.checkpoint() + ", sources rewound") + " (" + r.reason() + ")");
        } else if (o instanceof Observation.SinkDelivery d) {
            latest.computeIfAbsent(d.node(), k -> new LinkedHashMap<>()).put(d.subtask(), d);
            long committed = 0;
            long duplicated = 0;
            long withdrawn = 0;
            for (Observation.SinkDelivery x : latest.get(d.node()).values()) {
                committed += x.committed();
                duplicated += x.duplicated();
                withdrawn += x.withdrawn();
            }
            point(d.node() + " committed (" + d.delivery() + ")", d.time(), committed, 0);
            if (duplicated > 0 || series.containsKey(d.node() + " duplicated")) point(d.node() + " duplicated", d.time(), duplicated, 1);
            if (withdrawn > 0 || series.containsKey(d.node() + " withdrawn")) point(d.node() + " withdrawn", d.time(), withdrawn, 2);
        }
    }

    private void mark(Marked m) {
        marks.add(m);
        var marker = Charts.moment(m.time(), m.label(), m.color());
        // Checkpoints label the top, failures and restores the bottom: a restore and the checkpoint after it often coincide.
        if (!m.label().startsWith("checkpoint")) {
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        }
        plot.addDomainMarker(marker);
        changed = true;
    }

    /** Kind 0: committed (solid), 1: duplicated (red), 2: withdrawn (amber); a step line per sink and kind. */
    private void point(String name, long time, long value, int kind) {
        XYSeries s = series.get(name);
        if (s == null) {
            s = Charts.series(name);
            series.put(name, s);
            lines.addSeries(s);
            int i = lines.getSeriesCount() - 1;
            java.awt.Color c = kind == 1 ? Charts.LATE : kind == 2 ? new java.awt.Color(0xd9, 0x77, 0x06)
                    : Charts.LINES[(int) (series.keySet().stream().filter(k -> k.contains(" committed")).count() - 1) % Charts.LINES.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(kind == 0 ? 2.5f : 2f));
        }
        // Every report is a point, also an unchanged one: a step line needs two to be drawn at all.
        s.add(time, value, false);
        changed = true;
    }

    @Override
    public void frame() {
        if (!changed || !redraw.due()) return;
        changed = false;
        series.values().forEach(XYSeries::fireSeriesChanged);
        redraw.now();
    }

    @Override
    public Map<String, Integer> seriesSizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        series.forEach((name, s) -> m.put(name, s.getItemCount()));
        m.put("checkpoints", (int) checkpoints);
        m.put("restores", (int) restores);
        return m;
    }

    List<Marked> marks() { return List.copyOf(marks); }

    List<String> events() { return List.copyOf(events); }

    /** A sink's latest committed, duplicated and withdrawn records, summed over its subtasks, for tests. */
    long[] delivered(String sink) {
        long[] t = new long[3];
        for (Observation.SinkDelivery d : latest.getOrDefault(sink, Map.of()).values()) {
            t[0] += d.committed();
            t[1] += d.duplicated();
            t[2] += d.withdrawn();
        }
        return t;
    }
}
