package io.pdig.model.consts;

import java.util.ArrayList;
import java.util.List;

/** Linux capabilities by bit number, and renderings of capability masks. */
public final class Capabilities {

    /** CAP_* name to bit number. */
    public static final ValueNames BITS = ValueNames.parse("capability", """
            CAP_CHOWN 0
            CAP_DAC_OVERRIDE 1
            CAP_DAC_READ_SEARCH 2
            CAP_FOWNER 3
            CAP_FSETID 4
            CAP_KILL 5
            CAP_SETGID 6
            CAP_SETUID 7
            CAP_SETPCAP 8
            CAP_LINUX_IMMUTABLE 9
            CAP_NET_BIND_SERVICE 10
            CAP_NET_BROADCAST 11
            CAP_NET_ADMIN 12
            CAP_NET_RAW 13
            CAP_IPC_LOCK 14
            CAP_IPC_OWNER 15
            CAP_SYS_MODULE 16
            CAP_SYS_RAWIO 17
            CAP_SYS_CHROOT 18
            CAP_SYS_PTRACE 19
            CAP_SYS_PACCT 20
            CAP_SYS_ADMIN 21
            CAP_SYS_BOOT 22
            CAP_SYS_NICE 23
            CAP_SYS_RESOURCE 24
            CAP_SYS_TIME 25
            CAP_SYS_TTY_CONFIG 26
            CAP_MKNOD 27
            CAP_LEASE 28
            CAP_AUDIT_WRITE 29
            CAP_AUDIT_CONTROL 30
            CAP_SETFCAP 31
            CAP_MAC_OVERRIDE 32
            CAP_MAC_ADMIN 33
            CAP_SYSLOG 34
            CAP_WAKE_ALARM 35
            CAP_BLOCK_SUSPEND 36
            CAP_AUDIT_READ 37
            CAP_PERFMON 38
            CAP_BPF 39
            CAP_CHECKPOINT_RESTORE 40
            """);

    /** The version of a struct __user_cap_header_struct (capget, capset). */
    public static final ValueNames VERSIONS = ValueNames.parse("capability version", """
            _LINUX_CAPABILITY_VERSION_1 0x19980330
            _LINUX_CAPABILITY_VERSION_2 0x20071026
            _LINUX_CAPABILITY_VERSION_3 0x20080522
            """);

    /** How many __user_cap_data_structs a header's version passes (1 or 2), 0 for a version the kernel refuses. */
    public static int dataStructs(long version) {
        String n = VERSIONS.name(version & 0xffffffffL);
        return n == null ? 0 : n.endsWith("_1") ? 1 : 2;
    }

    private Capabilities() {
    }

    /** Names of the known bits set in a mask, lowest bit first (unknown bits are skipped). */
    public static List<String> names(long mask) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                String n = BITS.name(bit);
                if (n != null) out.add(n);
            }
        }
        return out;
    }

    /** The mask of a list of names. @throws IllegalArgumentException for an unknown name */
    public static long mask(List<String> names) {
        long m = 0;
        for (String n : names) {
            long bit = BITS.valueOf(n).orElseThrow(() -> new IllegalArgumentException("unknown capability name '" + n + "'"));
            m |= 1L << bit;
        }
        return m;
    }

    /** strace's form: {@code 1<<CAP_CHOWN|1<<CAP_KILL}, unknown bits in hex, {@code 0} when empty. */
    public static String strace(long mask) {
        StringBuilder sb = new StringBuilder();
        long rest = mask;
        for (int bit = 0; bit < 64; bit++) {
            long b = 1L << bit;
            String n = BITS.name(bit);
            if ((mask & b) != 0 && n != null) {
                if (sb.length() > 0) sb.append('|');
                sb.append("1<<").append(n);
                rest &= ~b;
            }
        }
        if (rest != 0) {
            if (sb.length() > 0) sb.append('|');
            sb.append("0x").append(Long.toHexString(rest));
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    /** Falco's form (thread.cap_effective): names separated by single spaces, empty when none. */
    public static String falco(long mask) {
        return String.join(" ", names(mask));
    }
}
