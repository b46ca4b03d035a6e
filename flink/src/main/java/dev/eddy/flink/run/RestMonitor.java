package dev.eddy.flink.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a job's state and per-vertex metrics from Flink's REST API (/jobs/:id, its vertices'
 * watermarks and back pressure) while it runs, keeping the last value seen of each, since a
 * finished job's vertices no longer report watermarks.
 */
final class RestMonitor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String job;
    private final Map<String, VertexMetrics> vertices = new LinkedHashMap<>();
    private String state = "CREATED";

    RestMonitor(String host, int port, String job) {
        this.base = "http://" + host + ":" + port;
        this.job = job;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** One look at the job; synchronized with {@link #result()} as the poller runs on its own thread. */
    synchronized void poll() throws Exception {
        JsonNode j = get("/jobs/" + job);
        state = j.path("state").asText(state);
        for (JsonNode v : j.path("vertices")) {
            String id = v.path("id").asText();
            VertexMetrics old = vertices.get(id);
            JsonNode m = v.path("metrics");
            Long watermark = old == null ? null : old.watermark();
            String backPressure = old == null ? null : old.backPressure();
            if (!v.path("status").asText().equals("FINISHED")) {
                watermark = lowestWatermark(get("/jobs/" + job + "/vertices/" + id + "/watermarks"), watermark);
                JsonNode bp = get("/jobs/" + job + "/vertices/" + id + "/backpressure");
                if (bp.hasNonNull("backpressureLevel")) backPressure = bp.path("backpressureLevel").asText();
            }
            vertices.put(id, new VertexMetrics(v.path("name").asText(), v.path("parallelism").asInt(), v.path("status").asText(),
                    m.path("read-records").asLong(), m.path("write-records").asLong(), watermark, backPressure));
        }
    }

    /** The lowest current input watermark over the vertex's subtasks, or what was known before. */
    private static Long lowestWatermark(JsonNode watermarks, Long previous) {
        Long lowest = null;
        for (JsonNode w : watermarks) {
            if (!w.path("id").asText().endsWith("currentInputWatermark")) continue;
            long value = Long.parseLong(w.path("value").asText());
            lowest = lowest == null ? value : Math.min(lowest, value);
        }
        return lowest == null || lowest == Long.MIN_VALUE ? previous : lowest;
    }

    synchronized String state() { return state; }

    synchronized List<VertexMetrics> result() { return List.copyOf(vertices.values()); }
}
