package dev.eddy.app.run;

import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.observe.Observation;
import java.awt.BasicStroke;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Throughput per operator over processing time, from the counters the engine reports: records a
 * source emitted, or records any other node received, per second of the run's own clock (virtual
 * under the deterministic driver, so a paused or slowed run shows what it did, not how long it took).
 */
final class MetricsView extends BorderPane implements RunView {
    /** One node's counters summed over its subtasks, and its lowest subtask watermark. */
    record Totals(long recordsIn, long recordsOut, long errors, long watermark) {}

    private static final long RATE_WINDOW_MILLIS = 1_000;

    private final Set<String> sources;
    private final Map<String, Map<Integer, NodeMetrics.Snapshot>> latest = new LinkedHashMap<>();
    private final Map<String, XYSeries> rateOf = new LinkedHashMap<>();
    /** Per node, the counts at recent report times: a rate is taken over the last second of the run's clock. */
    private final Map<String, java.util.ArrayDeque<long[]>> history = new HashMap<>();
    private final XYSeriesCollection rates = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final Charts.Redraw redraw;
    private long reportTime = Long.MIN_VALUE;
    private boolean changed;

    MetricsView(Pipeline pipeline) {
        setId("metrics-view");
        sources = pipeline.nodes().stream().filter(n -> n.type().startsWith("source.")).map(Node::id).collect(Collectors.toSet());
        NumberAxis y = new NumberAxis("records per second");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(rates, Charts.timeAxis("processing time"), y, renderer);
        JFreeChart chart = new JFreeChart("Throughput per operator", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        setCenter(Charts.viewer(chart, "metrics-chart"));
        redraw = new Charts.Redraw(chart, this);
    }

    @Override
    public void reset() {
        latest.clear();
        history.clear();
        rateOf.clear();
        rates.removeAllSeries();
        reportTime = Long.MIN_VALUE;
        changed = true;
    }

    @Override
    public void accept(Observation o) {
        if (!(o instanceof Observation.MetricsReported m)) return;
        // One report carries every subtask at the same instant: a point is due once the next one starts.
        if (m.time() != reportTime && reportTime != Long.MIN_VALUE) plot(reportTime);
        reportTime = m.time();
        latest.computeIfAbsent(m.node(), k -> new HashMap<>()).put(m.subtask(), m.totals());
    }

    private void plot(long at) {
        for (String node : latest.keySet()) {
            Totals t = totals(node);
            long count = sources.contains(node) ? t.recordsOut() : t.recordsIn();
            java.util.ArrayDeque<long[]> h = history.computeIfAbsent(node, k -> new java.util.ArrayDeque<>());
            if (!h.isEmpty() && h.peekLast()[0] == at) h.pollLast();
            h.addLast(new long[] {at, count});
            // Keep the newest point at least a window old as the first, and drop what is older.
            while (h.size() > 2) {
                long[] first = h.pollFirst();
                if (at - h.peekFirst()[0] < RATE_WINDOW_MILLIS) {
                    h.addFirst(first);
                    break;
                }
            }
            long[] from = h.peekFirst();
            if (from[0] >= at) continue;
            double rate = (count - from[1]) * 1000.0 / (at - from[0]);
            XYSeries s = series(node);
            int last = s.getItemCount() - 1;
            if (last >= 0 && s.getX(last).longValue() == at) {
                if (s.getY(last).doubleValue() == rate) continue;
                s.updateByIndex(last, rate);
            } else {
                s.add(at, rate, false);
            }
            changed = true;
        }
    }

    private XYSeries series(String node) {
        XYSeries s = rateOf.get(node);
        if (s == null) {
            s = Charts.series(node);
            rateOf.put(node, s);
            rates.addSeries(s);
            int i = rates.getSeriesCount() - 1;
            renderer.setSeriesPaint(i, Charts.LINES[i % Charts.LINES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        return s;
    }

    @Override
    public void frame() {
        // The last report may have no successor for a long time (paused, or the run ended): draw it now.
        if (reportTime != Long.MIN_VALUE) plot(reportTime);
        if (!changed || !redraw.due()) return;
        changed = false;
        rateOf.values().forEach(XYSeries::fireSeriesChanged);
        redraw.now();
    }

    /** The node's latest counters over all its subtasks; zeros before the first report. */
    Totals totals(String node) {
        Map<Integer, NodeMetrics.Snapshot> subs = latest.get(node);
        if (subs == null) return new Totals(0, 0, 0, Long.MIN_VALUE);
        long in = 0, out = 0, errors = 0, wm = Long.MAX_VALUE;
        for (NodeMetrics.Snapshot s : subs.values()) {
            in += s.recordsIn();
            out += s.recordsOut();
            errors += s.errors();
            wm = Math.min(wm, s.lastWatermark());
        }
        return new Totals(in, out, errors, wm);
    }

    /** Each subtask's last watermark, for the per-subtask view of a node. */
    Map<Integer, Long> subtaskWatermarks(String node) {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        latest.getOrDefault(node, Map.of()).forEach((sub, s) -> m.put(sub, s.lastWatermark()));
        return m;
    }

    Set<String> reportedNodes() { return latest.keySet(); }

    /** The latest rate of a node, records per second, or 0. */
    double rate(String node) {
        XYSeries s = rateOf.get(node);
        return s == null || s.getItemCount() == 0 ? 0 : s.getY(s.getItemCount() - 1).doubleValue();
    }

    @Override
    public Map<String, Integer> seriesSizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        rateOf.forEach((node, s) -> m.put("rate " + node, s.getItemCount()));
        return m;
    }
}
