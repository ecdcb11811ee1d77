package io.pdig.analyzer.fields;

import static io.pdig.analyzer.fields.FieldArg.NONE;
import static io.pdig.analyzer.fields.FieldType.*;

import io.pdig.analyzer.state.ProcessInfo;
import io.pdig.model.event.ProcessEvent;

/**
 * thread.* fields. Threads share their process's state in pdig (capabilities come from the
 * Exec event of the process), so only the thread id itself is per thread, and whether it is the
 * main one (thread.vmsize and thread.vmrss are 0 on the others, as in libsinsp).
 */
final class ThreadFields {
    private ThreadFields() {
    }

    static void register(FieldRegistry.Builder b) {
        b.plain("thread.tid", PID, "thread id", (c, a) -> (long) c.event().tid());
        b.plain("thread.vtid", PID, "thread id in its pid namespace (known on the host only)", (c, a) -> {
            ProcessInfo p = c.process();
            return p != null && p.onHost() ? (long) c.event().tid() : null;
        });
        b.plain("thread.ismain", BOOL, "true for the main thread of the process",
                (c, a) -> c.event().tid() == c.event().pid());
        b.plain("thread.cap_permitted", CHARBUF, "permitted capabilities, e.g. \"CAP_CHOWN CAP_KILL\"", caps(1));
        b.plain("thread.cap_effective", CHARBUF, "effective capabilities, e.g. \"CAP_CHOWN CAP_KILL\"", caps(2));
        b.plain("thread.cap_inheritable", CHARBUF, "inheritable capabilities", caps(0));
        b.noValue("thread.exectime", RELTIME, NONE, "CPU time of the last scheduled run");
        b.noValue("thread.totexectime", RELTIME, NONE, "total CPU time");
        // libsinsp: the main thread's figures, 0 on every other thread.
        b.plain("thread.vmsize", UINT64, "on the main thread, proc.vmsize; 0 on other threads, as in Falco",
                otherThreadsZero(ProcFields.mainThread(ProcessEvent.Memory::sizeKb)));
        b.plain("thread.vmrss", UINT64, "on the main thread, proc.vmrss; 0 on other threads, as in Falco",
                otherThreadsZero(ProcFields.mainThread(ProcessEvent.Memory::rssKb)));
    }

    private static Field.Extractor otherThreadsZero(Field.Extractor mainThread) {
        return (c, a) -> {
            if (c.process() == null) return null;
            return c.event().tid() != c.event().pid() ? (Object) 0L : mainThread.extract(c, a);
        };
    }

    private static Field.Extractor caps(int which) {
        return (c, a) -> {
            ProcessInfo p = c.process();
            Long m = p == null ? null : p.cap(which);
            return m == null ? null : io.pdig.model.consts.Capabilities.falco(m);
        };
    }
}
