package dev.eddy.app;

import dev.eddy.app.files.AppHome;
import dev.eddy.app.run.RunCapture;
import dev.eddy.nodes.StandardCatalog;
import dev.eddy.runtime.driver.Pacer;
import java.nio.file.Files;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The designer as a JavaFX application: the window, and with {@code --capture} the capture ({@link DesignOptions}). */
public final class EddyDesigner extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        DesignOptions o = DesignOptions.parse(getParameters().getRaw().toArray(String[]::new), new int[1]);
        // A capture must not touch the user's recent files or autosave: it gets an app folder of its own.
        AppHome home = o.capture == null ? AppHome.fromSystem() : new AppHome(Files.createTempDirectory("eddy-capture-home"));
        DesignerWindow window = new DesignerWindow(stage, StandardCatalog.get(), home);
        window.show(o.pipeline);
        if (o.capture == null) return;
        if (window.document().get().nodes().isEmpty()) {
            System.err.println("eddy design: " + o.pipeline + " could not be opened: " + window.statusText());
            Platform.exit();
            System.exit(2);
        }
        RunCapture capture = new RunCapture(window.scene(), window.belowTabs(), window.liveRun(), o.capture, o.seconds, result -> {
            if (result.failure() != null) System.err.println("eddy design: " + result.failure());
            else System.err.println("eddy design: wrote " + result.report() + " and " + result.pictures().size() + " pictures");
            window.liveRun().reset();
            Platform.exit();
            System.exit(result.failure() == null ? 0 : 1);
        });
        Platform.runLater(() -> capture.begin(o.speed == null ? Pacer.AS_FAST_AS_POSSIBLE : o.speed));
    }
}
