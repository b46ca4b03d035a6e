package dev.eddy.connectors;

import dev.eddy.types.Row;
import java.util.List;

/** Lines of text for word count, drawn from the opening of Hamlet's soliloquy (public domain). */
public final class SentenceSource extends IndexedGenerator {
    static final List<String> LINES = List.of(
            "To be, or not to be, that is the question:",
            "Whether 'tis nobler in the mind to suffer",
            "The slings and arrows of outrageous fortune,",
            "Or to take arms against a sea of troubles,",
            "And by opposing end them. To die: to sleep;",
            "No more; and by a sleep to say we end",
            "The heart-ache and the thousand natural shocks",
            "That flesh is heir to, 'tis a consummation",
            "Devoutly to be wish'd. To die, to sleep;",
            "To sleep: perchance to dream: ay, there's the rub;");

    public SentenceSource(long count, double rate, long start, int subtask, int parallelism) {
        super(count, rate, start, subtask, parallelism);
    }

    @Override
    protected Row generate(long k) {
        return Row.of(LINES.get((int) ((Seeds.mix(seed, k, 1) >>> 1) % LINES.size())));
    }
}
