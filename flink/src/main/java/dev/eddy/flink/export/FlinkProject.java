package dev.eddy.flink.export;

import dev.eddy.flink.runtime.PipelineRef;
import dev.eddy.flink.translate.FlinkTranslator;
import dev.eddy.flink.translate.JavaSource;
import dev.eddy.flink.translate.JobCode;
import dev.eddy.model.Pipeline;
import dev.eddy.validate.InvalidPipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes a pipeline as a small Maven project: one readable Java class that builds the Flink job,
 * a pom that packages it into a job jar for {@code flink run}, and Eddy's two libraries (the
 * engine, for the expressions and aggregates, and the Flink functions) in a repository folder of
 * the project itself, since they are not on Maven Central.
 */
public final class FlinkProject {
    private FlinkProject() {}

    /** What was written: the project folder, its job class's file, and the jar {@code mvn package} makes. */
    public record Written(Path dir, Path source, String jarName) {}

    public static Written write(Pipeline pipeline, Path baseDir, Path dir) throws IOException, InvalidPipelineException {
        JobCode job = FlinkTranslator.translate(pipeline, baseDir, FlinkTranslator.Sinks.FLINK);
        String artifact = artifactName(pipeline.name());
        String className = className(artifact);
        String header = "The pipeline \"" + job.jobName() + "\" as an Apache Flink DataStream job, written by Eddy.\n"
                + "Each statement below comes from one node of the pipeline; the comment above it names the node.\n"
                + "Flink's own operators do the streaming; Eddy's functions evaluate the expressions you wrote.";
        Path source = dir.resolve("src/main/java/eddy/job/" + className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, JavaSource.write(job, "eddy.job", className, header));
        Properties v = versions();
        Path repo = dir.resolve("lib");
        install(repo, "eddy-engine", v.getProperty("eddy"), jarOf(Pipeline.class));
        install(repo, "eddy-flink", v.getProperty("eddy"), jarOf(PipelineRef.class));
        Files.writeString(dir.resolve("pom.xml"), pom(artifact, className, v));
        Files.writeString(dir.resolve("README.md"), readme(job.jobName(), artifact, className, baseDir));
        return new Written(dir, source, artifact + "-job.jar");
    }

    static String artifactName(String name) {
        String a = (name == null ? "eddy-pipeline" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return a.isEmpty() ? "eddy-pipeline" : a;
    }

    static String className(String artifact) {
        StringBuilder b = new StringBuilder();
        for (String part : artifact.split("-")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String c = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "Pipeline" + b : b.toString();
        return c + "Job";
    }

    private static Properties versions() throws IOException {
        Properties p = new Properties();
        try (InputStream in = FlinkProject.class.getResourceAsStream("versions.properties")) {
            p.load(in);
        }
        return p;
    }

    /** The jar a class was loaded from; a classes folder (a build from source) is packed into one. */
    private static Path jarOf(Class<?> c) throws IOException {
        Path where;
        try {
            where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the classes of " + c.getName(), e);
        }
        if (Files.isRegularFile(where)) return where;
        Path jar = Files.createTempFile("eddy-classes", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(where)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(where.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A Maven repository layout of one jar with a minimal pom. */
    private static void install(Path repo, String artifact, String version, Path jar) throws IOException {
        Path d = repo.resolve("dev/eddy/" + artifact + "/" + version);
        Files.createDirectories(d);
        Files.copy(jar, d.resolve(artifact + "-" + version + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(d.resolve(artifact + "-" + version + ".pom"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.eddy</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                </project>
                """.formatted(artifact, version));
    }

    private static String pom(String artifact, String className, Properties v) throws IOException {
        try (InputStream in = FlinkProject.class.getResourceAsStream("pom.xml.template")) {
            String t = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return t.replace("@ARTIFACT@", artifact).replace("@MAIN@", "eddy.job." + className)
                    .replace("@FLINK@", v.getProperty("flink")).replace("@EDDY@", v.getProperty("eddy"))
                    .replace("@JACKSON@", v.getProperty("jackson"));
        }
    }

    private static String readme(String name, String artifact, String className, Path baseDir) {
        return "# " + name + " on Apache Flink\n\n"
                + "Written by Eddy (`eddy export-flink`). `src/main/java/eddy/job/" + className + ".java` builds the job;"
                + " each statement comes from one node of the pipeline.\n\n"
                + "```\nmvn package\nflink run target/" + artifact + "-job.jar [BASE_DIR]\n```\n\n"
                + "BASE_DIR is where the pipeline's relative input paths resolve; it defaults to `" + baseDir.toAbsolutePath().normalize()
                + "`, where the pipeline file was. `lib/` holds Eddy's two libraries as a Maven repository, since they are not"
                + " on Maven Central; the job jar includes them, and Flink's own classes come from the cluster.\n";
    }

}
