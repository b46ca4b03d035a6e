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
 * <p>{@code java -cp bench/target/benchmarks.jar dev.eddy.bench.EngineComparison [RECORDS] [RUNS] [ROW] [FORKS]}
 */
public final class EngineComparison {
    /** One row's figures: records/s per engine, every run sorted, and the digest both agreed on. */
    public record Row(String name, long records, double[] eddy, double[] flink, long digest) {
        double ratio() { return median(eddy) / median(flink); }

        Row plus(Row other) {
            check(name, digest, other.digest);
            return new Row(name, records, sorted(eddy, other.eddy), sorted(flink, other.flink), digest);
        }
    }

    private final FlinkCluster cluster;

    public EngineComparison(FlinkCluster cluster) { this.cluster = cluster; }

    /**
     * {@code [RECORDS] [RUNS] [ROW] [FORKS]}: each fork is a fresh JVM (same JVM options) that
     * warms up and makes RUNS runs per row; the tables pool all forks' runs. FORKS 0 measures in
     * this JVM and prints the raw runs for a parent to pool.
     */
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "";
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        if (forks == 0) {
            measureHere(n, runs, only);
            return;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        double[][] first = {new double[0], new double[0]};
        for (int f = 0; f < forks; f++) {
            for (String line : fork(n, runs, only)) {
                String[] c = line.split("\t");
                if (c[0].equals("ROW")) {
                    Row r = new Row(c[1], Long.parseLong(c[2]), numbers(c[4]), numbers(c[5]), Long.parseLong(c[3]));
                    rows.merge(r.name(), r, Row::plus);
                } else if (c[0].equals("FIRST")) {
                    first = new double[][] {sorted(first[0], numbers(c[1])), sorted(first[1], numbers(c[2]))};
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d forks × %d runs per row, after a warm-up run in each fork%n%n", forks, runs);
        System.out.println("| row | records | Eddy records/s (min / median / max) | Flink records/s (min / median / max) | Eddy/Flink |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (Row r : rows.values()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %.2f |%n", r.name(), r.records(), figures(r.eddy()), figures(r.flink()), r.ratio());
        }
        if (first[0].length > 0) {
            System.out.println();
            System.out.println("| time to first result (10 records, warm) | Eddy ms (min / median / max) | Flink ms (min / median / max) |");
            System.out.println("| --- | ---: | ---: |");
            System.out.printf(Locale.ROOT, "| submit to first record at the sink | %s | %s |%n", millis(first[0]), millis(first[1]));
        }
    }

    /** One fork's measurements, as tab-separated lines of raw runs. */
    private static void measureHere(long n, int runs, String only) throws Exception {
        try (FlinkCluster cluster = FlinkCluster.start(2)) {
            for (Row r : new EngineComparison(cluster).all(n, runs, only)) {
                System.out.println("ROW\t" + r.name() + "\t" + r.records() + "\t" + r.digest() + "\t" + raw(r.eddy()) + "\t" + raw(r.flink()));
            }
            if ("time to first result".contains(only)) {
                FirstResult.Figures f = new FirstResult(cluster).measure(Math.max(runs, 5));
                System.out.println("FIRST\t" + raw(f.eddyMillis()) + "\t" + raw(f.flinkMillis()));
            }
        }
    }

    private static List<String> fork(long n, int runs, String only) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineComparison.class.getName(),
                Long.toString(n), Integer.toString(runs), only, "0"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (p.waitFor() != 0) throw new IllegalStateException("a benchmark fork failed: " + lines);
        return lines;
    }

    private static String raw(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) b.append(b.length() == 0 ? "" : ",").append(d);
        return b.toString();
    }

    private static double[] numbers(String csv) { return java.util.Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray(); }

    private static double[] sorted(double[] a, double[] b) {
        double[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        java.util.Arrays.sort(all);
        return all;
    }

    static double median(double[] sorted) { return sorted[sorted.length / 2]; }

    /** Every row whose name contains {@code only} (all of them for ""). */
    public List<Row> all(long n, int runs, String only) throws Exception {
        Map<String, Pipeline> pipelines = new LinkedHashMap<>();
        pipelines.put("stateless map → filter", ComparedPipelines.stateless(n));
        pipelines.put("keyed tumbling 10 s sum, 1,000 keys", ComparedPipelines.window(n, 1_000, "\"size\": \"10s\""));
        pipelines.put("keyed tumbling 10 s sum, 100,000 keys", ComparedPipelines.window(n, 100_000, "\"size\": \"10s\""));
        pipelines.put("keyed tumbling 10 s sum, 100,000 keys, checkpoint every 1 s", ComparedPipelines.checkpointed(
                ComparedPipelines.window(n, 100_000, "\"size\": \"10s\""), 1000));
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
        return new Row(name, records, e, f, digest);
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
        JobExecutionResult r = execute(cluster, p);
        long t = System.nanoTime() - t0;
        Long digest = r.getAccumulatorResult("digest:out");
        return new Timed(t, digest == null ? 0 : digest);
    }

    /** Translates the pipeline, submits it to the cluster through REST and waits for its result. */
    static JobExecutionResult execute(FlinkCluster cluster, Pipeline p) throws Exception {
        JobCode job = FlinkTranslator.translate(p, Path.of("."), FlinkTranslator.Sinks.FLINK);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.port());
        if (p.settings().checkpointInterval() != null) {
            // The JobManager's default storage refuses checkpoints over 5 MB, and the job then fails over: write them to files.
            org.apache.flink.configuration.Configuration c = new org.apache.flink.configuration.Configuration();
            c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    java.nio.file.Files.createTempDirectory("flink-checkpoints").toUri().toString());
            env.configure(c);
        }
        new JobBuilder(env, job, false).build();
        return env.execute(job.jobName());
    }

    private static String figures(double[] v) {
        return String.format(Locale.ROOT, "%s / %s / %s", human(v[0]), human(median(v)), human(v[v.length - 1]));
    }

    private static String millis(double[] v) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", v[0], median(v), v[v.length - 1]);
    }

    private static String human(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
