package dev.eddy.bench;

import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.flink.translate.JobBuilder;
import dev.eddy.flink.translate.JobCode;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.NodeMetrics;
import dev.eddy.runtime.driver.JobResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Eddy and Flink side by side, in one JVM: the same pipeline files, the same generator, a sink
 * that counts and digests; each row alternates which engine goes first, every run's digest must
 * equal the other engine's, and min/median/max throughput are reported. Flink runs on a warm
 * in-process cluster at parallelism 1, its job submission included in its time.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.eddy.bench.EngineComparison [RECORDS] [RUNS] [ROW]}
 */
public final class EngineComparison {
    /** One row's figures: records/s per engine (min, median, max) and the digest both agreed on. */
    public record Row(String name, long records, double[] eddy, double[] flink, long digest) {
        double ratio() { return eddy[1] / flink[1]; }
    }

    private final FlinkCluster cluster;

    public EngineComparison(FlinkCluster cluster) { this.cluster = cluster; }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "";
        try (FlinkCluster cluster = FlinkCluster.start(2)) {
            EngineComparison c = new EngineComparison(cluster);
            List<Row> rows = c.all(n, runs, only);
            System.out.println("| row | records | Eddy records/s (min / median / max) | Flink records/s (min / median / max) | Eddy/Flink |");
            System.out.println("| --- | ---: | ---: | ---: | ---: |");
            for (Row r : rows) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %.2f |%n", r.name(), r.records(), figures(r.eddy()), figures(r.flink()), r.ratio());
            }
            if ("time to first result".contains(only)) {
                FirstResult.Figures f = new FirstResult(cluster).measure(Math.max(runs, 5));
                System.out.println();
                System.out.println("| time to first result (10 records, warm) | Eddy ms (min / median / max) | Flink ms (min / median / max) |");
                System.out.println("| --- | ---: | ---: |");
                System.out.printf(Locale.ROOT, "| submit to first record at the sink | %s | %s |%n", millis(f.eddyMillis()), millis(f.flinkMillis()));
            }
        }
    }

    /** Every row whose name contains {@code only} (all of them for ""). */
    public List<Row> all(long n, int runs, String only) throws Exception {
        Map<String, Pipeline> pipelines = new LinkedHashMap<>();
        pipelines.put("stateless map → filter", ComparedPipelines.stateless(n));
        pipelines.put("keyed tumbling 10 s sum, 1,000 keys", ComparedPipelines.window(n, 1_000, "\"size\": \"10s\""));
        pipelines.put("keyed tumbling 10 s sum, 100,000 keys", ComparedPipelines.window(n, 100_000, "\"size\": \"10s\""));
        pipelines.put("keyed sliding 10 s / 2 s sum, 1,000 keys", ComparedPipelines.window(n, 1_000,
                "\"assigner\": \"sliding\", \"size\": \"10s\", \"slide\": \"2s\""));
        pipelines.put("keyed sessions (gap 2 s, merging), 1,000 keys", ComparedPipelines.window(n, 1_000,
                "\"assigner\": \"session\", \"gap\": \"2s\""));
        List<Row> rows = new ArrayList<>();
        for (var e : pipelines.entrySet()) {
            if (e.getKey().contains(only)) rows.add(measure(e.getKey(), e.getValue(), n, runs));
        }
        String small = "small job turnaround (10 records)";
        if (small.contains(only)) rows.add(measure(small, ComparedPipelines.stateless(10), 10, runs));
        return rows;
    }

    public Row measure(String name, Pipeline p, long records, int runs) throws Exception {
        // Warm both engines up on this pipeline once; the runs then alternate who goes first.
        long digest = eddy(p).digest;
        check(name, digest, flink(p).digest);
        double[] e = new double[runs];
        double[] f = new double[runs];
        for (int i = 0; i < runs; i++) {
            boolean eddyFirst = i % 2 == 0;
            Timed a = eddyFirst ? eddy(p) : flink(p);
            Timed b = eddyFirst ? flink(p) : eddy(p);
            Timed te = eddyFirst ? a : b;
            Timed tf = eddyFirst ? b : a;
            check(name, digest, te.digest);
            check(name, digest, tf.digest);
            e[i] = records / (te.nanos / 1e9);
            f[i] = records / (tf.nanos / 1e9);
        }
        java.util.Arrays.sort(e);
        java.util.Arrays.sort(f);
        return new Row(name, records, new double[] {e[0], e[runs / 2], e[runs - 1]}, new double[] {f[0], f[runs / 2], f[runs - 1]}, digest);
    }

    private static void check(String row, long expected, long actual) {
        if (expected != actual) throw new IllegalStateException(row + ": the engines' outputs differ (digest " + expected + " vs " + actual + ")");
    }

    record Timed(long nanos, long digest) {}

    static Timed eddy(Pipeline p) {
        long t0 = System.nanoTime();
        JobResult r = KeyedSumPipeline.run(p, false, 1);
        long t = System.nanoTime() - t0;
        if (!r.succeeded()) throw new IllegalStateException("Eddy failed: " + r.failure());
        NodeMetrics.Snapshot out = r.totals().get("out");
        return new Timed(t, out.digest());
    }

    Timed flink(Pipeline p) throws Exception {
        long t0 = System.nanoTime();
        JobCode job = FlinkTranslator.translate(p, Path.of("."), FlinkTranslator.Sinks.FLINK);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.port());
        new JobBuilder(env, job, false).build();
        JobExecutionResult r = env.execute(job.jobName());
        long t = System.nanoTime() - t0;
        Long digest = r.getAccumulatorResult("digest:out");
        return new Timed(t, digest == null ? 0 : digest);
    }

    private static String figures(double[] v) {
        return String.format(Locale.ROOT, "%s / %s / %s", human(v[0]), human(v[1]), human(v[2]));
    }

    private static String millis(double[] v) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", v[0], v[1], v[2]);
    }

    private static String human(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
