package io.pdig.model.render;

import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.Signals;

/**
 * The POSIX timers' structs as strace 6.1 shows them: a struct sigevent ({@code {sigev_value=
 * {sival_int=42, sival_ptr=0x2a}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}}, sigev_value
 * only when it is not 0, the thread id or the function and attributes only for the notifications
 * that use them) and a struct itimerspec ({@code {it_interval={tv_sec=0, tv_nsec=0}, it_value=
 * {tv_sec=5, tv_nsec=0}}}), from the Words ArgKind.SIGEVENT and ITIMERSPEC describe.
 */
final class TimerText {

    /** Words of a struct sigevent: address, value, signo, notify, then the union's first two words. */
    static final int SIGEVENT_WORDS = 6;
    /** Words of a struct itimerspec: address, then the four longs. */
    static final int ITIMERSPEC_WORDS = 5;

    private static final long SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;

    private TimerText() {
    }

    static String sigevent(long[] w) {
        StringBuilder sb = new StringBuilder("{");
        if (w[1] != 0) sb.append("sigev_value={sival_int=").append((int) w[1]).append(", sival_ptr=").append(StructLayouts.hex(w[1])).append("}, ");
        sb.append("sigev_signo=").append(Signals.TABLE.render(w[2])).append(", sigev_notify=")
                .append(XlatText.value(ProcessConsts.SIGEV_NOTIFY, w[3], "SIGEV_???"));
        if (w[3] == SIGEV_THREAD_ID) sb.append(", sigev_notify_thread_id=").append((int) w[4]);
        if (w[3] == SIGEV_THREAD) {
            sb.append(", sigev_notify_function=").append(pointer(w[4])).append(", sigev_notify_attributes=").append(pointer(w[5]));
        }
        return sb.append('}').toString();
    }

    static String itimerspec(long[] w) {
        return "{it_interval={tv_sec=" + w[1] + ", tv_nsec=" + w[2] + "}, it_value={tv_sec=" + w[3] + ", tv_nsec=" + w[4] + "}}";
    }

    private static String pointer(long p) {
        return p == 0 ? "NULL" : StructLayouts.hex(p);
    }
}
