package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LikeTest {
    @ParameterizedTest(name = "''{0}'' LIKE ''{1}'' = {2}")
    @CsvSource(delimiter = '|', value = {
        "lab-1|lab-%|true",
        "lab|lab-%|false",
        "xlab-1|lab-%|false",
        "lab-1|%-1|true",
        "lab-1|%ab%|true",
        "lab-1|%x%|false",
        "lab-1|lab-1|true",
        "lab-1|LAB-1|false",
        "lab-1|l_b-_|true",
        "lab-1|l_b|false",
        "ab|a_b|false",
        "''|%|true",
        "''|_|false",
        "abc|%%%|true",
        "abcabc|%b_a%|true",
        "abcabd|a%c|false",
        "aXbXc|a%b%c|true",
        "mississippi|%iss%ppi|true",
        "mississippi|m%iss%iss%iss%|false",
        "h\u00e9llo|h_llo|true",
        "\ud83d\ude00!|_!|true",
    })
    void patterns(String s, String pattern, boolean expected) {
        String text = s.equals("''") ? "" : s;
        assertEquals(expected, LikePattern.compile(pattern, null).matches(text), pattern);
    }

    @Test
    void underscoreMatchesAnyCharacter() {
        assertEquals(true, LikePattern.compile("a_b", null).matches("a\nb"));
        assertEquals(true, LikePattern.compile("a%b", null).matches("a\n\nb"));
    }

    @Test
    void throughExpressions() {
        check("s LIKE 'He%'", true);
        check("s NOT LIKE 'He%'", false);
        check("s LIKE '_ello'", true);
        check("ns LIKE '%'", null);
        check("s LIKE ns", null);
        // A pattern from a field is compiled at run time.
        check("'Hello world' LIKE s || '%'", true);
        check("s LIKE `odd name`", false);
    }

    @Test
    void escapes() {
        check("'100%' LIKE '100!%' ESCAPE '!'", true);
        check("'1000' LIKE '100!%' ESCAPE '!'", false);
        check("'a_b' LIKE 'a!_b' ESCAPE '!'", true);
        check("'axb' LIKE 'a!_b' ESCAPE '!'", false);
        check("'a!b' LIKE 'a!!b' ESCAPE '!'", true);
        check("'a\\b' LIKE 'a\\\\b' ESCAPE '\\'", true);
        check("'50%' LIKE '%\\%' ESCAPE '\\'", true);
        // Without ESCAPE a backslash is an ordinary character.
        check("'a\\_' LIKE 'a\\_'", true);
    }

    @Test
    void badPatterns() {
        error("s LIKE 'a!' ESCAPE '!'", "column 8: bad LIKE pattern 'a!': the pattern ends with the escape character");
        error("s LIKE '!a' ESCAPE '!'", "column 8: bad LIKE pattern '!a': the escape character must be followed by %, _ or itself");
        error("s LIKE 'a' ESCAPE '!!'", "column 19: ESCAPE must be a single character but is '!!'");
        error("s LIKE 'a' ESCAPE s", "column 19: ESCAPE needs a string literal such as '!'");
        error("n LIKE 'a'", "column 3: LIKE needs a STRING on the left but found BIGINT");
        assertEquals("bad LIKE pattern 'Hello!': the pattern ends with the escape character",
                failure("'x' LIKE s || '!' ESCAPE '!'"));
        assertThrows(IllegalArgumentException.class, () -> LikePattern.compile("x!", "!"));
    }
}
