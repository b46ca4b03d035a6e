package dev.eddy.app.run;

import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.run.WatermarkDiagnosis;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Event time against processing time: each record leaving a watermark strategy as a dot at
 * (when it was seen, its timestamp), each operator's watermark as a step line, and the late
 * records in red. The gap between the highest dots and a strategy's line is its out-of-orderness bound.
 */
final class WatermarksView extends BorderPane implements RunView {
    private final Set<String> timestamped;
    private final XYSeries records = Charts.series("records (event time)");
    private final XYSeries late = Charts.series("late records");
    private final XYSeriesCollection dots = new XYSeriesCollection();
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final Map<String, XYSeries> watermarkOf = new LinkedHashMap<>();
    /** Each node's latest watermark per subtask: a node's line is the lowest of them, as Flink's UI shows it. */
    private final Map<String, Map<Integer, Long>> subtaskWatermarks = new HashMap<>();
    private final XYStepRenderer stepRenderer = new XYStepRenderer();
    private final Charts.Redraw redraw;
    private final XYPlot plot;
    private boolean changed;

    WatermarksView(Pipeline pipeline) {
        setId("watermarks-view");
        timestamped = pipeline.nodes().stream().filter(WatermarkDiagnosis::isGenerator).map(n -> n.id()).collect(Collectors.toSet());
        if (timestamped.isEmpty()) pipeline.nodes().stream().filter(n -> n.type().startsWith("source.")).forEach(n -> timestamped.add(n.id()));
        dots.addSeries(records);
        dots.addSeries(late);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dotRenderer.setSeriesPaint(0, Charts.RECORD);
        dotRenderer.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-3, -3, 6, 6));
        dotRenderer.setSeriesPaint(1, Charts.LATE);
        dotRenderer.setSeriesCreateEntities(0, false);
        plot = new XYPlot(dots, Charts.timeAxis("processing time"), Charts.timeAxis("event time"), dotRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, stepRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Watermarks", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartViewer viewer = Charts.viewer(chart, "watermarks-chart");
        setCenter(viewer);
        redraw = new Charts.Redraw(chart, this);
    }

    @Override
    public void reset() {
        records.clear();
        late.clear();
        lines.removeAllSeries();
        watermarkOf.clear();
        subtaskWatermarks.clear();
        plot.clearDomainMarkers();
        changed = true;
    }

    @Override
    public void accept(Observation o) {
        // A restore throws the watermarks away (Flink does not checkpoint them): the lines start again below.
        if (o instanceof Observation.RestoredFromCheckpoint r) {
            plot.addDomainMarker(Charts.moment(r.time(), r.checkpoint() == 0 ? "restarted" : "restored " + r.checkpoint(), Charts.FIRED));
            subtaskWatermarks.clear();
            changed = true;
        } else if (o instanceof Observation.JobStateChanged s && s.state() == dev.eddy.observe.JobState.RESTARTING) {
            plot.addDomainMarker(Charts.moment(s.time(), "failure", Charts.LATE));
            changed = true;
        } else if (o instanceof Observation.RecordSampled r && timestamped.contains(r.node()) && "out".equals(r.port())
                && r.timestamp() != Long.MIN_VALUE) {
            records.add(r.time(), r.timestamp(), false);
            changed = true;
        } else if (o instanceof Observation.LateRecord l) {
            late.add(l.time(), l.timestamp(), false);
            changed = true;
        } else if (o instanceof Observation.WatermarkAdvanced w && w.watermark() != Long.MAX_VALUE && w.watermark() != Long.MIN_VALUE) {
            Map<Integer, Long> subs = subtaskWatermarks.computeIfAbsent(w.node(), k -> new HashMap<>());
            subs.put(w.subtask(), w.watermark());
            long low = subs.values().stream().mapToLong(Long::longValue).min().orElse(w.watermark());
            XYSeries line = watermarkOf.get(w.node());
            if (line == null) {
                line = Charts.series("watermark of " + w.node());
                watermarkOf.put(w.node(), line);
                lines.addSeries(line);
                int i = lines.getSeriesCount() - 1;
                stepRenderer.setSeriesPaint(i, Charts.LINES[i % Charts.LINES.length]);
                stepRenderer.setSeriesStroke(i, new BasicStroke(2f));
            }
            if (line.getItemCount() == 0 || line.getY(line.getItemCount() - 1).longValue() != low) {
                line.add(w.time(), low, false);
                changed = true;
            }
        }
    }

    @Override
    public void frame() {
        if (!changed || !redraw.due()) return;
        changed = false;
        records.fireSeriesChanged();
        late.fireSeriesChanged();
        watermarkOf.values().forEach(XYSeries::fireSeriesChanged);
        redraw.now();
    }

    @Override
    public Map<String, Integer> seriesSizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("records", records.getItemCount());
        m.put("late", late.getItemCount());
        watermarkOf.forEach((node, s) -> m.put("watermark " + node, s.getItemCount()));
        return m;
    }

    int watermarkSteps(String node) {
        XYSeries s = watermarkOf.get(node);
        return s == null ? 0 : s.getItemCount();
    }

    /** The watermark line's values, for tests: they never go down. */
    java.util.List<Long> watermarkValues(String node) {
        XYSeries s = watermarkOf.get(node);
        java.util.List<Long> out = new java.util.ArrayList<>();
        if (s != null) for (int i = 0; i < s.getItemCount(); i++) out.add(s.getY(i).longValue());
        return out;
    }

    int recordDots() { return records.getItemCount(); }

    int lateDots() { return late.getItemCount(); }
}
