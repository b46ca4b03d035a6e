package dev.eddy.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.types.DataType;
import dev.eddy.types.Field;
import dev.eddy.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the process language accepts, the output schemas it derives, and where it says a program is wrong. */
class ProgramCompilerTest {
    private static final Schema IN = Schema.of("room", DataType.STRING, "temperature", DataType.DOUBLE, "n", DataType.BIGINT);
    private static final List<Field> KEY = List.of(new Field("room", DataType.STRING));
    private static final List<String> PORTS = List.of("out", "side");

    private static CompiledProgram compile(String text) throws ProgramError {
        return ProgramCompiler.compile(text, IN, KEY, PORTS);
    }

    private static ProgramError error(String text) {
        return assertThrows(ProgramError.class, () -> compile(text));
    }

    private static void assertError(String text, int line, int column, String containing) {
        ProgramError e = error(text);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.reason().contains(containing), e.getMessage());
    }

    @Test
    void theOutputSchemaComesFromTheEmitsAndNumbersWidenToDouble() throws ProgramError {
        CompiledProgram p = compile("""
                state last DOUBLE; -- the previous reading
                on record {
                  if last IS NULL { emit room, n AS x; }
                  else { emit room, temperature AS x; }   // a DOUBLE here
                  emit to side room;
                  last = temperature;
                }
                """);
        assertEquals(Schema.of("room", DataType.STRING, "x", DataType.DOUBLE), p.outputs().get("out"));
        assertEquals(Schema.of("room", DataType.STRING), p.outputs().get("side"));
        assertEquals(1, p.states().size());
        assertTrue(!p.hasTimerHandler());
    }

    @Test
    void syntaxErrorsSayWhereAndWhatWasExpected() {
        assertError("on record {\n  emit room\n}", 2, 12, "expected `;` to end the statement");
        assertError("on record {\n  last = 1;\n}", 2, 3, "neither a state nor a local");
        assertError("state x LIST<BIGINT>;\non record {\n  x.put(1, 2);\n}", 3, 3, "write x.add(value)");
        assertError("on record { emit temperature + 1; }", 1, 18, "name the value");
        assertError("on reccord { }", 1, 4, "expected `on record` or `on timer`");
        assertError("on record { }\nstate x BIGINT;", 2, 1, "declare state before the first handler");
        assertError("state x BIGINT ttl 0s;\non record { }", 1, 20, "longer than 0");
        assertError("state x WORD;\non record { }", 1, 1, "is not a type");
        assertError("on timer { }", 1, 13, "no `on record");
        assertError("on record { if temperature > 'a' { } }", 1, 28, "cannot compare DOUBLE with STRING");
    }

    @Test
    void expressionErrorsPointIntoTheProgram() {
        assertError("on record {\n  let t = temprature * 2;\n}", 2, 11, "did you mean \"temperature\"");
        assertError("on record {\n  if n { }\n}", 2, 6, "BOOLEAN");
        assertError("on timer {\n  emit room, temperature;\n}\non record { }", 2, 14, "a timer has no record");
    }

    @Test
    void typesAndNamesAreChecked() {
        assertError("state t DOUBLE;\non record { t = 'hot'; }", 2, 17, "expected DOUBLE");
        assertError("state room STRING;\non record { }", 1, 1, "already the name of an input field");
        assertError("on record { let n = 1; }", 1, 13, "a field of the record");
        assertError("on record { let x = NULL; }", 1, 13, "give the NULL a type");
        assertError("on record { temperature = 1; }", 1, 13, "cannot be assigned");
        assertError("on record { emit to alerts room; }", 1, 13, "there is no output \"alerts\"");
        assertError("on record { emit room, n AS x; emit room, room AS x; }", 1, 32, "field \"x\" is STRING here but BIGINT");
        assertError("on record { emit room; emit n; }", 1, 24, "must have the same fields");
        assertError("on record { register event timer room; }", 1, 34, "a timer's time is a TIMESTAMP");
        assertError("state m MAP<STRING, BIGINT>;\non record { m = 1; }", 2, 13, "is a map state");
        assertError("state v BIGINT;\non record { let x = v.get(1); }", 2, 21, "only map states have get()");
        assertError("on record { for x in room { } }", 1, 22, "goes through an ARRAY");
        assertError("on record { if TRUE { let a = 1; } emit room, a; }", 1, 47, "unknown field \"a\"");
    }

    @Test
    void anInputFieldMayNotTakeTheNameOfAClock() {
        ProgramError e = assertThrows(ProgramError.class, () -> ProgramCompiler.compile("on record { }",
                Schema.of("now", DataType.STRING), List.of(new Field("now", DataType.STRING)), PORTS));
        assertTrue(e.reason().contains("rename the field"), e.getMessage());
    }
}
