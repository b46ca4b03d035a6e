package dev.eddy.app.files;

import dev.eddy.app.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** What a person sees before opening anything: the samples with their descriptions, the lessons with their tasks, recent files, new and open. */
public final class StartPage extends ScrollPane {
    public StartPage(List<Samples.Sample> samples, List<Samples.Sample> lessons, List<Path> recent, Consumer<Path> open, Runnable blank, Runnable browse) {
        setId("start-page");
        getStyleClass().add("start-page");
        setFitToWidth(true);
        VBox box = new VBox(14);
        box.setPadding(new Insets(32, 40, 32, 40));
        Label title = new Label("Eddy");
        title.getStyleClass().add("start-title");
        Label tagline = new Label("Build a stream pipeline, see it work. Start from a sample, or drag nodes from the palette.");
        tagline.setWrapText(true);
        Button newButton = new Button("New pipeline", Icons.of("mdi2p-plus"));
        newButton.setId("start-new");
        newButton.setOnAction(e -> blank.run());
        Button openButton = new Button("Open…", Icons.of("mdi2f-folder-open-outline"));
        openButton.setOnAction(e -> browse.run());
        box.getChildren().addAll(title, tagline, new HBox(8, newButton, openButton));
        Label samplesTitle = new Label("Samples");
        samplesTitle.getStyleClass().add("start-section");
        FlowPane cards = cards(samples, s -> "sample-" + s.file().getParent().getFileName(), open);
        box.getChildren().addAll(samplesTitle, samples.isEmpty() ? new Label("No samples folder found.") : cards);
        if (!lessons.isEmpty()) {
            Label lessonsTitle = new Label("Lessons");
            lessonsTitle.getStyleClass().add("start-section");
            Label how = new Label("Each has a task beside the canvas; run it, and the lesson says whether the task is done, and if not, why.");
            how.setWrapText(true);
            box.getChildren().addAll(lessonsTitle, how,
                    cards(lessons, s -> "lesson-" + s.file().getFileName().toString().replaceFirst("\\.json$", ""), open));
        }
        if (!recent.isEmpty()) {
            Label recentTitle = new Label("Recent");
            recentTitle.getStyleClass().add("start-section");
            box.getChildren().add(recentTitle);
            for (Path p : recent) {
                Hyperlink link = new Hyperlink(p.toString());
                link.setOnAction(e -> open.accept(p));
                box.getChildren().add(link);
            }
        }
        setContent(box);
    }

    private static FlowPane cards(List<Samples.Sample> samples, java.util.function.Function<Samples.Sample, String> id, Consumer<Path> open) {
        FlowPane cards = new FlowPane(12, 12);
        for (Samples.Sample s : samples) {
            VBox card = new VBox(6);
            card.getStyleClass().add("sample-card");
            card.setId(id.apply(s));
            Label name = new Label(s.name());
            name.getStyleClass().add("sample-name");
            Label description = new Label(s.description());
            description.setWrapText(true);
            card.getChildren().addAll(name, description);
            card.setPrefWidth(300);
            card.setOnMouseClicked(e -> open.accept(s.file()));
            cards.getChildren().add(card);
        }
        return cards;
    }
}
