package dev.eddy.app.canvas;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/** Pan and zoom of the canvas: screen = offset + zoom × world. */
public final class Viewport {
    static final double MIN_ZOOM = 0.2;
    static final double MAX_ZOOM = 3;

    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private final GridLayer grid;
    /** True from a fit until the person pans or zooms: until then a resized canvas fits again. */
    private boolean fitted;

    Viewport(Group world, GridLayer grid) {
        this.grid = grid;
        world.getTransforms().setAll(pan, scale);
    }

    public double zoom() { return zoom.get(); }

    public ReadOnlyDoubleProperty zoomProperty() { return zoom.getReadOnlyProperty(); }

    public double offsetX() { return pan.getX(); }

    public double offsetY() { return pan.getY(); }

    public Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.get(), (y - pan.getY()) / zoom.get());
    }

    Point2D toWorld(Point2D local) { return toWorld(local.getX(), local.getY()); }

    public void panBy(double dx, double dy) {
        fitted = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
        grid.redraw(this);
    }

    /** Zooms by a factor keeping the world point under (x, y) where it is. */
    public void zoomAt(double factor, double x, double y) {
        fitted = false;
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        Point2D w = toWorld(x, y);
        set(z, x - w.getX() * z, y - w.getY() * z);
    }

    void fit(Bounds world, double width, double height) {
        double margin = 40;
        double z = Math.min((width - 2 * margin) / Math.max(1, world.getWidth()), (height - 2 * margin) / Math.max(1, world.getHeight()));
        z = Math.max(MIN_ZOOM, Math.min(1.25, z));
        set(z, (width - world.getWidth() * z) / 2 - world.getMinX() * z, (height - world.getHeight() * z) / 2 - world.getMinY() * z);
        fitted = true;
    }

    boolean fitted() { return fitted; }

    void reset() {
        set(1, 0, 0);
        fitted = false;
    }

    private void set(double z, double x, double y) {
        zoom.set(z);
        scale.setX(z);
        scale.setY(z);
        pan.setX(x);
        pan.setY(y);
        grid.redraw(this);
    }
}
