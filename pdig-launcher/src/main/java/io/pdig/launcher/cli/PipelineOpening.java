package io.pdig.launcher.cli;

import io.pdig.journal.JournalException;
import io.pdig.launcher.wiring.Pipeline;
import io.pdig.launcher.wiring.PipelineConfig;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opens a {@link Pipeline} on a short-lived thread of its own while the command's thread loads the
 * rules, so the two slow start-up steps overlap. Exactly one of {@link #get} or {@link #abandon}
 * is called; either way the thread has ended when it returns.
 */
final class PipelineOpening {
    private final FutureTask<Pipeline> task;

    private PipelineOpening(PipelineConfig config) {
        this.task = new FutureTask<>(() -> Pipeline.open(config));
        Thread t = new Thread(task, "pdig-open");
        t.setDaemon(true);
        t.start();
    }

    static PipelineOpening start(PipelineConfig config) {
        return new PipelineOpening(config);
    }

    /** The open pipeline; its errors as the command's own. */
    Pipeline get() throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof JournalException je) throw asUserError(je);
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
    }

    /**
     * A journal that cannot be opened for writing (locked by another pdig, damaged) is the user's
     * to fix and its message already says which journal and why, in one line: no stack-trace hint.
     */
    static ExitCodes.UserError asUserError(JournalException e) {
        return new ExitCodes.UserError(e.getMessage(), e);
    }

    /** The command failed before using the pipeline: close it once it is open. */
    void abandon() {
        try {
            get().close();
        } catch (IOException | RuntimeException e) {
            // the command's own error is the one to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
