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
        } else if (o instanceof Observation.CheckpointCompleted c) {
            n.put("kind", "checkpoint").put("checkpoint", c.checkpoint()).put("stateBytes", c.stateBytes());
        } else if (o instanceof Observation.RestoredFromCheckpoint r) {
            n.put("kind", "restored").put("checkpoint", r.checkpoint()).put("reason", r.reason());
        } else if (o instanceof Observation.CheckpointTriggered c) {
            n.put("kind", "checkpointTriggered").put("checkpoint", c.checkpoint());
        } else if (o instanceof Observation.CheckpointAborted c) {
            n.put("kind", "checkpointAborted").put("checkpoint", c.checkpoint()).put("reason", c.reason());
        } else if (o instanceof Observation.BarriersAligned b) {
            n.put("kind", "aligned").put("node", b.node()).put("subtask", b.subtask()).put("checkpoint", b.checkpoint())
                    .put("mode", b.mode()).put("held", b.held()).put("inFlight", b.inFlight());
        } else if (o instanceof Observation.SinkDelivery d) {
            n.put("kind", "sink").put("node", d.node()).put("subtask", d.subtask()).put("delivery", d.delivery())
                    .put("committed", d.committed()).put("pending", d.pending())
                    .put("duplicated", d.duplicated()).put("withdrawn", d.withdrawn());
        } else if (o instanceof Observation.JobStateChanged s) {
            n.put("kind", "job").put("state", s.state().name());
            if (s.reason() != null) n.put("reason", s.reason());
        } else if (o instanceof Observation.WindowElementAdded w) {
            window(n.put("kind", "windowElement"), w.node(), w.subtask(), w.key(), w.start(), w.end());
            n.put("created", w.created()).put("folded", w.folded()).put("ts", w.timestamp());
            n.set("row", values(w.row()));
        } else if (o instanceof Observation.WindowFired w) {
            window(n.put("kind", "windowFired"), w.node(), w.subtask(), w.key(), w.start(), w.end());
            n.put("reason", w.reason()).put("results", w.results()).put("watermark", w.watermark());
        } else if (o instanceof Observation.WindowCleared w) {
            window(n.put("kind", "windowCleared"), w.node(), w.subtask(), w.key(), w.start(), w.end());
            n.put("reason", w.reason());
        } else if (o instanceof Observation.WindowsMerged w) {
            window(n.put("kind", "windowsMerged"), w.node(), w.subtask(), w.key(), w.start(), w.end());
            n.put("merged", w.merged());
        } else if (o instanceof Observation.LateRecord l) {
            n.put("kind", "late").put("node", l.node()).put("subtask", l.subtask());
            n.set("key", RowJson.value(l.key()));
            n.set("row", values(l.row()));
            n.put("ts", l.timestamp()).put("watermark", l.watermark()).put("allowedLateness", l.allowedLateness())
                    .put("windowStart", l.windowStart()).put("windowEnd", l.windowEnd()).put("why", l.reason());
        } else if (o instanceof Observation.MetricsReported m) {
            n.put("kind", "metrics").put("node", m.node()).put("subtask", m.subtask())
                    .put("recordsIn", m.totals().recordsIn()).put("recordsOut", m.totals().recordsOut())
                    .put("errors", m.totals().errors());
        }
        return n.toString();
    }

    private static void window(ObjectNode n, String node, int subtask, Object key, long start, long end) {
        n.put("node", node).put("subtask", subtask);
        n.set("key", RowJson.value(key));
        if (start != Long.MIN_VALUE) n.put("start", start);
        if (end != Long.MAX_VALUE) n.put("end", end);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode values(Row row) {
        var a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < row.arity(); i++) a.add(RowJson.value(row.get(i)));
        return a;
    }
}
