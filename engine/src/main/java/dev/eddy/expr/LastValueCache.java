package dev.eddy.expr;

import java.util.function.Function;

/**
 * Remembers the last pattern compiled from a non-constant argument. Rows of one stream tend to
 * repeat the same pattern, so one entry avoids recompiling per row without growing without bound.
 * The entry is an immutable record behind a volatile field, so sharing across threads is safe.
 */
final class LastValueCache<T> implements Function<String, T> {
    private record Entry<T>(String key, T value) {}

    private final String what;
    private final Function<String, T> compiler;
    private volatile Entry<T> last;

    LastValueCache(String what, Function<String, T> compiler) {
        this.what = what;
        this.compiler = compiler;
    }

    @Override
    public T apply(String key) {
        Entry<T> e = last;
        if (e != null && e.key().equals(key)) return e.value();
        T value;
        try {
            value = compiler.apply(key);
        } catch (IllegalArgumentException bad) {
            throw new EvaluationException(what + " " + Values.quote(key) + ": " + Values.describe(bad));
        }
        last = new Entry<>(key, value);
        return value;
    }
}
