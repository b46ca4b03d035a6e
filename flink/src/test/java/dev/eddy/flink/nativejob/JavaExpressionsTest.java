package dev.eddy.flink.nativejob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eddy.expr.CompiledExpression;
import dev.eddy.expr.Expressions;
import dev.eddy.flink.ExpressionCases;
import dev.eddy.types.Row;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator and every function the native export writes, computed by Eddy's evaluator and by
 * the Java the export generates (compiled with javac, the Sql helper doing what Java does not) on
 * the same records: edge values, NULLs and a few hundred seeded random ones. Results must be
 * equal, and where Eddy fails a record the generated Java must fail it too.
 */
class JavaExpressionsTest {
    @TempDir
    Path dir;

    private record Outcome(Object value, boolean failed) {}

    @Test
    void theGeneratedJavaComputesWhatEddyComputesForEveryRecord() throws Exception {
        ClassName sql = ClassName.get(dev.eddy.flink.nativejob.sql.Sql.class);
        TypeSpec.Builder type = TypeSpec.classBuilder("Generated").addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        List<CompiledExpression> compiled = new ArrayList<>();
        for (int i = 0; i < ExpressionCases.EXPRESSIONS.size(); i++) {
            CompiledExpression e = Expressions.compile(ExpressionCases.EXPRESSIONS.get(i), ExpressionCases.SCHEMA);
            compiled.add(e);
            JavaExpressions java = new JavaExpressions(sql, f -> CodeBlock.of("(($T) row[$L])", JavaExpressions.javaType(f.type()), f.index()));
            type.addMethod(MethodSpec.methodBuilder("e" + i).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(Object.class)
                    .addParameter(Object[].class, "row").addStatement("return $L", java.of(e.ast())).build());
        }
        Path src = dir.resolve("src");
        JavaFile.builder("gen", type.build()).build().writeTo(src);
        Class<?> generated = Compiled.compile(src, dir.resolve("classes")).loadClass("gen.Generated");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int failures = 0;
        int nulls = 0;
        for (int i = 0; i < ExpressionCases.EXPRESSIONS.size(); i++) {
            Method m = generated.getMethod("e" + i, Object[].class);
            for (Object[] values : ExpressionCases.rows()) {
                Outcome eddy;
                try {
                    eddy = new Outcome(compiled.get(i).evaluate(Row.wrap(values.clone())), false);
                } catch (RuntimeException e) {
                    eddy = new Outcome(null, true);
                }
                Outcome java;
                try {
                    java = new Outcome(m.invoke(null, (Object) values.clone()), false);
                } catch (InvocationTargetException e) {
                    java = new Outcome(null, true);
                }
                compared++;
                if (eddy.failed()) failures++;
                else if (eddy.value() == null) nulls++;
                if (!Objects.equals(eddy, java) && differences.size() < 20) {
                    differences.add(ExpressionCases.EXPRESSIONS.get(i) + " on " + Arrays.toString(values) + ": Eddy " + eddy + ", Java " + java);
                }
            }
        }
        assertEquals(List.of(), differences, "of " + compared + " computations");
        assertTrue(compared > 35_000, compared + " computations");
        assertTrue(failures > 100 && nulls > 5_000 && compared - failures - nulls > 20_000,
                "the records reach every kind of outcome: " + failures + " failed, " + nulls + " NULL of " + compared);
    }

    @Test
    void aFunctionWithoutAJavaTranslationIsNamed() throws Exception {
        CompiledExpression e = Expressions.compile("INITCAP(s)", ExpressionCases.SCHEMA);
        JavaExpressions java = new JavaExpressions(ClassName.get("p", "Sql"), f -> CodeBlock.of("r"));
        var refused = assertThrows(JavaExpressions.NotNative.class, () -> java.of(e.ast()));
        assertEquals("the function INITCAP has no Java translation yet", refused.getMessage());
    }
}
