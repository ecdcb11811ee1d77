package io.pdig.model.event;

import java.util.List;
import java.util.Map;

/** Session boundaries: one start and one end per pdig run or attach, both stored in the journal. */
public sealed interface SessionEvent extends Event {

    /**
     * @param hostname      host name of the traced system
     * @param bootId        /proc/sys/kernel/random/boot_id, to tell reboots apart
     * @param pdigVersion   pdig's version
     * @param schemaVersion the journal schema version that wrote it
     * @param command       command line for `run` as the exact bytes of each argument (an argument
 *                      need not be valid UTF-8), empty for attach
     * @param attachPid     target pid for `attach`, 0 for `run`
     * @param processes     initial processes when attaching (their state as an exec plus open fds)
     */
    record Start(long ts, int tid, int pid, String hostname, String bootId, String pdigVersion, int schemaVersion,
                 List<byte[]> command, int attachPid, List<ProcessSnapshot> processes) implements SessionEvent {
    }

    /**
     * @param exitCode the main tracee's exit code, or -1
     * @param signal   the signal that killed it, or 0
     * @param counters named counters (events, stops, drops...)
     */
    record End(long ts, int tid, int pid, int exitCode, int signal, Map<String, Long> counters) implements SessionEvent {
    }

    /** A process present when attaching: its exec-time facts and its open fds (fd number to path bytes). */
    record ProcessSnapshot(ProcessEvent.Exec exec, Map<Integer, byte[]> fds) {
    }
}
