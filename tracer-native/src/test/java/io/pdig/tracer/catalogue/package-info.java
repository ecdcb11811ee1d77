/**
 * The reliability catalogue (docs: shared/docs/reliability.md, sections A-I and K-M) as tests of
 * the ptrace driver. Every case runs a real C program from test-programs/src under
 * {@link io.pdig.tracer.PtraceDriver} and asserts both what the program itself observed (it prints
 * it) and what the driver reported (termination, events). {@link io.pdig.tracer.catalogue.LeakCheck}
 * runs after each test: no tracee left, nothing still traced by this JVM, no tracer thread left,
 * no fd growth.
 *
 * <p>Where each case lives (program: test):
 * <ul>
 *   <li>A exit status: exit_code, sig, exit_race, leader_exit: {@code ExitStatusTest}; A4 (blocked
 *       SIGTERM in the launcher) and pdig's own re-raise: pdig-launcher {@code RunExitStatusTest}</li>
 *   <li>B signals: sleeper, siginfo, kill_child, sigstate (B4 via a child JVM): {@code SignalTest}</li>
 *   <li>C job control: sleeper, tstp, orphan_pgrp: {@code JobControlTest} (C5, -D modes: not in scope)</li>
 *   <li>D fork/vfork/clone/threads: fork_f, vfork_loop, thread_fork_loop, looping_threads,
 *       clone_ptrace, threads: {@code ForkCloneTest}</li>
 *   <li>E exec: thread_exec, exec_args, hello_i386: {@code ExecTest} (E6 -b execve: no such mode)</li>
 *   <li>F orphans: daemon, zombie, pdeathsig, churn: {@code OrphanTest}</li>
 *   <li>G restarts: erestartsys, restart_sleep, sleeper, epoll_wait: {@code RestartTest}</li>
 *   <li>H attach: mt_wait, sleeper: {@code AttachTest} (H6 is a documented policy)</li>
 *   <li>I tracer death: fail_open, kill_tracer, mt_wait in a child JVM ({@code TracerHost}):
 *       {@code TracerDeathTest} (I3 checks the dedicated tracer thread; no fault injection)</li>
 *   <li>K argument decoding: badptr, longpath, rawbytes, undumpable, fds, nosys: {@code ArgDecodingTest}</li>
 *   <li>L ABIs: int80, x32: {@code AbiTest} (i386 decoding is skipped on kernels without IA32
 *       emulation, where the transparency of the fault is checked instead)</li>
 *   <li>M evasion: untraced, notif, uring, toctou, antidebug: {@code EvasionTest}</li>
 * </ul>
 */
package io.pdig.tracer.catalogue;
