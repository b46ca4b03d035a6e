package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    @Test
    void caseAndTrim() {
        check("UPPER(s)", "HELLO");
        check("LOWER(s)", "hello");
        check("UPPER('straße')", "STRASSE");
        check("TRIM('  a b  ')", "a b");
        check("LTRIM('  a  ')", "a  ");
        check("RTRIM('  a  ')", "  a");
        check("TRIM('\ta\t')", "\ta\t");
        check("INITCAP('hello wORLD-foo 1st')", "Hello World-Foo 1st");
        check("REVERSE('abc')", "cba");
        check("REVERSE('a\ud83d\ude00')", "\ud83d\ude00a");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        check("LENGTH(s)", 5L);
        check("CHAR_LENGTH('')", 0L);
        check("LENGTH('\ud83d\ude00x')", 2L);
    }

    @Test
    void substring() {
        check("SUBSTRING(s, 2)", "ello");
        check("SUBSTRING(s, 2, 3)", "ell");
        check("SUBSTRING(s, 1, 100)", "Hello");
        check("SUBSTRING(s, 0, 2)", "He");
        check("SUBSTRING(s, -3)", "llo");
        check("SUBSTRING(s, -3, 2)", "ll");
        check("SUBSTRING(s, -10, 3)", "");
        check("SUBSTRING(s, 6)", "");
        check("SUBSTRING(s, 2, -1)", "");
        check("SUBSTRING(s, 2, 9223372036854775807)", "ello");
        check("SUBSTRING('\ud83d\ude00abc', 2, 2)", "ab");
    }

    @Test
    void searchAndReplace() {
        check("REPLACE(s, 'l', 'L')", "HeLLo");
        check("REPLACE(s, '', 'x')", "Hello");
        check("POSITION('llo', s)", 3L);
        check("POSITION('z', s)", 0L);
        check("POSITION('', s)", 1L);
        check("LOCATE('o', s)", 5L);
        check("POSITION('b' IN '\ud83d\ude00ab')", 3L);
        check("STARTS_WITH(s, 'He')", true);
        check("STARTS_WITH(s, 'he')", false);
        check("ENDS_WITH(s, 'llo')", true);
        check("ENDS_WITH(s, 'x')", false);
    }

    @Test
    void concatenating() {
        check("CONCAT(s, '-', CAST(n AS STRING))", "Hello-7");
        check("CONCAT(s)", "Hello");
        check("CONCAT(s, ns)", null);
        check("CONCAT_WS('/', 'a', ns, 'b')", "a/b");
        check("CONCAT_WS('/', s)", "Hello");
        check("CONCAT_WS(ns, 'a', 'b')", null);
        check("CONCAT_WS(',', ns, ns)", "");
    }

    @Test
    void padAndRepeat() {
        check("LPAD('7', 3, '0')", "007");
        check("RPAD('7', 3, '0')", "700");
        check("LPAD('hi', 5, 'ab')", "abahi");
        check("LPAD('hello', 2, '-')", "he");
        check("RPAD('hello', 2, '-')", "he");
        check("LPAD('hi', -1, '-')", null);
        check("LPAD('hi', 4, '')", "hi");
        check("REPEAT('ab', 3)", "ababab");
        check("REPEAT('ab', 0)", "");
        check("REPEAT('ab', -2)", "");
        assertEquals("REPEAT would build a string of 20000000 characters; the limit is 10000000",
                failure("REPEAT('ab', 10000000)"));
        assertEquals("LPAD would build a string of 10000001 characters; the limit is 10000000",
                failure("LPAD('a', 10000001, 'b')"));
    }

    @Test
    void regex() {
        check("REGEXP(s, 'l+')", true);
        check("REGEXP(s, '^l')", false);
        check("REGEXP(s, s)", true);
        check("REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2)", "bar");
        check("REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 1)", "the");
        check("REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)')", "foothebar");
        check("REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 3)", null);
        check("REGEXP_EXTRACT('foothebar', 'x(.)')", null);
        check("REGEXP_REPLACE('a1b22c', '[0-9]+', '#')", "a#b#c");
        check("REGEXP_REPLACE('john smith', '(\\w+) (\\w+)', '$2, $1')", "smith, john");
        check("REGEXP_REPLACE(s, 'x', '$9')", "Hello");
        assertEquals("bad replacement '$9' in `REGEXP_REPLACE(s, 'l', '$9')`: No group 9",
                failure("REGEXP_REPLACE(s, 'l', '$9')"));
        // A pattern from a field is compiled when rows arrive; a bad one fails the row.
        assertEquals("bad regular expression 'odd(': Unclosed group near index 4", failure("REGEXP(s, `odd name` || '(')"));
    }

    @Test
    void splitting() {
        check("SPLIT('a,b,,c,', ',')", List.of("a", "b", "", "c", ""));
        check("SPLIT('abc', '')", List.of("a", "b", "c"));
        check("SPLIT('abc', 'x')", List.of("abc"));
        check("SPLIT('a::b', '::')", List.of("a", "b"));
        check("SPLIT('a.b', '.')", List.of("a", "b"));
        check("REGEXP_SPLIT(LOWER('Hello, world! Hello'), '\\W+')", List.of("hello", "world", "hello"));
        check("REGEXP_SPLIT(' a b ', ' ')", List.of("", "a", "b"));
        check("REGEXP_SPLIT('a1b22c', '[0-9]+')", List.of("a", "b", "c"));
        check("SPLIT_INDEX('a,b,c', ',', 0)", "a");
        check("SPLIT_INDEX('a,b,c', ',', 2)", "c");
        check("SPLIT_INDEX('a,b,c', ',', 3)", null);
        check("SPLIT_INDEX('a,b,c', ',', -1)", null);
    }

    @Test
    void nullInputsGiveNull() {
        for (String e : List.of("UPPER(ns)", "LOWER(ns)", "TRIM(ns)", "LTRIM(ns)", "RTRIM(ns)", "LENGTH(ns)",
                "CHAR_LENGTH(ns)", "SUBSTRING(ns, 1)", "SUBSTRING(s, nn)", "SUBSTRING(s, 1, nn)", "SUBSTR(ns, 1)",
                "REPLACE(ns, 'a', 'b')", "REPLACE(s, ns, 'b')", "REPLACE(s, 'l', ns)", "POSITION(ns, s)",
                "LOCATE(s, ns)", "STARTS_WITH(ns, 'a')", "ENDS_WITH(s, ns)", "LPAD(ns, 3, '0')", "RPAD(s, nn, '0')",
                "REPEAT(ns, 2)", "REPEAT(s, nn)", "INITCAP(ns)", "REVERSE(ns)", "REGEXP(ns, 'a')", "REGEXP(s, ns)",
                "REGEXP_EXTRACT(ns, 'a')", "REGEXP_EXTRACT(s, 'l', nn)", "REGEXP_REPLACE(ns, 'a', 'b')",
                "SPLIT(ns, ',')", "SPLIT(s, ns)", "REGEXP_SPLIT(ns, ',')", "SPLIT_INDEX(s, ',', nn)",
                "UPPER(NULL)", "CONCAT(NULL, 'a')")) {
            check(e, null);
        }
    }

    @Test
    void argumentChecks() {
        error("SUBSTRING(s)", "column 1: SUBSTRING takes 2 or 3 arguments (STRING, BIGINT[, BIGINT]) but got 1");
        error("SUBSTR(s)", "column 1: SUBSTR takes 2 or 3 arguments (STRING, BIGINT[, BIGINT]) but got 1");
        error("UPPER(s, s)", "column 1: UPPER takes 1 argument (STRING) but got 2");
        error("UPPER()", "column 1: UPPER takes 1 argument (STRING) but got 0");
        error("CONCAT()", "column 1: CONCAT takes at least 1 argument (STRING...) but got 0");
        error("UPPER(n)", "column 7: UPPER argument 1 must be STRING but is BIGINT");
        error("SUBSTRING(s, '1')", "column 14: SUBSTRING argument 2 must be BIGINT but is STRING");
        error("SUBSTRING(s, 1.5)", "column 14: SUBSTRING argument 2 must be BIGINT but is DOUBLE");
        error("CONCAT(s, n)", "column 11: CONCAT argument 2 must be STRING but is BIGINT");
        error("REGEXP(s, '(')", "column 11: bad regular expression '(': Unclosed group near index 1");
        error("REGEXP_SPLIT(s, '[a-')", "column 17: bad regular expression '[a-': Illegal character range near index 3");
        error("REGEXP_EXTRACT(s, '*x')", "column 19: bad regular expression '*x': Dangling meta character '*' near index 0");
    }
}
