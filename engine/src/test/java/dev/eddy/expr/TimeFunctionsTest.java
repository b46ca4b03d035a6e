package dev.eddy.expr;

import static dev.eddy.expr.Eval.check;
import static dev.eddy.expr.Eval.error;
import static dev.eddy.expr.Eval.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeFunctionsTest {
    @Test
    void toTimestamp() {
        check("TO_TIMESTAMP(0)", Instant.EPOCH);
        check("TO_TIMESTAMP(1709634030123)", Instant.parse("2024-03-05T10:20:30.123Z"));
        check("TO_TIMESTAMP(-1)", Instant.parse("1969-12-31T23:59:59.999Z"));
        check("TO_TIMESTAMP('2024-03-05 10:20:30.123')", Eval.TS);
        check("TO_TIMESTAMP('2024-03-05T10:20:30.123Z')", Eval.TS);
        check("TO_TIMESTAMP('05/03/2024 10:20', 'dd/MM/yyyy HH:mm')", Instant.parse("2024-03-05T10:20:00Z"));
        check("TO_TIMESTAMP('05.03.2024', 'dd.MM.yyyy')", Instant.parse("2024-03-05T00:00:00Z"));
        assertEquals("TO_TIMESTAMP(s): 'Hello' is not a timestamp in the expected form", failure("TO_TIMESTAMP(s)"));
        assertEquals("TO_TIMESTAMP('2024-03-05', 'dd/MM/yyyy'): '2024-03-05' is not a timestamp in the expected form",
                failure("TO_TIMESTAMP('2024-03-05', 'dd/MM/yyyy')"));
        error("TO_TIMESTAMP(n, 'yyyy')", "column 17: TO_TIMESTAMP takes a format only when the value is a STRING");
        error("TO_TIMESTAMP(b)", "column 14: TO_TIMESTAMP argument 1 must be BIGINT or STRING but is BOOLEAN");
        error("TO_TIMESTAMP(s, 'yyyy-MM-dd bbb')", "column 17: bad date-time pattern 'yyyy-MM-dd bbb': Unknown pattern letter: b");
    }

    @Test
    void fields() {
        check("EPOCH_MILLIS(ts)", 1709634030123L);
        check("EPOCH_MILLIS(TO_TIMESTAMP(42))", 42L);
        check("YEAR(ts)", 2024L);
        check("MONTH(ts)", 3L);
        check("DAYOFMONTH(ts)", 5L);
        check("DAYOFWEEK(ts)", 3L);
        check("DAYOFWEEK(TIMESTAMP '2024-03-03')", 1L);
        check("DAYOFWEEK(TIMESTAMP '2024-03-09')", 7L);
        check("DAYOFYEAR(ts)", 65L);
        check("HOUR(ts)", 10L);
        check("MINUTE(ts)", 20L);
        check("SECOND(ts)", 30L);
        check("HOUR(TIMESTAMP '2024-01-01T23:30:00+02:00')", 21L);
    }

    @Test
    void formatAddAndFloor() {
        check("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm')", "2024-03-05 10:20");
        check("DATE_FORMAT(ts, 'HH:mm:ss.SSS')", "10:20:30.123");
        check("DATE_FORMAT(ts, SUBSTRING(s, 1, 1) || 'H')", "10");
        assertEquals("bad date-time pattern 'Hello': Unknown pattern letter: l", failure("DATE_FORMAT(ts, s)"));
        check("DATE_FORMAT(ts, 'EEE')", "Tue");
        error("DATE_FORMAT(ts, 'yyyy-MM-dd bbb')", "column 17: bad date-time pattern 'yyyy-MM-dd bbb': Unknown pattern letter: b");
        check("TIMESTAMP_ADD(ts, 877)", Instant.parse("2024-03-05T10:20:31Z"));
        check("TIMESTAMP_ADD(ts, -3600000)", Instant.parse("2024-03-05T09:20:30.123Z"));
        check("FLOOR_TO(ts, 'SECOND')", Instant.parse("2024-03-05T10:20:30Z"));
        check("FLOOR_TO(ts, 'MINUTE')", Instant.parse("2024-03-05T10:20:00Z"));
        check("FLOOR_TO(ts, 'hour')", Instant.parse("2024-03-05T10:00:00Z"));
        check("FLOOR_TO(ts, 'DAY')", Instant.parse("2024-03-05T00:00:00Z"));
        check("FLOOR_TO(ts, 'MONTH')", Instant.parse("2024-03-01T00:00:00Z"));
        check("FLOOR_TO(ts, 'YEAR')", Instant.parse("2024-01-01T00:00:00Z"));
        check("FLOOR_TO(TO_TIMESTAMP(-1), 'DAY')", Instant.parse("1969-12-31T00:00:00Z"));
        error("FLOOR_TO(ts, 'HOURS')", "column 14: bad FLOOR_TO unit 'HOURS': use SECOND, MINUTE, HOUR, DAY, MONTH or YEAR");
        assertEquals("bad FLOOR_TO unit 'Hello': use SECOND, MINUTE, HOUR, DAY, MONTH or YEAR", failure("FLOOR_TO(ts, s)"));
    }

    @Test
    void nullInputsGiveNull() {
        for (String e : List.of("TO_TIMESTAMP(nn)", "TO_TIMESTAMP(ns)", "TO_TIMESTAMP(NULL)", "TO_TIMESTAMP(s, ns)",
                "EPOCH_MILLIS(nts)", "YEAR(nts)", "MONTH(nts)", "DAYOFMONTH(nts)", "DAYOFWEEK(nts)", "DAYOFYEAR(nts)",
                "HOUR(nts)", "MINUTE(nts)", "SECOND(nts)", "DATE_FORMAT(nts, 'yyyy')", "DATE_FORMAT(ts, ns)",
                "TIMESTAMP_ADD(nts, 1)", "TIMESTAMP_ADD(ts, nn)", "FLOOR_TO(nts, 'DAY')", "FLOOR_TO(ts, ns)")) {
            check(e, null);
        }
    }
}
