package io.pdig.analyzer.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of one rules file and the name used in messages. {@code content} is null when the
 * file could not be read; {@code readError} then says why (reported as LOAD_ERR_FILE_READ).
 */
public record RuleSource(String name, String content, String readError) {

    public static RuleSource of(String name, String content) {
        return new RuleSource(name, content, null);
    }

    /** Reads a file; the name in messages is the path as given. */
    public static RuleSource fromPath(Path path) {
        try {
            return new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            // Said as a user would say it, never as a Java exception's name.
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text (a YAML rule file is)"
                    : Files.isDirectory(path) ? "is a directory, not a rule file"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            return new RuleSource(path.toString(), null, "cannot read " + path + ": " + why);
        }
    }

    /**
     * Reads a class-path resource such as {@code /io/pdig/rules/pdig_rules.yaml}; the name in
     * messages is its last path segment ({@code pdig_rules.yaml}).
     */
    public static RuleSource fromResource(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = RuleSource.class.getResourceAsStream(resource)) {
            if (in == null) return new RuleSource(name, null, "class-path resource " + resource + " not found");
            return new RuleSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new RuleSource(name, null, "cannot read resource " + resource + ": " + e.getMessage());
        }
    }
}
