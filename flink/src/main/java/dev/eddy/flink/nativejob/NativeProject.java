package dev.eddy.flink.nativejob;

import com.palantir.javapoet.JavaFile;
import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.model.Pipeline;
import dev.eddy.validate.InvalidPipelineException;
import dev.eddy.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes a pipeline as a Maven project of plain Flink code: the job class, a record per schema,
 * the aggregate and window functions, the Sql, SqlFunctions and Lines helpers (SQL's rules, its
 * functions and the text formats, in source), the input files under {@code data/}, and a pom whose only dependencies are
 * Apache Flink's. {@code mvn package} makes a job jar for {@code flink run}.
 */
public final class NativeProject {
    private NativeProject() {}

    public static final String PACKAGE = "eddy.job";

    /** What was written: the folder, the job class's file and name, and the jar {@code mvn package} makes. */
    public record Written(Path dir, Path source, String mainClass, String jarName) {}

    /**
     * @param baseDir the folder the pipeline's relative input paths resolve against
     * @throws InvalidPipelineException when the pipeline is invalid or a node has no native translation, each named with why
     */
    public static Written write(Pipeline pipeline, Path baseDir, Path dir) throws IOException, InvalidPipelineException {
        return write(pipeline, baseDir, dir, true);
    }

    /** As {@link #write(Pipeline, Path, Path)}; {@code paced} false drops the sources' rates, so the job reads as fast as Flink can. */
    public static Written write(Pipeline pipeline, Path baseDir, Path dir, boolean paced) throws IOException, InvalidPipelineException {
        Pipeline p = FlinkTranslator.withoutScriptedFaults(pipeline);
        ValidationResult v = FlinkTranslator.validate(p);
        String artifact = artifactName(p.name());
        String className = className(artifact);
        NativeJob job = new NativeJob(p, v, PACKAGE, className, new NativeJob.Options(paced));
        List<JavaFile> files;
        try {
            files = job.write();
        } catch (NativeJob.Refused r) {
            String what = p.name() == null ? "pipeline" : "pipeline \"" + p.name() + "\"";
            throw new InvalidPipelineException(what + " as native Flink code", r.problems);
        }
        Path sources = dir.resolve("src/main/java");
        for (JavaFile f : files) f.writeTo(sources);
        Path pkgDir = sources.resolve(PACKAGE.replace('.', '/'));
        for (String h : job.helpers) {
            // Seeds and ClickSchedule are the engine's own, so that generators draw what Eddy's do; the others are the export's.
            String text = h.equals("Seeds") || h.equals("ClickSchedule") ? helper("/dev/eddy/connectors/" + h + ".java", "dev.eddy.connectors")
                    : helper("sql/" + h + ".java", "dev.eddy.flink.nativejob.sql");
            Files.writeString(pkgDir.resolve(h + ".java"), text);
        }
        Path data = dir.resolve("data");
        for (var f : job.dataFiles.entrySet()) {
            Files.createDirectories(data);
            Files.copy(baseDir.resolve(f.getValue()), data.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("pom.xml"), pom(artifact, className, p.description()));
        Files.writeString(dir.resolve("README.md"), readme(p.name() == null ? "Eddy pipeline" : p.name(), artifact, className, !job.dataFiles.isEmpty()));
        return new Written(dir, pkgDir.resolve(className + ".java"), PACKAGE + "." + className, artifact + "-job.jar");
    }

    /** A helper's source (Eddy's own, shipped in its jars), moved into the job's package. */
    private static String helper(String resource, String pkg) throws IOException {
        try (InputStream in = NativeProject.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the helper " + resource + " is missing from Eddy's jar");
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.replace("package " + pkg + ";", "package " + PACKAGE + ";");
        }
    }

    static String artifactName(String name) {
        String a = (name == null ? "eddy-pipeline" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return a.isEmpty() ? "eddy-pipeline" : a;
    }

    static String className(String artifact) { return RecordClasses.upperCamel(artifact) + "Job"; }

    private static String pom(String artifact, String className, String description) throws IOException {
        Properties v = new Properties();
        try (InputStream in = FlinkTranslator.class.getResourceAsStream("/dev/eddy/flink/export/versions.properties")) {
            v.load(in);
        }
        try (InputStream in = NativeProject.class.getResourceAsStream("/dev/eddy/flink/export/native-pom.xml.template")) {
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String d = description == null ? "A pipeline designed in Eddy, as an Apache Flink job" : description;
            return t.replace("@ARTIFACT@", artifact).replace("@MAIN@", PACKAGE + "." + className).replace("@FLINK@", v.getProperty("flink"))
                    .replace("@DESCRIPTION@", d.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }

    private static String readme(String name, String artifact, String className, boolean data) {
        return "# " + name + " on Apache Flink\n\n"
                + "Written by Eddy (`./eddy export-flink`): plain Flink DataStream code, with no Eddy library in it."
                + " `src/main/java/eddy/job/" + className + ".java` builds the job; each statement comes from one node of the"
                + " pipeline, named in the comment above it. Each record class is the schema on one of the pipeline's edges;"
                + " `Sql.java` keeps SQL's rules for the expressions (NULLs, three-valued logic), `SqlFunctions.java` the functions"
                + " they call, `Lines.java` the text formats.\n\n"
                + "```\nmvn package\nflink run target/" + artifact + "-job.jar" + (data ? " --data data" : "") + " --output output\n```\n\n"
                + (data ? "`data/` holds the pipeline's input files; `--data` says where they are on the machine that runs the job. " : "")
                + "File sinks write under `--output`; Flink's FileSink commits part files on checkpoints and at the end of the input.\n";
    }
}
