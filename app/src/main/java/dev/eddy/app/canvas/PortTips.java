package dev.eddy.app.canvas;

import dev.eddy.app.document.Document;
import dev.eddy.app.inspector.SchemaText;
import dev.eddy.model.Edge;
import dev.eddy.types.Schema;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Hovering a port shows what it is for and the schema of the records on it, as the engine derived it. */
final class PortTips {
    private PortTips() {}

    static void install(NodeView v, Document doc) {
        for (PortView p : v.outputPorts()) install(p, doc);
        for (PortView p : v.inputPorts()) install(p, doc);
    }

    private static void install(PortView port, Document doc) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setOnShowing(e -> tip.setText(text(port, doc)));
        Tooltip.install(port, tip);
    }

    static String text(PortView port, Document doc) {
        StringBuilder b = new StringBuilder(port.spec().name()).append(": ").append(port.spec().help());
        Schema schema = null;
        if (!port.isInput()) {
            schema = doc.validation().schema(port.nodeId(), port.spec().name());
        } else {
            for (Edge e : doc.get().edges()) {
                if (e.to().equals(port.nodeId()) && e.inPort().equals(port.spec().name())) {
                    schema = doc.validation().schema(e.from(), e.outPort());
                    break;
                }
            }
        }
        b.append('\n').append(schema == null ? "schema not known yet (connect and fix the inputs first)" : indented(schema));
        return b.toString();
    }

    private static String indented(Schema s) {
        return s.fields().isEmpty() ? SchemaText.of(s) : "  " + SchemaText.of(s).replace("\n", "\n  ");
    }
}
