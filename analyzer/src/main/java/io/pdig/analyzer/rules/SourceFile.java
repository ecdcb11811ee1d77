package io.pdig.analyzer.rules;

import java.util.Arrays;

/** The text of one rules file with a line index, to turn character offsets into line:column. */
final class SourceFile {
    final String name;
    final String content;
    private final int[] lineStarts;

    SourceFile(String name, String content) {
        this.name = name;
        this.content = content;
        int n = 1;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') n++;
        }
        lineStarts = new int[n];
        int k = 1;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') lineStarts[k++] = i + 1;
        }
    }

    Location at(int offset) {
        int o = Math.max(0, Math.min(offset, content.length()));
        int idx = Arrays.binarySearch(lineStarts, o);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Location(name, line + 1, o - lineStarts[line] + 1);
    }

    Location at(YamlNode n) {
        return new Location(name, n.line(), n.col());
    }

    /** The source line (1-based), without its newline, for snippets. */
    String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int s = lineStarts[line - 1];
        int e = content.indexOf('\n', s);
        return content.substring(s, e < 0 ? content.length() : e);
    }
}
