package io.pdig.tracer;

import io.pdig.model.syscall.Abi;
import io.pdig.model.syscall.StopCondition;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the classic-BPF seccomp program from a {@link TracePolicy} (so from the table rows): the
 * kernel runs it on every syscall of every tracee, and only the calls it answers with
 * SECCOMP_RET_TRACE cost a ptrace stop.
 *
 * <p>Shape (x86_64 host):
 * <pre>
 *   A = arch
 *   arch == I386   -> i386 block (i386 numbers from the table)
 *   arch != X86_64 -> KILL_PROCESS     (no other arch can run here; never let it through unseen)
 *   A = nr
 *   nr >= X32 bit  -> TRACE             (x32: the tracer reports it and denies it)
 *   nr == each stopped number -> TRACE  (pairs "jeq nr,0,1; ret TRACE": no jump exceeds 8 bits)
 *     or, for rows with a stop condition: A = arg; arg == each value -> TRACE; ALLOW
 *     or, for a bit condition: A = arg; arg & bits -> TRACE; ALLOW
 *   nr > max known -> TRACE             (numbers newer than the table: never allowed silently)
 *   ALLOW
 * </pre>
 * Jumps between blocks use BPF_JA, whose offset is 32 bits.
 */
public final class SeccompPolicy {

    public static final int RET_KILL_PROCESS = 0x80000000;
    public static final int RET_TRACE = 0x7ff00000;
    public static final int RET_ALLOW = 0x7fff0000;
    public static final int RET_ERRNO = 0x00050000;

    static final short LD_W_ABS = 0x20;
    static final short JEQ_K = 0x15;
    static final short JGE_K = 0x35;
    static final short JGT_K = 0x25;
    static final short JSET_K = 0x45;
    static final short JA = 0x05;
    static final short RET_K = 0x06;

    static final int OFF_NR = 0;
    static final int OFF_ARCH = 4;
    /** seccomp_data.args[0]; each argument is 8 bytes, its low word first (little-endian). */
    static final int OFF_ARGS = 16;

    /** One BPF instruction (struct sock_filter). */
    public record Insn(short code, int jt, int jf, int k) {
    }

    private SeccompPolicy() {
    }

    /** The program as instructions (for tests and for {@link #encode}). */
    public static List<Insn> build(TracePolicy policy) {
        List<Insn> p = new ArrayList<>();
        p.add(new Insn(LD_W_ABS, 0, 0, OFF_ARCH));
        p.add(new Insn(JEQ_K, 0, 1, (int) Ptrace.AUDIT_ARCH_I386));
        int jumpToI386 = p.size();
        p.add(null); // patched: ja i386 block
        p.add(new Insn(JEQ_K, 1, 0, (int) Ptrace.AUDIT_ARCH_X86_64));
        p.add(new Insn(RET_K, 0, 0, RET_KILL_PROCESS));
        // x86_64 block
        p.add(new Insn(LD_W_ABS, 0, 0, OFF_NR));
        p.add(new Insn(JGE_K, 0, 1, Abi.X32_SYSCALL_BIT));
        p.add(new Insn(RET_K, 0, 0, RET_TRACE));
        numberBlock(p, policy, Abi.X86_64);
        int i386Start = p.size();
        p.set(jumpToI386, new Insn(JA, 0, 0, i386Start - jumpToI386 - 1));
        p.add(new Insn(LD_W_ABS, 0, 0, OFF_NR));
        numberBlock(p, policy, Abi.I386);
        if (p.size() > 4096) {
            throw new IllegalStateException("seccomp program too long: " + p.size() + " instructions");
        }
        return p;
    }

    private static void numberBlock(List<Insn> p, TracePolicy policy, Abi abi) {
        int max = policy.maxKnown(abi);
        for (int nr = 0; nr <= max; nr++) {
            if (!policy.stops(abi, nr)) continue;
            StopCondition cond = policy.stopCondition(abi, nr);
            if (cond == null) {
                p.add(new Insn(JEQ_K, 0, 1, nr));
                p.add(new Insn(RET_K, 0, 0, RET_TRACE));
            } else if (cond.anyOfBits() != 0) {
                p.add(new Insn(JEQ_K, 0, 4, nr));
                p.add(new Insn(LD_W_ABS, 0, 0, OFF_ARGS + 8 * cond.argIndex()));
                p.add(new Insn(JSET_K, 0, 1, (int) cond.anyOfBits()));
                p.add(new Insn(RET_K, 0, 0, RET_TRACE));
                p.add(new Insn(RET_K, 0, 0, RET_ALLOW));
            } else {
                // nr matches: load the argument's low word; trace on a listed value, else allow.
                int block = 1 + 2 * cond.values().length + 1;
                p.add(new Insn(JEQ_K, 0, block, nr));
                p.add(new Insn(LD_W_ABS, 0, 0, OFF_ARGS + 8 * cond.argIndex()));
                for (long v : cond.values()) {
                    p.add(new Insn(JEQ_K, 0, 1, (int) v));
                    p.add(new Insn(RET_K, 0, 0, RET_TRACE));
                }
                p.add(new Insn(RET_K, 0, 0, RET_ALLOW));
            }
        }
        p.add(new Insn(JGT_K, 0, 1, max));
        p.add(new Insn(RET_K, 0, 0, RET_TRACE));
        p.add(new Insn(RET_K, 0, 0, RET_ALLOW));
    }

    /** struct sock_filter[] bytes (little-endian u16 code, u8 jt, u8 jf, u32 k). */
    public static byte[] encode(List<Insn> prog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prog.size() * 8);
        for (Insn i : prog) {
            out.write(i.code() & 0xff);
            out.write((i.code() >> 8) & 0xff);
            out.write(i.jt());
            out.write(i.jf());
            for (int b = 0; b < 4; b++) {
                out.write((i.k() >>> (8 * b)) & 0xff);
            }
        }
        return out.toByteArray();
    }
}
