package dev.eddy.cli;

import dev.eddy.lesson.LessonJudge;
import dev.eddy.lesson.Verdict;
import dev.eddy.model.Pipeline;
import dev.eddy.observe.Observation;
import dev.eddy.observe.ObservationBus;
import dev.eddy.observe.Subscription;
import dev.eddy.run.PipelineRunner;
import dev.eddy.run.RunOptions;
import dev.eddy.runtime.driver.JobResult;
import dev.eddy.validate.InvalidPipelineException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run a lesson's pipeline to its end and say whether its task is done: each check, what the run did, and why not.",
                "Exit 0 when solved, 1 when not yet, 2 when the file cannot be read or carries no lesson."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LESSON.json", description = "a pipeline file with a \"lesson\" block (the samples' lessons/ folder has them)")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pipeline p = PipelineFiles.read(file, err);
        if (p == null) return EddyCommand.BAD_INPUT;
        if (p.lesson() == null) {
            err.println("eddy: " + file + " carries no lesson (a \"lesson\" block with a task and checks); ./eddy run runs it");
            return EddyCommand.BAD_INPUT;
        }
        ObservationBus bus = new ObservationBus();
        Path outDir = Files.createTempDirectory("eddy-check-");
        try {
            PipelineRunner.Prepared job;
            try {
                job = PipelineRunner.standard().prepare(p, PipelineFiles.folderOf(file), RunOptions.defaults().withOutputDir(outDir)
                        .withObservations(bus).withStdout(new PrintStream(OutputStream.nullOutputStream())));
            } catch (InvalidPipelineException e) {
                err.println(PipelineFiles.refusal(file, e));
                return EddyCommand.BAD_INPUT;
            }
            LessonJudge judge = new LessonJudge(p, job.validation());
            Subscription sub = bus.subscribe(1 << 20, true);
            Thread counter = new Thread(() -> feed(sub, judge), "eddy-check");
            counter.setDaemon(true);
            counter.start();
            JobResult result;
            try {
                result = job.run();
            } finally {
                counter.interrupt();
                counter.join();
            }
            Verdict v = judge.verdict(result.state(), result.failure(), sub.dropped());
            out.println("Task: " + p.lesson().task());
            for (Verdict.Line l : v.lines()) out.println((l.holds() ? "  ✓ " : "  ✗ ") + l.goal() + " — " + l.words());
            out.println(v.summary());
            out.flush();
            return v.solved() ? 0 : EddyCommand.JOB_FAILED;
        } finally {
            try (var all = Files.walk(outDir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void feed(Subscription sub, LessonJudge judge) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Observation o = sub.poll(50, TimeUnit.MILLISECONDS);
                if (o != null) judge.accept(o);
            }
        } catch (InterruptedException e) {
            // The run ended: count what is left below.
        }
        for (Observation o : sub.drain()) judge.accept(o);
        sub.close();
    }
}
