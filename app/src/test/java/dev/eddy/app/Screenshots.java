package dev.eddy.app;

import dev.eddy.app.run.Snapshots;
import java.nio.file.Path;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what the window shows under app/target/screenshots, for a person to look at (and the README to show). */
public final class Screenshots {
    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {}

    public static Path save(Scene scene, String name) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Snapshots.writePng(scene.getRoot(), DIR.resolve(name + ".png"))).get();
        } catch (Exception e) {
            throw new IllegalStateException("no snapshot of the window: " + e.getMessage(), e);
        }
    }
}
