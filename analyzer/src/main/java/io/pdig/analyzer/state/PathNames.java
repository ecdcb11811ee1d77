package io.pdig.analyzer.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Path text helpers with Falco's semantics: lexical normalization ("." and ".." collapsed, no
 * symlink resolution), like libsinsp's concatenate_paths.
 */
public final class PathNames {
    private PathNames() {
    }

    /** Bytes as text; invalid UTF-8 becomes U+FFFD (paths are bytes on Linux). */
    public static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** {@code rel} resolved against {@code base} (when relative) and normalized; null base keeps rel as is. */
    public static String resolve(String base, String rel) {
        if (rel == null) {
            return null;
        }
        if (rel.startsWith("/")) {
            return normalize(rel);
        }
        if (base == null) {
            return rel;
        }
        return normalize(base + "/" + rel);
    }

    /** Lexically normalizes an absolute path. */
    public static String normalize(String abs) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : abs.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        if (parts.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append('/').append(p);
        }
        return b.toString();
    }

    /** Falco fd.directory: the path without its last component ("/" for top-level files). */
    public static String directory(String path) {
        if (path == null) {
            return null;
        }
        int i = path.lastIndexOf('/');
        if (i < 0) {
            return null;
        }
        return i == 0 ? "/" : path.substring(0, i);
    }

    /** Falco fd.filename: the last path component. */
    public static String filename(String path) {
        if (path == null) {
            return null;
        }
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
