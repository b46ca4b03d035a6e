package dev.eddy.app;

import dev.eddy.app.files.AppHome;
import dev.eddy.nodes.StandardCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real designer window, with its own app folder, before each test. */
public abstract class DesignerTestBase {
    protected final FxRobot robot = new FxRobot();
    protected DesignerWindow window;
    protected Path home;
    protected Path work;

    /** Override to prepare the app folder (an autosave left behind, say) before the window opens. */
    protected void beforeShow(Path home) throws IOException {}

    /** The file the window opens with, or null for the start page. */
    protected Path initialFile() throws IOException { return null; }

    @BeforeEach
    protected void start() throws Exception {
        home = Files.createTempDirectory("eddy-home");
        work = Files.createTempDirectory("eddy-work");
        beforeShow(home);
        Path file = initialFile();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            window = new DesignerWindow(stage, StandardCatalog.get(), new AppHome(home));
            window.show(file);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    protected void stop() throws Exception {
        // Nothing may ask "save first?" while the test's stage is torn down.
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.document().replace(dev.eddy.app.document.Document.empty(), null)).get();
        }
        FxToolkit.cleanupStages();
        for (Path dir : new Path[] {home, work}) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A sample copied into the test's folder with the input files beside it, so that it runs, and
     * saving it cannot touch the repository.
     */
    protected Path copyOfSample(String name) throws IOException {
        Path folder = Path.of(System.getProperty("eddy.samples"), name);
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, work.resolve(f.getFileName()));
        }
        return work.resolve(name + ".json");
    }

    protected void shortcut(KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all).release(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected boolean present(String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }
}
