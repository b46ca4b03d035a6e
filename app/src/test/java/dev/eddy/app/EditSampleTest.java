package dev.eddy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.model.Edge;
import dev.eddy.model.Node;
import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** Working on an opened sample: selecting, the inspector, clipboard, deleting, theme. */
class EditSampleTest extends DesignerTestBase {
    @Override
    protected Path initialFile() throws IOException { return copyOfSample("late-sensor-readings"); }

    private Set<String> ids() {
        return Set.copyOf(window.document().get().nodes().stream().map(Node::id).toList());
    }

    @Test
    void theSampleOpensLaidOutWithoutProblems() throws Exception {
        Pipeline p = window.document().get();
        assertEquals(6, p.nodes().size());
        assertTrue(p.layout().keySet().containsAll(ids()), "nodes without a position in the file are laid out");
        assertFalse(window.document().isDirty());
        for (String id : ids()) assertTrue(present("#node-" + id), id);
        assertTrue(window.document().validation().problems().isEmpty(), window.document().validation().problems().toString());
        Screenshots.save(window.scene(), "designer-sample");
    }

    @Test
    void selectingANodeShowsItsParametersAndConcept() {
        robot.clickOn("#node-fiveSeconds");
        assertEquals(Set.of("fiveSeconds"), window.selection().nodes());
        assertTrue(robot.lookup("#node-fiveSeconds").query().getStyleClass().contains("selected"));
        assertTrue(present("#param-assigner"));
        assertTrue(present("#param-allowedLateness"));
        assertTrue(robot.lookup("#concept").queryAs(Label.class).getText().length() > 40);
        // Choosing a value from a list is one undoable edit.
        robot.clickOn("#param-assigner").clickOn("sliding");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("sliding", window.document().get().node("fiveSeconds").get().paramsView().get("assigner").textValue());
        assertTrue(window.document().validation().problems().stream().anyMatch(pr -> pr.message().contains("slide")),
                "a sliding window without a slide is a problem");
        Screenshots.save(window.scene(), "designer-inspector");
        // Clicking the problem selects the node it is about.
        robot.clickOn("#canvas");
        assertTrue(window.selection().isEmpty());
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertEquals(Set.of("fiveSeconds"), window.selection().nodes());
        robot.clickOn("#canvas");
        shortcut(KeyCode.Z);
        assertEquals("tumbling", window.document().get().node("fiveSeconds").get().paramsView().get("assigner").textValue());
    }

    @Test
    void anEdgeShowsTheSchemaFlowingOnIt() {
        Edge e = window.document().get().edges().get(0);
        robot.clickOn((javafx.scene.Node) robot.lookup("#edge-" + e.from() + "-out-" + e.to() + "-in").query());
        assertEquals(Set.of(e), window.selection().edges());
        String schema = robot.lookup("#edge-schema").queryAs(Label.class).getText();
        assertTrue(schema.contains("temperature  DOUBLE"), schema);
    }

    @Test
    void rubberBandCopyPasteAndDelete() throws Exception {
        // A band around the first two cards selects them.
        Point2D a = robot.point("#node-sensors").atPosition(Pos.TOP_LEFT).query();
        Point2D b = robot.point("#node-eventTime").atPosition(Pos.BOTTOM_RIGHT).query();
        robot.moveTo(a.add(-15, -15)).press(MouseButton.PRIMARY).moveTo(b.add(10, 10), Motion.DIRECT).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("sensors", "eventTime"), window.selection().nodes());

        shortcut(KeyCode.C);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        Pipeline fragment = PipelineReader.read(copied, "clipboard");
        assertEquals(List.of("sensors", "eventTime"), fragment.nodes().stream().map(Node::id).toList());
        assertEquals(List.of(Edge.of("sensors", "eventTime")), fragment.edges());

        shortcut(KeyCode.V);
        assertEquals(8, window.document().get().nodes().size());
        assertEquals(Set.of("sensors-2", "eventTime-2"), window.selection().nodes());
        assertTrue(window.document().get().edges().contains(Edge.of("sensors-2", "eventTime-2")));

        robot.type(KeyCode.DELETE);
        assertEquals(6, window.document().get().nodes().size());
        shortcut(KeyCode.A);
        assertEquals(ids(), window.selection().nodes());
        robot.type(KeyCode.DELETE);
        assertTrue(window.document().get().nodes().isEmpty());
        assertTrue(window.document().get().edges().isEmpty());
        shortcut(KeyCode.Z);
        assertEquals(6, window.document().get().nodes().size());
    }

    @Test
    void panZoomAndFit() {
        double before = window.canvas().viewport().zoom();
        robot.moveTo("#canvas").scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.canvas().viewport().zoom() != before);
        Point2D cardBefore = robot.point("#node-sensors").query();
        robot.moveTo(robot.lookup("#canvas").query(), Pos.BOTTOM_LEFT, new Point2D(30, -30), Motion.DIRECT).press(MouseButton.SECONDARY)
                .moveBy(60, -40).release(MouseButton.SECONDARY);
        Point2D cardAfter = robot.point("#node-sensors").query();
        assertEquals(60, cardAfter.getX() - cardBefore.getX(), 1.5);
        assertEquals(-40, cardAfter.getY() - cardBefore.getY(), 1.5);
        shortcut(KeyCode.DIGIT0);
        assertTrue(robot.lookup("#node-tooLate").query().localToScene(0, 0).getX()
                < robot.lookup("#canvas").query().localToScene(robot.lookup("#canvas").query().getLayoutBounds()).getMaxX());
    }

    @Test
    void darkTheme() {
        robot.clickOn("View").clickOn("#menu-dark");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#node-fiveSeconds");
        Screenshots.save(window.scene(), "designer-dark");
        robot.clickOn("View").clickOn("#menu-dark");
    }
}
