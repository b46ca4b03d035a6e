package dev.eddy.app;

import dev.eddy.app.canvas.PipelineCanvas;
import dev.eddy.app.document.Document;
import dev.eddy.app.document.Selection;
import dev.eddy.app.files.AppHome;
import dev.eddy.app.files.Autosave;
import dev.eddy.app.files.RecentFiles;
import dev.eddy.app.files.Samples;
import dev.eddy.app.files.StartPage;
import dev.eddy.app.inspector.InspectorView;
import dev.eddy.app.palette.PaletteView;
import dev.eddy.app.problems.ProblemsView;
import dev.eddy.app.run.InjectDialog;
import dev.eddy.app.run.LiveRun;
import dev.eddy.app.run.RunToolbar;
import dev.eddy.catalog.Catalog;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The designer's window: menus and toolbar on top, palette left, canvas middle, inspector right,
 * problems below, a status line at the bottom. It wires the parts to one document and one
 * selection and owns nothing else.
 */
public final class DesignerWindow {
    private final Stage stage;
    private final AppHome home;
    private final Document doc;
    private final Selection selection = new Selection();
    private final PipelineCanvas canvas;
    private final DesignerActions actions;
    private final Autosave autosave;
    private final Label status = new Label();
    private final StackPane canvasArea = new StackPane();
    private final VBox banner = new VBox();
    private final RecentFiles recent;
    private final Scene scene;
    private final Themes themes;
    private final LiveRun liveRun;
    private final TabPane below;

    public DesignerWindow(Stage stage, Catalog catalog, AppHome home) {
        this.stage = stage;
        this.home = home;
        this.doc = new Document(catalog);
        this.recent = new RecentFiles(home);
        this.autosave = new Autosave(home, doc);
        status.setId("status");
        canvas = new PipelineCanvas(doc, selection, catalog, this::say);
        actions = new DesignerActions(stage, doc, selection, canvas, recent, autosave, this::say, this::hideStartPage);
        Pane ghosts = new Pane();
        ghosts.setMouseTransparent(true);
        PaletteView palette = new PaletteView(catalog, ghosts, (entry, x, y) -> {
            if (!canvas.containsScene(x, y)) return false;
            hideStartPage();
            canvas.addAtScene(entry, x, y);
            return true;
        }, entry -> {
            hideStartPage();
            canvas.addInView(entry);
        });
        InspectorView inspector = new InspectorView(doc, selection, catalog, this::say);
        ProblemsView problems = new ProblemsView(doc, selection, () -> { });
        canvasArea.getChildren().add(canvas);
        BorderPane canvasWithBanner = new BorderPane(canvasArea);
        canvasWithBanner.setTop(banner);
        Tab problemsTab = new Tab();
        problemsTab.textProperty().bind(Bindings.createStringBinding(() -> "Problems (" + doc.validation().problems().size() + ")",
                doc.validationProperty()));
        problemsTab.setContent(problems);
        problemsTab.setClosable(false);
        liveRun = new LiveRun(doc, canvas, selection.nodes(), this::say);
        // A lesson's task stands beside the canvas for as long as the pipeline carries one.
        Runnable showLesson = () -> {
            canvasWithBanner.setRight(doc.get().lesson() == null ? null : liveRun.lessonPane());
            liveRun.lessonPane().offerSolution(solutionOf(doc.file()));
            liveRun.lessonPane().edited(doc.get());
        };
        doc.pipelineProperty().addListener((o, before, after) -> showLesson.run());
        doc.fileProperty().addListener((o, before, after) -> showLesson.run());
        below = new TabPane(problemsTab);
        below.setId("below");
        below.getTabs().addAll(liveRun.tabs());
        SplitPane middle = new SplitPane(canvasWithBanner, below);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.76);
        // Pressing play shows what the run does; the problems tab is where a pipeline that cannot run sends you.
        // The views get half the height, and the canvas refits the pipeline into the other half.
        liveRun.stateProperty().addListener((o, a, b) -> {
            if (a != dev.eddy.observe.JobState.CREATED || b == dev.eddy.observe.JobState.CREATED) return;
            if (below.getSelectionModel().getSelectedItem() == problemsTab) below.getSelectionModel().select(1);
            if (middle.getDividers().get(0).getPosition() > 0.5) {
                middle.setDividerPositions(0.5);
                javafx.application.Platform.runLater(canvas::fitToView);
            }
        });
        SplitPane columns = new SplitPane(palette, middle, inspector);
        columns.setDividerPositions(0.15, 0.76);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        themes = new Themes(home);
        BorderPane main = new BorderPane(columns);
        RunToolbar run = new RunToolbar(liveRun, new InjectDialog(doc, liveRun, this::say));
        javafx.scene.control.ToolBar tools = DesignerMenus.toolBar(actions, canvas, doc, this::say);
        tools.getItems().add(new javafx.scene.control.Separator());
        tools.getItems().addAll(run.controls());
        main.setTop(new VBox(new DesignerMenus(actions, canvas, doc, themes, this::showStartPage).menuBar(), tools, run.timelineRow()));
        main.setBottom(statusBar());
        StackPane root = new StackPane(main, ghosts);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth() * 0.94), Math.min(900, screen.getHeight() * 0.92));
        themes.apply(scene);
        acceptDroppedFiles(root);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, doc.dirtyProperty(), doc.fileProperty(), doc.pipelineProperty()));
        stage.setOnCloseRequest(e -> {
            if (!actions.confirmDiscard()) e.consume();
            else {
                liveRun.reset();
                autosave.clear();
            }
        });
    }

    private HBox statusBar() {
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Math.round(canvas.viewport().zoom() * 100) + "%",
                canvas.viewport().zoomProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        liveRun.status().setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, status, spring, liveRun.status(), zoom);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String title() {
        String name = doc.get().name() == null ? "untitled" : doc.get().name();
        Path f = doc.file();
        return (doc.isDirty() ? "● " : "") + name + (f == null ? "" : " — " + f.getFileName()) + " — Eddy";
    }

    private void acceptDroppedFiles(StackPane root) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                done = actions.openFile(e.getDragboard().getFiles().get(0).toPath(), true);
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Shows the window: with a file, that file; otherwise the start page, and an offer to restore unsaved work. */
    public void show(Path file) {
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
        if (file != null) actions.openFile(file, false);
        else showStartPage();
        Autosave.find(home).ifPresent(this::offerRestore);
    }

    private void offerRestore(Autosave.Recovered r) {
        String what = r.pipeline().name() == null ? "a pipeline" : "\"" + r.pipeline().name() + "\"";
        javafx.scene.control.Button restore = new javafx.scene.control.Button("Restore");
        restore.setId("restore-autosave");
        javafx.scene.control.Button discard = new javafx.scene.control.Button("Discard");
        restore.setOnAction(e -> {
            banner.getChildren().clear();
            hideStartPage();
            doc.replace(r.pipeline(), null);
            if (r.file() != null) say("Restored unsaved work on " + r.file() + "; save to keep it");
            canvas.fitWhenLaidOut();
        });
        discard.setOnAction(e -> {
            banner.getChildren().clear();
            autosave.clear();
        });
        HBox bar = new HBox(10, Icons.of("mdi2u-undo-variant"), new Label("Eddy closed before " + what + " was saved."), restore, discard);
        bar.getStyleClass().add("restore-banner");
        banner.getChildren().setAll(bar);
    }

    private void showStartPage() {
        hideStartPage();
        canvasArea.getChildren().add(new StartPage(Samples.list(Samples.dir()), Samples.lessons(Samples.dir()), recent.list(),
                p -> actions.openFile(p, true), actions::newPipeline, actions::open));
    }

    private void hideStartPage() {
        canvasArea.getChildren().removeIf(n -> n instanceof StartPage);
    }

    /** A lesson's solution, where the lessons keep them (solved/ beside the file), opened in place of the lesson. */
    private Runnable solutionOf(Path lesson) {
        if (lesson == null || lesson.getParent() == null) return null;
        Path solved = lesson.getParent().resolve("solved").resolve(lesson.getFileName());
        if (!java.nio.file.Files.isRegularFile(solved)) return null;
        return () -> actions.openFile(solved, true);
    }

    private void say(String message) { status.setText(message); }

    /** What the status line says now. */
    public String statusText() { return status.getText(); }

    public Document document() { return doc; }

    public Selection selection() { return selection; }

    public PipelineCanvas canvas() { return canvas; }

    public DesignerActions actions() { return actions; }

    public Scene scene() { return scene; }

    public LiveRun liveRun() { return liveRun; }

    /** The tabs under the canvas: problems first, then the live run's views. */
    public TabPane belowTabs() { return below; }
}
