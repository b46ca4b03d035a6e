package dev.eddy.app.run;

import dev.eddy.catalog.Durations;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A timeline per key of one window node: each window as a bar over its event-time span (blue while
 * open, green once fired, grey when merged into a larger session), the allowed-lateness band after
 * its end in amber, its elements as dots, each firing as a triangle. Clicking a window lists what it
 * holds, each firing with the trigger's reason, and the result rows it produced (their lineage).
 */
final class WindowsView extends BorderPane implements RunView {
    /** One window of one key, as the engine's observations describe it. */
    static final class Win {
        final String node;
        final Object key;
        final long start;
        final long end;
        /** The first elements, kept to be listed; the count is of all of them. */
        final List<Row> elements = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();
        int elementCount;
        /** Whether the engine folds the elements into an accumulator instead of keeping them. */
        boolean folded;
        final List<String> firings = new ArrayList<>();
        final List<String> results = new ArrayList<>();
        boolean merged;
        boolean cleared;

        Win(String node, Object key, long start, long end) {
            this.node = node;
            this.key = key;
            this.start = start;
            this.end = end;
        }
    }

    private record Id(String node, Object key, long start, long end) {}

    /** Elements a window keeps to list when clicked; a window of a million records lists its first ones. */
    static final int ELEMENTS_KEPT = 200;
    /** Windows the view keeps; beyond it the oldest that are done (fired or cleaned up) make room. */
    static final int WINDOWS_KEPT = 5_000;

    private final Pipeline pipeline;
    private final dev.eddy.validate.ValidationResult validation;
    private final ComboBox<String> node = new ComboBox<>();
    private final Map<Id, Win> windows = new LinkedHashMap<>();
    /** Per window node, each key's row on the chart, in order of first appearance. */
    private final Map<String, Map<Object, Integer>> keysOf = new LinkedHashMap<>();
    /** Result rows a window subtask emitted since its last firing report: the rows of its next WindowFired. */
    private final Map<String, List<Row>> pendingResults = new LinkedHashMap<>();
    private final XYIntervalSeries open = new XYIntervalSeries("open window");
    private final XYIntervalSeries fired = new XYIntervalSeries("fired");
    private final XYIntervalSeries mergedAway = new XYIntervalSeries("merged into a session");
    private final XYIntervalSeries lateness = new XYIntervalSeries("allowed lateness");
    private final XYSeries elementDots = Charts.series("elements");
    private final XYSeries firingMarks = Charts.series("firings");
    private final List<List<Win>> barOwners = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final List<Win> firingOwners = new ArrayList<>();
    private final XYPlot plot;
    private final TextArea details = new TextArea();
    private final Label summary = new Label();
    private final Map<String, Schema> inputSchemaOf = new java.util.HashMap<>();
    private boolean changed;
    private boolean dotsStale;
    private final Charts.Redraw redraw;
    /** Per window node, its firings and session merges so far. */
    private final Map<String, Integer> firedCount = new java.util.HashMap<>();
    private final Map<String, Integer> mergeCount = new java.util.HashMap<>();

    WindowsView(Pipeline pipeline, dev.eddy.validate.ValidationResult validation) {
        this.pipeline = pipeline;
        this.validation = validation;
        setId("windows-view");
        node.setId("windows-node");
        pipeline.nodes().stream().filter(n -> n.type().equals("window")).forEach(n -> node.getItems().add(n.id()));
        if (!node.getItems().isEmpty()) node.getSelectionModel().select(0);
        node.valueProperty().addListener((o, a, b) -> {
            changed = true;
            dotsStale = true;
            frame();
        });
        for (Node n : pipeline.nodes()) inputSchemaOf.put(n.id(), validation.schemaInto(pipeline, n.id()));
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(lateness);
        bars.addSeries(open);
        bars.addSeries(fired);
        bars.addSeries(mergedAway);
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setUseYInterval(true);
        barRenderer.setShadowVisible(false);
        barRenderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        barRenderer.setSeriesPaint(0, Charts.LATENESS);
        barRenderer.setSeriesPaint(1, Charts.OPEN);
        barRenderer.setSeriesPaint(2, Charts.FIRED);
        barRenderer.setSeriesPaint(3, Charts.MERGED);
        barRenderer.setDrawBarOutline(true);
        // Adjacent windows of one key touch: a white edge keeps each one its own bar.
        for (int i = 0; i < 4; i++) {
            barRenderer.setSeriesOutlinePaint(i, java.awt.Color.WHITE);
            barRenderer.setSeriesOutlineStroke(i, new java.awt.BasicStroke(2f));
        }
        plot = new XYPlot(bars, new SymbolAxis("key", new String[0]), Charts.timeAxis("event time"), barRenderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        XYSeriesCollection marks = new XYSeriesCollection();
        marks.addSeries(elementDots);
        marks.addSeries(firingMarks);
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        markRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        markRenderer.setSeriesPaint(0, new java.awt.Color(0x1e, 0x29, 0x3b));
        markRenderer.setSeriesShape(1, new java.awt.Polygon(new int[] {-6, 6, 0}, new int[] {-6, -6, 4}, 3));
        markRenderer.setSeriesPaint(1, Charts.FIRED.darker());
        // Thousands of dots need no click targets; the windows and firings do.
        markRenderer.setSeriesCreateEntities(0, false);
        plot.setDataset(1, marks);
        plot.setRenderer(1, markRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Windows", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartViewer viewer = Charts.viewer(chart, "windows-chart");
        redraw = new Charts.Redraw(chart, this);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                if (e.getEntity() instanceof XYItemEntity item) showWindowAt(item);
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) { }
        });
        details.setId("window-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText("Click a window to see its elements, its firings and their reasons, and the rows it produced.");
        summary.setId("windows-summary");
        SplitPane split = new SplitPane(viewer, details);
        split.setDividerPositions(0.7);
        setTop(new HBox(8, new Label("Window node"), node, summary));
        setCenter(split);
    }

    @Override
    public void reset() {
        windows.clear();
        keysOf.clear();
        pendingResults.clear();
        firedCount.clear();
        mergeCount.clear();
        details.clear();
        elementDots.clear();
        changed = true;
    }

    @Override
    public void accept(Observation o) {
        if (o instanceof Observation.WindowElementAdded a) {
            Win w = window(a.node(), a.key(), a.start(), a.end());
            w.elementCount++;
            w.folded = a.folded();
            if (w.elements.size() < ELEMENTS_KEPT) {
                w.elements.add(a.row());
                w.timestamps.add(a.timestamp());
            }
            if (a.node().equals(node.getValue())) elementDots.add((double) keysOf.get(a.node()).get(a.key()), a.timestamp(), false);
            changed = true;
        } else if (o instanceof Observation.RecordSampled r && "out".equals(r.port()) && isWindowNode(r.node())) {
            pendingResults.computeIfAbsent(r.node() + "#" + r.subtask(), k -> new ArrayList<>()).add(r.row());
        } else if (o instanceof Observation.WindowFired f) {
            Win w = window(f.node(), f.key(), f.start(), f.end());
            w.firings.add("at processing time " + Charts.clock(f.time()) + ", watermark " + Charts.clock(f.watermark())
                    + ": " + f.reason() + " → " + f.results() + " row(s)");
            List<Row> rows = pendingResults.remove(f.node() + "#" + f.subtask());
            if (rows != null) {
                // The window emits its rows, then reports the firing: the last rows are this firing's.
                for (Row r : rows.subList(Math.max(0, rows.size() - f.results()), rows.size())) {
                    w.results.add(OutputView.text(validation.schema(f.node(), "out"), r));
                }
            }
            firedCount.merge(f.node(), 1, Integer::sum);
            changed = true;
        } else if (o instanceof Observation.WindowCleared c) {
            Win w = windows.get(new Id(c.node(), c.key(), c.start(), c.end()));
            if (w != null) w.cleared = true;
        } else if (o instanceof Observation.WindowsMerged m) {
            mergeCount.merge(m.node(), 1, Integer::sum);
            Win into = window(m.node(), m.key(), m.start(), m.end());
            for (Win w : windows.values()) {
                if (w != into && w.node.equals(m.node()) && Objects.equals(w.key, m.key()) && w.start >= m.start() && w.end <= m.end()) {
                    w.merged = true;
                    for (int i = 0; i < w.elements.size() && into.elements.size() < ELEMENTS_KEPT; i++) {
                        into.elements.add(w.elements.get(i));
                        into.timestamps.add(w.timestamps.get(i));
                    }
                    into.elementCount += w.elementCount;
                    w.elements.clear();
                    w.timestamps.clear();
                    w.elementCount = 0;
                }
            }
            changed = true;
        }
    }

    private boolean isWindowNode(String id) { return node.getItems().contains(id); }

    private Win window(String nodeId, Object key, long start, long end) {
        Map<Object, Integer> keys = keysOf.computeIfAbsent(nodeId, k -> new java.util.HashMap<>());
        keys.putIfAbsent(key, keys.size());
        Id id = new Id(nodeId, key, start, end);
        Win w = windows.get(id);
        if (w == null) {
            w = new Win(nodeId, key, start, end);
            windows.put(id, w);
            if (windows.size() > WINDOWS_KEPT) forgetOldest();
        }
        return w;
    }

    private void forgetOldest() {
        var it = windows.values().iterator();
        while (windows.size() > WINDOWS_KEPT * 9 / 10 && it.hasNext()) {
            Win w = it.next();
            if (w.cleared || w.merged || !w.firings.isEmpty()) it.remove();
        }
        dotsStale = true;
    }

    @Override
    public void frame() {
        if (!changed || !redraw.due()) return;
        changed = false;
        String shown = node.getValue();
        Map<Object, Integer> keys = keysOf.getOrDefault(shown, Map.of());
        String[] names = new String[keys.size()];
        keys.forEach((k, i) -> names[i] = k == null ? "(all)" : String.valueOf(k));
        SymbolAxis axis = new SymbolAxis("key", names);
        plot.setDomainAxis(axis);
        List<XYIntervalSeries> bars = List.of(lateness, open, fired, mergedAway);
        bars.forEach(XYIntervalSeries::clear);
        barOwners.forEach(List::clear);
        if (dotsStale) elementDots.clear();
        firingMarks.clear();
        firingOwners.clear();
        long allowed = allowedLateness(shown);
        for (Win w : windows.values()) {
            if (!w.node.equals(shown) || w.start == Long.MIN_VALUE) continue;
            int k = keys.get(w.key);
            XYIntervalSeries s = w.merged ? mergedAway : w.firings.isEmpty() ? open : fired;
            s.add(new org.jfree.data.xy.XYIntervalDataItem(k, k - 0.3, k + 0.3, w.start, w.start, w.end), false);
            barOwners.get(bars.indexOf(s)).add(w);
            if (allowed > 0 && !w.merged) {
                lateness.add(new org.jfree.data.xy.XYIntervalDataItem(k, k - 0.15, k + 0.15, w.end, w.end, w.end + allowed), false);
                barOwners.get(0).add(w);
            }
            if (dotsStale) for (long ts : w.timestamps) elementDots.add(k, ts, false);
            if (!w.firings.isEmpty()) {
                firingMarks.add(k + 0.42, w.end, false);
                firingOwners.add(w);
            }
        }
        dotsStale = false;
        bars.forEach(XYIntervalSeries::fireSeriesChanged);
        elementDots.fireSeriesChanged();
        firingMarks.fireSeriesChanged();
        redraw.now();
        summary.setText(windows.values().stream().filter(w -> w.node.equals(shown)).count() + " windows, "
                + firedCount.getOrDefault(shown, 0) + " firings, " + mergeCount.getOrDefault(shown, 0) + " session merges");
    }

    private long allowedLateness(String nodeId) {
        Node n = nodeId == null ? null : pipeline.node(nodeId).orElse(null);
        if (n == null || !n.paramsView().hasNonNull("allowedLateness")) return 0;
        try {
            return Durations.parse(n.paramsView().get("allowedLateness").asText());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void showWindowAt(XYItemEntity item) {
        Win w = null;
        if (item.getDataset() instanceof XYIntervalSeriesCollection) {
            List<Win> owners = barOwners.get(item.getSeriesIndex());
            if (item.getItem() < owners.size()) w = owners.get(item.getItem());
        } else if (item.getSeriesIndex() == 1 && item.getItem() < firingOwners.size()) {
            w = firingOwners.get(item.getItem());
        }
        if (w != null) show(w);
    }

    /** Lists a window's contents, firings and results in the details pane. */
    void show(Win w) {
        StringBuilder b = new StringBuilder();
        b.append("Window [").append(Charts.clock(w.start)).append(", ").append(Charts.clock(w.end)).append(") of key ").append(w.key)
                .append(w.merged ? " (merged into a larger session)" : w.cleared ? " (cleaned up)" : "").append('\n');
        b.append("\nElements (").append(w.elementCount).append(w.elementCount > w.elements.size() ? ", the first "
                + w.elements.size() + " listed" : "").append("):\n");
        if (w.folded) {
            b.append("  (an incremental function: each was folded into one accumulator as it came, and the window keeps"
                    + " no elements; they are listed from what the run reported)\n");
        }
        Schema in = inputSchemaOf.get(w.node);
        for (int i = 0; i < w.elements.size(); i++) {
            b.append("  ").append(OutputView.text(in, w.elements.get(i))).append("  @ ").append(Charts.clock(w.timestamps.get(i))).append('\n');
        }
        b.append("\nFirings (").append(w.firings.size()).append("):\n");
        w.firings.forEach(f -> b.append("  ").append(f).append('\n'));
        b.append("\nResults, computed from the elements above:\n");
        w.results.forEach(r -> b.append("  ").append(r).append('\n'));
        details.setText(b.toString());
    }

    /**
     * Shows the window whose firing produced this result row (as the sink received it), with the
     * elements it was computed from; false when no window of the run produced it.
     */
    boolean showResultOf(String record) {
        for (Win w : windows.values()) {
            if (!w.results.contains(record)) continue;
            node.setValue(w.node);
            show(w);
            return true;
        }
        return false;
    }

    /** The windows of the shown node, for tests and the capture. */
    List<Win> windows() {
        return windows.values().stream().filter(w -> w.node.equals(node.getValue())).toList();
    }

    String details() { return details.getText(); }

    int firings() { return firedCount.values().stream().mapToInt(Integer::intValue).sum(); }

    int merges() { return mergeCount.values().stream().mapToInt(Integer::intValue).sum(); }

    @Override
    public Map<String, Integer> seriesSizes() {
        return Map.of("windows", open.getItemCount() + fired.getItemCount() + mergedAway.getItemCount(),
                "elements", elementDots.getItemCount(), "firings", firingMarks.getItemCount());
    }
}
