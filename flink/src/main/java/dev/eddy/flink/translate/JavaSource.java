package dev.eddy.flink.translate;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes a translated job as one readable Java class: the pipeline file as a text block, then one
 * statement per line with the node it comes from in a comment above it.
 */
public final class JavaSource {
    private final TreeSet<String> imports = new TreeSet<>();

    private JavaSource() {}

    /** The source of class {@code packageName.className}. */
    public static String write(JobCode job, String packageName, String className, String header) {
        return new JavaSource().render(job, packageName, className, header);
    }

    private String render(JobCode job, String packageName, String className, String header) {
        StringBuilder body = new StringBuilder();
        imports.add("org.apache.flink.streaming.api.environment.StreamExecutionEnvironment");
        imports.add("dev.eddy.flink.runtime.PipelineRef");
        body.append("        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();\n");
        body.append("        // Relative input paths resolve against this folder; pass another as the first argument.\n");
        body.append("        String baseDir = args.length > 0 ? args[0] : ").append(literal(job.baseDir())).append(";\n");
        body.append("        PipelineRef pipeline = new PipelineRef(PIPELINE, baseDir);\n");
        for (Statement s : job.statements()) {
            body.append('\n');
            if (s.comment() != null) {
                for (String line : s.comment().split("\n")) body.append("        // ").append(line).append('\n');
            }
            body.append("        ");
            if (s.name() != null) {
                addImportsOf(s.type());
                body.append(s.type()).append(' ').append(s.name()).append(" = ");
            }
            body.append(expression(s.value(), 2)).append(";\n");
        }
        body.append("\n        env.execute(").append(literal(job.jobName())).append(");\n");

        StringBuilder out = new StringBuilder();
        out.append("package ").append(packageName).append(";\n\n");
        for (String i : imports) out.append("import ").append(i).append(";\n");
        out.append("\n/**\n");
        for (String line : header.split("\n")) out.append(" * ").append(line).append('\n');
        out.append(" */\n");
        out.append("public final class ").append(className).append(" {\n");
        out.append("    /** The pipeline file: Eddy's functions compile their node's expressions from it on the task managers. */\n");
        out.append("    static final String PIPELINE = \"\"\"\n");
        for (String line : job.pipelineJson().split("\n")) out.append("            ").append(textBlockLine(line)).append('\n');
        out.append("            \"\"\";\n\n");
        out.append("    private ").append(className).append("() {}\n\n");
        out.append("    public static void main(String[] args) throws Exception {\n");
        out.append(body);
        out.append("    }\n}\n");
        return out.toString();
    }

    /** Declared types name Flink's and Eddy's classes by simple name; import the ones we know. */
    private void addImportsOf(String type) {
        for (String[] known : KNOWN_TYPES) if (type.matches(".*\\b" + known[0] + "\\b.*")) imports.add(known[1]);
    }

    private static final String[][] KNOWN_TYPES = {
            {"DataStream", "org.apache.flink.streaming.api.datastream.DataStream"},
            {"SingleOutputStreamOperator", "org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator"},
            {"KeyedStream", "org.apache.flink.streaming.api.datastream.KeyedStream"},
            {"WatermarkStrategy", "org.apache.flink.api.common.eventtime.WatermarkStrategy"},
            {"Row", "dev.eddy.types.Row"},
    };

    private String expression(Code c, int depth) {
        if (c instanceof Code.Literal l) return literal(l.value());
        if (c instanceof Code.Var v) return v.name();
        if (c instanceof Code.PipelineText) return "PIPELINE";
        if (c instanceof Code.Field f) return typeName(f.type()) + "." + f.name();
        if (c instanceof Code.New n) return "new " + typeName(n.type()) + (n.diamond() ? "<>" : "") + args(n.args(), depth);
        if (c instanceof Code.Static s) {
            return typeName(s.type()) + "." + (s.witness() == null ? "" : "<" + s.witness() + ">") + s.method() + args(s.args(), depth);
        }
        Code.Invoke i = (Code.Invoke) c;
        String target = expression(i.target(), depth);
        // A chain of calls reads best one call per line.
        String sep = i.target() instanceof Code.Invoke ? "\n" + "    ".repeat(depth + 1) + "." : ".";
        if (i.target() instanceof Code.Var && chainLength(c) > 1) sep = "\n" + "    ".repeat(depth + 1) + ".";
        return target + sep + i.method() + args(i.args(), depth);
    }

    private static int chainLength(Code c) {
        int n = 0;
        while (c instanceof Code.Invoke i) {
            n++;
            c = i.target();
        }
        return n;
    }

    private String args(List<Code> args, int depth) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(expression(args.get(i), depth + 1));
        }
        return b.append(')').toString();
    }

    private String typeName(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        imports.add(top.getName());
        return type.getName().substring(top.getPackageName().length() + 1).replace('$', '.');
    }

    static String literal(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return "\"" + escape(s) + "\"";
        if (v instanceof Long l) return l + "L";
        if (v instanceof Double d) {
            if (d.isNaN()) return "Double.NaN";
            if (d.isInfinite()) return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
            return d.toString();
        }
        return String.valueOf(v);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }

    /** Text blocks keep everything but backslashes and three quotes in a row. */
    private static String textBlockLine(String line) {
        return line.replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
    }
}
