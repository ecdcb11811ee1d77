package io.pdig.model.render;

import io.pdig.model.consts.Capabilities;
import io.pdig.model.consts.FileConsts;
import io.pdig.model.consts.ProcessConsts;
import io.pdig.model.consts.Signals;
import io.pdig.model.syscall.ArgKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Field layouts of the small structs stored as {@link io.pdig.model.event.ArgValue.Words}: the
 * words are the struct's memory read as little-endian 64-bit words.
 * <ul>
 *   <li>CLONE_ARGS: struct clone_args, all fields u64: flags, pidfd, child_tid, parent_tid,
 *   exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup (as many as were read).</li>
 *   <li>OPEN_HOW: struct open_how, u64 flags, mode, resolve.</li>
 *   <li>CAP_DATA: struct __user_cap_data_struct[2], six u32 (effective, permitted, inheritable of
 *   the low then the high 32 capabilities), one per word, as the tracer reads them; a version 1
 *   header gives one struct (three words), the low 32 capabilities only. CAP_DATA_OUT alike.</li>
 * </ul>
 */
public final class StructLayouts {

    /**
     * One decoded field.
     *
     * @param text   the strace rendering
     * @param number the value when it is best shown as a plain JSON number, else null
     * @param shownWhenZero false for optional pointer-like fields that strace leaves out when 0
     */
    public record Field(String name, String text, Long number, boolean shownWhenZero, long raw) {
    }

    private static final String[] CLONE_ARGS = {"flags", "pidfd", "child_tid", "parent_tid", "exit_signal", "stack",
        "stack_size", "tls", "set_tid", "set_tid_size", "cgroup"};

    private static final long O_CREAT = 0100;
    private static final long O_TMPFILE = 020200000;

    private StructLayouts() {
    }

    /** True when the kind has a known layout. */
    public static boolean known(ArgKind kind) {
        return kind == ArgKind.CLONE_ARGS || kind == ArgKind.OPEN_HOW || kind == ArgKind.CAP_DATA || kind == ArgKind.CAP_DATA_OUT;
    }

    /** The fields of a struct of a known kind; an empty list for other kinds. */
    public static List<Field> fields(ArgKind kind, long[] w) {
        List<Field> out = new ArrayList<>();
        if (kind == ArgKind.CLONE_ARGS) {
            for (int i = 0; i < w.length && i < CLONE_ARGS.length; i++) {
                String n = CLONE_ARGS[i];
                long v = w[i];
                switch (n) {
                    case "flags" -> out.add(new Field(n, ProcessConsts.CLONE3_FLAGS.render(v), null, true, v));
                    case "exit_signal" -> out.add(new Field(n, Signals.TABLE.render(v), null, true, v));
                    // pidfd, child_tid, parent_tid, set_tid, stack and tls are pointers (hex)
                    case "stack_size", "set_tid_size", "cgroup" ->
                            out.add(new Field(n, Long.toUnsignedString(v), v, n.equals("stack_size"), v));
                    default -> out.add(new Field(n, hex(v), null, n.equals("stack"), v));
                }
            }
        } else if (kind == ArgKind.OPEN_HOW) {
            if (w.length > 0) out.add(new Field("flags", FileConsts.OPEN_FLAGS.render(w[0]), null, true, w[0]));
            // strace leaves mode out when the flags create nothing and it is 0 (the kernel requires
            // it to be 0 then), and prints it in octal otherwise (000 for a 0 with O_CREAT)
            if (w.length > 1) {
                boolean creates = w.length > 0 && ((w[0] & O_CREAT) != 0 || (w[0] & O_TMPFILE) == O_TMPFILE);
                out.add(new Field("mode", Modes.octal(w[1]), null, creates, w[1]));
            }
            if (w.length > 2) out.add(new Field("resolve", FileConsts.RESOLVE_FLAGS.render(w[2]), null, true, w[2]));
        } else if (kind == ArgKind.CAP_DATA || kind == ArgKind.CAP_DATA_OUT) {
            long[] u = new long[6];
            for (int i = 0; i < 6 && i < w.length; i++) u[i] = w[i] & 0xffffffffL;
            boolean two = w.length >= 6;
            String[] names = {"effective", "permitted", "inheritable"};
            for (int k = 0; k < 3; k++) {
                long mask = u[k] | (two ? u[3 + k] << 32 : 0);
                out.add(new Field(names[k], Capabilities.strace(mask), null, true, mask));
            }
        }
        return out;
    }

    /** strace's struct form: {@code {flags=O_RDONLY, mode=000, resolve=0}}, unknown kinds as a hex word list. */
    public static String strace(ArgKind kind, long[] w) {
        if (!known(kind)) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < w.length; i++) sb.append(i > 0 ? ", " : "").append(hex(w[i]));
            return sb.append(']').toString();
        }
        StringBuilder sb = new StringBuilder("{");
        for (Field f : fields(kind, w)) {
            if (kind == ArgKind.CLONE_ARGS ? !cloneFieldShown(f, w) : f.raw() == 0 && !f.shownWhenZero()) continue;
            if (sb.length() > 1) sb.append(", ");
            sb.append(f.name()).append('=').append(kind == ArgKind.CLONE_ARGS ? cloneFieldText(f) : f.text());
        }
        return sb.append('}').toString();
    }

    private static final long CLONE_PIDFD = 0x1000;
    private static final long CLONE_SETTLS = 0x80000;
    private static final long CLONE_PARENT_SETTID = 0x100000;
    private static final long CLONE_CHILD_CLEARTID = 0x200000;
    private static final long CLONE_CHILD_SETTID = 0x1000000;
    private static final long CLONE_INTO_CGROUP = 0x200000000L;

    /**
     * Whether strace prints a clone_args field: the kernel reads pidfd, child_tid, parent_tid, tls
     * and cgroup only under their flags, so strace shows them only then (whatever the caller left
     * in them otherwise is noise); set_tid and set_tid_size when either is set; the rest always.
     */
    private static boolean cloneFieldShown(Field f, long[] w) {
        long flags = w.length > 0 ? w[0] : 0;
        return switch (f.name()) {
            case "pidfd" -> (flags & CLONE_PIDFD) != 0;
            case "child_tid" -> (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0;
            case "parent_tid" -> (flags & CLONE_PARENT_SETTID) != 0;
            case "tls" -> (flags & CLONE_SETTLS) != 0;
            case "set_tid", "set_tid_size" -> w.length > 9 && (w[8] != 0 || w[9] != 0);
            case "cgroup" -> (flags & CLONE_INTO_CGROUP) != 0 || f.raw() != 0;
            default -> true;
        };
    }

    /** strace's text of a clone_args field: stack as a pointer (NULL when 0), stack_size in hex. */
    private static String cloneFieldText(Field f) {
        return switch (f.name()) {
            case "stack" -> f.raw() == 0 ? "NULL" : hex(f.raw());
            case "stack_size" -> hex(f.raw());
            default -> f.text();
        };
    }

    static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }
}
