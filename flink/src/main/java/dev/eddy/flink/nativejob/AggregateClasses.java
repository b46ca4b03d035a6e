package dev.eddy.flink.nativejob;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.operators.AggregateCall;
import dev.eddy.types.DataType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * An aggregate node's or window's aggregates as Flink's {@link AggregateFunction} with an explicit
 * accumulator: one public field per aggregate (a sum and a count for AVG), NULLs skipped as SQL's
 * aggregates skip them, and a merge for session windows in which the first accumulator holds the
 * earlier records (FIRST keeps its value).
 */
final class AggregateClasses {
    private AggregateClasses() {}

    /** One aggregate: the output column and its Java name, the call, the input field and how to read it (null for COUNT(*)). */
    record Call(String column, String javaName, AggregateCall.Function function, String inputField, CodeBlock value,
                DataType resultType) {}

    /** Writes {@code <Name>Aggregate} with its nested {@code Accumulator}. */
    static TypeSpec aggregateFunction(ClassName name, ClassName input, List<Call> calls, ClassName sql, String node) {
        ClassName acc = name.nestedClass("Accumulator");
        TypeSpec.Builder accumulator = TypeSpec.classBuilder(acc).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What the aggregates keep between records; public fields and no constructor, so Flink treats it as a POJO.\n");
        MethodSpec.Builder add = MethodSpec.methodBuilder("add").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(acc).addParameter(input, "r").addParameter(acc, "acc");
        MethodSpec.Builder merge = MethodSpec.methodBuilder("merge").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(acc).addParameter(acc, "a").addParameter(acc, "b");
        for (Call c : calls) {
            String f = c.javaName();
            TypeName result = JavaExpressions.javaType(c.resultType());
            switch (c.function()) {
                case COUNT -> {
                    accumulator.addField(FieldSpec.builder(long.class, f, Modifier.PUBLIC).build());
                    if (c.value() == null) add.addStatement("acc.$L++", f);
                    else add.addStatement("if ($L != null) acc.$L++", c.value(), f);
                    merge.addStatement("a.$L += b.$L", f, f);
                    accumulator.addMethod(getter(f, ClassName.get(Long.class), CodeBlock.of("$L", f)));
                }
                case AVG -> {
                    accumulator.addField(FieldSpec.builder(Double.class, f + "Sum", Modifier.PUBLIC).build());
                    accumulator.addField(FieldSpec.builder(long.class, f + "Count", Modifier.PUBLIC).build());
                    add.beginControlFlow("if ($L != null)", c.value())
                            .addStatement("acc.$LSum = (acc.$LSum == null ? 0.0 : acc.$LSum) + $L.doubleValue()", f, f, f, c.value())
                            .addStatement("acc.$LCount++", f).endControlFlow();
                    merge.addStatement("a.$LSum = a.$LSum == null ? b.$LSum : b.$LSum == null ? a.$LSum : (Double) (a.$LSum + b.$LSum)",
                            f, f, f, f, f, f, f);
                    merge.addStatement("a.$LCount += b.$LCount", f, f);
                    accumulator.addMethod(getter(f, result, CodeBlock.of("$LCount == 0 ? null : (Double) ($LSum / $LCount)", f, f, f)));
                }
                default -> {
                    accumulator.addField(FieldSpec.builder(result, f, Modifier.PUBLIC).build());
                    String combiner = Map.of(AggregateCall.Function.SUM, "sum", AggregateCall.Function.MIN, "min",
                            AggregateCall.Function.MAX, "max", AggregateCall.Function.FIRST, "first", AggregateCall.Function.LAST, "last")
                            .get(c.function());
                    add.addStatement("acc.$L = $T.$L(acc.$L, $L)", f, sql, combiner, f, c.value());
                    merge.addStatement("a.$L = $T.$L(a.$L, b.$L)", f, sql, combiner, f, f);
                    accumulator.addMethod(getter(f, result, CodeBlock.of("$L", f)));
                }
            }
        }
        add.addStatement("return acc");
        merge.addStatement("return a");
        StringBuilder what = new StringBuilder();
        for (Call c : calls) what.append(what.length() == 0 ? "" : ", ").append(c.column()).append(" = ").append(c.function())
                .append('(').append(c.value() == null ? "*" : c.inputField()).append(')');
        return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The aggregates of $S: $L.\n", node, what)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(AggregateFunction.class), input, acc, acc))
                .addType(accumulator.build())
                .addMethod(MethodSpec.methodBuilder("createAccumulator").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(acc).addStatement("return new $T()", acc).build())
                .addMethod(add.build())
                .addMethod(MethodSpec.methodBuilder("getResult").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(acc).addParameter(acc, "acc").addStatement("return acc").build())
                .addMethod(merge.build())
                .build();
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type).addStatement("return $L", value).build();
    }
}
