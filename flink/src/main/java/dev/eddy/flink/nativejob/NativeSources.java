package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.catalog.Params;
import dev.eddy.connectors.Seeds;
import dev.eddy.flink.nativejob.RecordClasses.Form;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Node;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;

/**
 * Sources as Flink's own: inline rows through {@code fromData}, files through FileSource, numbers
 * through {@code fromSequence}, and Eddy's generators through DataGeneratorSource with a
 * GeneratorFunction that computes record k from k and the seed alone, exactly as Eddy's does, so
 * the job reads the data the designer showed. A rate becomes Flink's RateLimiterStrategy unless
 * the export is told to go as fast as it can.
 */
final class NativeSources {
    private NativeSources() {}

    static void rows(NativeJob job, Node n, Params p) {
        Schema schema = job.validation.schema(n.id(), "out");
        RecordClass r = job.records.of(schema, n.id());
        List<Row> rows = p.rows("rows", schema);
        CodeBlock.Builder values = CodeBlock.builder();
        for (int i = 0; i < rows.size(); i++) {
            List<CodeBlock> fields = new ArrayList<>();
            for (int f = 0; f < schema.size(); f++) fields.add(NativeJob.literal(rows.get(i).get(f), schema.field(f).type()));
            values.add(i == 0 ? "" : ",\n").add("new $T($L)", r.name, CodeBlock.join(fields, ", "));
        }
        job.declare(n, r, withWatermarks(job, n, p, r, CodeBlock.of("env.fromData(\n$>$L$<)", values.build())));
    }

    static void file(NativeJob job, Node n, Params p) {
        Schema schema = job.validation.schema(n.id(), "out");
        RecordClass r = job.records.of(schema, n.id());
        String path = p.string("path");
        String name = java.nio.file.Path.of(path).getFileName().toString();
        job.dataFiles.put(name, path);
        String format = p.string("format");
        String source = job.fresh(n.id() + " files");
        job.body.addStatement("$T<$T> $L = $T.forRecordStreamFormat(new $T(), new $T(data, $S)).build()",
                FileSource.class, String.class, source, FileSource.class, TextLineInputFormat.class, Path.class, name);
        CodeBlock lines = CodeBlock.of("env.fromSource($L, $T.noWatermarks(), $S)", source, WatermarkStrategy.class, n.id());
        CodeBlock parsed;
        if (format.equals("text")) {
            parsed = CodeBlock.of("$L\n.map($T::new)", lines, r.name);
        } else if (format.equals("csv")) {
            r.forms.add(Form.FROM_CSV);
            r.delimiter = p.string("delimiter").charAt(0);
            CodeBlock skip = p.bool("header")
                    ? CodeBlock.of("line -> !line.isBlank() && !line.equals($S)", String.join(String.valueOf(r.delimiter), schema.names()))
                    : CodeBlock.of("line -> !line.isBlank()");
            parsed = CodeBlock.of("$L\n.filter($L)\n.map($T::fromCsv)", lines, skip, r.name);
        } else {
            throw new JavaExpressions.NotNative("reading " + format + " files has no native translation yet (text and csv do)");
        }
        job.declare(n, r, withWatermarks(job, n, p, r, parsed));
    }

    static void sequence(NativeJob job, Node n, Params p) {
        RecordClass r = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        long from = p.integer("from");
        Long to = p.integer("to");
        Double rate = p.number("rate");
        if (rate != null && rate > 0 && job.options.paced()) {
            long count = to == null ? Long.MAX_VALUE : to - from + 1;
            String source = job.fresh(n.id() + " numbers");
            job.body.addStatement("$T<$T> $L = new $T<>(index -> $LL + index, $LL, $T.perSecond($L), $T.of($T.class))",
                    DataGeneratorSource.class, Long.class, source, DataGeneratorSource.class, from, count, RateLimiterStrategy.class,
                    rate, TypeInformation.class, Long.class);
            job.declare(n, r, withWatermarks(job, n, p, r, CodeBlock.of("env.fromSource($L, $T.noWatermarks(), $S)\n.map($T::new)",
                    source, WatermarkStrategy.class, n.id(), r.name)));
            return;
        }
        job.declare(n, r, withWatermarks(job, n, p, r, CodeBlock.of("env.fromSequence($LL, $L)\n.map($T::new)", from,
                to == null ? CodeBlock.of("$T.MAX_VALUE", Long.class) : CodeBlock.of("$LL", to), r.name)));
    }

    /** Eddy's indexed generators (sensors, payments) as a DataGeneratorSource over a GeneratorFunction of the index. */
    static void generator(NativeJob job, Node n, Params p) {
        RecordClass r = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        ClassName function = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Generator");
        long seed = Seeds.forNode(job.pipeline.settings().seedOrDefault(), n.id());
        Double rateParam = p.number("rate");
        double rate = rateParam == null ? 0 : rateParam;
        long start = p.instant("start");
        Long count = p.integer("count");
        TypeSpec.Builder t = TypeSpec.classBuilder(function).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(GeneratorFunction.class), ClassName.get(Long.class), r.name))
                .addField(constant(long.class, "SEED", CodeBlock.of("$LL", seed),
                        "The seed of \"" + n.id() + "\": pipeline seed " + job.pipeline.settings().seedOrDefault() + " mixed with the node's name."))
                .addField(constant(long.class, "START", CodeBlock.of("$LL", start), "The event time of the first record, " + Instant.ofEpochMilli(start) + "."))
                .addField(constant(double.class, "RATE", CodeBlock.of("$L", rate), "Records per second, which also spaces their event times."))
                .addMethod(MethodSpec.methodBuilder("timeOf").addModifiers(Modifier.STATIC).returns(long.class).addParameter(long.class, "k")
                        .addJavadoc("The moment record k is made: its nominal event time.\n")
                        .addStatement("return RATE > 0 ? START + (long) Math.floor(k * 1000.0 / RATE) : START").build());
        MethodSpec.Builder map = MethodSpec.methodBuilder("map").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(r.name).addParameter(Long.class, "k");
        ClassName seeds = job.helper("Seeds");
        if (n.type().equals("source.sensors")) {
            int sensors = p.integer("sensors").intValue();
            int rooms = p.integer("rooms").intValue();
            long maxDelay = p.duration("maxDelay");
            double lateRatio = p.number("lateRatio");
            t.addJavadoc("Eddy's sensor readings for $S: $L sensors in $L rooms, each reading taken up to $L ms before it is sent,"
                    + " a share of $L later still.\n", n.id(), sensors, rooms, maxDelay, lateRatio);
            map.addStatement("int sensor = (int) (k % $L)", sensors)
                    .addStatement("int room = sensor % $L", rooms)
                    .addStatement("long sent = timeOf(k)")
                    .addStatement("long delay = $T.unit(SEED, k, 1) < $L\n? $LL + (long) ($T.unit(SEED, k, 2) * $LL)\n: (long) ($T.unit(SEED, k, 3) * $LL)",
                            seeds, lateRatio, maxDelay + 1, seeds, Math.max(maxDelay, 1000), seeds, maxDelay + 1)
                    .addStatement("long eventTime = sent - delay")
                    .addStatement("double wave = 1.5 * Math.sin(2 * Math.PI * (eventTime - START) / 600_000.0)")
                    .addStatement("double temperature = 19.0 + room * 1.5 + wave + 0.4 * $T.gaussian(SEED, k, 4)", seeds)
                    .addStatement("return new $T(\"sensor-\" + (sensor + 1), \"room-\" + (room + 1), Math.round(temperature * 10) / 10.0, "
                            + "$T.ofEpochMilli(eventTime))", r.name, Instant.class);
        } else {
            t.addJavadoc("Eddy's payments for $S, as the Flink playground's PyFlink walkthrough makes them.\n", n.id());
            map.addStatement("double amount = Math.floor($T.unit(SEED, k, 1) * 100_000 * 100) / 100.0", seeds)
                    .addStatement("long platform = $T.unit(SEED, k, 2) < 0.9 ? 0L : 1L", seeds)
                    .addStatement("long province = (long) ($T.unit(SEED, k, 3) * 7)", seeds)
                    .addStatement("return new $T($T.ofEpochMilli(timeOf(k)), START / 1000 + k, amount, platform, province)", r.name, Instant.class);
        }
        job.classes.add(t.addMethod(map.build()).build());
        String source = job.fresh(n.id() + " generator");
        CodeBlock limit = rate > 0 && job.options.paced() ? CodeBlock.of("$T.perSecond($L)", RateLimiterStrategy.class, rate)
                : CodeBlock.of("$T.noOp()", RateLimiterStrategy.class);
        job.body.addStatement("$T<$T> $L = new $T<>(new $T(), $L, $L, $T.of($T.class))", DataGeneratorSource.class, r.name, source,
                DataGeneratorSource.class, function, count == null ? CodeBlock.of("$T.MAX_VALUE", Long.class) : CodeBlock.of("$LL", count),
                limit, TypeInformation.class, r.name);
        job.declare(n, r, withWatermarks(job, n, p, r, CodeBlock.of("env.fromSource($L, $T.noWatermarks(), $S)", source, WatermarkStrategy.class, n.id())));
    }

    /**
     * Eddy's clickstream as a DataGeneratorSource over a GeneratorFunction that takes each next
     * click from Eddy's own ClickSchedule (shipped in the project): one reader, in order, since a
     * click depends on the ones before it.
     */
    static void clicks(NativeJob job, Node n, Params p) {
        if (job.validation.parallelism().get(n.id()) != 1) {
            throw new JavaExpressions.NotNative("the clicks are made in order by one reader; give the source a parallelism of 1");
        }
        RecordClass r = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        ClassName function = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Generator");
        ClassName schedule = job.helper("ClickSchedule");
        job.helper("Seeds");
        long seed = Seeds.forNode(job.pipeline.settings().seedOrDefault(), n.id());
        Long count = p.integer("count");
        CodeBlock make = CodeBlock.of("new $T($LL, $L, $LL, $LL, $LL, 0, 1)", schedule, seed, p.integer("users"), p.duration("sessionGap"),
                count == null ? -1 : count, p.instant("start"));
        TypeSpec t = TypeSpec.classBuilder(function).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Eddy's clicks for $S: $L users, sessions apart by more than $L ms (seed $L: the pipeline's mixed with the node's name).\n",
                        n.id(), p.integer("users"), p.duration("sessionGap"), seed)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(GeneratorFunction.class), ClassName.get(Long.class), r.name))
                .addField(FieldSpec.builder(schedule, "schedule", Modifier.PRIVATE, Modifier.TRANSIENT).build())
                .addMethod(MethodSpec.methodBuilder("open").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addParameter(org.apache.flink.api.connector.source.SourceReaderContext.class, "readerContext")
                        .addStatement("schedule = $L", make).build())
                .addMethod(MethodSpec.methodBuilder("map").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(r.name).addParameter(Long.class, "k")
                        .addStatement("$T.Click c = schedule.next()", schedule)
                        .addStatement("return new $T(\"user-\" + (c.user() + 1), c.page(), $T.ofEpochMilli(c.time()))", r.name, Instant.class).build())
                .build();
        job.classes.add(t);
        String source = job.fresh(n.id() + " generator");
        job.body.addStatement("$T<$T> $L = new $T<>(new $T(), $L, $T.of($T.class))", DataGeneratorSource.class, r.name, source,
                DataGeneratorSource.class, function, count == null ? CodeBlock.of("$T.MAX_VALUE", Long.class) : CodeBlock.of("$LL", count),
                TypeInformation.class, r.name);
        job.declare(n, r, withWatermarks(job, n, p, r, CodeBlock.of("env.fromSource($L, $T.noWatermarks(), $S)", source, WatermarkStrategy.class, n.id())));
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value, String doc) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).addJavadoc("$L\n", doc).initializer(value).build();
    }

    /** A source's own watermark strategy, when it has one, as assignTimestampsAndWatermarks right after it. */
    private static CodeBlock withWatermarks(NativeJob job, Node n, Params p, RecordClass r, CodeBlock stream) {
        if (!p.isSet("watermarks")) return stream;
        return CodeBlock.of("$L\n.assignTimestampsAndWatermarks($L)", stream, job.strategy(n, p, p.string("watermarks"), r));
    }
}
