package dev.eddy.flink.sql;

import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.model.Pipeline;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a pipeline as a Flink SQL script into a folder: {@code pipeline.sql}, and under
 * {@code data/} the files it reads (the pipeline's own input files, and its inline rows as JSON
 * Lines). Flink's SQL client runs the script from that folder.
 */
public final class SqlExport {
    static final String SCRIPT = "pipeline.sql";

    private SqlExport() {}

    /**
     * How the script names its folders: {@code data} where it reads its input files, {@code output}
     * where its file sinks write (relative to where the SQL client runs, or absolute); {@code paced}
     * keeps a sequence's rate.
     */
    public record Options(String data, String output, boolean paced) {
        public static Options defaults() { return new Options("data", "output", true); }
    }

    /** A file the script reads, copied from the pipeline's folder; a CSV file's header line left out, since Flink's csv format reads none. */
    record Copy(String path, boolean dropHeader) {}

    public record Written(Path dir, Path script) {}

    /**
     * @param baseDir the folder the pipeline's relative input paths resolve against
     * @throws InvalidPipelineException when the pipeline is invalid or a node has no SQL translation, each named with why
     */
    public static Written write(Pipeline pipeline, Path baseDir, Path dir, Options options) throws IOException, InvalidPipelineException {
        Pipeline p = FlinkTranslator.withoutScriptedFaults(pipeline);
        ValidationResult v = FlinkTranslator.validate(p);
        SqlScript script = new SqlScript(p, v, options);
        String text;
        try {
            text = script.write();
        } catch (SqlScript.Refused r) {
            String what = p.name() == null ? "pipeline" : "pipeline \"" + p.name() + "\"";
            throw new InvalidPipelineException(what + " as Flink SQL", r.problems);
        }
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        for (var f : script.writtenFiles.entrySet()) {
            Files.createDirectories(data);
            Files.writeString(data.resolve(f.getKey()), f.getValue());
        }
        for (var f : script.copiedFiles.entrySet()) {
            Files.createDirectories(data);
            List<String> lines = Files.readAllLines(baseDir.resolve(f.getValue().path()));
            if (f.getValue().dropHeader() && !lines.isEmpty()) lines = lines.subList(1, lines.size());
            Files.write(data.resolve(f.getKey()), lines);
        }
        Path out = dir.resolve(SCRIPT);
        Files.writeString(out, text);
        return new Written(dir, out);
    }

    /** The script's statements, split where a statement ends (a semicolon at the end of a line, outside a quoted string). */
    public static List<String> statements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (String line : script.split("\n", -1)) {
            if (!quoted && line.startsWith("--")) continue;
            current.append(line).append('\n');
            for (char c : line.toCharArray()) if (c == '\'') quoted = !quoted;
            String t = current.toString().trim();
            boolean inBlock = t.startsWith("EXECUTE STATEMENT SET") && !t.endsWith("END;");
            if (!quoted && line.endsWith(";") && !inBlock) {
                out.add(t.substring(0, t.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().trim());
        return out;
    }
}
