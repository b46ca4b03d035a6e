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
 * that counts and digests. Flink runs twice: the pipeline through the bridge (Flink's operators,
 * Eddy's functions) and as the native job {@code export-flink} writes (what a person would write
 * by hand, no Eddy code). Each row rotates which goes first, every run's digest must equal the
 * others', and min/median/max throughput are reported. Flink runs on a warm in-process cluster at
 * parallelism 1, its job submission included in its time.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.eddy.bench.EngineComparison [RECORDS] [RUNS] [ROW] [FORKS]}
 */
public final class EngineComparison {
    /** One row's figures: records/s per engine, every run sorted, and the digest both agreed on. */
    public record Row(String name, long records, double[] eddy, double[] flink, double[] nativeFlink, long digest) {
        double ratio() { return median(eddy) / median(flink); }

        double nativeRatio() { return median(eddy) / median(nativeFlink); }

        Row plus(Row other) {
            check(name, digest, other.digest);
            return new Row(name, records, sorted(eddy, other.eddy), sorted(flink, other.flink), sorted(nativeFlink, other.nativeFlink), digest);
        }
    }

    private final NativeJobs nativeJobs = new NativeJobs();

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
                    Row r = new Row(c[1], Long.parseLong(c[2]), numbers(c[4]), numbers(c[5]), numbers(c[6]), Long.parseLong(c[3]));
                    rows.merge(r.name(), r, Row::plus);
                } else if (c[0].equals("FIRST")) {
                    first = new double[][] {sorted(first[0], numbers(c[1])), sorted(first[1], numbers(c[2]))};
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d forks × %d runs per row, after a warm-up run in each fork%n%n", forks, runs);
        System.out.println("| row | records | Eddy records/s (min / median / max) | Flink through the bridge | native Flink job | Eddy/bridge | Eddy/native |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows.values()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.2f | %.2f |%n", r.name(), r.records(), figures(r.eddy()),
                    figures(r.flink()), figures(r.nativeFlink()), r.ratio(), r.nativeRatio());
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
                System.out.println("ROW\t" + r.name() + "\t" + r.records() + "\t" + r.digest() + "\t" + raw(r.eddy()) + "\t" + raw(r.flink())
                        + "\t" + raw(r.nativeFlink()));
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
        // Warm every engine up on this pipeline once; the runs then rotate who goes first.
        long digest = eddy(p).digest;
        check(name, digest, flink(p).digest);
        check(name, digest, nativeFlink(p).digest);
        double[][] perSecond = new double[3][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 3; k++) {
                int engine = (i + k) % 3;
                Timed t = engine == 0 ? eddy(p) : engine == 1 ? flink(p) : nativeFlink(p);
                check(name, digest, t.digest);
                perSecond[engine][i] = records / (t.nanos / 1e9);
            }
        }
        for (double[] v : perSecond) java.util.Arrays.sort(v);
        return new Row(name, records, perSecond[0], perSecond[1], perSecond[2], digest);
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

    /** The native job: its jar submitted to the cluster through REST, as flink run does; compiling it is not timed. */
    Timed nativeFlink(Pipeline p) throws Exception {
        NativeJobs.Job job = nativeJobs.of(p);
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("eddy-native-run");
        long t0 = System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.port(), job.jar().toString());
        configureCheckpoints(env, p);
        NativeJobs.build(job, env, work);
        JobExecutionResult r = env.execute(p.name() == null ? "native" : p.name());
        long t = System.nanoTime() - t0;
        Long digest = r.getAccumulatorResult("digest:out");
        return new Timed(t, digest == null ? 0 : digest);
    }

    /** The JobManager's default storage refuses checkpoints over 5 MB, and the job then fails over: write them to files. */
    private static void configureCheckpoints(StreamExecutionEnvironment env, Pipeline p) throws java.io.IOException {
        if (p.settings().checkpointInterval() == null) return;
        org.apache.flink.configuration.Configuration c = new org.apache.flink.configuration.Configuration();
        c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        c.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Files.createTempDirectory("flink-checkpoints").toUri().toString());
        env.configure(c);
    }

    /** Translates the pipeline, submits it to the cluster through REST and waits for its result. */
    static JobExecutionResult execute(FlinkCluster cluster, Pipeline p) throws Exception {
        JobCode job = FlinkTranslator.translate(p, Path.of("."), FlinkTranslator.Sinks.FLINK);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.port());
        configureCheckpoints(env, p);
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
