package io.pdig.tracer.catalogue;

import static org.junit.jupiter.api.Assertions.fail;

import io.pdig.model.driver.Termination;
import io.pdig.model.driver.TraceSession;
import io.pdig.model.event.Event;
import io.pdig.model.event.ProcessEvent;
import io.pdig.model.event.SyscallEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One traced run: the session, its collected events, the tracee's directory and output file.
 * Owned by the test thread; the sink is the only part the driver thread touches.
 */
final class Traced implements AutoCloseable {

    final TraceSession session;
    final CollectingSink sink;
    final Path dir;
    final Path out;
    /** When the session was started (ms since the epoch): the main tracee's birth, roughly. */
    final long startedMillis = System.currentTimeMillis();
    private Termination termination;
    private boolean closed;

    Traced(TraceSession session, CollectingSink sink, Path dir, Path out) {
        this.session = session;
        this.sink = sink;
        this.dir = dir;
        this.out = out;
    }

    int mainPid() {
        return session.mainPid();
    }

    /**
     * Waits for the end of the session on a helper thread, so that a hung tracer fails the test
     * instead of hanging the suite; on timeout the session is closed (which must kill or detach).
     */
    Termination await(long timeoutMillis) throws InterruptedException {
        if (termination != null) {
            return termination;
        }
        FutureTask<Termination> task = new FutureTask<>(session::awaitTermination);
        Thread waiter = new Thread(task, "catalogue-await");
        waiter.setDaemon(true);
        waiter.start();
        try {
            termination = task.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return termination;
        } catch (TimeoutException e) {
            close();
            fail("session did not end within " + timeoutMillis + " ms (tracer hang?); tracee output:\n" + output());
            return null;
        } catch (ExecutionException e) {
            throw new AssertionError("awaitTermination threw", e.getCause());
        }
    }

    Termination termination() {
        return termination;
    }

    List<Event> events() {
        return sink.snapshot();
    }

    List<SyscallEvent> syscalls(String name) {
        return events().stream().filter(e -> e instanceof SyscallEvent s && s.name().equals(name))
                .map(e -> (SyscallEvent) e).collect(Collectors.toList());
    }

    <T extends Event> List<T> events(Class<T> type) {
        List<T> r = new ArrayList<>();
        for (Event e : events()) {
            if (type.isInstance(e)) r.add(type.cast(e));
        }
        return r;
    }

    List<ProcessEvent.Exit> exits(int pid) {
        return events(ProcessEvent.Exit.class).stream().filter(x -> x.tid() == pid).collect(Collectors.toList());
    }

    /** The tracee's stdout and stderr so far (ISO-8859-1, so every byte survives). */
    String output() {
        try {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "<unreadable output: " + e + ">";
        }
    }

    /** The first integer captured by {@code regex} in the output, after waiting for it. */
    int outputInt(String regex, long timeoutMillis) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Matcher m = p.matcher(output());
            if (m.find()) return Integer.parseInt(m.group(1));
            if (System.currentTimeMillis() > end) {
                fail("no /" + regex + "/ in tracee output within " + timeoutMillis + " ms:\n" + output());
            }
            Thread.sleep(10);
        }
    }

    void awaitOutput(String text, long timeoutMillis) throws InterruptedException {
        Tracing.waitUntil("\"" + text + "\" in the output", timeoutMillis, this, () -> output().contains(text));
    }

    String describeEvents() {
        StringBuilder b = new StringBuilder();
        for (Event e : events()) {
            b.append(Events.describe(e)).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
