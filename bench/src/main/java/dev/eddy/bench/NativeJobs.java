package dev.eddy.bench;

import dev.eddy.flink.nativejob.NativeProject;
import dev.eddy.model.Pipeline;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipelines as the Flink jobs a person would write instead: exported by {@code export-flink}
 * without the sources' rates, compiled once with the JDK's compiler into a job jar, and built
 * into an environment that submits that jar to the benchmark's cluster, as {@code flink run} would.
 */
final class NativeJobs {
    /** A compiled job: its jar and the class whose build(env, data, output) adds its operators. */
    record Job(Path jar, Class<?> main) {}

    private final Map<Pipeline, Job> compiled = new java.util.IdentityHashMap<>();

    Job of(Pipeline p) throws IOException {
        Job j = compiled.get(p);
        if (j == null) {
            j = compile(p);
            compiled.put(p, j);
        }
        return j;
    }

    /** Adds the job's operators to {@code env} (made with {@link Job#jar} as its jar file). */
    static void build(Job job, StreamExecutionEnvironment env, Path work) throws Exception {
        // Flink reads the lambdas' types through the thread's class loader, as it would in the job's own JVM.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(job.main().getClassLoader());
        try {
            job.main().getMethod("build", StreamExecutionEnvironment.class, String.class, String.class)
                    .invoke(null, env, work.resolve("data").toString(), work.resolve("output").toString());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Job compile(Pipeline p) throws IOException {
        Path project = Files.createTempDirectory("eddy-native-job");
        try {
            NativeProject.Written w = NativeProject.write(p, Path.of("."), project, false);
            Path classes = Files.createDirectories(project.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-nowarn"));
            try (Stream<Path> files = Files.walk(project.resolve("src"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            }
            StringWriter messages = new StringWriter();
            var javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) throw new IOException("the native Flink column needs a JDK (javac), not a JRE");
            int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) { messages.write(b); }
            }, true), args.toArray(new String[0]));
            if (rc != 0) throw new IOException("the exported job of \"" + p.name() + "\" does not compile:\n" + messages);
            Path jar = project.resolve(w.jarName());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, NativeJobs.class.getClassLoader());
            return new Job(jar, loader.loadClass(w.mainClass()));
        } catch (dev.eddy.validate.InvalidPipelineException e) {
            throw new IOException(e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
