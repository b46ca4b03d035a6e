package dev.eddy.bench;

import dev.eddy.flink.run.FlinkCluster;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.DeterministicDriver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Time to first result, warm, on both engines: from handing over the pipeline (Eddy: plan and
 * run; Flink: translate, submit through REST, schedule, deploy) to the first record reaching the
 * sink. Eddy's moment is the step in which the node before the sink emits its first record (the
 * sink gets it in that same step); Flink's is the sink's own reading of the clock, in the same JVM.
 */
final class FirstResult {
    /** Milliseconds to the first result, every run sorted, per engine. */
    record Figures(double[] eddyMillis, double[] flinkMillis) {}

    private final FlinkCluster cluster;

    FirstResult(FlinkCluster cluster) { this.cluster = cluster; }

    /** The stateless pipeline of 10 records; the node before its sink is "some". */
    Figures measure(int runs) throws Exception {
        Pipeline p = ComparedPipelines.stateless(10);
        eddy(p);
        flink(p);
        double[] e = new double[runs];
        double[] f = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                e[i] = eddy(p);
                f[i] = flink(p);
            } else {
                f[i] = flink(p);
                e[i] = eddy(p);
            }
        }
        Arrays.sort(e);
        Arrays.sort(f);
        return new Figures(e, f);
    }

    static double eddy(Pipeline p) throws Exception {
        long t0 = System.nanoTime();
        ObservationBus bus = new ObservationBus();
        Subscription samples = bus.subscribe(1024, true);
        DeterministicDriver d = (DeterministicDriver) PipelineRunner.standard().prepare(p, Path.of("."), RunOptions.defaults()
                .withObservations(bus).withStdout(new PrintStream(OutputStream.nullOutputStream()))).driver();
        long first = -1;
        while (first < 0 && d.step()) {
            for (Observation o : samples.drain()) {
                if (o instanceof Observation.RecordSampled r && r.node().equals("some")) first = System.nanoTime() - t0;
            }
        }
        samples.close();
        if (!d.run().succeeded() || first < 0) throw new IllegalStateException("Eddy gave no result");
        return first / 1e6;
    }

    double flink(Pipeline p) throws Exception {
        long t0 = System.nanoTime();
        Long first = EngineComparison.execute(cluster, p).getAccumulatorResult("firstNanos:out");
        if (first == null || first == Long.MAX_VALUE) throw new IllegalStateException("Flink gave no result");
        return (first - t0) / 1e6;
    }
}
