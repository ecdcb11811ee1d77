package io.pdig.analyzer.fields;

import static io.pdig.analyzer.state.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import io.pdig.analyzer.engine.Match;
import io.pdig.analyzer.engine.RuleEngine;
import io.pdig.analyzer.engine.RuleMatching;
import io.pdig.analyzer.output.Alert;
import io.pdig.analyzer.output.AlertFactory;
import io.pdig.analyzer.rules.LoadResult;
import io.pdig.analyzer.rules.Priority;
import io.pdig.analyzer.rules.RuleLoader;
import io.pdig.analyzer.rules.RuleSource;
import io.pdig.analyzer.state.TestEvents.Harness;
import io.pdig.model.event.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * evt.reltime and evt.deltatime: the first counted from the session start record, the second kept
 * per place of use as libsinsp keeps it per filtercheck (per condition check, per output text),
 * through the real analyzer, rule compiler and alert rendering.
 */
class CaptureTimeFieldsTest {

    /** start() is at T0 - 1000 ns; bash(50) execs, then its calls come at T0 + the given offsets. */
    private static Harness shell() {
        return new Harness().feed(start("box"), exec(50, "/usr/bin/bash", "bash").ts(T0 - 500).build());
    }

    @Test
    void reltimeCountsFromTheSessionStartRecord() {
        Harness h = shell().feed(sys(T0, 50, 50, "getpid", 50));
        assertEquals(1_000L, h.value("evt.reltime"));
        assertEquals(0L, h.value("evt.reltime.s"));
        assertEquals(1_000L, h.value("evt.reltime.ns"));
        h.feed(sys(T0 + 2_500_000_000L, 50, 50, "getpid", 50));
        assertEquals(2_500_001_000L, h.value("evt.reltime"));
        assertEquals(2L, h.value("evt.reltime.s"));
        assertEquals(500_001_000L, h.value("evt.reltime.ns"));
    }

    @Test
    void aNewSessionCountsFromItsOwnStart() {
        Harness h = shell().feed(sys(T0 + 5_000_000_000L, 50, 50, "getpid", 50));
        assertEquals(5_000_001_000L, h.value("evt.reltime"));
        h.feed(new SessionEvent.Start(T0 + 9_000_000_000L, 1, 1, "box", "boot", "0.1.0", 8, List.of(), 0, List.of()),
                exec(70, "/usr/bin/id", "id").ts(T0 + 9_100_000_000L).build(),
                sys(T0 + 9_000_000_700L, 70, 70, "getpid", 70));
        assertEquals(700L, h.value("evt.reltime"), "an exec's own execve comes after it but began before it");
    }

    @Test
    void withoutASessionStartThereIsNoCaptureAndNoValue() {
        // A reader that starts inside a session (a resumed sidecar, retention) has no start record.
        Harness h = new Harness().feed(exec(50, "/usr/bin/bash", "bash").build(), sys(T0, 50, 50, "getpid", 50));
        for (String f : List.of("evt.reltime", "evt.reltime.s", "evt.reltime.ns", "evt.deltatime", "evt.deltatime.s",
                "evt.deltatime.ns")) {
            assertNull(h.value(f), f);
        }
    }

    private static final String RULES = """
            - rule: first output
              desc: d
              condition: evt.type = getpid and proc.pid = 50
              output: since the last getpid alert %evt.deltatime.s s %evt.deltatime.ns ns (%evt.deltatime)
              priority: NOTICE
            - rule: same output text
              desc: d
              condition: evt.type = getpid and proc.pid = 60
              output: since the last getpid alert %evt.deltatime.s s %evt.deltatime.ns ns (%evt.deltatime)
              priority: NOTICE
            - rule: other output text
              desc: d
              condition: evt.type = getpid and proc.pid = 60
              output: "delta=%evt.deltatime"
              priority: NOTICE
            - rule: a condition on it
              desc: d
              condition: evt.type = getppid and evt.deltatime > 1000000
              output: slow getppid
              priority: NOTICE
            """;

    /** Runs the rules on each event as the analyzer would and renders every alert, text and JSON. */
    private static final class Detection {
        final Harness h = shell().feed(fork(T0 - 400, 50, 60));
        final RuleEngine engine;
        final AlertFactory alerts = new AlertFactory("fallback");
        final List<Alert> fired = new ArrayList<>();

        Detection() {
            LoadResult r = RuleLoader.load(List.of(RuleSource.of("delta.yaml", RULES)), FieldRegistry.standard());
            assertFalse(r.hasErrors(), () -> r.errors().toString());
            engine = new RuleEngine(r, RuleMatching.ALL, Priority.DEBUG);
        }

        List<String> feed(long ts, int pid, String call) {
            h.feed(sys(ts, pid, pid, call, pid));
            List<String> lines = new ArrayList<>();
            for (Match m : engine.evaluate(call, h.last())) {
                Alert a = alerts.create(h.last(), m.rule().name(), m.rule().priority(), "syscall", m.rule().tags(),
                        m.rule().output());
                fired.add(a);
                lines.add(a.message());
            }
            return lines;
        }
    }

    @Test
    void deltatimeIsPerOutputTextAsFalcosFormatterCacheMakesIt() {
        Detection d = new Detection();
        assertEquals(List.of("since the last getpid alert 0 s 000000000 ns (0)"), d.feed(T0, 50, "getpid"),
                "the first extraction gives 0");
        // pid 60: the shared text has seen one event before (pid 50's); the other text none.
        assertEquals(List.of("since the last getpid alert 1 s 000000250 ns (1000000250)", "delta=0"),
                d.feed(T0 + 1_000_000_250L, 60, "getpid"));
        assertEquals(List.of("since the last getpid alert 0 s 000005000 ns (5000)"), d.feed(T0 + 1_000_005_250L, 50, "getpid"));
        assertEquals(List.of("since the last getpid alert 0 s 000001000 ns (1000)", "delta=6000"),
                d.feed(T0 + 1_000_006_250L, 60, "getpid"));
        // The JSON fields are the text's values: asking again for the same event gives the same value.
        Alert last = d.fired.get(d.fired.size() - 2);
        assertEquals(1000L, last.outputFields().get("evt.deltatime"), last.outputFields().toString());
        assertEquals(0L, last.outputFields().get("evt.deltatime.s"));
        assertEquals(1000L, last.outputFields().get("evt.deltatime.ns"));
    }

    @Test
    void inAConditionItIsTheTimeSinceTheCheckLastRan() {
        Detection d = new Detection();
        assertEquals(List.of(), d.feed(T0, 50, "getppid"), "0 the first time");
        assertEquals(List.of(), d.feed(T0 + 1_000_000, 50, "getppid"), "1 ms is not above the bound");
        // The getpid events in between are not evaluated by this check, so they do not count.
        d.feed(T0 + 2_000_000, 50, "getpid");
        assertEquals(List.of("slow getppid"), d.feed(T0 + 2_500_000, 50, "getppid"));
    }

    @Test
    void aNewSessionStartsAgainAtZero() {
        Detection d = new Detection();
        d.feed(T0, 50, "getpid");
        d.h.feed(new SessionEvent.Start(T0 + 60_000_000_000L, 1, 1, "box", "boot", "0.1.0", 8, List.of(), 0, List.of()),
                exec(50, "/usr/bin/bash", "bash").ts(T0 + 60_000_000_500L).build());
        assertEquals(List.of("since the last getpid alert 0 s 000000000 ns (0)"), d.feed(T0 + 60_000_001_000L, 50, "getpid"),
                "live detection of the second session never saw the first");
    }
}
