package dev.eddy.app;

import dev.eddy.app.files.AppHome;
import dev.eddy.nodes.StandardCatalog;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** Starts the designer: {@code eddy design [PIPELINE.json]}, or its measurement with {@code --measure [NODES]}. */
public final class EddyDesigner extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        DesignerWindow window = new DesignerWindow(stage, StandardCatalog.get(), AppHome.fromSystem());
        window.show(args.isEmpty() ? null : Path.of(args.get(0)));
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--measure")) Application.launch(DesignerMeasure.class, args);
        else launch(args);
    }
}
