package dev.eddy.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what the window shows under app/target/screenshots, for a person to look at (and the README to show). */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {}

    static Path save(Scene scene, String name) {
        WritableImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(() -> scene.getRoot().snapshot(null, null)).get();
        } catch (Exception e) {
            throw new IllegalStateException("no snapshot of the window", e);
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        }
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
