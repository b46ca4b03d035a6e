package dev.eddy.catalog;

import dev.eddy.expr.Suggest;
import java.util.Collection;

/** "Did you mean ...?" for misspelt types, parameters, ports and node ids, as expressions do for fields. */
public final class Suggestions {
    private Suggestions() {}

    /** " (did you mean \"x\"?)" or the empty string when nothing is close. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String best = Suggest.closest(wrong, candidates);
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }
}
