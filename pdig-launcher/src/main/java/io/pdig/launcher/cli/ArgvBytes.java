package io.pdig.launcher.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact bytes of the traced command's arguments. The JVM hands {@code main} Strings decoded in
 * its platform encoding, where a byte that is not valid there (a file name in Latin-1, say)
 * becomes U+FFFD or '?' for good; the command must get what the user typed, as under strace.
 * /proc/self/cmdline still has the bytes: the command is the tail of pdig's own argv.
 */
final class ArgvBytes {

    private ArgvBytes() {
    }

    /**
     * The bytes of {@code command}, taken from the end of this process's argv; when they cannot be
     * matched to it element by element (e.g. pdig runs inside a test's JVM), the Strings' UTF-8
     * bytes.
     */
    static List<byte[]> exact(List<String> command) {
        List<byte[]> fromArgv = of(command);
        if (fromArgv != null) return fromArgv;
        List<byte[]> utf8 = new java.util.ArrayList<>(command.size());
        for (String s : command) utf8.add(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return utf8;
    }

    /**
     * The bytes of {@code command} as they came in this process's argv, or null when they cannot be
     * matched to it (see {@link #exact}).
     */
    static List<byte[]> of(List<String> command) {
        try {
            return matchTail(Files.readAllBytes(Path.of("/proc/self/cmdline")), command, platformCharset());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The last {@code command.size()} NUL-terminated elements of {@code cmdline}, if each decodes to its String. */
    static List<byte[]> matchTail(byte[] cmdline, List<String> command, Charset charset) {
        List<byte[]> all = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                byte[] item = new byte[i - start];
                System.arraycopy(cmdline, start, item, 0, item.length);
                all.add(item);
                start = i + 1;
            }
        }
        int n = command.size();
        if (n == 0 || all.size() < n) return null;
        List<byte[]> tail = List.copyOf(all.subList(all.size() - n, all.size()));
        for (int i = 0; i < n; i++) {
            if (!new String(tail.get(i), charset).equals(command.get(i))) return null;
        }
        return tail;
    }

    /** The encoding the launcher decoded argv with. */
    private static Charset platformCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
