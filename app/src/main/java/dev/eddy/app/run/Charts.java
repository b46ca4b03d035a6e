package dev.eddy.app.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;

/** The live run's chart conventions: times on UTC clocks, one palette, quiet grid lines, no animation. */
final class Charts {
    static final Color RECORD = new Color(0x3b, 0x82, 0xf6, 170);
    static final Color LATE = new Color(0xdc, 0x26, 0x26);
    static final Color FIRED = new Color(0x16, 0xa3, 0x4a);
    static final Color OPEN = new Color(0x3b, 0x82, 0xf6, 120);
    static final Color LATENESS = new Color(0xf5, 0x9e, 0x0b, 90);
    static final Color MERGED = new Color(0x94, 0xa3, 0xb8, 90);
    static final Color[] LINES = {new Color(0x7c, 0x3a, 0xed), new Color(0x05, 0x96, 0x69), new Color(0xea, 0x58, 0x0c),
            new Color(0x0e, 0x74, 0x90), new Color(0xbe, 0x18, 0x5d), new Color(0x4d, 0x7c, 0x0f)};
    /** Points a series keeps; older ones scroll out, so a chart never grows without bound. */
    static final int MAX_POINTS = 8_000;

    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    private Charts() {}

    static DateAxis timeAxis(String label) {
        DateAxis a = new DateAxis(label);
        SimpleDateFormat f = new SimpleDateFormat("HH:mm:ss.SSS");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        a.setDateFormatOverride(f);
        a.setTimeZone(TimeZone.getTimeZone("UTC"));
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return a;
    }

    static void style(JFreeChart chart) {
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(new Color(0xfa, 0xfa, 0xfa));
            p.setDomainGridlinePaint(new Color(0xe2, 0xe8, 0xf0));
            p.setRangeGridlinePaint(new Color(0xe2, 0xe8, 0xf0));
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setRangeGridlineStroke(new BasicStroke(1f));
        }
    }

    static ChartViewer viewer(JFreeChart chart, String id) {
        style(chart);
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinSize(200, 150);
        return v;
    }

    /** A moment of the run marked across a chart of processing time: a dashed line with its label at the top. */
    static org.jfree.chart.plot.ValueMarker moment(long time, String label, Color color) {
        org.jfree.chart.plot.ValueMarker v = new org.jfree.chart.plot.ValueMarker(time, color,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        v.setLabel(label);
        v.setLabelPaint(color);
        v.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        v.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        v.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        return v;
    }

    /** An instant as the charts' axes show it, with the engine's two ends of time in words. */
    static String clock(long t) {
        if (t == Long.MIN_VALUE) return "none yet";
        if (t == Long.MAX_VALUE) return "end of input";
        return CLOCK.format(java.time.Instant.ofEpochMilli(t));
    }

    /**
     * When a chart is drawn again: at most ten times a second, only while it is on screen, and once
     * for all that changed since (its series are told with notify off, the chart once at the end).
     * Drawing thousands of shapes in software is the costliest thing the live run does.
     */
    static final class Redraw {
        private static final long EVERY_NANOS = 100_000_000L;
        private final JFreeChart chart;
        private final javafx.scene.Node view;
        private long last;

        Redraw(JFreeChart chart, javafx.scene.Node view) {
            this.chart = chart;
            this.view = view;
            chart.setNotify(false);
        }

        boolean due() {
            if (view.getScene() == null || !view.isVisible() || (view.getParent() != null && !view.getParent().isVisible())) return false;
            return System.nanoTime() - last >= EVERY_NANOS;
        }

        void now() {
            last = System.nanoTime();
            chart.setNotify(true);
            chart.setNotify(false);
        }
    }

    /** A series of points that arrive in order of x (or are drawn as shapes only), kept down-sampled. */
    static XYSeries series(String name) { return new Downsampled(name); }

    /**
     * A chart's whole history within a fixed number of points: when it is full, every second point
     * is dropped and from then on only every second point offered is kept, so the series always
     * spans the run from its start, evenly thinned, and each add costs O(1) amortized.
     */
    static final class Downsampled extends XYSeries {
        private long stride = 1;
        private long offered;

        Downsampled(String name) { super(name, false, true); }

        @Override
        public void add(org.jfree.data.xy.XYDataItem item, boolean notify) {
            if (offered++ % stride != 0) return;
            super.add(item, notify);
            if (getItemCount() >= MAX_POINTS) thin();
        }

        private void thin() {
            java.util.List<org.jfree.data.xy.XYDataItem> keep = new java.util.ArrayList<>(getItemCount() / 2 + 1);
            for (int i = 0; i < getItemCount(); i += 2) keep.add(getDataItem(i));
            super.clear();
            for (org.jfree.data.xy.XYDataItem item : keep) super.add(item, false);
            stride *= 2;
        }

        @Override
        public void clear() {
            super.clear();
            stride = 1;
            offered = 0;
        }
    }
}
