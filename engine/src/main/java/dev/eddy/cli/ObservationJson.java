package dev.eddy.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.observe.Observation;
import dev.eddy.runtime.Time;
import dev.eddy.types.Row;
import dev.eddy.types.RowJson;

/** One observation as one JSON line, for --trace. */
final class ObservationJson {
    private ObservationJson() {}

    static String line(Observation o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("time", o.time());
        if (o instanceof Observation.RecordSampled r) {
            n.put("kind", "record").put("node", r.node()).put("subtask", r.subtask()).put("port", r.port());
            n.set("row", values(r.row()));
            if (r.timestamp() == Time.NO_TIMESTAMP) n.putNull("ts");
            else n.put("ts", r.timestamp());
        } else if (o instanceof Observation.WatermarkAdvanced w) {
            n.put("kind", "watermark").put("node", w.node()).put("subtask", w.subtask()).put("watermark", w.watermark());
        } else if (o instanceof Observation.RecordFailed f) {
            n.put("kind", "failed").put("node", f.node()).put("subtask", f.subtask()).put("reason", f.reason());
            n.set("row", values(f.row()));
        } else if (o instanceof Observation.SubtaskFinished f) {
            n.put("kind", "finished").put("node", f.node()).put("subtask", f.subtask());
        } else if (o instanceof Observation.JobStateChanged s) {
            n.put("kind", "job").put("state", s.state().name());
            if (s.reason() != null) n.put("reason", s.reason());
        } else if (o instanceof Observation.MetricsReported m) {
            n.put("kind", "metrics").put("node", m.node()).put("subtask", m.subtask())
                    .put("recordsIn", m.totals().recordsIn()).put("recordsOut", m.totals().recordsOut())
                    .put("errors", m.totals().errors());
        }
        return n.toString();
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode values(Row row) {
        var a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < row.arity(); i++) a.add(RowJson.value(row.get(i)));
        return a;
    }
}
