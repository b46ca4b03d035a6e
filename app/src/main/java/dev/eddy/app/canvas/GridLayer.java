package dev.eddy.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The dotted grid behind the nodes, drawn in screen space so that it costs the same at any zoom.
 */
final class GridLayer extends Region {
    /** Mid grey, half transparent: visible on the light theme and the dark one alike. */
    private static final Color DOTS = Color.gray(0.5, 0.45);

    private final double step;
    private final Canvas canvas = new Canvas();

    GridLayer(double step) {
        this.step = step;
        getStyleClass().add("grid-layer");
        getChildren().add(canvas);
        setMouseTransparent(true);
    }

    void redraw(Viewport v) {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double s = step * v.zoom();
        if (s < 6) s *= 5;
        g.setFill(DOTS);
        double startX = ((v.offsetX() % s) + s) % s;
        double startY = ((v.offsetY() % s) + s) % s;
        double dot = Math.max(1, Math.min(2, v.zoom() * 1.5));
        for (double x = startX; x < w; x += s) {
            for (double y = startY; y < h; y += s) g.fillRect(x, y, dot, dot);
        }
    }
}
