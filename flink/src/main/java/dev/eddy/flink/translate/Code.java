package dev.eddy.flink.translate;

import java.util.Arrays;
import java.util.List;

/**
 * A Java expression of the job the translator writes. The same expression is either evaluated
 * (by {@link JobBuilder}, through reflection on Flink's API) to build the job that runs, or
 * written out (by {@link JavaSource}) as the readable code of an exported job, so the two cannot
 * drift apart.
 */
public sealed interface Code {
    /** A string, long, int, double or boolean constant. */
    record Literal(Object value) implements Code {}

    /** A variable declared by an earlier statement (or given: env, pipeline). */
    record Var(String name) implements Code {}

    /** The pipeline file's text: the PIPELINE constant in exported code. */
    record PipelineText() implements Code {}

    /** A public static field, {@code Type.NAME}. */
    record Field(Class<?> type, String name) implements Code {}

    /** {@code new Type(args)}; diamond writes {@code new Type<>(args)}. */
    record New(Class<?> type, boolean diamond, List<Code> args) implements Code {}

    /** {@code target.method(args)}. */
    record Invoke(Code target, String method, List<Code> args) implements Code {}

    /** {@code Type.<witness>method(args)}; the witness only shows in written code. */
    record Static(Class<?> type, String witness, String method, List<Code> args) implements Code {}

    static Code lit(Object v) { return new Literal(v); }

    static Code field(Class<?> type, String name) { return new Field(type, name); }

    static Code var(String name) { return new Var(name); }

    static Code make(Class<?> type, Code... args) { return new New(type, false, Arrays.asList(args)); }

    static Code makeGeneric(Class<?> type, Code... args) { return new New(type, true, Arrays.asList(args)); }

    static Code call(Class<?> type, String method, Code... args) { return new Static(type, null, method, Arrays.asList(args)); }

    static Code callTyped(Class<?> type, String witness, String method, Code... args) {
        return new Static(type, witness, method, Arrays.asList(args));
    }

    /** {@code this.method(args)}, for chaining. */
    default Code then(String method, Code... args) { return new Invoke(this, method, Arrays.asList(args)); }

    /** {@code Duration.ofMillis(ms)}. */
    static Code millis(long ms) { return call(java.time.Duration.class, "ofMillis", lit(ms)); }
}
