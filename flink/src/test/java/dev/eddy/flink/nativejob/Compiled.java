package dev.eddy.flink.nativejob;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java sources compiled with the JDK's compiler against the test's class path, and loaded. */
final class Compiled {
    private Compiled() {}

    /** Compiles every .java file under {@code sources} into {@code classes}; fails the test with javac's messages. */
    static ClassLoader compile(Path sources, Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-Xlint:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        Files.createDirectories(classes);
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) { messages.write(b); }
        }, true), args.toArray(new String[0]));
        assertTrue(rc == 0, "javac failed:\n" + messages);
        return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
    }
}
