package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.catalog.Params;
import dev.eddy.flink.nativejob.NativeJob.Stream;
import dev.eddy.flink.nativejob.RecordClasses.RecordClass;
import dev.eddy.model.Node;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.util.Collector;

/**
 * Joins of two keyed streams as Flink has them: {@code left.join(right).where(..).equalTo(..)
 * .window(..).apply(..)} for the window join, and {@code left.intervalJoin(right).between(..)
 * .process(..)} for the interval join. The joined record holds the left fields, then the right
 * ones (right_ before a name the left side has).
 */
final class NativeJoins {
    private NativeJoins() {}

    private record Sides(Stream left, Stream right, RecordClass out, List<CodeBlock> values) {}

    private static Sides sides(NativeJob job, Node n) {
        Stream left = job.input(n, "left");
        Stream right = job.input(n, "right");
        if (!left.keyed() || !right.keyed()) throw new JavaExpressions.NotNative("both inputs of a join must come from a key-by");
        if (left.keyColumns().size() > 1) throw new JavaExpressions.NotNative("a join on a key of several columns has no native translation yet");
        RecordClass out = job.records.of(job.validation.schema(n.id(), "out"), n.id());
        List<CodeBlock> values = new ArrayList<>();
        for (int i = 0; i < left.record().schema.size(); i++) values.add(left.record().get("l", i));
        for (int i = 0; i < right.record().schema.size(); i++) values.add(right.record().get("r", i));
        return new Sides(left, right, out, values);
    }

    static void windowJoin(NativeJob job, Node n, Params p) {
        Sides s = sides(job, n);
        CodeBlock assigner = NativeWindows.assigner(p, p.string("assigner"));
        job.declare(n, s.out(), CodeBlock.of("$L.join($L)\n.where($L)\n.equalTo($L)\n.window($L)\n.apply(($T l, $T r) -> $L, $T.of($T.class))",
                s.left().var(), s.right().var(), s.left().keySelector(), s.right().keySelector(), assigner,
                s.left().record().name, s.right().record().name, NativeJob.construct(s.out(), s.values()),
                org.apache.flink.api.common.typeinfo.TypeInformation.class, s.out().name));
    }

    static void intervalJoin(NativeJob job, Node n, Params p) {
        Sides s = sides(job, n);
        ClassName function = ClassName.get(job.pkg, RecordClasses.upperCamel(n.id()) + "Join");
        ParameterizedTypeName superclass = ParameterizedTypeName.get(ClassName.get(ProcessJoinFunction.class),
                s.left().record().name, s.right().record().name, s.out().name);
        job.classes.add(TypeSpec.classBuilder(function).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The pairs of $S: a left record and a right record of the same key within the interval.\n", n.id())
                .superclass(superclass)
                .addMethod(MethodSpec.methodBuilder("processElement").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addParameter(s.left().record().name, "l").addParameter(s.right().record().name, "r")
                        .addParameter(superclass.nestedClass("Context"), "context")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Collector.class), s.out().name), "out")
                        .addStatement("out.collect($L)", NativeJob.construct(s.out(), s.values())).build())
                .build());
        CodeBlock.Builder b = CodeBlock.builder().add("$L.intervalJoin($L)\n.between($L, $L)", s.left().var(), s.right().var(),
                NativeJob.duration(p.duration("lowerBound")), NativeJob.duration(p.duration("upperBound")));
        if (p.bool("lowerBoundExclusive")) b.add("\n.lowerBoundExclusive()");
        if (p.bool("upperBoundExclusive")) b.add("\n.upperBoundExclusive()");
        job.declare(n, s.out(), b.add("\n.process(new $T())", function).build());
    }
}
