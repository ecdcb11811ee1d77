package io.pdig.analyzer.fields;

import io.pdig.analyzer.state.Capture;
import io.pdig.analyzer.state.StateView;

/**
 * evt.deltatime (or its .s or .ns part) for one place of use: the time between this event and the
 * previous event, of any thread, that the same place extracted the field from, as libsinsp's
 * filtercheck computes it. The first extraction gives 0. In an output format that is the time
 * since the previous alert printed with the same output text (Falco shares one formatter per
 * text); in a condition, since the previous event the check was evaluated on.
 *
 * <p>Two differences from libsinsp, both so that the value is a property of the journal: it
 * starts again at 0 in each journal session (a replay of several sessions gives what live
 * detection of each gave), and asking again for the same event gives the same value (libsinsp's
 * second extraction, for a JSON alert's output_fields, gives 0). Before a session start record has
 * been read there is no value ({@link Capture}). pdig stamps a syscall at its entry and journals
 * it at its exit, so a call that began before the previous one has a negative delta.
 *
 * <p>Mutable; confined to the thread that evaluates the rules (see {@link PerUseField}).
 */
final class DeltaTime implements Field.Extractor {

    /** Which value of the delta the field gives. */
    enum Part {
        /** The delta in ns (evt.deltatime). */
        WHOLE,
        /** Its integer part in seconds (evt.deltatime.s). */
        SECONDS,
        /** Its fractional part in ns (evt.deltatime.ns). */
        FRACTION
    }

    private final Part part;
    /** The session of the previous extraction; null before the first. Compared by identity. */
    private Capture capture;
    private long previousSeq;
    private long previousTs;
    private long delta;

    DeltaTime(Part part) {
        this.part = part;
    }

    @Override
    public Object extract(EvalContext ctx, String argument) {
        StateView state = ctx.state();
        Capture current = state == null ? null : state.capture();
        if (current == null) {
            return null;
        }
        long ts = ctx.event().ts();
        if (current != capture) {
            capture = current;
            delta = 0;
        } else if (ctx.seq() != previousSeq) {
            delta = ts - previousTs;
        }
        previousSeq = ctx.seq();
        previousTs = ts;
        return switch (part) {
            case WHOLE -> delta;
            case SECONDS -> delta / 1_000_000_000L;
            case FRACTION -> delta % 1_000_000_000L;
        };
    }
}
