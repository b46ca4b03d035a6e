package dev.eddy.flink.translate;

import java.util.List;

/**
 * A translated pipeline: the statements that build its Flink job, given the variables
 * {@code env} (the StreamExecutionEnvironment) and {@code pipeline} (its {@code PipelineRef}).
 *
 * @param collected the variable of the stream of tapped sink output that a run collects, or null
 *                  when the sinks are Flink's own (an exported job)
 */
public record JobCode(String jobName, String pipelineJson, String baseDir, List<Statement> statements, String collected) {}
