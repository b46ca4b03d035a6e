package dev.eddy.flink.diff;

import dev.eddy.model.Pipeline;
import dev.eddy.model.PipelineReader;
import dev.eddy.model.PipelineWriter;
import dev.eddy.validate.InvalidPipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Generates cases from a seed, runs each through Eddy and Flink, and shrinks the first that
 * differs to a small pipeline file that still differs.
 */
public final class Fuzzer {
    private final Differential differential;
    private final Path work;

    public Fuzzer(Differential differential, Path work) {
        this.differential = differential;
        this.work = work;
    }

    /** What a fuzzing run found: how many cases ran, and the first difference, shrunk, or null. */
    public record Report(int cases, int skipped, String difference, Path reproducer) {
        public boolean clean() { return difference == null; }
    }

    public Report run(long seed, int cases, Consumer<String> progress) throws Exception {
        CaseGenerator generator = new CaseGenerator(seed);
        int skipped = 0;
        for (int i = 0; i < cases; i++) {
            String name = "case " + seed + "/" + i;
            Pipeline p = PipelineReader.read(generator.next(name), name);
            if (!runnable(p)) {
                skipped++;
                continue;
            }
            Differential.Outcome o = differential.compare(p, work, Files.createTempDirectory(work, "case"));
            if (!o.equal()) {
                progress.accept(name + " differs:\n" + o.report() + "shrinking ...");
                Pipeline small = new Shrinker(this::differs).shrink(p);
                Path file = work.resolve("difference-" + seed + "-" + i + ".json");
                PipelineWriter.write(small, file);
                Differential.Outcome again = differential.compare(small, work, Files.createTempDirectory(work, "case"));
                String shrunk = again.equal()
                        ? "shrunk to a case that differed while shrinking but not when run once more, so the difference depends on timing:\n"
                        : "shrunk to a case where\n" + again.report();
                return new Report(i + 1, skipped, name + " differs:\n" + o.report() + "\n" + shrunk + "\n" + PipelineWriter.write(small), file);
            }
            if ((i + 1) % 50 == 0) progress.accept((i + 1) + " cases, all equal");
        }
        return new Report(cases, skipped, null, null);
    }

    /** A generated case the validator or the Flink translation refuses is not a case. */
    static boolean runnable(Pipeline p) {
        try {
            dev.eddy.flink.translate.FlinkTranslator.validate(p);
            return true;
        } catch (InvalidPipelineException e) {
            return false;
        }
    }

    private boolean differs(Pipeline p) {
        try {
            if (!runnable(p)) return false;
            return !differential.compare(p, work, Files.createTempDirectory(work, "shrink")).equal();
        } catch (InvalidPipelineException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
