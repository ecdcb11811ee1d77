package io.pdig.analyzer.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link UserDirectory} from passwd(5) and group(5) text, read once; immutable afterwards and
 * therefore safe to share. Malformed lines are skipped (these files are not ours to validate).
 */
public final class PasswdUserDirectory implements UserDirectory {
    private static final User ROOT = new User("root", "/root", "/bin/bash");

    private final Map<Integer, User> users;
    private final Map<Integer, String> groups;

    private PasswdUserDirectory(Map<Integer, User> users, Map<Integer, String> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Reads the host's /etc/passwd and /etc/group; a missing file counts as empty. */
    public static PasswdUserDirectory host() {
        return load(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    public static PasswdUserDirectory load(Path passwd, Path group) {
        return parse(readOrEmpty(passwd), readOrEmpty(group));
    }

    public static PasswdUserDirectory parse(String passwdText, String groupText) {
        Map<Integer, User> users = new HashMap<>();
        for (String line : passwdText.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < 7) {
                continue;
            }
            Integer uid = parseId(f[2]);
            if (uid != null) {
                users.putIfAbsent(uid, new User(f[0], f[5], f[6]));
            }
        }
        Map<Integer, String> groups = new HashMap<>();
        for (String line : groupText.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < 3) {
                continue;
            }
            Integer gid = parseId(f[2]);
            if (gid != null) {
                groups.putIfAbsent(gid, f[0]);
            }
        }
        return new PasswdUserDirectory(users, groups);
    }

    @Override
    public User user(int uid) {
        User u = users.get(uid);
        return u == null && uid == 0 ? ROOT : u;
    }

    @Override
    public String groupName(int gid) {
        String g = groups.get(gid);
        return g == null && gid == 0 ? "root" : g;
    }

    private static Integer parseId(String s) {
        try {
            return Integer.parseUnsignedInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
