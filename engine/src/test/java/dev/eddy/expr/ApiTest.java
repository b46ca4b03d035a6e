package dev.eddy.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.types.DataType;
import dev.eddy.types.Row;
import dev.eddy.types.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApiTest {
    private static final Schema SENSOR = Schema.of("temperature", DataType.DOUBLE, "room", DataType.STRING, "n", DataType.BIGINT);

    @Test
    void compiledExpressionDescribesItself() throws ExpressionError {
        CompiledExpression c = Expressions.compile("temperature > 30 AND room LIKE 'lab-%'", SENSOR);
        assertEquals("temperature > 30 AND room LIKE 'lab-%'", c.text());
        assertEquals(DataType.BOOLEAN, c.type());
        assertEquals(List.of("temperature", "room"), List.copyOf(c.fieldsUsed()));
        assertEquals(true, c.evaluate(Row.of(31.5, "lab-1", 0L)));
        assertEquals(false, c.evaluate(Row.of(29.0, "lab-1", 0L)));
        assertEquals(null, c.evaluate(Row.of(null, "lab-1", 0L)));
        assertEquals(false, c.evaluate(Row.of(null, "office", 0L)));
        assertEquals(c.text(), c.toString());
    }

    @Test
    void fieldsUsedInOrderOfFirstUseWithoutDuplicates() throws ExpressionError {
        assertEquals(List.of("room", "n"), List.copyOf(Expressions.compile("room || room || CAST(n AS STRING)", SENSOR).fieldsUsed()));
        assertEquals(Set.of(), Expressions.compile("1 + 2", SENSOR).fieldsUsed());
        assertThrows(UnsupportedOperationException.class, () -> Expressions.compile("n", SENSOR).fieldsUsed().add("x"));
    }

    @Test
    void astIsTypedAndMakesImplicitConversionsExplicit() throws ExpressionError {
        Expr ast = Expressions.compile("n + temperature", SENSOR).ast();
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, ast);
        assertEquals(Expr.BinaryOp.ADD, add.op());
        assertEquals(DataType.DOUBLE, add.type());
        assertEquals(3, add.column());
        Expr.Cast widened = assertInstanceOf(Expr.Cast.class, add.left());
        assertEquals(Expr.CastKind.IMPLICIT, widened.kind());
        assertEquals(new Expr.FieldRef("n", 2, DataType.BIGINT, 1), widened.operand());
        assertEquals(new Expr.FieldRef("temperature", 0, DataType.DOUBLE, 5), add.right());

        // Literals are converted in place rather than wrapped.
        Expr.Binary gt = assertInstanceOf(Expr.Binary.class, Expressions.compile("temperature > 30", SENSOR).ast());
        assertEquals(new Expr.Literal(30.0, DataType.DOUBLE, 15), gt.right());

        // Aliases resolve to the canonical function name.
        Expr.Call call = assertInstanceOf(Expr.Call.class, Expressions.compile("CHAR_LENGTH(room)", SENSOR).ast());
        assertEquals("LENGTH", call.function());
        assertEquals(DataType.BIGINT, call.type());
    }

    @Test
    void expectedTypeWidensAndAcceptsNull() throws ExpressionError {
        CompiledExpression c = Expressions.compile("n * 2", SENSOR, DataType.DOUBLE);
        assertEquals(DataType.DOUBLE, c.type());
        assertEquals(8.0, c.evaluate(Row.of(0.0, "x", 4L)));
        CompiledExpression nothing = Expressions.compile("NULL", SENSOR, DataType.BOOLEAN);
        assertEquals(DataType.BOOLEAN, nothing.type());
        assertEquals(null, nothing.evaluate(Row.of(0.0, "x", 4L)));
        assertEquals(DataType.STRING, Expressions.compile("room", SENSOR, null).type());
    }

    @Test
    void constantSubtreesAreFoldedOnce() throws ExpressionError {
        assertEquals(new Const("Ab"), new Compiler().compile(Eval.compile("UPPER('a') || 'b'").ast()));
        assertEquals(new Const(List.of("x", "y")), new Compiler().compile(Eval.compile("SPLIT('x,y', ',')").ast()));
        assertFalse(new Compiler().compile(Eval.compile("n + 1").ast()) instanceof Const);
        // A constant that fails is left to fail at run time, so compiling still succeeds.
        assertFalse(new Compiler().compile(Eval.compile("1 / 0").ast()) instanceof Const);
    }

    @Test
    void rowOfTheWrongShapeIsAnEvaluationException() throws ExpressionError {
        CompiledExpression c = Expressions.compile("n + 1", SENSOR);
        EvaluationException e = assertThrows(EvaluationException.class, () -> c.evaluate(Row.of(1.0, "x", "not a number")));
        assertTrue(e.getMessage().startsWith("cannot evaluate `n + 1`: the row does not match the schema"), e.getMessage());
        assertThrows(EvaluationException.class, () -> c.evaluate(Row.of(1.0)));
    }

    @Test
    void oneCompiledExpressionServesManyThreads() throws ExpressionError {
        // Runtime patterns go through the shared last-value cache; results must not mix up between threads.
        CompiledExpression c = Expressions.compile("'lab-' || CAST(n AS STRING) LIKE room", SENSOR);
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            Object r = c.evaluate(Row.of(0.0, i % 2 == 0 ? "lab-%" : "%-9", (long) i));
            assertEquals(i % 2 == 0 || i == 9, r, "row " + i);
        });
    }

    @Test
    void catalogIsConsistent() {
        List<FunctionDoc> all = FunctionCatalog.all();
        Set<String> names = new HashSet<>();
        Set<String> categories = Set.of("string", "math", "time", "conditional", "array");
        for (FunctionDoc d : all) {
            assertTrue(names.add(d.name()), "duplicate " + d.name());
            assertTrue(categories.contains(d.category()), d.name() + " has category " + d.category());
            assertTrue(d.signature().startsWith(d.name() + "(") && d.signature().endsWith(")"), d.signature());
            assertFalse(d.returns().isBlank(), d.name());
            assertTrue(d.description().endsWith("."), d.name() + ": " + d.description());
            assertFalse(d.signature().contains("|"), "a | would break the markdown table: " + d.signature());
        }
        assertTrue(all.size() >= 60, "only " + all.size() + " functions");
        assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
        assertEquals("SUBSTRING(s STRING, start BIGINT[, length BIGINT])",
                all.stream().filter(d -> d.name().equals("SUBSTRING")).findFirst().orElseThrow().signature());
    }

    @Test
    void printedFormIsCanonicalSource() throws ExpressionError {
        assertEquals("(n + 1) * 2 > 10 AND room IN ('a', 'b')",
                Exprs.print(Expressions.compile("(n+1)*2>10 and room in ('a','b')", SENSOR).ast()));
        assertEquals("CASE WHEN n > 0 THEN UPPER(room) ELSE 'it''s' END",
                Exprs.print(Expressions.compile("case when n>0 then upper(room) else 'it''s' end", SENSOR).ast()));
        assertEquals("NOT (n = 1 OR n = 2) AND - -5 < n - (n - 1)",
                Exprs.print(Expressions.compile("NOT (n = 1 OR n = 2) AND -(-5) < n - (n - 1)", SENSOR).ast()));
        assertEquals("room || 'x' LIKE '%x' AND n BETWEEN 1 AND 2 + 3",
                Exprs.print(Expressions.compile("(room || 'x') LIKE '%x' AND n BETWEEN 1 AND (2 + 3)", SENSOR).ast()));
        Schema odd = Schema.of("my field", DataType.BIGINT, "end", DataType.BIGINT);
        assertEquals("`my field` + `end`", Exprs.print(Expressions.compile("`my field` + `end`", odd).ast()));
    }

    @Test
    void printedFormParsesBackToTheSameTree() {
        for (String text : List.of("NOT b OR n > 3 AND s LIKE 'a!%' ESCAPE '!'", "-(n - 1) * -2 % 3", "s || (s || 'x')",
                "n - (n - 1) - n", "CASE s WHEN 'a' THEN 1 WHEN 'b' THEN 2.5 END", "TRY_CAST(s AS BIGINT) IS NOT NULL",
                "arr[n - 6] = 'a' = b", "ts BETWEEN '2024-01-01' AND TIMESTAMP_ADD(ts, 5) AND n NOT IN (1, NULL)",
                "COALESCE(nn, ROUND(d, 1), 2)", "ARRAY[ARRAY[1], ARRAY[2, 3]][2][1]", "CAST(POSITION('l' IN s) AS STRING) || `odd name` = '3odd'")) {
            String printed = Exprs.print(Eval.compile(text).ast());
            assertEquals(printed, Exprs.print(Eval.compile(printed).ast()), text);
            assertEquals(Eval.eval(text), Eval.eval(printed), text);
        }
    }
}
